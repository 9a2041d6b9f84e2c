/** The plan, its tasks and yearly focus, and inspections: demo data with Plan 155, then writes. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BINH_THUAN, CHIENG_PHA, PROVINCE, dashboard, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const front = staff('front');
const police = staff('police');

describe('Plan 155/KH-MTTQ-CAT in the demo data', () => {
  let s: TestSubgraph;
  /** The id of the n-th record written to a table (new records get opaque ids). */
  const idOf = (table: string, n = 1) =>
    (s.sqlite.prepare(`SELECT record_id FROM ${table} WHERE version = 1 ORDER BY id LIMIT 1 OFFSET ?`).get(n - 1) as { record_id: string }).record_id;
  beforeAll(async () => {
    s = await openTestSubgraph(subgraph, { demo: true });
  });

  it('holds the plan with its seven key tasks, section IV, the yearly focus of 2021 to 2023, and its successor', async () => {
    const res = await s.run(
      staff('women', BINH_THUAN),
      `{ frontPlans { number fromYear toYear predecessor { number } successors { number } tasks(section: II) { code planTask { id } leadOrganizations { id } } } }`,
    );
    const [p155, next] = (
      res.data as {
        frontPlans: {
          number: string;
          fromYear: number;
          toYear: number;
          predecessor: unknown;
          successors: { number: string }[];
          tasks: { code: string; planTask: { id: string }; leadOrganizations: { id: string }[] }[];
        }[];
      }
    ).frontPlans;
    expect(p155).toMatchObject({ number: '155/KH-MTTQ-CAT', fromYear: 2021, toYear: 2023, predecessor: null, successors: [{ number: next!.number }] });
    expect(p155!.tasks.map((t) => [t.code, t.planTask.id])).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.7'].map((c) => [c, c]));
    expect(p155!.tasks[0]!.leadOrganizations).toEqual([{ id: 'front' }, { id: 'police' }]);
    expect(next).toMatchObject({ predecessor: { number: '155/KH-MTTQ-CAT' } });
    const focus = await s.run(
      dashboard(),
      `{ frontPlan(id: "${idOf('plans')}") { y2021: yearlyFocus(year: 2021) { code title leadOrganizations { id } } y2022: yearlyFocus(year: 2022) { code } y2023: yearlyFocus(year: 2023) { code } } }`,
    );
    const plan = (
      focus.data as { frontPlan: { y2021: { code: string; title: string; leadOrganizations: { id: string }[] }[]; y2022: unknown[]; y2023: unknown[] } }
    ).frontPlan;
    expect(plan.y2021.map((t) => t.code)).toEqual(['IV.3-2021-1', 'IV.3-2021-2', 'IV.3-2021-3', 'IV.3-2021-4', 'IV.3-2021-5', 'IV.3-2021-6', 'IV.3-2021-7']);
    expect(plan.y2021.find((t) => t.title.includes('Chiềng Sơn'))!.leadOrganizations).toEqual([{ id: 'women' }, { id: 'police' }]);
    expect(plan.y2022).toHaveLength(1);
    expect(plan.y2023).toHaveLength(1);
  });

  it('resolves a plan through _entities for any organization', async () => {
    expect(
      await s.run(
        staff('youth'),
        `{ _entities(representations: [{ __typename: "CoordinationPlan", id: "${idOf('plans')}" }]) { ... on CoordinationPlan { number } } }`,
      ),
    ).toEqual({ data: { _entities: [{ number: '155/KH-MTTQ-CAT' }] } });
  });

  it('covers the demo period with reviews, forums, opinions, people of standing, commendations and inspections from 2021 to this year', async () => {
    for (const table of ['model_reviews', 'forums', 'opinions', 'people_of_standing', 'commendations', 'inspections', 'models'])
      expect(s.count(table), table).toBeGreaterThan(0);
    const years = await s.run(leadership(), `{ frontInspections(unitId: "${PROVINCE}", first: 500) { nodes { startedOn } } }`);
    const seen = new Set((years.data as { frontInspections: { nodes: { startedOn: string }[] } }).frontInspections.nodes.map((i) => i.startedOn.slice(0, 4)));
    expect([...seen].sort()[0]).toBe('2021');
  });
});

