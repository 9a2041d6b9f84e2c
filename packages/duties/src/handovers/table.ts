/**
 * Crime information an organization handed to the police (handOverCrimeTip in the police subgraph): the
 * police's receipt id, when, where and from what source. Never the content: the tip itself, and who
 * gave it, live only with the police.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '../common/columns.js';

export const tipHandovers = sqliteTable(
  'tip_handovers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    /** HandoverSource value. */
    source: text('source').notNull(),
    /** The receipt id the police returned. */
    receiptId: text('receipt_id').notNull(),
    ...bookkeeping(),
  },
  (t) => [index('tip_handovers_unit_date_idx').on(t.unitId, t.date), uniqueIndex('tip_handovers_receipt_idx').on(t.receiptId)],
);
