/**
 * The mediation part of a member organization's schema, generated per organization. Each case type is
 * an entity named `<P>MediationCase` (VeteransMediationCase, FarmersMediationCase, ElderlyMediationCase),
 * so that a police hotspot can point to the mediation that handled it through a union of stubs.
 */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { MEDIATION_CATEGORIES, MEDIATION_RESULTS, enumSdl } from '../catalogues.js';
import { MAX_PAGE } from '../common/records.js';

export const sharedMediationSdl = `
  ${enumSdl('MediationCategory', 'What a matter brought to mediation is about (loại vụ việc). The values marked excluded are the matters Article 3(1) of Law 35/2013/QH13 on grassroots mediation excludes: recording one is refused with an error that says so.', MEDIATION_CATEGORIES)}

  ${enumSdl('MediationResult', 'Result of a mediation (kết quả hòa giải).', MEDIATION_RESULTS)}

  "Number of matters of one category."
  type MediationCategoryCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The category."
    category: MediationCategory!
    "Matters received in the period."
    count: Int!
  }

  "Number of matters with one result."
  type MediationResultCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The result (PENDING: not yet)."
    result: MediationResult!
    "Matters received in the period that have this result now."
    count: Int!
  }

  "An organization's grassroots mediation in a unit and period, in counts (hòa giải ở cơ sở)."
  type MediationSummary @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Mediation teams the organization's members sit on, active on the period's last day."
    teams: Int!
    "Mediators on those teams (hòa giải viên)."
    mediators: Int!
    "Of them, members of this organization."
    ourMembers: Int!
    "Matters received in the period (vụ việc tiếp nhận)."
    received: Int!
    "Parties to those matters, counted, never named."
    parties: Int!
    "Matters received in the period, by category (the excluded categories are never recorded)."
    byCategory: [MediationCategoryCount!]!
    "Matters received in the period, by their result now."
    byResult: [MediationResultCount!]!
  }
`;

