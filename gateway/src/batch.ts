/**
 * Reads of different requests, for the same caller, sent to a subgraph as one (issue 17).
 *
 * A dashboard that shows the 75 communes in rotation asks each organization's subgraph, for every
 * viewer, the same fetch with other variables: `{ unit(id: $unit) { women { activityCounts(...) } } }`
 * for another commune. Each costs the subgraph its whole HTTP and GraphQL pipeline for one unit's figures:
 * 0.7 ms of CPU for one unit, against 1.6 ms for eight (0.2 ms each), measured directly on the women's
 * subgraph (BENCHMARKS.md). So while a lane already has a fetch in flight, the next ones of the same lane
 * wait for it and then go together as one operation: each caller's root fields under an alias of its
 * own (`_v0_unit`, `_v1_unit`, …) and its variables renamed alike (`$_v0_unit`), the way
 * @graphql-tools/batch-execute merges requests for schema stitching. Each caller gets its own part of
 * the answer back, with the errors about its own fields, their paths renamed back. A lane with nothing
 * in flight sends at the end of the current turn of the event loop (setImmediate), with every fetch of
 * the lane that turn brought: the requests the gateway read from the network together go together (under
 * load, 2.9 fetches a batch on average before and 44% of batches a single fetch; 3.7 and 21% after,
 * BENCHMARKS.md). A lone caller waits for nothing but the turn it is in. The fetches that waited for a
 * lane's answer go at the end of the turn that answer came in, not at once: the other answers and requests
 * read from the network in that turn add theirs (the distinct counts through the gateway: 176 -> 199
 * req/s, the gateway's CPU per request 3.69 -> 3.15 ms, the subgraphs' 5.19 -> 4.70, BENCHMARKS.md).
 *
 * A lane is the subgraph, the verified user and the Authorization value forwarded, and the exact query
 * text and operation name: callers are only ever batched with themselves (the same verified subject, as
 * dedup.ts shares identical reads), and only reads the policy lets the same caller share (no protected
 * data, whose every read the subgraph records with its record ids). The subgraph audits the request it
 * received under the first caller's request id; every other caller of the batch is reported through
 * `onShared`, for the gateway's own trail (SHARED_ANSWER), as dedup.ts does. Since every member of a lane
 * has the same text, the merged text depends only on how many there are: it is built once per size and
 * the subgraph's parsed-document cache sees a handful of texts, not one per batch.
 *
 * A batch stays within the limits every subgraph applies to one request (EDGE_LIMITS: aliases,
 * directives, tokens) and holds at most eight fetches. If the subgraph refuses the batch as a whole (a 4xx,
 * or an answer without data: its cost limit, say) each caller's fetch is sent again on its own, so no
 * caller is refused for another's company; a failure to answer at all (down, timeout, open circuit) is
 * every caller's, as it would have been.
 */
