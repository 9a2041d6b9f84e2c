/**
 * The families' sources: each reads the record versions a family counts from its organization's
 * database, with the versions in which each stands, and says how its published tables look. A source
 * reads exactly what the family's counts resolver counts (same statuses, dates and flags).
 */
import type { FamilyTables, SourceRecord } from './published-set.js';

/** The part of a better-sqlite3 connection a source needs. */
export interface SqlReader {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
}

/** A family's source: its tables, its records, and a fingerprint of its table that any write changes. */
export interface FamilySource {
  /** The table its records are kept in (an organization's database holds it when the organization owns the family). */
  table: string;
  tables: FamilyTables;
  records(db: SqlReader, versions: readonly ReportVersion[]): SourceRecord[];
  fingerprint(db: SqlReader): string;
  /**
   * Whether each record carries a weight of at least 1 (people helped, parties): then a sum of weights
   * over a cell (measure `sum(<the cell's measure>)`) is shown wherever the cell's count is shown and
   * hidden with it (SECURITY.md, "Sums of people").
   */
  weighted?: boolean;
}

/**
 * Rows and latest version times of a record table: every write (a new record, a correction, a voiding)
 * adds a row. A rewrite in place that adds none (records moved to the unit of their date's map at start,
 * unit-moves.ts) is told with noteRecordsRewritten and counted here too, so that the served pattern is
 * computed again: a move takes records out of one cell (SECURITY.md, "After a write").
 */
export function tableFingerprint(db: SqlReader, table: string): string {
  // It runs on every lookup of a served figure, and its max() reads the whole table (issue 17: 4 ms at
  // 20,000 tips): read again only when the database changed (writeStamp).
  let c = fingerprints.get(db);
  if (!c) fingerprints.set(db, (c = { at: '', byTable: new Map() }));
  const at = writeStamp(db);
  if (c.at !== at) {
    c.at = at;
    for (const t of c.byTable.values()) t.read = null;
  }
  let t = c.byTable.get(table);
  if (!t)
    c.byTable.set(
      table,
      (t = { st: db.prepare(`SELECT count(*) AS n, coalesce(max(recorded_at), '') AS r, coalesce(max(superseded_at), '') AS s FROM ${table}`), read: null }),
    );
  if (t.read === null) {
    const r = t.st.get() as { n: number; r: string; s: string };
    t.read = `${r.n}|${r.r}|${r.s}`;
  }
  return `${t.read}|${rewrites.get(db)?.get(table) ?? 0}`;
}
/** Per connection: what tells a write (stamp, last read `at`), and per table its statement and last reading (null: to read again). */
const fingerprints = new WeakMap<SqlReader, { at: string; byTable: Map<string, { st: ReturnType<SqlReader['prepare']>; read: string | null }> }>();

const stamps = new WeakMap<SqlReader, { changes: ReturnType<SqlReader['prepare']>; version: ReturnType<SqlReader['prepare']>; read: number | null }>();

/**
 * A value that changes whenever the database may have: this connection wrote anything (total_changes
 * counts every row written on it, triggers' too, rolled back or not) or another connection committed
 * (data_version). What is computed from the rows may be kept while it stands.
 *
 * total_changes() is the connection's own counter: no file is read, a fraction of a microsecond. Reading
 * data_version is a read transaction of its own (its locks on the database and its WAL index: 6-7 µs here,
 * half of it in system calls), and it was read for every count of every unit of a request (issue 17). So
 * data_version is read once per run of synchronous code and kept until the microtasks queued by then run.
 * A commit another process makes during that run is seen by the next one, as if it had come a moment
 * later: whatever could tell this process of it (a request, an answer, a timer) arrives in a later task.
 * This connection's own writes are seen at once (total_changes). Only code of this same process that
 * wrote through a second connection and read again before those microtasks ran could miss its own
 * commit; a subgraph writes through its one connection.
 */
export function writeStamp(db: SqlReader): string {
  let s = stamps.get(db);
  if (!s)
    stamps.set(
      db,
      (s = { changes: db.prepare('SELECT total_changes() AS c'), version: db.prepare('SELECT data_version AS v FROM pragma_data_version'), read: null }),
    );
  if (s.read === null) {
    const kept = s;
    kept.read = (kept.version.get() as { v: number }).v;
    queueMicrotask(() => (kept.read = null));
  }
  return `${(s.changes.get() as { c: number }).c - (notRead.get(db)?.() ?? 0)}|${s.read}`;
}

