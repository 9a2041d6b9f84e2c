/**
 * The published set, enumerated: every table of a sensitive family that other organizations' staff and
 * dashboards may be shown, for a scope (the province, or one district for a quicker check) and a list
 * of years. A table is one measure of the family (the total, each breakdown value, each flag) over:
 * - the units: the province, and every district and commune whose records touch the scope, on the map
 *   in force on the period's last day and on today's map;
 * - the periods: each year's plan periods (first and second six months, the plan year) and its
 *   assessment years (residential areas; communes and agencies);
 * - the report versions: 'current', and any dated version of a report (a version reads the records as
 *   they stood at its time).
 * Any figure outside this set is refused to those callers (see publishedRequest).
 */
import { periodById, territory, type IsoDate, type Period } from '@antt/reference';
import { cellKey, type Cell, type CellDims, type MapView, type PublishedSet } from './model.js';

/** The periods published for a year. */
export function publishedPeriods(year: number): Period[] {
  return [`${year}-PLAN-6M`, `${year}-PLAN-6M2`, `${year}-PLAN-Y`, `${year}-ATANTT-KDC`, `${year}-ATANTT-UNIT`].map((id) => periodById(id)!);
}

/** Whether a period id is in the published set (a plan period or an assessment year). */
export function isPublishedPeriod(periodId: string): boolean {
  const p = periodById(periodId);
  return p !== null && ['PLAN_SIX_MONTH', 'PLAN_YEAR', 'ASSESSMENT_RESIDENTIAL', 'ASSESSMENT_UNIT'].includes(p.calendar);
}

/** One version of one record, as a family's source reads it. */
export interface SourceRecord {
  /** The unit the record is kept under. */
  unitId: string;
  /** The record's own date (what a period counts by). */
  date: IsoDate;
  /** Its breakdown value (a kind; a category and status). */
  breakdown: string;
  /** The flags it has (a child victim, handed to the police...). */
  flags: readonly string[];
  /** First and last index into the versions in which this version of the record stands. */
  standing: readonly [number, number];
  /** Its weight (people helped, parties), for a weighted source: 1 or more. */
  weight?: number;
  /**
   * For a record that counts in every period it overlaps rather than by one date (a case supported from
   * its assignment to its outcome): the stretches of days it covers, each [first, last] inclusive ('9999-12-31'
   * while it goes on). It counts in a period when any of them overlaps the period; `date` is then unused.
   */
  spans?: readonly (readonly [IsoDate, IsoDate])[];
}

/** How a family's tables look. */
export interface FamilyTables {
  family: string;
  /** Every breakdown value (all are shown, zeros included). */
  breakdowns: readonly string[];
  /** Whether the total over the breakdown is published. */
  total: boolean;
  /** Whether each breakdown value is published. */
  byBreakdown: boolean;
  /** Published flag counts. */
  flags: readonly string[];
  /**
   * Published counts over several breakdown values, by measure id: a breakdown value that combines two
   * classifications ('<category>|<result>') publishes each margin, as one table the audit sees whole.
   */
  groups?: Readonly<Record<string, (breakdown: string) => boolean>>;
}

export interface Scope {
  /** The province, or one district (its records; the province's figures still count the rest as one unknown). */
  unitId: string;
  years: readonly number[];
  /** Today (which map is today's). */
  today: IsoDate;
  /** Report versions, 'current' first. */
  versions: readonly string[];
}

/** The units published on the map in force on `date` for a scope: the province, districts and communes touching it. */
function unitsOnMap(date: IsoDate, scopeUnits: ReadonlySet<string>, provinceId: string): string[] {
  const t = territory();
  const out = [provinceId];
  for (const level of ['DISTRICT', 'COMMUNE'] as const)
    for (const u of t.unitsOn(date, level)) if ([...t.covered(u.id)].some((r) => scopeUnits.has(r))) out.push(u.id);
  return out;
}

/**
 * Enumerates a family's published set over a scope, from its records. With `zeros: false`, the cells
 * holding no records are left out (most of a sparse family's set): a zero is shown in every pattern and
 * constrains nothing, so the search and serving need only the others; the audit lists every cell.
 */
