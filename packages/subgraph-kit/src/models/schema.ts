/**
 * The models part of every organization's schema (mô hình, section II.6 of the plan).
 *
 * Federation pattern (see gateway/README.md, "Models and their reviews"): each organization owns its
 * own entity type (`WomenModel`, id `model:women:3`) implementing one value interface `Model`, identical
 * in every subgraph. Reviews are the Front's and the police's records, kept in the Front's database, so
 * the front subgraph contributes the review fields (`latestReview`, `reviews`) to every organization's
 * model type; in the other subgraphs those interface fields are `@external`. A model of another
 * organization is known to a subgraph only as a key (`@key(fields: "id", resolvable: false)`), enough to
 * point at it (`replicaOf`, `ModelReview.model`) through the union `AnyModel`; the gateway fetches the
 * rest from its owner, choosing the owner by type, which the id names.
 */
import { gql } from 'graphql-tag';
import type { DocumentNode } from 'graphql';
import { MODEL_DECISIONS, MODEL_KINDS, MODEL_RATINGS, MODEL_STATUSES, ORGANIZATION_IDS, ORGANIZATIONS, type OrganizationId } from '@antt/reference';
/** The most models a unit's list gives at once. */
export const MAX_MODELS = 500;
import { recordIdDescription } from '../refs.js';

/** The organization whose subgraph keeps model reviews and answers the review fields of every model. */
export const MODEL_REVIEWER: OrganizationId = 'front';

function enumValues(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, d]) => `    ${JSON.stringify(`${d}.`)}\n    ${k}`)
    .join('\n');
}

const LATEST_REVIEW = "The most recent review by the Front or the police (answered by the Front's subgraph); null if never reviewed or not yours to see.";
const REVIEWS = "Every review, oldest first (answered by the Front's subgraph).";

const modelTypes = ORGANIZATION_IDS.map((o) => `${ORGANIZATIONS[o].typePrefix}Model`);

/** Value types every subgraph shares verbatim. */
export const sharedModelTypeDefs = gql`
  "Kind of security model (loại mô hình), section II.3 and II.6 of the plan."
  enum ModelKind {
${enumValues(MODEL_KINDS)}
  }

  "Whether a model is running (trạng thái mô hình)."
  enum ModelStatus {
${enumValues(MODEL_STATUSES)}
  }

  "How well a model works, as a review found (xếp loại), following Plan 92/KH-BCĐ-CAT."
  enum ModelRating {
${enumValues(MODEL_RATINGS)}
  }

  "What a review decided for a model (đề xuất): replicate good ones, remove ineffective or merely formal ones (section II.6)."
  enum ModelDecision {
${enumValues(MODEL_DECISIONS)}
  }

  """
  A review of a model by the Front or the police (đánh giá mô hình), following Plan 92/KH-BCĐ-CAT. Reviews are
  the Front's records, kept in the Front's database and answered by the front subgraph wherever the model is kept.
  """
  type ModelReview @shareable {
    "Id of the review in the Front's records."
    id: ID!
    "Id of the model reviewed (model:<organization>:<number>)."
    modelId: ID!
    "The model reviewed, fetched from the organization that keeps it; null if it is not yours to see or no longer exists."
    model: AnyModel
    "The unit the model runs in, as the reviewer recorded it."
    unit: Unit!
    "Day of the review (ngày đánh giá)."
    reviewedOn: Date!
    "Who reviewed it: the Front or the police (cơ quan đánh giá)."
    reviewer: Organization!
    "How well it works (xếp loại)."
    rating: ModelRating!
    "What the rating rests on (căn cứ, minh chứng)."
    evidence: String!
    "What was decided (đề xuất)."
    decision: ModelDecision!
    "The plan or instruction the review followed, e.g. Kế hoạch 92/KH-BCĐ-CAT."
    basis: String
    "When it was recorded."
    recordedAt: DateTime!
    "True for generated demo data."
    demo: Boolean!
  }

  "Number of models of one status and kind (số mô hình)."
  type ModelCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Status."
    status: ModelStatus!
    "Kind."
    kind: ModelKind!
    "How many."
    count: Int!
  }

  """
  A security model an organization runs (mô hình tự quản, tự phòng, tự bảo vệ, tự hòa giải, tái hòa nhập cộng
  đồng, tuần tra...). Each organization keeps its own models in its own subgraph and implements this
  interface with its own type (WomenModel, PoliceModel...); the review fields come from the Front's subgraph.
  """
  interface Model {
    "Id, unique across organizations: model:<organization>:<number>, e.g. model:front:1."
    id: ID!
    "Name (tên mô hình)."
    name: String!
    "Kind (loại)."
    kind: ModelKind!
    "What it does and how (mô tả)."
    description: String
    "Unit it runs in, as the unit was when it started; it counts for the units that succeeded it."
    unit: Unit!
    "The organization that runs it and keeps its record (đơn vị chủ trì)."
    leadOrganization: Organization!
    "Organizations taking part (đơn vị phối hợp)."
    partnerOrganizations: [Organization!]!
    "Day it started (ngày bắt đầu)."
    startedOn: Date!
    "Whether it is running (trạng thái)."
    status: ModelStatus!
    "Since when the status holds."
    statusSince: Date
    "Id of the model it replicates (nhân rộng từ mô hình), in any organization."
    replicaOfId: ID
    "The model it replicates, fetched from the organization that keeps it."
    replicaOf: AnyModel
    "${LATEST_REVIEW}"
    latestReview: ModelReview
    "${REVIEWS}"
    reviews: [ModelReview!]!
    "When it was recorded."
    recordedAt: DateTime!
    "True for generated demo data."
    demo: Boolean!
  }

  "A model of any organization (the id says whose): select its fields with ... on Model."
  union AnyModel = ${modelTypes.join(' | ')}
`;

