/**
 * The mediation part of a member organization's schema, generated per organization. Each case type is
 * an entity named `<P>MediationCase` (VeteransMediationCase, FarmersMediationCase, ElderlyMediationCase),
 * so that a police hotspot can point to the mediation that handled it through a union of stubs.
 */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { MEDIATION_CATEGORIES, MEDIATION_RESULTS, enumSdl } from '../catalogues.js';
import { BASIS_FIELD_SDL, FIGURES_ARG_SDL, RECORD_PAGE_MAX } from '@antt/subgraph-kit';

export const sharedMediationSdl = `
  ${enumSdl('MediationCategory', 'What a matter brought to mediation is about (loại vụ việc). The values marked excluded are the matters Article 3(1) of Law 35/2013/QH13 on grassroots mediation excludes: recording one is refused with an error that says so.', MEDIATION_CATEGORIES)}

  ${enumSdl('MediationResult', 'Result of a mediation (kết quả hòa giải).', MEDIATION_RESULTS)}

  "Number of matters of one category."
  type MediationCategoryCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The category."
    category: MediationCategory!
    "Matters received in the period; null when small (under the disclosure threshold) and you are not the organization's staff."
    count: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
  }

  "Number of matters with one result."
  type MediationResultCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The result (PENDING: not yet)."
    result: MediationResult!
    "Matters received in the period that have this result now; null when small (under the disclosure threshold) and you are not the organization's staff."
    count: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
  }

  "An organization's grassroots mediation in a unit and period, in counts (hòa giải ở cơ sở)."
  type MediationSummary @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Mediation teams the organization's members sit on, active on the period's last day."
    teams: Int!
    "Mediators on those teams (hòa giải viên)."
    mediators: Int!
    "Of them, members of this organization."
    ourMembers: Int!
    "Matters received in the period (vụ việc tiếp nhận); null when small (under the disclosure threshold) and you are not the organization's staff."
    received: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
    "Parties to those matters, counted, never named; null when small (under the disclosure threshold) and you are not the organization's staff."
    parties: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
    "Matters received in the period, by category (the excluded categories are never recorded)."
    byCategory: [MediationCategoryCount!]!
    "Matters received in the period, by their result now."
    byResult: [MediationResultCount!]!
    ${BASIS_FIELD_SDL}
  }
`;

/** What the kinds do not generate: the team's partners and figures, the summary, and the result as a named mutation. */
export function mediationSdl(org: OrganizationId): string {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  return `
  extend type ${P}MediationTeam {
    "Other organizations with members on the team."
    partnerOrganizations: [Organization!]!
    "Whether it has at least 3 mediators, at least one of them a woman, as Article 12 of Law 35/2013/QH13 is commonly cited (not checked against the official text)."
    meetsTeamComposition: Boolean!
    "Matters it has mediated, recorded by the ${o.nameEn} (current, not voided)."
    caseCount: Int!
  }

  extend type ${P}UnitRecords {
    "Grassroots mediation in the period, in counts (hòa giải ở cơ sở; current versions, voided records excluded)."
    mediation("Period id." periodId: ID!, "What the graph held at this instant (asRecordedAt); default now." asRecordedAt: DateTime, ${FIGURES_ARG_SDL}): MediationSummary @dataClass(class: PUBLIC_AGGREGATE)
    "The matters mediated, newest first (staff of the organization and leadership)."
    mediationCases("Received in this period." periodId: ID, "Page size, 1 to ${RECORD_PAGE_MAX}." first: Int = 50, "Cursor from the previous page." after: String): ${P}MediationCaseConnection!
  }

  extend type Mutation {
    "Record the result of a mediation (once; a later change is a correction with its reason)."
    record${P}MediationResult("Case id." caseId: ID!, "Settled, not settled or transferred." result: MediationResult!, "Day of the result." on: Date!, "For TRANSFERRED: the authority it went to." transferredTo: String): ${P}MediationCase
  }
`;
}
