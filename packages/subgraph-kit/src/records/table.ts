/**
 * A kind's table, made from its declaration: one row per version of a record. `id` numbers the rows
 * (never shown); `record_id` is the record's id, the same in all its versions. The current version is
 * the one not superseded; a void is a version with status VOIDED. Counts read the current versions
 * through a partial index; `asRecordedAt` reads the versions that stood at an instant.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, type SQLiteColumnBuilderBase } from 'drizzle-orm/sqlite-core';
import { columnOf, type FieldSpec } from './fields.js';
import type { KindSpec } from './kind.js';

/** Columns every version row carries, whatever the kind. */
export function versionColumns() {
  return {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // The default only lets a migration add the column to a table that has rows; every write sets it.
    recordId: text('record_id').notNull().default(''),
    version: integer('version').notNull().default(1),
    /** ACTIVE or VOIDED. */
    status: text('status').notNull().default('ACTIVE'),
    /** When the record was first recorded (the same in every version). */
    createdAt: text('created_at'),
    /** When this version was recorded. */
    recordedAt: text('recorded_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    recordedBy: text('recorded_by').notNull(),
    /** When a later version replaced this one; null for the current version. */
    supersededAt: text('superseded_at'),
    /** Why this version was made (correction or void); null for the first. */
    reason: text('reason'),
    /** JSON array of the fields this version changed. */
    changedFields: text('changed_fields'),
    /** JSON array of the personal fields erased in every version. */
    erasedFields: text('erased_fields'),
    /** The client's key of the create that made the record (safe retries). */
    clientKey: text('client_key'),
    /** Hash of the create's content, to tell a retry from another record under the same key. */
    contentHash: text('content_hash'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  };
}

export function kindTable<F extends Record<string, FieldSpec>>(spec: KindSpec<F>) {
  const cols: Record<string, SQLiteColumnBuilderBase> = {};
  for (const [key, f] of Object.entries(spec.fields)) {
    const c = f.column(columnOf(key, f)) as SQLiteColumnBuilderBase & { notNull(): SQLiteColumnBuilderBase };
    // Required fields are NOT NULL, except those a personal-data erasure may empty; lists are stored as
    // JSON, '[]' when empty, never NULL.
    cols[key] = (f.required && !f.dataClass) || f.type === 'enumSet' || f.type === 'codes' ? c.notNull() : c;
  }
  if (spec.branch) cols.branchId = text('branch_id').notNull();
  if (spec.unique) cols.conflictKey = text('conflict_key');
  const t = spec.table;
  return sqliteTable(t, { ...versionColumns(), ...cols } as ReturnType<typeof versionColumns>, (c) => {
    const any = c as unknown as Record<string, Parameters<ReturnType<typeof index>['on']>[0]>;
    const countedKeys = spec.countedColumns?.length ? [...new Set([...(spec.filters ?? []), ...spec.countedColumns])] : [];
    const counted = countedKeys.length ? [c.status, ...countedKeys.map((k) => any[k]!), c.supersededAt] : [];
    return [
      uniqueIndex(`${t}_record_version_idx`).on(c.recordId, c.version),
      // The current versions by unit and date, with what the counts read (`countedColumns`): a count is then
      // answered from the index alone. `superseded_at` closes it: SQLite takes a partial index as covering
      // only when it holds every column the query names, the partial index's own condition included.
      index(`${t}_current_unit_date_idx`)
        .on(any[spec.unitField]!, any[spec.dateField]!, ...counted)
        .where(sql.raw(`superseded_at IS NULL`)),
      // Every version by unit and date: a count read as recorded at an instant (an approved report's lock)
      // reads superseded versions too, which the index above leaves out; without it that read scanned the table.
      index(`${t}_unit_date_idx`).on(any[spec.unitField]!, any[spec.dateField]!),
      uniqueIndex(`${t}_client_key_idx`).on(c.clientKey).where(sql.raw(`client_key IS NOT NULL AND version = 1`)),
      // The current versions by each field references find records by (`lookedUpBy`).
      ...(spec.lookedUpBy ?? []).map((k) =>
        index(`${t}_current_${k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}_idx`)
          .on(any[k]!)
          .where(sql.raw(`superseded_at IS NULL`)),
      ),
      ...(spec.unique ? [index(`${t}_conflict_idx`).on(any.conflictKey!).where(sql.raw(`superseded_at IS NULL AND status = 'ACTIVE'`))] : []),
    ];
  });
}
