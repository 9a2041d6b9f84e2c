/**
 * Serving the suppression pattern: the figures of the published set that outsiders (other
 * organizations' staff, steering committees, dashboards) receive follow the same pattern the audit
 * proves safe (suppressSet, auditPattern). One ServedPatterns per organization's database computes, per
 * sensitive family with a source, the published set over the serving scope and its pattern, and answers
 * each figure a resolver is about to show by its cell key.
 *
 * Fail closed: a figure whose cell is not in the computed set (another year, a past version, a unit
 * outside the scope), or asked while the first pattern is being computed, is hidden (zeros apart: a
 * zero is shown in every pattern); after a write, until the new pattern is ready, only the previous
 * pattern's cells the writes did not touch are shown, and only when the writes only added records
 * (interimFor; SECURITY.md, "After a write"). A write is seen by the family's fingerprint
 * (rows and latest version times of its table, the checks' latest change of state for a source that
 * leaves unconfirmed references out, rewrites in place: sources.ts), read on each lookup; a changed
 * fingerprint starts a new computation. The search runs in a child process (solver.ts: HiGHS's memory
 * goes with it) or inline, yielding to the event loop between linear programs, so a subgraph keeps
 * answering while it runs. A computation that fails hides the family's figures, is reported once
 * (onFailure: the family and its table, never data or the error's text) and is tried again only when
 * its back-off has run out (10 s, doubled after each failure in a row, at most 15 min).
 */
import { territory, todayInVietnam, type IsoDate } from '@antt/reference';
import { disclosureParameters, type DisclosureParameters } from './config.js';
import { cellKey, type MapView } from './model.js';
import { enumerateFamily } from './published-set.js';
import { CURRENT, FAMILY_SOURCES, type SqlReader } from './sources.js';
import { defaultSolver, type Solver } from './solver.js';

/** What a resolver attaches to a figure's object: which cell each of its fields is (see tagCell). */
export interface CellRef {
  family: string;
  unitId: string;
  periodId: string;
  /** 'current' for the live figures; anything else (a past instant, another day) is outside the published set. */
  version: string;
  /** Field name -> measure ('total', 'by:<value>', 'flag:<name>', or 'sum(<measure>)': the weights summed over that cell). */
  measures: Readonly<Record<string, string>>;
  /** Field name -> family, for a field of another family than `family` on the same object (a summary mixing two tables). */
  familyOf?: Readonly<Record<string, string>>;
}

const CELL = Symbol.for('antt.disclosure.cell');

/** Marks an object whose numeric fields are cells of the published set (non-enumerable: never serialized). */
export function tagCell<T extends object>(obj: T, ref: CellRef): T {
  Object.defineProperty(obj, CELL, { value: ref, enumerable: false });
  return obj;
}

/** The cell reference a resolver attached to an object, if any. */
export function cellRefOf(source: unknown): CellRef | undefined {
  return source !== null && typeof source === 'object' ? ((source as Record<symbol, CellRef | undefined>)[CELL] ?? undefined) : undefined;
}

/**
 * A scalar figure straight on an object the resolver does not make (an Int field of `<Org>UnitRecords`,
 * whose parent is the unit asked about): its cell worked out from the parent and the field's arguments,
 * registered once per field (Type.field). The data-class check asks it when the parent carries no tag.
 */
export type FieldCell = (source: unknown, args: Readonly<Record<string, unknown>>) => Omit<CellRef, 'measures'> & { measure: string };

const fieldCells = new Map<string, FieldCell>();

/** Registers how a scalar field's figure finds its cell (see FieldCell). */
export function registerFieldCell(typeAndField: string, cell: FieldCell): void {
  fieldCells.set(typeAndField, cell);
}

/** The cell reference of a registered scalar field's figure (see registerFieldCell), as a tag would give it. */
export function fieldCellOf(typeName: string, fieldName: string, source: unknown, args: Readonly<Record<string, unknown>>): CellRef | undefined {
  const of = fieldCells.get(`${typeName}.${fieldName}`);
  if (!of) return undefined;
  const { measure, ...ref } = of(source, args);
  return { ...ref, measures: { [fieldName]: measure } };
}

/** What is served for a cell: its figure, or null. */
export type Served = 'SHOWN' | 'HIDDEN';

