/**
 * The tables of the information and communications database: the shared ones (activities), then its
 * own. Every record keeps the body that answered for it on its date (responsible_body): the Department
 * of Information and Communications until 28 February 2025, the Department of Science and Technology,
 * which took its duties over, from 1 March 2025.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '@antt/duties/tables';

export { activities, activityRevisions, auditLog, meta } from '@antt/subgraph-kit/tables';

/** Items in the press, radio and TV, grassroots loudspeakers, information boards and social media. */
export const infocommMediaItems = sqliteTable(
  'infocomm_media_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    responsibleBody: text('responsible_body').notNull(),
    outletKind: text('outlet_kind').notNull(),
    outlet: text('outlet').notNull(),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    reach: integer('reach'),
    ...bookkeeping(),
  },
  (t) => [index('infocomm_media_items_unit_date_idx').on(t.unitId, t.date)],
);

/** Warnings about crime on the Internet, social networks, calls and text messages, with the method described. */
export const infocommOnlineWarnings = sqliteTable(
  'infocomm_online_warnings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    responsibleBody: text('responsible_body').notNull(),
    channel: text('channel').notNull(),
    title: text('title').notNull(),
    method: text('method').notNull(),
    outlets: text('outlets').notNull(),
    reach: integer('reach'),
    ...bookkeeping(),
  },
  (t) => [index('infocomm_online_warnings_unit_date_idx').on(t.unitId, t.date)],
);

/** Good examples of the movement publicised (điển hình tiên tiến). */
export const infocommGoodExamples = sqliteTable(
  'infocomm_good_examples',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    responsibleBody: text('responsible_body').notNull(),
    /** The collective or person publicised (a public example, named on purpose). */
    subject: text('subject').notNull(),
    achievement: text('achievement').notNull(),
    outletKind: text('outlet_kind').notNull(),
    reach: integer('reach'),
    ...bookkeeping(),
  },
  (t) => [index('infocomm_good_examples_unit_date_idx').on(t.unitId, t.date)],
);
