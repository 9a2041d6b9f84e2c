/**
 * The movement's shared records every organization's subgraph keeps (models, forums, the opinions it
 * must answer, activity counts by task of the plan), run against each one from describeOrganizationSubgraph:
 * the same checks through root fields and _entities, the Front and the police reading every
 * organization's records, the validation errors naming the field with nothing written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ORGANIZATION_IDS, ORGANIZATIONS, todayInVietnam, addDays, type OrganizationId } from '@antt/reference';
import type { OrganizationSubgraph } from '@antt/subgraph-kit';
import { openTestSubgraph, type TestSubgraph } from './subgraph.js';
import { BINH_THUAN, CHIENG_LE, CHIENG_PHA, PROVINCE, dashboard, leadership, staff } from './users.js';

export function describeSharedRecords(sg: OrganizationSubgraph): void {
  const org = sg.name;
  const P = ORGANIZATIONS[org].typePrefix;
  const communeStaff = ORGANIZATIONS[org].levels.includes('COMMUNE');
  const me = communeStaff ? staff(org, BINH_THUAN) : staff(org, PROVINCE);
  // An organization that is neither this one nor a monitor (the Front, the police).
  const stranger = ORGANIZATION_IDS.find((o) => o !== org && o !== 'front' && o !== 'police')!;
  const otherHost: OrganizationId = org === 'front' ? 'police' : 'front';
  const frontOfBinhThuan = staff('front', BINH_THUAN);

  const RECORD_MODEL = /* GraphQL */ `
    mutation ($input: Record${P}ModelInput!) {
      record${P}Model(input: $input) { id name kind status unit { id } leadOrganization { id } partnerOrganizations { id } replicaOfId replicaOf { __typename ... on Model { id } } }
    }
  `;
  const modelInput = {
    name: 'Tổ tự quản thử nghiệm',
    kind: 'SELF_MANAGEMENT',
    unitId: CHIENG_PHA,
    startedOn: '2021-05-01',
    partnerIds: [otherHost],
    replicaOfId: `model:${otherHost}:1`,
  };
  const forumKind = org === 'front' ? 'LISTENING_TO_THE_PEOPLE' : org === 'police' ? 'COMMUNE_POLICE_LISTEN' : 'OTHER';
  const forumInput = {
    kind: forumKind,
    title: 'Diễn đàn thử nghiệm',
    date: '2021-06-15',
    unitId: CHIENG_PHA,
    coHostIds: [otherHost],
    attendance: 120,
    opinionsVoiced: 9,
  };
  const RECORD_FORUM = /* GraphQL */ `
    mutation ($input: Record${P}ForumInput!) { record${P}Forum(input: $input) { id kind date unit { id } host { id } coHosts { id } attendance opinionsVoiced } }
  `;
  const opinionInput = {
    forumId: `forum:${otherHost}:1`,
    unitId: CHIENG_PHA,
    raisedOn: '2021-06-15',
    topic: 'Đất đai',
    summary: 'Đề nghị giải quyết tranh chấp ranh giới đất nương.',
    dueDate: '2021-07-15',
  };
  const RECORD_OPINION = /* GraphQL */ `
    mutation ($input: Record${P}OpinionInput!) {
      record${P}Opinion(input: $input) { id status overdue assignedTo { id } handedOverBy { id } forum { __typename } unit { id } }
    }
  `;
  const ANSWER = /* GraphQL */ `
    mutation ($id: ID!, $input: Answer${P}OpinionInput!) { answer${P}Opinion(id: $id, input: $input) { id status answer answeredOn answeredOnTime overdue } }
  `;

  // New records get the framework's ids: `<slug>:<org>:<token>`.
  const newId = (slug: string) => expect.stringMatching(new RegExp(`^${slug}:${org}:[a-z0-9]+$`));
  const createdId = (res: { data?: unknown }, mutation: string): string => (res.data as Record<string, { id: string }>)[mutation]!.id;

  describe(`the ${org} subgraph's models, forums and opinions`, () => {
    let s: TestSubgraph;
    beforeEach(async () => {
      s = await openTestSubgraph(sg);
    });

    describe('models', () => {
      it('registers a model the organization runs, led by it, pointing at the model it replicates in another organization', async () => {
        const res = await s.run(me, RECORD_MODEL, { input: modelInput });
        expect(res).toEqual({
          data: {
            [`record${P}Model`]: {
              id: newId('model'),
              name: modelInput.name,
              kind: 'SELF_MANAGEMENT',
              status: 'ACTIVE',
              unit: { id: CHIENG_PHA },
              leadOrganization: { id: org },
              partnerOrganizations: [{ id: otherHost }],
              replicaOfId: `model:${otherHost}:1`,
              replicaOf: { __typename: `${ORGANIZATIONS[otherHost].typePrefix}Model` },
            },
          },
        });
      });

      it('lets its staff, the Front, the police and leadership read it, and hides it from other organizations, through root fields and _entities alike', async () => {
        const id = createdId(await s.run(me, RECORD_MODEL, { input: modelInput }), `record${P}Model`);
        const entity = /* GraphQL */ `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${P}Model { id name } } }`;
        const rep = { r: [{ __typename: `${P}Model`, id }] };
        for (const who of [me, leadership(), staff('front', BINH_THUAN), staff('police')]) {
          expect(await s.run(who, entity, rep)).toEqual({ data: { _entities: [{ id, name: modelInput.name }] } });
        }
        expect(await s.run(staff(stranger), entity, rep)).toEqual({ data: { _entities: [null] } });
        expect(await s.run(dashboard(), entity, rep)).toEqual({ data: { _entities: [null] } });
        // A representation naming another organization's model, or nothing, is not trusted.
        expect(
          await s.run(me, entity, {
            r: [
              { __typename: `${P}Model`, id: `model:${otherHost}:1` },
              { __typename: `${P}Model`, id: '1' },
            ],
          }),
        ).toEqual({ data: { _entities: [null, null] } });
        const list = await s.run(staff(stranger), `{ ${org}Models { totalCount nodes { id } } }`);
        expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(await s.run(staff('police'), `{ ${org}Models(unitId: "${BINH_THUAN}") { totalCount nodes { id } } }`)).toEqual({
          data: { [`${org}Models`]: { totalCount: 1, nodes: [{ id }] } },
        });
      });

      it.each([
        ['a start in the future', { startedOn: '2999-01-01' }, 'input.startedOn', 'DATE_IN_FUTURE'],
        ['an empty name', { name: '  ' }, 'input.name', 'REQUIRED'],
        ['a unit that did not exist when it started', { unitId: BINH_THUAN }, 'input.unitId', 'UNIT_NOT_VALID_ON_DATE'],
        ['itself among its partners', { partnerIds: [org] }, 'input.partnerIds', 'SELF_LISTED'],
        ['an unknown partner', { partnerIds: ['ministry'] }, 'input.partnerIds', 'UNKNOWN_ORGANIZATION'],
        ['a malformed original', { replicaOfId: 'Chiềng Sơn' }, 'input.replicaOfId', 'INVALID_CODE'],
        ['an original that is not a model', { replicaOfId: `forum:${otherHost}:1` }, 'input.replicaOfId', 'INVALID_MODEL_ID'],
      ])('refuses a model with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
        const res = await s.run(me, RECORD_MODEL, { input: { ...modelInput, ...change } });
        expect(res.data).toEqual({ [`record${P}Model`]: null });
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
        expect(s.count('models')).toBe(0);
      });

      it('refuses a model written by another organization or by leadership', async () => {
        for (const who of [staff(otherHost), leadership()]) {
          const res = await s.run(who, RECORD_MODEL, { input: modelInput });
          expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
        expect(s.count('models')).toBe(0);
      });

      it('discontinues a model after a review, and counts models by status for a dashboard', async () => {
        const id = createdId(await s.run(me, RECORD_MODEL, { input: modelInput }), `record${P}Model`);
        const change = await s.run(
          me,
          `mutation { change${P}ModelStatus(id: "${id}", status: DISCONTINUED, since: "2022-12-01", reason: "Đánh giá kém hiệu quả") { status statusSince } }`,
        );
        expect(change).toEqual({ data: { [`change${P}ModelStatus`]: { status: 'DISCONTINUED', statusSince: '2022-12-01' } } });
        const before = await s.run(me, `mutation { change${P}ModelStatus(id: "${id}", status: ACTIVE, since: "2020-01-01") { status } }`);
        expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since', reason: 'BEFORE_START' });
        const counts = await s.run(dashboard(), `{ unit(id: "${PROVINCE}") { ${org} { modelCounts { status kind count } } } }`);
        expect(counts).toEqual({ data: { unit: { [org]: { modelCounts: [{ status: 'DISCONTINUED', kind: 'SELF_MANAGEMENT', count: 1 }] } } } });
      });
    });

    describe('forums', () => {
      it('records a forum the organization hosted, with its co-hosts and the branch that held it', async () => {
        const res = await s.run(me, RECORD_FORUM, { input: forumInput });
        expect(res).toEqual({
          data: {
            [`record${P}Forum`]: {
              id: newId('forum'),
              kind: forumKind,
              date: '2021-06-15',
              unit: { id: CHIENG_PHA },
              host: { id: org },
              coHosts: [{ id: otherHost }],
              attendance: 120,
              opinionsVoiced: 9,
            },
          },
        });
      });

      it.each([
        [
          'a kind another organization hosts',
          { kind: org === 'front' ? 'COMMUNE_POLICE_LISTEN' : 'FRONT_LISTENS_TO_THE_PEOPLE' },
          'input.kind',
          'KIND_HOSTED_BY_ANOTHER_ORGANIZATION',
        ],
        ['a negative attendance', { attendance: -1 }, 'input.attendance', 'NEGATIVE'],
        ['a date in the future', { date: '2999-06-15' }, 'input.date', 'DATE_IN_FUTURE'],
        ['the host among its co-hosts', { coHostIds: [org] }, 'input.coHostIds', 'SELF_LISTED'],
      ])('refuses a forum with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
        const res = await s.run(me, RECORD_FORUM, { input: { ...forumInput, ...change } });
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
        expect(s.count('forums')).toBe(0);
      });

      it('resolves a forum through _entities with the root field’s check', async () => {
        const id = createdId(await s.run(me, RECORD_FORUM, { input: forumInput }), `record${P}Forum`);
        const q = `{ _entities(representations: [{ __typename: "${P}Forum", id: "${id}" }]) { ... on ${P}Forum { id attendance } } }`;
        expect(await s.run(leadership(), q)).toEqual({ data: { _entities: [{ id, attendance: 120 }] } });
        expect(await s.run(staff(stranger), q)).toEqual({ data: { _entities: [null] } });
      });
    });

    describe('opinions it must answer', () => {
      it('takes an opinion the Front hands over, lists it as overdue, and lets its own staff answer it once', async () => {
        const handed = await s.run(frontOfBinhThuan, RECORD_OPINION, { input: opinionInput });
        const id = createdId(handed, `record${P}Opinion`);
        expect(handed).toEqual({
          data: {
            [`record${P}Opinion`]: {
              id: newId('opinion'),
              status: 'OPEN',
              overdue: true,
              assignedTo: { id: org },
              handedOverBy: { id: 'front' },
              forum: { __typename: `${ORGANIZATIONS[otherHost].typePrefix}Forum` },
              unit: { id: CHIENG_PHA },
            },
          },
        });
        const overdueAt = (unit: string) => `{ unit(id: "${unit}") { ${org} { opinions(overdue: true) { id } } } }`;
        expect(await s.run(me, overdueAt(BINH_THUAN))).toEqual({ data: { unit: { [org]: { opinions: [{ id }] } } } });
        const early = await s.run(me, ANSWER, { id, input: { answer: 'Đã phối hợp giải quyết.', answeredOn: '2021-06-01' } });
        expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answeredOn', reason: 'ANSWER_BEFORE_RAISED' });
        const answered = await s.run(me, ANSWER, { id, input: { answer: 'Đã phối hợp giải quyết.', answeredOn: '2021-08-01' } });
        expect(answered).toEqual({
          data: {
            [`answer${P}Opinion`]: {
              id,
              status: 'ANSWERED',
              answer: 'Đã phối hợp giải quyết.',
              answeredOn: '2021-08-01',
              answeredOnTime: false,
              overdue: false,
            },
          },
        });
        const again = await s.run(me, ANSWER, { id, input: { answer: 'Lần hai', answeredOn: '2021-08-02' } });
        expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'ALREADY_ANSWERED' });
        expect(await s.run(staff('front', PROVINCE), overdueAt(PROVINCE))).toEqual({ data: { unit: { [org]: { opinions: [] } } } });
      });

      it('lets the Front read but not answer for another organization, and hides the opinion from others', async () => {
        const id = createdId(await s.run(frontOfBinhThuan, RECORD_OPINION, { input: opinionInput }), `record${P}Opinion`);
        if (org !== 'front') {
          const byFront = await s.run(frontOfBinhThuan, ANSWER, { id, input: { answer: 'x', answeredOn: '2021-07-01' } });
          expect(byFront.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
        const byStranger = await s.run(staff(stranger), ANSWER, { id, input: { answer: 'x', answeredOn: '2021-07-01' } });
        expect(byStranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        const entity = `{ _entities(representations: [{ __typename: "${P}Opinion", id: "${id}" }]) { ... on ${P}Opinion { id status } } }`;
        expect(await s.run(staff(stranger), entity)).toEqual({ data: { _entities: [null] } });
        expect(await s.run(frontOfBinhThuan, entity)).toEqual({ data: { _entities: [{ id, status: 'OPEN' }] } });
        expect((await s.run(staff(stranger), `{ ${org}Opinions { totalCount nodes { id } } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect((await s.run(dashboard(), `{ ${org}Opinions { totalCount nodes { id } } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(
          await s.run(dashboard(), `{ unit(id: "${PROVINCE}") { ${org} { opinionCounts(periodId: "2021") { total answered answeredLate open overdue } } } }`),
        ).toEqual({
          data: { unit: { [org]: { opinionCounts: { total: 1, answered: 0, answeredLate: 0, open: 1, overdue: 1 } } } },
        });
      });

      it('refuses a handover by an organization that neither answers it, chairs forums nor hosted the forum, and one outside the jurisdiction', async () => {
        const byStranger = await s.run(staff(stranger), RECORD_OPINION, { input: opinionInput });
        expect(byStranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const elsewhere = await s.run(frontOfBinhThuan, RECORD_OPINION, { input: { ...opinionInput, unitId: CHIENG_LE } });
        expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(s.count('opinions')).toBe(0);
      });

      it.each([
        ['a due date before the day it was raised', { dueDate: '2021-06-01' }, 'input.dueDate', 'DUE_BEFORE_RAISED'],
        ['a due date more than a year away', { dueDate: '2023-01-01' }, 'input.dueDate', 'DUE_TOO_FAR'],
        ['a forum id that is free text', { forumId: 'diễn đàn tháng 6' }, 'input.forumId', 'INVALID_CODE'],
        ['a forum id that names no forum', { forumId: `model:${otherHost}:1` }, 'input.forumId', 'INVALID_FORUM_ID'],
        [
          'a day in the future',
          { raisedOn: addDays(todayInVietnam(), 2), dueDate: addDays(todayInVietnam(), 30), unitId: BINH_THUAN },
          'input.raisedOn',
          'DATE_IN_FUTURE',
        ],
        ['an empty summary', { summary: '' }, 'input.summary', 'REQUIRED'],
      ])('refuses an opinion with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
        const res = await s.run(frontOfBinhThuan, RECORD_OPINION, { input: { ...opinionInput, ...change } });
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
        expect(s.count('opinions')).toBe(0);
      });
    });

    describe('activities by task of the plan', () => {
      it('counts what the organization did for each task, readable by the Front and the police but not by other organizations', async () => {
        await s.run(me, `mutation ($input: Record${P}ActivityInput!) { record${P}Activity(input: $input) { id } }`, {
          input: { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo', date: '2021-08-10', unitId: CHIENG_PHA, participants: 40, planTaskId: 'II.2' },
        });
        const q = `{ unit(id: "${PROVINCE}") { ${org} { activityCountsByTask(periodId: "2021-PLAN-Y") { planTask { id } count participants } } } }`;
        for (const who of [staff('front'), staff('police'), leadership(), dashboard()]) {
          expect(await s.run(who, q)).toEqual({
            data: { unit: { [org]: { activityCountsByTask: [{ planTask: { id: 'II.2' }, count: 1, participants: 40 }] } } },
          });
        }
        expect((await s.run(staff(stranger), q)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      });

      it('takes the same decision for the counts by type, which add up to the same total: no caller reads one and is refused the other', async () => {
        await s.run(me, `mutation ($input: Record${P}ActivityInput!) { record${P}Activity(input: $input) { id } }`, {
          input: { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo', date: '2021-08-10', unitId: CHIENG_PHA, participants: 40, planTaskId: 'II.2' },
        });
        const byTask = `{ unit(id: "${PROVINCE}") { ${org} { activityCountsByTask(periodId: "2021-PLAN-Y") { count } } } }`;
        const byType = `{ unit(id: "${PROVINCE}") { ${org} { activityCounts(periodId: "2021-PLAN-Y") { count } } } }`;
        const total = (list: { count: number }[]) => list.reduce((n, r) => n + r.count, 0);
        const rows = (res: { data?: unknown }, field: string) => (res.data as { unit: Record<string, Record<string, { count: number }[]>> }).unit[org]![field]!;
        for (const who of [staff('front'), staff('police'), staff(stranger), leadership(), dashboard()]) {
          const [a, b] = [await s.run(who, byTask), await s.run(who, byType)];
          expect(Boolean(a.errors), who.userId).toBe(Boolean(b.errors));
          if (!a.errors) expect(total(rows(a, 'activityCountsByTask'))).toBe(total(rows(b, 'activityCounts')));
        }
      });
    });
  });
}
