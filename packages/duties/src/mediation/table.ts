/**
 * Grassroots mediation (hòa giải ở cơ sở, Law 35/2013/QH13): the teams a member organization's members
 * sit on, and the matters they mediated. Parties are counted, never named.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookkeeping } from '../common/columns.js';

export const mediationTeams = sqliteTable(
  'mediation_teams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The residential area the team serves (tổ hòa giải ở thôn, bản, tổ dân phố). */
    areaId: text('area_id').notNull(),
    name: text('name').notNull(),
    formedOn: text('formed_on').notNull(),
    mediators: integer('mediators').notNull(),
    womenMediators: integer('women_mediators').notNull(),
    /** How many of the mediators are members of this organization. */
    ourMembers: integer('our_members').notNull(),
    /** Other organizations with members on the team, as a JSON array of organization ids. */
    partnerOrganizations: text('partner_organizations').notNull(),
    leaderName: text('leader_name'),
    dissolvedOn: text('dissolved_on'),
    ...bookkeeping(),
  },
  (t) => [index('mediation_teams_area_idx').on(t.areaId, t.formedOn)],
);

export const mediationCases = sqliteTable(
  'mediation_cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => mediationTeams.id, { onDelete: 'restrict' }),
    /** The team's area, kept on the case so that every query is filtered by unit without a join. */
    unitId: text('unit_id').notNull(),
    receivedOn: text('received_on').notNull(),
    category: text('category').notNull(),
    parties: integer('parties').notNull(),
    summary: text('summary'),
    result: text('result').notNull().default('PENDING'),
    resultOn: text('result_on'),
    transferredTo: text('transferred_to'),
    /** The police hotspot this mediation handled, when there is one (its id in the police subgraph). */
    hotspotId: text('hotspot_id'),
    ...bookkeeping(),
  },
  (t) => [index('mediation_cases_unit_date_idx').on(t.unitId, t.receivedOn), index('mediation_cases_team_idx').on(t.teamId)],
);
