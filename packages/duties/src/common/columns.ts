/** Columns every record of the member organizations carries: who recorded it, when, and whether it is demo data. */
import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';

export function bookkeeping() {
  return {
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  };
}
