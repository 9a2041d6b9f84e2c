/**
 * Help for people at risk of offending and for people who erred (người lầm lỗi): what was given, to how
 * many, by whom. The people helped are counted, never named.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '../common/columns.js';

export const atRiskSupports = sqliteTable(
  'at_risk_supports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    /** SupportedGroup value. */
    supportedGroup: text('supported_group').notNull(),
    /** JSON array of HelpKind values. */
    help: text('help').notNull(),
    peopleHelped: integer('people_helped').notNull(),
    /** Who gave it: a branch, a member, a partner (by whom, as the plan asks). */
    givenBy: text('given_by').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('at_risk_supports_unit_date_idx').on(t.unitId, t.date)],
);
