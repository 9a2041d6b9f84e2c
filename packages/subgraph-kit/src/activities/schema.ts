/**
 * The activities part of an organization's schema, generated for each organization from this one
 * template: every organization owns its own type (WomenActivity, PoliceActivity, ...) and its own
 * field on Unit (Unit.women, Unit.police, ...), because figures that differ per organization must not
 * be one @shareable field that the query planner would answer from a single subgraph.
 */
import { gql } from 'graphql-tag';
import type { DocumentNode } from 'graphql';
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { ACTIVITY_TYPES } from './types.js';
import { MAX_PAGE } from './repository.js';

/** Types every subgraph shares verbatim (value types, so @shareable). */
export const sharedActivityTypeDefs = gql`
  "Kind of activity (loại hoạt động), from section II of the plan."
  enum ActivityType {
${Object.entries(ACTIVITY_TYPES)
  .map(([k, d]) => `    "${d}."\n    ${k}`)
  .join('\n')}
  }

  "Number of activities of one type, and the people they reached."
  type ActivityTypeCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The kind of activity."
    type: ActivityType!
    "Number of activities (số hoạt động)."
    count: Int!
    "Total participants (tổng số lượt người tham dự)."
    participants: Int!
  }

  "Number of activities serving one task of the plan, and the people they reached (what an organization did for a task)."
  type PlanTaskActivityCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The task of the plan (section II); null for activities that name no task."
    planTask: PlanTask
    "Number of activities (số hoạt động)."
    count: Int!
    "Total participants (tổng số lượt người tham dự)."
    participants: Int!
  }

  "Position in a paged list."
  type PageInfo @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Whether another page follows."
    hasNextPage: Boolean!
    "Pass as 'after' to get the next page."
    endCursor: String
  }

  """
  An activity through which an organization carries the plan out (hoạt động): a propaganda session, a
  training, a forum, a patrol, a festival day... Each organization's own type implements it.
  """
  interface Activity {
    "Id, unique within its organization."
    id: ID!
    "Kind of activity."
    type: ActivityType!
    "Topic (chủ đề), e.g. phòng chống lừa đảo qua mạng."
    topic: String!
    "Day it took place."
    date: Date!
    "Unit where it took place, as the unit was on that day (never rewritten after the 2025 reform)."
    unit: Unit!
    "The organization's branch that ran it."
    branch: Branch!
    "Number of participants (số người tham dự)."
    participants: Int!
    "Free-text note (ghi chú)."
    note: String
    "The task of the plan it serves (nhiệm vụ của kế hoạch)."
    planTask: PlanTask
    "When it was recorded."
    recordedAt: DateTime!
    "When it was last corrected; null if never."
    correctedAt: DateTime
    "True for generated demo data."
    demo: Boolean!
  }
`;

export function activityTypeDefs(org: OrganizationId): DocumentNode {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const who = `${o.nameEn} (${o.nameVi})`;
  return gql`
    "An activity of the ${who}."
    type ${P}Activity implements Activity @key(fields: "id") {
      "Id, unique within the ${o.nameEn}."
      id: ID!
      "Kind of activity."
      type: ActivityType!
      "Topic (chủ đề)."
      topic: String!
      "Day it took place."
      date: Date!
      "Unit where it took place, as the unit was on that day."
      unit: Unit!
      "The branch that ran it."
      branch: Branch!
      "Number of participants (số người tham dự)."
      participants: Int!
      "Free-text note (ghi chú)."
      note: String
      "The task of the plan it serves."
      planTask: PlanTask
      "When it was recorded."
      recordedAt: DateTime!
      "When it was last corrected; null if never."
      correctedAt: DateTime
      "True for generated demo data."
      demo: Boolean!
    }

    "A page of the ${o.nameEn}'s activities, newest first."
    type ${P}ActivityConnection {
      "The activities on this page."
      nodes: [${P}Activity!]!
      "How many match the filter in all."
      totalCount: Int!
      "Where this page ends."
      pageInfo: PageInfo!
    }

    "What the ${who} recorded for a unit and everything below it, including records made under the units that preceded it."
    type ${P}UnitRecords {
      "Activities by type in a period (số hoạt động theo loại)."
      activityCounts("Period id, e.g. 2021-PLAN-Y or 2025-Q3." periodId: ID!): [ActivityTypeCount!]! @dataClass(class: PUBLIC_AGGREGATE)
      "Activities by the task of the plan they serve, in a period: what the ${o.nameEn} did for each task (số hoạt động theo nhiệm vụ)."
      activityCountsByTask("Period id, e.g. 2021-PLAN-Y." periodId: ID!): [PlanTaskActivityCount!]! @dataClass(class: PUBLIC_AGGREGATE)
      "The activities themselves, newest first (personal and internal detail: staff of the organization and leadership only)."
      activities("Period id." periodId: ID, "Only this type." type: ActivityType, "Page size, 1 to ${MAX_PAGE}." first: Int = 50, "Cursor from the previous page." after: String): ${P}ActivityConnection!
    }

    extend type Unit @key(fields: "id") {
      "What the ${who} recorded here (and below)."
      ${org}: ${P}UnitRecords
    }

    "A new activity of the ${o.nameEn}."
    input Record${P}ActivityInput {
      "Kind of activity."
      type: ActivityType!
      "Topic (chủ đề)."
      topic: String!
      "Day it took place; not in the future."
      date: Date!
      "Unit where it took place, valid on that day (before 1 July 2025 an old commune, after it a new one)."
      unitId: ID!
      "The branch that ran it; default: the ${o.nameEn}'s nearest branch at or above the unit."
      branchId: ID
      "Number of participants, 0 or more."
      participants: Int!
      "Free-text note."
      note: String
      "The task of the plan it serves, II.1 to II.7."
      planTaskId: ID
    }

    "A correction of an activity of the ${o.nameEn}: only the fields given change; the previous version is kept."
    input Correct${P}ActivityInput {
      "Kind of activity."
      type: ActivityType
      "Topic."
      topic: String
      "Day it took place."
      date: Date
      "Unit where it took place."
      unitId: ID
      "The branch that ran it."
      branchId: ID
      "Number of participants."
      participants: Int
      "Free-text note."
      note: String
      "The task of the plan it serves."
      planTaskId: ID
    }

    extend type Query {
      "The ${o.nameEn}'s activities in a unit and below it (default: the caller's jurisdiction), newest first."
      ${org}Activities("Unit id; default: your jurisdiction." unitId: ID, "Period id." periodId: ID, "From this day." from: Date, "Up to this day." to: Date, "Only this type." type: ActivityType, "Page size, 1 to ${MAX_PAGE}." first: Int = 50, "Cursor from the previous page." after: String): ${P}ActivityConnection!
      "One activity of the ${o.nameEn}; null if it does not exist or is not yours to see."
      ${org}Activity("Activity id." id: ID!): ${P}Activity
    }

    "What can be written: each organization writes only its own records. Each field is saved on its own; one that answers null was not saved, and its error (with its path) says why."
    type Mutation {
      "Record an activity of the ${o.nameEn} (staff of the organization, inside their jurisdiction)."
      record${P}Activity("The activity." input: Record${P}ActivityInput!): ${P}Activity
      "Correct an activity of the ${o.nameEn}; the previous version is kept."
      correct${P}Activity("Activity id." id: ID!, "Fields to change." input: Correct${P}ActivityInput!, "Why it is corrected." reason: String): ${P}Activity
    }
  `;
}
