/**
 * The reintegration part of a member organization's schema, generated per organization: each keeps its
 * own `<P>ReintegrationSupport` records and its own `reintegration` figures on `<P>UnitRecords`, so
 * that the query planner never answers one organization's figures from another's subgraph.
 */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { REINTEGRATION_OUTCOMES, REINTEGRATION_SUPPORTER_KINDS, enumSdl } from '../catalogues.js';
import { BASIS_FIELD_SDL, FIGURES_ARG_SDL, RECORD_PAGE_MAX } from '@antt/subgraph-kit';

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

  "Number of cases supported by one kind of supporter."
  type ReintegrationSupporterCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Mentor or inter-household group."
    kind: ReintegrationSupporterKind!
    "Distinct cases supported at some time in the period by this kind of supporter; for anyone but the organization's staff, shown where the audited disclosure pattern shows it and null elsewhere (a small count, or a figure that would let a hidden one be worked out by subtraction)."
    cases: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
  }

  "Number of supports that ended with one outcome."
  type ReintegrationOutcomeCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The outcome."
    outcome: ReintegrationOutcome!
    "Supports that ended so in the period; null when small (under the disclosure threshold) and you are not the organization's staff."
    count: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
  }

  "An organization's reintegration support in a unit and period, in counts only: never a name; a small count of cases (under the disclosure threshold) is null for anyone but the organization's own staff, so that it cannot point to a person."
  type ReintegrationSupportSummary @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Distinct cases the organization supported at some time in the period (support began before the period ended and had not ended before it began); for anyone but the organization's staff, shown where the audited disclosure pattern shows it and null elsewhere."
    casesSupported: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
    "Supports assigned in the period (phân công mới)."
    newAssignments: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
    "Cases supported in the period, by mentor or inter-household group."
    supporters: [ReintegrationSupporterCount!]!
    "Visits made in the period (lượt thăm, giúp đỡ); null when small (under the disclosure threshold) and you are not the organization's staff."
    visits: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
    "Visits in the period that gave each kind of help."
    help: [HelpKindCount!]!
    "Supports that ended in the period, by outcome."
    outcomes: [ReintegrationOutcomeCount!]!
    ${BASIS_FIELD_SDL}
  }
`;

/** What the kinds do not generate: the case entity reference, the summary, and the named follow-up mutations. */
export function reintegrationSdl(org: OrganizationId): string {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  return `
  extend type ${P}ReintegrationSupport {
    "The case, by its pseudonymous id; the police subgraph answers for the rest, to those it allows."
    case: ReintegrationCase!
  }

  "A visit to record on a support: the day and the help given, never the person's name."
  input ${P}ReintegrationVisitInput {
    "Day of the visit; not before the support was assigned, not after it ended."
    visitedOn: Date!
    "Help given; empty for a visit of encouragement only."
    help: [HelpKind!]!
    "Free-text note, without the person's name."
    note: String
  }

  extend type ${P}UnitRecords {
    "Reintegration support in the period, in counts; never a name (current versions, voided records excluded)."
    reintegration("Period id." periodId: ID!, "What the graph held at this instant (asRecordedAt); default now." asRecordedAt: DateTime, ${FIGURES_ARG_SDL}): ReintegrationSupportSummary @dataClass(class: PUBLIC_AGGREGATE)
    "Supports assigned in the period, newest first (staff of the organization and leadership)."
    reintegrationSupports("Assigned in this period." periodId: ID, "Page size, 1 to ${RECORD_PAGE_MAX}." first: Int = 50, "Cursor from the previous page." after: String): ${P}ReintegrationSupportConnection!
  }

  extend type Mutation {
    "Record a visit to a person the ${o.nameEn} supports, and the help given (staff, in their jurisdiction); returns the support."
    record${P}ReintegrationVisit("Support id." supportId: ID!, "The visit." input: ${P}ReintegrationVisitInput!): ${P}ReintegrationSupport
    "Record how a support ended (once; a later change is a correction with its reason)."
    record${P}ReintegrationOutcome("Support id." supportId: ID!, "The outcome." outcome: ReintegrationOutcome!, "Day of the outcome." on: Date!): ${P}ReintegrationSupport
  }
`;
}
