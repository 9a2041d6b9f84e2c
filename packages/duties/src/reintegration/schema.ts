/**
 * The reintegration part of a member organization's schema, generated per organization: each keeps its
 * own `<P>ReintegrationSupport` records and its own `reintegration` figures on `<P>UnitRecords`, so
 * that the query planner never answers one organization's figures from another's subgraph.
 */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { REINTEGRATION_OUTCOMES, REINTEGRATION_SUPPORTER_KINDS, enumSdl } from '../catalogues.js';
import { MAX_PAGE } from '../common/records.js';

/** Types every member organization declares alike (value types, so @shareable); the case itself is the police's. */
export const sharedReintegrationSdl = `
  """
  A person reintegrating after prison, known outside the police only by a pseudonymous case id and the
  commune (hồ sơ tái hòa nhập cộng đồng). Identity and criminal history are sensitive personal data
  and never leave the police subgraph.
  """
  type ReintegrationCase @key(fields: "id", resolvable: false) {
    "Pseudonymous case id (mã hồ sơ), e.g. TH-0001."
    id: ID!
  }

  ${enumSdl('ReintegrationSupporterKind', 'Who carries out the support of a reintegration case (hình thức giúp đỡ).', REINTEGRATION_SUPPORTER_KINDS)}

  ${enumSdl('ReintegrationOutcome', 'How a supported reintegration ended (kết quả giúp đỡ).', REINTEGRATION_OUTCOMES)}

  "One visit to a person being supported, and the help given (lần thăm, giúp đỡ)."
  type ReintegrationVisit @shareable {
    "Day of the visit."
    visitedOn: Date!
    "Help given on that visit; empty for a visit of encouragement only."
    help: [HelpKind!]!
    "Free-text note, without the person's name."
    note: String
  }

  "Number of cases supported by one kind of supporter."
  type ReintegrationSupporterCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Mentor or inter-household group."
    kind: ReintegrationSupporterKind!
    "Distinct cases; null when 1 to 4 and you are not the organization's staff."
    cases: Int @dataClass(class: PUBLIC_AGGREGATE, suppressBelow: 5)
  }

  "Number of supports that ended with one outcome."
  type ReintegrationOutcomeCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The outcome."
    outcome: ReintegrationOutcome!
    "Supports that ended so in the period; null when 1 to 4 and you are not the organization's staff."
    count: Int @dataClass(class: PUBLIC_AGGREGATE, suppressBelow: 5)
  }

  "An organization's reintegration support in a unit and period, in counts only: never a name; a count of cases from 1 to 4 is null for anyone but the organization's own staff, so that it cannot point to a person."
  type ReintegrationSupportSummary @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Distinct cases the organization supported at some time in the period (support began before the period ended and had not ended before it began)."
    casesSupported: Int @dataClass(class: PUBLIC_AGGREGATE, suppressBelow: 5)
    "Supports assigned in the period (phân công mới)."
    newAssignments: Int @dataClass(class: PUBLIC_AGGREGATE, suppressBelow: 5)
    "Cases supported in the period, by mentor or inter-household group."
    supporters: [ReintegrationSupporterCount!]!
    "Visits made in the period (lượt thăm, giúp đỡ)."
    visits: Int!
    "Visits in the period that gave each kind of help."
    help: [HelpKindCount!]!
    "Supports that ended in the period, by outcome."
    outcomes: [ReintegrationOutcomeCount!]!
  }
`;

