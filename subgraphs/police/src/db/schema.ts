/** The tables of the police database: the shared ones (activities), then the police's own. */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { kindTable } from '@antt/subgraph-kit';
import * as kinds from '../kinds/index.js';
import * as standard from '../kinds/standard.js';

export { activities, auditLog, meta } from '@antt/subgraph-kit/tables';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** The register of agencies, enterprises and schools (the PoliceEstablishment kind). */
export const establishments = kindTable(standard.establishments.spec);

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

/** Each subject's yearly cycle for the standard (the PoliceStandardAssessment kind): one per subject and year. */
export const standardAssessments = kindTable(standard.standardAssessments.spec);

/** Each criterion's result in a self-assessment (the PoliceCriterionResult kind), a child of its assessment. */
export const criterionResults = kindTable(standard.criterionResults.spec);

/** Crime reports and tips (the PoliceCrimeTip kind). The reporter's identity is only ever stored sealed (reporter_sealed). */
export const crimeTips = kindTable(kinds.crimeTips.spec);

/**
 * The status history of tips kept before versions: a tip recorded since has its steps as versions. Kept
 * read-only for those tips (tip_id is their record id), without a foreign key to crime_tips.
 */
export const tipStatusHistory = sqliteTable(
  'tip_status_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tipId: integer('tip_id').notNull(),
    status: text('status').notNull(),
    at: text('at').notNull(),
    note: text('note'),
    by: text('by').notNull(),
  },
  (t) => [index('tip_status_history_tip_idx').on(t.tipId)],
);

/**
 * Every read of a protected identity: who, when, which record, why. Append-only and hash-chained like
 * the audit trail: the database chains each row as it is inserted and refuses UPDATE and DELETE
 * (protectChainedTables in @antt/audit, at every open), so prev_hash and hash are never written by code.
 */
export const identityReads = sqliteTable('identity_reads', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  recordKind: text('record_kind').notNull(),
  recordId: text('record_id').notNull(),
  userId: text('user_id').notNull(),
  organization: text('organization').notNull(),
  reason: text('reason').notNull(),
  at: text('at').notNull().default(now),
  prevHash: text('prev_hash'),
  hash: text('hash'),
});

export const hotspots = kindTable(kinds.hotspots.spec);

export const keyAreas = kindTable(kinds.keyAreas.spec);

/** The plan's model units: reference data the plan itself names (Chiềng Pha, Chiềng Lề), not records of the police's work. */
export const modelUnits = sqliteTable(
  'model_units',
  {
    unitId: text('unit_id').notNull(),
    kind: text('kind').notNull(),
    since: text('since').notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.kind] })],
);

export const coreForces = kindTable(kinds.coreForces.spec);

/** Trainings, their participants per organization folded in (participants, JSON). */
export const policeTrainings = kindTable(kinds.trainings.spec);

export const bulletins = kindTable(kinds.bulletins.spec);

/** Reintegration cases: the identity and criminal history only ever stored sealed (person_sealed). */
export const reintegrationCases = kindTable(kinds.reintegrationCases.spec);

/** The steering committees the police keep as their standing agency (src/kinds/steering.ts): consolidations, members by date, meetings, decisions. */
export const steeringConsolidations = kindTable(kinds.steeringConsolidations.spec);
export const steeringMembers = kindTable(kinds.steeringMembers.spec);
export const steeringMeetings = kindTable(kinds.steeringMeetings.spec);
export const steeringDecisions = kindTable(kinds.steeringDecisions.spec);
