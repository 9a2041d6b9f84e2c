/**
 * One organization down costs only its own part of an answer.
 *
 * The query planner may send a shared field (a unit's name, which every subgraph answers identically
 * from packages/subgraph-kit) to any subgraph, usually together with that subgraph's own part. When
 * that subgraph cannot be reached, @apollo/gateway loses the whole fetch, and a non-null shared field
 * missing from it nulls its parent: with the Department of Information and Communications down,
 * `unit { name women {…} infocomm {…} }` answered `unit: null` and the women's figures were lost.
 *
 * So when a subgraph cannot be reached (connection refused, timeout, 5xx) for a query, the fetch is
 * cut down to the shared reference schema and sent to a healthy subgraph, and every part that was cut
 * comes back as an explicit null with one error naming the organization, at its path. Mutations are
 * never re-sent anywhere: a write runs at most once, in its owner.
 *
 * Which subgraph gets the shared part: any one that can answer, with several down. Candidates whose
 * circuit is open are skipped (they would fail at once); the others are tried in order of what the
 * gateway last saw of them (answered most recently first, then never asked, then failed longest ago),
 * every one of them if need be, within a time budget. An earlier version tried the first three in a
 * fixed order: with organizations configured but unreachable ahead of the healthy ones (seen with seven
 * pointing nowhere), a unit's name any organization could give was lost with its whole `unit`.
 *
 * Why here and not in a custom executor: the data source is the one public hook of @apollo/gateway
 * 2.14 that sees a failed fetch before it is lost; executeQueryPlan.ts then maps the errors we
 * return like any subgraph's (a root fetch's paths are used as they are, `_entities` paths are
 * rewritten to the entity's place in the response), so the nulls and paths come out right without
 * touching the planner. A per-subgraph supergraph variant would need a replan per outage.
 */
import {
  GraphQLError,
  Kind,
  TypeInfo,
  isAbstractType,
  isObjectType,
  parse,
  print,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
  buildASTSchema,
  getNamedType,
} from 'graphql';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { referenceTypeDefs } from '@antt/subgraph-kit';
import { ORGANIZATIONS, isOrganizationId } from '@antt/reference';

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the gateway's own bound on a data source's context
type ProcessOptions = GraphQLDataSourceProcessOptions<any>;
type Incoming = Extract<ProcessOptions, { incomingRequestContext: unknown }>;
type Json = Record<string, unknown>;
type Path = (string | number)[];
/** Sends a request to one subgraph, without falling back (a fallback must not fall back in turn). */
export type DirectSend = (options: ProcessOptions) => Promise<Response>;

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

let reference: GraphQLSchema | undefined;

/**
 * The part of the schema every subgraph answers, and answers identically (packages/subgraph-kit),
 * with the entity lookup every subgraph adds to it. Built here with this module's own `graphql`
 * rather than by @apollo/subgraph, which loads graphql's CommonJS build: under vitest the two are
 * different realms and TypeInfo refuses a schema from the other one.
 */
export function sharedReferenceSchema(): GraphQLSchema {
  if (reference) return reference;
  const entities = referenceTypeDefs.definitions.flatMap((d) =>
    d.kind === Kind.OBJECT_TYPE_DEFINITION && d.directives?.some((x) => x.name.value === 'key') ? [d.name.value] : [],
  );
  const federation = parse(/* GraphQL */ `
    scalar _Any
    union _Entity = ${entities.join(' | ')}
    type _Service { sdl: String }
    extend type Query { _entities(representations: [_Any!]!): [_Entity]! _service: _Service! }
  `);
  // The federation directives (@key, @shareable, @link) need no definitions to know fields and types.
  return (reference = buildASTSchema(
    { kind: Kind.DOCUMENT, definitions: [...referenceTypeDefs.definitions, ...federation.definitions] },
    { assumeValidSDL: true },
  ));
}

export interface Reduction {
  operation: 'query' | 'mutation' | 'subscription';
  /** The operation as sent, with its fragments inlined: what was asked, for placing nulls. */
  expanded: OperationDefinitionNode;
  /** The operation cut down to the shared reference schema, or null when nothing worth asking is left. */
  reduced: DocumentNode | null;
  /** True for an entity fetch (`_entities(representations: …)`). */
  entities: boolean;
}