describe('recording plans', () => {
  let s: TestSubgraph;
  /** The id of the n-th record written to a table (new records get opaque ids). */
  const idOf = (table: string, n = 1) =>
    (s.sqlite.prepare(`SELECT record_id FROM ${table} WHERE version = 1 ORDER BY id LIMIT 1 OFFSET ?`).get(n - 1) as { record_id: string }).record_id;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });
  const RECORD = /* GraphQL */ `
    mutation ($input: RecordFrontPlanInput!) {
      recordFrontPlan(input: $input) {
        id
        number
        tasks {
          id
          code
          section
          year
          planTask {
            id
          }
          deadline
          status
          overdue
        }
      }
    }
  `;
  const plan = {
    number: '01/KH-MTTQ-CAT',
    title: 'Kế hoạch thử nghiệm',
    issuedOn: '2024-03-15',
    issuers: 'UB MTTQ tỉnh - Công an tỉnh',
    fromYear: 2024,
    toYear: 2026,
    tasks: [
      {
        code: 'II.4',
        section: 'II',
        title: 'Diễn đàn lắng nghe ý kiến Nhân dân',
        planTaskId: 'II.4',
        leadOrganizationIds: ['front', 'police'],
        deadline: '2024-06-30',
      },
      { code: 'IV.3-2025-1', section: 'IV', year: 2025, title: 'Kiện toàn sau sắp xếp đơn vị hành chính', leadOrganizationIds: ['police'] },
    ],
  };

  it('records a plan and its tasks (the Front’s or the police’s provincial staff); a task past its deadline and not done is overdue', async () => {
    expect(await s.run(police, RECORD, { input: plan })).toEqual({
      data: {
        recordFrontPlan: {
          id: idOf('plans'),
          number: '01/KH-MTTQ-CAT',
          tasks: [
            {
              id: idOf('plan_tasks'),
              code: 'II.4',
              section: 'II',
              year: null,
              planTask: { id: 'II.4' },
              deadline: '2024-06-30',
              status: 'NOT_STARTED',
              overdue: true,
            },
            {
              id: idOf('plan_tasks', 2),
              code: 'IV.3-2025-1',
              section: 'IV',
              year: 2025,
              planTask: null,
              deadline: null,
              status: 'NOT_STARTED',
              overdue: false,
            },
          ],
        },
      },
    });
    const done = await s.run(
      front,
      `mutation { updateFrontPlanTaskStatus(id: "${idOf('plan_tasks')}", input: { status: DONE, since: "2024-06-20", note: "Đã tổ chức 75 diễn đàn" }) { status statusSince statusNote overdue } }`,
    );
    expect(done).toEqual({
      data: { updateFrontPlanTaskStatus: { status: 'DONE', statusSince: '2024-06-20', statusNote: 'Đã tổ chức 75 diễn đàn', overdue: false } },
    });
  });

  it.each([
    ['a last year before the first', { toYear: 2023 }, 'input.toYear', 'RANGE_REVERSED'],
    ['an unknown predecessor', { predecessorId: '99' }, 'input.predecessorId', 'UNKNOWN_PLAN'],
    ['two tasks with one code', { tasks: [plan.tasks[0], plan.tasks[0]] }, 'input.tasks[1].code', 'DUPLICATE'],
    ['a yearly focus outside the plan’s years', { tasks: [{ ...plan.tasks[1], year: 2030 }] }, 'input.tasks[0].year', 'YEAR_OUT_OF_PLAN'],
    ['a task nobody leads', { tasks: [{ ...plan.tasks[0], leadOrganizationIds: [] }] }, 'input.tasks[0].leadOrganizationIds', 'REQUIRED'],
    ['an unknown key task', { tasks: [{ ...plan.tasks[0], planTaskId: 'II.9' }] }, 'input.tasks[0].planTaskId', 'UNKNOWN_PLAN_TASK'],
  ])('refuses a plan with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
    expect((await s.run(front, RECORD, { input: { ...plan, ...change } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('plans')).toBe(0);
    expect(s.count('plan_tasks')).toBe(0);
  });

  it('refuses a second plan with the same number, and writes from commune staff, other organizations and leadership', async () => {
    await s.run(front, RECORD, { input: plan });
    expect((await s.run(front, RECORD, { input: plan })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.number',
      reason: 'DUPLICATE_NUMBER',
    });
    for (const who of [staff('front', BINH_THUAN), staff('women'), leadership()])
      expect((await s.run(who, RECORD, { input: { ...plan, number: 'x' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(s.count('plans')).toBe(1);
  });
});

describe('inspections', () => {
  let s: TestSubgraph;
  /** The id of the n-th record written to a table (new records get opaque ids). */
  const idOf = (table: string, n = 1) =>
    (s.sqlite.prepare(`SELECT record_id FROM ${table} WHERE version = 1 ORDER BY id LIMIT 1 OFFSET ?`).get(n - 1) as { record_id: string }).record_id;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });
  const RECORD = /* GraphQL */ `
    mutation ($input: RecordFrontInspectionInput!) {
      recordFrontInspection(input: $input) {
        id
        kind
        inspectedUnit {
          id
        }
        inspectedOrganizations {
          id
        }
        inspectingOrganizations {
          id
        }
        leadOrganization {
          id
        }
        followUpStatus
      }
    }
  `;
  const inspection = {
    kind: 'SURPRISE',
    startedOn: '2021-07-05',
    endedOn: '2021-07-06',
    inspectedUnitId: CHIENG_PHA,
    inspectedOrganizationIds: ['women', 'farmers'],
    inspectingOrganizationIds: ['front'],
    subject: 'Kiểm tra đột xuất diễn đàn và mô hình',
    findings: 'Một mô hình tồn tại hình thức.',
    followUp: 'Kiện toàn tổ tự quản.',
    followUpDueOn: '2021-09-01',
  };

  it('records who inspected whom, and follows the follow-up up to done', async () => {
    expect(await s.run(police, RECORD, { input: inspection })).toEqual({
      data: {
        recordFrontInspection: {
          id: idOf('inspections'),
          kind: 'SURPRISE',
          inspectedUnit: { id: CHIENG_PHA },
          inspectedOrganizations: [{ id: 'women' }, { id: 'farmers' }],
          inspectingOrganizations: [{ id: 'police' }, { id: 'front' }],
          leadOrganization: { id: 'police' },
          followUpStatus: 'OVERDUE',
        },
      },
    });
    const COMPLETE = `mutation { completeFrontInspectionFollowUp(id: "${idOf('inspections')}", input: { doneOn: "2021-09-20", note: "Đã kiện toàn" }) { followUpStatus followUpDoneOn } }`;
    expect(await s.run(staff('front', BINH_THUAN), COMPLETE)).toEqual({
      data: { completeFrontInspectionFollowUp: { followUpStatus: 'DONE', followUpDoneOn: '2021-09-20' } },
    });
    expect((await s.run(police, COMPLETE)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ALREADY_DONE' });
  });

  it('shows an inspection to the organizations inspected but not to others, and counts for a dashboard', async () => {
    await s.run(police, RECORD, { input: inspection });
    const LIST = `{ frontInspections(unitId: "${PROVINCE}") { nodes { id } totalCount } }`;
    expect(await s.run(staff('women', BINH_THUAN), LIST.replace(PROVINCE, BINH_THUAN))).toEqual({
      data: { frontInspections: { nodes: [{ id: idOf('inspections') }], totalCount: 1 } },
    });
    expect(await s.run(staff('youth'), LIST)).toEqual({ data: { frontInspections: { nodes: [], totalCount: 0 } } });
    expect(await s.run(staff('youth'), `{ frontInspection(id: "${idOf('inspections')}") { id } }`)).toEqual({ data: { frontInspection: null } });
    expect(
      await s.run(staff('youth'), `{ _entities(representations: [{ __typename: "Inspection", id: "${idOf('inspections')}" }]) { ... on Inspection { id } } }`),
    ).toEqual({ data: { _entities: [null] } });
    expect((await s.run(dashboard(), LIST)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await s.run(dashboard(), `{ unit(id: "${PROVINCE}") { front { inspectionCounts { kind followUpStatus count } } } }`)).toEqual({
      data: { unit: { front: { inspectionCounts: [{ kind: 'SURPRISE', followUpStatus: 'OVERDUE', count: 1 }] } } },
    });
  });

  it.each([
    ['a last day before the first', { endedOn: '2021-07-01' }, 'input.endedOn', 'RANGE_REVERSED'],
    ['no organization inspected', { inspectedOrganizationIds: [] }, 'input.inspectedOrganizationIds', 'REQUIRED'],
    ['a follow-up date without a follow-up', { followUp: null }, 'input.followUpDueOn', 'FOLLOW_UP_REQUIRED'],
    ['an unknown plan', { planId: '7' }, 'input.planId', 'UNKNOWN_PLAN'],
    ['no findings', { findings: ' ' }, 'input.findings', 'REQUIRED'],
  ])('refuses an inspection with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
    expect((await s.run(police, RECORD, { input: { ...inspection, ...change } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
      reason,
    });
    expect(s.count('inspections')).toBe(0);
  });

  it('refuses an inspection recorded by an inspected organization or by leadership', async () => {
    for (const who of [staff('women'), leadership()]) expect((await s.run(who, RECORD, { input: inspection })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(s.count('inspections')).toBe(0);
  });
});
