/**
 * A cost limit that knows lists. Each field costs 1 plus what it selects, and what a list selects is
 * multiplied by how many items the list can hold: its page size when it takes one (`first`, `last`,
 * `limit`; the default page when the caller gives none), the number of representations for
 * `_entities`, or a declared bound for lists that take no page size (`Unit.children` holds at most
 * 80 units, `Query.units` at most one map's units). The items of a connection or page (`nodes`,
 * `edges`, `items`) were already counted by the field that sized the page.
 *
 * GraphQL Armor's cost rule, used before, counted `units { children { parent { children ... } } } }`
 * as a few dozen points although it asks for billions of objects; one such request grew a subgraph to
 * 4.3 GB. graphql-query-complexity evaluates the operation with its variables and the arguments'
 * defaults, before any resolver runs; the same estimator runs at the gateway (on the API schema) and in
 * every subgraph (on its own schema, where the gateway's `_entities` calls are sized by their
 * representations).
 */
import { GraphQLError, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** Arguments that size a list: the page a caller asks for. */
const SLICING_ARGUMENTS = ['first', 'last', 'limit'] as const;

/** Fields that are the items of a page whose size the parent field already counted. */
const PAGE_ITEM_FIELDS = new Set(['nodes', 'edges', 'items']);

/** How many items a list without a page size may hold, for object lists nobody declared: a record's versions, a model's reviews. */
export const ASSUMED_LIST_SIZE = 20;

type Bound = number | ((args: Record<string, unknown>) => number);

/**
 * Declared bounds of the lists that take no page size, measured on the reference data (the largest map
 * has 1,636 units with its residential areas; no unit has more than 75 children, no map more than 204 communes) and rounded up.
 */
export const LIST_BOUNDS: Readonly<Record<string, Bound>> = {
  'Query.units': (args) => ({ PROVINCE: 1, DISTRICT: 15, COMMUNE: 210 })[String(args.level)] ?? 2000,
  'Query.unitsByCode': 5,
  'Query.organizations': 20,
  'Query.planTasks': 50,
  'Query.periods': 400,
  'Unit.children': 80,
};

/**
 * The arguments whose values the estimator reads: the page sizes, `_entities`' representations and the
 * arguments LIST_BOUNDS' functions read (`level`). A bound that reads another argument names it here,
 * else an operation passing it as a variable would be costed once for every value.
 */
export const COSTED_ARGUMENTS: ReadonlySet<string> = new Set([...SLICING_ARGUMENTS, 'representations', 'level']);

/** The cost limit: the leadership's overview of nine organizations over one unit costs about 3,000. */
export const MAX_COST = 50_000;

/**
 * What a field returning a rendered file costs on its own (`DocumentFile`: a DOCX, PDF or XLSX made on
 * request, tens of milliseconds of CPU and up to a hundred kilobytes each): a request renders at most
 * about twenty, so that `womenReportVersions(first: 100) { document(format: PDF) }` is refused before
 * anything runs.
 */
export const RENDERED_FILE_COST = 2_000;
const RENDERED_TYPES = new Set(['DocumentFile']);

/** How many items `field` can return, as the cost multiplies its selection by it. */
function multiplier({ type, field, args }: ComplexityEstimatorArgs): number {
  if (field.name === '_entities' && Array.isArray(args.representations)) return Math.max(1, args.representations.length);
  for (const name of SLICING_ARGUMENTS) {
    const n = args[name];
    if (typeof n === 'number' && Number.isFinite(n)) return Math.max(1, Math.floor(n));
  }
  // By its printed form (`[Unit!]!`): graphql's isListType fails on a schema built by another copy of
  // graphql-js (the CommonJS one Apollo's packages load beside the ES module one).
  if (!String(field.type).startsWith('[')) return 1;
  if (PAGE_ITEM_FIELDS.has(field.name) && /(Connection|Page)$/.test(type.name)) return 1;
  const bound = LIST_BOUNDS[`${type.name}.${field.name}`];
  if (bound === undefined) return ASSUMED_LIST_SIZE;
  return typeof bound === 'number' ? bound : bound(args);
}

/** The estimator: 1 for the field itself (a rendered file: RENDERED_FILE_COST), plus its selection times the items it can return. */
export function listAwareEstimator(a: ComplexityEstimatorArgs): number {
  const own = RENDERED_TYPES.has(String(a.field.type).replace(/[[\]!]/g, '')) ? RENDERED_FILE_COST : 1;
  return own + a.childComplexity * multiplier(a);
}

/** The estimated cost of an operation (variables and defaults applied). Throws GraphQLError on bad variables. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [listAwareEstimator] });
}

/**
 * The variables an operation's cost depends on, and how: a variable passed whole as `_entities`'
 * representations counts by its length only (the estimator multiplies by the number of entities, never
 * reads one); any other variable within an argument the estimator reads (`first: $n`, `level: $l`) or
 * within a directive's argument (`@skip(if: $x)` changes what is selected) by its value. A create's
 * `$input` is in neither, so a create's cost is the same for every request.
 */
export function costedVariables(document: DocumentNode): ReadonlyMap<string, 'length' | 'value'> {
  const out = new Map<string, 'length' | 'value'>();
  let within = 0;
  let inDirective = 0;
  visit(document, {
    Directive: { enter: () => void inDirective++, leave: () => void inDirective-- },
    Argument: {
      enter: (node) => {
        within += COSTED_ARGUMENTS.has(node.name.value) ? 1 : 0;
        if (inDirective === 0 && node.name.value === 'representations' && node.value.kind === 'Variable' && !out.has(node.value.name.value))
          out.set(node.value.name.value, 'length');
      },
      leave: (node) => void (within -= COSTED_ARGUMENTS.has(node.name.value) ? 1 : 0),
    },
    Variable: (node, _key, parent) => {
      // The representations variable itself was noted by its argument; anything else read by the estimator goes by value.
      const whole = parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === 'Argument' && out.get(node.name.value) === 'length';
      if ((within > 0 || inDirective > 0) && !whole) out.set(node.name.value, 'value');
    },
  });
  return out;
}

/** Whether an operation's cost is the same whatever its variables (costedVariables names none). */
export function costIgnoresVariables(document: DocumentNode): boolean {
  return costedVariables(document).size === 0;
}

/** The longest key of costed variables' values kept (a longer one is costed every time). */
const COST_KEY_MAX = 200;
/** Costs kept per document and operation name, for as many sizes of its variables. */
const COSTS_PER_DOCUMENT = 64;

/**
 * Costs kept per parsed document (Apollo keeps one parsed document per query text) and operation name,
 * keyed by what the cost depends on: nothing for a create, whose cost was computed again at every
 * request at every server it passed (a fifteenth of a create's CPU); the number of representations for
 * the gateway's `_entities` fetches, which a subgraph costed again at each (issue 17: the nine fetches
 * of a dashboard's counts, each under the same few documents of the gateway's query plans).
 */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, { variables: ReadonlyMap<string, 'length' | 'value'>; kept: Map<string, number> }>>();

function keptCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): number {
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
  let doc = bySchema.get(document);
  if (!doc) bySchema.set(document, (doc = { variables: costedVariables(document), kept: new Map() }));
  let key = operationName ?? '';
  for (const [name, how] of doc.variables) {
    const v = variables[name];
    key += `\u0000${name}=${how === 'length' ? (Array.isArray(v) ? `#${v.length}` : JSON.stringify(v ?? null)) : JSON.stringify(v ?? null)}`;
  }
  const known = doc.kept.get(key);
  if (known !== undefined) return known;
  const cost = operationCost(schema, document, variables, operationName);
  if (key.length <= COST_KEY_MAX) {
    if (doc.kept.size >= COSTS_PER_DOCUMENT) doc.kept.clear();
    doc.kept.set(key, cost);
  }
  return cost;
}

const COST_MESSAGE = 'Truy vấn quá nặng (chi phí ước tính vượt giới hạn): hãy chọn ít trường hoặc ít bản ghi hơn (giảm first, bớt danh sách lồng nhau).';

/**
 * Refuses, with 400 and before anything runs, an operation whose estimated cost exceeds `maxCost`.
 * The message does not say the limit or the cost: telling an attacker the bound helps them stay under it.
 */
export function costLimitPlugin<TContext extends BaseContext>(maxCost = Number(process.env.ANTT_MAX_COST ?? MAX_COST)): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = keptCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (e) {
            // Bad variables: graphql-js reports them itself, in the user's terms, right after this hook.
            // Anything else fails closed (an internal error, logged), never lets the operation through uncosted.
            if (e instanceof Error && e.message.startsWith('Variable "$')) return;
            throw e;
          }
          if (cost > maxCost)
            throw new GraphQLError(COST_MESSAGE, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT', http: { status: 400 } } });
        },
      };
    },
  };
}
