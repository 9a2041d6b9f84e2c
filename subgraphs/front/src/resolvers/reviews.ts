/**
 * Model reviews: the review fields of every organization's model type (the Front's subgraph answers
 * `latestReview` and `reviews` wherever a model is kept), the reviews themselves, and the question the
 * police ask for the standard: did a unit have an effective model in a year. The records are the
 * FrontModelReview kind; ModelReview (the type every subgraph shares) shows them.
 */
import type {
  FrontModelResolvers,
  FrontModelReviewResolvers,
  FrontModelReviewVersionResolvers,
  ModelReviewResolvers,
  Resolvers,
} from '../generated/resolvers.js';
import { GraphQLError } from 'graphql';
import { authorize, enforce, forbidden, invalidInput } from '@antt/auth';
import {
  isIsoDate,
  MODEL_RATINGS,
  ORGANIZATION_IDS,
  ORGANIZATIONS,
  parseRecordId,
  periodById,
  territory,
  todayInVietnam,
  type ModelRating,
  type OrganizationId,
} from '@antt/reference';
import {
  inputNamed,
  modelKind,
  recordsOf,
  periodRange,
  pointTo,
  storedCode,
  storedUnit,
  typeOfRecord,
  underArguments,
  unitDays,
  unitOrJurisdiction,
  ServiceQuestionError,
  type Page,
  type ServiceAnswer,
  type StoredRecord,
  type SubgraphContext,
} from '@antt/subgraph-kit';
import { modelReviews } from '../kinds/index.js';
import { currentPage, currentRecords, currentVersion, writerFor } from '../records.js';

export const MAX_REVIEWS = 500;

export interface ModelReviewFields {
  modelId: string;
  unitId: string;
  reviewedOn: string;
  rating: string;
  evidence: string;
  decision: string;
  basis?: string | null;
}

/**
 * A review as the Front keeps it, from what the reviewer typed: the codes of the model's organization and
 * of the reviewer filled in, and the model's unit as it stood on the day of the review (a model keeps the
 * unit it started in; a unit merged before the review is recorded as the unit it became, since a record
 * is kept under a unit that exists on its date). Refuses, with the established codes, what names no
 * model or a day before the unit existed.
 */
export function reviewInput(f: ModelReviewFields, reviewer: OrganizationId): Record<string, unknown> {
  const ref = typeof f.modelId === 'string' ? parseRecordId('model', f.modelId) : null;
  if (!ref) throw invalidInput('input.modelId', 'Mã mô hình không đúng dạng model:<tổ chức>:<số>, ví dụ model:women:3.', 'INVALID_MODEL_ID');
  const unit = territory().unit(f.unitId);
  let unitId = f.unitId;
  if (unit && isIsoDate(f.reviewedOn)) {
    if (f.reviewedOn < unit.validFrom) throw invalidInput('input.reviewedOn', `Ngày đánh giá trước khi ${unit.name} được thành lập.`, 'BEFORE_UNIT');
    if (!territory().existsOn(unit.id, f.reviewedOn)) unitId = territory().currentUnit(unit.id, f.reviewedOn)?.id ?? unit.id;
  }
  return { ...f, unitId, modelOrg: ref.org, reviewerOrg: reviewer };
}

/** Leadership and the monitors (the Front, the police) read every review; the staff of the organization that runs a model read its reviews. */
function canRead(ctx: SubgraphContext, r: StoredRecord): boolean {
  return authorize.readModelReview(ctx.scope.principal, storedCode(ORGANIZATIONS, r.modelOrg), String(r.unitId)).allowed;
}

/** A model's reviews the caller may read, oldest first (never an error: a model field must not fail a whole list). */
function forModel(ctx: SubgraphContext, modelId: string): StoredRecord[] {
  return currentRecords(ctx, modelReviews, { where: 'model_id = @modelId', params: { modelId }, orderBy: 'reviewed_on ASC, id ASC' }).filter((r) =>
    canRead(ctx, r),
  );
}

function list(
  ctx: SubgraphContext,
  f: { unitId?: string | null; periodId?: string | null; modelId?: string | null; rating?: ModelRating | null; first: number; after?: string | null },
): Page<StoredRecord> {
  const unitId = unitOrJurisdiction(ctx.scope, f.unitId);
  enforce(authorize.listModelReviews(ctx.scope.principal, unitId));
  const { from, to } = periodRange('periodId', f.periodId);
  return currentPage(
    ctx,
    modelReviews,
    {
      units: ctx.scope.visibleUnder(unitId),
      from,
      to,
      where: '(@modelId IS NULL OR model_id = @modelId) AND (@rating IS NULL OR rating = @rating)',
      params: { modelId: f.modelId ?? null, rating: f.rating ?? null },
    },
    { first: f.first, after: f.after, max: MAX_REVIEWS },
  );
}

