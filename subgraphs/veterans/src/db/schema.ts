/** The tables of the veterans database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '@antt/duties/tables';

export { activities, activityRevisions, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, mediationTeams, mediationCases, atRiskSupports, tipHandovers } from '@antt/duties/tables';

/** Patrols and guard duty veterans took part in (tuần tra, canh gác). */
export const veteransPatrols = sqliteTable(
  'veterans_patrols',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    team: text('team').notNull(),
    members: integer('members').notNull(),
    incidentsFound: integer('incidents_found').notNull(),
    findings: text('findings'),
    /** Matters handed to the police after the patrol (counted; the receipts are kept as tip handovers). */
    handedToPolice: integer('handed_to_police').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('veterans_patrols_unit_date_idx').on(t.unitId, t.date)],
);

/** Forums condemning law-breaking (diễn đàn lên án hành vi vi phạm pháp luật). */
export const veteransCondemnationForums = sqliteTable(
  'veterans_condemnation_forums',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    topic: text('topic').notNull(),
    attendance: integer('attendance').notNull(),
    /** Commitments not to break the law signed at the forum. */
    pledges: integer('pledges').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('veterans_condemnation_forums_unit_date_idx').on(t.unitId, t.date)],
);
