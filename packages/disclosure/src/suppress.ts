/**
 * Suppression over a published set: primary suppression of every cell from 1 to threshold - 1, then
 * complementary (secondary) suppression until the auditing linear program bounds every primary cell in
 * an interval at least `protection` wide. Cells made of the same variables are one figure shown twice
 * (a commune unchanged between the period's map and today's, a total with one kind): they are hidden
 * together. Zeros are never sensitive and stay shown; a shown zero fixes its variables, which the
 * program knows, so a zero that would pin a total is answered by hiding another cell.
 *
 * Hiding more never narrows an interval, so a cell once protected stays protected while the others are
 * worked on; the final audit (auditPattern) checks every primary cell again.
 */
import { Auditor, type Interval } from './lp.js';
import type { DisclosureParameters } from './config.js';
import type { SearchSet } from './model.js';

export interface Pattern {
  /** Keys of the hidden cells. */
  suppressed: Set<string>;
  /** Keys of the primary cells (a subset of suppressed). */
  primary: Set<string>;
  /** Primary cells the search could not protect (none expected: the audit then fails). */
  unprotected: string[];
  /** Linear programs solved. */
  programs: number;
}

export interface AuditResult {
  /** Primary cells whose interval is narrower than the protection. */
  pinned: { key: string; value: number; interval: Interval }[];
  /** Every primary cell's interval. */
  intervals: Map<string, Interval>;
  programs: number;
  millis: number;
}

function groupsOf(set: SearchSet): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  set.cells.forEach((c, i) => {
    const sig = c.vars.join(',');
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = []));
    g.push(i);
  });
  return groups;
}

/** Works out which cells of the set are hidden. */
export async function suppressSet(set: SearchSet, params: DisclosureParameters, opts: { yieldEveryMs?: number } = {}): Promise<Pattern> {
  // Serving computes patterns inside a subgraph: give the event loop a turn every few milliseconds.
  let lastYield = performance.now();
  const pause = async () => {
    if (opts.yieldEveryMs === undefined || performance.now() - lastYield < opts.yieldEveryMs) return;
    await new Promise((r) => setImmediate(r));
    lastYield = performance.now();
  };
  const auditor = await Auditor.create(set);
  const groups = groupsOf(set);
  const groupOf = (i: number) => groups.get(set.cells[i]!.vars.join(','))!;
  const hidden = new Set<number>();
  const primary: number[] = [];
  set.cells.forEach((c, i) => {
    if (c.value > 0 && c.value < params.threshold) {
      primary.push(i);
      for (const j of groupOf(i)) hidden.add(j);
    }
  });
  const cellsOfVar = new Map<number, number[]>();
  set.cells.forEach((c, i) =>
    c.vars.forEach((v) => {
      let l = cellsOfVar.get(v);
      if (!l) cellsOfVar.set(v, (l = []));
      l.push(i);
    }),
  );
  const unprotected: string[] = [];
  // The lowest cells first: a commune's hidden cell is covered by its neighbours before a district's.
  primary.sort((a, b) => set.cells[a]!.vars.length - set.cells[b]!.vars.length || set.cells[a]!.value - set.cells[b]!.value);
  for (const target of primary) {
    for (;;) {
      await pause();
      const iv = auditor.interval(target, hidden);
      if (iv.hi - iv.lo >= params.protection) break;
      // Candidates: shown non-zero cells sharing a variable with the target, then with any hidden cell sharing one.
      const near = (from: Iterable<number>) => {
        const out = new Set<number>();
        for (const c of from)
          for (const v of set.cells[c]!.vars) for (const d of cellsOfVar.get(v) ?? []) if (!hidden.has(d) && set.cells[d]!.value > 0) out.add(d);
        return [...out];
      };
      let candidates = near([target]);
      if (!candidates.length) {
        const hiddenNear = new Set<number>();
        for (const v of set.cells[target]!.vars) for (const d of cellsOfVar.get(v) ?? []) if (hidden.has(d)) hiddenNear.add(d);
        candidates = near(hiddenNear);
      }
      if (!candidates.length) {
        unprotected.push(set.cells[target]!.key);
        break;
      }
      // The smallest figure, then the narrowest cell: hide as little information as possible.
      candidates.sort((a, b) => set.cells[a]!.value - set.cells[b]!.value || set.cells[a]!.vars.length - set.cells[b]!.vars.length);
      for (const j of groupOf(candidates[0]!)) hidden.add(j);
    }
  }
  return {
    suppressed: new Set([...hidden].map((i) => set.cells[i]!.key)),
    primary: new Set(primary.map((i) => set.cells[i]!.key)),
    unprotected,
    programs: auditor.solved,
  };
}

/** Bounds every primary cell by linear programming over the cells the pattern shows; lists those pinned narrower than the protection. */
export async function auditPattern(set: SearchSet, pattern: Pattern, params: DisclosureParameters): Promise<AuditResult> {
  const t0 = performance.now();
  const auditor = await Auditor.create(set);
  const hidden = new Set<number>();
  set.cells.forEach((c, i) => pattern.suppressed.has(c.key) && hidden.add(i));
  const intervals = new Map<string, Interval>();
  const pinned: AuditResult['pinned'] = [];
  set.cells.forEach((c, i) => {
    if (c.value <= 0 || c.value >= params.threshold) return;
    if (!hidden.has(i)) {
      pinned.push({ key: c.key, value: c.value, interval: { lo: c.value, hi: c.value } });
      return;
    }
    const iv = auditor.interval(i, hidden);
    intervals.set(c.key, iv);
    if (iv.hi - iv.lo < params.protection) pinned.push({ key: c.key, value: c.value, interval: iv });
  });
  return { pinned, intervals, programs: auditor.solved, millis: performance.now() - t0 };
}