/**
 * Ids of the models in a unit (and below it, and in the units that preceded it) whose latest review in the
 * assessment year of communes and establishments (16 November to 15 November, Circular 124/2021) rated them
 * effective: the criterion "at least one effective model". A unit that ceased during the year answers
 * for its days only; reviews recorded after it ceased belong to its successors. Reviews whose model the
 * owner has not confirmed (unverified references) never count.
 */
function effectiveModelIds(ctx: SubgraphContext, unitId: string, year: number, opts: { countsOnly?: boolean } = {}): string[] {
  checkYear(year);
  const u = unitOrJurisdiction(ctx.scope, unitId);
  // Whether a unit has an effective model is a count: whoever reads the Front's counts may ask it too.
  const list = authorize.listModelReviews(ctx.scope.principal, u);
  enforce(opts.countsOnly && !list.allowed ? authorize.readCounts(ctx.scope.principal, { org: 'front' }, u) : list);
  return effectiveIn(ctx, u, ctx.scope.visibleUnder(u), year, null);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2019 || year > Number(todayInVietnam().slice(0, 4)) + 1)
    throw invalidInput('year', 'Năm đánh giá phải từ 2019 đến năm sau năm nay.', 'YEAR_OUT_OF_RANGE');
}

/** The effective models of `u` over `units` in the year's window, from the reviews dated up to `on` (null: the whole window). */
function effectiveIn(ctx: SubgraphContext, u: string, units: Iterable<string>, year: number, on: string | null): string[] {
  const window = periodById(`${year}-ATANTT-UNIT`)!;
  // A unit answers for the days it existed, as every other figure does: one that ceased during the year
  // for its own days (its successors answer for the rest), one that ceased before the year is refused.
  const days = unitDays(u, window.start, window.end, window.id, { field: 'year', label: 'Năm đánh giá' });
  const to = on !== null && on < days.to ? on : days.to;
  if (to < days.from) return [];
  const latest = new Map<string, string>();
  for (const r of currentRecords(ctx, modelReviews, {
    units,
    from: days.from,
    to,
    orderBy: 'model_id ASC, reviewed_on ASC, id ASC',
    confirmedOnly: true,
  }))
    latest.set(r.modelId as string, r.rating as string);
  return [...latest].filter(([, rating]) => rating === 'EFFECTIVE').map(([id]) => id);
}

/**
 * The police's question for the standard (criterion "at least one effective model", Circular 124/2021,
 * Article 5.1), asked service to service: how many models of a unit (and below it) the Front's reviews
 * dated up to `effectiveOn` rate effective in an assessment year. A count, never a record; the police
 * show it beside what the self-assessment typed.
 */
export const effectiveModelsAnswer: ServiceAnswer = {
  typeName: 'FrontModelReview',
  answer(ctx, body) {
    const { unitId, year, effectiveOn } = body;
    if (typeof unitId !== 'string' || !territory().unit(unitId)) throw new ServiceQuestionError('unitId: không có đơn vị này.');
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2019 || year > 2100) throw new ServiceQuestionError('year: năm đánh giá không hợp lệ.');
    if (typeof effectiveOn !== 'string' || !isIsoDate(effectiveOn)) throw new ServiceQuestionError('effectiveOn: ngày phải có dạng YYYY-MM-DD.');
    try {
      const ids = effectiveIn(ctx, unitId, territory().covered(unitId), year, effectiveOn);
      return { unitId, year, effectiveOn, effectiveModels: ids.length };
    } catch (e) {
      if (e instanceof GraphQLError) throw new ServiceQuestionError(e.message);
      throw e;
    }
  },
};

/** How many units one question of `effectiveModelStepsAnswer` may name. */
export const MAX_STEP_UNITS = 100;

/**
 * How a unit's count of effective models moved through an assessment year: the days on which it changed
 * and the count from that day, oldest first (before the first day, none). The count on a day is that of
 * `effectiveIn` read up to that day: each model's latest review in the unit's days of the window, dated
 * up to it, rated effective. Null when the unit answers for no day of the year (it ceased before).
 */
