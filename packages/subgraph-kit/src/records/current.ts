/**
 * Reads and writes for an organization's established API (the Front's, the police's) beyond what the
 * generated types offer: the current, standing versions of a kind's records whoever asks (the caller's
 * own rule of who sees what filters them afterwards), and writes by another organization's staff
 * through the owner's repository and checks, under their own user id.
 */
import { actingFor, Scope } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import { columnOf } from './fields.js';
import type { RecordKind } from './kind.js';
import { RecordRepository, type StoredRecord } from './repository.js';
import { recordsOf } from './resolvers.js';
import { statement } from './window-sql.js';

export interface CurrentQuery {
  /** Units the records are kept under; every unit when left out. */
  units?: Iterable<string>;
  /** The records' own dates, inclusive. */
  from?: string;
  to?: string;
  /** More conditions, in SQL over the kind's columns, with named parameters. */
  where?: string;
  params?: Record<string, unknown>;
  /** Default: the record's date, newest first. */
  orderBy?: string;
  limit?: number;
}

function col(kind: RecordKind, key: string): string {
  return columnOf(key, kind.spec.fields[key]);
}

/** The current versions of the standing (not voided) records of a kind that match. */
export function currentRecords(ctx: SubgraphContext, kind: RecordKind, q: CurrentQuery = {}): StoredRecord[] {
  const s = kind.spec;
  const unit = col(kind, s.unitField);
  const date = col(kind, s.dateField);
  const sql = `SELECT * FROM ${s.table} WHERE superseded_at IS NULL AND status = 'ACTIVE'${q.units ? ` AND ${unit} IN (SELECT value FROM json_each(@units))` : ''} AND ${date} BETWEEN @from AND @to${q.where ? ` AND (${q.where})` : ''} ORDER BY ${q.orderBy ?? `${date} DESC, id DESC`} LIMIT @limit`;
  const rows = statement(ctx, sql).all({
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
 * The repository a write goes through: the owner's staff write with their own scope; another
 * organization's staff, where the owner's mutation's own rule let them (a police review of a model, a
 * tip handed over), with the owner's checks, inside their own jurisdiction, under their own user id.
 */
export function writerFor(ctx: SubgraphContext, kind: RecordKind, isOwnStaff: boolean, owner: OrganizationId = kind.spec.org): RecordRepository {
  if (isOwnStaff) return recordsOf(ctx, kind);
  return new RecordRepository(kind, ctx.db, new Scope(actingFor(ctx.scope.identity, owner)));
}
