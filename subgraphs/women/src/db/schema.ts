/** The tables of the women's union database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '@antt/duties/tables';

export { activities, activityRevisions, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, atRiskSupports } from '@antt/duties/tables';

/**
 * Cases of violence, trafficking and abuse the union protects women and children in. The victim's
 * identity is kept apart, in women_protection_victims, and both are readable by the union's own staff
 * of the case's jurisdiction only; everyone else gets counts.
 */
export const womenProtectionCases = sqliteTable(
  'women_protection_cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    openedOn: text('opened_on').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    kind: text('kind').notNull(),
    victimIsChild: integer('victim_is_child', { mode: 'boolean' }).notNull(),
    /** JSON array of ProtectionSupport values. */
    support: text('support').notNull(),
    /** The police's receipt when the case was handed over with handOverCrimeTip. */
    tipReceiptId: text('tip_receipt_id'),
    closedOn: text('closed_on'),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('women_protection_cases_unit_date_idx').on(t.unitId, t.openedOn)],
);

/** Sensitive personal data (the victim's identity), one row per case. */
export const womenProtectionVictims = sqliteTable('women_protection_victims', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => womenProtectionCases.id, { onDelete: 'cascade' }),
  fullName: text('full_name').notNull(),
  yearOfBirth: integer('year_of_birth'),
  contact: text('contact'),
});

/** Actions under the 2017-2027 project on social issues concerning women (Đề án 938, Decision 938/QĐ-TTg of 30 June 2017). */
export const womenSocialIssueActions = sqliteTable(
  'women_social_issue_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    issue: text('issue').notNull(),
    form: text('form').notNull(),
    participants: integer('participants').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('women_social_issue_actions_unit_date_idx').on(t.unitId, t.date)],
);

/** Replicas of the Chiềng Sơn model "Cảm hóa giáo dục người lầm lỗi tái hòa nhập cộng đồng" in other communes. */
export const womenModelReplicas = sqliteTable(
  'women_model_replicas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startedOn: text('started_on').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    name: text('name').notNull(),
    /** The model replicated (always the Chiềng Sơn model today). */
    originalModelId: text('original_model_id').notNull(),
    /** People who erred the replica takes care of (người lầm lỗi được cảm hóa, giúp đỡ). */
    peopleSupported: integer('people_supported').notNull(),
    discontinuedOn: text('discontinued_on'),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('women_model_replicas_unit_date_idx').on(t.unitId, t.startedOn)],
);
