/**
 * The auditing linear program: how far an attacker who sees every visible cell of the published set
 * can pin a suppressed one. The unknowns are the set's variables (counts of records in one atom: a unit
 * records are kept under, a stretch of days between period boundaries, a span of report versions, one
 * breakdown value or flag), all non-negative; every visible cell is an equation (its variables add up to
 * the figure shown), every flag count is at most its records. The bounds of a suppressed cell are the
 * minimum and maximum of its variables' sum over that polytope, solved with HiGHS (the `highs` package,
 * HiGHS compiled to WebAssembly).
 *
 * Only the part of the program connected to the asked cell is solved: the polytope is a product of its
 * connected parts, so the other parts cannot move the asked cell's bounds.
 */
import type * as Highs from 'highs';
import type { SearchSet } from './model.js';

// The package's typings are CommonJS (`export default` read as the whole module) for an ES module
// build whose default export is the loader: name the loader's type through the typings' own default.
type Loader = (typeof Highs.default)['default'];

export interface Interval {
  lo: number;
  hi: number;
}

type Solver = Awaited<ReturnType<Loader>>;
let loading: Promise<Solver> | null = null;

/** An auditor over a published set: bounds of any cell given which cells are hidden. */
export class Auditor {
  /** Variable -> visible or hidden cells using it, and the flag bounds using it. */
  private readonly cellsOfVar: number[][];
  private readonly boundsOfVar: number[][];
  /** How many linear programs were solved. */
  solved = 0;

  private constructor(
    private readonly solver: Solver,
    private readonly set: SearchSet,
  ) {
    this.cellsOfVar = Array.from({ length: set.truth.length }, () => []);
    this.boundsOfVar = Array.from({ length: set.truth.length }, () => []);
    set.cells.forEach((c, i) => c.vars.forEach((v) => this.cellsOfVar[v]!.push(i)));
    set.bounds.forEach((b, i) => [b.v, ...b.of].forEach((v) => this.boundsOfVar[v]!.push(i)));
  }

  static async create(set: SearchSet): Promise<Auditor> {
    // Loaded on the first search, not with this module: a service whose searches run in the solver's
    // child process (solver.ts) never loads HiGHS itself.
    loading ??= import('highs')
      .then((m) => (m.default as unknown as Loader)())
      .catch((e: unknown) => {
        loading = null; // tried again on the next search
        throw e;
      });
    return new Auditor(await loading, set);
  }

  /** The variables, visible cells and flag bounds connected to `vars` when the cells in `hidden` are not shown. */
  private component(vars: readonly number[], hidden: ReadonlySet<number>): { cells: number[]; bounds: number[]; vars: Set<number> } {
    const seenVars = new Set<number>(vars);
    const cells = new Set<number>();
    const bounds = new Set<number>();
    const queue = [...vars];
    while (queue.length) {
      const v = queue.pop()!;
      const next: number[] = [];
      for (const c of this.cellsOfVar[v]!) {
        if (hidden.has(c) || cells.has(c)) continue;
        cells.add(c);
        next.push(...this.set.cells[c]!.vars);
      }
      for (const b of this.boundsOfVar[v]!) {
        if (bounds.has(b)) continue;
        bounds.add(b);
        next.push(this.set.bounds[b]!.v, ...this.set.bounds[b]!.of);
      }
      for (const w of next)
        if (!seenVars.has(w)) {
          seenVars.add(w);
          queue.push(w);
        }
    }
    return { cells: [...cells], bounds: [...bounds], vars: seenVars };
  }

  /** The bounds of cell `target` (an index into set.cells) when the cells in `hidden` are not shown. */
  interval(target: number, hidden: ReadonlySet<number>): Interval {
    const vars = this.set.cells[target]!.vars;
    if (!vars.length) return { lo: 0, hi: 0 };
    const comp = this.component(vars, hidden);
    const terms = (vs: readonly number[], sign = '+') => {
      const out: string[] = [];
      vs.forEach((v, i) => out.push(`${i === 0 && sign === '+' ? '' : sign} x${v}`));
      // CPLEX LP format: keep lines short, a term per continuation line group.
      const lines: string[] = [];
      for (let i = 0; i < out.length; i += 25) lines.push(out.slice(i, i + 25).join(' '));
      return lines.join('\n ');
    };
    const rows: string[] = [];
    comp.cells.forEach((c, i) => rows.push(` c${i}: ${terms(this.set.cells[c]!.vars)} = ${this.set.cells[c]!.value}`));
    comp.bounds.forEach((b, i) => {
      const bd = this.set.bounds[b]!;
      rows.push(` b${i}: x${bd.v} ${terms(bd.of, '-')} <= 0`);
    });
    // A variable that no visible figure constrains still has to appear for the reader.
    const body = (sense: string) =>
      `${sense}\n obj: ${terms(vars)}\nSubject To\n${rows.length ? rows.join('\n') : ` free0: x${vars[0]} >= 0`}\nBounds\n${[...comp.vars].map((v) => ` x${v} >= 0`).join('\n')}\nEnd\n`;
    const solve = (sense: 'Minimize' | 'Maximize'): number => {
      this.solved++;
      const r = this.solver.solve(body(sense), { presolve: 'on', output_flag: false });
      if (r.Status === 'Optimal') return Math.round(r.ObjectiveValue * 1e6) / 1e6;
      if (sense === 'Maximize' && r.Status.includes('nbounded')) return Infinity;
      throw new Error(`LP audit: ${r.Status}`);
    };
    return { lo: solve('Minimize'), hi: solve('Maximize') };
  }
}
