/**
 * The last sensitive counts under the published set's pattern (SECURITY.md, "Disclosure control"): tips
 * handed to the police and reintegration support (visits and the help they gave, new assignments,
 * outcomes, and the cases supported at some time in a period, in all and by kind of supporter: a case
 * counts in every period its support overlaps), for the veterans' association in one district and one year; and sums of people (people
 * helped, parties), shown where their count is shown. Each family's source enumerates exactly what the
 * summaries serve to the association's staff; a dashboard gets the pattern; a differencing attack by
 * linear programming over what primary suppression alone showed pins hidden cells, over what is served
 * now it pins none; a sum hidden with its count keeps the count's protection.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Auditor,
  CURRENT,
  FAMILY_SOURCES,
  auditPattern,
  disclosureParameters,
  enumerateFamily,
  servedPatterns,
  type Pattern,
  type PublishedSet,
  type SourceRecord,
} from '@antt/disclosure';
import { dashboard, openTestSubgraph, staff, PROVINCE, THUAN_CHAU } from '@antt/testing';
import { subgraph as veterans } from '@antt/veterans';

const today = '2026-12-02';
const scope = { unitId: THUAN_CHAU, years: [2024], today };
const Q = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { veterans {
  tipHandovers(periodId: $period) { handovers bySource { source count } }
  reintegration(periodId: $period) { visits newAssignments help { kind count } outcomes { outcome count } casesSupported supporters { kind cases } }
  atRiskSupport(periodId: $period) { records peopleHelped byGroup { group records people } }
  mediation(periodId: $period) { received parties } } } }`;

type N = number | null;
interface Answer {
  tipHandovers: { handovers: N; bySource: { source: string; count: N }[] };
  reintegration: {
    visits: N;
    newAssignments: N;
    help: { kind: string; count: N }[];
    outcomes: { outcome: string; count: N }[];
    casesSupported: N;
    supporters: { kind: string; cases: N }[];
  };
  atRiskSupport: { records: N; peopleHelped: N; byGroup: { group: string; records: N; people: N }[] };
  mediation: { received: N; parties: N };
}
/** Each figure of an answer by family and measure (sums as `sum(<measure>)`). */
const cells = (a: Answer) =>
  new Map<string, N>([
    ['tipHandovers|total', a.tipHandovers.handovers],
    ...a.tipHandovers.bySource.map((b): [string, N] => [`tipHandovers|by:${b.source}`, b.count]),
    ['reintegrationVisits|total', a.reintegration.visits],
    ...a.reintegration.help.map((h): [string, N] => [`reintegrationVisits|flag:help:${h.kind}`, h.count]),
    ['reintegrationAssignments|total', a.reintegration.newAssignments],
    ...a.reintegration.outcomes.map((o): [string, N] => [`reintegrationOutcomes|by:${o.outcome}`, o.count]),
    ['reintegrationSupported|by:CASES', a.reintegration.casesSupported],
    ...a.reintegration.supporters.map((k): [string, N] => [`reintegrationSupported|by:${k.kind}`, k.cases]),
    ['peopleAtRisk|total', a.atRiskSupport.records],
    ['peopleAtRisk|sum(total)', a.atRiskSupport.peopleHelped],
    ...a.atRiskSupport.byGroup.flatMap((g): [string, N][] => [
      [`peopleAtRisk|by:${g.group}`, g.records],
      [`peopleAtRisk|sum(by:${g.group})`, g.people],
    ]),
    ['mediation|total', a.mediation.received],
    ['mediation|sum(total)', a.mediation.parties],
  ]);

const NEW = ['tipHandovers', 'reintegrationVisits', 'reintegrationAssignments', 'reintegrationOutcomes', 'reintegrationSupported'];
const WEIGHTED = ['peopleAtRisk', 'mediation'];
const params = disclosureParameters();
let s: Awaited<ReturnType<typeof openTestSubgraph>>;
/** What staff and a dashboard read, by family|measure, for each unit|period of the published set. */
const own = new Map<string, Map<string, N>>();
const dash = new Map<string, Map<string, N>>();
const sets = new Map<string, PublishedSet>();
const records = new Map<string, SourceRecord[]>();

beforeAll(async () => {
  s = await openTestSubgraph(veterans, { demo: true, today });
  const served = servedPatterns(s.sqlite, { scope, params });
  for (const f of [...NEW, ...WEIGHTED]) await served.refresh(f);
  for (const f of [...NEW, ...WEIGHTED]) {
    records.set(f, FAMILY_SOURCES[f]!.records(s.sqlite, [CURRENT]));
    sets.set(f, enumerateFamily(FAMILY_SOURCES[f]!.tables, records.get(f)!, { ...scope, versions: [CURRENT.id] }));
  }
  const ask = async (who: ReturnType<typeof staff>, unit: string, period: string) => {
    const res = await s.run<{ unit: { veterans: Answer } }>(who, Q, { unit, period });
    expect(res.errors).toBeUndefined();
    return cells(res.data!.unit.veterans);
  };
  const pairs = new Set(sets.get('tipHandovers')!.cells.map((c) => `${c.dims.unitId}|${c.dims.periodId}`));
  for (const k of pairs) {
    const [unit, period] = k.split('|') as [string, string];
    own.set(k, await ask(staff('veterans', PROVINCE), unit, period));
    dash.set(k, await ask(dashboard(), unit, period));
  }
}, 300_000);

