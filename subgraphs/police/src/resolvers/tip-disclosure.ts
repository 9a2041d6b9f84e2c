/**
 * The police's sensitive counts under disclosure control (@antt/disclosure; SECURITY.md, "Disclosure
 * control"), each read by its source exactly as its resolver counts it:
 * - crime tips (family crimeTips): the tip counts (Unit.police.tipCounts, by category and status) are one
 *   table of category × status (a pair the resolver leaves out is a zero outsiders see), and the tips of
 *   the period past a legal deadline now (overdueTips) are its flag `overdue`: a subset of the same
 *   records, so the audit bounds it by the tips of each atom and sees both tables together. Whether a tip
 *   is overdue changes with the clock: the family's fingerprint counts the undecided tips overdue now, so
 *   the pattern is computed again when one turns overdue without a write;
 * - the police's own reintegration cases (family policeReintegration), by the day the person returned:
 *   reintegrationCases and reintegrationCaseSummary.count are the same cell.
 */
import { recordTableSource, registerFamilySource, registerFieldCell, tableFingerprint, tagCell, type SqlReader } from '@antt/subgraph-kit';

import { crimeTips, TIP_STATUSES } from '../kinds/index.js';
import { isOverdue, overdueFrom } from '../legal/deadlines.js';

const categories = Object.keys((crimeTips.spec.fields.category as unknown as { catalogue: Record<string, string> }).catalogue);
const statuses = Object.keys(TIP_STATUSES);

/** The columns a tip's deadlines are read from, as overdueTips and the source read them. */
export const DEADLINE_COLUMNS =
  'received_at AS receivedAt, remote_area AS remoteArea, forwarded_at AS forwardedAt, decision_due_on AS decisionDueOn, decided_on AS decidedOn';

/** Whether a tip (its DEADLINE_COLUMNS) counts in overdueTips at `now`: undecided and past a legal deadline. */
export function countsOverdue(t: Record<string, unknown>, now: Date): boolean {
  if (t.decidedOn != null) return false;
  return isOverdue(deadlineState(t), now);
}

/** The undecided tips' deadline columns as a TipDeadlineState (what isOverdue and overdueFrom read). */
function deadlineState(t: Record<string, unknown>) {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    receivedAt: String(t.receivedAt),
    remoteArea: Boolean(t.remoteArea),
    forwardedAt: text(t.forwardedAt),
    decisionDueOn: String(t.decisionDueOn),
    decidedOn: null,
  };
}

/**
 * The undecided tips, read again only when the table changes, as the instants each turns overdue
 * (sorted) and the few whose instant could not be worked out. A tip's deadlines only pass with time, so
 * the tips overdue at `now` are those whose instant is at or before it: a binary search per lookup
 * instead of the law's clock over every undecided tip of the province (issue 17: the fingerprint is read
 * on every lookup of a served figure, several per request). Each instant is checked against isOverdue
 * itself (not yet overdue the millisecond before, overdue at it): a tip that fails the check is asked
 * the long way on every lookup, so the count is exactly countsOverdue's.
 */
interface UndecidedTips {
  mark: string;
  from: Float64Array;
  irregular: Record<string, unknown>[];
}
const undecided = new WeakMap<object, UndecidedTips>();

export function undecidedTips(rows: Record<string, unknown>[], mark = ''): UndecidedTips {
  const from: number[] = [];
  const irregular: Record<string, unknown>[] = [];
  for (const t of rows) {
    const at = overdueFrom(deadlineState(t));
    if (at !== null && !countsOverdue(t, new Date(at - 1)) && countsOverdue(t, new Date(at))) from.push(at);
    else irregular.push(t);
  }
  return { mark, from: Float64Array.from(from).sort(), irregular };
}

