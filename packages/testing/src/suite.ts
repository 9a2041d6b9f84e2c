/**
 * The behaviour every organization's subgraph shares, run against each one from its own test file:
 * entities resolve through _entities with the same checks as root fields, activities are recorded,
 * corrected and listed inside the caller's scope, and bad input is refused with the field named and
 * nothing written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ORGANIZATION_IDS, ORGANIZATIONS } from '@antt/reference';
import type { OrganizationSubgraph } from '@antt/subgraph-kit';
import { openTestSubgraph, type TestSubgraph } from './subgraph.js';
import { BINH_THUAN, CHIENG_LE, CHIENG_PHA, PROVINCE, THUAN_CHAU, TO_HIEU, dashboard, leadership, staff } from './users.js';
import { describeSharedRecords } from './models-forums-suite.js';

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Unit {
        id
        name
        level
        validFrom
        validTo
        currentUnit {
          id
        }
      }
      ... on Organization {
        id
        nameVi
      }
    }
  }
`;

export function describeOrganizationSubgraph(sg: OrganizationSubgraph): void {
  const org = sg.name;
  const P = ORGANIZATIONS[org].typePrefix;
  const other = ORGANIZATION_IDS.find((o) => o !== org)!;
  // The organization's lowest branch level decides where its staff sit (labour and infocomm have none in communes).
  const communeStaff = ORGANIZATIONS[org].levels.includes('COMMUNE');
  const me = communeStaff ? staff(org, BINH_THUAN) : staff(org, PROVINCE);

  const RECORD = /* GraphQL */ `
    mutation ($input: Record${P}ActivityInput!) {
      record${P}Activity(input: $input) { id type topic date participants unit { id name } branch { id name } planTask { id } }
    }
  `;
  const ACTIVITY_ENTITY = /* GraphQL */ `
    query ($id: ID!) { _entities(representations: [{ __typename: "${P}Activity", id: $id }]) { ... on ${P}Activity { id topic unit { id } } } }
  `;
  const COUNTS = /* GraphQL */ `
    query ($unit: ID!, $period: ID!) { unit(id: $unit) { ${org} { activityCounts(periodId: $period) { type count participants } } } }
  `;
  const valid = { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo qua mạng', date: '2021-08-10', unitId: CHIENG_PHA, participants: 45, planTaskId: 'II.2' };

  describe(`the ${org} subgraph`, () => {
    let s: TestSubgraph;
    beforeEach(async () => {
      s = await openTestSubgraph(sg);
    });

    describe('entities', () => {
      it('resolves units of every era through _entities, and an unknown unit to null', async () => {
        const res = await s.run(me, ENTITIES, {
          representations: [
            { __typename: 'Unit', id: CHIENG_LE },
            { __typename: 'Unit', id: TO_HIEU },
            { __typename: 'Unit', id: 'commune:99999@2019' },
          ],
        });
        expect(res).toEqual({
          data: {
            _entities: [
              { id: CHIENG_LE, name: 'Phường Chiềng Lề', level: 'COMMUNE', validFrom: '2013-06-11', validTo: '2025-01-31', currentUnit: { id: TO_HIEU } },
              { id: TO_HIEU, name: 'Phường Tô Hiệu', level: 'COMMUNE', validFrom: '2025-07-01', validTo: null, currentUnit: { id: TO_HIEU } },
              null,
            ],
          },
        });
      });

      it('resolves organizations through _entities', async () => {
        const res = await s.run(me, ENTITIES, { representations: [{ __typename: 'Organization', id: org }] });
        expect(res).toEqual({ data: { _entities: [{ id: org, nameVi: ORGANIZATIONS[org].nameVi }] } });
      });

      it(`resolves a ${P}Activity through _entities for its own staff and hides it from other organizations`, async () => {
        const rec = await s.run(me, RECORD, { input: valid });
        const id = (rec.data as { [k: string]: { id: string } })[`record${P}Activity`]!.id;
        expect(await s.run(me, ACTIVITY_ENTITY, { id })).toEqual({ data: { _entities: [{ id, topic: valid.topic, unit: { id: CHIENG_PHA } }] } });
        expect(await s.run(leadership(), ACTIVITY_ENTITY, { id })).toEqual({ data: { _entities: [{ id, topic: valid.topic, unit: { id: CHIENG_PHA } }] } });
        // Reached through another subgraph, the entity gets the root field's check: another organization sees nothing.
        expect(await s.run(staff(other), ACTIVITY_ENTITY, { id })).toEqual({ data: { _entities: [null] } });
        expect(await s.run(dashboard(), ACTIVITY_ENTITY, { id })).toEqual({ data: { _entities: [null] } });
        expect(await s.run(me, ACTIVITY_ENTITY, { id: 'not-a-number' })).toEqual({ data: { _entities: [null] } });
      });
    });

    describe('recording activities', () => {
      it('records an activity under the unit as it was on the day, with the branch that ran it', async () => {
        const res = await s.run(me, RECORD, { input: valid });
        expect(res.errors).toBeUndefined();
        const a = (res.data as Record<string, Record<string, unknown>>)[`record${P}Activity`]!;
        expect(a).toMatchObject({
          type: 'PROPAGANDA',
          date: '2021-08-10',
          participants: 45,
          unit: { id: CHIENG_PHA, name: 'Xã Chiềng Pha' },
          planTask: { id: 'II.2' },
        });
        expect((a.branch as { id: string }).id).toBe(communeStaff ? `${org}@${CHIENG_PHA}` : org === 'labour' ? `${org}@${THUAN_CHAU}` : `${org}@${PROVINCE}`);
        expect(s.count()).toBe(1);
      });

      it.each([
        ['a date in the future', { date: '2999-01-01' }, 'input.date', 'DATE_IN_FUTURE'],
        ['a unit that did not exist on that date', { unitId: BINH_THUAN, date: '2021-08-10' }, 'input.unitId', 'UNIT_NOT_VALID_ON_DATE'],
        ['a unit that no longer existed', { unitId: CHIENG_PHA, date: '2025-08-19' }, 'input.unitId', 'UNIT_NOT_VALID_ON_DATE'],
        ['an unknown unit', { unitId: 'commune:00000@2019' }, 'input.unitId', 'UNKNOWN_UNIT'],
        ['a negative participant count', { participants: -3 }, 'input.participants', 'NEGATIVE'],
        ['an empty topic', { topic: '   ' }, 'input.topic', 'REQUIRED'],
        ['an unknown plan task', { planTaskId: 'IX.9' }, 'input.planTaskId', 'UNKNOWN_PLAN_TASK'],
      ])('refuses %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
        const res = await s.run(me, RECORD, { input: { ...valid, ...change } });
        expect(res.data).toEqual({ [`record${P}Activity`]: null });
        expect(res.errors?.[0]?.path).toEqual([`record${P}Activity`]);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
        expect(s.count()).toBe(0);
      });

      it('takes no branch from the input (it is derived from the writer), so another organization’s branch cannot be named', async () => {
        const res = await s.run(me, RECORD, { input: { ...valid, branchId: `${other}@${CHIENG_PHA}` } });
        expect(res.data).toBeUndefined();
        expect(res.errors?.[0]?.message).toContain('branchId');
        expect(s.count()).toBe(0);
      });

      it('refuses an unknown activity type before any resolver runs', async () => {
        const res = await s.run(me, RECORD, { input: { ...valid, type: 'PICNIC' } });
        expect(res.errors?.[0]).toMatchObject({
          message: 'input.type: không có trong danh mục ActivityType.',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.type' },
        });
        expect(s.count()).toBe(0);
      });

      it('refuses a write outside the jurisdiction, for another organization, or by leadership', async () => {
        if (communeStaff) {
          const elsewhere = await s.run(me, RECORD, { input: { ...valid, unitId: CHIENG_LE } });
          expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
        const foreign = await s.run(staff(other), RECORD, { input: valid });
        expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const lead = await s.run(leadership(), RECORD, { input: valid });
        expect(lead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(s.count()).toBe(0);
      });

      it('corrects an activity and keeps the version it replaced', async () => {
        const rec = await s.run(me, RECORD, { input: valid });
        const id = (rec.data as Record<string, { id: string }>)[`record${P}Activity`]!.id;
        const CORRECT = `mutation ($id: ID!, $changes: Correct${P}ActivityInput!, $reason: String!) { correct${P}Activity(id: $id, changes: $changes, reason: $reason) { id participants topic } }`;
        const HISTORY = `query ($id: ID!) { _entities(representations: [{ __typename: "${P}Activity", id: $id }]) { ... on ${P}Activity { history { participants } } } }`;
        const versions = async () =>
          ((await s.run(me, HISTORY, { id })).data as { _entities: { history: { participants: number }[] }[] })._entities[0]!.history.map(
            (v) => v.participants,
          );
        const res = await s.run(me, CORRECT, { id, changes: { participants: 60 }, reason: 'Đếm lại' });
        expect(res).toEqual({ data: { [`correct${P}Activity`]: { id, participants: 60, topic: valid.topic } } });
        expect(await versions()).toEqual([45, 60]);
        expect(s.count()).toBe(1);
        const bad = await s.run(me, CORRECT, { id, changes: { participants: -1 }, reason: 'Đếm lại' });
        expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes.participants' });
        const noReason = await s.run(me, CORRECT, { id, changes: { participants: 61 }, reason: ' ab ' });
        expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
        const hidden = await s.run(staff(other), CORRECT, { id, changes: { participants: 1 }, reason: 'Đếm lại' });
        expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(await versions()).toEqual([45, 60]);
      });
    });

    describe('reading', () => {
      it('counts a 2021 activity in Xã Chiềng Pha for Huyện Thuận Châu and for today’s Xã Bình Thuận', async () => {
        await s.run(me, RECORD, { input: valid });
        const expected = [{ type: 'PROPAGANDA', count: 1, participants: 45 }];
        for (const unit of [CHIENG_PHA, THUAN_CHAU, BINH_THUAN, PROVINCE]) {
          expect(await s.run(leadership(), COUNTS, { unit, period: '2021-PLAN-Y' })).toEqual({ data: { unit: { [org]: { activityCounts: expected } } } });
        }
        expect(await s.run(leadership(), COUNTS, { unit: TO_HIEU, period: '2021-PLAN-Y' })).toEqual({ data: { unit: { [org]: { activityCounts: [] } } } });
        expect(await s.run(leadership(), COUNTS, { unit: BINH_THUAN, period: '2022-PLAN-Y' })).toEqual({ data: { unit: { [org]: { activityCounts: [] } } } });
      });

      it('gives a dashboard counts but not the records', async () => {
        await s.run(me, RECORD, { input: valid });
        const counts = await s.run(dashboard(), COUNTS, { unit: PROVINCE, period: '2021' });
        expect(counts.errors).toBeUndefined();
        const list = await s.run(dashboard(), `{ ${org}Activities { totalCount } }`);
        expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      });

      it('lists activities newest first, page by page, inside the caller’s jurisdiction', async () => {
        for (const date of ['2021-03-01', '2021-04-01', '2021-05-01']) await s.run(me, RECORD, { input: { ...valid, date } });
        const q = `query ($after: String) { ${org}Activities(first: 2, after: $after) { totalCount nodes { date } pageInfo { hasNextPage endCursor } } }`;
        const p1 = (await s.run(me, q)).data as Record<
          string,
          { totalCount: number; nodes: { date: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }
        >;
        const page1 = p1[`${org}Activities`]!;
        expect(page1.totalCount).toBe(3);
        expect(page1.nodes.map((n) => n.date)).toEqual(['2021-05-01', '2021-04-01']);
        const p2 = (await s.run(me, q, { after: page1.pageInfo.endCursor })).data as typeof p1;
        expect(p2[`${org}Activities`]!.nodes.map((n) => n.date)).toEqual(['2021-03-01']);
        expect(p2[`${org}Activities`]!.pageInfo.hasNextPage).toBe(false);
        const tooMany = await s.run(me, `{ ${org}Activities(first: 5000) { totalCount } }`);
        expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
        if (communeStaff) {
          const outside = await s.run(me, `{ ${org}Activities(unitId: "${TO_HIEU}") { totalCount } }`);
          expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
      });
    });
  });
  describeSharedRecords(sg);
}