const notRead = new WeakMap<object, () => number>();

/**
 * Says that `rows()` of the rows this connection wrote (a running total) are read by nothing kept here:
 * the audit trail's entries, which every read of personal data adds (a leader's panel of a unit's
 * hotspots writes one per request). writeStamp leaves them out, so that such a read does not throw
 * away every count kept since the last record was written (issue 17: the police recomputed its tip
 * counts at every leadership panel, 8 ms a request at 60,000 tips). What is kept must then never be
 * computed from those rows: no count, fingerprint or kept aggregate reads the audit trail. A commit by
 * another connection still changes the stamp (data_version cannot tell which table it wrote).
 */
export function writesNotRead(db: object, rows: () => number): void {
  notRead.set(db, rows);
}
const rewrites = new WeakMap<object, Map<string, number>>();

/** Says that rows of `table` were changed in place on this connection (no new version): its fingerprint changes. */
export function noteRecordsRewritten(db: object, table: string): void {
  let byTable = rewrites.get(db);
  if (!byTable) rewrites.set(db, (byTable = new Map()));
  byTable.set(table, (byTable.get(table) ?? 0) + 1);
}

/**
 * The records of a table whose references another organization has not confirmed (PENDING or REFUSED):
 * a subquery of record ids, left out of every count of the table. `asOf`: as the checks stood at the
 * instant @asOf (their history, reference_check_states): a reference confirmed later was still
 * unconfirmed then, one refused later still counted, one noted later was not there yet. The one
 * definition the organization's own counts (subgraph-kit's unconfirmedExclusion) and the disclosure
 * sources both read, so that a source counts what the staff read.
 */
export function unconfirmedRecordIds(table: string, asOf = false): string {
  if (asOf)
    return `SELECT c.record_id FROM reference_checks c WHERE c.record_table = '${table}' AND (SELECT h.state FROM reference_check_states h WHERE h.check_id = c.id AND h.since <= @asOf ORDER BY h.since DESC, h.id DESC LIMIT 1) IN ('PENDING', 'REFUSED')`;
  return `SELECT record_id FROM reference_checks WHERE record_table = '${table}' AND state IN ('PENDING', 'REFUSED')`;
}

/** The latest change of state of any reference check (reference_check_states, kept by triggers): a confirmation changes it. */
function checksFingerprint(db: SqlReader): string {
  let st = checkStates.get(db);
  if (!st) checkStates.set(db, (st = db.prepare(`SELECT coalesce(max(id), 0) AS id FROM reference_check_states`)));
  return String((st.get() as { id: number }).id);
}
const checkStates = new WeakMap<SqlReader, ReturnType<SqlReader['prepare']>>();

/** A report version: the records as they stood at `asOf` (ISO time); 'current' reads the live ones. */
export interface ReportVersion {
  id: string;
  asOf: string | null;
}

export const CURRENT: ReportVersion = { id: 'current', asOf: null };

/** Whether a record version recorded at `recordedAt`, superseded at `supersededAt`, stands in a version. */
function standsIn(v: ReportVersion, recordedAt: string, supersededAt: string | null): boolean {
  return v.asOf === null ? supersededAt === null : recordedAt <= v.asOf && (supersededAt === null || supersededAt > v.asOf);
}

