/** The tables of the farmers' association database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '@antt/duties/tables';

export { activities, activityRevisions, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, mediationTeams, mediationCases, atRiskSupports, tipHandovers } from '@antt/duties/tables';

/** The close-out of Plan 447/KH-CAT-HND (2017-2021) with the police: each target and what was achieved. */
export const farmersPlan447Results = sqliteTable(
  'farmers_plan447_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportedOn: text('reported_on').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    indicator: text('indicator').notNull(),
    unitOfMeasure: text('unit_of_measure').notNull(),
    target: real('target').notNull(),
    achieved: real('achieved').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('farmers_plan447_results_unit_date_idx').on(t.unitId, t.reportedOn)],
);

/** Campaigns among members (cuộc vận động hội viên): not breaking the law, denouncing crime... */
export const farmersCampaigns = sqliteTable(
  'farmers_campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startedOn: text('started_on').notNull(),
    endedOn: text('ended_on'),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    name: text('name').notNull(),
    membersReached: integer('members_reached').notNull(),
    pledgesSigned: integer('pledges_signed').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('farmers_campaigns_unit_date_idx').on(t.unitId, t.startedOn)],
);
