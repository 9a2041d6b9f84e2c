/**
 * Forums and opinions in every organization's schema (section II.4 of the plan).
 *
 * A forum is kept by the organization that hosted it (`FrontForum`, `PoliceForum`: the commune police's
 * forum has the same shape). An opinion is kept by the organization that must answer it (`FarmersOpinion`,
 * id `opinion:farmers:7`), so that organization sees it and answers it in its own subgraph, directly or
 * through the gateway, and no subgraph reads another's database. The Front, which chairs the forums and
 * follows every opinion up, hands opinions over into the answering organization's subgraph and reads them
 * there; one gateway query over Unit.<organization>.opinions lists them all (gateway/README.md).
 * A crime tip voiced at a forum is not an opinion: it goes to the police through handOverCrimeTip.
 */
import { gql } from 'graphql-tag';
import type { DocumentNode } from 'graphql';
import { FORUM_KINDS, ORGANIZATION_IDS, ORGANIZATIONS, type OrganizationId } from '@antt/reference';
/** The most forums or opinions a unit's list gives at once. */
export const MAX_LIST = 500;
import { recordIdDescription } from '../refs.js';
import { BASIS_FIELD_SDL, FIGURES_ARG_SDL } from '../reports/basis-sdl.js';

function enumValues(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, d]) => `    ${JSON.stringify(`${d}.`)}\n    ${k}`)
    .join('\n');
}

/** Value types every subgraph shares verbatim. */
export const sharedForumTypeDefs = gql`
  "Kind of forum (loại diễn đàn), section II.4 and III.1 of the plan."
  enum ForumKind {
${enumValues(FORUM_KINDS)}
  }

  "Whether an opinion has been answered (tình trạng trả lời)."
  enum OpinionStatus {
    "Not answered yet (chưa trả lời)."
    OPEN
    "Answered (đã trả lời)."
    ANSWERED
  }

  """
  A forum where officials listen to the people (diễn đàn), kept by the organization that hosted it. Opinions
  raised there that need an answer are kept by the organization that must answer them.
  """
  interface Forum {
    "Id, unique across organizations: forum:<organization>:<number>, e.g. forum:front:12."
    id: ID!
    "Kind of forum."
    kind: ForumKind!
    "Name of the forum, when it has one (tên diễn đàn)."
    title: String
    "Day it was held (ngày tổ chức)."
    date: Date!
    "Unit where it was held, as the unit was on that day."
    unit: Unit!
    "The host's branch that held it (đơn vị chủ trì)."
    branch: Branch!
    "The organization that hosted it."
    host: Organization!
    "Co-hosting organizations (đơn vị phối hợp)."
    coHosts: [Organization!]!
    "Number of people attending (số người tham dự)."
    attendance: Int!
    "Opinions voiced, as counted in the minutes (số ý kiến phát biểu); those needing an answer are opinion records."
    opinionsVoiced: Int!
    "Free-text note."
    note: String
    "When it was recorded."
    recordedAt: DateTime!
    "True for generated demo data."
    demo: Boolean!
  }

  "A forum of any organization (the id says whose): select its fields with ... on Forum."
  union AnyForum = ${ORGANIZATION_IDS.map((o) => `${ORGANIZATIONS[o].typePrefix}Forum`).join(' | ')}

  """
  An opinion or request raised at a forum that needs an answer (ý kiến, kiến nghị của Nhân dân), kept by the
  organization that must answer it. Not a crime tip: a tip goes to the police through handOverCrimeTip.
  """
  interface Opinion {
    "Id, unique across organizations: opinion:<organization>:<number>, e.g. opinion:farmers:7."
    id: ID!
    "Id of the forum it was raised at (forum:<organization>:<number>)."
    forumId: ID!
    "The forum it was raised at, fetched from the organization that hosted it."
    forum: AnyForum
    "Unit it concerns, as the unit was on the day it was raised."
    unit: Unit!
    "Day it was raised (ngày nêu)."
    raisedOn: Date!
    "Field or topic (lĩnh vực), e.g. Đất đai."
    topic: String!
    "What was asked or reported (nội dung)."
    summary: String!
    "The organization that must answer it, or that forwarded it to an agency and answers for it (đơn vị trả lời)."
    assignedTo: Organization!
    "An agency outside this graph that must answer it, e.g. Ủy ban nhân dân xã; null: the organization itself answers."
    agency: String
    "Answer due by this day (hạn trả lời)."
    dueDate: Date!
    "The organization whose staff handed it over: the forum's host, the Front, or the organization itself."
    handedOverBy: Organization!
    "Answered or not."
    status: OpinionStatus!
    "The answer (nội dung trả lời); null until answered."
    answer: String
    "Day it was answered."
    answeredOn: Date
    "Not answered and past its due date (quá hạn)."
    overdue: Boolean!
    "Whether it was answered by its due date; null while unanswered."
    answeredOnTime: Boolean
    "When it was recorded."
    recordedAt: DateTime!
    "True for generated demo data."
    demo: Boolean!
  }

  "Forums of one kind in a period (số diễn đàn)."
  type ForumCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Kind."
    kind: ForumKind!
    "Number of forums."
    count: Int!
    "Total attendance."
    attendance: Int!
    "Total opinions voiced."
    opinionsVoiced: Int!
    ${BASIS_FIELD_SDL}
  }

  "Opinions raised in a period and what became of them (tình hình trả lời ý kiến)."
  type OpinionCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Opinions raised."
    total: Int!
    "Answered."
    answered: Int!
    "Answered after their due date."
    answeredLate: Int!
    "Not answered yet."
    open: Int!
    "Not answered and past their due date (quá hạn)."
    overdue: Int!
    ${BASIS_FIELD_SDL}
  }
`;

