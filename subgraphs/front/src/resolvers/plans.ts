/**
 * The coordination plans, their tasks and the yearly focus. Plans are the organizations' common
 * reference: every caller reads them; the Front's and the police's provincial staff, who issue them
 * together, write them. The tasks are the FrontPlanTask kind; CoordinationPlanTask shows them as before,
 * `status` being the task's progress.
 */
import { GraphQLError } from 'graphql';
import { forbidden, invalidInput, notFound } from '@antt/auth';
import { ORGANIZATIONS, planTask, territory, todayInVietnam, type OrganizationId } from '@antt/reference';
import { monitorOrganization, sqliteOf, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { plans, planTasks, type PlanTaskStatus } from '../kinds/index.js';
import { asArguments, currentRecords, currentVersion, standingRecord, writerFor } from '../records.js';

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
  if (!monitorOrganization(ctx.scope)) throw forbidden('Chỉ cán bộ Mặt trận và Công an được ghi kế hoạch phối hợp.');
  if (!ctx.scope.coversUnit(territory().provinceId)) throw forbidden('Kế hoạch phối hợp của tỉnh do cán bộ cấp tỉnh ghi.');
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
      const plan = asArguments(() => write(plans, { ...fields, unitId: territory().provinceId }));
      tasks.forEach((t, i) => {
        const { progress, statusSince } = opts.progress?.(t) ?? { progress: 'NOT_STARTED' as const, statusSince: null };
        asArguments(
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
          { planTaskRef: 'planTaskId', leadOrgs: 'leadOrganizationIds', participatingOrgs: 'participatingOrganizationIds' },
          `input.tasks[${i}]`,
        );
      });
      return plan;
    })
    .immediate();
}

const orgs = (ids: unknown) => ((ids as OrganizationId[] | null) ?? []).map((o) => ORGANIZATIONS[o]);

export const planResolvers = {
  CoordinationPlan: {
    // Every organization reads the plans (the framework's own reference check is the Front's staff's).
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => currentVersion(ctx, plans, ref.id),
    predecessor: (r: StoredRecord, _: unknown, ctx: SubgraphContext) => standingRecord(ctx, plans, r.predecessorId as string | null),
    successors: (r: StoredRecord, _: unknown, ctx: SubgraphContext) =>
      currentRecords(ctx, plans, { where: 'predecessor_id = @id', params: { id: r.id }, orderBy: 'from_year ASC' }),
    tasks: (r: StoredRecord, a: { section?: 'II' | 'IV' | null; year?: number | null }, ctx: SubgraphContext) =>
      tasksOf(ctx, r.id).filter((t) => (!a.section || t.section === a.section) && (a.year == null || t.year === a.year)),
    yearlyFocus: (r: StoredRecord, { year }: { year: number }, ctx: SubgraphContext) => tasksOf(ctx, r.id).filter((t) => t.section === 'IV' && t.year === year),
  },
  CoordinationPlanTask: {
    status: (r: StoredRecord) => r.progress,
    planTask: (r: StoredRecord) => (r.planTaskRef ? (planTask(r.planTaskRef as string) ?? null) : null),
    leadOrganizations: (r: StoredRecord) => orgs(r.leadOrgs),
    participatingOrganizations: (r: StoredRecord) => orgs(r.participatingOrgs),
    overdue: (r: StoredRecord) => r.deadline != null && (r.deadline as string) < todayInVietnam() && r.progress !== 'DONE' && r.progress !== 'CANCELLED',
  },
  Query: {
    frontPlans: (_: unknown, __: unknown, ctx: SubgraphContext) =>
      currentRecords(ctx, plans, { orderBy: 'from_year ASC, (SELECT min(f.id) FROM plans f WHERE f.record_id = plans.record_id) ASC' }),
    frontPlan: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => standingRecord(ctx, plans, id),
  },
  Mutation: {
    recordFrontPlan: (_: unknown, { input }: { input: PlanFields }, ctx: SubgraphContext) => {
      assertCanWrite(ctx);
      return recordPlan(ctx, input);
    },
    updateFrontPlanTaskStatus: (
      _: unknown,
      { id, input }: { id: string; input: { status: PlanTaskStatus; since: string; note?: string | null } },
      ctx: SubgraphContext,
    ) => {
      assertCanWrite(ctx);
      if (!standingRecord(ctx, planTasks, id)) throw notFound(`Không tìm thấy nhiệm vụ ${id}.`);
      try {
        return asArguments(
          () =>
            writerFor(ctx, planTasks).correct(
              id,
              { progress: input.status, statusSince: input.since, statusNote: input.note ?? null },
              'Cập nhật tiến độ nhiệm vụ',
            ),
          { progress: 'status', statusSince: 'since', statusNote: 'note' },
        );
      } catch (e) {
        // The same progress again is no change: answer with the task as it stands.
        if (e instanceof GraphQLError && e.extensions?.reason === 'NO_CHANGE') return standingRecord(ctx, planTasks, id);
        throw e;
      }
    },
  },
};
