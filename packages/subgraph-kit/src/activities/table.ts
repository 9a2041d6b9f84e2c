/**
 * The activities table, the same shape in every organization's own database. Every subgraph's
 * src/db/schema.ts re-exports these tables, so drizzle-kit writes the same migration into each.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    topic: text('topic').notNull(),
    /** Civil date, YYYY-MM-DD. */
    date: text('date').notNull(),
    /** The unit where it happened, as valid on `date` (never rewritten after the 2025 reform). */
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    participants: integer('participants').notNull(),
    note: text('note'),
    planTaskId: text('plan_task_id'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    correctedBy: text('corrected_by'),
    correctedAt: text('corrected_at'),
  },
  (t) => [index('activities_unit_date_idx').on(t.unitId, t.date), index('activities_date_idx').on(t.date)],
);

/**
 * Every correction keeps the row as it was before, so that nothing stored is lost or silently changed.
 */
export const activityRevisions = sqliteTable(
  'activity_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'restrict' }),
    /** The whole row as it was before the correction, as JSON. */
    previous: text('previous').notNull(),
    reason: text('reason'),
    correctedBy: text('corrected_by').notNull(),
    correctedAt: text('corrected_at').notNull(),
  },
  (t) => [index('activity_revisions_activity_idx').on(t.activityId)],
);

/** Bookkeeping of the database itself (when demo data was loaded, ...). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