/** Descriptions of an organization's forum type and its id, the same in the host's subgraph and wherever it is only a key. */
function forumTypeDescription(org: OrganizationId): string {
  return `A forum the ${ORGANIZATIONS[org].nameEn} hosted; the other subgraphs know it only by its key and the gateway fetches it from the host.`;
}

/** What the forum and opinion kinds do not generate: the interfaces, organizations, answers and figures in their shapes. */
export function forumTypeDefs(org: OrganizationId): DocumentNode {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const foreign = ORGANIZATION_IDS.filter((x) => x !== org)
    .map(
      (x) => `
    "${forumTypeDescription(x)}"
    type ${ORGANIZATIONS[x].typePrefix}Forum @key(fields: "id", resolvable: false) {
      "${recordIdDescription('forum', x)}"
      id: ID!
    }`,
    )
    .join('\n');
  return gql`
    extend type ${P}Forum implements Forum {
      "The organization that hosted it."
      host: Organization!
      "Co-hosting organizations."
      coHosts: [Organization!]!
    }

    extend type ${P}Opinion implements Opinion {
      "The forum it was raised at, fetched from the organization that hosted it."
      forum: AnyForum
      "The organization that must answer it (this one)."
      assignedTo: Organization!
      "The organization whose staff handed it over."
      handedOverBy: Organization!
      "Answered or not."
      status: OpinionStatus!
      "Not answered and past its due date."
      overdue: Boolean!
      "Whether it was answered by its due date; null while unanswered."
      answeredOnTime: Boolean
    }
${foreign}

    extend type ${P}UnitRecords {
      "Forums the ${o.nameEn} hosted in the unit and below it, newest first."
      forums("Period id, e.g. 2021-PLAN-Y." periodId: ID, "Only this kind." kind: ForumKind, "At most this many, 1 to ${MAX_LIST}." first: Int = 100): [${P}Forum!]!
      "Forums the ${o.nameEn} hosted, by kind, in a period (dashboards too)."
      forumCounts("Period id." periodId: ID!, "What the graph held at this instant (asRecordedAt); default now." asRecordedAt: DateTime, ${FIGURES_ARG_SDL}): [ForumCount!]! @dataClass(class: PUBLIC_AGGREGATE)
      "Opinions the ${o.nameEn} must answer, in the unit and below it, newest first (its staff, the Front, the police, leadership)."
      opinions("Raised in this period." periodId: ID, "Raised at this forum." forumId: ID, "Only answered or only open ones." status: OpinionStatus, "Only overdue ones (true) or only the others (false)." overdue: Boolean, "At most this many, 1 to ${MAX_LIST}." first: Int = 100): [${P}Opinion!]!
      "What became of the opinions handed to the ${o.nameEn} in a period (dashboards too)."
      opinionCounts("Period id." periodId: ID!, "What the graph held at this instant (asRecordedAt); default now." asRecordedAt: DateTime, ${FIGURES_ARG_SDL}): OpinionCount! @dataClass(class: PUBLIC_AGGREGATE)
    }

    "The answer to an opinion."
    input Answer${P}OpinionInput {
      "The answer (nội dung trả lời)."
      answer: String!
      "Day it was answered; not in the future, not before it was raised."
      answeredOn: Date!
    }

    extend type Mutation {
      "Answer an opinion handed to the ${o.nameEn} (its staff only); an opinion is answered once (a later change is a correction with its reason)."
      answer${P}Opinion("Opinion id." id: ID!, "The answer." input: Answer${P}OpinionInput!): ${P}Opinion
    }
  `;
}
