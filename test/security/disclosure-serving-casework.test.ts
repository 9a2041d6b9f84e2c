/**
 * Help for people at risk and mediation under the same control as victims (SECURITY.md, "Disclosure
 * control"): the veterans' association's counts for one district and one year. The sources enumerate
 * exactly what the summaries serve to the association's staff; a dashboard receives the audited pattern
 * (sums of people where their counts are shown) and the linear program over what it received pins
 * no hidden cell. The kinds of help given, unsuppressed before, follow the pattern too.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT, FAMILY_SOURCES, auditPattern, disclosureParameters, enumerateFamily, servedPatterns, type Pattern } from '@antt/disclosure';
import { dashboard, openTestSubgraph, staff, PROVINCE, THUAN_CHAU } from '@antt/testing';
import { subgraph as veterans } from '@antt/veterans';

const today = '2026-12-02';
const scope = { unitId: THUAN_CHAU, years: [2024], today };
const Q = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { veterans {
  atRiskSupport(periodId: $period) { records peopleHelped byGroup { group records people } help { kind count } }
  mediation(periodId: $period) { received parties byCategory { category count } byResult { result count } } } } }`;

type N = number | null;
interface Answer {
  atRiskSupport: { records: N; peopleHelped: N; byGroup: { group: string; records: N; people: N }[]; help: { kind: string; count: N }[] };
  mediation: { received: N; parties: N; byCategory: { category: string; count: N }[]; byResult: { result: string; count: N }[] };
}
const cells = (a: Answer) =>
  new Map<string, N>([
    ['peopleAtRisk|total', a.atRiskSupport.records],
    ...a.atRiskSupport.byGroup.map((g): [string, N] => [`peopleAtRisk|by:${g.group}`, g.records]),
    ...a.atRiskSupport.help.map((h): [string, N] => [`peopleAtRisk|flag:help:${h.kind}`, h.count]),
    ['mediation|total', a.mediation.received],
    ...a.mediation.byCategory.map((c): [string, N] => [`mediation|by:${c.category}`, c.count]),
    ...a.mediation.byResult.map((r): [string, N] => [`mediation|result:${r.result}`, r.count]),
  ]);

describe('help for people at risk and mediation, served by the audited pattern', () => {
  it('enumerates what the summaries count; a dashboard gets the pattern, people sums with their counts, and nothing pinned', { timeout: 240_000 }, async () => {
    const params = disclosureParameters();
    const s = await openTestSubgraph(veterans, { demo: true, today });
    const served = servedPatterns(s.sqlite, { scope, params });
    for (const f of ['peopleAtRisk', 'mediation']) await served.refresh(f);
    const ask = async (who: ReturnType<typeof staff>, unit: string, period: string) => {
      const res = await s.run<{ unit: { veterans: Answer } }>(who, Q, { unit, period });
      expect(res.errors).toBeUndefined();
      return res.data!.unit.veterans;
    };
    let secondary = 0;
    for (const family of ['peopleAtRisk', 'mediation']) {
      const set = enumerateFamily(FAMILY_SOURCES[family]!.tables, FAMILY_SOURCES[family]!.records(s.sqlite, [CURRENT]), { ...scope, versions: [CURRENT.id] });
      expect(set.cells.some((c) => c.value >= params.threshold)).toBe(true);
      const hidden = new Set<string>();
      const byUnitPeriod = new Map<string, typeof set.cells>();
      for (const c of set.cells) {
        const k = `${c.dims.unitId}|${c.dims.periodId}`;
        byUnitPeriod.set(k, [...(byUnitPeriod.get(k) ?? []), c]);
      }
      for (const [k, cs] of byUnitPeriod) {
        const [unit, period] = k.split('|') as [string, string];
        const own = cells(await ask(staff('veterans', PROVINCE), unit, period));
        const dash = await ask(dashboard(), unit, period);
        const out = cells(dash);
        for (const c of cs) {
          const m = `${family}|${c.dims.measure}`;
          // The source counts what the summary counts.
          expect(own.get(m), `${c.key}`).toBe(c.value);
          const v = out.get(m);
          if (v === null) hidden.add(c.key);
          else expect(v).toBe(c.value);
          expect(hidden.has(c.key), c.key).toBe(c.value > 0 && served.suppressed(family)!.has(c.key));
          if (hidden.has(c.key) && c.value >= params.threshold) secondary++;
        }
        // Sums of people follow their counts: hidden exactly where the count is (disclosure-serving-leftovers.test.ts audits them).
        const follows = (count: N, sum: N) => expect(sum === null, `${k}`).toBe(count === null);
        follows(dash.atRiskSupport.records, dash.atRiskSupport.peopleHelped);
        follows(dash.mediation.received, dash.mediation.parties);
        dash.atRiskSupport.byGroup.forEach((g) => follows(g.records, g.people));
      }
      const primary = new Set(set.cells.filter((c) => c.value > 0 && c.value < params.threshold).map((c) => c.key));
      expect(primary.size).toBeGreaterThan(0);
      const audit = await auditPattern(set, { suppressed: hidden, primary, unprotected: [], programs: 0 } satisfies Pattern, params);
      expect(audit.pinned).toEqual([]);
    }
    expect(secondary).toBeGreaterThan(0);
  });
});
