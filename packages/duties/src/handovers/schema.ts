/** The part of a member organization's schema for crime information handed to the police, per organization. */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { HANDOVER_SOURCES, enumSdl } from '../catalogues.js';
import { MAX_PAGE } from '../common/records.js';

export const sharedTipHandoverSdl = `
  ${enumSdl('HandoverSource', 'Where information handed to the police came from (nguồn tin).', HANDOVER_SOURCES)}

  "Handovers from one source."
  type HandoverSourceCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The source."
    source: HandoverSource!
    "Handovers in the period."
    count: Int!
  }

  "Crime information an organization handed to the police in a unit and period, in counts (never the content)."
  type TipHandoverSummary @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Handovers in the period (lượt chuyển tin cho Công an)."
    handovers: Int!
    "By source."
    bySource: [HandoverSourceCount!]!
  }
`;

export function tipHandoverSdl(org: OrganizationId): string {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const who = `${o.nameEn} (${o.nameVi})`;
  return `
  "Crime information the ${who} handed to the police through the police's handOverCrimeTip: the receipt only. The content, and who gave it, are the police's alone."
  type ${P}TipHandover @key(fields: "id") {
    "Id, unique within the ${o.nameEn}."
    id: ID!
    "Day it was handed over."
    date: Date!
    "Unit it concerns, as it was on that day."
    unit: Unit!
    "The organization's branch that handed it over."
    branch: Branch!
    "Where it came from."
    source: HandoverSource!
    "The receipt id the police returned (mã biên nhận); its status is asked of the police."
    receiptId: ID!
    "When it was recorded."
    recordedAt: DateTime!
    "True for generated demo data."
    demo: Boolean!
  }

  "A page of the ${o.nameEn}'s handovers, newest first."
  type ${P}TipHandoverConnection {
    "The handovers on this page."
    nodes: [${P}TipHandover!]!
    "How many match the filter in all."
    totalCount: Int!
    "Where this page ends."
    pageInfo: PageInfo!
  }

  "The receipt of a tip handed over with handOverCrimeTip; never its content."
  input Record${P}TipHandoverInput {
    "Day it was handed over; not in the future."
    date: Date!
    "Unit it concerns, valid on that day."
    unitId: ID!
    "Where it came from."
    source: HandoverSource!
    "The receipt id the police returned."
    receiptId: ID!
  }

  extend type ${P}UnitRecords {
    "Crime information handed to the police in the period, in counts."
    tipHandovers("Period id." periodId: ID!): TipHandoverSummary! @dataClass(class: PUBLIC_AGGREGATE)
  }

  extend type Query {
    "The ${o.nameEn}'s handovers of crime information to the police, in a unit and below it (default: your jurisdiction), newest first."
    ${org}TipHandovers("Unit id; default: your jurisdiction." unitId: ID, "Period id." periodId: ID, "Page size, 1 to ${MAX_PAGE}." first: Int = 50, "Cursor from the previous page." after: String): ${P}TipHandoverConnection!
  }

  extend type Mutation {
    "Keep the receipt of crime information the ${o.nameEn} handed to the police (staff, in their jurisdiction)."
    record${P}TipHandover("The receipt." input: Record${P}TipHandoverInput!): ${P}TipHandover
  }
`;
}