/** How many of the undecided tips are overdue at `now` (countsOverdue's count, in O(log n) for the regular ones). */
export function overdueCount(u: UndecidedTips, now: Date): number {
  const t = now.getTime();
  let lo = 0;
  let hi = u.from.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u.from[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo + u.irregular.filter((r) => countsOverdue(r, now)).length;
}

function overdueNow(db: SqlReader, now: Date): string {
  const mark = tableFingerprint(db, 'crime_tips');
  let c = undecided.get(db);
  if (!c || c.mark !== mark) {
    const rows = db.prepare(`SELECT ${DEADLINE_COLUMNS} FROM crime_tips WHERE status = 'ACTIVE' AND superseded_at IS NULL AND decided_on IS NULL`).all();
    undecided.set(db, (c = undecidedTips(rows as Record<string, unknown>[], mark)));
  }
  return String(overdueCount(c, now));
}

/**
 * A unit's undecided tips of a period as overdueTips counts them live (`read` gives their DEADLINE_COLUMNS),
 * kept as undecidedTips' instants until the tips' table changes: a commune with thousands of undecided tips
 * asked again and again (a dashboard's many viewers) was the law's clock over every one of them per request
 * (issue 17: 217 ms of the police's CPU per leadership panel of the suite's busiest commune).
 */
const overdueByUnit = new WeakMap<object, { mark: string; units: Map<string, UndecidedTips> }>();
const OVERDUE_UNITS_KEPT = 2000;

export function liveOverdueCount(db: SqlReader & object, key: string, now: Date, read: () => Record<string, unknown>[]): number {
  const mark = tableFingerprint(db, 'crime_tips');
  let c = overdueByUnit.get(db);
  if (!c || c.mark !== mark) overdueByUnit.set(db, (c = { mark, units: new Map() }));
  let u = c.units.get(key);
  if (!u) {
    if (c.units.size >= OVERDUE_UNITS_KEPT) c.units.clear();
    c.units.set(key, (u = undecidedTips(read(), mark)));
  }
  return overdueCount(u, now);
}

registerFamilySource(
  'crimeTips',
  recordTableSource({
    table: 'crime_tips',
    tables: {
      family: 'crimeTips',
      breakdowns: categories.flatMap((c) => statuses.map((s) => `${c}|${s}`)),
      total: false,
      byBreakdown: true,
      flags: ['overdue'],
    },
    date: 'received_on',
    breakdown: "category || '|' || tip_status",
    timed: { columns: DEADLINE_COLUMNS, flagsAt: (r, now) => (countsOverdue(r, now) ? ['overdue'] : []), clock: overdueNow },
  }),
);

registerFamilySource(
  'policeReintegration',
  recordTableSource({
    table: 'reintegration_cases',
    tables: { family: 'policeReintegration', breakdowns: ['CASE'], total: true, byBreakdown: false, flags: [] },
    unit: 'commune_id',
    date: 'returned_on',
    breakdown: "'CASE'",
  }),
);

/** The parent of PoliceUnitRecords' fields: the unit asked about. */
const unitOf = (p: unknown) => String((p as { unitId: unknown }).unitId);
registerFieldCell('PoliceUnitRecords.overdueTips', (p, a) => ({
  family: 'crimeTips',
  unitId: unitOf(p),
  periodId: String(a.periodId),
  // A figure read as recorded at a past instant is outside the published (live) set: never served small.
  version: a.asRecordedAt ? 'other' : 'current',
  measure: 'flag:overdue',
}));
registerFieldCell('PoliceUnitRecords.reintegrationCases', (p, a) => ({
  family: 'policeReintegration',
  unitId: unitOf(p),
  periodId: String(a.periodId),
  // A figure read as recorded at a past instant is outside the published (live) set: never served small.
  version: a.asRecordedAt ? 'other' : 'current',
  measure: 'total',
}));

/** The tip counts of a unit and period, each tagged with its cell. */
export function tipCountCells<T extends { category: string; status: string }>(rows: T[], unitId: string, periodId: string, asRecordedAt?: string | null): T[] {
  const version = asRecordedAt ? 'other' : 'current';
  return rows.map((r) => tagCell({ ...r }, { family: 'crimeTips', unitId, periodId, version, measures: { count: `by:${r.category}|${r.status}` } }));
}