import {
  Kind,
  Lexer,
  parse,
  print,
  Source,
  TokenKind,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from 'graphql';
import { EDGE_LIMITS } from '@antt/subgraph-kit';
import { asItIs, type InOneCommit, type SharedRead } from './dedup.js';

/** What a subgraph answers: the parts a batch splits (data, errors); the rest (HTTP response, extensions) is shared. */
export interface FetchAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** One caller's fetch in a lane. */
export interface BatchMember<R> {
  variables: Record<string, unknown> | undefined;
  requestId: string;
  /** Sends this caller's fetch as it is. */
  alone: () => Promise<R>;
  /** Sends another text with other variables in place of this caller's fetch (the batch's first caller). */
  together: (query: string, variables: Record<string, unknown>) => Promise<R>;
  onShared: (shared: SharedRead) => void;
}

interface Waiting<R> extends BatchMember<R> {
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface Lane<R> {
  shape: Shape;
  inFlight: number;
  queue: Waiting<R>[];
  /** A flush is due at the end of this turn of the event loop. */
  due: boolean;
}

/** Most fetches in one batch, whatever the limits allow. */
export const MAX_BATCH = 8;

export class FetchBatches<R extends FetchAnswer> {
  private readonly lanes = new Map<string, Lane<R>>();

  /**
   * `maxInFlight`: fetches of one lane in flight at once; more wait and go together. `inOneCommit` runs
   * the `onShared` calls of one batch as one unit (for reports that write: one transaction). If it throws,
   * no caller of the batch was recorded, and none is answered. The gateway's reports only note the source
   * on each caller's request; its one entry is written when the request is answered (server.ts).
   */
  constructor(
    private readonly maxInFlight = 1,
    private readonly inOneCommit: InOneCommit = asItIs,
  ) {}

  /** How many lanes have fetches in flight or waiting (tests). */
  get size(): number {
    return this.lanes.size;
  }

  /**
   * Sends the fetch at the end of this turn if its lane has room, with the lane's other fetches of the
   * turn, or later with the others that waited. The lane's key comes from laneKey, for the same query text.
   */
  run(key: string, query: string, member: BatchMember<R>): Promise<R> {
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { shape: shapeOf(query)!, inFlight: 0, queue: [], due: false }));
    const promise = new Promise<R>((resolve, reject) => lane.queue.push({ ...member, resolve, reject }));
    if (lane.inFlight < this.maxInFlight) this.flushLater(key, lane);
    return promise;
  }

  /** Sends the lane's waiting fetches at the end of this turn of the event loop, with those the turn still brings. */
  private flushLater(key: string, lane: Lane<R>): void {
    if (lane.due) return;
    lane.due = true;
    setImmediate(() => {
      lane.due = false;
      this.flush(key, lane);
      this.forgetIfIdle(key, lane);
    });
  }

  /** A lane is forgotten only with nothing in flight, waiting or due: no callback of it is left to run. */
  private forgetIfIdle(key: string, lane: Lane<R>): void {
    if (lane.inFlight === 0 && lane.queue.length === 0 && !lane.due) this.lanes.delete(key);
  }

  private flush(key: string, lane: Lane<R>): void {
    while (lane.inFlight < this.maxInFlight && lane.queue.length) {
      const batch = lane.queue.splice(0, lane.shape.maxMembers);
      lane.inFlight++;
      void this.send(lane.shape, batch).finally(() => {
        lane.inFlight--;
        // The answer came in this turn; more of the lane's fetches may still be read from the network in it.
        if (lane.queue.length) this.flushLater(key, lane);
        else this.forgetIfIdle(key, lane);
      });
    }
  }

  private async send(shape: Shape, batch: Waiting<R>[]): Promise<void> {
    const [leader] = batch as [Waiting<R>];
    if (batch.length === 1) return leader.alone().then(leader.resolve, leader.reject);
    let answer: R;
    try {
      answer = await leader.together(shape.merged(batch.length), mergeVariables(batch.map((m) => m.variables)));
    } catch (error) {
      // An answer came but refused the batch (a GraphQL error built from a 4xx): each on its own.
      if (refusedAnswer(error)) return this.separately(batch);
      for (const m of batch) m.reject(error);
      return;
    }
    const parts = splitAnswer(answer, batch.length);
    if (!parts) return this.separately(batch);
    // Audited before answered, as dedup.ts does: the callers served from the first one's request are
    // recorded together; if that cannot be written, they get the error, not the answer.
    try {
      this.inOneCommit(() => {
        for (const m of batch.slice(1)) m.onShared({ leaderRequestId: leader.requestId });
      });
    } catch (error) {
      leader.resolve(parts[0]!);
      for (const m of batch.slice(1)) m.reject(error);
      return;
    }
    batch.forEach((m, i) => m.resolve(parts[i]!));
  }

  private async separately(batch: Waiting<R>[]): Promise<void> {
    await Promise.all(batch.map((m) => m.alone().then(m.resolve, m.reject)));
  }
}

/** Whether a fetch failed with an answer from the subgraph (its 4xx or 5xx, made a GraphQL error) rather than with none. */
function refusedAnswer(error: unknown): boolean {
  return !!error && typeof error === 'object' && (error as { name?: unknown }).name === 'GraphQLError';
}

const prefix = (i: number) => `_v${i}_`;
const PREFIXED = /^_v(\d+)_(.+)$/s;

/** The members' variables, each renamed with its prefix. */
export function mergeVariables(all: readonly (Record<string, unknown> | undefined)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  all.forEach((variables, i) => {
    for (const [name, value] of Object.entries(variables ?? {})) out[prefix(i) + name] = value;
  });
  return out;
}

/**
 * The answer of a batch cut into each member's: its own top-level fields with their names back, the
 * errors whose path starts in them (renamed back), and every other error for all. Null when the answer
 * holds no data at all (the batch was refused as a whole, or one member's error nulled everything).
 */
