/**
 * References to other organizations' records that could not be confirmed when written (the owner did
 * not answer) or that the owner later refused: one row per record, field and id named. Like tables.ts
 * it imports no Apollo code (drizzle-kit loads it through module-tables.ts).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const referenceChecks = sqliteTable(
  'reference_checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The table and record that name another organization's record. */
    recordTable: text('record_table').notNull(),
    recordId: text('record_id').notNull(),
    /** The field (its key) holding the id. */
    field: text('field').notNull(),
    /** The organization whose record is named, its table, and the field there holding the id (null: the record id). */
    owner: text('owner').notNull(),
    ownerTable: text('owner_table').notNull(),
    byField: text('by_field'),
    /** The owner's field that must name the writing organization (a tip's handedOverBy), if any. */
    writerField: text('writer_field'),
    /** The unit the named record must lie in (the writer's jurisdiction, or the record's own unit). */
    withinUnit: text('within_unit').notNull(),
    refId: text('ref_id').notNull(),
    /** PENDING (not confirmed yet), VERIFIED (the owner confirmed it later), REFUSED (the owner does not know it), SUPERSEDED (a later version names another). */
    state: text('state').notNull().default('PENDING'),
    notedAt: text('noted_at').notNull(),
    checkedAt: text('checked_at'),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('reference_checks_state_idx').on(t.state, t.recordTable), index('reference_checks_record_idx').on(t.recordTable, t.recordId)],
);

/**
 * Every state a reference check has had and from when (a reading as recorded at an earlier instant reads
 * the state of then, not today's). Written by triggers on reference_checks (the migration that made this
 * table), so that no path that notes, re-checks or supersedes a reference can forget it. A check noted
 * before this table existed has its history inferred once: its first state from `noted_at`, its present
 * one from `checked_at` (a superseded one from when the migration ran).
 */
export const referenceCheckStates = sqliteTable(
  'reference_check_states',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    checkId: integer('check_id').notNull(),
    state: text('state').notNull(),
    /** From when (ISO 8601) the check had this state. */
    since: text('since').notNull(),
  },
  (t) => [index('reference_check_states_check_idx').on(t.checkId, t.since)],
);
