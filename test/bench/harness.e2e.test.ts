/**
 * The benchmark harness keeps working (CI's smoke run of `pnpm bench`): the whole suite end to end on a
 * tiny scale, the nine subgraphs, the project's gateway and Hive Gateway each in its own process, one
 * dashboard operation, two communes, a few requests per run, and the writes (a dozen creates of each
 * kind, every handover with a receipt of its own). No timing is asserted: only that every
 * answer was checked and both gateways gave the same data. The soak (`pnpm bench:soak`) likewise, for a
 * few seconds: every figure present, no error.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, problemOf } from './load.js';
import { targets } from './report.js';
import { runSoak } from './soak.js';
import { runSuite } from './suite.js';

describe('the answer checks of the load generator', () => {
  it('normalises key order, so two gateways that order fields differently still compare equal', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('counts an HTTP error, a GraphQL error, missing data and different data as problems', () => {
    const expected = canonicalJson({ unit: { name: 'Xã Bình Thuận' } });
    expect(problemOf(200, '{"data":{"unit":{"name":"Xã Bình Thuận"}}}', expected)).toBeNull();
    expect(problemOf(500, 'oops', expected)).toMatch(/^HTTP 500/);
    expect(problemOf(200, '{"errors":[{"message":"x","extensions":{"code":"FORBIDDEN"}}],"data":null}', expected)).toMatch(/FORBIDDEN/);
    expect(problemOf(200, '{"data":null}', expected)).toBe('no data');
    expect(problemOf(200, '{"data":{"unit":{"name":"Xã Tô Hiệu"}}}', expected)).toMatch(/differs/);
  });
});

describe('pnpm bench, smoke run', () => {
  it('starts everything, compares both gateways on one operation and measures it, every answer checked', { timeout: 900_000 }, async () => {
    const result = await runSuite({
      durationS: 1,
      amount: 12,
      runs: 1,
      warmupS: 0,
      // The federation's warm-up runs too (a second), so that its code keeps working.
      warmFederationS: 1,
      connections: 2,
      writeConnections: 2,
      communes: 2,
      only: ['DashboardActivityCounts'],
      extras: false,
      writes: true,
      full: false,
      log: () => {},
    });
    expect(result.answers).toEqual([
      { scenario: 'DashboardActivityCounts (identical)', compared: 1, same: 1, differences: [] },
      { scenario: 'DashboardActivityCounts (distinct)', compared: 2, same: 2, differences: [] },
    ]);
    expect(result.reads.map((r) => [r.scenario, r.mode])).toEqual([
      ['DashboardActivityCounts', 'identical'],
      ['DashboardActivityCounts', 'distinct'],
    ]);
    for (const r of result.reads)
      for (const m of [r.project, r.hive]) {
        expect(m.requests).toBe(12);
        expect(m.errors + m.mismatches).toBe(0);
        expect(m.p50).toBeGreaterThan(0);
        // CPU was read from /proc for the subgraphs that answered.
        expect(m.subgraphsCpu).toBeGreaterThanOrEqual(0);
      }
    // Writes: every create answered with an id, also the handovers, each of which names a receipt of its own
    // (a receipt handed over twice is refused, so a scenario re-sending one would count errors here).
    expect(result.writes.map((w) => [w.kind, w.reference, w.path])).toEqual([
      ['VeteransActivity', false, 'gateway'],
      ['VeteransActivity', false, 'direct'],
      ['VeteransTipHandover', true, 'gateway'],
    ]);
    for (const w of result.writes) expect([w.kind, w.result.requests, w.result.errors, w.result.firstProblem]).toEqual([w.kind, 12, 0, undefined]);
    expect(Object.keys(result.start.rssAfterStart)).toEqual(expect.arrayContaining(['front', 'police', 'gateway', 'hive']));
    // The report lists every target, those this run did not measure as such.
    const rows = targets(result, null);
    expect(rows.find((t) => t.target.includes('DashboardActivityCounts'))?.met).not.toBeUndefined();
    expect(rows.filter((t) => t.met === null).map((t) => t.measured)).toContain('pnpm bench:national has not been run');
    // Only creates without a reference at NORMAL have the 1,000/s; a reference check is measured beside them.
    const creates = rows.filter((t) => t.target.startsWith('Creates') && t.met !== null);
    expect(creates.map((t) => [t.target.includes('without a reference, synchronous=NORMAL'), t.target.endsWith('≥ 1,000/s'), t.met === 'measured'])).toEqual([
      [true, true, false],
      [false, false, true],
    ]);
  });
});

describe('pnpm bench:soak, smoke run', () => {
  it('finds the maximum rate of the mix, then holds 70% of it open loop, every answer checked and every figure present', { timeout: 900_000 }, async () => {
    const result = await runSoak({
      minutes: 2,
      intervalS: 3,
      warmupS: 2,
      fraction: 0.7,
      maxRateS: 3,
      connections: 2,
      communes: 2,
      // Every fourth request a write, so the few seconds of the smoke run surely send some.
      writeShare: 0.25,
      log: () => {},
    });
    expect(result.maximum.requests).toBeGreaterThan(0);
    expect([result.maximum.errors, result.maximum.firstProblem]).toEqual([0, undefined]);
    expect(result.rate).toBeCloseTo(0.7 * result.maximum.rps, 6);
    expect(result.reads.operations).toContain('DashboardActivityCounts');
    expect(result.intervals.map((i) => i.index)).toEqual([1, 2]);
    for (const i of [result.warmup, ...result.intervals]) {
      expect([i.index, i.errors, i.firstProblem]).toEqual([i.index, 0, undefined]);
      expect(i.answered).toBe(i.scheduled);
      expect(i.answered).toBe(i.reads + i.writes);
      expect(i.answered).toBeGreaterThan(0);
      expect(i.p99).toBeGreaterThanOrEqual(i.p50);
      expect(i.cpuPerRequest).toBeGreaterThan(0);
      expect(i.maxInFlight).toBeGreaterThan(0);
      expect(Object.keys(i.rss).sort()).toEqual(Object.keys(result.memory).sort());
    }
    expect(result.intervals.reduce((a, i) => a + i.writes, 0) + result.warmup.writes).toBeGreaterThan(0);
    expect(Object.keys(result.memory)).toEqual(expect.arrayContaining(['gateway', 'front', 'police', 'veterans']));
    for (const m of Object.values(result.memory)) {
      expect(m.afterWarmup).toBeGreaterThan(0);
      expect(Number.isFinite(m.growth)).toBe(true);
    }
    expect(Number.isFinite(result.p99Ratio)).toBe(true);
    // The report's soak row carries the figures, without a verdict for so short a run.
    const row = targets(null, null, result).find((t) => t.target.startsWith('Soak'))!;
    expect(row.measured).toMatch(/p99 last\/first \d/);
    expect(row.met).toBeNull();
  });
});
