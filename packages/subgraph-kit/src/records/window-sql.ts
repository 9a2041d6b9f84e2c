/**
 * Hand-written SQL over kinds' tables, for figures `summary` and `aggregate` cannot say (a join between
 * two kinds: houses by their latest check; distinct establishments over several kinds), with the same
 * window as the framework's counts: the caller's right to read aggregates and the arguments are checked
 * by the kind's own summary first; then the same units (the unit's roll-up cut to the jurisdiction),
 * the same period cut to the days the unit existed (`unitDays`), current versions (or those standing at
 * `asRecordedAt`), voided records excluded, `effectiveOn` applied to each record's own date.
 */
import { periodById } from '@antt/reference';
import { statementOf } from '../db.js';
import type { SubgraphContext } from '../context.js';
import type { RecordKind } from './kind.js';
import type { TimeFilter } from './repository.js';
import { recordsOf } from './resolvers.js';
import { unitDays } from './repository.js';
import { unitSet } from './kept-aggregates.js';

export interface WindowArgs extends TimeFilter {
  periodId: string;
}

export interface Window {
  units: string;
  from: string;
  to: string;
  asOf: string | null;
  effectiveOn: string | null;
}

/** Checks the arguments and the caller's rights as the kind's counts do; returns the SQL parameters. */
export function windowOf(ctx: SubgraphContext, kind: RecordKind, unitId: string, a: WindowArgs): Window {
  recordsOf(ctx, kind).summary({ unitId, periodId: a.periodId, asRecordedAt: a.asRecordedAt, effectiveOn: a.effectiveOn });
  const period = periodById(a.periodId)!;
  const days = unitDays(unitId, period.start, period.end, a.periodId);
  // A post that ended (a district's, the district police's) sees nothing dated after its last day.
  const ends = ctx.scope.principal.postEnds;
  return {
    units: unitSet(ctx.scope.visibleUnder(unitId)).json,
    from: days.from,
    to: ends !== null && ends < days.to ? ends : days.to,
    asOf: a.asRecordedAt ? new Date(a.asRecordedAt).toISOString() : null,
    effectiveOn: a.effectiveOn ?? null,
  };
}

/** The versions that count, in table alias `t`: current (or standing at @asOf) and not voided. */
export function standing(t: string): string {
  return `(CASE WHEN @asOf IS NULL THEN ${t}.superseded_at IS NULL ELSE ${t}.recorded_at <= @asOf AND (${t}.superseded_at IS NULL OR ${t}.superseded_at > @asOf) END) AND ${t}.status = 'ACTIVE'`;
}

/** Records of alias `t` in the window's units, dated (by `date`) no later than @effectiveOn when given. */
export function inUnits(t: string, unit = 'unit_id'): string {
  return `${t}.${unit} IN (SELECT value FROM json_each(@units))`;
}

/**
 * The attribution rule for a record restating a subject's standing for a span longer than a day (an
 * establishment's participation for a calendar year): of the records of one subject dated in the
 * window, only the latest counts, so that a window spanning two such spans (the plan year, 10 December
 * to 9 December, holds days of two calendar years) does not add both.
 */
export function latestOfSubject(t: string, table: string, subject: string, date: string): string {
  return `NOT EXISTS (SELECT 1 FROM ${table} n WHERE n.${subject} = ${t}.${subject} AND ${standing('n')} AND ${inUnits('n')} AND n.${date} BETWEEN @from AND @to AND ${effective('n', date)} AND (n.${date} > ${t}.${date} OR (n.${date} = ${t}.${date} AND n.id > ${t}.id)))`;
}

export function effective(t: string, date: string): string {
  return `(@effectiveOn IS NULL OR ${t}.${date} <= @effectiveOn)`;
}

/** A statement prepared once per database (db.ts statementOf). */
export function statement(ctx: SubgraphContext, sql: string): ReturnType<typeof statementOf> {
  return statementOf(ctx.db, sql);
}