/**
 * Cuts a subgraph operation down to what every subgraph answers: every field, inline fragment and
 * variable outside the shared reference schema goes, a selection left empty asks `__typename`.
 * `reduced` is null when only `__typename` would be asked (nothing a healthy subgraph could add).
 */
export function reduceToShared(document: DocumentNode, schema: GraphQLSchema = sharedReferenceSchema()): Reduction {
  const expanded = inlineFragments(document);
  const typeInfo = new TypeInfo(schema);
  const cut = visit(
    expanded,
    visitWithTypeInfo(typeInfo, {
      Field: (node) => (node.name.value === '__typename' || typeInfo.getFieldDef() ? undefined : null),
      InlineFragment: (node) => (!node.typeCondition || schema.getType(node.typeCondition.name.value) ? undefined : null),
      SelectionSet: { leave: (node) => (node.selections.length ? undefined : { ...node, selections: [TYPENAME] }) },
    }),
  );
  const used = new Set<string>();
  visit(cut.selectionSet, { Variable: (node) => void used.add(node.name.value) });
  const operation: OperationDefinitionNode = { ...cut, variableDefinitions: cut.variableDefinitions?.filter((v) => used.has(v.variable.name.value)) };
  const entities = expanded.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  let worthAsking = false;
  visit(operation.selectionSet, { Field: (node) => void (node.name.value !== '__typename' && node.name.value !== '_entities' && (worthAsking = true)) });
  const reduced: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation] };
  // Anything the reference schema would refuse (an argument only one subgraph knows) is not sent.
  const valid = validate(schema, reduced).length === 0;
  return { operation: expanded.operation, expanded, reduced: worthAsking && valid ? reduced : null, entities };
}

/** The first operation of a document with every fragment spread replaced by the fragment's selection. */
function inlineFragments(document: DocumentNode): OperationDefinitionNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION) operation ??= d;
  }
  if (!operation) throw new Error('No operation in a subgraph request.');
  return visit(operation, {
    FragmentSpread: (spread): InlineFragmentNode => {
      const f = fragments.get(spread.name.value);
      if (!f) throw new Error(`Unknown fragment ${spread.name.value} in a subgraph request.`);
      // visit() walks the returned node too, so spreads inside the fragment are inlined in turn.
      return { kind: Kind.INLINE_FRAGMENT, typeCondition: f.typeCondition, directives: spread.directives, selectionSet: f.selectionSet };
    },
  });
}

/**
 * A subgraph that did not answer at all: no connection, no answer in time, or a 5xx. An answer with
 * a 4xx (a token the subgraph refuses, a request it finds malformed) is its real answer and passes on.
 */
export function isUnavailable(error: unknown): boolean {
  const status = error instanceof GraphQLError ? (error.extensions.response as { status?: unknown } | undefined)?.status : undefined;
  return typeof status === 'number' ? status >= 500 : true;
}

/** True when the request certainly never reached the subgraph, so nothing can have been written. */
function neverReached(error: unknown): boolean {
  // An open circuit answers before any socket is opened (breaker.ts).
  if ((error as { code?: unknown } | undefined)?.code === 'EOPENBREAKER') return true;
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | undefined)?.cause;
  const codes = [cause?.code, ...(cause?.errors ?? []).map((e) => e.code)];
  return codes.some((c) => c === 'ECONNREFUSED' || c === 'ENOTFOUND' || c === 'EHOSTUNREACH');
}

/**
 * The organization a subgraph serves, by its Vietnamese name: what errors say and what their
 * `organization` extension carries. Never the service's own name (the error contract), not even for a
 * subgraph that serves no organization.
 */
export function organizationName(subgraph: string): string {
  return isOrganizationId(subgraph) ? ORGANIZATIONS[subgraph].nameVi : 'Một cơ quan trong hệ thống';
}

