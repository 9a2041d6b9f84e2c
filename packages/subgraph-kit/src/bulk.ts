/**
 * Bulk loading for demo data and imports: one prepared statement run per row inside the caller's
 * transaction. Drizzle builds SQL afresh for every query, which costs seconds over the tens of
 * thousands of rows a demo year has; a prepared better-sqlite3 statement costs microseconds a row.
 */
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './db.js';

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