/** Descriptions of an organization's model type, the same in its own subgraph and wherever it is only a key. */
function modelTypeDescription(org: OrganizationId): string {
  return `A security model the ${ORGANIZATIONS[org].nameEn} runs (mô hình); the other subgraphs know it by its key and the gateway fetches it from its owner.`;
}

/** Other organizations' model types as this subgraph knows them: a key to point at, or, in the reviewer's subgraph, the review fields it answers. */
function foreignModelTypes(org: OrganizationId): string {
  return ORGANIZATION_IDS.filter((o) => o !== org)
    .map((o) => {
      const Q = ORGANIZATIONS[o].typePrefix;
      if (org === MODEL_REVIEWER) {
        return `
    "${modelTypeDescription(o)}"
    type ${Q}Model @key(fields: "id") {
      "${recordIdDescription('model', o)}"
      id: ID!
      "${LATEST_REVIEW}"
      latestReview: ModelReview
      "${REVIEWS}"
      reviews: [ModelReview!]!
    }`;
      }
      return `
    "${modelTypeDescription(o)}"
    type ${Q}Model @key(fields: "id", resolvable: false) {
      "${recordIdDescription('model', o)}"
      id: ID!
    }`;
    })
    .join('\n');
}

/** What the model kind does not generate: the interface, the organizations, the review fields, the figures and lists in their shapes, the status change. */
export function modelTypeDefs(org: OrganizationId): DocumentNode {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const ext = org !== MODEL_REVIEWER ? ' @external' : '';
  return gql`
    extend type ${P}Model implements Model {
      "Whether it is running (trạng thái)."
      status: ModelStatus!
      "The organization that runs it and keeps its record."
      leadOrganization: Organization!
      "Organizations taking part."
      partnerOrganizations: [Organization!]!
      "The model it replicates, fetched from the organization that keeps it."
      replicaOf: AnyModel
      "${LATEST_REVIEW}"
      latestReview: ModelReview${ext}
      "${REVIEWS}"
      reviews: [ModelReview!]!${ext}
    }
${foreignModelTypes(org)}

    extend type ${P}UnitRecords {
      "The ${o.nameEn}'s models in the unit and below it, newest first (staff of the organization, the Front, the police and leadership)."
      models("Only this status." status: ModelStatus, "Only this kind." kind: ModelKind, "At most this many, 1 to ${MAX_MODELS}." first: Int = 100): [${P}Model!]!
      "Number of the ${o.nameEn}'s models by status and kind (dashboards too)."
      modelCounts: [ModelCount!]! @dataClass(class: PUBLIC_AGGREGATE)
    }

    extend type Mutation {
      "Mark a model of the ${o.nameEn} as being replicated, discontinued, or active again: a correction of its status, with the reason."
      change${P}ModelStatus("Model id." id: ID!, "The new status." status: ModelStatus!, "Day it took effect." since: Date!, "Why, e.g. the review that decided it." reason: String): ${P}Model
    }
  `;
}
