/**
 * The activities table, the same shape in every organization's own database (one row per version of
 * an activity, made from the kind's declaration), and the database's own bookkeeping. Every subgraph's
 * src/db/schema.ts re-exports these tables, so drizzle-kit writes the same migration into each.
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { kindTable } from '../records/table.js';
import { activityKind } from './kind.js';

// Whichever organization the kind is made for, its table is the same.
export const activities = kindTable(activityKind('front').spec);

/** Bookkeeping of the database itself (when demo data was loaded, ...). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
