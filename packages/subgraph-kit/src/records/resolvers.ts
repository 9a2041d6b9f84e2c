/**
 * The resolvers of a kind, made from its declaration: the root list, the mutations, the entity with its
 * `__resolveReference` (the same scope check as the root list: an entity reached through the gateway
 * is no easier to read), its history, and its counts on `<P>UnitRecords`.
 */
import { branchById, territory } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import type { ReferenceContext } from '../references/check.js';
import type { RecordKind } from './kind.js';
import { RecordRepository, type ListFilter, type StoredRecord, type TimeFilter } from './repository.js';

type Resolver = (parent: never, args: never, ctx: SubgraphContext) => unknown;
export type KindResolverMap = Record<string, Record<string, Resolver | { resolve: Resolver }>>;

/** The request's repository of a kind (one per request and kind, bound to the caller's scope). */
export function recordsOf(ctx: SubgraphContext, kind: RecordKind): RecordRepository {
  const cache = ((ctx as SubgraphContext & { records?: Map<RecordKind, RecordRepository> }).records ??= new Map());
  let r = cache.get(kind);
  if (!r) {
    cache.set(kind, (r = new RecordRepository(kind, ctx.db, ctx.scope)));
    r.referenceVerdicts = (ctx as SubgraphContext & ReferenceContext).referenceVerdicts;
  }
  return r;
}

/**
 * A kind's counts on `<P>UnitRecords` as the generated field answers them (its `counts` declaration's
 * count field and breakdown), for a subgraph that adds figures of its own to the same object.
 */
export function kindCounts(ctx: SubgraphContext, kind: RecordKind, unitId: string, a: TimeFilter & { periodId: string }): Record<string, unknown> {
  const counts = kind.spec.counts;
  const sum: Record<string, unknown> = recordsOf(ctx, kind).summary({ unitId, ...a });
  if (!counts) return sum;
  if (counts.countField) sum[counts.countField] = sum.count;
  if (counts.by) {
    const by = counts.by;
    sum[by.as] = (sum[by.as] as { key: string; count: number }[]).map(({ key, ...rest }) => ({ [by.field]: key, key, ...rest }));
  }
  return counts.cells ? counts.cells(sum, { unitId, ...a }) : sum;
}

export function kindResolvers(kind: RecordKind): KindResolverMap {
  const s = kind.spec;
  const unitOut = kind.outputName(s.unitField);
  const entity: Record<string, Resolver> = {
    // Batched: the records of one `_entities` call are read with one statement.
    __resolveReference: ((ref: { id: string }, ctx: SubgraphContext) => recordsOf(ctx, kind).loadById(ref.id)) as Resolver,
    [unitOut]: ((r: StoredRecord) => territory().unit(r[s.unitField] as string)) as Resolver,
    history: ((r: StoredRecord, _: unknown, ctx: SubgraphContext) => recordsOf(ctx, kind).history(r.id)) as Resolver,
  };
  const version: Record<string, Resolver> = { [unitOut]: entity[unitOut]! };
  if (kind.statusField !== 'status') entity[kind.statusField] = version[kind.statusField] = ((r: StoredRecord) => r.status) as Resolver;
  for (const [key, f] of Object.entries(s.fields)) {
    if (f.type !== 'record' || !f.refKind) continue;
    const ref = f.refKind;
    entity[kind.outputName(key)] = version[kind.outputName(key)] = ((r: StoredRecord, _: unknown, ctx: SubgraphContext) =>
      r[key] ? recordsOf(ctx, ref()).byId(r[key] as string) : null) as Resolver;
  }
  if (s.branch) entity.branch = version.branch = ((r: StoredRecord) => (r.branchId ? branchById(r.branchId) : null)) as Resolver;
  const mutations: Record<string, Resolver> = {
    [s.create]: ((_: unknown, a: { input: Record<string, unknown>; clientKey?: string | null; reason?: string | null }, ctx: SubgraphContext) =>
      recordsOf(ctx, kind).create(a.input, { clientKey: a.clientKey, reason: a.reason })) as Resolver,
    [kind.correctMutation]: ((_: unknown, a: { id: string; changes: Record<string, unknown>; reason: string }, ctx: SubgraphContext) =>
      recordsOf(ctx, kind).correct(a.id, a.changes, a.reason)) as Resolver,
    [kind.voidMutation]: ((_: unknown, a: { id: string; reason: string }, ctx: SubgraphContext) => recordsOf(ctx, kind).void(a.id, a.reason)) as Resolver,
  };
  if (kind.eraseMutation)
    mutations[kind.eraseMutation] = ((_: unknown, a: { id: string; field: string; legalBasis: string }, ctx: SubgraphContext) =>
      recordsOf(ctx, kind).erase(a.id, a.field, a.legalBasis)) as Resolver;
  const query: Record<string, Resolver> = {
    [s.list]: ((_: unknown, a: ListFilter & { first: number; after?: string | null }, ctx: SubgraphContext) =>
      recordsOf(ctx, kind).list(a, a.first, a.after)) as Resolver,
  };
  if (s.one)
    query[s.one] = ((_: unknown, a: { id: string; asRecordedAt?: string | null }, ctx: SubgraphContext) =>
      recordsOf(ctx, kind).byId(a.id, a.asRecordedAt)) as Resolver;
  const out: KindResolverMap = {
    Query: query,
    Mutation: mutations,
    [s.type]: entity,
    [`${s.type}Version`]: version,
  };
  const counts = s.counts;
  if (counts) {
    out[`${kind.prefix}UnitRecords`] = {
      [counts.field]: (({ unitId }: { unitId: string }, a: TimeFilter & { periodId: string }, ctx: SubgraphContext) =>
        kindCounts(ctx, kind, unitId, a)) as Resolver,
    };
  }
  // The lists a parent record gets of the records of this kind pointing at it.
  for (const [key, f] of Object.entries(s.fields)) {
    if (f.type !== 'record' || !f.refKind || !f.children) continue;
    const parent = f.refKind().spec.type;
    out[parent] = {
      ...out[parent],
      [f.children.field]: ((p: StoredRecord, _: unknown, ctx: SubgraphContext) => recordsOf(ctx, kind).childrenOf(key, p.id)) as Resolver,
    };
  }
  return out;
}
