/** The audit trail's table; every organization's database has one, and so has the gateway's. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    requestId: text('request_id').notNull(),
    userId: text('user_id').notNull(),
    organization: text('organization').notNull(),
    /** JSON array of the caller's roles. */
    roles: text('roles').notNull(),
    /** The GraphQL operation: its name, else its root fields. */
    operation: text('operation').notNull(),
    /** READ (of protected data), WRITE, DENY. */
    action: text('action').notNull(),
    typeName: text('type_name'),
    dataClass: text('data_class'),
    /** JSON array of record ids, never values. */
    recordIds: text('record_ids').notNull(),
    /** JSON array of field names, never values. */
    fields: text('fields').notNull(),
    /** OK, or the error code. */
    outcome: text('outcome').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