/** The keys a dashboard got null for, in a family's set; checks the source against staff's figures and shown figures against the truth. */
function servedHidden(family: string, asked: (measure: string) => boolean = () => true): Set<string> {
  const hidden = new Set<string>();
  for (const c of sets.get(family)!.cells) {
    const k = `${c.dims.unitId}|${c.dims.periodId}`;
    const m = `${family}|${c.dims.measure}`;
    if (!asked(c.dims.measure)) continue;
    expect(own.get(k)!.get(m), c.key).toBe(c.value);
    const v = dash.get(k)!.get(m);
    if (v === null) hidden.add(c.key);
    else expect(v, c.key).toBe(c.value);
  }
  return hidden;
}

describe('tip handovers and reintegration, served by the audited pattern', () => {
  it('a differencing attack pins cells primary suppression hid, and none of what is served now', async () => {
    let pinnedBefore = 0;
    let primaries = 0;
    for (const family of NEW) {
      const set = sets.get(family)!;
      const hidden = servedHidden(family);
      const primary = new Set(set.cells.filter((c) => c.value > 0 && c.value < params.threshold).map((c) => c.key));
      primaries += primary.size;
      // Every small cell is hidden, and more than those (complementary cells).
      for (const k of primary) expect(hidden.has(k), k).toBe(true);
      const audit = await auditPattern(set, { suppressed: hidden, primary, unprotected: [], programs: 0 } satisfies Pattern, params);
      expect(audit.pinned, family).toEqual([]);
      // What primary suppression alone (the threshold on each figure) showed: the attack recovers cells.
      const before = await auditPattern(set, { suppressed: primary, primary, unprotected: [], programs: 0 }, params);
      pinnedBefore += before.pinned.length;
    }
    expect(primaries).toBeGreaterThan(0);
    expect(pinnedBefore).toBeGreaterThan(0);
  });

  it('the cases supported: small ones exist, counted in every period their support overlaps', () => {
    const set = sets.get('reintegrationSupported')!;
    const primary = new Set(set.cells.filter((c) => c.value > 0 && c.value < params.threshold).map((c) => c.key));
    expect([...primary].some((k) => k.includes('|by:CASES|'))).toBe(true);
    // A case counts in every period it is supported in: some case counts in two periods that share no day.
    expect(records.get('reintegrationSupported')!.some((r) => r.spans!.some(([a, b]) => a.slice(0, 4) !== b.slice(0, 4)))).toBe(true);
    // And a case's cell in one half-year is part of its cell in the year: the same variable in both.
    const year = set.cells.filter((c) => c.dims.periodId.endsWith('-PLAN-Y') && c.dims.measure === 'by:CASES');
    const half = set.cells.filter((c) => c.dims.periodId.endsWith('-PLAN-6M') && c.dims.measure === 'by:CASES');
    expect(
      half.some(
        (h) => h.vars.length && year.some((y) => y.dims.unitId === h.dims.unitId && y.dims.map === h.dims.map && h.vars.every((v) => y.vars.includes(v))),
      ),
    ).toBe(true);
  });
});

describe('sums of people', () => {
  it('are shown where their count is shown, hidden with it, and a hidden sum keeps its count’s protection', async () => {
    let shown = 0;
    let protectedSums = 0;
    for (const family of WEIGHTED) {
      const set = sets.get(family)!;
      // The query asks the counts that have sums: the at-risk total and groups, mediation's total.
      const hasSum = (m: string) => m === 'total' || (family === 'peopleAtRisk' && m.startsWith('by:'));
      const hidden = servedHidden(family, hasSum);
      // The sums' program: the published sums (no flag or margin has one) over the same atoms, each
      // record counted by its weight.
      const tables = FAMILY_SOURCES[family]!.tables;
      const weighted = enumerateFamily(
        { ...tables, flags: [], groups: undefined, byBreakdown: family === 'peopleAtRisk' },
        records.get(family)!.flatMap((r) => Array.from({ length: r.weight! }, () => r)),
        { ...scope, versions: [CURRENT.id] },
      );
      expect(weighted.cells.map((c) => c.key)).toEqual(set.cells.filter((c) => hasSum(c.dims.measure)).map((c) => c.key));
      const auditor = await Auditor.create(weighted);
      const hiddenIdx = new Set(weighted.cells.flatMap((c, i) => (hidden.has(c.key) ? [i] : [])));
      for (const [i, c] of weighted.cells.entries()) {
        if (!hasSum(c.dims.measure)) continue;
        const k = `${c.dims.unitId}|${c.dims.periodId}`;
        const sum = dash.get(k)!.get(`${family}|sum(${c.dims.measure})`);
        // Staff read the sum the program counts.
        expect(own.get(k)!.get(`${family}|sum(${c.dims.measure})`), c.key).toBe(c.value);
        if (hidden.has(c.key)) {
          expect(sum, c.key).toBeNull();
          // A small count's sum is as loose as the count (a complementary cell's need not be).
          const count = set.cells.find((d) => d.key === c.key)!.value;
          if (count >= params.threshold) continue;
          const iv = auditor.interval(i, hiddenIdx);
          expect(iv.hi - iv.lo, c.key).toBeGreaterThanOrEqual(params.protection);
          protectedSums++;
        } else {
          expect(sum, c.key).toBe(c.value);
          if (c.value > 0) shown++;
        }
      }
    }
    expect(shown).toBeGreaterThan(0);
    expect(protectedSums).toBeGreaterThan(0);
  });
});
