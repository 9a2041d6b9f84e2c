/**
 * A failed pattern computation (SECURITY.md, "Disclosure control"): the family's figures stay hidden
 * from outsiders, the failure is reported once (family and table, never data or the error's text), and
 * no new attempt starts before the back-off runs out, however many lookups arrive; the wait doubles
 * after each failure in a row, and a success serves the pattern again.
 */
import { describe, expect, it } from 'vitest';
import { ServedPatterns, registerFamilySource, type PatternFailure, type SourceRecord, type SqlReader } from '../src/index.js';

const COMMUNE = 'commune:03730@2019';
// No database: the source below reads nothing from it.
const db: SqlReader = {
  prepare: () => ({ all: () => [], get: () => undefined }),
};
let broken = true;
let attempts = 0;
let fingerprint = 'v1';
const records: SourceRecord[] = Array.from({ length: 6 }, () => ({
  unitId: COMMUNE,
  date: '2024-03-01',
  breakdown: 'X',
  flags: [],
  standing: [0, 0] as const,
}));
registerFamilySource('failingForTest', {
  table: 'failing_for_test',
  tables: { family: 'failingForTest', breakdowns: ['X'], total: true, byBreakdown: false, flags: [] },
  fingerprint: () => fingerprint,
  records() {
    attempts++;
    // What a real failure may carry in its text: never to be reported.
    if (broken) throw new RangeError(`no such row: Nguyễn Văn A, ${COMMUNE}`);
    return records;
  },
});

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('a failed pattern computation', () => {
  it('hides the figures, is reported once per failure, backs off, and serves the pattern once it succeeds', async () => {
    let now = 1_000_000;
    const failures: PatternFailure[] = [];
    const served = new ServedPatterns(db, {
      scope: { unitId: COMMUNE, years: [2024], today: '2026-12-02' },
      params: { threshold: 5, protection: 1 },
      backoffMs: 1_000,
      maxBackoffMs: 3_000,
      now: () => now,
      onFailure: (f) => failures.push(f),
    });
    const cell = { family: 'failingForTest', unitId: COMMUNE, periodId: '2024-PLAN-6M', version: 'current', measure: 'total' };

    expect(served.lookup(cell)).toBe('HIDDEN');
    await settle();
    expect(attempts).toBe(1);
    expect(failures).toEqual([{ family: 'failingForTest', table: 'failing_for_test', failures: 1, retryInMs: 1_000, errorClass: 'RangeError' }]);
    expect(JSON.stringify(failures)).not.toContain('Nguyễn');
    expect(served.status()).toEqual([{ family: 'failingForTest', state: 'FAILED', failures: 1, retryInMs: 1_000 }]);

    // Many lookups during the back-off (a write included): hidden, no new attempt, no new report.
    fingerprint = 'v2';
    for (let i = 0; i < 50; i++) expect(served.lookup(cell)).toBe('HIDDEN');
    now += 999;
    expect(served.lookup(cell)).toBe('HIDDEN');
    await settle();
    expect(attempts).toBe(1);
    expect(failures).toHaveLength(1);

    // The back-off ran out: one new attempt, which fails again and waits twice as long.
    now += 1;
    expect(served.lookup(cell)).toBe('HIDDEN');
    await settle();
    expect(attempts).toBe(2);
    expect(failures.map((f) => [f.failures, f.retryInMs])).toEqual([
      [1, 1_000],
      [2, 2_000],
    ]);
    now += 1_999;
    served.lookup(cell);
    await settle();
    expect(attempts).toBe(2);
    // Capped.
    now += 1;
    served.lookup(cell);
    await settle();
    now += 4_000;
    served.lookup(cell);
    await settle();
    expect(failures.map((f) => f.retryInMs)).toEqual([1_000, 2_000, 3_000, 3_000]);

    // Mended: the next attempt after the back-off computes the pattern and the figure is shown again.
    broken = false;
    now += 3_000;
    expect(served.lookup(cell)).toBe('HIDDEN');
    expect(served.status()[0]!.state).toBe('COMPUTING');
    // The computation the lookup started (refresh joins it).
    await served.refresh('failingForTest');
    expect(attempts).toBe(5);
    expect(served.status()).toEqual([{ family: 'failingForTest', state: 'READY', failures: 0, retryInMs: 0 }]);
    expect(served.lookup(cell)).toBe('SHOWN');
    expect(failures).toHaveLength(4);
  });
});
