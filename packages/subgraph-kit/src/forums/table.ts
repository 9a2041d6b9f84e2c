/**
 * Forums an organization held (diễn đàn) and the opinions it must answer (ý kiến, kiến nghị), the same
 * shape in every organization's own database. A forum is kept by its host; an opinion is kept by the
 * organization that must answer it (or, for an agency outside this graph, by the organization that
 * forwarded it there), so that the organization sees and answers it in its own subgraph.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const forums = sqliteTable(
  'forums',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    title: text('title'),
    date: text('date').notNull(),
    /** The unit where it was held, as the unit was on that day. */
    unitId: text('unit_id').notNull(),
    /** The host's branch that held it. */
    branchId: text('branch_id').notNull(),
    /** Co-hosting organizations, a JSON array of organization ids. */
    coHostIds: text('co_host_ids').notNull().default('[]'),
    attendance: integer('attendance').notNull(),
    /** Opinions voiced at the forum, as counted in its minutes (those needing an answer are opinion records). */
    opinionsVoiced: integer('opinions_voiced').notNull().default(0),
    note: text('note'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('forums_unit_date_idx').on(t.unitId, t.date), index('forums_date_idx').on(t.date)],
);

export const opinions = sqliteTable(
  'opinions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The forum it was raised at, in any organization (`forum:front:12`). */
    forumId: text('forum_id').notNull(),
    /** The unit it concerns (the forum's unit), as the unit was on the day it was raised. */
    unitId: text('unit_id').notNull(),
    raisedOn: text('raised_on').notNull(),
    topic: text('topic').notNull(),
    summary: text('summary').notNull(),
    /** An agency outside this graph that must answer it, through this organization; null: this organization answers. */
    agency: text('agency'),
    dueDate: text('due_date').notNull(),
    /** The organization whose staff handed it over (the forum's host, the Front, or this organization). */
    handedOverBy: text('handed_over_by').notNull(),
    answer: text('answer'),
    answeredOn: text('answered_on'),
    answeredBy: text('answered_by'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('opinions_unit_due_idx').on(t.unitId, t.dueDate), index('opinions_forum_idx').on(t.forumId)],
);