/** The error for one missing part: names the organization in Vietnamese, with a stable code. */
export function unavailableError(subgraph: string, path: Path): GraphQLFormattedError {
  return {
    message: `${organizationName(subgraph)} tạm thời không trả lời: phần số liệu này để trống.`,
    path,
    extensions: { code: SUBGRAPH_UNAVAILABLE, organization: organizationName(subgraph) },
  };
}

interface Fill {
  /** Whether `type.field` was kept in the operation sent elsewhere (else it is set to null). */
  keep: (type: string, field: string) => boolean;
  /** Whether an inline fragment on `condition` applies to an object of type `runtime`. */
  matches: (condition: string, runtime: string) => boolean;
  errorAt: (path: Path) => void;
  /** The fetch's variables, for @skip and @include: a part not asked for gets no null and no error. */
  variables: Json;
}

/**
 * Puts an explicit null, and one error, wherever the response lacks a part that `keep` says was cut;
 * walks into what was kept. The runtime type of an object is its `__typename` when it has one.
 */
function fillCut(selections: readonly SelectionNode[], parentType: string, value: Json, path: Path, fill: Fill): void {
  const runtime = typeof value.__typename === 'string' ? value.__typename : parentType;
  for (const s of selections) {
    if (s.kind === Kind.FRAGMENT_SPREAD || !included(s, fill.variables)) continue;
    if (s.kind === Kind.INLINE_FRAGMENT) {
      const condition = s.typeCondition?.name.value ?? parentType;
      if (fill.matches(condition, runtime)) fillCut(s.selectionSet.selections, condition, value, path, fill);
      continue;
    }
    if (s.name.value === '__typename') continue;
    const key = s.alias?.value ?? s.name.value;
    if (!fill.keep(parentType, s.name.value)) {
      value[key] = null;
      fill.errorAt([...path, key]);
    } else if (s.selectionSet) {
      const child = fieldTypeName(parentType, s.name.value);
      const walk = (v: unknown, p: Path): void => {
        if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...p, i]));
        else if (v && typeof v === 'object') fillCut(s.selectionSet!.selections, child, v as Json, p, fill);
      };
      walk(value[key], [...path, key]);
    }
  }
}

function included(node: FieldNode | InlineFragmentNode, variables: Json): boolean {
  for (const d of node.directives ?? []) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if')?.value;
    const condition = arg?.kind === Kind.BOOLEAN ? arg.value : arg?.kind === Kind.VARIABLE ? variables[arg.name.value] === true : false;
    if (d.name.value === 'skip' ? condition : !condition) return false;
  }
  return true;
}

function fieldTypeName(parentType: string, field: string): string {
  const t = sharedReferenceSchema().getType(parentType);
  const f = t && (isObjectType(t) ? t.getFields()[field] : undefined);
  return f ? getNamedType(f.type).name : parentType;
}

/** What the shared reference schema has: `type.field` is answered identically by every subgraph. */
function inReference(type: string, field: string): boolean {
  const t = sharedReferenceSchema().getType(type);
  return !!t && isObjectType(t) && field in t.getFields();
}

export interface FallbackOptions {
  /** Told once per failed fetch, for the operator's log. */
  log?: (message: string) => void;
  /**
   * How long the shared part of one failed fetch may be sought (ms): no further subgraph is asked after
   * it (one being asked still has its own timeout). Default: 15 s, the default subgraph timeout.
   */
  budgetMs?: number;
}

/** What the gateway knows of whether a subgraph answers now: its circuit (breaker.ts). */
export type CircuitState = () => 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/**
 * Answers a fetch whose subgraph could not be reached. One per gateway: every data source registers
 * how to reach its subgraph directly, so that a fetch can be re-sent to another.
 */
export class SubgraphFallback {
  private readonly direct = new Map<string, { send: DirectSend; circuit?: CircuitState }>();
  /** When each subgraph last failed: recently failed ones are tried last as fallbacks. */
  private readonly failedAt = new Map<string, number>();
  /** When each subgraph last answered (any fetch): those that answered lately are tried first. */
  private readonly answeredAt = new Map<string, number>();
  private readonly reductions = new Map<string, Reduction>();
  private readonly supergraph: GraphQLSchema;

