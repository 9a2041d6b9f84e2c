/**
 * Support a member organization gives to people reintegrating after a prison sentence. The person is
 * known only by the police's pseudonymous case id: no name, no criminal history is ever stored here.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '../common/columns.js';

export const reintegrationSupports = sqliteTable(
  'reintegration_supports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The police's pseudonymous case id (mã hồ sơ), e.g. DEMO-TH-0001. */
    caseId: text('case_id').notNull(),
    /** The commune the person lives in, as the commune was on `assignedOn` (given when support is assigned). */
    communeId: text('commune_id').notNull(),
    branchId: text('branch_id').notNull(),
    assignedOn: text('assigned_on').notNull(),
    supporterKind: text('supporter_kind').notNull(),
    /** A member of the organization (personal data of the member, shown to the organization's staff only). */
    mentorName: text('mentor_name'),
    groupName: text('group_name'),
    outcome: text('outcome'),
    outcomeOn: text('outcome_on'),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('reintegration_supports_commune_date_idx').on(t.communeId, t.assignedOn), index('reintegration_supports_case_idx').on(t.caseId)],
);

export const reintegrationVisits = sqliteTable(
  'reintegration_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    supportId: integer('support_id')
      .notNull()
      .references(() => reintegrationSupports.id, { onDelete: 'restrict' }),
    visitedOn: text('visited_on').notNull(),
    /** The help given, as a JSON array of HelpKind values. */
    help: text('help').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('reintegration_visits_support_idx').on(t.supportId, t.visitedOn)],
);
