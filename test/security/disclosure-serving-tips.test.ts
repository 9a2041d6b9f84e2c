/**
 * Crime tips under the same control as victims (SECURITY.md, "Disclosure control"): the police's tip
 * counts by category and status, and the tips past a legal deadline (overdueTips, the same records'
 * flag), for one district and this year (the demo's undecided tips are this year's). The source enumerates what tipCounts and overdueTips serve to
 * police staff (a pair tipCounts leaves out is a zero); a dashboard receives the audited pattern and the
 * linear program over everything it received (both tables together) pins no hidden cell. The police's
 * own reintegration cases (reintegrationCases, and reintegrationCaseSummary: the same cell) likewise.
 */
import { describe, expect, it, vi } from 'vitest';
import { CURRENT, FAMILY_SOURCES, auditPattern, disclosureParameters, enumerateFamily, servedPatterns, type Cell, type Pattern } from '@antt/disclosure';
import { dashboard, openTestSubgraph, staff, PROVINCE, THUAN_CHAU } from '@antt/testing';
import { subgraph as police } from '@antt/police';

const today = '2026-12-02';
const scope = { unitId: THUAN_CHAU, years: [2026], today };
const Q = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { police {
  tipCounts(periodId: $period) { category status count } overdueTips(periodId: $period)
  reintegrationCases(periodId: $period) reintegrationCaseSummary(periodId: $period) { count } } } }`;
type N = number | null;
type Answer = {
  unit: {
    police: {
      tipCounts: { category: string; status: string; count: N }[];
      overdueTips: N;
      reintegrationCases: N;
      reintegrationCaseSummary: { count: N };
    };
  };
};
/** What one answer says of each cell, by family and measure (the summary's count under its own key: it must agree). */
const cells = (a: Answer) =>
  new Map<string, N>([
    ...a.unit.police.tipCounts.map((t): [string, N] => [`crimeTips|by:${t.category}|${t.status}`, t.count]),
    ['crimeTips|flag:overdue', a.unit.police.overdueTips],
    ['policeReintegration|total', a.unit.police.reintegrationCases],
    ['policeReintegration|summary', a.unit.police.reintegrationCaseSummary.count],
  ]);

describe('tip counts, overdue tips and reintegration cases, served by the audited pattern', () => {
  it('enumerates what the police count; a dashboard gets the pattern and nothing pinned', { timeout: 240_000 }, async () => {
    const params = disclosureParameters();
    const s = await openTestSubgraph(police, { demo: true, today });
    const served = servedPatterns(s.sqlite, { scope, params });
    const families = ['crimeTips', 'policeReintegration'];
    for (const f of families) await served.refresh(f);
    const sets = new Map(
      families.map((f) => [
        f,
        enumerateFamily(FAMILY_SOURCES[f]!.tables, FAMILY_SOURCES[f]!.records(s.sqlite, [CURRENT]), { ...scope, versions: [CURRENT.id] }),
      ]),
    );
    const byUnitPeriod = new Map<string, Cell[]>();
    for (const set of sets.values())
      for (const c of set.cells) {
        const k = `${c.dims.unitId}|${c.dims.periodId}`;
        byUnitPeriod.set(k, [...(byUnitPeriod.get(k) ?? []), c]);
      }
    const hidden = new Set<string>();
    let secondary = 0;
    for (const [k, cs] of byUnitPeriod) {
      const [unit, period] = k.split('|') as [string, string];
      const read = async (who: ReturnType<typeof staff>) => {
        const res = await s.run<Answer>(who, Q, { unit, period });
        expect(res.errors).toBeUndefined();
        return cells(res.data!);
      };
      const own = await read(staff('police', PROVINCE));
      const out = await read(dashboard());
      // The summary's count is the same cell as reintegrationCases: the same figure, shown or hidden alike.
      expect(own.get('policeReintegration|summary'), k).toBe(own.get('policeReintegration|total'));
      expect(out.get('policeReintegration|summary'), k).toBe(out.get('policeReintegration|total'));
      for (const c of cs) {
        const m = `${c.dims.family}|${c.dims.measure}`;
        // The source counts what the resolver counts (a pair tipCounts leaves out is a zero).
        expect(own.get(m) ?? 0, c.key).toBe(c.value);
        const v = out.has(m) ? out.get(m)! : 0;
        if (v === null) hidden.add(c.key);
        else expect(v, c.key).toBe(c.value);
        expect(hidden.has(c.key), c.key).toBe(c.value > 0 && served.suppressed(c.dims.family)!.has(c.key));
        if (hidden.has(c.key) && c.value >= params.threshold) secondary++;
      }
    }
    let pinnedByThresholdAlone = 0;
    for (const [family, set] of sets) {
      expect(
        set.cells.some((c) => c.value >= params.threshold),
        family,
      ).toBe(true);
      const primary = new Set(set.cells.filter((c) => c.value > 0 && c.value < params.threshold).map((c) => c.key));
      expect(primary.size, family).toBeGreaterThan(0);
      // The linear program over what the dashboard received pins no hidden cell.
      const audit = await auditPattern(set, { suppressed: hidden, primary, unprotected: [], programs: 0 } satisfies Pattern, params);
      expect(audit.pinned, family).toEqual([]);
      // The same attack on threshold suppression alone (what these figures had before).
      pinnedByThresholdAlone += (await auditPattern(set, { suppressed: primary, primary, unprotected: [], programs: 0 }, params)).pinned.length;
    }
    expect(pinnedByThresholdAlone).toBeGreaterThan(0);
    // The overdue tips are in the set and some are small: they were recoverable by subtraction under threshold suppression alone.
    const overdue = sets.get('crimeTips')!.cells.filter((c) => c.dims.measure === 'flag:overdue');
    expect(overdue.some((c) => c.value > 0 && c.value < params.threshold)).toBe(true);
    expect(secondary).toBeGreaterThan(0);
    // A tip turning overdue with the clock, without a write, changes the family's fingerprint: the pattern is computed again.
    const src = FAMILY_SOURCES.crimeTips!;
    const before = src.fingerprint(s.sqlite);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      expect(src.fingerprint(s.sqlite)).not.toBe(before);
      expect(served.status().find((f) => f.family === 'crimeTips')!.state).toBe('STALE');
    } finally {
      vi.useRealTimers();
    }
    expect(src.fingerprint(s.sqlite)).toBe(before);
    console.log(
      `tips and police reintegration: ${[...sets.values()].reduce((n, x) => n + x.cells.length, 0)} cells, ${hidden.size} hidden, ${secondary} by complementary suppression, patterns in ${families
        .map((f) => ((served.lastMillis(f) ?? 0) / 1000).toFixed(1))
        .join(' + ')} s`,
    );
  });
});
