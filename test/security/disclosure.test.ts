/**
 * Disclosure control over the published set (SECURITY.md, "Disclosure control"): the women's union's
 * protection counts for one district (Thuận Châu) and two years, on the map of each period and today's,
 * every plan period and assessment year, every breakdown. Primary suppression alone is what an attacker
 * differencing units, periods and kinds defeats; with complementary suppression, linear programming over
 * every visible figure pins no suppressed cell. The whole province: `pnpm disclosure:audit`.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT, auditPattern, enumerateFamily, victimsRecords, victimsTables, type Pattern } from '@antt/disclosure';
import { openTestSubgraph, staff, PROVINCE } from '@antt/testing';
import { subgraph as women } from '@antt/women';
import { auditVictims } from './disclosure-audit.js';

const scope = { unitId: 'district:119@2019', years: [2023, 2024], today: '2026-12-02' as const, versions: ['current'] };

describe('the published set of protection counts, one district, two years', () => {
  it('differencing the published figures recovers no suppressed cell, while primary suppression alone gives many away', { timeout: 300_000 }, async () => {
    const { set, pattern, audit, params } = await auditVictims(scope);
    // The set spans both maps, every published period and every measure.
    const dims = (k: 'map' | 'periodId' | 'measure') => new Set(set.cells.map((c) => c.dims[k]));
    expect(dims('map')).toEqual(new Set(['PERIOD', 'TODAY']));
    expect(dims('periodId').size).toBe(10);
    expect(dims('measure').size).toBe(9);
    expect(pattern.primary.size).toBeGreaterThan(100);
    expect(pattern.unprotected).toEqual([]);
    expect(audit.pinned).toEqual([]);
    for (const iv of audit.intervals.values()) expect(iv.hi - iv.lo).toBeGreaterThanOrEqual(params.protection);

    // The attack: hide only the small cells, as today, and bound them by the same program.
    const naive: Pattern = { suppressed: new Set(pattern.primary), primary: pattern.primary, unprotected: [], programs: 0 };
    const recovered = (await auditPattern(set, naive, params)).pinned;
    expect(recovered.length).toBeGreaterThan(0);
    // What was recovered is the true figure.
    for (const r of recovered) expect(r.interval.lo).toBe(r.value);
  });

  it('the enumerated cells are the figures the counts resolver serves', { timeout: 120_000 }, async () => {
    const s = await openTestSubgraph(women, { demo: true, today: scope.today });
    const set = enumerateFamily(victimsTables, victimsRecords(s.sqlite, [CURRENT]), scope);
    const q = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { women { protection(periodId: $period) { count children referredToPolice closed byKind { kind count } } } } }`;
    const byUnitPeriod = new Map<string, Map<string, number>>();
    for (const c of set.cells) {
      const k = `${c.dims.unitId}|${c.dims.periodId}`;
      if (!byUnitPeriod.has(k)) byUnitPeriod.set(k, new Map());
      byUnitPeriod.get(k)!.set(c.dims.measure, c.value);
    }
    let compared = 0;
    for (const [k, measures] of byUnitPeriod) {
      const [unit, period] = k.split('|') as [string, string];
      const res = await s.run<{
        unit: {
          women: { protection: { count: number; children: number; referredToPolice: number; closed: number; byKind: { kind: string; count: number }[] } };
        };
      }>(staff('women', PROVINCE), q, { unit, period });
      const p = res.data!.unit.women.protection;
      const served = new Map<string, number>([
        ['total', p.count],
        ['flag:children', p.children],
        ['flag:referredToPolice', p.referredToPolice],
        ['flag:closed', p.closed],
        ...p.byKind.map((b): [string, number] => [`by:${b.kind}`, b.count]),
      ]);
      expect(served, k).toEqual(measures);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
