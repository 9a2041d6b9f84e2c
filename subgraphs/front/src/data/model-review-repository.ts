/**
 * Reviews of models (Plan 92/KH-BCĐ-CAT): the Front's and the police's records, kept here. A review names
 * the model by id; the model itself stays in the database of the organization that runs it.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { forbidden, invalidInput, type Scope } from '@antt/auth';
import { MODEL_DECISIONS, MODEL_RATINGS, parseRecordId, periodById, todayInVietnam, type ModelDecision, type ModelRating, type OrganizationId } from '@antt/reference';
import { preparedPerDatabase, knownUnit, monitorOrganization, notInFuture, optionalText, pageSize, periodRange, requiredText, staffOrganization, unitOrJurisdiction, vnDate, type Db } from '@antt/subgraph-kit';
import { modelReviews } from '../db/schema.js';

export type ModelReviewRow = typeof modelReviews.$inferSelect;
export const MAX_REVIEWS = 500;

export interface ModelReviewFields {
  modelId: string;
  unitId: string;
  reviewedOn: string;
  rating: ModelRating;
  evidence: string;
  decision: ModelDecision;
  basis?: string | null;
}

/** Checks a review; `prefix` is the argument the fields sit in. */
export function validateModelReview(f: ModelReviewFields, prefix = 'input', today = todayInVietnam()) {
  const at = (name: string) => `${prefix}.${name}`;
  const ref = parseRecordId('model', f.modelId);
  if (!ref) throw invalidInput(at('modelId'), `"${f.modelId}" không phải là mã mô hình (dạng model:<tổ chức>:<số>, ví dụ model:women:3).`, 'INVALID_MODEL_ID');
  const unit = knownUnit(at('unitId'), f.unitId);
  notInFuture(at('reviewedOn'), f.reviewedOn, 'Ngày đánh giá', today);
  if (f.reviewedOn < unit.validFrom) throw invalidInput(at('reviewedOn'), `Ngày đánh giá trước khi ${unit.name} được thành lập (${vnDate(unit.validFrom)}).`, 'BEFORE_UNIT');
  if (!(f.rating in MODEL_RATINGS)) throw invalidInput(at('rating'), `Xếp loại "${f.rating}" không có trong danh mục.`, 'UNKNOWN_RATING');
  if (!(f.decision in MODEL_DECISIONS)) throw invalidInput(at('decision'), `Đề xuất "${f.decision}" không có trong danh mục.`, 'UNKNOWN_DECISION');
  // Section II.6: replicate good models, remove ineffective or merely formal ones; the opposite is a slip.
  if (f.rating === 'INEFFECTIVE' && f.decision === 'REPLICATE') throw invalidInput(at('decision'), 'Mô hình kém hiệu quả không thể đề xuất nhân rộng.', 'DECISION_CONTRADICTS_RATING');
  if (f.rating === 'EFFECTIVE' && f.decision === 'REMOVE') throw invalidInput(at('decision'), 'Mô hình hiệu quả không thể đề xuất loại bỏ.', 'DECISION_CONTRADICTS_RATING');
  const evidence = requiredText(at('evidence'), f.evidence, 4000, 'Căn cứ đánh giá');
  const basis = optionalText(at('basis'), f.basis, 300, 'Văn bản căn cứ');
  return { modelId: f.modelId, modelOrg: ref.org, unitId: unit.id, reviewedOn: f.reviewedOn, rating: f.rating, evidence, decision: f.decision, basis };
}

