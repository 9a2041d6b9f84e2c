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
import { pageSize } from '../check.js';
import { RecordRepository, decodeCursor, encodeCursor, type Page, type StoredRecord } from './repository.js';
import { recordsOf } from './resolvers.js';
import { statement } from './window-sql.js';
import { unconfirmedExclusion } from '../references/pending.js';
import type { ReferenceContext } from '../references/check.js';

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
  /** Leave out records whose references to other organizations' records are not confirmed (what a criterion or a count reads). */
  confirmedOnly?: boolean;
  /**
   * The versions standing at this instant (ISO 8601) instead of the current ones: what the graph held
   * then, corrections and voids made later ignored (the repository's `asRecordedAt`).
   */
  asRecordedAt?: string | null;
}

function col(kind: RecordKind, key: string): string {
  return columnOf(key, kind.spec.fields[key]);
}

/** The SQL over the standing current versions that match, and its parameters. */
function standingSql(kind: RecordKind, q: CurrentQuery, select: string, tail: string): { sql: string; params: Record<string, unknown> } {
  const s = kind.spec;
  const unit = col(kind, s.unitField);
  const date = col(kind, s.dateField);
  const standing = q.asRecordedAt ? 'recorded_at <= @asOf AND (superseded_at IS NULL OR superseded_at > @asOf)' : 'superseded_at IS NULL';
  return {
    sql: `SELECT ${select} FROM ${s.table} WHERE ${standing} AND status = 'ACTIVE'${q.units ? ` AND ${unit} IN (SELECT value FROM json_each(@units))` : ''} AND ${date} BETWEEN @from AND @to${q.confirmedOnly ? unconfirmedExclusion(kind, !!q.asRecordedAt) : ''}${q.where ? ` AND (${q.where})` : ''}${tail}`,
    params: {
      ...(q.units ? { units: JSON.stringify([...q.units]) } : {}),
      from: q.from ?? '0000-01-01',
      to: q.to ?? '9999-12-31',
      ...(q.asRecordedAt ? { asOf: new Date(q.asRecordedAt).toISOString() } : {}),
      ...q.params,
    },
  };
}

/** The current versions of the standing (not voided) records of a kind that match. */
export function currentRecords(ctx: SubgraphContext, kind: RecordKind, q: CurrentQuery = {}): StoredRecord[] {
  const date = col(kind, kind.spec.dateField);
  const { sql, params } = standingSql(kind, q, '*', ` ORDER BY ${q.orderBy ?? `${date} DESC, id DESC`} LIMIT @limit`);
  const rows = statement(ctx, sql).all({ ...params, limit: q.limit ?? -1 }) as Record<string, unknown>[];
  const repo = recordsOf(ctx, kind);
  return rows.map((r) => repo.toRecord(r));
}

/**
 * A page of them, newest first by the record's date: the framework's page (`nodes`, `totalCount`,
 * `pageInfo`, `after` the `endCursor` of the page before) for a list with rules of its own about who
 * sees what. `first` is checked against the list's own `max`.
 */
export function currentPage(
  ctx: SubgraphContext,
  kind: RecordKind,
  q: Omit<CurrentQuery, 'orderBy' | 'limit'>,
  page: { first: number; after?: string | null; max: number },
): Page<StoredRecord> {
  pageSize('first', page.first, page.max);
  const date = col(kind, kind.spec.dateField);
  const cursor = page.after ? decodeCursor(page.after) : null;
  const rest = standingSql(
    kind,
    q,
    '*',
    `${cursor ? ` AND (${date} < @afterDate OR (${date} = @afterDate AND id < @afterRow))` : ''} ORDER BY ${date} DESC, id DESC LIMIT @limit`,
  );
  const rows = statement(ctx, rest.sql).all({ ...rest.params, ...cursor, limit: page.first + 1 }) as Record<string, unknown>[];
  const total = standingSql(kind, q, 'count(*) AS n', '');
  const last = rows[Math.min(page.first, rows.length) - 1];
  const repo = recordsOf(ctx, kind);
  return {
    nodes: rows.slice(0, page.first).map((r) => repo.toRecord(r)),
    totalCount: (statement(ctx, total.sql).get(total.params) as { n: number }).n,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: last ? encodeCursor(String(last[date]), Number(last.id)) : null },
  };
}

/** A standing record by id, whoever asks (the caller's own rule decides whether to show it). */
export function standingRecord(ctx: SubgraphContext, kind: RecordKind, id: string | null | undefined): StoredRecord | null {
  if (!id || id.length > 96) return null;
  return currentRecords(ctx, kind, { where: 'record_id = @id', params: { id }, limit: 1 })[0] ?? null;
}

/**
 * The repository a write goes through: the owner's staff write with their own scope; another
 * organization's staff, where the owner's mutation's own rule let them (a police review of a model, a
 * tip handed over), with the owner's checks (the references it names included), inside their own
 * jurisdiction, under their own user id.
 */
export function writerFor(ctx: SubgraphContext, kind: RecordKind, isOwnStaff: boolean, owner: OrganizationId = kind.spec.org): RecordRepository {
  if (isOwnStaff) return recordsOf(ctx, kind);
  const r = new RecordRepository(kind, ctx.db, new Scope(actingFor(ctx.scope.identity, owner)));
  // The owners' answers about the references the write names hold for whoever writes: without them the
  // record would be kept as if every reference were confirmed.
  r.referenceVerdicts = (ctx as SubgraphContext & ReferenceContext).referenceVerdicts;
  return r;
}