/** The runs of consecutive indices at which `ok` holds, as [first, last]. */
function runsOf(ok: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  ok.forEach((y, i) => {
    if (!y) return;
    const last = out.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

export const PROTECTION_CASE_KINDS = ['DOMESTIC_VIOLENCE', 'SEXUAL_ABUSE', 'CHILD_ABUSE', 'TRAFFICKING', 'OTHER_GENDER_VIOLENCE'] as const;

/** The women's union's protection cases (Unit.women.protection): count, children, referredToPolice, closed, byKind. */
export const victimsTables: FamilyTables = {
  family: 'victims',
  breakdowns: PROTECTION_CASE_KINDS,
  total: true,
  byBreakdown: true,
  flags: ['children', 'referredToPolice', 'closed'],
};

/**
 * The women's protection cases as their own counts read them (subgraphs/women/src/resolvers/index.ts):
 * current, active versions by the day the case was opened, without cases whose police receipt the police
 * have not confirmed (pending or refused), as every count of a kind with references leaves them out
 * (references/pending.ts in subgraph-kit): a case counts as handed to the police, and at all, once the
 * receipt is confirmed.
 */
const victimsSource: FamilySource = recordTableSource({
  table: 'women_protection_cases',
  tables: victimsTables,
  date: 'opened_on',
  breakdown: 'kind',
  flags: { children: 'victim_is_child', referredToPolice: 'tip_receipt_id IS NOT NULL', closed: 'closed_on IS NOT NULL' },
});

export function victimsRecords(db: SqlReader, versions: readonly ReportVersion[]): SourceRecord[] {
  return victimsSource.records(db, versions);
}

/**
 * The families with a source, by family id. Victims are declared here; the shared casework module
 * registers help for people at risk and mediation (registerFamilySource), whose tables every
 * organization running it keeps under the same names. A family without a source is hidden from outsiders
 * wherever its resolvers tag a figure (no pattern: nothing shown but zeros).
 */
export const FAMILY_SOURCES: Record<string, FamilySource | undefined> = {
  victims: victimsSource,
};

export function registerFamilySource(family: string, source: FamilySource): void {
  FAMILY_SOURCES[family] = source;
}

/**
 * A source over a table of the record framework: current, active versions (voided ones never count),
 * without records whose references another organization has not confirmed (as the framework's
 * aggregates count), each with its date, its breakdown value and its flags, all SQL expressions over the
 * table's columns.
 */
export function recordTableSource(spec: {
  table: string;
  tables: FamilyTables;
  /** SQL: the record's date, its breakdown value, and each flag (a boolean) by name. */
  date: string;
  breakdown: string;
  flags?: Readonly<Record<string, string>>;
  /** SQL: the unit the record is kept under (default unit_id). */
  unit?: string;
  /** SQL: a condition the counted records meet (an outcome recorded...). */
  where?: string;
  /** SQL: the record's weight, an integer of at least 1 (people helped, parties), which sums of the family add up. */
  weight?: string;
  /**
   * Flags that hang on the clock rather than on the record alone (a tip past its legal deadline now):
   * the extra columns they read (SQL, `expr AS name`), the flags of a row at an instant, and what of the
   * table's rows changes with time, as a string (`clock`): it joins the fingerprint, so the pattern is
   * computed again when a flag turns on without a write.
   */
  timed?: {
    columns: string;
    flagsAt: (row: Record<string, unknown>, now: Date) => string[];
    clock: (db: SqlReader, now: Date) => string;
  };
}): FamilySource {
  const flags = Object.entries(spec.flags ?? {});
  const sql = `SELECT record_id AS recordId, ${spec.unit ?? 'unit_id'} AS unitId, ${spec.date} AS date, ${spec.breakdown} AS breakdown, recorded_at AS recordedAt, superseded_at AS supersededAt,
                      ${spec.weight ?? '1'} AS weight${flags.map(([, expr], i) => `, (${expr}) AS f${i}`).join('')}${spec.timed ? `, ${spec.timed.columns}` : ''}
                 FROM ${spec.table} WHERE status = 'ACTIVE'${spec.where ? ` AND (${spec.where})` : ''}`;
  return {
    table: spec.table,
    tables: spec.tables,
    // A confirmation (or refusal) changes what counts without a new row in the table: the checks' history is part of it.
    fingerprint: (db) => `${tableFingerprint(db, spec.table)}|${checksFingerprint(db)}${spec.timed ? `|${spec.timed.clock(db, new Date())}` : ''}`,
    weighted: spec.weight !== undefined,
    records(db, versions) {
      const now = new Date();
      const rows = db.prepare(sql).all() as Record<string, unknown>[];
      // Left out, per version, as the organization's own counts leave them out: today's checks for the
      // current version, the checks as they stood at a dated version's instant (their history).
      const unconfirmed = versions.map(
        (v) =>
          new Set(
            (v.asOf === null
              ? db.prepare(unconfirmedRecordIds(spec.table)).all()
              : db.prepare(unconfirmedRecordIds(spec.table, true)).all({ asOf: v.asOf })
            ).map((r) => String((r as { record_id: unknown }).record_id)),
          ),
      );
      return rows.flatMap((r) => {
        const recordedAt = String(r.recordedAt);
        const supersededAt = (r.supersededAt as string | null) ?? null;
        const id = String(r.recordId);
        // A record version may count in some versions and not in others between (confirmed, then refused): one entry per run.
        const runs = runsOf(versions.map((v, i) => standsIn(v, recordedAt, supersededAt) && !unconfirmed[i]!.has(id)));
        const on = [...flags.flatMap(([name], i) => (r[`f${i}`] ? [name] : [])), ...(spec.timed ? spec.timed.flagsAt(r, now) : [])];
        return runs.map((standing) => ({
          unitId: String(r.unitId),
          date: String(r.date) as SourceRecord['date'],
          breakdown: String(r.breakdown),
          flags: on,
          standing,
          weight: Number(r.weight),
        }));
      });
    },
  };
}

/**
 * A source of distinct things (reintegration cases) counted in every period one of their records (a
 * support) overlaps, as `count(DISTINCT <key>)` over the records active in the period counts them: one
 * source record per thing and unit, under the breakdown `all`, whose spans are its records' [from, until]
 * ('9999-12-31' while one goes on), and one per thing, unit and kind of record, under the kind. Current,
 * active versions without unconfirmed references (as recordTableSource), one report version at a time.
 */
export function distinctSpanSource(spec: {
  table: string;
  tables: FamilyTables;
  /** SQL: what is counted once (a case id). */
  key: string;
  /** SQL: the unit a record is kept under (default unit_id). */
  unit?: string;
  /** SQL: a record's first and last day (null while it goes on). */
  from: string;
  until: string;
  /** SQL: a record's kind (each published as `by:<kind>`). */
  kind: string;
  /** The breakdown value of the distinct count over every kind. */
  all: string;
}): FamilySource {
  const sql = `SELECT record_id AS recordId, ${spec.key} AS k, ${spec.unit ?? 'unit_id'} AS unitId, ${spec.from} AS "from", coalesce(${spec.until}, '9999-12-31') AS "until",
                      ${spec.kind} AS kind, recorded_at AS recordedAt, superseded_at AS supersededAt
                 FROM ${spec.table} WHERE status = 'ACTIVE'`;
  return {
    table: spec.table,
    tables: spec.tables,
    fingerprint: (db) => `${tableFingerprint(db, spec.table)}|${checksFingerprint(db)}`,
    records(db, versions) {
      const rows = db.prepare(sql).all() as {
        recordId: unknown;
        k: unknown;
        unitId: unknown;
        from: string;
        until: string;
        kind: unknown;
        recordedAt: string;
        supersededAt: string | null;
      }[];
      const out: SourceRecord[] = [];
      versions.forEach((v, vi) => {
        const unconfirmed = new Set(
          (v.asOf === null ? db.prepare(unconfirmedRecordIds(spec.table)).all() : db.prepare(unconfirmedRecordIds(spec.table, true)).all({ asOf: v.asOf })).map(
            (r) => String((r as { record_id: unknown }).record_id),
          ),
        );
        const things = new Map<string, { unitId: string; breakdown: string; spans: [SourceRecord['date'], SourceRecord['date']][] }>();
        for (const r of rows) {
          if (!standsIn(v, r.recordedAt, r.supersededAt) || unconfirmed.has(String(r.recordId))) continue;
          const span: [SourceRecord['date'], SourceRecord['date']] = [r.from as SourceRecord['date'], r.until as SourceRecord['date']];
          for (const breakdown of [spec.all, String(r.kind)]) {
            const id = `${String(r.unitId)}|${String(r.k)}|${breakdown}`;
            let t = things.get(id);
            if (!t) things.set(id, (t = { unitId: String(r.unitId), breakdown, spans: [] }));
            t.spans.push(span);
          }
        }
        for (const t of things.values())
          out.push({ unitId: t.unitId, date: t.spans[0]![0], breakdown: t.breakdown, flags: [], standing: [vi, vi], spans: t.spans });
      });
      return out;
    },
  };
}
