/** The farmers' association's own records: the close-out of Plan 447, campaigns among members, trainings by level. */
import { beforeEach, describe, expect, it } from 'vitest';
import { PHA_AREA, describeCasework } from '@antt/casework/testing';
import { ok, refused } from '@antt/testing';
import { addDays, todayInVietnam } from '@antt/reference';
import { BINH_THUAN, CHIENG_PHA, PROVINCE, THUAN_CHAU, dashboard, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const province = staff('farmers', PROVINCE);
const me = staff('farmers', BINH_THUAN);
const RESULT = /* GraphQL */ `
  mutation ($input: RecordFarmersPlan447ResultInput!) {
    recordFarmersPlan447Result(input: $input) {
      id
      indicator
      target
      achieved
      met
      unit {
        id
      }
    }
  }
`;
const CAMPAIGN = /* GraphQL */ `
  mutation ($input: RecordFarmersCampaignInput!) {
    recordFarmersCampaign(input: $input) {
      id
      name
      membersReached
      pledgesSigned
    }
  }
`;
const ACTIVITY = /* GraphQL */ `
  mutation ($input: RecordFarmersActivityInput!) {
    recordFarmersActivity(input: $input) {
      id
    }
  }
`;
const COUNTS = /* GraphQL */ `
  query ($unit: ID!, $period: ID!) {
    unit(id: $unit) {
      farmers {
        plan447(periodId: $period) {
          count
          met
        }
        campaigns(periodId: $period) {
          count
          membersReached
          pledgesSigned
        }
        trainings(periodId: $period) {
          count
          participants
          atCommuneLevel
          participantsAtCommuneLevel
        }
      }
    }
  }
`;
const target = {
  reportedOn: '2021-11-25',
  unitId: THUAN_CHAU,
  indicator: 'Buổi tuyên truyền phối hợp với Công an',
  unitOfMeasure: 'buổi',
  target: 40,
  achieved: 46,
};

describe('the farmers’ association’s own records', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('closes out Plan 447 target by target, computing whether each was met', async () => {
    expect(ok(await s.run(province, RESULT, { input: target }), 'recordFarmersPlan447Result')).toMatchObject({
      target: 40,
      achieved: 46,
      met: true,
      unit: { id: THUAN_CHAU },
    });
    expect(
      ok(
        await s.run(province, RESULT, { input: { ...target, indicator: 'Tỷ lệ hội viên ký cam kết', unitOfMeasure: '%', target: 95, achieved: 88.5 } }),
        'recordFarmersPlan447Result',
      ),
    ).toMatchObject({ achieved: 88.5, met: false });
    const sum = ok<{ farmers: { plan447: unknown } }>(await s.run(leadership(), COUNTS, { unit: PROVINCE, period: '2021' }), 'unit').farmers.plan447;
    expect(sum).toEqual({ count: 2, met: 1 });
    expect(refused(await s.run(province, RESULT, { input: { ...target, target: -1 } })).extensions).toMatchObject({
      field: 'input.target',
      reason: 'NEGATIVE',
    });
    expect(refused(await s.run(province, RESULT, { input: { ...target, unitId: PHA_AREA } })).extensions).toMatchObject({
      field: 'input.unitId',
      reason: 'WRONG_UNIT_LEVEL',
    });
  });

  it('counts campaigns among members and trainings, telling those held at commune level apart', async () => {
    ok(
      await s.run(me, CAMPAIGN, {
        input: {
          name: 'Hội viên nông dân không vi phạm pháp luật',
          startedOn: '2021-03-01',
          endedOn: '2021-06-01',
          unitId: CHIENG_PHA,
          membersReached: 300,
          pledgesSigned: 250,
        },
      }),
      'recordFarmersCampaign',
    );
    ok(
      await s.run(me, ACTIVITY, {
        input: { type: 'TRAINING', topic: 'Tập huấn kỹ năng tố giác tội phạm', date: '2021-04-01', unitId: PHA_AREA, participants: 40 },
      }),
      'recordFarmersActivity',
    );
    ok(
      await s.run(province, ACTIVITY, {
        input: { type: 'TRAINING', topic: 'Tập huấn cán bộ Hội cấp huyện', date: '2021-04-02', unitId: THUAN_CHAU, participants: 25 },
      }),
      'recordFarmersActivity',
    );
    ok(
      await s.run(me, ACTIVITY, { input: { type: 'PROPAGANDA', topic: 'Tuyên truyền', date: '2021-04-03', unitId: CHIENG_PHA, participants: 99 } }),
      'recordFarmersActivity',
    );
    const f = ok<{ farmers: Record<string, unknown> }>(await s.run(dashboard(), COUNTS, { unit: THUAN_CHAU, period: '2021-PLAN-6M' }), 'unit').farmers;
    expect(f.campaigns).toEqual({ count: 1, membersReached: 300, pledgesSigned: 250 });
    expect(f.trainings).toEqual({ count: 2, participants: 65, atCommuneLevel: 1, participantsAtCommuneLevel: 40 });
    expect(
      refused(
        await s.run(me, CAMPAIGN, {
          input: { name: 'x', startedOn: '2021-03-01', endedOn: '2021-02-01', unitId: CHIENG_PHA, membersReached: 3, pledgesSigned: 0 },
        }),
      ).extensions,
    ).toMatchObject({ field: 'input.endedOn', reason: 'DATE_BEFORE_START' });
  });

  it('lets leadership read campaigns and Plan 447 results but not write them', async () => {
    ok(await s.run(province, RESULT, { input: target }), 'recordFarmersPlan447Result');
    expect(ok<{ totalCount: number }>(await s.run(leadership(), '{ farmersPlan447Results { totalCount } }'), 'farmersPlan447Results').totalCount).toBe(1);
    expect(refused(await s.run(leadership(), RESULT, { input: target })).extensions?.code).toBe('FORBIDDEN');
    expect(refused(await s.run(staff('youth'), '{ farmersCampaigns { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
  });

  it('loads demo data of every kind from 2021 to today, with Plan 447 closed out in 2021', async () => {
    const demo = await openTestSubgraph(subgraph, { demo: true });
    for (const table of ['farmers_plan447_results', 'farmers_campaigns', 'reintegration_supports', 'mediation_cases', 'at_risk_supports', 'tip_handovers'])
      expect(demo.count(table), table).toBeGreaterThan(0);
    const res = (
      await demo.run(leadership(), '{ farmersPlan447Results(periodId: "2021", first: 1) { totalCount } farmersCampaigns(first: 1) { nodes { startedOn } } }')
    ).data as { farmersPlan447Results: { totalCount: number }; farmersCampaigns: { nodes: { startedOn: string }[] } };
    expect(res.farmersPlan447Results.totalCount).toBe(65);
    expect(res.farmersCampaigns.nodes[0]!.startedOn >= addDays(todayInVietnam(), -90)).toBe(true);
  });
});

// The duties it shares with other organizations, as every organization that carries them out must behave.
describeCasework(subgraph, ['reintegration', 'mediation', 'atRiskSupport', 'tipHandovers']);