export interface ServingScope {
  /** The province, or one unit (a district) whose records alone are enumerated. */
  unitId: string;
  years: readonly number[];
  /** Today (which map is today's); default todayInVietnam() when computed. */
  today?: IsoDate;
}

/**
 * The serving scope in force: ANTT_DISCLOSURE_SCOPE (a unit id, default the province) and
 * ANTT_DISCLOSURE_YEARS (comma-separated years, default this year and the previous one).
 */
export function servingScope(env: Record<string, string | undefined> = process.env): ServingScope {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const years = (env.ANTT_DISCLOSURE_YEARS ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((y) => Number.isInteger(y) && y > 2000);
  const unitId =
    env.ANTT_DISCLOSURE_SCOPE && territory().unit(env.ANTT_DISCLOSURE_SCOPE) ? env.ANTT_DISCLOSURE_SCOPE : territory().unitsOn(today, 'PROVINCE')[0]!.id;
  return { unitId, years: years.length ? years : [year - 1, year] };
}

interface Computed {
  fingerprint: string;
  /**
   * The keys of the set's cells holding records, and the hidden ones. A non-zero figure is one of those
   * cells; a zero is shown in every pattern and never looked up (most of a sparse family's cells, not kept).
   */
  cells: Set<string>;
  suppressed: ReadonlySet<string>;
  millis: number;
  /** Records per atom of the set the pattern was computed over (see interimFor). */
  atoms: Map<string, number>;
}

/** What is served between a write and the new pattern: the cells shown, or null (everything hidden). */
interface Interim {
  fingerprint: string;
  shown: Set<string> | null;
}

interface FamilyState {
  done: Computed | null;
  running: Promise<Computed> | null;
  /** The fingerprint the running computation started from. */
  runningFor: string | null;
  /** Failures since the last success, and when the next attempt may start (Date.now() milliseconds). */
  failures: number;
  retryAt: number;
  interim: Interim | null;
}

/** What is reported of a failed computation: never a record, a figure or the error's text (which may quote data). */
export interface PatternFailure {
  family: string;
  /** The table its records are read from. */
  table: string;
  /** Failures in a row, this one included. */
  failures: number;
  /** How long until the next attempt, in milliseconds. */
  retryInMs: number;
  /** The error's class (Error, SqliteError, RangeError...), not its message. */
  errorClass: string;
}

/** A family's state, for /ready and metrics. */
export interface PatternStatus {
  family: string;
  state: 'NOT_STARTED' | 'COMPUTING' | 'READY' | 'STALE' | 'FAILED';
  /** Failures in a row since the last success (0 when the last computation succeeded). */
  failures: number;
  /** When FAILED: milliseconds until the next attempt may start (0: on the next outsider's lookup). */
  retryInMs: number;
}

export interface ServedPatternsOptions {
  scope?: ServingScope;
  params?: DisclosureParameters;
  /** Called once per failed computation (a structured log line and a metric, in a subgraph). */
  onFailure?: (f: PatternFailure) => void;
  /** The wait after the first failure, doubled after each further one up to maxBackoffMs (defaults 10 s and 15 min). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** The clock (tests). */
  now?: () => number;
  /** Where patterns are searched (default: a child process where one can be started, solver.ts). */
  solver?: Solver;
}

/** The patterns served from one organization's database. */
export class ServedPatterns {
  readonly scope: ServingScope;
  readonly params: DisclosureParameters;
  private readonly families = new Map<string, FamilyState>();
  /** Computations finished (for tests and metrics). */
  computations = 0;
  /** Computations failed, in all (for metrics). */
  failedComputations = 0;
  /** Set by the subgraph that serves the patterns (see ServedPatternsOptions.onFailure). */
  onFailure: ((f: PatternFailure) => void) | undefined;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => number;
  private readonly solver: Solver;

  constructor(
    private readonly db: SqlReader,
    opts: ServedPatternsOptions = {},
  ) {
    this.scope = opts.scope ?? servingScope();
    this.params = opts.params ?? disclosureParameters();
    this.onFailure = opts.onFailure;
    this.backoffMs = opts.backoffMs ?? 10_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 15 * 60_000;
    this.now = opts.now ?? Date.now;
    this.solver = opts.solver ?? defaultSolver();
  }

  private state(family: string): FamilyState {
    let s = this.families.get(family);
    if (!s) this.families.set(family, (s = { done: null, running: null, runningFor: null, failures: 0, retryAt: 0, interim: null }));
    return s;
  }

  /** Whether a family's last computation failed and its back-off has not run out (no new attempt yet). */
  backingOff(family: string): boolean {
    const s = this.families.get(family);
    return !!s && s.failures > 0 && !s.running && this.now() < s.retryAt;
  }

  /** Every family this database has been asked about, with its state (what /ready and the metrics show). */
  status(): PatternStatus[] {
    return [...this.families.entries()].map(([family, s]) => {
      const source = FAMILY_SOURCES[family];
      const current = !!source && !!s.done && s.done.fingerprint === source.fingerprint(this.db);
      const state: PatternStatus['state'] = s.running ? 'COMPUTING' : s.failures > 0 ? 'FAILED' : current ? 'READY' : s.done ? 'STALE' : 'NOT_STARTED';
      return { family, state, failures: s.failures, retryInMs: state === 'FAILED' ? Math.max(0, s.retryAt - this.now()) : 0 };
    });
  }

  /**
   * Starts computing a family's pattern unless it is current or under way; resolves when the current
   * data's pattern is ready, rejects when the computation fails. A failure is reported once
   * (onFailure) and starts a back-off: lookups hide the family's figures without trying again until it
   * runs out (refresh itself always tries).
   */
  refresh(family: string): Promise<void> {
    const source = FAMILY_SOURCES[family];
    if (!source) return Promise.resolve();
    const s = this.state(family);
    const fp = source.fingerprint(this.db);
    if (s.done?.fingerprint === fp && s.failures === 0) return Promise.resolve();
    if (s.running && s.runningFor === fp) return s.running.then(() => undefined);
    const run = (async (): Promise<Computed> => {
      const t0 = performance.now();
      const scope = { unitId: this.scope.unitId, years: this.scope.years, today: this.scope.today ?? todayInVietnam(), versions: [CURRENT.id] };
      const set = enumerateFamily(source.tables, source.records(this.db, [CURRENT]), scope, { zeros: false });
      const suppressed = await this.solver(set, this.params);
      const atoms = new Map(set.atoms!.map((k, v) => [k, set.truth[v]!]));
      return { fingerprint: fp, cells: new Set(set.cells.map((c) => c.key)), suppressed, millis: performance.now() - t0, atoms };
    })();
    s.running = run;
    s.runningFor = fp;
    return run.then(
      (c) => {
        // A later computation (started after another write) wins.
        if (s.running === run) {
          s.done = c;
          s.running = null;
          s.runningFor = null;
          s.failures = 0;
          s.retryAt = 0;
        }
        this.computations++;
      },
      (e: unknown) => {
        if (s.running === run) {
          s.running = null;
          s.runningFor = null;
          // A failed pattern is not served: figures stay hidden until a computation succeeds.
          s.done = null;
          s.failures++;
          const wait = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (s.failures - 1));
          s.retryAt = this.now() + wait;
          this.failedComputations++;
          this.onFailure?.({
            family,
            table: source.table,
            failures: s.failures,
            retryInMs: wait,
            errorClass: e instanceof Error ? e.constructor.name : typeof e,
          });
        }
        throw e;
      },
    );
  }

  /**
   * The cells served while the pattern of the current data is computed (SECURITY.md, "After a write"):
   * worked out once per fingerprint from the records as they are now. If every atom of the last
   * pattern's set still holds at least as many records (the writes only added), a cell is shown when the
   * last pattern showed it and it holds no atom whose count changed or is new; otherwise (a record
   * voided, corrected or moved away) nothing is shown.
   */
  private interimFor(family: string, s: FamilyState, fp: string): Set<string> | null {
    if (s.interim?.fingerprint === fp) return s.interim.shown;
    const source = FAMILY_SOURCES[family]!;
    const done = s.done!;
    let shown: Set<string> | null = null;
    try {
      const scope = { unitId: this.scope.unitId, years: this.scope.years, today: this.scope.today ?? todayInVietnam(), versions: [CURRENT.id] };
      const set = enumerateFamily(source.tables, source.records(this.db, [CURRENT]), scope, { zeros: false });
      const now = new Map(set.atoms!.map((k, v) => [k, set.truth[v]!]));
      if ([...done.atoms].every(([k, n]) => (now.get(k) ?? 0) >= n)) {
        const changed = new Set(set.atoms!.flatMap((k, v) => (done.atoms.get(k) === set.truth[v] ? [] : [v])));
        shown = new Set(set.cells.filter((c) => done.cells.has(c.key) && !done.suppressed.has(c.key) && !c.vars.some((v) => changed.has(v))).map((c) => c.key));
      }
    } catch {
      // Unreadable records: nothing shown (the computation reports the failure).
      shown = null;
    }
    s.interim = { fingerprint: fp, shown };
    return shown;
  }

  /** The keys of the cells a family's last computed pattern hides (null before the first). */
  suppressed(family: string): ReadonlySet<string> | null {
    return this.families.get(family)?.done?.suppressed ?? null;
  }

  /** How long the last computation of a family took, in milliseconds (null before the first). */
  lastMillis(family: string): number | null {
    return this.families.get(family)?.done?.millis ?? null;
  }

  /**
   * Whether a non-zero figure of a cell may be shown to an outsider: only when the family's pattern is
   * computed over the current data, the cell is in the set and not suppressed.
   */
  lookup(ref: Omit<CellRef, 'measures'> & { measure: string }): Served {
    const source = FAMILY_SOURCES[ref.family];
    if (!source || ref.version !== CURRENT.id) return 'HIDDEN';
    // A sum of weights (people helped, parties) over a cell follows the cell's count: shown where it is
    // shown, hidden where it is hidden; only a source whose every record weighs 1 or more has sums.
    const sum = /^sum\((.+)\)$/.exec(ref.measure);
    if (sum) return source.weighted ? this.lookup({ ...ref, measure: sum[1]! }) : 'HIDDEN';
    const s = this.state(ref.family);
    const fp = source.fingerprint(this.db);
    const key = (map: MapView) => cellKey({ family: ref.family, measure: ref.measure, unitId: ref.unitId, map, periodId: ref.periodId, version: ref.version });
    if (s.done?.fingerprint !== fp) {
      // Stale or never computed: start (or keep) computing, hide meanwhile; after a failure, only once
      // its back-off has run out (the failure was reported when it happened).
      if (!this.backingOff(ref.family)) this.refresh(ref.family).catch(() => undefined);
      // After writes that only added records, the previous pattern's untouched cells stay shown.
      const shown = s.done ? this.interimFor(ref.family, s, fp) : null;
      if (!shown) return 'HIDDEN';
      const ks = [key('PERIOD'), key('TODAY')].filter((k) => s.done!.cells.has(k));
      return ks.length && ks.every((k) => shown.has(k)) ? 'SHOWN' : 'HIDDEN';
    }
    const keys = [key('PERIOD'), key('TODAY')].filter((k) => s.done!.cells.has(k));
    if (!keys.length) return 'HIDDEN';
    return keys.some((k) => s.done!.suppressed.has(k)) ? 'HIDDEN' : 'SHOWN';
  }
}

const perDatabase = new WeakMap<object, ServedPatterns>();

/** The patterns served from a database (one per connection, made on first use with `opts` or the environment's scope). */
export function servedPatterns(db: SqlReader & object, opts?: ServedPatternsOptions): ServedPatterns {
  let p = perDatabase.get(db);
  if (!p) perDatabase.set(db, (p = new ServedPatterns(db, opts)));
  return p;
}

/**
 * Computes, at a subgraph's start, the pattern of every family whose table its database holds
 * (ANTT_DISCLOSURE_PRECOMPUTE=1; otherwise the first outsider's lookup starts it). Resolves with the
 * families computed once every family has been tried.
 */
export async function precomputePatterns(db: SqlReader & object, opts?: ServedPatternsOptions): Promise<string[]> {
  const served = servedPatterns(db, opts);
  const families = Object.entries(FAMILY_SOURCES).flatMap(([id, src]) =>
    src && (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`).get(src.table) as { n: number }).n > 0 ? [id] : [],
  );
  // A family that fails is reported (onFailure) and retried on a later lookup: the others still compute.
  const failed: string[] = [];
  for (const f of families) await served.refresh(f).catch(() => failed.push(f));
  return families.filter((f) => !failed.includes(f));
}
