/** The tables of the police database: the shared ones (activities), then the police's own. */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export { activities, auditLog, meta } from '@antt/subgraph-kit/tables';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** The register of agencies, enterprises and schools. */
export const establishments = sqliteTable(
  'establishments',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    subKind: text('sub_kind').notNull(),
    unitId: text('unit_id').notNull(),
    managedBy: text('managed_by').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull().default(now),
  },
  (t) => [index('establishments_unit_idx').on(t.unitId)],
);

/** Criteria the province adds to a national set (Circular 124/2021, Article 8.1). */
export const provincialCriteria = sqliteTable('provincial_criteria', {
  code: text('code').primaryKey(),
  subjectKind: text('subject_kind').notNull(),
  textVi: text('text_vi').notNull(),
  textEn: text('text_en').notNull(),
  fromYear: integer('from_year').notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: text('recorded_at').notNull().default(now),
});

/** A unit's yearly cycle for the standard: one row per subject and assessment year. */
export const standardAssessments = sqliteTable(
  'standard_assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    subjectKind: text('subject_kind').notNull(),
    /** The residential area or commune, or for an establishment the commune it is in. */
    unitId: text('unit_id').notNull(),
    establishmentId: text('establishment_id').references(() => establishments.id, { onDelete: 'restrict' }),
    criteriaSetId: text('criteria_set_id').notNull(),
    registeredOn: text('registered_on'),
    householdsTotal: integer('households_total'),
    householdsRegistered: integer('households_registered'),
    selfAssessedOn: text('self_assessed_on'),
    chairedBy: text('chaired_by'),
    decisionNumber: text('decision_number'),
    decidedOn: text('decided_on'),
    authority: text('authority'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull().default(now),
  },
  (t) => [uniqueIndex('standard_assessments_subject_year').on(t.year, t.subjectKind, t.unitId, t.establishmentId), index('standard_assessments_year_idx').on(t.year, t.subjectKind)],
);

export const criterionResults = sqliteTable(
  'criterion_results',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => standardAssessments.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    met: integer('met', { mode: 'boolean' }).notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.code] })],
);

/** Crime reports and tips. The reporter's identity is only ever stored encrypted (reporter_sealed). */
export const crimeTips = sqliteTable(
  'crime_tips',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    receivedAt: text('received_at').notNull(),
    unitId: text('unit_id').notNull(),
    summary: text('summary').notNull(),
    category: text('category').notNull(),
    reporterSealed: text('reporter_sealed'),
    confidentialityRequested: integer('confidentiality_requested', { mode: 'boolean' }).notNull(),
    remoteArea: integer('remote_area', { mode: 'boolean' }).notNull(),
    handedOverBy: text('handed_over_by'),
    /** Opaque receipt the sending organization keeps; unique, unguessable. */
    receiptId: text('receipt_id').unique(),
    status: text('status').notNull(),
    forwardedAt: text('forwarded_at'),
    forwardedTo: text('forwarded_to'),
    decisionDueOn: text('decision_due_on').notNull(),
    extensions: integer('extensions').notNull().default(0),
    decision: text('decision'),
    decidedOn: text('decided_on'),
    reporterNotifiedOn: text('reporter_notified_on'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull().default(now),
  },
  (t) => [index('crime_tips_unit_received_idx').on(t.unitId, t.receivedAt)],
);

export const tipStatusHistory = sqliteTable(
  'tip_status_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tipId: integer('tip_id')
      .notNull()
      .references(() => crimeTips.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    at: text('at').notNull(),
    note: text('note'),
    by: text('by').notNull(),
  },
  (t) => [index('tip_status_history_tip_idx').on(t.tipId)],
);

/** Every read of a protected identity: who, when, which record, why. Append-only by convention here; issue 6 hardens it. */
export const identityReads = sqliteTable('identity_reads', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  recordKind: text('record_kind').notNull(),
  recordId: text('record_id').notNull(),
  userId: text('user_id').notNull(),
  organization: text('organization').notNull(),
  reason: text('reason').notNull(),
  at: text('at').notNull().default(now),
});

export const hotspots = sqliteTable(
  'hotspots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    unitId: text('unit_id').notNull(),
    summary: text('summary').notNull(),
    partiesCount: integer('parties_count').notNull(),
    riskLevel: text('risk_level').notNull(),
    since: text('since').notNull(),
    actions: text('actions'),
    status: text('status').notNull(),
    closedOn: text('closed_on'),
    mediatingOrganization: text('mediating_organization'),
    mediationCaseId: text('mediation_case_id'),
    reportedBy: text('reported_by').notNull(),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull().default(now),
  },
  (t) => [index('hotspots_unit_idx').on(t.unitId)],
);

export const keyAreas = sqliteTable('key_areas', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  unitId: text('unit_id').notNull(),
  reason: text('reason').notNull(),
  listedOn: text('listed_on').notNull(),
  transformationPlan: text('transformation_plan'),
  status: text('status').notNull(),
  clearedOn: text('cleared_on'),
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  recordedBy: text('recorded_by').notNull(),
});

export const modelUnits = sqliteTable('model_units', {
  unitId: text('unit_id').notNull(),
  kind: text('kind').notNull(),
  since: text('since').notNull(),
  source: text('source').notNull(),
}, (t) => [primaryKey({ columns: [t.unitId, t.kind] })]);

export const coreForces = sqliteTable('core_forces', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  unitId: text('unit_id').notNull(),
  memberCount: integer('member_count').notNull(),
  since: text('since').notNull(),
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  recordedBy: text('recorded_by').notNull(),
});

export const policeTrainings = sqliteTable('police_trainings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  date: text('date').notNull(),
  topic: text('topic').notNull(),
  unitId: text('unit_id').notNull(),
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  recordedBy: text('recorded_by').notNull(),
});

export const trainingParticipants = sqliteTable(
  'training_participants',
  {
    trainingId: integer('training_id')
      .notNull()
      .references(() => policeTrainings.id, { onDelete: 'cascade' }),
    organization: text('organization').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.trainingId, t.organization] })],
);

export const bulletins = sqliteTable('bulletins', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  body: text('body').notNull(),
  topic: text('topic').notNull(),
  issuedOn: text('issued_on').notNull(),
  /** JSON array of organization ids; empty for every organization. */
  audience: text('audience').notNull(),
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  recordedBy: text('recorded_by').notNull(),
});

/** Reintegration cases: the identity and criminal history only ever stored encrypted (person_sealed). */
export const reintegrationCases = sqliteTable('reintegration_cases', {
  id: text('id').primaryKey(),
  communeId: text('commune_id').notNull(),
  returnedOn: text('returned_on').notNull(),
  kind: text('kind').notNull(),
  personSealed: text('person_sealed').notNull(),
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  recordedBy: text('recorded_by').notNull(),
});