function effectiveSteps(ctx: SubgraphContext, unitId: string, year: number, asRecordedAt: string | null): [string, number][] | null {
  const window = periodById(`${year}-ATANTT-UNIT`)!;
  let days: { from: string; to: string };
  try {
    days = unitDays(unitId, window.start, window.end, window.id, { field: 'year', label: 'Năm đánh giá' });
  } catch (e) {
    if (e instanceof GraphQLError) return null;
    throw e;
  }
  const latest = new Map<string, boolean>();
  const steps: [string, number][] = [];
  let effective = 0;
  const rows = currentRecords(ctx, modelReviews, {
    units: territory().covered(unitId),
    from: days.from,
    to: days.to,
    orderBy: 'reviewed_on ASC, id ASC',
    confirmedOnly: true,
    asRecordedAt,
  });
  rows.forEach((r, i) => {
    const was = latest.get(r.modelId as string) ?? false;
    const is = r.rating === 'EFFECTIVE';
    latest.set(r.modelId as string, is);
    effective += Number(is) - Number(was);
    // A day's count is known once its last review is read.
    const day = r.reviewedOn as string;
    if (rows[i + 1]?.reviewedOn === day) return;
    if (effective !== (steps.at(-1)?.[1] ?? 0)) steps.push([day, effective]);
  });
  return steps;
}

/**
 * The police's question for the standard, for many units at once (a commune's criterion TT124-XA-1 on
 * any day, and the indicators over every commune recognised in a year): for each unit, how its count of
 * effective models moved through the assessment year (`effectiveSteps`), from which the police read the
 * count as of each assessment's or recognition's day. `asRecordedAt` (optional, ISO 8601): the reviews as
 * the graph held them at that instant. Counts, never records.
 */
export const effectiveModelStepsAnswer: ServiceAnswer = {
  typeName: 'FrontModelReview',
  answer(ctx, body) {
    const { unitIds, year, asRecordedAt } = body;
    if (!Array.isArray(unitIds) || unitIds.length === 0 || unitIds.length > MAX_STEP_UNITS)
      throw new ServiceQuestionError('unitIds: cần từ 1 đến 100 mã đơn vị.');
    if (unitIds.some((u) => typeof u !== 'string' || !territory().unit(u))) throw new ServiceQuestionError('unitIds: có mã đơn vị không tồn tại.');
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2019 || year > 2100) throw new ServiceQuestionError('year: năm đánh giá không hợp lệ.');
    if (asRecordedAt != null && (typeof asRecordedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(asRecordedAt) || Number.isNaN(Date.parse(asRecordedAt))))
      throw new ServiceQuestionError('asRecordedAt: thời điểm phải có dạng ISO 8601.');
    const at = asRecordedAt == null ? null : new Date(asRecordedAt as string).toISOString();
    const units = Object.fromEntries((unitIds as string[]).map((u) => [u, effectiveSteps(ctx, u, year, at)]));
    return { year, units };
  },
};

/**
 * Each model's latest review as of a period's last day, counted by rating: a review made before the
 * period still says how a model stood if none came after it, and one made after the period is not yet
 * known then. Reviews whose model is not confirmed by its owner are left out, as from every count.
 * `asRecordedAt`: the reviews as the graph held them at that instant (later ones, corrections and voids ignored).
 */
function latestReviewCounts(ctx: SubgraphContext, unitId: string, periodId: string, asRecordedAt: string | null = null) {
  const period = periodById(periodId);
  if (!period) throw invalidInput('periodId', 'Kỳ báo cáo: không có kỳ này (ví dụ đúng: 2021-PLAN-Y).', 'UNKNOWN_PERIOD');
  const u = unitOrJurisdiction(ctx.scope, unitId);
  enforce(authorize.readCounts(ctx.scope.principal, { org: 'front' }, u));
  // A unit that ceased before the period is refused, one that ceased during it answers up to its last day.
  const { to } = unitDays(u, period.start, period.end, period.id);
  const latest = new Map<string, ModelRating>();
  for (const r of currentRecords(ctx, modelReviews, {
    units: ctx.scope.visibleUnder(u),
    from: '0000-01-01',
    to,
    orderBy: 'model_id ASC, reviewed_on ASC, id ASC',
    confirmedOnly: true,
    asRecordedAt,
  }))
    latest.set(r.modelId as string, r.rating as ModelRating);
  const ratings = Object.keys(MODEL_RATINGS) as ModelRating[];
  const byRating = ratings.map((rating) => ({ rating, key: rating, count: [...latest.values()].filter((x) => x === rating).length }));
  return { count: latest.size, byRating };
}

const modelsOf = (ctx: SubgraphContext) => recordsOf(ctx, modelKind('front'));
const modelOrNull = (id: string, ctx: SubgraphContext) => pointTo('model', id, 'front', (own) => modelsOf(ctx).byId(own));

