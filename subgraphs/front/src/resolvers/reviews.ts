/**
 * Model reviews: the review fields of every organization's model type (the Front's subgraph answers
 * `latestReview` and `reviews` wherever a model is kept), the reviews themselves, and the question the
 * police ask for the standard: did a unit have an effective model in a year.
 */
import { ORGANIZATION_IDS, ORGANIZATIONS, recordId, territory, type ModelRating } from '@antt/reference';
import { ModelRepository, pointTo, typeOfRecord, type ModelRow, type SubgraphContext } from '@antt/subgraph-kit';
import { ModelReviewRepository, type ModelReviewFields, type ModelReviewRow } from '../data/model-review-repository.js';

const reviewsOf = (ctx: SubgraphContext) => ctx.repo(ModelReviewRepository);
const modelsOf = (ctx: SubgraphContext) => ctx.repo(ModelRepository);

interface UnitRecords {
  unitId: string;
}

/** A reference the gateway sent for another organization's model: only its id. */
interface ModelRef {
  id: string;
}

/** latestReview and reviews of a model, given how to read the model's id from the parent. */
function reviewFields<T>(modelId: (parent: T) => string) {
  return {
    latestReview: (parent: T, _: unknown, ctx: SubgraphContext) => reviewsOf(ctx).forModel(modelId(parent)).at(-1) ?? null,
    reviews: (parent: T, _: unknown, ctx: SubgraphContext) => reviewsOf(ctx).forModel(modelId(parent)),
  };
}

/** The review fields of every other organization's model type, reached through _entities; the representation's id must name a model of that type. */
const foreignModels = Object.fromEntries(
  ORGANIZATION_IDS.filter((o) => o !== 'front').map((o) => {
    const type = `${ORGANIZATIONS[o].typePrefix}Model`;
    return [
      type,
      {
        // Never trust a representation: an id that names another organization's model (or nothing) resolves to null.
        __resolveReference: (ref: ModelRef) => (typeOfRecord('model', ref.id) === type ? { id: ref.id } : null),
        ...reviewFields((ref: ModelRef) => ref.id),
      },
    ];
  }),
);

const modelOrNull = (id: string, ctx: SubgraphContext) => pointTo('model', id, 'front', (n) => modelsOf(ctx).byId(n));

export const reviewResolvers = {
  ...foreignModels,
  // The Front's own models: the kit resolves their fields; the review fields are answered here.
  FrontModel: reviewFields((row: ModelRow) => recordId('model', 'front', row.id)),
  ModelReview: {
    id: (row: ModelReviewRow) => String(row.id),
    model: (row: ModelReviewRow, _: unknown, ctx: SubgraphContext) => modelOrNull(row.modelId, ctx),
    unit: (row: ModelReviewRow) => territory().unit(row.unitId),
    reviewer: (row: ModelReviewRow) => ORGANIZATIONS[row.reviewerOrg as 'front' | 'police'],
  },
  FrontUnitRecords: {
    effectiveModels: ({ unitId }: UnitRecords, { year }: { year: number }, ctx: SubgraphContext) =>
      reviewsOf(ctx)
        .effectiveModelIds(unitId, year)
        .map((id) => modelOrNull(id, ctx))
        .filter((m) => m !== null),
    hasEffectiveModel: ({ unitId }: UnitRecords, { year }: { year: number }, ctx: SubgraphContext) => reviewsOf(ctx).effectiveModelIds(unitId, year, { countsOnly: true }).length > 0,
    modelReviews: ({ unitId }: UnitRecords, a: { periodId?: string | null; rating?: ModelRating | null; first: number }, ctx: SubgraphContext) => reviewsOf(ctx).list({ ...a, unitId }, a.first),
  },
  Query: {
    frontModelReviews: (_: unknown, a: { unitId?: string | null; periodId?: string | null; modelId?: string | null; rating?: ModelRating | null; first: number }, ctx: SubgraphContext) => reviewsOf(ctx).list(a, a.first),
  },
  Mutation: {
    recordFrontModelReview: (_: unknown, { input }: { input: ModelReviewFields }, ctx: SubgraphContext) => reviewsOf(ctx).record(input),
  },
};
