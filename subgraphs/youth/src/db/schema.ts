/** The tables of the youth union database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '@antt/duties/tables';

export { activities, activityRevisions, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, atRiskSupports } from '@antt/duties/tables';

/** Legal education sessions for young people (tuyên truyền, giáo dục pháp luật cho thanh thiếu niên). */
export const youthLegalSessions = sqliteTable(
  'youth_legal_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    topic: text('topic').notNull(),
    setting: text('setting').notNull(),
    youthReached: integer('youth_reached').notNull(),
    /** Counts for the project "Phòng, chống ma túy trong thanh thiếu niên" 2021-2030. */
    drugPrevention: integer('drug_prevention', { mode: 'boolean' }).notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('youth_legal_sessions_unit_date_idx').on(t.unitId, t.date)],
);

/** Youth forums on crime prevention (diễn đàn thanh niên với phòng, chống tội phạm). */
export const youthCrimeForums = sqliteTable(
  'youth_forums',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    topic: text('topic').notNull(),
    attendance: integer('attendance').notNull(),
    /** Proposals and opinions young people raised. */
    proposals: integer('proposals').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('youth_forums_unit_date_idx').on(t.unitId, t.date)],
);

/** Clubs and volunteer teams: drug-prevention clubs, volunteer teams, youth volunteer patrol teams. */
export const youthTeams = sqliteTable(
  'youth_teams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    foundedOn: text('founded_on').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    members: integer('members').notNull(),
    dissolvedOn: text('dissolved_on'),
    ...bookkeeping(),
  },
  (t) => [index('youth_teams_unit_date_idx').on(t.unitId, t.foundedOn)],
);
