/**
 * The benchmark harness keeps working (CI's smoke run of `pnpm bench`): the whole suite end to end on a
 * tiny scale, the nine subgraphs, the project's gateway and Hive Gateway each in its own process, one
 * dashboard operation, two communes, a few requests per run, and the writes (a dozen creates of each
 * kind, every handover with a receipt of its own). No timing is asserted: only that every
 * answer was checked and both gateways gave the same data.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, problemOf } from './load.js';
import { targets } from './report.js';
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
  });
});