export function enumerateFamily(tables: FamilyTables, records: readonly SourceRecord[], scope: Scope, opts: { zeros?: boolean } = {}): PublishedSet {
  const t = territory();
  const province = t.unitsOn(scope.today, 'PROVINCE')[0]!.id;
  const scopeUnits = t.covered(scope.unitId);
  const periods = scope.years.flatMap(publishedPeriods);
  // The units of each (period, map), and which record units any unit but the province holds.
  const units = new Map<string, string[]>();
  const named = new Set<string>();
  for (const p of periods)
    for (const map of ['PERIOD', 'TODAY'] as MapView[]) {
      const us = unitsOnMap(map === 'PERIOD' ? p.end : scope.today, scopeUnits, province);
      units.set(`${p.id}|${map}`, us);
      for (const u of us) if (u !== province) for (const r of t.covered(u)) named.add(r);
    }
  // Stretches of days between the periods' boundaries.
  const cuts = [...new Set(periods.flatMap((p) => [p.start, nextDay(p.end)]))].sort();
  const stretch = (d: IsoDate) => {
    let i = 0;
    while (i < cuts.length && cuts[i]! <= d) i++;
    return i; // 0: before the first cut; cuts.length: after the last
  };
  // The stretches a record counts in: its date's, or every stretch its spans cover (clamped to the set's).
  const stretchesOf = (r: SourceRecord): number[] => {
    if (!r.spans) {
      const s = stretch(r.date);
      return s === 0 || s === cuts.length ? [] : [s];
    }
    const out = new Set<number>();
    for (const [a, b] of r.spans) for (let i = Math.max(1, stretch(a)); i <= Math.min(cuts.length - 1, stretch(b)); i++) out.add(i);
    return [...out].sort((x, y) => x - y);
  };
  // Variables: (record unit or REST, stretches, standing span, measure) holding records.
  const varIndex = new Map<string, number>();
  const truth: number[] = [];
  const varAtom: { unit: string; stretches: readonly number[]; sk: string; from: number; to: number; measure: string }[] = [];
  const atoms: string[] = [];
  const bump = (unit: string, ss: readonly number[], span: readonly [number, number], measure: string) => {
    const sk = ss.join(',');
    const k = `${unit}|${sk}|${span[0]}|${span[1]}|${measure}`;
    let v = varIndex.get(k);
    if (v === undefined) {
      varIndex.set(k, (v = truth.length));
      atoms.push(k);
      truth.push(0);
      varAtom.push({ unit, stretches: ss, sk, from: span[0], to: span[1], measure });
    }
    truth[v]!++;
  };
  for (const r of records) {
    const ss = stretchesOf(r);
    if (!ss.length) continue;
    const unit = named.has(r.unitId) ? r.unitId : 'REST';
    bump(unit, ss, r.standing, `by:${r.breakdown}`);
    for (const f of r.flags) if (tables.flags.includes(f)) bump(unit, ss, r.standing, `flag:${f}`);
  }
  // A flag count is at most its atom's records.
  const bounds: PublishedSet['bounds'] = [];
  varAtom.forEach((a, v) => {
    if (!a.measure.startsWith('flag:')) return;
    const of = varAtom.flatMap((b, w) => (b.measure.startsWith('by:') && b.unit === a.unit && b.sk === a.sk && b.from === a.from && b.to === a.to ? [w] : []));
    bounds.push({ v, of });
  });
  const measures = [
    ...(tables.total ? ['total'] : []),
    ...(tables.byBreakdown ? tables.breakdowns.map((b) => `by:${b}`) : []),
    ...tables.flags.map((f) => `flag:${f}`),
    ...Object.keys(tables.groups ?? {}),
  ];
  const cells: Cell[] = [];
  for (const p of periods) {
    const [first, last] = [stretch(p.start), stretch(p.end)];
    for (const map of ['PERIOD', 'TODAY'] as MapView[])
      for (const unitId of units.get(`${p.id}|${map}`)!) {
        const holds = unitId === province ? () => true : (u: string) => u !== 'REST' && t.covered(unitId).has(u);
        scope.versions.forEach((version, vi) => {
          const inCell = varAtom.map((a) => holds(a.unit) && a.stretches.some((x) => x >= first && x <= last) && a.from <= vi && vi <= a.to);
          for (const measure of measures) {
            const vars: number[] = [];
            inCell.forEach((ok, v) => {
              if (!ok) return;
              const m = varAtom[v]!.measure;
              const group = tables.groups?.[measure];
              if (group ? m.startsWith('by:') && group(m.slice(3)) : measure === 'total' ? m.startsWith('by:') : m === measure) vars.push(v);
            });
            if (!vars.length && opts.zeros === false) continue;
            const dims: CellDims = { family: tables.family, measure, unitId, map, periodId: p.id, version };
            cells.push({ key: cellKey(dims), dims, vars, value: vars.reduce((s, v) => s + truth[v]!, 0) });
          }
        });
      }
  }
  return { cells, truth, bounds, atoms };
}

function nextDay(d: IsoDate): IsoDate {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10) as IsoDate;
}
