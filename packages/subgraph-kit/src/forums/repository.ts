/**
 * All SQL for forums and opinions, prepared once per database and filtered by the caller's scope.
 * Ids in the graph are `forum:<org>:<n>` and `opinion:<org>:<n>`; the tables keep the number.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { forbidden, notFound, type Scope } from '@antt/auth';
import { ORGANIZATIONS, recordId, todayInVietnam, type ForumKind, type OrganizationId } from '@antt/reference';
import { preparedPerDatabase, type Db } from '../db.js';
import { assertCanReadMovement, assertCanReadMovementCounts, canReadMovementRecords, staffOrganization } from '../policy.js';
import { pageSize, periodRange, unitOrJurisdiction } from '../check.js';
import { forums, opinions } from './table.js';
import { validateAnswer, validateForum, validateOpinion, type AnswerFields, type ForumFields, type OpinionFields } from './validate.js';

export type ForumRow = typeof forums.$inferSelect;
export type OpinionRow = typeof opinions.$inferSelect;
export const MAX_LIST = 500;

function prepare(db: Db) {
  const units = sql`(SELECT value FROM json_each(${sql.placeholder('units')}))`;
  const forumFilter = and(
    sql`${forums.unitId} IN ${units}`,
    sql`${forums.date} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`,
    sql`(${sql.placeholder('kind')} IS NULL OR ${forums.kind} = ${sql.placeholder('kind')})`,
  );
  const isOverdue = sql`(${opinions.answeredOn} IS NULL AND ${opinions.dueDate} < ${sql.placeholder('today')})`;
  const opinionScope = and(sql`${opinions.unitId} IN ${units}`, sql`${opinions.raisedOn} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`);
  const opinionFilter = and(
    opinionScope,
    sql`(${sql.placeholder('forumId')} IS NULL OR ${opinions.forumId} = ${sql.placeholder('forumId')})`,
    sql`(${sql.placeholder('answered')} IS NULL OR (${opinions.answeredOn} IS NOT NULL) = ${sql.placeholder('answered')})`,
    sql`(${sql.placeholder('overdue')} IS NULL OR ${isOverdue} = ${sql.placeholder('overdue')})`,
  );
  return {
    forumById: db.select().from(forums).where(eq(forums.id, sql.placeholder('id'))).prepare(),
    forums: db.select().from(forums).where(forumFilter).orderBy(desc(forums.date), desc(forums.id)).limit(sql.placeholder('limit')).prepare(),
    forumCounts: db
      .select({ kind: forums.kind, count: sql<number>`count(*)`, attendance: sql<number>`coalesce(sum(${forums.attendance}), 0)`, opinionsVoiced: sql<number>`coalesce(sum(${forums.opinionsVoiced}), 0)` })
      .from(forums)
      .where(forumFilter)
      .groupBy(forums.kind)
      .orderBy(forums.kind)
      .prepare(),
    opinionById: db.select().from(opinions).where(eq(opinions.id, sql.placeholder('id'))).prepare(),
    opinions: db.select().from(opinions).where(opinionFilter).orderBy(desc(opinions.raisedOn), desc(opinions.id)).limit(sql.placeholder('limit')).prepare(),
    opinionCounts: db
      .select({
        total: sql<number>`count(*)`,
        answered: sql<number>`coalesce(sum(${opinions.answeredOn} IS NOT NULL), 0)`,
        answeredLate: sql<number>`coalesce(sum(${opinions.answeredOn} > ${opinions.dueDate}), 0)`,
        open: sql<number>`coalesce(sum(${opinions.answeredOn} IS NULL), 0)`,
        overdue: sql<number>`coalesce(sum(${isOverdue}), 0)`,
      })
      .from(opinions)
      .where(opinionScope)
      .prepare(),
  };
}

const stmts = preparedPerDatabase(prepare);

export interface ForumFilter {
  unitId?: string | null;
  periodId?: string | null;
  kind?: ForumKind | null;
}

export class ForumRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  /** The forum, or null when it does not exist or is not the caller's to see: the two look the same. */
  byId(n: number): ForumRow | null {
    const row = stmts(this.db).forumById.get({ id: n });
    if (!row || !canReadMovementRecords(this.scope, this.org) || !this.scope.coversUnit(row.unitId)) return null;
    return row;
  }

  list(f: ForumFilter, first: number): ForumRow[] {
    const unitId = unitOrJurisdiction(this.scope, f.unitId);
    assertCanReadMovement(this.scope, this.org, unitId);
    pageSize('first', first, MAX_LIST);
    const { from, to } = periodRange('periodId', f.periodId);
    return stmts(this.db).forums.all({ units: JSON.stringify([...this.scope.visibleUnder(unitId)]), from, to, kind: f.kind ?? null, limit: first });
  }

  counts(unitId: string, periodId: string) {
    assertCanReadMovementCounts(this.scope, this.org, unitOrJurisdiction(this.scope, unitId));
    const { from, to } = periodRange('periodId', periodId);
    return stmts(this.db).forumCounts.all({ units: JSON.stringify([...this.scope.visibleUnder(unitId)]), from, to, kind: null });
  }

  record(input: ForumFields): ForumRow {
    const v = validateForum(this.org, input);
    this.scope.assertCanWrite(this.org, v.unitId);
    return this.db.insert(forums).values({ ...v, recordedBy: this.scope.identity.userId }).returning().get();
  }
}

