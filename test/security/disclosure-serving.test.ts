/**
 * The pattern the audit proves safe is the pattern served (SECURITY.md, "Disclosure control"): the
 * women's union's protection counts for one district (Thuận Châu) and one year, read by an outsider (the
 * police's staff) directly on the subgraph for every unit and period of the published set. A cell hidden
 * by complementary suppression (a figure of 5 or more) comes back null; what the outsider actually
 * received, audited by the same linear program as test/security/disclosure.test.ts, pins no hidden cell.
 * While a pattern is computed outsiders get no non-zero figure; after a write, none the write touched.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT, auditPattern, disclosureParameters, enumerateFamily, servedPatterns, victimsRecords, victimsTables, type Pattern } from '@antt/disclosure';
import { dashboard, openTestSubgraph, staff, PROVINCE, THUAN_CHAU } from '@antt/testing';
import { subgraph as women } from '@antt/women';
import { periodById } from '@antt/reference';

const today = '2026-12-02';
const scope = { unitId: THUAN_CHAU, years: [2024], today };
const Q = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { women { protection(periodId: $period) { count children referredToPolice closed byKind { kind count } } } } }`;

interface Protection {
  count: number | null;
  children: number | null;
  referredToPolice: number | null;
  closed: number | null;
  byKind: { kind: string; count: number | null }[];
}
const measuresOf = (p: Protection) =>
  new Map<string, number | null>([
    ['total', p.count],
    ['flag:children', p.children],
    ['flag:referredToPolice', p.referredToPolice],
    ['flag:closed', p.closed],
    ...p.byKind.map((b): [string, number | null] => [`by:${b.kind}`, b.count]),
  ]);

describe('the served figures follow the audited pattern', () => {
  it('a secondary-suppressed cell is served null, and what outsiders receive pins no hidden cell', { timeout: 240_000 }, async () => {
    const params = disclosureParameters();
    const s = await openTestSubgraph(women, { demo: true, today });
    const served = servedPatterns(s.sqlite, { scope, params });
    const outsider = dashboard();
    const read = async (unit: string, period: string) => {
      const res = await s.run<{ unit: { women: { protection: Protection } } }>(outsider, Q, { unit, period });
      expect(res.errors).toBeUndefined();
      return measuresOf(res.data!.unit.women.protection);
    };
    const set = enumerateFamily(victimsTables, victimsRecords(s.sqlite, [CURRENT]), { ...scope, versions: [CURRENT.id] });
    const big = set.cells.find((c) => c.value >= params.threshold)!;

    // Before the pattern is computed: nothing but zeros.
    expect((await read(big.dims.unitId, big.dims.periodId)).get(big.dims.measure)).toBeNull();
    const t0 = performance.now();
    await served.refresh('victims');
    const computeSeconds = (performance.now() - t0) / 1000;

    // Every figure of the set, as the outsider receives it.
    const answers = new Map<string, Map<string, number | null>>();
    for (const c of set.cells) {
      const k = `${c.dims.unitId}|${c.dims.periodId}`;
      if (!answers.has(k)) answers.set(k, await read(c.dims.unitId, c.dims.periodId));
    }
    const hiddenServed = new Set<string>();
    for (const c of set.cells) {
      const v = answers.get(`${c.dims.unitId}|${c.dims.periodId}`)!.get(c.dims.measure);
      if (v === null) hiddenServed.add(c.key);
      else expect(v, c.key).toBe(c.value);
    }
    // What is hidden is the pattern (cells of one unit on both maps are one figure).
    const suppressed = served.suppressed('victims')!;
    const primary = new Set(set.cells.filter((c) => c.value > 0 && c.value < params.threshold).map((c) => c.key));
    const secondary = set.cells.filter((c) => hiddenServed.has(c.key) && c.value >= params.threshold);
    expect(secondary.length).toBeGreaterThan(0);
    for (const c of secondary) expect(suppressed.has(c.key), c.key).toBe(true);
    for (const c of set.cells) expect(hiddenServed.has(c.key), c.key).toBe(c.value > 0 && suppressed.has(c.key));

    // The linear program over what was actually served pins nothing.
    const asServed: Pattern = { suppressed: hiddenServed, primary, unprotected: [], programs: 0 };
    const audit = await auditPattern(set, asServed, params);
    expect(audit.pinned).toEqual([]);
    expect(audit.intervals.size).toBe(primary.size);

    // The owner's staff still read every figure as it is.
    const own = await s.run<{ unit: { women: { protection: Protection } } }>(staff('women', PROVINCE), Q, {
      unit: secondary[0]!.dims.unitId,
      period: secondary[0]!.dims.periodId,
    });
    expect(measuresOf(own.data!.unit.women.protection).get(secondary[0]!.dims.measure)).toBe(secondary[0]!.value);

    // A write makes the pattern stale: the cells it touches (here a count of the new case's kind, its
    // total or its child victims, in the period the case is dated in) are hidden until computed again.
    const shown = set.cells.find(
      (c) =>
        c.value >= params.threshold &&
        !hiddenServed.has(c.key) &&
        [THUAN_CHAU, PROVINCE].includes(c.dims.unitId) &&
        (c.dims.measure === 'total' || c.dims.measure === 'flag:children' || c.dims.measure.startsWith('by:')),
    )!;
    const kind = shown.dims.measure.startsWith('by:') ? shown.dims.measure.slice(3) : 'DOMESTIC_VIOLENCE';
    expect((await read(shown.dims.unitId, shown.dims.periodId)).get(shown.dims.measure)).toBe(shown.value);
    const commune = set.cells.find((c) => c.dims.unitId.startsWith('commune:') && c.dims.periodId === shown.dims.periodId && c.dims.map === 'PERIOD')!;
    const w = await s.run<{ recordWomenProtectionCase: { id: string } | null }>(
      staff('women', PROVINCE),
      `mutation ($input: RecordWomenProtectionCaseInput!) { recordWomenProtectionCase(input: $input, reason: "Ghi bổ sung vụ việc") { id } }`,
      { input: { openedOn: periodById(shown.dims.periodId)!.start, unitId: commune.dims.unitId, kind, victimIsChild: true, victimFullName: 'Nạn nhân thử' } },
    );
    expect(w.errors).toBeUndefined();
    expect((await read(shown.dims.unitId, shown.dims.periodId)).get(shown.dims.measure)).toBeNull();
    const before = served.computations;
    await served.refresh('victims');
    expect(served.computations).toBe(before + 1);
    console.log(
      `pattern computed in ${computeSeconds.toFixed(1)} s (${set.cells.length} cells, ${hiddenServed.size} hidden, ${secondary.length} by complementary suppression)`,
    );
  });
});
