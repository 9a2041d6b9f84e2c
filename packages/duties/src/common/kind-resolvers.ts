/**
 * Resolvers of a record kind (see kind.ts): the root list and mutation, the entity with its
 * `__resolveReference` (the same scope check as the root fields), and its counts on `<P>UnitRecords`.
 */
import { branchById, territory } from '@antt/reference';
import type { RepositoryClass, SubgraphContext } from '@antt/subgraph-kit';
import { parseId, type Page } from './records.js';
import type { KindSummary } from './kind.js';
import type { WindowFilter } from './window.js';

interface KindRepository {
  byId(id: number): unknown;
  list(f: WindowFilter, first: number, after?: string | null): Page<unknown>;
  record(input: never): unknown;
  summary(unitId: string, periodId: string): KindSummary;
}

// Resolver maps are heterogeneous by nature (the kit types them the same way).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = (parent: any, args: any, ctx: SubgraphContext) => unknown;
export type ResolverMap = Record<string, Record<string, Field | { resolve: Field }>>;

export interface KindResolverOptions<R extends KindRepository> {
  repo: RepositoryClass<R>;
  /** The entity type, e.g. VeteransPatrol. */
  type: string;
  /** The organization's type on Unit, e.g. VeteransUnitRecords. */
  unitRecords: string;
  /** Root list field, e.g. veteransPatrols. */
  list: string;
  /** Root mutation that records one, e.g. recordVeteransPatrol. */
  record: string;
  /** The counts field on `unitRecords`, e.g. patrols (none when the schema counts the kind another way). */
  summary?: string;
  /** Shapes the counts for the schema's summary type (default: as they come). */
  shapeSummary?: (s: KindSummary) => unknown;
  /** Field resolvers of the entity beyond id, unit and branch. */
  fields?: Record<string, Field>;
}

export function kindResolvers<R extends KindRepository>(o: KindResolverOptions<R>): ResolverMap {
  const repo = (ctx: SubgraphContext) => ctx.repo(o.repo);
  return {
    Query: {
      [o.list]: (_: unknown, a: WindowFilter & { first: number; after?: string | null }, ctx: SubgraphContext) => repo(ctx).list(a, a.first, a.after),
    },
    Mutation: {
      [o.record]: (_: unknown, { input }: { input: never }, ctx: SubgraphContext) => repo(ctx).record(input),
    },
    [o.type]: {
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => {
        const n = parseId(ref.id);
        return n === null ? null : repo(ctx).byId(n);
      },
      id: (r: { id: number }) => String(r.id),
      unit: (r: { unitId: string }) => territory().unit(r.unitId),
      branch: (r: { branchId?: string }) => (r.branchId ? branchById(r.branchId) : null),
      ...o.fields,
    },
    ...(o.summary
      ? {
          [o.unitRecords]: {
            [o.summary]: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => {
              const s = repo(ctx).summary(unitId, periodId);
              return o.shapeSummary ? o.shapeSummary(s) : s;
            },
          },
        }
      : {}),
  };
}

/** Merges resolver maps type by type (two maps may both add fields to Query, Mutation or a type). */
export function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const m of maps) for (const [type, fields] of Object.entries(m)) out[type] = { ...out[type], ...fields };
  return out;
}
