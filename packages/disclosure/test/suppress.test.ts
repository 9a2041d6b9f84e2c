import { describe, expect, it } from 'vitest';
import { auditPattern, cellKey, enumerateFamily, suppressSet, type Cell, type CellDims, type Pattern, type PublishedSet } from '../src/index.js';

const params = { threshold: 5, protection: 1 };

/** A small set by hand: each cell a sum of variables with the given true values. */
function set(truth: number[], cells: [string, number[]][], bounds: PublishedSet['bounds'] = []): PublishedSet {
  return {
    truth,
    bounds,
    cells: cells.map(([unitId, vars]): Cell => {
      const dims: CellDims = { family: 'victims', measure: 'total', unitId, map: 'PERIOD', periodId: '2024-PLAN-Y', version: 'current' };
      return { key: cellKey(dims), dims, vars, value: vars.reduce((s, v) => s + truth[v]!, 0) };
    }),
  };
}
const key = (unitId: string) => cellKey({ family: 'victims', measure: 'total', unitId, map: 'PERIOD', periodId: '2024-PLAN-Y', version: 'current' });
const primaryOnly = (s: PublishedSet): Pattern => {
  const keys = new Set(s.cells.filter((c) => c.value > 0 && c.value < params.threshold).map((c) => c.key));
  return { suppressed: keys, primary: keys, unprotected: [], programs: 0 };
};

describe('complementary suppression', () => {
  it('a total and its shown neighbours pin a small cell; hiding one more cell protects it', async () => {
    // Commune A has 1 case, B 6; the district shows 7.
    const s = set(
      [1, 6],
      [
        ['A', [0]],
        ['B', [1]],
        ['D', [0, 1]],
      ],
    );
    const naive = await auditPattern(s, primaryOnly(s), params);
    expect(naive.pinned.map((p) => p.key)).toEqual([key('A')]);
    const p = await suppressSet(s, params);
    expect(p.suppressed.has(key('B')) || p.suppressed.has(key('D'))).toBe(true);
    expect((await auditPattern(s, p, params)).pinned).toEqual([]);
  });

  it('a shown zero pins a total: the zero fixes its variables, so another cell is hidden', async () => {
    // A = 2 (small), B = 0 (shown), C = 9; D = A + B, E = D + C. With B = 0 shown, D equals A.
    const s = set(
      [2, 9],
      [
        ['A', [0]],
        ['B', []],
        ['D', [0]],
        ['C', [1]],
        ['E', [0, 1]],
      ],
    );
    const p = await suppressSet(s, params);
    expect(p.suppressed.has(key('B'))).toBe(false);
    expect(p.suppressed.has(key('D'))).toBe(true);
    expect((await auditPattern(s, p, params)).pinned).toEqual([]);
  });

  it('a report version is one more coordinate: the difference between two versions is seen', async () => {
    // Unit A: seven records of one kind stand in both versions (x0), one record of kind K only in the
    // first (x1: voided before the second). A's total in each version is shown (8, then 7): their
    // difference is the one record of kind K in version 1, whatever that cell's own suppression.
    const s = set(
      [7, 1],
      [
        ['A@v1', [0, 1]],
        ['A@v2', [0]],
        ['K@v1', [1]],
      ],
    );
    // Hiding the small cell of version 1 alone: version 2 minus the shared part gives it away.
    const naive = await auditPattern(s, primaryOnly(s), params);
    expect(naive.pinned.map((p) => p.key)).toEqual([key('K@v1')]);
    const p = await suppressSet(s, params);
    expect((await auditPattern(s, p, params)).pinned).toEqual([]);
  });

  it('flag counts are bounded by their records', async () => {
    // Variable 0: 6 cases, variable 1: 1 child among them; a shown total "children" of 1 would be primary.
    const s = set(
      [6, 1],
      [
        ['cases', [0]],
        ['children', [1]],
      ],
      [{ v: 1, of: [0] }],
    );
    const p = await suppressSet(s, params);
    const a = await auditPattern(s, p, params);
    expect(a.pinned).toEqual([]);
    expect(a.intervals.get(key('children'))).toEqual({ lo: 0, hi: 6 });
  });
});

describe('the published set without its zeros (what serving searches)', () => {
  it('holds exactly the cells with records, and the search hides the same cells as over the whole set', async () => {
    const tables = { family: 'victims', breakdowns: ['A', 'B', 'C'], total: true, byBreakdown: true, flags: ['child'] };
    const records = [
      ...Array.from({ length: 3 }, () => ({ unitId: 'commune:03730@2019', date: '2024-03-01', breakdown: 'A', flags: ['child'], standing: [0, 0] as const })),
      ...Array.from({ length: 9 }, () => ({ unitId: 'commune:03730@2019', date: '2024-09-01', breakdown: 'B', flags: [], standing: [0, 0] as const })),
    ];
    const scope = { unitId: 'commune:03730@2019', years: [2024], today: '2026-12-02' as const, versions: ['current'] };
    const all = enumerateFamily(tables, records, scope);
    const some = enumerateFamily(tables, records, scope, { zeros: false });
    expect(some.cells.map((c) => c.key)).toEqual(all.cells.filter((c) => c.vars.length).map((c) => c.key));
    expect(some.cells.length).toBeLessThan(all.cells.length);
    expect(all.cells.filter((c) => !c.vars.length).every((c) => c.value === 0)).toBe(true);
    const whole = await suppressSet(all, params);
    expect([...(await suppressSet(some, params)).suppressed].sort()).toEqual([...whole.suppressed].sort());
    expect(whole.suppressed.size).toBeGreaterThan(0);
    expect((await auditPattern(all, whole, params)).pinned).toEqual([]);
  });
});
