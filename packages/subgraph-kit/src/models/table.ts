/**
 * The models table (mô hình), the same shape in every organization's own database: each organization
 * keeps the models it runs. Reviews of a model are the Front's and the police's records and live in the
 * Front's database (subgraphs/front), linked by the model's id (`model:<org>:<n>`).
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const models = sqliteTable(
  'models',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description'),
    /** The unit it runs in, as the unit was when it started (never rewritten after the 2025 reform). */
    unitId: text('unit_id').notNull(),
    startedOn: text('started_on').notNull(),
    /** Partner organizations, a JSON array of organization ids. */
    partnerIds: text('partner_ids').notNull().default('[]'),
    status: text('status').notNull(),
    /** Since when the status holds (the day replication began or the model was discontinued). */
    statusSince: text('status_since'),
    /** The model it replicates, in any organization (`model:front:1`). */
    replicaOfId: text('replica_of_id'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at'),
  },
  (t) => [index('models_unit_idx').on(t.unitId), index('models_replica_of_idx').on(t.replicaOfId)],
);
