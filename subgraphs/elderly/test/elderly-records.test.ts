/** The elderly association's own records: family pledges per residential area. */
import { beforeEach, describe, expect, it } from 'vitest';
import { PHA_AREA, describeCasework } from '@antt/casework/testing';
import { ok, refused } from '@antt/testing';
import { addDays, todayInVietnam } from '@antt/reference';
import { BINH_THUAN, CHIENG_PHA, TO_HIEU, dashboard, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const me = staff('elderly', BINH_THUAN);
const PLEDGE = /* GraphQL */ `
  mutation ($input: RecordElderlyFamilyPledgeInput!) {
    recordElderlyFamilyPledge(input: $input) {
      id
      familiesSigned
      familiesTotal
      share
      unit {
        id
      }
    }
  }
`;
const COUNTS = /* GraphQL */ `
  query ($unit: ID!, $period: ID!) {
    unit(id: $unit) {
      elderly {
        familyPledges(periodId: $period) {
          count
          familiesSigned
          familiesTotal
          share
        }
      }
    }
  }
`;

describe('the elderly association’s own records', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('records the families of a residential area that pledged no member will break the law, and counts them up to today’s commune', async () => {
    expect(
      ok(await s.run(me, PLEDGE, { input: { signedOn: '2021-03-08', unitId: PHA_AREA, familiesSigned: 90, familiesTotal: 100 } }), 'recordElderlyFamilyPledge'),
    ).toMatchObject({ familiesSigned: 90, familiesTotal: 100, share: 0.9, unit: { id: PHA_AREA } });
    ok(await s.run(me, PLEDGE, { input: { signedOn: '2025-09-08', unitId: PHA_AREA, familiesSigned: 100, familiesTotal: 100 } }), 'recordElderlyFamilyPledge');
    expect(ok(await s.run(leadership(), COUNTS, { unit: BINH_THUAN, period: '2021' }), 'unit')).toEqual({
      elderly: { familyPledges: { count: 1, familiesSigned: 90, familiesTotal: 100, share: 0.9 } },
    });
    expect(ok(await s.run(dashboard(), COUNTS, { unit: BINH_THUAN, period: '2025' }), 'unit')).toEqual({
      elderly: { familyPledges: { count: 1, familiesSigned: 100, familiesTotal: 100, share: 1 } },
    });
    expect(ok(await s.run(dashboard(), COUNTS, { unit: TO_HIEU, period: '2025' }), 'unit')).toEqual({
      elderly: { familyPledges: { count: 0, familiesSigned: 0, familiesTotal: 0, share: 0 } },
    });
  });

  it('refuses a second round in the same residential area and year, naming the first, and takes a correction of the first instead', async () => {
    const first = ok<{ id: string }>(
      await s.run(me, PLEDGE, { input: { signedOn: '2021-03-08', unitId: PHA_AREA, familiesSigned: 90, familiesTotal: 100 } }),
      'recordElderlyFamilyPledge',
    );
    const again = refused(await s.run(me, PLEDGE, { input: { signedOn: '2021-11-20', unitId: PHA_AREA, familiesSigned: 95, familiesTotal: 100 } }));
    expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId', reason: 'CONTRADICTS_EXISTING' });
    expect(again.message).toContain(first.id);
    expect(s.count('elderly_family_pledges')).toBe(1);
    // Another year, or another area, is another round.
    ok(await s.run(me, PLEDGE, { input: { signedOn: '2022-03-08', unitId: PHA_AREA, familiesSigned: 92, familiesTotal: 100 } }), 'recordElderlyFamilyPledge');
    const fix =
      'mutation ($id: ID!, $changes: CorrectElderlyFamilyPledgeInput!) { correctElderlyFamilyPledge(id: $id, changes: $changes, reason: "Bổ sung hộ ký muộn") { version familiesSigned share } }';
    expect(ok(await s.run(me, fix, { id: first.id, changes: { familiesSigned: 95 } }), 'correctElderlyFamilyPledge')).toEqual({
      version: 2,
      familiesSigned: 95,
      share: 0.95,
    });
    // A correction is checked like a new round: not more families than the area has.
    expect(refused(await s.run(me, fix, { id: first.id, changes: { familiesSigned: 101 } })).extensions).toMatchObject({
      field: 'changes.familiesSigned',
      reason: 'MORE_THAN_TOTAL',
    });
    expect(ok(await s.run(leadership(), COUNTS, { unit: BINH_THUAN, period: '2021' }), 'unit')).toEqual({
      elderly: { familyPledges: { count: 1, familiesSigned: 95, familiesTotal: 100, share: 0.95 } },
    });
  });

  it.each([
    ['more families signing than live there', { familiesSigned: 101 }, 'input.familiesSigned', 'MORE_THAN_TOTAL'],
    ['a commune instead of a residential area', { unitId: CHIENG_PHA }, 'input.unitId', 'WRONG_UNIT_LEVEL'],
    ['no families at all', { familiesTotal: 0, familiesSigned: 0 }, 'input.familiesTotal', 'TOO_SMALL'],
  ])('refuses pledges with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
    expect(
      refused(await s.run(me, PLEDGE, { input: { signedOn: '2021-03-08', unitId: PHA_AREA, familiesSigned: 90, familiesTotal: 100, ...change } })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('elderly_family_pledges')).toBe(0);
  });

  it('loads demo data of every kind from 2021 to today, in the model commune Chiềng Pha too', async () => {
    const demo = await openTestSubgraph(subgraph, { demo: true });
    for (const table of ['elderly_family_pledges', 'reintegration_supports', 'mediation_cases', 'at_risk_supports', 'tip_handovers'])
      expect(demo.count(table), table).toBeGreaterThan(0);
    const res = (
      await demo.run(
        leadership(),
        `{ elderlyFamilyPledges(unitId: "${CHIENG_PHA}", periodId: "2021") { totalCount } elderlyMediationCases(first: 1) { nodes { receivedOn } } }`,
      )
    ).data as { elderlyFamilyPledges: { totalCount: number }; elderlyMediationCases: { nodes: { receivedOn: string }[] } };
    expect(res.elderlyFamilyPledges.totalCount).toBeGreaterThan(0);
    expect(res.elderlyMediationCases.nodes[0]!.receivedOn >= addDays(todayInVietnam(), -60)).toBe(true);
  });
});

// The duties it shares with other organizations, as every organization that carries them out must behave.
describeCasework(subgraph, ['reintegration', 'mediation', 'atRiskSupport', 'tipHandovers']);
