/** The labour federation's own records: the workers' movement, core teams, boarding houses, disputes reported as hotspots. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ok, refused } from '@antt/testing';
import { addDays, todayInVietnam, unitId } from '@antt/reference';
import { BINH_THUAN, CHIENG_PHA, PROVINCE, THUAN_CHAU, dashboard, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

// Labour has branches at province and district level only.
const me = staff('labour', PROVINCE);
const district = staff('labour', THUAN_CHAU);
const PARTICIPATION = /* GraphQL */ `
  mutation ($input: RecordLabourParticipationInput!) {
    recordLabourParticipation(input: $input) {
      id
      establishment {
        id
      }
      year
      workers
      pledgeSigned
      unit {
        id
      }
      branch {
        id
      }
    }
  }
`;
const HOUSE = /* GraphQL */ `
  mutation ($input: RecordLabourBoardingHouseInput!) {
    registerLabourBoardingHouse(input: $input) {
      id
      safety
    }
  }
`;
const CHECK = /* GraphQL */ `
  mutation ($input: RecordLabourBoardingHouseCheckInput!) {
    recordLabourBoardingHouseCheck(input: $input) {
      house {
        id
        safety
        checks {
          checkedOn
          safety
        }
      }
    }
  }
`;
const DISPUTE = /* GraphQL */ `
  mutation ($input: RecordLabourDisputeInput!) {
    recordLabourDispute(input: $input) {
      id
      kind
      hotspotId
      establishment {
        id
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $changes: CorrectLabourDisputeInput!, $reason: String!) {
    correctLabourDispute(id: $id, changes: $changes, reason: $reason) {
      id
      hotspotId
      resolvedOn
    }
  }
`;
const COUNTS = /* GraphQL */ `
  query ($unit: ID!, $period: ID!) {
    unit(id: $unit) {
      labour {
        movement(periodId: $period) {
          establishments
          workers
          pledgesSigned
          industrialZones
          coreTeams
          coreTeamMembers
        }
        boardingHouses(periodId: $period) {
          count
          workersLiving
          checks
          byStatus {
            status
            count
            workersLiving
          }
        }
        disputes(periodId: $period) {
          count
          workersInvolved
          reportedAsHotspots
          resolved
          byKind {
            kind
            count
            workersInvolved
          }
        }
      }
    }
  }
`;
const taking = {
  establishmentId: 'DEMO-CS-0001',
  year: 2021,
  registeredOn: '2021-02-15',
  unitId: CHIENG_PHA,
  industrialZone: null,
  workers: 120,
  pledgeSigned: true,
};