/** latestReview and reviews of a model, given how to read the model's id from the parent. */
function reviewFields(modelId: (parent: Record<string, unknown>) => string): FrontModelResolvers {
  return {
    latestReview: (parent, _, ctx) => forModel(ctx, modelId(parent)).at(-1) ?? null,
    reviews: (parent, _, ctx) => forModel(ctx, modelId(parent)),
  };
}

/** The review fields of every other organization's model type, reached through _entities; the representation's id must name a model of that type. */
const foreignModels: Resolvers = Object.fromEntries(
  ORGANIZATION_IDS.filter((o) => o !== 'front').map((o) => {
    const type = `${ORGANIZATIONS[o].typePrefix}Model`;
    const fields: FrontModelResolvers = {
      // Never trust a representation: an id that names another organization's model (or nothing) resolves to null.
      __resolveReference: (ref) => (typeOfRecord('model', ref.id) === type ? { id: ref.id } : null),
      ...reviewFields((ref) => String(ref.id)),
    };
    return [type, fields];
  }),
);

const reviewView: FrontModelReviewResolvers & FrontModelReviewVersionResolvers & ModelReviewResolvers = {
  model: (r, _, ctx) => modelOrNull(String(r.modelId), ctx),
  reviewer: (r) => ORGANIZATIONS[storedCode(ORGANIZATIONS, r.reviewerOrg)],
};

export const reviewResolvers: Resolvers = {
  ...foreignModels,
  // The Front's own models: the kit resolves their fields; the review fields are answered here.
  FrontModel: reviewFields((r) => String(r.id)),
  ModelReview: {
    ...reviewView,
    unit: (r) => storedUnit(r.unitId),
  },
  FrontModelReview: reviewView,
  FrontModelReviewVersion: reviewView,
  FrontUnitRecords: {
    effectiveModels: (p, { year }, ctx) =>
      effectiveModelIds(ctx, String(p.unitId), year)
        .map((id) => modelOrNull(id, ctx))
        .filter((m) => m !== null),
    hasEffectiveModel: (p, { year }, ctx) => effectiveModelIds(ctx, String(p.unitId), year, { countsOnly: true }).length > 0,
    modelReviews: (p, a, ctx) => list(ctx, { ...a, unitId: String(p.unitId) }),
    latestModelReviews: (p, { periodId, asRecordedAt }, ctx) => latestReviewCounts(ctx, String(p.unitId), periodId, asRecordedAt ?? null),
  },
  Query: {
    frontModelReviews: (_, a, ctx) => list(ctx, a),
  },
  Mutation: {
    // Replaces the framework's create: the police review models too, and the reviewer is the caller's organization, never an argument.
    recordFrontModelReview: (_, { input, clientKey }, ctx) => {
      const reviewer = ctx.scope.principal.monitorOf;
      const values = reviewInput(input, reviewer ?? 'front');
      if (!reviewer) throw forbidden('Chỉ cán bộ Mặt trận và Công an được đánh giá mô hình.');
      return underArguments(inputNamed(), () => writerFor(ctx, modelReviews).create(values, { clientKey }));
    },
    // Replace the framework's correct and void: the police correct and void the reviews they recorded
    // (every record can be corrected or voided by whoever keeps it), never the Front's; the Front's staff any.
    correctFrontModelReview: (_, { id, changes, reason }, ctx) => {
      const police = policeReviewer(ctx, id);
      if (police && changes.reviewerOrg != null && changes.reviewerOrg !== 'police')
        throw invalidInput('changes.reviewerOrg', 'Cơ quan đánh giá: cán bộ Công an chỉ ghi đánh giá của Công an.', 'UNKNOWN_VALUE');
      return (police ? writerFor(ctx, modelReviews) : recordsOf(ctx, modelReviews)).correct(id, changes, reason);
    },
    voidFrontModelReview: (_, { id, reason }, ctx) => (policeReviewer(ctx, id) ? writerFor(ctx, modelReviews) : recordsOf(ctx, modelReviews)).void(id, reason),
  },
};

/** Whether the caller is police staff and the review was recorded by the police (a review the Front recorded, or none, is left to the framework's own refusal). */
function policeReviewer(ctx: SubgraphContext, id: string): boolean {
  if (ctx.scope.identity.organization !== 'police' || ctx.scope.principal.monitorOf !== 'police') return false;
  const current = currentVersion(ctx, modelReviews, id);
  return current?.reviewerOrg === 'police';
}
