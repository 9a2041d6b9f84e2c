/**
 * The repository of every kind of record, built with the caller's scope (every query is cut to what the
 * caller may see). All SQL is prepared once per database, in raw SQL over the kind's table: drizzle's
 * row mapping costs far more than SQLite on lists and counts, and a generic repository knows its
 * columns anyway.
 *
 * Two readings of time, named:
 * - `asRecordedAt` (an instant): what the graph held at that moment, corrections made later ignored
 *   (what a locked report shows);
 * - `effectiveOn` (a date): records whose own date is on or before it, as known now (what a rule about
 *   a decision's date uses).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { GraphQLError } from 'graphql';
import { authorize, enforce, notFound, type Scope } from '@antt/auth';
import { nearestBranch, periodById, territory, todayInVietnam, ORGANIZATIONS } from '@antt/reference';
import { sqliteOf, type Db } from '../db.js';
import { columnOf, fmtDate, type FieldSpec } from './fields.js';
import { plausibleRecordId, newRecordId } from './ids.js';
import type { Caller, RecordKind } from './kind.js';
import { Problems, inputProblems } from './problems.js';
import { beforeRecordWrite } from './write-hooks.js';
import { ownerOf, referenceFields, unknownReferenceMessage, verdictKey, withinOf, type Verdicts } from '../references/spec.js';
import { notePending, unconfirmedExclusion, type PendingReference } from '../references/pending.js';
import { withinExecutionBudget } from '../execution-bound.js';
import { keptAggregate, unitSet } from './kept-aggregates.js';

/** The largest page a list gives. */
export const RECORD_PAGE_MAX = 200;

/** A version of a record as the API shows it: the declared fields, then the bookkeeping. */
export interface StoredRecord {
  id: string;
  version: number;
  status: 'ACTIVE' | 'VOIDED';
  recordedAt: string;
  versionRecordedAt: string;
  recordedBy: string;
  reason: string | null;
  changedFields: string[];
  erasedFields: string[];
  demo: boolean;
  branchId?: string;
  [field: string]: unknown;
}

