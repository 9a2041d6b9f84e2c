/**
 * Bulk loading for demo data and imports: one prepared statement run per row inside the caller's
 * transaction. Drizzle builds SQL afresh for every query, which costs seconds over the tens of
 * thousands of rows a demo year has; a prepared better-sqlite3 statement costs microseconds a row.
 */
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { OrganizationId } from '@antt/reference';
import type { Db } from './db.js';
import { demoCreateOptions, demoRepositories } from './records/demo.js';
import type { RecordKind } from './records/kind.js';

type Client = { prepare(sql: string): { run(...params: unknown[]): unknown } };

export function bulkInsert<T extends SQLiteTable>(db: Db, table: T, rows: T['$inferInsert'][]): void {
  if (!rows.length) return;
  const columns = getTableColumns(table);
  // Every row must have the first row's keys: a prepared statement cannot skip a column per row.
  const keys = Object.keys(rows[0]!).filter((k) => k in columns);
  const names = keys.map((k) => `"${columns[k]!.name}"`);
  const sql = `INSERT INTO "${getTableConfig(table).name}" (${names.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;
  const stmt = (db as unknown as { $client: Client }).$client.prepare(sql);
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    stmt.run(...keys.map((k) => (typeof r[k] === 'boolean' ? (r[k] ? 1 : 0) : (r[k] ?? null))));
  }
}

/**
 * Bulk records (issue 17): demo records of one kind written in one transaction per call, each through
 * the repository's own create steps (RecordRepository.createMany: validation, a new record id, the
 * content hash, the write hooks, the pending references), with the repository's prepared insert. What
 * a demo writer would have stored, record for record; only the transaction per record is saved, and
 * the caller chooses how many records a transaction holds. Answers how many were written.
 */
export type BulkDemoWriter = (kind: RecordKind, inputs: readonly Record<string, unknown>[], opts?: { as?: OrganizationId }) => number;

export function bulkDemoWriter(db: Db, org: OrganizationId, today: string): BulkDemoWriter {
  const repoOf = demoRepositories(db, org, today);
  return (kind, inputs, opts = {}) => repoOf(kind, opts.as).createMany(inputs.map((input) => ({ input, opts: demoCreateOptions(kind, input) })));
}
