/**
 * Between a write and the new pattern (SECURITY.md, "After a write"): when the writes only added
 * records, outsiders keep the previous pattern's cells the writes did not touch, and the linear program
 * over what is then served (the new figures) pins no small cell; a voided record hides everything until
 * the new pattern is computed.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT, FAMILY_SOURCES, ServedPatterns, auditPattern, enumerateFamily, registerFamilySource, type SourceRecord } from '@antt/disclosure';
import { territory } from '@antt/reference';
import { THUAN_CHAU } from '@antt/testing';

const today = '2026-12-02';
const scope = { unitId: THUAN_CHAU, years: [2024], today };
const params = { threshold: 5, protection: 1 };
const communes = territory()
  .unitsOn('2024-12-31', 'COMMUNE')
  .filter((u) => territory().covered(THUAN_CHAU).has(u.id))
  .map((u) => u.id)
  .slice(0, 6);
const KINDS = ['A', 'B', 'C'];
// A spread of small and large cells: commune i, kind k, month m.
const records: SourceRecord[] = [];
communes.forEach((unitId, i) =>
  KINDS.forEach((breakdown, k) => {
    const n = (i * 3 + k * 5) % 9;
    for (let j = 0; j < n; j++)
      records.push({ unitId, date: `2024-${String(1 + ((i + j) % 12)).padStart(2, '0')}-10`, breakdown, flags: [], standing: [0, 0] });
  }),
);
let version = 0;
registerFamilySource('interimForTest', {
  table: 'interim_for_test',
  tables: { family: 'interimForTest', breakdowns: KINDS, total: true, byBreakdown: true, flags: [] },
  fingerprint: () => String(version),
  records: () => records.map((r) => ({ ...r })),
});
const db = { prepare: () => ({ all: () => [], get: () => undefined }) };

describe('between a write and the new pattern', () => {
  it('keeps the untouched cells after an addition, safely, and hides everything after a removal', { timeout: 120_000 }, async () => {
    expect(communes.length).toBeGreaterThan(3);
    const served = new ServedPatterns(db, { scope, params });
    await served.refresh('interimForTest');
    const source = FAMILY_SOURCES.interimForTest!;
    const setNow = () => enumerateFamily(source.tables, source.records(db, [CURRENT]), { ...scope, versions: [CURRENT.id] });
    const before = setNow();
    const ask = (c: (typeof before.cells)[number]) =>
      served.lookup({ family: 'interimForTest', unitId: c.dims.unitId, periodId: c.dims.periodId, version: 'current', measure: c.dims.measure });
    // What an outsider receives of a set: non-zero figures only where the pattern says SHOWN.
    const hiddenOf = (set: typeof before) => new Set(set.cells.filter((c) => c.value > 0 && ask(c) === 'HIDDEN').map((c) => c.key));
    const shownBefore = before.cells.filter((c) => c.value > 0 && ask(c) === 'SHOWN').length;

    // An addition to a commune's kind whose year figure was shown, in March.
    const target = before.cells.find(
      (c) =>
        communes.includes(c.dims.unitId) &&
        c.dims.periodId === '2024-PLAN-Y' &&
        c.dims.measure.startsWith('by:') &&
        c.value >= params.threshold &&
        ask(c) === 'SHOWN',
    )!;
    expect(target).toBeDefined();
    records.push({ unitId: target.dims.unitId, date: '2024-03-15', breakdown: target.dims.measure.slice(3), flags: [], standing: [0, 0] });
    version++;
    const after = setNow();
    const hidden = hiddenOf(after);
    const shownAfter = after.cells.filter((c) => c.value > 0 && !hidden.has(c.key));
    // Some cells stay shown (the other communes' and kinds'), none the addition touched.
    expect(shownAfter.length).toBeGreaterThan(0);
    expect(shownAfter.length).toBeLessThan(shownBefore);
    expect(hidden.has(target.key)).toBe(true);
    const primary = new Set(after.cells.filter((c) => c.value > 0 && c.value < params.threshold).map((c) => c.key));
    expect(primary.size).toBeGreaterThan(0);
    const audit = await auditPattern(after, { suppressed: hidden, primary, unprotected: [], programs: 0 }, params);
    expect(audit.pinned).toEqual([]);

    // A removal (a record voided): nothing non-zero is shown until the new pattern is computed.
    await served.refresh('interimForTest');
    records.splice(0, 1);
    version++;
    const removed = setNow();
    expect(removed.cells.filter((c) => c.value > 0 && ask(c) === 'SHOWN')).toEqual([]);
    await served.refresh('interimForTest');
    expect(removed.cells.filter((c) => c.value > 0 && ask(c) === 'SHOWN').length).toBeGreaterThan(0);
  });
});