/** A page of a list (a type, not an interface: it is the parent of a `<T>Connection`, a record of named values). */
export type Page<T> = {
  nodes: T[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

export interface TimeFilter {
  /** What the graph held at this instant (ISO 8601). */
  asRecordedAt?: string | null;
  /** Only records whose own date is on or before this day. */
  effectiveOn?: string | null;
}

export interface ListFilter extends TimeFilter {
  unitId?: string | null;
  periodId?: string | null;
  includeVoided?: boolean | null;
  /** Only records dated on or after this day (within the period, when one is asked). */
  from?: string | null;
  /** Only records dated on or before this day. */
  to?: string | null;
  /** Only the records standing (ACTIVE) or only the voided ones (VOIDED); overrides includeVoided. */
  recordStatus?: 'ACTIVE' | 'VOIDED' | null;
}

export interface Summary {
  count: number;
  [sum: string]: number | { key: string; count: number; [sum: string]: number | string }[];
}

const FAR_PAST = '0000-01-01';
const FAR_FUTURE = '9999-12-31';

/**
 * The days a unit answers for within [from, to]: a unit answers for the days it existed (a unit that
 * ceased during the period, for its days only; a unit created later, through its predecessors, for the
 * whole period). A period asked of a unit that ceased before it began gets that answer, with the unit's
 * successors, and no figures, on the argument `asked` names (periodId unless a year is asked, as for an assessment year).
 */
export function unitDays(
  unitId: string,
  from: string,
  to: string,
  periodId: string | null,
  asked: { field: string; label: string } = { field: 'periodId', label: 'periodId' },
): { from: string; to: string } {
  const t = territory();
  const u = t.unit(unitId);
  if (!u || u.validTo === null || u.validTo >= to) return { from, to };
  if (u.validTo < from && periodId != null) {
    const a = t.inPeriod(u.id, from, to)!;
    throw new GraphQLError(`${asked.label}: ${a.noteVi}`, {
      extensions: { code: 'BAD_USER_INPUT', field: asked.field, reason: 'UNIT_CEASED_BEFORE_PERIOD', ceasedOn: u.validTo, successors: a.successors },
    });
  }
  return { from, to: u.validTo };
}

/** A reason for a correction, a void or an erasure: said in words, printable, no control or direction characters. */
export function checkReason(value: unknown, at: string, p: Problems, label = 'Lý do'): string | undefined {
  const s = typeof value === 'string' ? value.trim() : '';
  if (s.length < 5) return void p.add(at, `${label} phải nói rõ bằng lời (ít nhất 5 ký tự).`, 'REASON_TOO_SHORT');
  if (s.length > 1000) return void p.add(at, `${label} dài quá 1000 ký tự.`, 'TOO_LONG');
  // C0/C1 controls, bidirectional overrides and isolates, zero-width characters.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point of this check
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(s))
    return void p.add(at, `${label} chỉ được có chữ, số và dấu câu (không có ký tự điều khiển).`, 'INVALID_CHARACTERS');
  return s;
}

/** An erasure of a personal field: which, when, by whom, on what legal basis. */
export interface Erasure {
  field: string;
  at: string;
  by: string;
  legalBasis: string;
}

function erasures(row: Record<string, unknown>): Erasure[] {
  return row.erased_fields ? (JSON.parse(row.erased_fields as string) as Erasure[]) : [];
}

function nowIso(): string {
  return new Date().toISOString();
}

/** A page's end (`endCursor`): the last row's date and row id, the order every page of records is in. */
export function encodeCursor(date: string, rowId: number): string {
  return Buffer.from(`${date}|${rowId}`).toString('base64url');
}

/** Where the next page starts; an `after` not made by `encodeCursor` is refused (INVALID_CURSOR). */
export function decodeCursor(cursor: string): { afterDate: string; afterRow: number } {
  const m = /^(\d{4}-\d{2}-\d{2})\|(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw inputProblems([{ field: 'after', message: 'con trỏ phân trang không hợp lệ: dùng endCursor của trang trước.', reason: 'INVALID_CURSOR' }]);
  return { afterDate: m[1]!, afterRow: Number(m[2]) };
}

interface Statements {
  byRecord: Database.Statement;
  /** The current versions of a list of records (a JSON array of ids): one statement per `_entities` call. */
  byRecords: Database.Statement;
  byRecordAsOf: Database.Statement;
  history: Database.Statement;
  byClientKey: Database.Statement;
  conflict: Database.Statement | null;
  insert: Database.Statement;
  supersede: Database.Statement;
  page: Record<'current' | 'asOf', Database.Statement>;
  total: Record<'current' | 'asOf', Database.Statement>;
  totals: Record<'current' | 'asOf', Database.Statement>;
  by: Record<'current' | 'asOf', Database.Statement> | null;
  custom: Map<string, Database.Statement>;
}

const statements = new WeakMap<Database.Database, Map<string, Statements>>();

/** The column of one of a kind's fields. */
function colOf(kind: RecordKind, key: string): string {
  return columnOf(key, kind.spec.fields[key]);
}

const columnsOfFields = new WeakMap<RecordKind['spec']['fields'], readonly (readonly [key: string, column: string, spec: FieldSpec])[]>();

/**
 * The columns of a kind's table: the declared fields', in declaration order. Kept per declaration (no
 * code changes a kind's fields after it is declared): every create and every row read walked them and
 * made each column name again from its key (a regular expression per field).
 */
function fieldColumns(kind: RecordKind): readonly (readonly [key: string, column: string, spec: FieldSpec])[] {
  const fields = kind.spec.fields;
  let out = columnsOfFields.get(fields);
  if (!out) columnsOfFields.set(fields, (out = Object.entries(fields).map(([k, f]) => [k, columnOf(k, f), f] as const)));
  return out;
}

function prepare(sqlite: Database.Database, kind: RecordKind): Statements {
  let m = statements.get(sqlite);
  if (!m) statements.set(sqlite, (m = new Map()));
  const hit = m.get(kind.spec.table);
  if (hit) return hit;
  const s = kind.spec;
  const t = s.table;
  const unit = colOf(kind, s.unitField);
  const date = colOf(kind, s.dateField);
  const cols = fieldColumns(kind).map(([, c]) => c);
  const extra = [...(s.branch ? ['branch_id'] : []), ...(s.unique ? ['conflict_key'] : [])];
  const insertCols = [
    'record_id',
    'version',
    'status',
    'created_at',
    'recorded_at',
    'recorded_by',
    'reason',
    'changed_fields',
    'erased_fields',
    'client_key',
    'content_hash',
    'demo',
    ...cols,
    ...extra,
  ];
  // Which versions count: the current ones, or those standing at an instant.
  const when = {
    current: 'superseded_at IS NULL',
    asOf: 'recorded_at <= @asOf AND (superseded_at IS NULL OR superseded_at > @asOf)',
  };
  const filters = (s.filters ?? []).map((k) => ` AND (@f_${k} IS NULL OR ${colOf(kind, k)} = @f_${k})`).join('');
  const window = `${unit} IN (SELECT value FROM json_each(@units)) AND ${date} BETWEEN @from AND @to AND (status = @status OR (@status IS NULL AND (@voided = 1 OR status = 'ACTIVE')))${filters}`;
  const sums = Object.entries(s.counts?.sums ?? {}).map(([name, sum]) => `coalesce(sum(${colOf(kind, sum.of)}), 0) AS ${name}`);
  const sumSql = sums.length ? `, ${sums.join(', ')}` : '';
  const by = s.counts?.by ? colOf(kind, s.counts.by.field) : null;
  // Records whose references to another organization are not confirmed are kept and listed, never counted.
  // A reading as recorded at an instant reads each reference's confirmation as it stood then (@asOf).
  const counted = `${window}${unconfirmedExclusion(kind)}`;
  const countedAsOf = `${window}${unconfirmedExclusion(kind, true)}`;
  const st: Statements = {
    byRecord: sqlite.prepare(`SELECT * FROM ${t} WHERE record_id = ? AND superseded_at IS NULL`),
    byRecords: sqlite.prepare(`SELECT * FROM ${t} WHERE record_id IN (SELECT value FROM json_each(?)) AND superseded_at IS NULL`),
    byRecordAsOf: sqlite.prepare(`SELECT * FROM ${t} WHERE record_id = @id AND ${when.asOf}`),
    history: sqlite.prepare(`SELECT * FROM ${t} WHERE record_id = ? ORDER BY version`),
    byClientKey: sqlite.prepare(`SELECT * FROM ${t} WHERE client_key = ? AND version = 1`),
    conflict: s.unique
      ? sqlite.prepare(`SELECT record_id FROM ${t} WHERE conflict_key = ? AND superseded_at IS NULL AND status = 'ACTIVE' AND record_id != ? LIMIT 1`)
      : null,
    insert: sqlite.prepare(`INSERT INTO ${t} (${insertCols.join(', ')}) VALUES (${insertCols.map((c) => `@${c}`).join(', ')}) RETURNING *`),
    supersede: sqlite.prepare(`UPDATE ${t} SET superseded_at = ? WHERE id = ? AND superseded_at IS NULL`),
    page: {
      current: sqlite.prepare(
        `SELECT * FROM ${t} WHERE ${when.current} AND ${window} AND (@effectiveOn IS NULL OR ${date} <= @effectiveOn) AND (${date} < @afterDate OR (${date} = @afterDate AND id < @afterRow)) ORDER BY ${date} DESC, id DESC LIMIT @limit`,
      ),
      asOf: sqlite.prepare(
        `SELECT * FROM ${t} WHERE ${when.asOf} AND ${window} AND (@effectiveOn IS NULL OR ${date} <= @effectiveOn) AND (${date} < @afterDate OR (${date} = @afterDate AND id < @afterRow)) ORDER BY ${date} DESC, id DESC LIMIT @limit`,
      ),
    },
    total: {
      current: sqlite.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${when.current} AND ${window} AND (@effectiveOn IS NULL OR ${date} <= @effectiveOn)`),
      asOf: sqlite.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${when.asOf} AND ${window} AND (@effectiveOn IS NULL OR ${date} <= @effectiveOn)`),
    },
    totals: {
      current: sqlite.prepare(
        `SELECT count(*) AS n${sumSql} FROM ${t} WHERE ${when.current} AND ${counted} AND (@effectiveOn IS NULL OR ${date} <= @effectiveOn)`,
      ),
      asOf: sqlite.prepare(
        `SELECT count(*) AS n${sumSql} FROM ${t} WHERE ${when.asOf} AND ${countedAsOf} AND (@effectiveOn IS NULL OR ${date} <= @effectiveOn)`,
      ),
    },
    by: by
      ? {
          current: sqlite.prepare(
            `SELECT ${by} AS key, count(*) AS n${sumSql} FROM ${t} WHERE ${when.current} AND ${counted} AND (@effectiveOn IS NULL OR ${date} <= @effectiveOn) GROUP BY ${by}`,
          ),
          asOf: sqlite.prepare(
            `SELECT ${by} AS key, count(*) AS n${sumSql} FROM ${t} WHERE ${when.asOf} AND ${countedAsOf} AND (@effectiveOn IS NULL OR ${date} <= @effectiveOn) GROUP BY ${by}`,
          ),
        }
      : null,
    custom: new Map(),
  };
  m.set(t, st);
  return st;
}

/** Hash of a create's content, keys sorted, for telling a retry from another record under one key. */
function contentHash(values: Record<string, unknown>): string {
  const sorted = Object.keys(values)
    .sort()
    .map((k) => [k, values[k] ?? null]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/**
 * The content hash of a stored first version computed again with some of its values replaced (a unit
 * the record was moved to, and its branch): the same hash a create of those values computes, so that
 * a retry after the move is recognised as the same write. A create hashes the fields it validated (every
 * field not derived, and the derived ones its kind's rule fills in) and the branch; which of those a
 * row's hash covered is found by computing its stored hash again from the row as it was. Null when the
 * row has no hash or neither reading gives it back (then it is left as it was: nothing is guessed).
 */
export function contentHashAfter(kind: RecordKind, before: Record<string, unknown>, changes: Record<string, unknown>): string | null {
  if (typeof before.content_hash !== 'string') return null;
  const fields = Object.entries(kind.spec.fields);
  // Derived fields: left out, those filled in, or all of them.
  const valuesOf = (row: Record<string, unknown>, derived: 'NONE' | 'FILLED' | 'ALL') => {
    const out: Record<string, unknown> = {};
    for (const [k, f] of fields) {
      const v = f.fromDb(row[columnOf(k, f)] as never) ?? null;
      if (!f.derived || derived === 'ALL' || (derived === 'FILLED' && v !== null)) out[k] = v;
    }
    return { ...out, branchId: (row.branch_id as string | null | undefined) ?? null };
  };
  const after = { ...before, ...changes };
  for (const derived of ['NONE', 'FILLED', 'ALL'] as const)
    if (contentHash(valuesOf(before, derived)) === before.content_hash) return contentHash(valuesOf(after, derived));
  return null;
}

/** What a create is told besides its input. */
export interface CreateOptions {
  clientKey?: string | null;
  demo?: boolean;
  recordedBy?: string;
  recordedAt?: string;
  recordId?: string;
  reason?: string | null;
}

/** A create's input as checked, ready to write. */
interface CheckedCreate {
  values: Record<string, unknown>;
  branchId: string | null;
  pending: PendingReference[];
  hash: string;
  why: string | null;
  opts: CreateOptions;
}

export class RecordRepository {
  private readonly sqlite: Database.Database;
  private readonly st: Statements;
  /**
   * What the owners said of the references the request's mutation names (set by the reference check
   * before the mutation ran). Undefined where no check runs (a script, a unit test of one subgraph):
   * references are then not checked.
   */
  referenceVerdicts?: Verdicts;

  constructor(
    readonly kind: RecordKind,
    private readonly db: Db,
    private readonly scope: Scope,
    private readonly today: string = todayInVietnam(),
  ) {
    this.sqlite = sqliteOf(db);
    this.st = prepare(this.sqlite, kind);
  }

  private get spec() {
    return this.kind.spec;
  }

  private get org() {
    return this.kind.spec.org;
  }

  // ---- reading ----

  /** A stored row as the API shows it. */
  toRecord(row: Record<string, unknown>): StoredRecord {
    const out: StoredRecord = {
      id: row.record_id as string,
      version: row.version as number,
      status: row.status as 'ACTIVE' | 'VOIDED',
      recordedAt: (row.created_at as string | null) ?? (row.recorded_at as string),
      versionRecordedAt: row.recorded_at as string,
      recordedBy: row.recorded_by as string,
      reason: (row.reason as string | null) ?? null,
      changedFields: row.changed_fields ? (JSON.parse(row.changed_fields as string) as string[]) : [],
      erasedFields: erasures(row).map((e) => e.field),
      demo: Boolean(row.demo),
    };
    for (const [key, col, f] of fieldColumns(this.kind)) out[key] = f.fromDb(row[col]);
    if (this.spec.branch) out.branchId = row.branch_id as string;
    return out;
  }

  /** Whether the caller may read a record (its unit and date), as the authorization module decides from the kind's declaration. */
  private mayRead(r: StoredRecord): boolean {
    return authorize.readRecord(this.scope.principal, this.spec, r[this.spec.unitField] as string, r[this.spec.dateField] as string).allowed;
  }

  /** Who writes, as a kind's rules see it. */
  get caller(): Caller {
    return { userId: this.scope.identity.userId, organization: this.scope.principal.staffOf };
  }

  /** The record (current version, or as it stood at an instant), or null when missing or not the caller's to see: the two look the same. */
  byId(id: string, asRecordedAt?: string | null): StoredRecord | null {
    if (!plausibleRecordId(id)) return null;
    const row = (asRecordedAt ? this.st.byRecordAsOf.get({ id, asOf: asRecordedAt }) : this.st.byRecord.get(id)) as Record<string, unknown> | undefined;
    if (!row) return null;
    const r = this.toRecord(row);
    return this.mayRead(r) ? r : null;
  }

  /**
   * The same as `byId` (current version), answered in batches: every call made before the next
   * microtask is looked up with one statement. The gateway's `_entities` call resolves all its
   * representations synchronously, so one call asks SQLite once for all its records of this kind
   * instead of once per record (issue 17).
   */
  loadById(id: string): Promise<StoredRecord | null> {
    if (!plausibleRecordId(id)) return Promise.resolve(null);
    let batch = this.batch;
    if (!batch) {
      batch = this.batch = new Map();
      queueMicrotask(() => this.flushBatch());
    }
    let waiting = batch.get(id);
    if (!waiting) {
      let resolve!: (r: StoredRecord | null) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<StoredRecord | null>((res, rej) => ((resolve = res), (reject = rej)));
      batch.set(id, (waiting = { promise, resolve, reject }));
    }
    return waiting.promise;
  }

  private batch?: Map<string, { promise: Promise<StoredRecord | null>; resolve: (r: StoredRecord | null) => void; reject: (e: unknown) => void }>;

  private flushBatch(): void {
    const batch = this.batch!;
    this.batch = undefined;
    let rows: Record<string, unknown>[];
    try {
      rows = this.st.byRecords.all(JSON.stringify([...batch.keys()])) as Record<string, unknown>[];
    } catch (e) {
      for (const w of batch.values()) w.reject(e);
      return;
    }
    const found = new Map(rows.map((row) => [row.record_id as string, row]));
    for (const [id, w] of batch) {
      const row = found.get(id);
      if (!row) {
        w.resolve(null);
        continue;
      }
      try {
        const r = this.toRecord(row);
        w.resolve(this.mayRead(r) ? r : null);
      } catch (e) {
        w.reject(e);
      }
    }
  }

  /** The current, standing records of this kind whose field `key` points at record `parentId`, oldest first (the caller may read them all or none). */
  childrenOf(key: string, parentId: string): StoredRecord[] {
    const column = colOf(this.kind, key);
    const date = colOf(this.kind, this.spec.dateField);
    const rows = this.sqlite
      .prepare(`SELECT * FROM ${this.spec.table} WHERE ${column} = ? AND superseded_at IS NULL AND status = 'ACTIVE' ORDER BY ${date}, id`)
      .all(parentId) as Record<string, unknown>[];
    return rows.map((r) => this.toRecord(r)).filter((r) => this.mayRead(r));
  }

  /** Every version of a record, oldest first (empty when the caller may not read it). */
  history(id: string): StoredRecord[] {
    const current = this.byId(id);
    if (!current) return [];
    return (this.st.history.all(id) as Record<string, unknown>[]).map((r) => this.toRecord(r));
  }

  private window(f: ListFilter, forCounts: boolean) {
    // Every list and count of the framework: a resolver looping over them stops when the request's time is spent.
    withinExecutionBudget(this.scope);
    const unitId = f.unitId ?? this.scope.identity.unitId;
    const p = new Problems();
    if (!territory().unit(unitId)) p.add('unitId', 'Không có đơn vị này (ví dụ đúng: commune:03730@2019).', 'UNKNOWN_UNIT');
    let from = FAR_PAST;
    let to = FAR_FUTURE;
    if (f.periodId != null) {
      const period = periodById(f.periodId);
      if (!period) p.add('periodId', 'Không có kỳ này (ví dụ đúng: 2021-05, 2021-Q2, 2021, 2021-PLAN-Y).', 'UNKNOWN_PERIOD');
      else ({ start: from, end: to } = period);
    }
    if (f.asRecordedAt != null && Number.isNaN(Date.parse(f.asRecordedAt)))
      p.add('asRecordedAt', 'Thời điểm phải có dạng ISO 8601, ví dụ 2021-06-10T00:00:00Z.', 'INVALID_DATETIME');
    if (f.from != null && f.to != null && f.from > f.to) p.add('to', 'Đến ngày phải cùng ngày hoặc sau Từ ngày.', 'DATE_RANGE_REVERSED');
    p.throwIfAny();
    ({ from, to } = unitDays(unitId, from, to, f.periodId ?? null));
    // A date range narrows the period (or every date); it never widens it.
    if (f.from != null && f.from > from) from = f.from;
    if (f.to != null && f.to < to) to = f.to;
    const principal = this.scope.principal;
    enforce(forCounts ? authorize.readCounts(principal, this.spec, unitId) : authorize.listRecords(principal, this.spec, unitId));
    // A post that ended (a district's, the district police's) sees nothing dated after its last day.
    if (principal.postEnds !== null && principal.postEnds < to) to = principal.postEnds;
    const filters = Object.fromEntries((this.spec.filters ?? []).map((k) => [`f_${k}`, (f as Record<string, unknown>)[k] ?? null]));
    return {
      ...filters,
      units: unitSet(this.scope.visibleUnder(unitId)).json,
      from,
      to,
      voided: f.includeVoided ? 1 : 0,
      status: f.recordStatus ?? null,
      effectiveOn: f.effectiveOn ?? null,
      asOf: f.asRecordedAt ? new Date(f.asRecordedAt).toISOString() : null,
    };
  }

  list(f: ListFilter, first = 50, after?: string | null): Page<StoredRecord> {
    if (!Number.isInteger(first) || first < 1 || first > RECORD_PAGE_MAX)
      throw inputProblems([{ field: 'first', message: `số bản ghi mỗi trang phải từ 1 đến ${RECORD_PAGE_MAX}.`, reason: 'PAGE_SIZE' }]);
    const w = this.window(f, false);
    const mode = w.asOf ? 'asOf' : 'current';
    const cursor = after ? decodeCursor(after) : { afterDate: FAR_FUTURE, afterRow: Number.MAX_SAFE_INTEGER };
    const rows = this.st.page[mode].all({ ...w, ...cursor, limit: first + 1 }) as Record<string, unknown>[];
    const nodes = rows.slice(0, first).map((r) => this.toRecord(r));
    const total = (this.st.total[mode].get(w) as { n: number }).n;
    const last = rows[Math.min(first, rows.length) - 1];
    return {
      nodes,
      totalCount: total,
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor(last[colOf(this.kind, this.spec.dateField)] as string, last.id as number) : null,
      },
    };
  }

  /**
   * Any other aggregate over the records dated in the period, in the unit and below it, with the same
   * window, time reading and exclusion of voided records as `summary`: `select` names SQL expressions
   * over the kind's columns (`count(*) AS n`), `groupBy` a column. `where` adds a condition, which may
   * use @from and @to, the period's first and last day; with `dated: false` the record's own date is
   * not held to the period (a support that began before it and goes on). `orderBy` and `limit` shape
   * the rows; `records: true` checks the caller may list the records (for `SELECT *` read back with
   * `toRecord`) instead of reading counts; who reads a count is the kind's declaration (`countedBy`), the
   * same for every aggregate of the kind. Parameters of `f` named `p_<name>` are bound for `where` as `@p_<name>`. Statements are
   * prepared once.
   */
  aggregate<T = Record<string, number>>(
    f: ListFilter & { unitId: string },
    select: string,
    opts: { groupBy?: string; where?: string; dated?: boolean; orderBy?: string; limit?: number; records?: boolean } = {},
  ): T[] {
    const { groupBy, where, dated = true, orderBy, limit, records } = opts;
    const w = {
      ...this.window({ ...f, includeVoided: false, recordStatus: null }, !records),
      ...Object.fromEntries(Object.entries(f).filter(([k]) => k.startsWith('p_'))),
    };
    const mode = w.asOf ? 'asOf' : 'current';
    const key = `${mode}|${select}|${groupBy ?? ''}|${where ?? ''}|${dated}|${orderBy ?? ''}|${limit ?? ''}`;
    let stmt = this.st.custom.get(key);
    if (!stmt) {
      const s = this.spec;
      const when = mode === 'asOf' ? 'recorded_at <= @asOf AND (superseded_at IS NULL OR superseded_at > @asOf)' : 'superseded_at IS NULL';
      const filters = (s.filters ?? []).map((k) => ` AND (@f_${k} IS NULL OR ${colOf(this.kind, k)} = @f_${k})`).join('');
      const date = colOf(this.kind, s.dateField);
      stmt = this.sqlite.prepare(
        `SELECT ${select} FROM ${s.table} WHERE ${when} AND ${colOf(this.kind, s.unitField)} IN (SELECT value FROM json_each(@units)) AND ${dated ? `${date} BETWEEN @from AND @to` : '@from = @from AND @to = @to'} AND (@voided = 1 OR status = 'ACTIVE')${filters} AND (@effectiveOn IS NULL OR ${date} <= @effectiveOn)${records ? '' : unconfirmedExclusion(this.kind, mode === 'asOf')}${where ? ` AND (${where})` : ''}${groupBy ? ` GROUP BY ${groupBy}` : ''}${orderBy ? ` ORDER BY ${orderBy}` : ''}${limit ? ` LIMIT ${Math.trunc(limit)}` : ''}`,
      );
      this.st.custom.set(key, stmt);
    }
    // Records read back are never kept (their reads are checked per caller); counts until the database changes.
    if (records) return stmt.all(w) as T[];
    const units = unitSet(this.scope.visibleUnder(f.unitId)).id;
    return keptAggregate(this.sqlite, `${this.spec.table}|${key}|${units}|${JSON.stringify({ ...w, units: undefined })}`, () => stmt.all(w) as T[]);
  }

  /** Counts (and sums) of the records dated in the period, in the unit and everything below it; voided records never count. */
  summary(f: ListFilter & { unitId: string }): Summary {
    const w = { ...this.window({ ...f, includeVoided: false, recordStatus: null }, true) };
    const mode = w.asOf ? 'asOf' : 'current';
    const t = this.st.totals[mode].get(w) as Record<string, number>;
    const out: Summary = { count: Number(t.n ?? 0) };
    const sums = Object.keys(this.spec.counts?.sums ?? {});
    for (const k of sums) out[k] = Number(t[k] ?? 0);
    const by = this.spec.counts?.by;
    if (by && this.st.by) {
      const rows = this.st.by[mode].all(w) as ({ key: string; n: number } & Record<string, number>)[];
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const catalogue = this.spec.fields[by.field]!.catalogue ?? {};
      out[by.as] = Object.keys(catalogue).map((key) => {
        const r = byKey.get(key);
        return { key, count: Number(r?.n ?? 0), ...Object.fromEntries(sums.map((k) => [k, Number(r?.[k] ?? 0)])) };
      });
    }
    return out;
  }

  // ---- writing ----

  /** Checks every field and the kind's own rules at once; returns the values to store. */
  private validate(
    input: Record<string, unknown>,
    prefix: string,
    self: string | null = null,
    checkReferences: boolean | ReadonlySet<string> = true,
  ): { values: Record<string, unknown>; branchId: string | null; pending: PendingReference[] } {
    const p = new Problems();
    const at = (k: string) => (prefix ? `${prefix}.${k}` : k);
    const values: Record<string, unknown> = {};
    for (const [key, f] of Object.entries(this.spec.fields)) if (!f.derived) values[key] = f.parse(input[key], at(key), p, this.today);
    const lookup = (kind: RecordKind, id: string) => {
      if (typeof id !== 'string') return null;
      const r = new RecordRepository(kind, this.db, this.scope, this.today).byId(id);
      return r && r.status === 'ACTIVE' ? r : null;
    };
    if (this.spec.derive && p.empty)
      Object.assign(
        values,
        this.spec.derive(values as never, { org: this.org, unit: null, today: this.today, problems: p, at, lookup, self, caller: this.caller }),
      );
    const unitId = values[this.spec.unitField] as string | undefined;
    const date = values[this.spec.dateField] as string | undefined;
    const uf = this.spec.fields[this.spec.unitField]!;
    let unit = null;
    let branchId: string | null = null;
    if (unitId) {
      let u = territory().unit(unitId);
      // For one release, an id of the earlier release is accepted and stored as the unit it names now:
      // an alias, or a 2013-2025 id given for a day of the 2025-02 map (the unit of that map with its code).
      const later = u && date && !uf.derived ? territory().laterNamesake(u.id, date) : null;
      if (later) u = later;
      if (u && u.id !== unitId && !uf.derived) values[this.spec.unitField] = u.id;
      if (!u) p.add(at(this.spec.unitField), `${uf.label}: không có đơn vị này.`, 'UNKNOWN_UNIT');
      else if (uf.levels && !uf.levels.includes(u.level))
        p.add(at(this.spec.unitField), `${uf.label}: ${u.name} không thuộc cấp được ghi cho loại hồ sơ này.`, 'WRONG_UNIT_LEVEL');
      // A unit taken from another record (a visit's, from its support) was checked when that record was written.
      else if (date && !uf.derived && !territory().existsOn(u.id, date)) {
        const hint =
          u.validTo && date > u.validTo
            ? `đã sáp nhập từ ${fmtDate(u.validTo)}; hãy ghi cho đơn vị mới (${territory().currentUnit(u.id)?.name ?? 'theo bản đồ hiện nay'})`
            : `chỉ có từ ngày ${fmtDate(u.validFrom)}; trước đó hãy ghi cho đơn vị cũ`;
        p.add(at(this.spec.unitField), `${uf.label}: ${u.name} không tồn tại vào ngày ${fmtDate(date)} (${hint}).`, 'UNIT_NOT_VALID_ON_DATE');
      } else {
        unit = u;
        if (this.spec.branch) {
          branchId = nearestBranch(this.org, u.id, date ?? this.today)?.id ?? null;
          if (!branchId) p.add(at(this.spec.unitField), `${ORGANIZATIONS[this.org].nameVi} không có cấp nào phụ trách ${u.name} vào ngày này.`, 'NO_BRANCH');
        }
      }
    }
    // Records pointed at: they must exist, stand, and be the caller's to see (the same message either way).
    for (const [key, f] of Object.entries(this.spec.fields)) {
      if (f.type !== 'record' || !f.refKind || typeof values[key] !== 'string') continue;
      const target = new RecordRepository(f.refKind(), this.db, this.scope, this.today).byId(values[key] as string);
      if (!target || target.status !== 'ACTIVE')
        p.add(at(key), `${f.label}: không tìm thấy ${f.refKind().spec.nounVi} này trong địa bàn của bạn.`, f.unknownReason ?? 'UNKNOWN_RECORD');
    }
    // Other organizations' records named: as their owners answered before the write (references/).
    const pending: PendingReference[] = [];
    const verdicts = this.referenceVerdicts;
    if (checkReferences && verdicts)
      for (const [key, f] of referenceFields(this.kind)) {
        const id = values[key];
        // A correction asks again only of the references it changes; the others keep their standing.
        if (typeof id !== 'string' || (checkReferences instanceof Set && !checkReferences.has(key))) continue;
        const owner = ownerOf(f.ref, id);
        const within = withinOf(f.ref, this.kind, values, this.scope.identity.unitId);
        if (!owner || !within) continue;
        const verdict = verdicts.get(verdictKey(this.kind, key, id));
        if (verdict === 'NOT_FOUND') p.add(at(key), unknownReferenceMessage(f), 'UNKNOWN_REFERENCE');
        else if (verdict !== 'FOUND')
          pending.push({
            field: key,
            owner,
            ownerTable: f.ref.table,
            byField: f.ref.by ?? null,
            writerField: f.ref.writerField ?? null,
            withinUnit: within,
            refId: id,
          });
      }
    // The kind's own rules run whatever else is wrong, so that every problem of an input is reported
    // at once. A rule that needs a field which has a problem of its own may fail on the missing value:
    // that field's problem is the answer then, not the rule's error.
    if (this.spec.check) {
      const before = p.list.length;
      try {
        this.spec.check(values as never, { org: this.org, unit, today: this.today, problems: p, at, lookup, self, caller: this.caller });
      } catch (e) {
        if (before === 0) throw e;
      }
    }
    p.throwIfAny();
    return { values, branchId, pending };
  }

  private assertNoConflict(values: Record<string, unknown>, self: string): string | null {
    const u = this.spec.unique;
    if (!u || !this.st.conflict) return null;
    const key = u.key(values as never);
    if (key === null) return null;
    const existing = this.st.conflict.get(key, self) as { record_id: string } | undefined;
    if (existing) throw inputProblems([{ field: `input.${u.field}`, message: u.message(existing.record_id), reason: u.reason ?? 'CONTRADICTS_EXISTING' }]);
    return key;
  }

  private row(values: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { erased_fields: null, client_key: null, content_hash: null, reason: null, changed_fields: null, demo: 0, ...extra };
    for (const [key, col, f] of fieldColumns(this.kind)) out[col] = f.toDb((values[key] ?? null) as never);
    return out;
  }

  /** Inside a transaction of its own (a savepoint when the caller already holds one). */
  private tx<T>(fn: () => T): T {
    return this.sqlite.transaction(fn).immediate();
  }

  /**
   * Records a new record. With a client key, a retry (same key, same content) returns the record made
   * the first time; the same key with other content is refused.
   */
  create(input: Record<string, unknown>, opts: CreateOptions = {}): StoredRecord {
    const checked = this.checkCreate(input, opts);
    return this.tx(() => this.writeCreate(checked));
  }

  /**
   * Records many new records in one transaction (bulk.ts: an import, the national data set): each
   * checked and written exactly as `create` does it (the same two steps), so a bulk-written record is
   * the record a create would have made; one refused input refuses them all (nothing is written).
   * Answers how many were written; the caller reads them back if it needs them.
   */
  createMany(items: readonly { input: Record<string, unknown>; opts?: CreateOptions }[]): number {
    return this.tx(() => {
      for (const { input, opts } of items) this.writeCreate(this.checkCreate(input, opts ?? {}), false);
      return items.length;
    });
  }

  /** A create's checks before its transaction: who may write, every field, the client key, the reason. */
  private checkCreate(input: Record<string, unknown>, opts: CreateOptions): CheckedCreate {
    // Someone who may not write this organization's records at all is told so before anything about the input.
    const principal = this.scope.principal;
    enforce(authorize.writeAs(principal, this.spec, null));
    // Demo records are checked against the owners' demo data by a test instead (test/references.test.ts).
    const { values, branchId, pending } = this.validate(input, 'input', null, !opts.demo);
    enforce(authorize.writeAs(principal, this.spec, values, values[this.spec.unitField] as string, values[this.spec.dateField] as string));
    const hash = contentHash({ ...values, branchId });
    if (opts.clientKey != null) {
      const p = new Problems();
      if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(opts.clientKey))
        p.add('clientKey', 'Khóa yêu cầu (clientKey) phải có 8 đến 100 ký tự chữ, số hoặc - _ . : (ví dụ một UUID).', 'INVALID_CLIENT_KEY');
      p.throwIfAny();
    }
    // A reason is optional on a create, unless a write hook asks for one (a period an approved report covers).
    const rp = new Problems();
    const why = opts.reason == null || opts.reason === '' ? null : (checkReason(opts.reason, 'reason', rp) ?? null);
    rp.throwIfAny();
    return { values, branchId, pending, hash, why, opts };
  }

  /** A checked create's write, inside the caller's transaction; the stored record when `answer` (a create's). */
  private writeCreate(c: CheckedCreate, answer: false): null;
  private writeCreate(c: CheckedCreate, answer?: true): StoredRecord;
  private writeCreate({ values, branchId, pending, hash, why, opts }: CheckedCreate, answer = true): StoredRecord | null {
    if (opts.clientKey != null) {
      const first = this.st.byClientKey.get(opts.clientKey) as Record<string, unknown> | undefined;
      if (first) {
        if (first.content_hash !== hash || first.recorded_by !== (opts.recordedBy ?? this.scope.identity.userId)) {
          throw new GraphQLError('clientKey: khóa này đã dùng cho một yêu cầu có nội dung khác; hãy dùng khóa mới cho bản ghi mới.', {
            extensions: { code: 'BAD_USER_INPUT', field: 'clientKey', reason: 'CLIENT_KEY_REUSED' },
          });
        }
        const current = this.byId(first.record_id as string);
        if (!current) throw notFound(`Không tìm thấy ${this.spec.nounVi}.`);
        return answer ? current : null;
      }
    }
    const conflictKey = this.assertNoConflict(values, '');
    const at = opts.recordedAt ?? nowIso();
    const recordId = opts.recordId ?? newRecordId(this.spec.slug, this.org);
    const after = this.hooks('create', recordId, [values], why);
    const row = this.st.insert.get(
      this.row(values, {
        record_id: recordId,
        version: 1,
        status: 'ACTIVE',
        created_at: at,
        recorded_at: at,
        recorded_by: opts.recordedBy ?? this.scope.identity.userId,
        client_key: opts.clientKey ?? null,
        content_hash: hash,
        demo: opts.demo ? 1 : 0,
        reason: why,
        ...(this.spec.branch ? { branch_id: branchId } : {}),
        ...(this.spec.unique ? { conflict_key: conflictKey } : {}),
      }),
    ) as Record<string, unknown>;
    notePending(this.sqlite, this.kind, row.record_id as string, pending, false);
    after();
    return answer ? this.toRecord(row) : null;
  }

  /** The write hooks (write-hooks.ts) for a write of this record, before it; returns what runs after it. */
  private hooks(action: 'create' | 'correct' | 'void', recordId: string, states: Record<string, unknown>[], reason: string | null): () => void {
    const places = states.map((v) => ({ unitId: v[this.spec.unitField] as string, date: v[this.spec.dateField] as string }));
    return beforeRecordWrite({ db: this.db, sqlite: this.sqlite, scope: this.scope, org: this.org, kind: this.kind, action, recordId, places, reason });
  }

  /** A record the caller may change; outside their reach, a record and no record look the same. */
  private writable(id: string): Record<string, unknown> {
    const row = plausibleRecordId(id) ? (this.st.byRecord.get(id) as Record<string, unknown> | undefined) : undefined;
    if (
      !row ||
      !authorize.write(
        this.scope.principal,
        this.org,
        row[colOf(this.kind, this.spec.unitField)] as string,
        row[colOf(this.kind, this.spec.dateField)] as string,
      ).allowed
    )
      throw notFound(`Không tìm thấy ${this.spec.nounVi} này.`);
    return row;
  }

  private nextVersion(
    prev: Record<string, unknown>,
    values: Record<string, unknown>,
    extra: { status: 'ACTIVE' | 'VOIDED'; reason: string; changed: string[]; branchId: string | null; conflictKey: string | null },
  ): StoredRecord {
    const at = nowIso();
    if (this.st.supersede.run(at, prev.id).changes !== 1)
      throw new GraphQLError(`${this.spec.nounVi} vừa được người khác sửa: hãy tải lại rồi sửa lại.`, { extensions: { code: 'CONFLICT' } });
    const row = this.st.insert.get(
      this.row(values, {
        record_id: prev.record_id,
        version: (prev.version as number) + 1,
        status: extra.status,
        created_at: prev.created_at ?? prev.recorded_at,
        recorded_at: at,
        recorded_by: this.scope.identity.userId,
        reason: extra.reason,
        changed_fields: JSON.stringify(extra.changed),
        erased_fields: prev.erased_fields ?? null,
        demo: prev.demo ? 1 : 0,
        ...(this.spec.branch ? { branch_id: extra.branchId ?? prev.branch_id } : {}),
        ...(this.spec.unique ? { conflict_key: extra.conflictKey } : {}),
      }),
    ) as Record<string, unknown>;
    return this.toRecord(row);
  }

  /** Corrects the fields given (the others keep their values), with a reason; a new version, the old one kept. */
  correct(id: string, changes: Record<string, unknown>, reason: unknown): StoredRecord {
    const p = new Problems();
    const why = checkReason(reason, 'reason', p);
    p.throwIfAny();
    return this.tx(() => {
      const prev = this.writable(id);
      if (prev.status === 'VOIDED')
        throw new GraphQLError(`${this.spec.nounVi} này đã bị hủy: không sửa được.`, { extensions: { code: 'BAD_USER_INPUT', field: 'id', reason: 'VOIDED' } });
      const current = this.toRecord(prev);
      const erased = new Set(current.erasedFields);
      const merged: Record<string, unknown> = {};
      const changed: string[] = [];
      for (const key of Object.keys(this.spec.fields)) {
        const given = !this.spec.fields[key]!.derived && Object.prototype.hasOwnProperty.call(changes, key) && changes[key] !== undefined;
        if (given && erased.has(key))
          throw inputProblems([
            { field: `changes.${key}`, message: 'trường này đã bị xóa theo luật bảo vệ dữ liệu cá nhân: không ghi lại được.', reason: 'ERASED' },
          ]);
        merged[key] = given ? changes[key] : current[key];
        if (given && JSON.stringify(changes[key]) !== JSON.stringify(current[key])) changed.push(key);
      }
      if (!changed.length) throw inputProblems([{ field: 'changes', message: 'không có trường nào khác với phiên bản hiện tại.', reason: 'NO_CHANGE' }]);
      const { values, branchId, pending } = this.validate(merged, 'changes', current.id, new Set(changed));
      enforce(authorize.write(this.scope.principal, this.org, values[this.spec.unitField] as string, values[this.spec.dateField] as string));
      const conflictKey = this.assertNoConflict(values, current.id);
      const after = this.hooks('correct', current.id, [current, values], why!);
      const next = this.nextVersion(prev, values, { status: 'ACTIVE', reason: why!, changed, branchId, conflictKey });
      if (this.referenceVerdicts) notePending(this.sqlite, this.kind, next.id, pending, changed);
      after();
      return next;
    });
  }

  /** Voids a record with a reason: it stops counting; its versions stay readable. */
  void(id: string, reason: unknown): StoredRecord {
    const p = new Problems();
    const why = checkReason(reason, 'reason', p);
    p.throwIfAny();
    return this.tx(() => {
      const prev = this.writable(id);
      if (prev.status === 'VOIDED')
        throw new GraphQLError(`${this.spec.nounVi} này đã bị hủy trước đó.`, { extensions: { code: 'BAD_USER_INPUT', field: 'id', reason: 'VOIDED' } });
      const current = this.toRecord(prev);
      const values = Object.fromEntries(Object.keys(this.spec.fields).map((k) => [k, current[k]]));
      const after = this.hooks('void', current.id, [current], why!);
      const out = this.nextVersion(prev, values, { status: 'VOIDED', reason: why!, changed: [], branchId: current.branchId ?? null, conflictKey: null });
      after();
      return out;
    });
  }

  /**
   * Erases a personal field in every version of a record (Personal Data Protection Law 91/2025/QH15,
   * Decree 356/2025/NĐ-CP), with its legal basis; counts are unchanged (no count reads a personal field).
   * The erasure is the one change made in place: keeping the value in an old version would defeat it.
   */
  erase(id: string, fieldName: string, legalBasis: unknown): StoredRecord {
    const p = new Problems();
    const why = checkReason(legalBasis, 'legalBasis', p, 'Căn cứ pháp lý');
    if (!this.kind.personalFields.includes(fieldName)) p.add('field', 'chỉ xóa được trường dữ liệu cá nhân.', 'NOT_PERSONAL');
    p.throwIfAny();
    return this.tx(() => {
      const prev = this.writable(id);
      const done = erasures(prev);
      if (done.some((e) => e.field === fieldName))
        throw inputProblems([{ field: 'field', message: 'trường này đã được xóa trước đó.', reason: 'ALREADY_ERASED' }]);
      const list: Erasure[] = [...done, { field: fieldName, at: nowIso(), by: this.scope.identity.userId, legalBasis: why! }];
      this.sqlite
        .prepare(`UPDATE ${this.spec.table} SET ${colOf(this.kind, fieldName)} = NULL, erased_fields = ? WHERE record_id = ?`)
        .run(JSON.stringify(list), prev.record_id);
      return this.byId(prev.record_id as string)!;
    });
  }
}
