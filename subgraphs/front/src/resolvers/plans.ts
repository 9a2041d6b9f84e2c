/**
 * The coordination plans, their tasks and the yearly focus. Plans are the organizations' common
 * reference: every caller reads them; the Front's and the police's provincial staff, who issue them
 * together, write them. The tasks are the FrontPlanTask kind; CoordinationPlanTask shows them as before,
 * `status` being the task's progress.
 */
import type { Resolvers } from '../generated/resolvers.js';
import { GraphQLError } from 'graphql';
import { forbidden, invalidInput, notFound } from '@antt/auth';
import { ORGANIZATIONS, planTask, territory, todayInVietnam } from '@antt/reference';
import { inputNamed, sqliteOf, storedCode, underArguments, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { PLAN_TASK_STATUSES, plans, planTasks, type PlanTaskStatus } from '../kinds/index.js';
import { currentRecords, currentVersion, standingRecord, writerFor } from '../records.js';

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

/** A plan's tasks, in the plan's order (the order they were first recorded in). */
function tasksOf(ctx: SubgraphContext, planId: string): StoredRecord[] {
  return currentRecords(ctx, planTasks, {
    where: 'plan_id = @planId',
    params: { planId },
    orderBy: `(SELECT min(f.id) FROM plan_tasks f WHERE f.record_id = plan_tasks.record_id)`,
  });
}

/** The plan is issued at province level by the Front and the police together. */
function assertCanWrite(ctx: SubgraphContext): void {
  if (ctx.scope.principal.monitorOf === null) throw forbidden('Chỉ cán bộ Mặt trận và Công an được ghi kế hoạch phối hợp.');
  if (!ctx.scope.principal.covers(territory().provinceId)) throw forbidden('Kế hoạch phối hợp của tỉnh do cán bộ cấp tỉnh ghi.');
}

/**
 * Records a plan and its tasks in one transaction (the writer's, so that nothing is kept when one task
 * is refused); problems are named as in the plan's input (`input.tasks[1].code`).
 */
export function recordPlan(
  ctx: SubgraphContext,
  input: PlanFields,
  opts: {
    progress?: (t: PlanTaskFields) => { progress: PlanTaskStatus; statusSince: string | null };
    write?: (kind: typeof plans, values: Record<string, unknown>) => StoredRecord;
  } = {},
): StoredRecord {
  const write = opts.write ?? ((kind, values) => writerFor(ctx, kind).create(values));
  if (input.predecessorId != null && !standingRecord(ctx, plans, input.predecessorId))
    throw invalidInput('input.predecessorId', 'Không có kế hoạch này.', 'UNKNOWN_PLAN');
  const existing = currentRecords(ctx, plans, {
    where: 'number = @number',
    params: { number: typeof input.number === 'string' ? input.number.trim() : '' },
    limit: 1,
  })[0];
  if (existing) throw invalidInput('input.number', `Đã có kế hoạch số này (mã ${existing.id}).`, 'DUPLICATE_NUMBER');
  // The plan's own years first: a task's year is checked against them.
  if (Number.isInteger(input.fromYear) && Number.isInteger(input.toYear) && input.toYear < input.fromYear)
    throw invalidInput('input.toYear', 'Năm kết thúc trước năm bắt đầu.', 'RANGE_REVERSED');
  if (input.tasks.length > 200) throw invalidInput('input.tasks', 'Tối đa 200 nhiệm vụ một kế hoạch.', 'TOO_MANY');
  const codes = new Set<string>();
  input.tasks.forEach((t, i) => {
    const code = typeof t.code === 'string' ? t.code.trim() : '';
    if (codes.has(code)) throw invalidInput(`input.tasks[${i}].code`, 'Mã nhiệm vụ bị trùng trong kế hoạch.', 'DUPLICATE');
    codes.add(code);
    if (t.year != null && (!Number.isInteger(t.year) || t.year < input.fromYear || t.year > input.toYear))
      throw invalidInput(`input.tasks[${i}].year`, `Năm phải trong thời gian của kế hoạch (${input.fromYear}-${input.toYear}).`, 'YEAR_OUT_OF_PLAN');
  });
  return sqliteOf(ctx.db)
    .transaction(() => {
      const { tasks, ...fields } = input;
      const plan = underArguments(inputNamed(), () => write(plans, { ...fields, unitId: territory().provinceId }));
      tasks.forEach((t, i) => {
        const { progress, statusSince } = opts.progress?.(t) ?? { progress: 'NOT_STARTED' as const, statusSince: null };
        underArguments(
          inputNamed({ planTaskRef: 'planTaskId', leadOrgs: 'leadOrganizationIds', participatingOrgs: 'participatingOrganizationIds' }, `input.tasks[${i}]`),
          () =>
            write(planTasks, {
              planId: plan.id,
              code: t.code,
              section: t.section,
              year: t.year ?? null,
              title: t.title,
              planTaskRef: t.planTaskId ?? null,
              leadOrgs: t.leadOrganizationIds,
              participatingOrgs: t.participatingOrganizationIds ?? [],
              deadline: t.deadline ?? null,
              progress,
              statusSince,
              setOn: input.issuedOn,
              unitId: territory().provinceId,
            }),
        );
      });
      return plan;
    })
    .immediate();
}

const orgs = (ids: unknown) => (Array.isArray(ids) ? ids : []).map((o) => ORGANIZATIONS[storedCode(ORGANIZATIONS, o)]);

export const planResolvers: Resolvers = {
  CoordinationPlan: {
    // Every organization reads the plans (the framework's own reference check is the Front's staff's).
    __resolveReference: (ref, ctx) => currentVersion(ctx, plans, ref.id),
    predecessor: (r, _, ctx) => standingRecord(ctx, plans, typeof r.predecessorId === 'string' ? r.predecessorId : null),
    successors: (r, _, ctx) => currentRecords(ctx, plans, { where: 'predecessor_id = @id', params: { id: r.id }, orderBy: 'from_year ASC' }),
    tasks: (r, a, ctx) => tasksOf(ctx, String(r.id)).filter((t) => (!a.section || t.section === a.section) && (a.year == null || t.year === a.year)),
    yearlyFocus: (r, { year }, ctx) => tasksOf(ctx, String(r.id)).filter((t) => t.section === 'IV' && t.year === year),
  },
  CoordinationPlanTask: {
    status: (r) => storedCode(PLAN_TASK_STATUSES, r.progress),
    planTask: (r) => (typeof r.planTaskRef === 'string' ? (planTask(r.planTaskRef) ?? null) : null),
    leadOrganizations: (r) => orgs(r.leadOrgs),
    participatingOrganizations: (r) => orgs(r.participatingOrgs),
    overdue: (r) => typeof r.deadline === 'string' && r.deadline < todayInVietnam() && r.progress !== 'DONE' && r.progress !== 'CANCELLED',
  },
  Query: {
    frontPlans: (_, __, ctx) =>
      currentRecords(ctx, plans, { orderBy: 'from_year ASC, (SELECT min(f.id) FROM plans f WHERE f.record_id = plans.record_id) ASC' }),
    frontPlan: (_, { id }, ctx) => standingRecord(ctx, plans, id),
  },
  Mutation: {
    recordFrontPlan: (_, { input }, ctx) => {
      assertCanWrite(ctx);
      return recordPlan(ctx, input);
    },
    updateFrontPlanTaskStatus: (_, { id, input }, ctx) => {
      assertCanWrite(ctx);
      const current = standingRecord(ctx, planTasks, id);
      if (!current) throw notFound(`Không tìm thấy nhiệm vụ ${id}.`);
      try {
        return underArguments(inputNamed({ progress: 'status', statusSince: 'since', statusNote: 'note' }), () =>
          writerFor(ctx, planTasks).correct(
            id,
            { progress: input.status, statusSince: input.since, statusNote: input.note ?? null },
            'Cập nhật tiến độ nhiệm vụ',
          ),
        );
      } catch (e) {
        // The same progress again is no change: answer with the task as it stands.
        if (e instanceof GraphQLError && e.extensions?.reason === 'NO_CHANGE') return current;
        throw e;
      }
    },
  },
};
