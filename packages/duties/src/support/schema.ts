/** The part of a member organization's schema for help to people at risk and people who erred, per organization. */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { SUPPORTED_GROUPS, enumSdl } from '../catalogues.js';
import { MAX_PAGE } from '../common/records.js';

export const sharedAtRiskSupportSdl = `
  ${enumSdl('SupportedGroup', 'Whom help for people at risk goes to (đối tượng được giúp đỡ).', SUPPORTED_GROUPS)}

  "Help given to one group."
  type SupportedGroupCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The group."
    group: SupportedGroup!
    "Records of help given in the period."
    records: Int!
    "People helped (counted, never named)."
    people: Int!
  }

  "An organization's help for people at risk and people who erred in a unit and period, in counts."
  type AtRiskSupportSummary @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Records of help given in the period."
    records: Int!
    "People helped in the period (a person helped twice counts twice)."
    peopleHelped: Int!
    "By group."
    byGroup: [SupportedGroupCount!]!
    "Records that gave each kind of help."
    help: [HelpKindCount!]!
  }
`;

export function atRiskSupportSdl(org: OrganizationId): string {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const who = `${o.nameEn} (${o.nameVi})`;
  return `
  "Help the ${who} gave to people at risk of offending or to people who erred (giúp đỡ người có nguy cơ, người lầm lỗi): what, to how many, by whom. The people are counted, never named."
  type ${P}AtRiskSupport @key(fields: "id") {
    "Id, unique within the ${o.nameEn}."
    id: ID!
    "Day it was given."
    date: Date!
    "Commune or residential area, as it was on that day."
    unit: Unit!
    "The organization's branch that answers for it."
    branch: Branch!
    "Whom it went to."
    supportedGroup: SupportedGroup!
    "What was given."
    help: [HelpKind!]!
    "How many people were helped."
    peopleHelped: Int!
    "Who gave it: a branch, a member, a partner (giúp đỡ bởi ai)."
    givenBy: String!
    "Free-text note, without the names of the people helped."
    note: String
    "When it was recorded."
    recordedAt: DateTime!
    "True for generated demo data."
    demo: Boolean!
  }

  "A page of the ${o.nameEn}'s help for people at risk, newest first."
  type ${P}AtRiskSupportConnection {
    "The records on this page."
    nodes: [${P}AtRiskSupport!]!
    "How many match the filter in all."
    totalCount: Int!
    "Where this page ends."
    pageInfo: PageInfo!
  }

  "Help to record, without the names of the people helped."
  input Record${P}AtRiskSupportInput {
    "Day it was given; not in the future."
    date: Date!
    "Commune or residential area, valid on that day."
    unitId: ID!
    "Whom it went to."
    supportedGroup: SupportedGroup!
    "What was given; at least one kind."
    help: [HelpKind!]!
    "How many people were helped, 1 or more."
    peopleHelped: Int!
    "Who gave it."
    givenBy: String!
    "Free-text note."
    note: String
  }

  extend type ${P}UnitRecords {
    "Help for people at risk and people who erred in the period, in counts."
    atRiskSupport("Period id." periodId: ID!): AtRiskSupportSummary! @dataClass(class: PUBLIC_AGGREGATE)
  }

  extend type Query {
    "The ${o.nameEn}'s help for people at risk, in a unit and below it (default: your jurisdiction), newest first."
    ${org}AtRiskSupports("Unit id; default: your jurisdiction." unitId: ID, "Period id." periodId: ID, "Page size, 1 to ${MAX_PAGE}." first: Int = 50, "Cursor from the previous page." after: String): ${P}AtRiskSupportConnection!
  }

  extend type Mutation {
    "Record help the ${o.nameEn} gave to people at risk or people who erred (staff, in their jurisdiction)."
    record${P}AtRiskSupport("The help given." input: Record${P}AtRiskSupportInput!): ${P}AtRiskSupport
  }
`;
}
