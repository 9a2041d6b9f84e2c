/**
 * Crime tips under the same control as victims (SECURITY.md, "Disclosure control"): the police's tip
 * counts by category and status for one district and one year. The source enumerates what tipCounts
 * serves to police staff (a pair it leaves out is a zero); a dashboard receives the audited pattern and
 * the linear program over what it received pins no hidden cell.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT, FAMILY_SOURCES, auditPattern, disclosureParameters, enumerateFamily, servedPatterns, type Pattern } from '@antt/disclosure';
import { dashboard, openTestSubgraph, staff, PROVINCE, THUAN_CHAU } from '@antt/testing';
import { subgraph as police } from '@antt/police';

const today = '2026-12-02';
const scope = { unitId: THUAN_CHAU, years: [2024], today };
const Q = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { police { tipCounts(periodId: $period) { category status count } } } }`;
type Tips = { unit: { police: { tipCounts: { category: string; status: string; count: number | null }[] } } };

describe('tip counts, served by the audited pattern', () => {
  it('enumerates what tipCounts counts; a dashboard gets the pattern and nothing pinned', { timeout: 240_000 }, async () => {
    const params = disclosureParameters();
    const s = await openTestSubgraph(police, { demo: true, today });
    const served = servedPatterns(s.sqlite, { scope, params });
    await served.refresh('crimeTips');
    const src = FAMILY_SOURCES.crimeTips!;
    const set = enumerateFamily(src.tables, src.records(s.sqlite, [CURRENT]), { ...scope, versions: [CURRENT.id] });
    expect(set.cells.some((c) => c.value >= params.threshold)).toBe(true);
    const byUnitPeriod = new Map<string, typeof set.cells>();
    for (const c of set.cells) {
      const k = `${c.dims.unitId}|${c.dims.periodId}`;
      byUnitPeriod.set(k, [...(byUnitPeriod.get(k) ?? []), c]);
    }
    const hidden = new Set<string>();
    let secondary = 0;
    for (const [k, cs] of byUnitPeriod) {
      const [unit, period] = k.split('|') as [string, string];
      const read = async (who: ReturnType<typeof staff>) => {
        const res = await s.run<Tips>(who, Q, { unit, period });
        expect(res.errors).toBeUndefined();
        return new Map(res.data!.unit.police.tipCounts.map((t) => [`by:${t.category}|${t.status}`, t.count]));
      };
      const own = await read(staff('police', PROVINCE));
      const out = await read(dashboard());
      for (const c of cs) {
        expect(own.get(c.dims.measure) ?? 0, c.key).toBe(c.value);
        const v = out.has(c.dims.measure) ? out.get(c.dims.measure)! : 0;
        if (v === null) hidden.add(c.key);
        else expect(v, c.key).toBe(c.value);
        expect(hidden.has(c.key), c.key).toBe(c.value > 0 && served.suppressed('crimeTips')!.has(c.key));
        if (hidden.has(c.key) && c.value >= params.threshold) secondary++;
      }
    }
    const primary = new Set(set.cells.filter((c) => c.value > 0 && c.value < params.threshold).map((c) => c.key));
    expect(primary.size).toBeGreaterThan(0);
    expect(secondary).toBeGreaterThan(0);
    const audit = await auditPattern(set, { suppressed: hidden, primary, unprotected: [], programs: 0 } satisfies Pattern, params);
    expect(audit.pinned).toEqual([]);
    console.log(
      `tips: ${set.cells.length} cells, ${hidden.size} hidden, ${secondary} by complementary suppression, pattern in ${((served.lastMillis('crimeTips') ?? 0) / 1000).toFixed(1)} s`,
    );
  });
});
