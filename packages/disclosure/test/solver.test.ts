/**
 * The solver's child process (solver.ts): it finds the same pattern as the search in the service's own
 * thread, in another process; it ends after a quiet while and the next search starts another; a child
 * that stops, cannot start or fails its search fails the searches it had (never with the error's text),
 * and the next search works again.
 */
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { cellKey, SolverError, SolverProcess, suppressInline, type Cell, type CellDims, type PublishedSet } from '../src/index.js';

const params = { threshold: 5, protection: 1 };
// The sources are TypeScript: the child loads them with tsx, as it does under `pnpm start`.
const tsx = createRequire(import.meta.url).resolve('tsx');
const solvers: SolverProcess[] = [];
const solver = (opts: { idleMs?: number; entry?: URL } = {}) => {
  const s = new SolverProcess({ execArgv: ['--import', tsx], ...opts });
  solvers.push(s);
  return s;
};
afterEach(() => {
  for (const s of solvers.splice(0)) s.stop();
});

const dims = (unitId: string): CellDims => ({ family: 'victims', measure: 'total', unitId, map: 'PERIOD', periodId: '2024-PLAN-Y', version: 'current' });

/** A district D of communes A, B, C with 1, 6 and 9 cases: A must be hidden, and one more cell to protect it. */
function district(): PublishedSet {
  const truth = [1, 6, 9];
  const cells: [string, number[]][] = [
    ['A', [0]],
    ['B', [1]],
    ['C', [2]],
    ['D', [0, 1, 2]],
  ];
  return {
    truth,
    bounds: [],
    cells: cells.map(([u, vars]): Cell => ({ key: cellKey(dims(u)), dims: dims(u), vars, value: vars.reduce((s, v) => s + truth[v]!, 0) })),
  };
}

const until = async (cond: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the solver process', () => {
  it('finds the pattern the inline search finds, in another process, one child for several searches', async () => {
    const s = solver();
    const inline = await suppressInline(district(), params);
    const [a, b] = await Promise.all([s.solve(district(), params), s.solve(district(), params)]);
    expect([...a!].sort()).toEqual([...inline].sort());
    expect([...b!].sort()).toEqual([...inline].sort());
    expect(a!.has(cellKey(dims('A')))).toBe(true);
    expect(a!.size).toBeGreaterThan(1);
    expect(s.lastPid).not.toBe(process.pid);
    expect(s.started).toBe(1);
  }, 30_000);

  it('ends after a quiet while; the next search starts another child', async () => {
    const s = solver({ idleMs: 50 });
    await s.solve(district(), params);
    const first = s.lastPid!;
    await until(() => !s.running);
    await until(() => !isAlive(first));
    await s.solve(district(), params);
    expect(s.started).toBe(2);
    expect(s.lastPid).not.toBe(first);
  }, 30_000);

  it('a child killed during a search fails that search; the next one works', async () => {
    const s = solver();
    await s.solve(district(), params);
    const search = s.solve(district(), params);
    process.kill(s.lastPid!, 'SIGKILL');
    // The search may have been answered before the signal arrived: either way nothing hangs.
    const r = await search.then(
      () => 'answered',
      (e: unknown) => e,
    );
    if (r !== 'answered') expect(r).toEqual(new SolverError('SolverStopped'));
    await until(() => !s.running || s.lastPid === null);
    expect([...(await s.solve(district(), params))].sort()).toEqual([...(await suppressInline(district(), params))].sort());
  }, 30_000);

  it('a search that fails in the child is reported by its error class, never its text', async () => {
    const s = solver();
    const broken = district();
    // A cell over a variable the set does not have: the search throws a TypeError.
    broken.cells.push({ key: cellKey(dims('E')), dims: dims('E'), vars: [7], value: 2 });
    const e = await s.solve(broken, params).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SolverError);
    expect((e as SolverError).errorClass).toBe('TypeError');
    expect((e as Error).message).not.toMatch(/undefined|reading/);
    // The child is still there and answers the next search.
    expect(s.running).toBe(true);
    expect((await s.solve(district(), params)).size).toBeGreaterThan(1);
    expect(s.started).toBe(1);
  }, 30_000);

  it('a child that cannot start fails the search instead of hanging', async () => {
    const s = solver({ entry: new URL('./no-such-solver.ts', import.meta.url) });
    await expect(s.solve(district(), params)).rejects.toBeInstanceOf(SolverError);
    expect(s.running).toBe(false);
  }, 30_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
