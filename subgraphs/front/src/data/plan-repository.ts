/**
 * The coordination plan (155/KH-MTTQ-CAT, 2021-2023) and its successors, with their tasks from sections II
 * and IV and the yearly focus (IV.3). Plans are the organizations' common reference: every caller reads
 * them; the Front's and the police's provincial staff, who issued them together, write them.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { forbidden, invalidInput, notFound, type Scope } from '@antt/auth';
import { isIsoDate, planTask, territory, todayInVietnam, type OrganizationId } from '@antt/reference';
import { preparedPerDatabase, monitorOrganization, notInFuture, optionalText, otherOrganizations, requiredText, type Db } from '@antt/subgraph-kit';
import { plans, planTasks } from '../db/schema.js';

export type PlanRow = typeof plans.$inferSelect;
export type PlanTaskRow = typeof planTasks.$inferSelect;
export const PLAN_TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type PlanTaskStatus = (typeof PLAN_TASK_STATUSES)[number];

export interface PlanTaskFields {
  code: string;
  section: 'II' | 'IV';
  year?: number | null;
  title: string;
  planTaskId?: string | null;
  leadOrganizationIds: string[];
  participatingOrganizationIds?: string[] | null;
  deadline?: string | null;
}

export interface PlanFields {
  number: string;
  title: string;
  issuedOn: string;
  issuers: string;
  fromYear: number;
  toYear: number;
  predecessorId?: string | null;
  tasks: PlanTaskFields[];
}

export function validatePlan(f: PlanFields, exists: { number: (n: string) => boolean; plan: (id: number) => boolean }, prefix = 'input', today = todayInVietnam()) {
  const at = (name: string) => `${prefix}.${name}`;
  const number = requiredText(at('number'), f.number, 100, 'Số kế hoạch');
  if (exists.number(number)) throw invalidInput(at('number'), `Đã có kế hoạch số ${number}.`, 'DUPLICATE_NUMBER');
  const title = requiredText(at('title'), f.title, 1000, 'Trích yếu');
  const issuers = requiredText(at('issuers'), f.issuers, 300, 'Cơ quan ban hành');
  notInFuture(at('issuedOn'), f.issuedOn, 'Ngày ban hành', today);
  for (const [name, y] of [['fromYear', f.fromYear], ['toYear', f.toYear]] as const) {
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw invalidInput(at(name), 'Năm phải từ 2000 đến 2100.', 'YEAR_OUT_OF_RANGE');
  }
  if (f.toYear < f.fromYear) throw invalidInput(at('toYear'), 'Năm kết thúc trước năm bắt đầu.', 'RANGE_REVERSED');
  let predecessorId: number | null = null;
  if (f.predecessorId != null) {
    const n = /^[1-9]\d{0,9}$/.test(f.predecessorId) ? Number(f.predecessorId) : 0;
    if (!n || !exists.plan(n)) throw invalidInput(at('predecessorId'), `Không có kế hoạch "${f.predecessorId}".`, 'UNKNOWN_PLAN');
    predecessorId = n;
  }
  if (f.tasks.length > 200) throw invalidInput(at('tasks'), 'Tối đa 200 nhiệm vụ một kế hoạch.', 'TOO_MANY');
  const codes = new Set<string>();
  const tasks = f.tasks.map((t, i) => {
    const tat = (name: string) => `${prefix}.tasks[${i}].${name}`;
    const code = requiredText(tat('code'), t.code, 50, 'Mã nhiệm vụ');
    if (codes.has(code)) throw invalidInput(tat('code'), `Mã nhiệm vụ ${code} bị trùng.`, 'DUPLICATE');
    codes.add(code);
    if (t.section !== 'II' && t.section !== 'IV') throw invalidInput(tat('section'), 'Mục phải là II hoặc IV.', 'UNKNOWN_SECTION');
    if (t.year != null && (!Number.isInteger(t.year) || t.year < f.fromYear || t.year > f.toYear)) throw invalidInput(tat('year'), `Năm phải trong thời gian của kế hoạch (${f.fromYear}-${f.toYear}).`, 'YEAR_OUT_OF_PLAN');
    if (t.planTaskId != null && !planTask(t.planTaskId)) throw invalidInput(tat('planTaskId'), `Nhiệm vụ "${t.planTaskId}" không có trong mục II của Kế hoạch 155 (II.1 đến II.7).`, 'UNKNOWN_PLAN_TASK');
    const lead = otherOrganizations(tat('leadOrganizationIds'), t.leadOrganizationIds, null);
    if (!lead.length) throw invalidInput(tat('leadOrganizationIds'), 'Cần ít nhất một tổ chức chủ trì.', 'REQUIRED');
    const participating = otherOrganizations(tat('participatingOrganizationIds'), t.participatingOrganizationIds, null);
    if (t.deadline != null && !isIsoDate(t.deadline)) throw invalidInput(tat('deadline'), 'Thời hạn không hợp lệ.', 'INVALID_DATE');
    return { code, section: t.section, year: t.year ?? null, title: requiredText(tat('title'), t.title, 1000, 'Nội dung nhiệm vụ'), planTaskRef: t.planTaskId ?? null, leadOrgs: JSON.stringify(lead), participatingOrgs: JSON.stringify(participating), deadline: t.deadline ?? null };
  });
  return { plan: { number, title, issuers, issuedOn: f.issuedOn, fromYear: f.fromYear, toYear: f.toYear, predecessorId }, tasks };
}

function prepare(db: Db) {
  return {
    all: db.select().from(plans).orderBy(asc(plans.fromYear), asc(plans.id)).prepare(),
    byId: db.select().from(plans).where(eq(plans.id, sql.placeholder('id'))).prepare(),
    byNumber: db.select({ id: plans.id }).from(plans).where(eq(plans.number, sql.placeholder('number'))).prepare(),
    successors: db.select().from(plans).where(eq(plans.predecessorId, sql.placeholder('id'))).orderBy(asc(plans.fromYear)).prepare(),
    tasks: db.select().from(planTasks).where(eq(planTasks.planId, sql.placeholder('planId'))).orderBy(asc(planTasks.id)).prepare(),
    task: db.select().from(planTasks).where(eq(planTasks.id, sql.placeholder('id'))).prepare(),
  };
}

const stmts = preparedPerDatabase(prepare);

export class PlanRepository {
  constructor(
    private readonly db: Db,
    _org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  all(): PlanRow[] {
    return stmts(this.db).all.all();
  }

  byId(n: number): PlanRow | null {
    return stmts(this.db).byId.get({ id: n }) ?? null;
  }

  successors(n: number): PlanRow[] {
    return stmts(this.db).successors.all({ id: n });
  }

  tasks(planId: number): PlanTaskRow[] {
    return stmts(this.db).tasks.all({ planId });
  }

  /** The plan is issued at province level by the Front and the police together. */
  private assertCanWrite(): void {
    if (!monitorOrganization(this.scope)) throw forbidden('Chỉ cán bộ Mặt trận và Công an được ghi kế hoạch phối hợp.');
    if (!this.scope.coversUnit(territory().provinceId)) throw forbidden('Kế hoạch phối hợp của tỉnh do cán bộ cấp tỉnh ghi.');
  }

  record(input: PlanFields): PlanRow & { tasks: PlanTaskRow[] } {
    this.assertCanWrite();
    const v = validatePlan(input, { number: (n) => !!stmts(this.db).byNumber.get({ number: n }), plan: (id) => !!this.byId(id) });
    const who = this.scope.identity.userId;
    return this.db.transaction((tx) => {
      const plan = tx.insert(plans).values({ ...v.plan, recordedBy: who }).returning().get();
      const tasks = v.tasks.length ? tx.insert(planTasks).values(v.tasks.map((t) => ({ ...t, planId: plan.id }))).returning().all() : [];
      return { ...plan, tasks };
    });
  }

  updateTaskStatus(n: number, input: { status: PlanTaskStatus; since: string; note?: string | null }): PlanTaskRow {
    this.assertCanWrite();
    const current = stmts(this.db).task.get({ id: n });
    if (!current) throw notFound(`Không tìm thấy nhiệm vụ ${n}.`);
    if (!PLAN_TASK_STATUSES.includes(input.status)) throw invalidInput('input.status', `Tiến độ "${input.status}" không có trong danh mục.`, 'UNKNOWN_STATUS');
    notInFuture('input.since', input.since, 'Ngày cập nhật', todayInVietnam());
    const note = optionalText('input.note', input.note, 2000, 'Ghi chú');
    return this.db
      .update(planTasks)
      .set({ status: input.status, statusSince: input.since, statusNote: note, updatedBy: this.scope.identity.userId, updatedAt: new Date().toISOString() })
      .where(eq(planTasks.id, n))
      .returning()
      .get();
  }
}