export function splitAnswer<R extends FetchAnswer>(answer: R, members: number): R[] | null {
  if (!answer.data) return null;
  const data: Record<string, unknown>[] = Array.from({ length: members }, () => ({}));
  for (const [key, value] of Object.entries(answer.data)) {
    const m = PREFIXED.exec(key);
    const i = m ? Number(m[1]) : -1;
    if (!m || i >= members) return null;
    data[i]![m[2]!] = value;
  }
  const errors: GraphQLFormattedError[][] = Array.from({ length: members }, () => []);
  for (const e of answer.errors ?? []) {
    const m = typeof e.path?.[0] === 'string' ? PREFIXED.exec(e.path[0]) : null;
    const i = m ? Number(m[1]) : -1;
    if (m && i < members) errors[i]!.push({ ...e, path: [m[2]!, ...e.path!.slice(1)] });
    else for (const list of errors) list.push(e);
  }
  return data.map((d, i) => {
    const part = { ...answer, data: d };
    if (errors[i]!.length) part.errors = errors[i];
    else delete part.errors;
    return part;
  });
}

/** What is known of a query text: how many of it fit in one request, and the merged text for each number. */
interface Shape {
  maxMembers: number;
  merged(members: number): string;
}

const shapes = new Map<string, Shape | null>();
const SHAPES_KEPT = 2_000;

/**
 * A query text's shape, or null when it cannot be batched: not a single query operation of plain fields
 * (fragment definitions, fragments at the top, operation directives), or too large to fit twice.
 * Kept per text (they come from the query plan cache, so there are few).
 */
export function shapeOf(query: string): Shape | null {
  let shape = shapes.get(query);
  if (shape !== undefined) return shape;
  shape = buildShape(query);
  if (shapes.size >= SHAPES_KEPT) shapes.clear();
  shapes.set(query, shape);
  return shape;
}

function buildShape(query: string): Shape | null {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return null;
  }
  const [operation, ...rest] = document.definitions;
  if (rest.length || operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query' || operation.directives?.length) return null;
  if (!operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD)) return null;
  let aliases = 0;
  let directives = 0;
  visit(operation, {
    Field: (f) => void (f.alias && aliases++),
    Directive: () => void directives++,
  });
  let tokens = 0;
  const lexer = new Lexer(new Source(query));
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  // Each member adds one alias per top-level field to its own.
  const perMember = aliases + operation.selectionSet.selections.length;
  const maxMembers = Math.min(
    MAX_BATCH,
    Math.floor(EDGE_LIMITS.maxAliases / perMember),
    directives ? Math.floor(EDGE_LIMITS.maxDirectives / directives) : MAX_BATCH,
    // A little room for the merged operation's own punctuation.
    Math.floor((EDGE_LIMITS.maxTokens - 10) / tokens),
  );
  if (maxMembers < 2) return null;
  const merged = new Map<number, string>();
  return {
    maxMembers,
    merged(members) {
      let text = merged.get(members);
      if (!text) merged.set(members, (text = print(mergeOperation(operation, members))));
      return text;
    },
  };
}

/** `members` copies of the operation in one: each copy's top-level fields aliased and its variables renamed with its prefix. */
function mergeOperation(operation: OperationDefinitionNode, members: number): OperationDefinitionNode {
  const copies = Array.from({ length: members }, (_, i) => {
    const p = prefix(i);
    return visit(operation, {
      Variable: (v) => ({ ...v, name: { ...v.name, value: p + v.name.value } }),
      OperationDefinition: {
        leave: (op) => ({
          ...op,
          selectionSet: {
            ...op.selectionSet,
            selections: (op.selectionSet.selections as FieldNode[]).map((f) => ({ ...f, alias: { kind: Kind.NAME, value: p + (f.alias ?? f.name).value } })),
          },
        }),
      },
    });
  });
  return {
    ...operation,
    variableDefinitions: copies.flatMap((c) => c.variableDefinitions ?? []),
    selectionSet: { kind: Kind.SELECTION_SET, selections: copies.flatMap((c) => c.selectionSet.selections) },
  };
}

/** The lane of a read, or undefined when its text cannot be batched. */
export function laneKey(subgraph: string, userId: string, authorization: string, query: string, operationName: string | undefined): string | undefined {
  const shape = shapeOf(query);
  if (!shape) return undefined;
  return JSON.stringify([subgraph, userId, authorization, query, operationName ?? null]);
}