  constructor(
    supergraphSdl: string,
    private readonly opts: FallbackOptions = {},
  ) {
    this.supergraph = buildASTSchema(parse(supergraphSdl, { noLocation: true }), { assumeValidSDL: true });
  }

  /** How to reach `subgraph` directly, and its circuit's state when it has one. */
  register(subgraph: string, send: DirectSend, circuit?: CircuitState): void {
    this.direct.set(subgraph, { send, circuit });
  }

  /** A fetch to `subgraph` was answered: it is among the first asked for another's shared part. */
  answered(subgraph: string): void {
    this.answeredAt.set(subgraph, Date.now());
  }

  /**
   * The subgraphs to ask for a shared part instead of `failed`, best first: open circuits left out,
   * then those that answered after their last failure (latest first), never asked, failed (oldest first).
   */
  candidates(failed: string): string[] {
    const rank = (name: string): [number, number] => {
      const answered = this.answeredAt.get(name) ?? 0;
      const failedAt = this.failedAt.get(name) ?? 0;
      if (answered > failedAt) return [0, -answered];
      return failedAt ? [2, failedAt] : [1, 0];
    };
    return [...this.direct]
      .filter(([name, d]) => name !== failed && d.circuit?.() !== 'OPEN')
      .map(([name]) => ({ name, rank: rank(name) }))
      .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1])
      .map((c) => c.name);
  }

  /** Called with the error a subgraph's fetch failed with: answers what can be answered, or rethrows. */
  async recover(subgraph: string, options: ProcessOptions, error: unknown): Promise<Response> {
    // Health checks and schema loads are the gateway's own calls: they fail as they are.
    if (!('incomingRequestContext' in options) || !options.request.query || !isUnavailable(error)) throw error;
    this.failedAt.set(subgraph, Date.now());
    const r = this.reduce(options.request.query);
    const errors: GraphQLFormattedError[] = [];
    const seen = new Set<string>();
    const errorAt = (path: Path) => {
      const k = JSON.stringify(path);
      if (!seen.has(k)) {
        seen.add(k);
        errors.push(unavailableError(subgraph, path));
      }
    };

    if (r.operation !== 'query') {
      // A write is never re-sent: it runs in its owner or not at all. Say whether it may have run.
      const message = neverReached(error)
        ? `${organizationName(subgraph)} tạm thời không trả lời: thao tác chưa được thực hiện, hãy gửi lại sau.`
        : `${organizationName(subgraph)} không trả lời: chưa rõ thao tác đã được ghi hay chưa, hãy kiểm tra trước khi gửi lại.`;
      const keys = r.expanded.selectionSet.selections.flatMap((s) =>
        s.kind === Kind.FIELD && s.name.value !== '__typename' ? [s.alias?.value ?? s.name.value] : [],
      );
      this.opts.log?.(`[gateway] ${subgraph} unreachable for a ${r.operation} (${describe(error)}): not re-sent`);
      return {
        data: Object.fromEntries(keys.map((k) => [k, null])),
        errors: keys.map((k) => ({ message, path: [k], extensions: { code: SUBGRAPH_UNAVAILABLE, organization: organizationName(subgraph) } })),
      };
    }

    const variables = (options.request.variables ?? {}) as Json;
    const matches = (condition: string, runtime: string) => condition === runtime || this.isSubType(condition, runtime);
    const rootType = 'Query';
    let data: Json = {};
    let answered = false;

    if (r.entities) {
      // Only units and organizations can be looked up in any subgraph; other entities stay as their type.
      const representations = Array.isArray(variables.representations) ? (variables.representations as Json[]) : [];
      const shared = representations.flatMap((rep, i) => (typeof rep?.__typename === 'string' && this.isSharedEntity(rep.__typename) ? [i] : []));
      const out: unknown[] = representations.map((rep) => ({ __typename: rep?.__typename }));
      if (r.reduced && shared.length) {
        const answer = await this.ask(subgraph, options, r.reduced, { ...pick(variables, r.reduced), representations: shared.map((i) => representations[i]) });
        const got = answer?.data?._entities;
        if (answer && Array.isArray(got) && got.length === shared.length) {
          answered = true;
          // Entities come back without __typename unless asked; the representation's says which fragments apply.
          shared.forEach(
            (i, j) => (out[i] = got[j] && typeof got[j] === 'object' ? { __typename: representations[i]!.__typename, ...(got[j] as Json) } : got[j]),
          );
          for (const e of answer.errors ?? []) {
            const [head, j, ...rest] = e.path ?? [];
            errors.push(head === '_entities' && typeof j === 'number' && shared[j] !== undefined ? { ...e, path: ['_entities', shared[j]!, ...rest] } : e);
          }
        }
      }
      data = { _entities: out };
      const keep = (type: string, field: string) => (type === rootType && field === '_entities') || (answered && inReference(type, field));
      fillCut(r.expanded.selectionSet.selections, rootType, data, [], { keep, matches, errorAt, variables });
    } else {
      if (r.reduced) {
        const answer = await this.ask(subgraph, options, r.reduced, pick(variables, r.reduced));
        if (answer?.data) {
          answered = true;
          data = answer.data as Json;
          errors.push(...(answer.errors ?? []));
        }
      }
      fillCut(r.expanded.selectionSet.selections, rootType, data, [], {
        keep: (type, field) => answered && inReference(type, field),
        matches,
        errorAt,
        variables,
      });
    }
    this.opts.log?.(`[gateway] ${subgraph} unreachable (${describe(error)}): ${answered ? 'shared fields answered elsewhere' : 'its part left empty'}`);
    return errors.length ? { data, errors } : { data };
  }

  private reduce(query: string): Reduction {
    let r = this.reductions.get(query);
    if (!r) {
      r = reduceToShared(parse(query, { noLocation: true }));
      // The gateway sends a bounded set of planned operations; the bound only guards against surprises.
      if (this.reductions.size >= 1000) this.reductions.clear();
      this.reductions.set(query, r);
    }
    return r;
  }

  /**
   * Sends the reduced operation to the other subgraphs in turn, best first (candidates()), until one
   * answers with data; null when none does within the budget. One that refuses this caller (a 4xx) or
   * answers without data does not end the search: the next may answer.
   */
  private async ask(failed: string, options: Incoming, document: DocumentNode, variables: Json): Promise<Response | null> {
    const until = Date.now() + (this.opts.budgetMs ?? 15_000);
    for (const name of this.candidates(failed)) {
      if (Date.now() >= until) break;
      try {
        // The same caller context, so the same Authorization, gateway secret and request id are sent,
        // and the fallback subgraph applies its own rules to this caller.
        const answer = await this.direct.get(name)!.send({
          ...options,
          request: { query: print(document), variables, operationName: options.request.operationName },
          document,
        });
        this.answered(name);
        if (answer.data) return answer;
      } catch (e) {
        if (isUnavailable(e)) this.failedAt.set(name, Date.now());
      }
    }
    return null;
  }

  private isSharedEntity(typename: string): boolean {
    const entity = sharedReferenceSchema().getType('_Entity');
    return (
      !!entity &&
      isAbstractType(entity) &&
      sharedReferenceSchema()
        .getPossibleTypes(entity)
        .some((t) => t.name === typename)
    );
  }

  private isSubType(condition: string, runtime: string): boolean {
    const abstract = this.supergraph.getType(condition);
    const object = this.supergraph.getType(runtime);
    return !!abstract && !!object && isAbstractType(abstract) && isObjectType(object) && this.supergraph.isSubType(abstract, object);
  }
}

/** The variables a reduced operation still declares. */
function pick(variables: Json, document: DocumentNode): Json {
  const op = document.definitions[0] as OperationDefinitionNode;
  return Object.fromEntries(
    (op.variableDefinitions ?? []).flatMap((v) => (v.variable.name.value in variables ? [[v.variable.name.value, variables[v.variable.name.value]]] : [])),
  );
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof cause === 'string' ? cause : error instanceof Error ? error.message : String(error);
}