describe('the labour federation’s own records', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('records an establishment of the police register taking part in the movement, once a year', async () => {
    expect(ok(await s.run(district, PARTICIPATION, { input: taking }), 'recordLabourParticipation')).toMatchObject({
      establishment: { id: 'DEMO-CS-0001' },
      year: 2021,
      workers: 120,
      unit: { id: CHIENG_PHA },
      branch: { id: `labour@${THUAN_CHAU}` },
    });
    expect(refused(await s.run(district, PARTICIPATION, { input: { ...taking, registeredOn: '2021-03-01' } })).extensions).toMatchObject({
      field: 'input.year',
      reason: 'CONTRADICTS_EXISTING',
    });
    ok(await s.run(district, PARTICIPATION, { input: { ...taking, year: 2022, registeredOn: '2022-01-20', workers: 150 } }), 'recordLabourParticipation');
    ok(
      await s.run(me, 'mutation ($input: RecordLabourCoreTeamInput!) { registerLabourCoreTeam(input: $input) { id establishment { id } } }', {
        input: { establishmentId: 'DEMO-CS-0001', unitId: CHIENG_PHA, name: 'Tổ nòng cốt', foundedOn: '2021-05-01', members: 9 },
      }),
      'registerLabourCoreTeam',
    );
    const m2021 = ok<{ labour: { movement: Record<string, number> } }>(await s.run(leadership(), COUNTS, { unit: BINH_THUAN, period: '2021-PLAN-Y' }), 'unit')
      .labour.movement;
    expect(m2021).toEqual({ establishments: 1, workers: 120, pledgesSigned: 1, industrialZones: 0, coreTeams: 1, coreTeamMembers: 9 });
    // A participation counts in the plan year its registration day falls in, never in two: 2022-PLAN-Y
    // (10/12/2021 – 09/12/2022) has the registration of 20/01/2022 only.
    const next = ok<{ labour: { movement: Record<string, number> } }>(await s.run(leadership(), COUNTS, { unit: PROVINCE, period: '2022-PLAN-Y' }), 'unit')
      .labour.movement;
    expect(next).toMatchObject({ establishments: 1, workers: 150, pledgesSigned: 1 });
    // The plan year 2022 (10/12/2021 – 09/12/2022) also holds the registration for 2023 made on
    // 01/12/2022: the establishment's latest standing in the window counts, never both calendar years.
    ok(await s.run(district, PARTICIPATION, { input: { ...taking, year: 2023, registeredOn: '2022-12-01', workers: 170 } }), 'recordLabourParticipation');
    const both = ok<{ labour: { movement: Record<string, number> } }>(await s.run(leadership(), COUNTS, { unit: PROVINCE, period: '2022-PLAN-Y' }), 'unit')
      .labour.movement;
    expect(both).toMatchObject({ establishments: 1, workers: 170, pledgesSigned: 1 });
  });

  it('answers for the days a district existed: a period after it ceased gets the days and successors, not figures', async () => {
    ok(await s.run(district, PARTICIPATION, { input: taking }), 'recordLabourParticipation');
    const ceased = unitId.districtFeb2025('119');
    const asked = await s.run(
      leadership(),
      `query ($unit: ID!, $period: ID!) { unit(id: $unit) { inPeriod(periodId: $period) { map from to whole ceasedOn successors { id } note } labour { movement(periodId: $period) { workers } } } }`,
      { unit: ceased, period: '2026-PLAN-Y' },
    );
    expect(refused(asked)).toMatchObject({ extensions: { field: 'periodId', reason: 'UNIT_CEASED_BEFORE_PERIOD', ceasedOn: '2025-06-30' } });
    const answer = (asked.data as { unit: { inPeriod: Record<string, unknown> } }).unit.inPeriod;
    expect(answer).toMatchObject({ map: '2025-07', from: null, to: null, whole: false, ceasedOn: '2025-06-30' });
    expect(answer.successors).toContainEqual({ id: unitId.newCommune('03721') });
    expect(answer.note).toContain('01/07/2025');
    // The 2021 district answers for 2021 in full, with the participation of Xã Chiềng Pha.
    const y2021 = ok<{ labour: { movement: { workers: number } } }>(await s.run(leadership(), COUNTS, { unit: THUAN_CHAU, period: '2021-PLAN-Y' }), 'unit');
    expect(y2021.labour.movement.workers).toBe(120);
  });

  it('follows a boarding house’s safety through its checks: its status on a day is its latest check by then', async () => {
    const house = ok<{ id: string }>(
      await s.run(me, HOUSE, { input: { name: 'Khu trọ số 1', unitId: unitId.area('03730', 2), registeredOn: '2021-03-01', rooms: 12, workersLiving: 30 } }),
      'registerLabourBoardingHouse',
    );
    expect(house).toMatchObject({ safety: null });
    const check = { houseId: house.id, unitId: unitId.area('03730', 2) };
    ok(
      await s.run(me, CHECK, { input: { ...check, checkedOn: '2021-04-01', safety: 'UNSAFE', note: 'Thiếu bình chữa cháy' } }),
      'recordLabourBoardingHouseCheck',
    );
    const after = ok<{ house: { safety: string; checks: unknown[] } }>(
      await s.run(me, CHECK, { input: { ...check, checkedOn: '2021-10-01', safety: 'SAFE' } }),
      'recordLabourBoardingHouseCheck',
    ).house;
    expect(after).toMatchObject({
      safety: 'SAFE',
      checks: [
        { checkedOn: '2021-10-01', safety: 'SAFE' },
        { checkedOn: '2021-04-01', safety: 'UNSAFE' },
      ],
    });
    const status = async (period: string) =>
      ok<{ labour: { boardingHouses: { byStatus: { status: string; count: number }[] } } }>(
        await s.run(leadership(), COUNTS, { unit: BINH_THUAN, period }),
        'unit',
      )
        .labour.boardingHouses.byStatus.filter((b) => b.count > 0)
        .map((b) => b.status);
    expect(await status('2021-Q2')).toEqual(['UNSAFE']);
    expect(await status('2021-Q4')).toEqual(['SAFE']);
    expect(await status('2021-Q1')).toEqual(['NOT_CHECKED']);
    expect(refused(await s.run(me, CHECK, { input: { ...check, checkedOn: '2021-02-01', safety: 'SAFE' } })).extensions).toMatchObject({
      field: 'input.checkedOn',
      reason: 'DATE_BEFORE_START',
    });
  });

  it('records a strike, keeps the hotspot id the police returned, and counts disputes by kind', async () => {
    const d = ok<{ id: string }>(
      await s.run(me, DISPUTE, {
        input: { establishmentId: 'DEMO-CS-0002', unitId: CHIENG_PHA, startedOn: '2021-09-01', kind: 'STRIKE', cause: 'WAGES', workersInvolved: 80 },
      }),
      'recordLabourDispute',
    );
    const reason = 'Công an đã tiếp nhận điểm nóng';
    expect(ok(await s.run(me, UPDATE, { id: d.id, changes: { hotspotId: 'hotspot:police:42' }, reason }), 'correctLabourDispute')).toEqual({
      id: d.id,
      hotspotId: 'hotspot:police:42',
      resolvedOn: null,
    });
    expect(refused(await s.run(me, UPDATE, { id: d.id, changes: { hotspotId: 'hotspot:police:43' }, reason })).extensions).toMatchObject({
      field: 'changes.hotspotId',
      reason: 'ALREADY_REPORTED',
    });
    ok(await s.run(me, UPDATE, { id: d.id, changes: { resolvedOn: '2021-09-05' }, reason: 'Hai bên đã thỏa thuận xong' }), 'correctLabourDispute');
    ok(
      await s.run(me, DISPUTE, { input: { unitId: CHIENG_PHA, startedOn: '2021-10-01', kind: 'DISPUTE', cause: 'SOCIAL_INSURANCE', workersInvolved: 5 } }),
      'recordLabourDispute',
    );
    const sum = ok<{ labour: { disputes: Record<string, unknown> } }>(await s.run(dashboard(), COUNTS, { unit: THUAN_CHAU, period: '2021' }), 'unit').labour
      .disputes;
    expect(sum).toMatchObject({ count: 2, workersInvolved: 85, reportedAsHotspots: 1, resolved: 1 });
    expect(sum.byKind).toContainEqual({ kind: 'STRIKE', count: 1, workersInvolved: 80 });
  });

  it.each([
    ['an establishment id that is not an id', PARTICIPATION, { ...taking, establishmentId: 'công ty mía đường' }, 'input.establishmentId', 'INVALID_CODE'],
    ['a residential area instead of a commune', PARTICIPATION, { ...taking, unitId: unitId.area('03730', 1) }, 'input.unitId', 'WRONG_UNIT_LEVEL'],
    ['a registration after its year', PARTICIPATION, { ...taking, registeredOn: '2022-01-05' }, 'input.registeredOn', 'DATE_AFTER_YEAR'],
    [
      'a dispute involving nobody',
      DISPUTE,
      { unitId: CHIENG_PHA, startedOn: '2021-10-01', kind: 'DISPUTE', cause: 'WAGES', workersInvolved: 0 },
      'input.workersInvolved',
      'TOO_SMALL',
    ],
    ['a house without rooms', HOUSE, { name: 'x', unitId: CHIENG_PHA, registeredOn: '2021-03-01', rooms: 0, workersLiving: 3 }, 'input.rooms', 'TOO_SMALL'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, mutation, input, field, reason) => {
    expect(refused(await s.run(me, mutation, { input })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('labour_participations') + s.count('labour_disputes') + s.count('labour_boarding_houses')).toBe(0);
  });

  it('lets a district branch write only in its district, and other organizations not at all', async () => {
    expect(refused(await s.run(district, PARTICIPATION, { input: { ...taking, unitId: unitId.oldCommune('03646') } })).extensions?.code).toBe('FORBIDDEN');
    expect(refused(await s.run(staff('women'), PARTICIPATION, { input: taking })).extensions?.code).toBe('FORBIDDEN');
    expect(refused(await s.run(staff('women'), '{ labourDisputes { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
  });

  it('loads demo data of every kind from 2021 to today, on the police’s demo establishments', async () => {
    const demo = await openTestSubgraph(subgraph, { demo: true });
    for (const table of ['labour_participations', 'labour_core_teams', 'labour_boarding_houses', 'labour_boarding_house_checks', 'labour_disputes'])
      expect(demo.count(table), table).toBeGreaterThan(0);
    const res = (
      await demo.run(
        leadership(),
        '{ labourParticipations(first: 1) { nodes { registeredOn establishment { id } } } labourDisputes(first: 200) { nodes { hotspotId } } }',
      )
    ).data as {
      labourParticipations: { nodes: { registeredOn: string; establishment: { id: string } }[] };
      labourDisputes: { nodes: { hotspotId: string | null }[] };
    };
    expect(res.labourParticipations.nodes[0]!.establishment.id).toMatch(/^DEMO-CS-\d{4}$/);
    expect(res.labourParticipations.nodes[0]!.registeredOn >= addDays(todayInVietnam(), -366)).toBe(true);
    expect(res.labourDisputes.nodes.some((d) => d.hotspotId)).toBe(true);
  });
});
