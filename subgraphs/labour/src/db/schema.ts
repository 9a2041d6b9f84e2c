/** The tables of the labour federation's database: the shared ones (activities), then its own. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '@antt/duties/tables';

export { activities, activityRevisions, auditLog, meta } from '@antt/subgraph-kit/tables';

/**
 * Establishments taking part, year by year, in the movement "Công nhân, viên chức, người lao động tham
 * gia phòng, chống tội phạm và tệ nạn xã hội". The establishment is the police register's (its id); its
 * safety standard results are the police's and are reached through the graph.
 */
export const labourParticipations = sqliteTable(
  'labour_participations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    establishmentId: text('establishment_id').notNull(),
    year: integer('year').notNull(),
    registeredOn: text('registered_on').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    industrialZone: text('industrial_zone'),
    workers: integer('workers').notNull(),
    pledgeSigned: integer('pledge_signed', { mode: 'boolean' }).notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('labour_participations_unit_date_idx').on(t.unitId, t.registeredOn), uniqueIndex('labour_participations_establishment_year_idx').on(t.establishmentId, t.year)],
);

/** Core teams of workers in enterprises (tổ, đội nòng cốt công nhân). */
export const labourCoreTeams = sqliteTable(
  'labour_core_teams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    establishmentId: text('establishment_id').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    name: text('name').notNull(),
    foundedOn: text('founded_on').notNull(),
    members: integer('members').notNull(),
    dissolvedOn: text('dissolved_on'),
    ...bookkeeping(),
  },
  (t) => [index('labour_core_teams_unit_date_idx').on(t.unitId, t.foundedOn)],
);

/** Worker boarding houses (khu nhà trọ công nhân), which the police register does not list. */
export const labourBoardingHouses = sqliteTable(
  'labour_boarding_houses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    registeredOn: text('registered_on').notNull(),
    rooms: integer('rooms').notNull(),
    workersLiving: integer('workers_living').notNull(),
    ...bookkeeping(),
  },
  (t) => [index('labour_boarding_houses_unit_date_idx').on(t.unitId, t.registeredOn)],
);

/** Safety checks of boarding houses; a house's status on a day is that of its latest check by then. */
export const labourBoardingHouseChecks = sqliteTable(
  'labour_boarding_house_checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    houseId: integer('house_id')
      .notNull()
      .references(() => labourBoardingHouses.id, { onDelete: 'restrict' }),
    checkedOn: text('checked_on').notNull(),
    status: text('status').notNull(),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('labour_boarding_house_checks_house_idx').on(t.houseId, t.checkedOn)],
);

/** Labour disputes and strikes, and the police hotspot each was reported as. */
export const labourDisputes = sqliteTable(
  'labour_disputes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    establishmentId: text('establishment_id'),
    unitId: text('unit_id').notNull(),
    branchId: text('branch_id').notNull(),
    startedOn: text('started_on').notNull(),
    kind: text('kind').notNull(),
    cause: text('cause').notNull(),
    workersInvolved: integer('workers_involved').notNull(),
    /** The id the police's reportHotspot returned. */
    hotspotId: text('hotspot_id'),
    resolvedOn: text('resolved_on'),
    note: text('note'),
    ...bookkeeping(),
  },
  (t) => [index('labour_disputes_unit_date_idx').on(t.unitId, t.startedOn)],
);
