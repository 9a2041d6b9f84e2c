/**
 * All SQL for activities. Statements are prepared once per database (drizzle without .prepare() costs
 * about 14 times more per query); the repository adds the caller's scope to every one of them.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { invalidInput, notFound, type Scope } from '@antt/auth';
import { periodById, territory, type OrganizationId } from '@antt/reference';
import { preparedPerDatabase, type Db } from '../db.js';
import { activities, activityRevisions } from './table.js';
import { validateActivity, type ActivityFields } from './validate.js';
import type { ActivityType } from './types.js';
import { assertCanReadMovementCounts } from '../policy.js';

export type ActivityRow = typeof activities.$inferSelect;

export const MAX_PAGE = 200;
const FAR_PAST = '0000-01-01';
const FAR_FUTURE = '9999-12-31';

function prepare(db: Db) {
  const units = sql`(SELECT value FROM json_each(${sql.placeholder('units')}))`;
  const inRange = sql`${activities.date} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`;
  const ofType = sql`(${sql.placeholder('type')} IS NULL OR ${activities.type} = ${sql.placeholder('type')})`;
  const filter = and(sql`${activities.unitId} IN ${units}`, inRange, ofType);
  return {
    byId: db.select().from(activities).where(eq(activities.id, sql.placeholder('id'))).prepare(),
    page: db
      .select()
      .from(activities)
      .where(and(filter, sql`(${activities.date} < ${sql.placeholder('afterDate')} OR (${activities.date} = ${sql.placeholder('afterDate')} AND ${activities.id} < ${sql.placeholder('afterId')}))`))
      .orderBy(desc(activities.date), desc(activities.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
    total: db.select({ n: sql<number>`count(*)` }).from(activities).where(filter).prepare(),
    counts: db
      .select({ type: activities.type, count: sql<number>`count(*)`, participants: sql<number>`coalesce(sum(${activities.participants}), 0)` })
      .from(activities)
      .where(filter)
      .groupBy(activities.type)
      .orderBy(activities.type)
      .prepare(),
    countsByTask: db
      .select({ planTaskId: activities.planTaskId, count: sql<number>`count(*)`, participants: sql<number>`coalesce(sum(${activities.participants}), 0)` })
      .from(activities)
      .where(filter)
      .groupBy(activities.planTaskId)
      .orderBy(activities.planTaskId)
      .prepare(),
  };
}

const stmts = preparedPerDatabase(prepare);

export interface ActivityFilter {
  unitId?: string | null;
  periodId?: string | null;
  from?: string | null;
  to?: string | null;
  type?: ActivityType | null;
}

export interface ActivityPage {
  nodes: ActivityRow[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

function encodeCursor(row: ActivityRow): string {
  return Buffer.from(`${row.date}|${row.id}`).toString('base64url');
}
function decodeCursor(cursor: string): { afterDate: string; afterId: number } {
  const m = /^(\d{4}-\d{2}-\d{2})\|(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw invalidInput('after', 'Con trỏ phân trang không hợp lệ: dùng endCursor của trang trước.', 'INVALID_CURSOR');
  return { afterDate: m[1]!, afterId: Number(m[2]) };
}

export class ActivityRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  /** The activity, or null when it does not exist or lies outside what the caller may read: the two look the same. */
  byId(id: number): ActivityRow | null {
    const row = stmts(this.db).byId.get({ id });
    if (!row || !this.scope.canReadRecords(this.org) || !this.scope.coversUnit(row.unitId)) return null;
    return row;
  }

  private resolveFilter(f: ActivityFilter) {
    const unitId = f.unitId ?? this.scope.identity.unitId;
    if (!territory().unit(unitId)) throw invalidInput('unitId', `Không có đơn vị "${unitId}".`, 'UNKNOWN_UNIT');
    let from = f.from ?? FAR_PAST;
    let to = f.to ?? FAR_FUTURE;
    if (f.periodId != null) {
      const p = periodById(f.periodId);
      if (!p) throw invalidInput('periodId', `Không có kỳ "${f.periodId}" (ví dụ: 2021-05, 2021-Q2, 2021-PLAN-Y).`, 'UNKNOWN_PERIOD');
      from = from > p.start ? from : p.start;
      to = to < p.end ? to : p.end;
    }
    return { unitId, from, to, type: f.type ?? null };
  }

  list(f: ActivityFilter, first: number, after?: string | null): ActivityPage {
    const { unitId, from, to, type } = this.resolveFilter(f);
    this.scope.assertCanReadRecords(this.org, unitId);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw invalidInput('first', `Số bản ghi mỗi trang phải từ 1 đến ${MAX_PAGE}.`, 'PAGE_SIZE');
    const units = JSON.stringify([...this.scope.visibleUnder(unitId)]);
    const cursor = after ? decodeCursor(after) : { afterDate: FAR_FUTURE, afterId: Number.MAX_SAFE_INTEGER };
    const rows = stmts(this.db).page.all({ units, from, to, type, ...cursor, limit: first + 1 });
    const nodes = rows.slice(0, first);
    const total = stmts(this.db).total.get({ units, from, to, type })?.n ?? 0;
    return { nodes, totalCount: total, hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!) : null };
  }

  /** Counts by type for a unit and everything below it, including records kept under the old units. */
  countsByType(unitId: string, periodId: string): { type: string; count: number; participants: number }[] {
    const r = this.resolveFilter({ unitId, periodId });
    this.scope.assertCanReadAggregates(this.org, r.unitId);
    const units = JSON.stringify([...this.scope.visibleUnder(r.unitId)]);
    return stmts(this.db).counts.all({ units, from: r.from, to: r.to, type: null });
  }

  /**
   * Counts by the task of the plan they serve (null: no task), for a unit and everything below it. The
   * Front and the police follow every organization's part of the plan, so their staff read these too.
   */
  countsByTask(unitId: string, periodId: string): { planTaskId: string | null; count: number; participants: number }[] {
    const r = this.resolveFilter({ unitId, periodId });
    assertCanReadMovementCounts(this.scope, this.org, r.unitId);
    const units = JSON.stringify([...this.scope.visibleUnder(r.unitId)]);
    return stmts(this.db).countsByTask.all({ units, from: r.from, to: r.to, type: null });
  }

  record(input: ActivityFields, opts: { demo?: boolean } = {}): ActivityRow {
    const v = validateActivity(this.org, input);
    this.scope.assertCanWrite(this.org, v.unitId);
    return this.db
      .insert(activities)
      .values({ ...v, demo: opts.demo ?? false, recordedBy: this.scope.identity.userId })
      .returning()
      .get();
  }

  /**
   * Corrects an activity. The row as it was is kept in activity_revisions, in the same transaction, so a
   * correction never loses what was stored.
   */
  correct(id: number, patch: Partial<ActivityFields>, reason: string | null): ActivityRow {
    const current = stmts(this.db).byId.get({ id });
    // Outside the caller's reach, a record and no record look the same.
    if (!current || !this.scope.canWrite(this.org) || !this.scope.coversUnit(current.unitId)) throw notFound(`Không tìm thấy hoạt động ${id}.`);
    const merged: ActivityFields = {
      type: (patch.type ?? current.type) as ActivityType,
      topic: patch.topic ?? current.topic,
      date: patch.date ?? current.date,
      unitId: patch.unitId ?? current.unitId,
      // A new unit or date usually means a different branch: derive it again unless one is given.
      branchId: patch.branchId !== undefined ? patch.branchId : patch.unitId || patch.date ? null : current.branchId,
      participants: patch.participants ?? current.participants,
      note: patch.note !== undefined ? patch.note : current.note,
      planTaskId: patch.planTaskId !== undefined ? patch.planTaskId : current.planTaskId,
    };
    const v = validateActivity(this.org, merged);
    this.scope.assertCanWrite(this.org, v.unitId);
    if (reason != null && reason.length > 1000) throw invalidInput('reason', 'Lý do sửa dài quá 1000 ký tự.', 'TOO_LONG');
    const now = new Date().toISOString();
    const who = this.scope.identity.userId;
    return this.db.transaction((tx) => {
      tx.insert(activityRevisions).values({ activityId: id, previous: JSON.stringify(current), reason: reason?.trim() || null, correctedBy: who, correctedAt: now }).run();
      return tx.update(activities).set({ ...v, correctedBy: who, correctedAt: now }).where(eq(activities.id, id)).returning().get();
    });
  }

  revisions(id: number) {
    return this.db.select().from(activityRevisions).where(eq(activityRevisions.activityId, id)).orderBy(activityRevisions.id).all();
  }
}

