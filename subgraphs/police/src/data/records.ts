/**
 * What the police's established queries and mutations need beyond the record framework's own: reads of
 * the current, standing versions under the police's rules of who sees what (src/access.ts), and writes
 * by other organizations' staff (a tip handed over, a hotspot reported) through the same repository
 * and checks as the police's, recorded under their own user id.
 */
import { Scope } from '@antt/auth';
import { RecordRepository, columnOf, recordsOf, sqliteOf, type RecordKind, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { isPoliceStaff } from '../access.js';

type Sqlite = ReturnType<typeof sqliteOf>;
type Statement = ReturnType<Sqlite['prepare']>;
const statements = new WeakMap<Sqlite, Map<string, Statement>>();

function prepared(ctx: SubgraphContext, sql: string): Statement {
  const sqlite = sqliteOf(ctx.db);
  let m = statements.get(sqlite);
  if (!m) statements.set(sqlite, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = sqlite.prepare(sql)));
  return st;
}

/** The column of a kind's field. */
export function col(kind: RecordKind, key: string): string {
  return columnOf(key, kind.spec.fields[key]);
}

export interface CurrentQuery {
  units?: Iterable<string>;
  /** The records' own dates, inclusive. */
  from?: string;
  to?: string;
  where?: string;
  params?: Record<string, unknown>;
  /** Default: the record's date, oldest first. */
  orderBy?: string;
  limit?: number;
}

/** The current versions of the standing (not voided) records of a kind that match, whoever asks: the caller's rule filters. */
export function currentRecords(ctx: SubgraphContext, kind: RecordKind, q: CurrentQuery = {}): StoredRecord[] {
  const s = kind.spec;
  const unit = col(kind, s.unitField);
  const date = col(kind, s.dateField);
  const sql = `SELECT * FROM ${s.table} WHERE superseded_at IS NULL AND status = 'ACTIVE'${q.units ? ` AND ${unit} IN (SELECT value FROM json_each(@units))` : ''} AND ${date} BETWEEN @from AND @to${q.where ? ` AND (${q.where})` : ''} ORDER BY ${q.orderBy ?? `${date}, id`} LIMIT @limit`;
  const rows = prepared(ctx, sql).all({
    ...(q.units ? { units: JSON.stringify([...q.units]) } : {}),
    from: q.from ?? '0000-01-01',
    to: q.to ?? '9999-12-31',
    limit: q.limit ?? -1,
    ...q.params,
  }) as Record<string, unknown>[];
  const repo = recordsOf(ctx, kind);
  return rows.map((r) => repo.toRecord(r));
}

/** A standing record by id, whoever asks (the caller's own rule decides whether to show it). */
export function standingRecord(ctx: SubgraphContext, kind: RecordKind, id: string | null | undefined): StoredRecord | null {
  if (!id || id.length > 96) return null;
  return currentRecords(ctx, kind, { where: 'record_id = @id', params: { id }, limit: 1 })[0] ?? null;
}

/**
 * The repository a write goes through: the police's staff write with their own scope; another
 * organization's staff, where a police mutation's own rule lets them (a handover, a hotspot report),
 * with the police's checks, inside their own jurisdiction, under their own user id.
 */
export function writerFor(ctx: SubgraphContext, kind: RecordKind): RecordRepository {
  if (isPoliceStaff(ctx.scope)) return recordsOf(ctx, kind);
  return new RecordRepository(kind, ctx.db, new Scope({ ...ctx.scope.identity, organization: 'police' }));
}

/**
 * The fields of `next` that differ from the record's: a follow-up mutation that changes nothing
 * returns the record as it is instead of a correction refused for want of a change.
 */
export function changesFrom(r: StoredRecord, next: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(r[k] ?? null)));
}

/** Corrects a record with the changes that differ, or returns it unchanged. */
export function follow(ctx: SubgraphContext, kind: RecordKind, r: StoredRecord, next: Record<string, unknown>, reason: string): StoredRecord {
  const changes = changesFrom(r, next);
  return Object.keys(changes).length ? recordsOf(ctx, kind).correct(r.id, changes, reason) : r;
}
