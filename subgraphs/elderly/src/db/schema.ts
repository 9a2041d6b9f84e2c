/** The tables of the elderly association database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '@antt/duties/tables';

export { activities, activityRevisions, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, mediationTeams, mediationCases, atRiskSupports, tipHandovers } from '@antt/duties/tables';

/**
 * Family pledges that no member will break the law (gia đình cam kết không có người vi phạm pháp luật),
 * the elderly members' way of keeping their descendants from crime: families signing, per residential area.
 */
export const elderlyFamilyPledges = sqliteTable(
  'elderly_family_pledges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    signedOn: text('signed_on').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    familiesSigned: integer('families_signed').notNull(),
    familiesTotal: integer('families_total').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('elderly_family_pledges_unit_date_idx').on(t.unitId, t.signedOn)],
);