function prepare(db: Db) {
  const units = sql`(SELECT value FROM json_each(${sql.placeholder('units')}))`;
  return {
    byModel: db.select().from(modelReviews).where(eq(modelReviews.modelId, sql.placeholder('modelId'))).orderBy(asc(modelReviews.reviewedOn), asc(modelReviews.id)).prepare(),
    list: db
      .select()
      .from(modelReviews)
      .where(
        and(
          sql`${modelReviews.unitId} IN ${units}`,
          sql`${modelReviews.reviewedOn} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`,
          sql`(${sql.placeholder('modelId')} IS NULL OR ${modelReviews.modelId} = ${sql.placeholder('modelId')})`,
          sql`(${sql.placeholder('rating')} IS NULL OR ${modelReviews.rating} = ${sql.placeholder('rating')})`,
        ),
      )
      .orderBy(desc(modelReviews.reviewedOn), desc(modelReviews.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
    // Every review in a window, oldest first, so the last one per model is its latest in the window.
    inWindow: db
      .select({ modelId: modelReviews.modelId, rating: modelReviews.rating })
      .from(modelReviews)
      .where(and(sql`${modelReviews.unitId} IN ${units}`, sql`${modelReviews.reviewedOn} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`))
      .orderBy(asc(modelReviews.modelId), asc(modelReviews.reviewedOn), asc(modelReviews.id))
      .prepare(),
  };
}

const stmts = preparedPerDatabase(prepare);

export class ModelReviewRepository {
  constructor(
    private readonly db: Db,
    _org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  /** Leadership and the monitors (the Front, the police) read every review; the staff of the organization that runs a model read its reviews. */
  private canRead(row: { modelOrg: string; unitId: string }): boolean {
    if (!this.scope.coversUnit(row.unitId)) return false;
    return this.scope.has('LEADERSHIP') || monitorOrganization(this.scope) !== null || staffOrganization(this.scope) === row.modelOrg;
  }

  private assertMonitorOrLeadership(unitId: string): void {
    if (!this.scope.has('LEADERSHIP') && monitorOrganization(this.scope) === null) throw forbidden('Chỉ cán bộ Mặt trận, Công an và lãnh đạo tỉnh được xem danh sách đánh giá mô hình.');
    if (!this.scope.coversUnit(unitId)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
  }

  /** A model's reviews the caller may read, oldest first (never an error: a model field must not fail a whole list). */
  forModel(modelId: string): ModelReviewRow[] {
    return stmts(this.db).byModel.all({ modelId }).filter((r) => this.canRead(r));
  }

  list(f: { unitId?: string | null; periodId?: string | null; modelId?: string | null; rating?: ModelRating | null }, first: number): ModelReviewRow[] {
    const unitId = unitOrJurisdiction(this.scope, f.unitId);
    this.assertMonitorOrLeadership(unitId);
    pageSize('first', first, MAX_REVIEWS);
    const { from, to } = periodRange('periodId', f.periodId);
    return stmts(this.db).list.all({ units: JSON.stringify([...this.scope.visibleUnder(unitId)]), from, to, modelId: f.modelId ?? null, rating: f.rating ?? null, limit: first });
  }

  /**
   * Ids of the models in a unit (and below it, and in the units that preceded it) whose latest review in the
   * assessment year of communes and establishments (16 November to 15 November, Circular 124/2021) rated them
   * effective: the criterion "at least one effective model".
   */
  effectiveModelIds(unitId: string, year: number, opts: { countsOnly?: boolean } = {}): string[] {
    if (!Number.isInteger(year) || year < 2019 || year > Number(todayInVietnam().slice(0, 4)) + 1) throw invalidInput('year', 'Năm đánh giá phải từ 2019 đến năm sau năm nay.', 'YEAR_OUT_OF_RANGE');
    const u = unitOrJurisdiction(this.scope, unitId);
    if (opts.countsOnly && this.scope.has('DASHBOARD')) {
      if (!this.scope.coversUnit(u)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
    } else this.assertMonitorOrLeadership(u);
    const window = periodById(`${year}-ATANTT-UNIT`)!;
    const latest = new Map<string, string>();
    for (const r of stmts(this.db).inWindow.all({ units: JSON.stringify([...this.scope.visibleUnder(u)]), from: window.start, to: window.end })) latest.set(r.modelId, r.rating);
    return [...latest].filter(([, rating]) => rating === 'EFFECTIVE').map(([id]) => id);
  }

  /** Records a review: the Front's or the police's staff, inside their jurisdiction. */
  record(input: ModelReviewFields): ModelReviewRow {
    const v = validateModelReview(input);
    const reviewer = monitorOrganization(this.scope);
    if (!reviewer) throw forbidden('Chỉ cán bộ Mặt trận và Công an được đánh giá mô hình.');
    if (!this.scope.coversUnit(v.unitId)) throw forbidden('Không thể ghi hồ sơ cho đơn vị nằm ngoài địa bàn bạn phụ trách.');
    return this.db.insert(modelReviews).values({ ...v, reviewerOrg: reviewer, recordedBy: this.scope.identity.userId }).returning().get();
  }
}