export function mediationSdl(org: OrganizationId): string {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const who = `${o.nameEn} (${o.nameVi})`;
  return `
  "A grassroots mediation team (tổ hòa giải) of a residential area on which members of the ${who} sit, with members of other organizations."
  type ${P}MediationTeam @key(fields: "id") {
    "Id, unique within the ${o.nameEn}."
    id: ID!
    "The residential area it serves (thôn, bản, tổ dân phố)."
    area: Unit!
    "Name, e.g. Tổ hòa giải bản Nà Sản."
    name: String!
    "Day it was formed (ngày thành lập)."
    formedOn: Date!
    "Mediators on the team (hòa giải viên)."
    mediators: Int!
    "Of them, women."
    womenMediators: Int!
    "Of them, members of the ${o.nameEn}."
    ourMembers: Int!
    "Other organizations with members on the team."
    partnerOrganizations: [Organization!]!
    "The team leader (tổ trưởng)."
    leaderName: String
    "Day it was dissolved; null while active."
    dissolvedOn: Date
    "Whether it has at least 3 mediators, at least one of them a woman, as Article 12 of Law 35/2013/QH13 is commonly cited (not checked against the official text)."
    meetsTeamComposition: Boolean!
    "Matters it has mediated, recorded by the ${o.nameEn}."
    caseCount: Int!
    "When it was recorded."
    recordedAt: DateTime!
    "True for generated demo data."
    demo: Boolean!
  }

  "A matter mediated by a team with members of the ${who}: category, parties counted, result."
  type ${P}MediationCase @key(fields: "id") {
    "Id, unique within the ${o.nameEn}."
    id: ID!
    "The team that mediates it."
    team: ${P}MediationTeam!
    "The residential area where it arose."
    unit: Unit!
    "Day it was received (ngày tiếp nhận)."
    receivedOn: Date!
    "What it is about."
    category: MediationCategory!
    "Number of parties (số bên), never their names."
    parties: Int!
    "Summary without names."
    summary: String
    "Result so far."
    result: MediationResult!
    "Day of the result."
    resultOn: Date
    "For TRANSFERRED: the authority it went to."
    transferredTo: String
    "The police hotspot this mediation handled, if any (its id in the police subgraph)."
    hotspotId: ID
    "When it was recorded."
    recordedAt: DateTime!
    "True for generated demo data."
    demo: Boolean!
  }

  "A page of the ${o.nameEn}'s mediation teams, newest first."
  type ${P}MediationTeamConnection {
    "The teams on this page."
    nodes: [${P}MediationTeam!]!
    "How many match the filter in all."
    totalCount: Int!
    "Where this page ends."
    pageInfo: PageInfo!
  }

  "A page of the matters mediated, newest first."
  type ${P}MediationCaseConnection {
    "The matters on this page."
    nodes: [${P}MediationCase!]!
    "How many match the filter in all."
    totalCount: Int!
    "Where this page ends."
    pageInfo: PageInfo!
  }

  "A mediation team to register."
  input Register${P}MediationTeamInput {
    "The residential area it serves, valid on the day it was formed."
    areaId: ID!
    "Name."
    name: String!
    "Day it was formed; not in the future."
    formedOn: Date!
    "Mediators, 1 to 100."
    mediators: Int!
    "Of them, women."
    womenMediators: Int!
    "Of them, members of the ${o.nameEn}."
    ourMembers: Int!
    "Other organizations with members on the team, e.g. front, women."
    partnerOrganizationIds: [ID!]
    "The team leader."
    leaderName: String
  }

  "A matter to record. Matters the law excludes from mediation are refused."
  input Record${P}MediationCaseInput {
    "The team that mediates it."
    teamId: ID!
    "Day it was received; not in the future, not before the team was formed."
    receivedOn: Date!
    "What it is about; an excluded category is refused (Article 3 of Law 35/2013/QH13)."
    category: MediationCategory!
    "Number of parties, 2 or more."
    parties: Int!
    "Summary without names."
    summary: String
    "The police hotspot it handles, if the police listed one (the id reportHotspot returned)."
    hotspotId: ID
  }

  extend type ${P}UnitRecords {
    "Grassroots mediation in the period, in counts (hòa giải ở cơ sở)."
    mediation("Period id." periodId: ID!): MediationSummary! @dataClass(class: PUBLIC_AGGREGATE)
    "The matters mediated, newest first (staff of the organization and leadership)."
    mediationCases("Received in this period." periodId: ID, "Page size, 1 to ${MAX_PAGE}." first: Int = 50, "Cursor from the previous page." after: String): ${P}MediationCaseConnection!
  }

  extend type Query {
    "The mediation teams the ${o.nameEn}'s members sit on, in a unit and below it (default: your jurisdiction)."
    ${org}MediationTeams("Unit id; default: your jurisdiction." unitId: ID, "Formed in this period." periodId: ID, "Page size, 1 to ${MAX_PAGE}." first: Int = 50, "Cursor from the previous page." after: String): ${P}MediationTeamConnection!
    "The matters mediated with the ${o.nameEn}, in a unit and below it (default: your jurisdiction), newest first."
    ${org}MediationCases("Unit id; default: your jurisdiction." unitId: ID, "Received in this period." periodId: ID, "Page size, 1 to ${MAX_PAGE}." first: Int = 50, "Cursor from the previous page." after: String): ${P}MediationCaseConnection!
    "One matter mediated with the ${o.nameEn}; null if it does not exist or is not yours to see."
    ${org}MediationCase("Case id." id: ID!): ${P}MediationCase
  }

  extend type Mutation {
    "Register a mediation team on which the ${o.nameEn}'s members sit (staff, in their jurisdiction)."
    register${P}MediationTeam("The team." input: Register${P}MediationTeamInput!): ${P}MediationTeam
    "Record a matter received for mediation; one the law excludes (a crime, an administrative violation...) is refused with an error that says so, and nothing is written."
    record${P}MediationCase("The matter." input: Record${P}MediationCaseInput!): ${P}MediationCase
    "Record the result of a mediation; it cannot be changed afterwards."
    record${P}MediationResult("Case id." caseId: ID!, "Settled, not settled or transferred." result: MediationResult!, "Day of the result." on: Date!, "For TRANSFERRED: the authority it went to." transferredTo: String): ${P}MediationCase
  }
`;
}