export interface OpinionFilter {
  unitId?: string | null;
  periodId?: string | null;
  forumId?: string | null;
  status?: 'OPEN' | 'ANSWERED' | null;
  overdue?: boolean | null;
}

export class OpinionRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  globalId(row: OpinionRow): string {
    return recordId('opinion', this.org, row.id);
  }

  /** The opinion, or null when it does not exist or is not the caller's to see: the two look the same. */
  byId(n: number): OpinionRow | null {
    const row = stmts(this.db).opinionById.get({ id: n });
    if (!row || !canReadMovementRecords(this.scope, this.org) || !this.scope.coversUnit(row.unitId)) return null;
    return row;
  }

  list(f: OpinionFilter, first: number, today = todayInVietnam()): OpinionRow[] {
    const unitId = unitOrJurisdiction(this.scope, f.unitId);
    assertCanReadMovement(this.scope, this.org, unitId);
    pageSize('first', first, MAX_LIST);
    const { from, to } = periodRange('periodId', f.periodId);
    const answered = f.status == null ? null : f.status === 'ANSWERED' ? 1 : 0;
    const overdue = f.overdue == null ? null : f.overdue ? 1 : 0;
    return stmts(this.db).opinions.all({ units: JSON.stringify([...this.scope.visibleUnder(unitId)]), from, to, forumId: f.forumId ?? null, answered, overdue, today, limit: first });
  }

  counts(unitId: string, periodId: string, today = todayInVietnam()) {
    assertCanReadMovementCounts(this.scope, this.org, unitOrJurisdiction(this.scope, unitId));
    const { from, to } = periodRange('periodId', periodId);
    return stmts(this.db).opinionCounts.get({ units: JSON.stringify([...this.scope.visibleUnder(unitId)]), from, to, today })!;
  }

  /**
   * Hands an opinion over to this organization, which must answer it (or forward it to `agency`). Written
   * by this organization's staff, by the Front (which chairs the forums and follows every opinion up), or
   * by staff of the organization that hosted the forum, inside their jurisdiction.
   */
  handOver(input: OpinionFields): OpinionRow {
    const v = validateOpinion(input);
    const writer = staffOrganization(this.scope);
    if (!writer || !(writer === this.org || writer === 'front' || writer === v.forumHost)) {
      throw forbidden(`Chỉ cán bộ của ${ORGANIZATIONS[this.org].nameVi}, của Mặt trận hoặc của tổ chức chủ trì diễn đàn mới được chuyển ý kiến cho ${ORGANIZATIONS[this.org].nameVi}.`);
    }
    if (!this.scope.coversUnit(v.unitId)) throw forbidden('Không thể ghi hồ sơ cho đơn vị nằm ngoài địa bàn bạn phụ trách.');
    const { forumHost: _host, ...row } = v;
    return this.db.insert(opinions).values({ ...row, handedOverBy: writer, recordedBy: this.scope.identity.userId }).returning().get();
  }

  /** Records the answer: only this organization's staff answer what was handed to it. */
  answer(n: number, input: AnswerFields): OpinionRow {
    const current = stmts(this.db).opinionById.get({ id: n });
    if (!current || !this.scope.canWrite(this.org) || !this.scope.coversUnit(current.unitId)) {
      // Others may read it (the Front, the police) but not answer for this organization; strangers learn nothing.
      if (current && canReadMovementRecords(this.scope, this.org) && this.scope.coversUnit(current.unitId)) throw forbidden(`Chỉ cán bộ của ${ORGANIZATIONS[this.org].nameVi} mới được trả lời ý kiến này.`);
      throw notFound(`Không tìm thấy ý kiến ${recordId('opinion', this.org, n)}.`);
    }
    const v = validateAnswer(current, input);
    return this.db.update(opinions).set({ ...v, answeredBy: this.scope.identity.userId }).where(eq(opinions.id, n)).returning().get();
  }
}
