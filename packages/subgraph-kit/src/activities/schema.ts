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
import { RECORD_PAGE_MAX } from '../records/repository.js';

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

/**
 * What the activity kind does not generate: the interface it implements, its plan task, the figures on
 * `<P>UnitRecords` in the shapes every dashboard reads, and `Unit.<org>` itself.
 */
export function activityTypeDefs(org: OrganizationId): DocumentNode {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const who = `${o.nameEn} (${o.nameVi})`;
  return gql`
    extend type ${P}Activity implements Activity {
      "The task of the plan it serves."
      planTask: PlanTask
      "When it was last corrected; null if never."
      correctedAt: DateTime
    }

    "What the ${who} recorded for a unit and everything below it, including records made under the units that preceded it."
    type ${P}UnitRecords {
      "Activities by type in a period (số hoạt động theo loại); current versions, voided ones excluded. Where the branch's report on the period is approved, its locked figures by default (see activityCountsBasis)."
      activityCounts("Period id, e.g. 2021-PLAN-Y or 2025-Q3." periodId: ID!, "What the graph held at this instant (asRecordedAt); overrides figures." asRecordedAt: DateTime, "OFFICIAL (default): the approved report's locked figures when there is one; LIVE: read now." figures: FiguresChoice = OFFICIAL): [ActivityTypeCount!]! @dataClass(class: PUBLIC_AGGREGATE)
      "Activities by the task of the plan they serve, in a period: what the ${o.nameEn} did for each task (số hoạt động theo nhiệm vụ); official or live as activityCounts."
      activityCountsByTask("Period id, e.g. 2021-PLAN-Y." periodId: ID!, "What the graph held at this instant (asRecordedAt); overrides figures." asRecordedAt: DateTime, "OFFICIAL (default) or LIVE, as activityCounts." figures: FiguresChoice = OFFICIAL): [PlanTaskActivityCount!]! @dataClass(class: PUBLIC_AGGREGATE)
      "Where activityCounts and activityCountsByTask with the same arguments come from: live, or the approved report version N locked at D (nguồn số liệu)."
      activityCountsBasis("Period id." periodId: ID!, "As activityCounts." asRecordedAt: DateTime, "As activityCounts." figures: FiguresChoice = OFFICIAL): FiguresBasis! @dataClass(class: PUBLIC_AGGREGATE)
      "The activities themselves, newest first (personal and internal detail: staff of the organization and leadership only)."
      activities("Period id." periodId: ID, "Only this type." type: ActivityType, "Page size, 1 to ${RECORD_PAGE_MAX}." first: Int = 50, "Cursor from the previous page." after: String): ${P}ActivityConnection!
    }

    extend type Unit @key(fields: "id") {
      "What the ${who} recorded here (and below)."
      ${org}: ${P}UnitRecords
    }

    "What can be written: each organization writes only its own records. Each field is saved on its own; one that answers null was not saved, and its error (with its path) says why."
    type Mutation
  `;
}
