/**
 * The tables of the front database: the shared ones (activities; models, forums and opinions come from
 * the kit through drizzle.config.ts), then the organization's own.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export { activities, activityRevisions, auditLog, meta } from '@antt/subgraph-kit/tables';

const recordedAt = () => text('recorded_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const demo = () => integer('demo', { mode: 'boolean' }).notNull().default(false);

/**
 * Reviews of models by the Front and the police (Plan 92/KH-BCĐ-CAT). The model itself is kept by the
 * organization that runs it, in its own database: a review names it by id (`model:women:3`) and records
 * the unit the model runs in, so the Front can answer "did this unit have an effective model" alone.
 */
export const modelReviews = sqliteTable(
  'model_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    modelId: text('model_id').notNull(),
    /** The organization that keeps the model (from its id), so that its staff can read their models' reviews. */
    modelOrg: text('model_org').notNull(),
    unitId: text('unit_id').notNull(),
    reviewedOn: text('reviewed_on').notNull(),
    /** front or police: whose staff recorded it. */
    reviewerOrg: text('reviewer_org').notNull(),
    rating: text('rating').notNull(),
    evidence: text('evidence').notNull(),
    decision: text('decision').notNull(),
    basis: text('basis'),
    demo: demo(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: recordedAt(),
  },
  (t) => [index('model_reviews_model_idx').on(t.modelId, t.reviewedOn), index('model_reviews_unit_idx').on(t.unitId, t.reviewedOn)],
);

/**
 * People of standing (người có uy tín) nominated by grassroots Front committees to the core security
 * organizations. Name and year of birth are personal data; ethnicity is sensitive personal data
 * (Decree 13/2023, Decree 356/2025), stored only when given and never counted by.
 */
export const peopleOfStanding = sqliteTable(
  'people_of_standing',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fullName: text('full_name').notNull(),
    birthYear: integer('birth_year').notNull(),
    ethnicity: text('ethnicity'),
    unitId: text('unit_id').notNull(),
    role: text('role').notNull(),
    nominatedOn: text('nominated_on').notNull(),
    /** The Front branch that nominated the person. */
    branchId: text('branch_id').notNull(),
    decision: text('decision').notNull().default('PENDING'),
    decidedOn: text('decided_on'),
    decisionNote: text('decision_note'),
    decidedBy: text('decided_by'),
    demo: demo(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: recordedAt(),
  },
  (t) => [index('people_of_standing_unit_idx').on(t.unitId, t.nominatedOn)],
);

/** Commendations (khen thưởng): any organization proposes, the Front records the decision. */
export const commendations = sqliteTable(
  'commendations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipientKind: text('recipient_kind').notNull(),
    /** The unit commended, the unit of the branch commended, or where the person commended lives or works. */
    recipientUnitId: text('recipient_unit_id').notNull(),
    recipientBranchId: text('recipient_branch_id'),
    recipientName: text('recipient_name'),
    achievement: text('achievement').notNull(),
    form: text('form').notNull(),
    proposedByOrg: text('proposed_by_org').notNull(),
    proposedOn: text('proposed_on').notNull(),
    status: text('status').notNull().default('PROPOSED'),
    decisionNumber: text('decision_number'),
    decidedOn: text('decided_on'),
    issuingAuthority: text('issuing_authority'),
    decisionNote: text('decision_note'),
    decidedBy: text('decided_by'),
    demo: demo(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: recordedAt(),
  },
  (t) => [index('commendations_unit_idx').on(t.recipientUnitId, t.proposedOn)],
);

/** The coordination plan (155/KH-MTTQ-CAT, 2021-2023) and its successors. */
export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    title: text('title').notNull(),
    issuedOn: text('issued_on').notNull(),
    issuers: text('issuers').notNull(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    predecessorId: integer('predecessor_id').references((): AnySQLiteColumn => plans.id, { onDelete: 'restrict' }),
    note: text('note'),
    demo: demo(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: recordedAt(),
  },
  (t) => [uniqueIndex('plans_number_idx').on(t.number)],
);

/** Tasks of a plan: section II (key tasks) and section IV (organization, the yearly focus, reporting). */
export const planTasks = sqliteTable(
  'plan_tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    /** Item of the plan, e.g. II.4 or IV.3-2021-2. */
    code: text('code').notNull(),
    section: text('section').notNull(),
    /** For the yearly focus (section IV.3): the year it belongs to. */
    year: integer('year'),
    title: text('title').notNull(),
    /** The key task (II.1 to II.7) whose activities count for it, when there is one. */
    planTaskRef: text('plan_task_ref'),
    leadOrgs: text('lead_orgs').notNull(),
    participatingOrgs: text('participating_orgs').notNull().default('[]'),
    deadline: text('deadline'),
    status: text('status').notNull().default('NOT_STARTED'),
    statusSince: text('status_since'),
    statusNote: text('status_note'),
    demo: demo(),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at'),
  },
  (t) => [uniqueIndex('plan_tasks_code_idx').on(t.planId, t.code)],
);

/** Inspections (kiểm tra định kỳ, đột xuất): who inspected whom, when, what they found, the follow-up. */
export const inspections = sqliteTable(
  'inspections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    startedOn: text('started_on').notNull(),
    endedOn: text('ended_on').notNull(),
    inspectedUnitId: text('inspected_unit_id').notNull(),
    inspectedOrgs: text('inspected_orgs').notNull(),
    inspectingOrgs: text('inspecting_orgs').notNull(),
    /** front or police: whose staff led it and recorded it. */
    leadOrg: text('lead_org').notNull(),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'restrict' }),
    subject: text('subject').notNull(),
    findings: text('findings').notNull(),
    followUp: text('follow_up'),
    followUpDueOn: text('follow_up_due_on'),
    followUpDoneOn: text('follow_up_done_on'),
    followUpNote: text('follow_up_note'),
    demo: demo(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: recordedAt(),
  },
  (t) => [index('inspections_unit_idx').on(t.inspectedUnitId, t.startedOn)],
);
