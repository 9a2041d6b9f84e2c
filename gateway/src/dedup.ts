/**
 * Identical subgraph reads in flight at the same time are sent once (issue 17: many viewers of one
 * dashboard ask each subgraph the same thing at the same moment). The key is the subgraph, the exact
 * request (query, operation name, variables) and the caller as the gateway verified them: the verified
 * user and the very Authorization value the subgraph will verify again, so that two callers never share
 * an answer, whatever the spelling of their headers. Only queries share; a mutation is always sent, and
 * so is a read of protected data, whose every read the subgraph records with its record ids (policy.ts
 * marks the request `sameCallerReads` only when it asks none). A sensitive aggregate shares: the gateway's
 * policy records each request's read of it before planning, whether or not it reaches the subgraph.
 *
 * The first caller's request goes out; callers arriving while it is in flight wait for the same
 * answer, or the same error (a timeout and an open circuit included). The entry is removed as soon as
 * the request settles: nothing is kept after it, so this is no cache. Each caller gets its own copy of
 * the answer, because the gateway merges subgraph answers into its result in place.
 *
 * The subgraph audits only the request it received (under the first caller's request id); each caller
 * served from that shared answer is reported through `onShared`, for the gateway's own trail, before it
 * is answered. The callers waiting when the answer arrives are reported together, in one `inOneCommit`
 * (as batch.ts does); if a report fails, none of them is answered, each gets the error. The gateway's
 * reports only note the source on the caller's request, whose one SHARED_ANSWER entry is written when it
 * is answered (server.ts, sharedAnswersPlugin).
 */
import { parse, type OperationDefinitionNode, type DocumentNode } from 'graphql';

export interface SharedRead {
  /** The request id the subgraph received and audited (the first caller's). */
  leaderRequestId: string;
}

/**
 * Runs `record` (the reports of the callers served from one answer) as one unit, for a report that
 * writes (a transaction around them). The default runs it as it is.
 */
export type InOneCommit = (record: () => void) => void;
export const asItIs: InOneCommit = (record) => record();

interface InFlight<T> {
  promise: Promise<T>;
  leaderRequestId: string;
  followers: number;
  /** The callers waiting for the answer, reported together when it arrives. */
  waiting: ((shared: SharedRead) => void)[];
  /** Settles once the waiting callers are recorded (rejects with the recording's error, or the request's). */
  recorded: Promise<void>;
  /** Set once they were: a caller joining after that reports itself. */
  closed: boolean;
}

export class InFlightReads<T> {
  private readonly pending = new Map<string, InFlight<T>>();

  /**
   * `copy` gives each caller an answer of its own (the parts the gateway may change in place);
   * `inOneCommit` runs the reports of the callers waiting for one answer as one unit.
   */
  constructor(
    private readonly copy: (value: T) => T,
    private readonly inOneCommit: InOneCommit = asItIs,
  ) {}

  /** How many requests are in flight (tests). */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Runs `send` unless an identical request is in flight, in which case its outcome is shared.
   * `onShared` is called for a caller served from another's request, once that answer arrived.
   */
  async run(key: string, requestId: string, send: () => Promise<T>, onShared: (shared: SharedRead) => void): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) {
      existing.followers++;
      if (existing.closed) {
        const value = await existing.promise;
        onShared({ leaderRequestId: existing.leaderRequestId });
        return this.copy(value);
      }
      existing.waiting.push(onShared);
      const value = await existing.promise;
      await existing.recorded;
      return this.copy(value);
    }
    const entry: InFlight<T> = { promise: send(), leaderRequestId: requestId, followers: 0, waiting: [], recorded: Promise.resolve(), closed: false };
    // The first reaction to the answer: the callers waiting for it are recorded before any of them resumes.
    entry.recorded = entry.promise.then(() => {
      entry.closed = true;
      if (entry.waiting.length)
        this.inOneCommit(() => {
          for (const report of entry.waiting) report({ leaderRequestId: requestId });
        });
    });
    // A failed request fails its callers with its own error; this promise is then only theirs to read.
    entry.recorded.catch(() => {});
    this.pending.set(key, entry);
    try {
      const value = await entry.promise;
      return entry.followers ? this.copy(value) : value;
    } finally {
      this.pending.delete(key);
    }
  }
}

/** A subgraph's answer for another caller: its data (JSON) copied; the HTTP response and errors are only read. */
export function copyResponse<R extends { data?: unknown }>(response: R): R {
  return response.data == null ? { ...response } : { ...response, data: structuredClone(response.data) };
}

const kinds = new Map<string, boolean>();
const KINDS_KEPT = 2_000;

/**
 * Whether a subgraph request is a query (never a mutation or subscription). The gateway hands data
 * sources no parsed document unless asked to, so the text the query planner wrote is parsed, once per
 * distinct text (they come from the plan cache, so there are few).
 */
export function isQuery(query: string | undefined, document?: DocumentNode): boolean {
  if (document) return onlyQuery(document);
  if (!query) return false;
  let known = kinds.get(query);
  if (known === undefined) {
    try {
      known = onlyQuery(parse(query, { noLocation: true }));
    } catch {
      known = false;
    }
    if (kinds.size >= KINDS_KEPT) kinds.clear();
    kinds.set(query, known);
  }
  return known;
}

function onlyQuery(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return operations.length === 1 && operations[0]!.operation === 'query';
}

/** The key of a read: subgraph, verified user, the Authorization value forwarded, and the exact request. */
export function readKey(subgraph: string, userId: string, authorization: string, query: string, operationName: string | undefined, variables: unknown): string {
  return JSON.stringify([subgraph, userId, authorization, query, operationName ?? null, variables ?? null]);
}
