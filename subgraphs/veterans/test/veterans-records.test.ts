/** The veterans' own records: patrols and guard duty, forums condemning law-breaking. */
import { beforeEach, describe, expect, it } from 'vitest';
import { PHA_AREA, describeCasework } from '@antt/casework/testing';
import { ok, refused } from '@antt/testing';
import { BINH_THUAN, CHIENG_LE, CHIENG_PHA, THUAN_CHAU, TO_HIEU, dashboard, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { loadDemoDataOnce } from '@antt/subgraph-kit';
import { addDays, todayInVietnam } from '@antt/reference';
import { subgraph } from '../src/subgraph.js';

const me = staff('veterans', BINH_THUAN);
const PATROL = /* GraphQL */ `
  mutation ($input: RecordVeteransPatrolInput!) {
    recordVeteransPatrol(input: $input) {
      id
      date
      team
      members
      incidentsFound
      findings
      handedToPolice
      unit {
        id
      }
      branch {
        id
      }
    }
  }
`;
const FORUM = /* GraphQL */ `
  mutation ($input: RecordVeteransCondemnationForumInput!) {
    recordVeteransCondemnationForum(input: $input) {
      id
      topic
      attendance
      pledges
    }
  }
`;
const COUNTS = /* GraphQL */ `
  query ($unit: ID!, $period: ID!) {
    unit(id: $unit) {
      veterans {
        patrols(periodId: $period) {
          count
          memberTurns
          incidentsFound
          handedToPolice
        }
        condemnationForums(periodId: $period) {
          count
          attendance
          pledges
        }
      }
    }
  }
`;
const patrol = {
  date: '2021-02-10',
  unitId: PHA_AREA,
  team: 'Tổ CCB tuần tra bản',
  members: 6,
  incidentsFound: 2,
  findings: 'Nhóm thanh niên tụ tập gây mất trật tự',
  handedToPolice: 1,
};

describe('the veterans’ own records', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('records a patrol with what was found and handed to the police, and counts it for the commune before and after the reform', async () => {
    expect(ok(await s.run(me, PATROL, { input: patrol }), 'recordVeteransPatrol')).toMatchObject({
      team: 'Tổ CCB tuần tra bản',
      members: 6,
      incidentsFound: 2,
      handedToPolice: 1,
      unit: { id: PHA_AREA },
      branch: { id: `veterans@${CHIENG_PHA}` },
    });
    await s.run(me, PATROL, { input: { ...patrol, date: '2021-03-10', members: 4, incidentsFound: 0, findings: null, handedToPolice: 0 } });
    await s.run(me, FORUM, { input: { date: '2021-04-01', unitId: CHIENG_PHA, topic: 'Lên án hành vi trộm cắp gia súc', attendance: 120, pledges: 80 } });
    for (const unit of [CHIENG_PHA, THUAN_CHAU, BINH_THUAN]) {
      expect(ok(await s.run(leadership(), COUNTS, { unit, period: '2021-PLAN-Y' }), 'unit')).toEqual({
        veterans: {
          patrols: { count: 2, memberTurns: 10, incidentsFound: 2, handedToPolice: 1 },
          condemnationForums: { count: 1, attendance: 120, pledges: 80 },
        },
      });
    }
    expect(ok(await s.run(dashboard(), COUNTS, { unit: CHIENG_LE, period: '2021-PLAN-Y' }), 'unit')).toEqual({
      veterans: { patrols: { count: 0, memberTurns: 0, incidentsFound: 0, handedToPolice: 0 }, condemnationForums: { count: 0, attendance: 0, pledges: 0 } },
    });
  });

  it('lists patrols for leadership and the association, not for other organizations or dashboards', async () => {
    const { id } = ok<{ id: string }>(await s.run(me, PATROL, { input: patrol }), 'recordVeteransPatrol');
    expect(
      ok<{ totalCount: number }>(await s.run(leadership(), '{ veteransPatrols(periodId: "2021") { totalCount nodes { id } } }'), 'veteransPatrols'),
    ).toEqual({ totalCount: 1, nodes: [{ id }] });
    expect(refused(await s.run(staff('women'), '{ veteransPatrols { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
    expect(refused(await s.run(dashboard(), '{ veteransPatrols { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
    const entity = `query ($id: ID!) { _entities(representations: [{ __typename: "VeteransPatrol", id: $id }]) { ... on VeteransPatrol { id team } } }`;
    expect(ok(await s.run(leadership(), entity, { id }), '_entities')).toEqual([{ id, team: patrol.team }]);
    expect(ok(await s.run(staff('veterans', TO_HIEU), entity, { id }), '_entities')).toEqual([null]);
  });

  it.each([
    ['more handed to the police than was found', { handedToPolice: 3 }, 'input.handedToPolice', 'MORE_THAN_TOTAL'],
    ['incidents without saying what was found', { findings: ' ' }, 'input.findings', 'REQUIRED'],
    ['no member taking part', { members: 0 }, 'input.members', 'TOO_SMALL'],
    ['a district instead of a commune or area', { unitId: THUAN_CHAU }, 'input.unitId', 'WRONG_UNIT_LEVEL'],
    ['a day in the future', { date: '2999-12-31' }, 'input.date', 'DATE_IN_FUTURE'],
  ])('refuses a patrol with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
    expect(refused(await s.run(me, PATROL, { input: { ...patrol, ...change } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('veterans_patrols')).toBe(0);
  });

  it('reports every problem of a patrol at once, its own rules included, and writes nothing', async () => {
    const err = refused(await s.run(me, PATROL, { input: { ...patrol, team: ' ', members: 0, incidentsFound: 1, findings: null, handedToPolice: 3 } }));
    const problems = (err.extensions?.problems as { field: string; reason: string }[]).map((p) => [p.field, p.reason]);
    expect(problems).toEqual([
      ['input.team', 'REQUIRED'],
      ['input.members', 'TOO_SMALL'],
      ['input.handedToPolice', 'MORE_THAN_TOTAL'],
      ['input.findings', 'REQUIRED'],
    ]);
    expect(s.count('veterans_patrols')).toBe(0);
  });

  it('refuses a forum with more pledges than people, and a patrol outside the jurisdiction or by another organization', async () => {
    expect(
      refused(await s.run(me, FORUM, { input: { date: '2021-04-01', unitId: CHIENG_PHA, topic: 'x', attendance: 10, pledges: 11 } })).extensions,
    ).toMatchObject({ field: 'input.pledges', reason: 'MORE_THAN_TOTAL' });
    expect(refused(await s.run(me, PATROL, { input: { ...patrol, unitId: CHIENG_LE } })).extensions?.code).toBe('FORBIDDEN');
    expect(refused(await s.run(staff('farmers'), PATROL, { input: patrol })).extensions?.code).toBe('FORBIDDEN');
    expect(s.count('veterans_patrols') + s.count('veterans_condemnation_forums')).toBe(0);
  });

  it('loads demo data of every kind from 2021 to today, once', async () => {
    const demo = await openTestSubgraph(subgraph, { demo: true });
    for (const table of ['veterans_patrols', 'veterans_condemnation_forums', 'reintegration_supports', 'mediation_cases', 'at_risk_supports', 'tip_handovers'])
      expect(demo.count(table), table).toBeGreaterThan(0);
    const q = '{ first: veteransPatrols(periodId: "2021-01", first: 1) { totalCount } latest: veteransPatrols(first: 1) { nodes { date } } }';
    const res = ok<{ totalCount: number }>(await demo.run(leadership(), q), 'first');
    expect(res.totalCount).toBeGreaterThan(0);
    const latest = ((await demo.run(leadership(), q)).data as { latest: { nodes: { date: string }[] } }).latest.nodes[0]!.date;
    expect(latest >= addDays(todayInVietnam(), -60)).toBe(true);
    expect(loadDemoDataOnce(demo.db, subgraph, todayInVietnam())).toBe(0);
  });
});

// The duties it shares with other organizations, as every organization that carries them out must behave.
describeCasework(subgraph, ['reintegration', 'mediation', 'atRiskSupport', 'tipHandovers']);