export function reintegrationSdl(org: OrganizationId): string {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const who = `${o.nameEn} (${o.nameVi})`;
  return `
  """
  Support the ${who} gives to a person reintegrating after a prison sentence: the mentor or
  inter-household group assigned, visits, help given, outcome. The person is known here only by the
  police's pseudonymous case id and the commune.
  """
  type ${P}ReintegrationSupport @key(fields: "id") {
    "Id, unique within the ${o.nameEn}."
    id: ID!
    "The case, by its pseudonymous id; the police subgraph answers for the rest, to those it allows."
    case: ReintegrationCase!
    "Commune where the person lives, as the commune was when support was assigned."
    commune: Unit!
    "The organization's branch that gives the support."
    branch: Branch!
    "Day the support was assigned (ngày phân công)."
    assignedOn: Date!
    "Mentor or inter-household group."
    supporterKind: ReintegrationSupporterKind!
    "The member assigned as mentor: personal data of a member, shown to the ${o.nameEn}'s own staff only (null for anyone else)."
    mentorName: String
    "The self-managed inter-household group assigned (Nhóm liên gia tự quản)."
    groupName: String
    "Visits and help given, oldest first."
    visits: [ReintegrationVisit!]!
    "How the support ended; null while it goes on."
    outcome: ReintegrationOutcome
    "Day the outcome was recorded."
    outcomeOn: Date
    "Free-text note, without the person's name."
    note: String
    "When it was recorded."
    recordedAt: DateTime!
    "True for generated demo data."
    demo: Boolean!
  }

  "A page of the ${o.nameEn}'s reintegration supports, newest assignment first."
  type ${P}ReintegrationSupportConnection {
    "The supports on this page."
    nodes: [${P}ReintegrationSupport!]!
    "How many match the filter in all."
    totalCount: Int!
    "Where this page ends."
    pageInfo: PageInfo!
  }

  "Support to assign: the police give the pseudonymous case id and the commune; no name is ever entered."
  input Assign${P}ReintegrationSupportInput {
    "Pseudonymous case id from the commune police, e.g. DEMO-TH-0001 (capital letters, digits, hyphens)."
    caseId: ID!
    "Commune where the person lives, valid on the day of assignment."
    communeId: ID!
    "Day the support is assigned; not in the future."
    assignedOn: Date!
    "Mentor or inter-household group."
    supporterKind: ReintegrationSupporterKind!
    "The member assigned as mentor (required for MENTOR)."
    mentorName: String
    "The inter-household group assigned (required for INTER_HOUSEHOLD_GROUP)."
    groupName: String
    "Free-text note, without the person's name."
    note: String
  }

  "A visit to record."
  input Record${P}ReintegrationVisitInput {
    "Day of the visit: not before the assignment, not in the future."
    visitedOn: Date!
    "Help given; empty for a visit of encouragement only."
    help: [HelpKind!]!
    "Free-text note, without the person's name."
    note: String
  }

  extend type ${P}UnitRecords {
    "Reintegration support in the period, in counts (tái hòa nhập cộng đồng)."
    reintegration("Period id, e.g. 2021-PLAN-Y." periodId: ID!): ReintegrationSupportSummary! @dataClass(class: PUBLIC_AGGREGATE)
    "The supports themselves, newest assignment first (staff of the organization and leadership)."
    reintegrationSupports("Assigned in this period." periodId: ID, "Page size, 1 to ${MAX_PAGE}." first: Int = 50, "Cursor from the previous page." after: String): ${P}ReintegrationSupportConnection!
  }

  extend type Query {
    "The ${o.nameEn}'s reintegration supports in a unit and below it (default: your jurisdiction), newest assignment first."
    ${org}ReintegrationSupports("Unit id; default: your jurisdiction." unitId: ID, "Assigned in this period." periodId: ID, "Only the supports of this case." caseId: ID, "Page size, 1 to ${MAX_PAGE}." first: Int = 50, "Cursor from the previous page." after: String): ${P}ReintegrationSupportConnection!
    "One reintegration support of the ${o.nameEn}; null if it does not exist or is not yours to see."
    ${org}ReintegrationSupport("Support id." id: ID!): ${P}ReintegrationSupport
  }

  extend type Mutation {
    "Assign a mentor or an inter-household group of the ${o.nameEn} to a reintegration case (staff, in their jurisdiction)."
    assign${P}ReintegrationSupport("The assignment." input: Assign${P}ReintegrationSupportInput!): ${P}ReintegrationSupport
    "Record a visit and the help given."
    record${P}ReintegrationVisit("Support id." supportId: ID!, "The visit." input: Record${P}ReintegrationVisitInput!): ${P}ReintegrationSupport
    "Record how the support ended; it cannot be changed afterwards."
    record${P}ReintegrationOutcome("Support id." supportId: ID!, "The outcome." outcome: ReintegrationOutcome!, "Day it was recorded." on: Date!): ${P}ReintegrationSupport
  }
`;
}
