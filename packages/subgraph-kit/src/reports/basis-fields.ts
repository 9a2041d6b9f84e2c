/**
 * Every figure the API returns for a period says where it comes from (issue 15): live, or report version
 * N locked on date D; by default the official one. One implementation for every count of every subgraph:
 * this pass over the built schema finds each field that takes `figures: FiguresChoice` and a period
 * argument (`periodId`, or `year` for the plan year `<year>-PLAN-Y`) on an object whose parent names the
 * unit (`<Prefix>UnitRecords`), and (a count over every date, with no period, is live)
 * - reads its figures as of the instant `countsBasis` gives (the lock of the approved report of the unit
 *   on the period by default, now for LIVE, an explicit asRecordedAt as given): the field's own resolver
 *   receives that instant as `asRecordedAt`;
 * - answers a field returning `FiguresBasis` itself (a sibling `<field>Basis`, for counts that are a
 *   number or a list) with that basis;
 * - sets `basis` on what a field returns when its type has a `basis` field (a summary), or on each
 *   element of a list of such.
 * Sensitive families under disclosure control (@antt/disclosure: victims, tips, reintegration, mediation,
 * people at risk) are served live only, whatever `figures` asks, and say so (basis LIVE): their published
 * tables are the live figures under one suppression pattern, and a second, locked version of the same
 * cells beside them would let a small change be read off by difference. An explicit asRecordedAt is
 * still honoured (the subgraph and the gateway decide who may read past versions, as before).
 * test/figures-basis-coverage.test.ts walks the supergraph so that a count field cannot forget it.
 */
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { familyOfField } from '@antt/disclosure';
import type { OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
// Structural checks, not graphql-js's instanceof predicates (two copies of graphql under Vite; see data-class.ts).
import { defaultFieldResolver, getNamedType, isObjectType } from '../graphql-structural.js';
import { countsBasis, type FiguresBasis } from './workflow.js';

interface BasisArgs {
  periodId?: string | null;
  year?: number | null;
  asRecordedAt?: string | null;
  figures?: 'OFFICIAL' | 'LIVE' | null;
}

/** The period a count's arguments name: `periodId`, or the plan year of `year`. */
function periodOf(a: BasisArgs): string | null {
  if (a.periodId) return a.periodId;
  return a.year != null ? `${a.year}-PLAN-Y` : null;
}

function withBasis(value: unknown, basis: FiguresBasis): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value;
  // The summary itself untouched (it may be cached for the request, as the standard's indicators are):
  // an object inheriting from it, so that its fields and what its resolver tagged it with (a cell of the
  // published set, a non-enumerable symbol) read through.
  return Object.create(value, { basis: { value: basis, enumerable: true } }) as unknown;
}

function attach(result: unknown, basis: FiguresBasis, list: boolean): unknown {
  if (result instanceof Promise) return result.then((r) => attach(r, basis, list));
  return list && Array.isArray(result) ? result.map((r) => withBasis(r, basis)) : withBasis(result, basis);
}

/** Whether a count carries a sensitive family's figures: itself, or a figure of what it returns (or of its breakdowns). */
function sensitive(type: GraphQLObjectType, fieldName: string): boolean {
  const field = type.getFields()[fieldName];
  if (!field) return false;
  if (familyOfField(`${type.name}.${fieldName}`)) return true;
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return false;
  return Object.values(named.getFields()).some((f) => {
    if (familyOfField(`${named.name}.${f.name}`)) return true;
    const inner = getNamedType(f.type);
    return isObjectType(inner) && Object.keys(inner.getFields()).some((g) => familyOfField(`${inner.name}.${g}`));
  });
}

/** Applies the figures' basis to every count field of an organization's schema (see the file's comment). */
export function applyFiguresBasis(schema: GraphQLSchema, org: OrganizationId): GraphQLSchema {
  let applied = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const choice = field.args.find((a) => a.name === 'figures');
      if (!choice || getNamedType(choice.type).name !== 'FiguresChoice') continue;
      if (!field.args.some((a) => a.name === 'periodId' || a.name === 'year'))
        throw new Error(`${type.name}.${field.name} takes figures but no period (periodId or year)`);
      const named = getNamedType(field.type);
      const isBasis = named.name === 'FiguresBasis';
      const carriesBasis = isObjectType(named) && 'basis' in named.getFields();
      const list = String(field.type).replace(/!$/, '').startsWith('[');
      // A sibling <field>Basis answers for its field: sensitive when the field is.
      const liveOnly = sensitive(type, isBasis ? field.name.replace(/Basis$/, '') : field.name);
      const resolve = field.resolve ?? defaultFieldResolver;
      applied++;
      field.resolve = (source: { unitId?: string } | null, args: BasisArgs, ctx: SubgraphContext, info) => {
        const periodId = periodOf(args);
        const unitId = source?.unitId;
        if (!unitId) throw new Error(`${type.name}.${field.name}: no unit to read the figures' basis for`);
        // Without a period (every date), no report covers the figures: live, or as of the instant asked.
        const { basis, asRecordedAt } = periodId
          ? countsBasis(ctx.db, org, unitId, periodId, liveOnly ? 'LIVE' : (args.figures ?? 'OFFICIAL'), args.asRecordedAt ?? null)
          : countsBasis(ctx.db, org, unitId, '', 'LIVE', args.asRecordedAt ?? null);
        if (isBasis) return basis;
        const result = resolve(source, { ...args, asRecordedAt }, ctx, info);
        return carriesBasis ? attach(result, basis, list) : result;
      };
    }
  }
  // Every organization counts its activities by period (activityCounts): none found means the pass did not
  // recognise the schema's types, and every count would answer without its basis.
  if (!applied) throw new Error(`applyFiguresBasis(${org}): no count with figures was recognised`);
  return schema;
}
