/**
 * End to end over HTTP for the member organizations' duties: every member organization writes its own records through the
 * gateway, leadership reads them and counts them by commune and period in one query, sensitive data
 * stays with the organization's staff, and mediation refuses what the law excludes.
 */
import { loadDashboardOperations } from '@antt/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHotspotId, unitId, type OrganizationId } from '@antt/reference';
import { BINH_THUAN, CHIENG_LE, CHIENG_PHA, PROVINCE, dashboard, leadership, staff } from '@antt/testing';
import type { Identity } from '@antt/auth';
import { post, startFederation, type Federation } from './support/federation.js';
import { COMMUNE_OVERVIEW } from './support/commune-overview.js';

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation({ demo: true });
});
afterAll(async () => {
  await fed?.stop();
});

type Overview = Record<string, Record<string, unknown>>;
const AREA = unitId.area('03730', 3);
const PERIOD = '2021-PLAN-Y';

async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, who: Identity): Promise<T> {
  const res = await post<T>(fed.gateway.url, query, variables, who);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

async function overview(unit = BINH_THUAN, period = PERIOD): Promise<Overview> {
  return (await gql<{ unit: Overview }>(COMMUNE_OVERVIEW, { unit, period }, leadership())).unit;
}

/** One record of each organization's own duties, in Xã Chiềng Pha in 2021, written by that organization's staff through the gateway. */
const WRITES: [OrganizationId, Identity, string, Record<string, unknown>][] = [
  [
    'veterans',
    staff('veterans', BINH_THUAN),
    'mutation ($input: RecordVeteransPatrolInput!) { recordVeteransPatrol(input: $input) { id } }',
    { date: '2021-06-01', unitId: AREA, team: 'Tổ CCB', members: 5, incidentsFound: 1, findings: 'Tụ tập gây rối', handedToPolice: 1 },
  ],
  // (A protection case would do too, but a single case is a small count that leadership sees hidden.)
  [
    'women',
    staff('women', BINH_THUAN),
    'mutation ($input: RecordWomenSocialIssueActionInput!) { recordWomenSocialIssueAction(input: $input) { id } }',
    { date: '2021-06-02', unitId: AREA, issue: 'HUMAN_TRAFFICKING', form: 'COMMUNICATION', participants: 60 },
  ],
  [
    'youth',
    staff('youth', BINH_THUAN),
    'mutation ($input: RecordYouthLegalSessionInput!) { recordYouthLegalSession(input: $input) { id } }',
    { date: '2021-06-03', unitId: CHIENG_PHA, topic: 'Tác hại của ma túy', setting: 'SCHOOL', youthReached: 210, drugPrevention: true },
  ],
  [
    'labour',
    staff('labour', PROVINCE),
    'mutation ($input: RecordLabourDisputeInput!) { recordLabourDispute(input: $input) { id } }',
    { unitId: CHIENG_PHA, startedOn: '2021-06-04', kind: 'STRIKE', cause: 'WAGES', workersInvolved: 40, hotspotId: demoHotspotId(1) },
  ],
  [
    'farmers',
    staff('farmers', BINH_THUAN),
    'mutation ($input: RecordFarmersCampaignInput!) { recordFarmersCampaign(input: $input) { id } }',
    { name: 'Nông dân tích cực tố giác tội phạm', startedOn: '2021-06-05', unitId: CHIENG_PHA, membersReached: 120, pledgesSigned: 100 },
  ],
  [
    'elderly',
    staff('elderly', BINH_THUAN),
    'mutation ($input: RecordElderlyFamilyPledgeInput!) { recordElderlyFamilyPledge(input: $input) { id } }',
    { signedOn: '2021-06-06', unitId: AREA, familiesSigned: 50, familiesTotal: 60 },
  ],
  [
    'infocomm',
    staff('infocomm', PROVINCE),
    'mutation ($input: RecordInfocommMediaItemInput!) { recordInfocommMediaItem(input: $input) { id } }',
    {
      date: '2021-06-07',
      unitId: CHIENG_PHA,
      outletKind: 'GRASSROOTS_LOUDSPEAKER',
      outlet: 'Đài truyền thanh xã Chiềng Pha',
      title: 'Cảnh giác mua bán người',
      topic: 'Phòng, chống mua bán người',
      reach: 700,
    },
  ],
];

/** Where each write shows in the overview. */
const SHOWS: Record<string, (o: Overview) => number> = {
  veterans: (o) => (o.veterans!.patrols as { count: number }).count,
  women: (o) => (o.women!.socialIssues as { count: number }).count,
  youth: (o) => (o.youth!.drugPreventionProject as { sessions: number }).sessions,
  labour: (o) => (o.labour!.disputes as { reportedAsHotspots: number }).reportedAsHotspots,
  farmers: (o) => (o.farmers!.campaigns as { count: number }).count,
  elderly: (o) => (o.elderly!.familyPledges as { count: number }).count,
  infocomm: (o) => (o.infocomm!.media as { count: number }).count,
};

describe('what every organization did in a commune and a period, in one gateway query', () => {
  it('answers for today’s Xã Bình Thuận, formed from Chiềng Pha, with every organization’s figures from the demo data', async () => {
    const o = await overview();
    expect(o.name).toBe('Xã Bình Thuận');
    for (const org of ['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm']) expect(o[org], org).toBeTruthy();
    // The demo data puts something of every organization's own duties in the plan's model commune.
    const demo: [string, string, string][] = [
      ['veterans', 'patrols', 'count'],
      ['veterans', 'mediation', 'received'],
      ['women', 'socialIssues', 'count'],
      ['women', 'modelReplicas', 'active'],
      ['youth', 'legalEducation', 'count'],
      ['labour', 'boardingHouses', 'count'],
      ['farmers', 'campaigns', 'count'],
      ['farmers', 'atRiskSupport', 'records'],
      ['elderly', 'familyPledges', 'count'],
      ['infocomm', 'media', 'count'],
    ];
    for (const [org, field, figure] of demo) expect((o[org]![field] as Record<string, number>)[figure], `${org}.${field}.${figure}`).toBeGreaterThan(0);
  });

  it('counts a record each organization’s staff write through the gateway, for the commune and period, and nowhere else', async () => {
    const before = await overview();
    const elsewhere = await overview(CHIENG_LE);
    const nextYear = await overview(BINH_THUAN, '2022-PLAN-Y');
    for (const [org, who, mutation, input] of WRITES) {
      const res = await post(fed.gateway.url, mutation, { input }, who);
      expect(res.errors, `${org}: ${JSON.stringify(res.errors)}`).toBeUndefined();
    }
    const after = await overview();
    for (const [org] of WRITES) expect(SHOWS[org]!(after) - SHOWS[org]!(before), org).toBe(1);
    expect(await overview(CHIENG_LE)).toEqual(elsewhere);
    expect(await overview(BINH_THUAN, '2022-PLAN-Y')).toEqual(nextYear);
  });

  it('shows leadership, per commune and period, the reintegration cases each organization supports and their outcomes, never a name', async () => {
    // Exact figures as each organization's own staff read them; leadership reads the same (figures as they are, audited).
    const SUMMARY = (org: string) =>
      `query ($unit: ID!, $period: ID!) { unit(id: $unit) { ${org} { reintegration(periodId: $period) { casesSupported outcomes { outcome count } } } } }`;
    type R = { unit: Record<string, { reintegration: { casesSupported: number | null; outcomes: { outcome: string; count: number | null }[] } }> };
    const read = async (org: OrganizationId, who: Identity) => (await gql<R>(SUMMARY(org), { unit: BINH_THUAN, period: PERIOD }, who)).unit[org]!.reintegration;
    const own = (org: OrganizationId) => staff(org, PROVINCE);
    const before = { veterans: await read('veterans', own('veterans')), women: await read('women', own('women')) };
    const assign = (P: string) => `mutation ($input: Record${P}ReintegrationSupportInput!) { assign${P}ReintegrationSupport(input: $input) { id } }`;
    // The case is one the commune police registered: a case id the police never registered is refused.
    const caseId = (
      await gql<{ recordPoliceReintegrationCase: { id: string } }>(
        'mutation ($input: RecordPoliceReintegrationCaseInput!) { recordPoliceReintegrationCase(input: $input) { id } }',
        { input: { communeId: CHIENG_PHA, returnedOn: '2021-06-20', kind: 'SENTENCE_SERVED' } },
        staff('police', PROVINCE),
      )
    ).recordPoliceReintegrationCase.id;
    const input = { caseId, communeId: CHIENG_PHA, assignedOn: '2021-07-01', supporterKind: 'MENTOR', mentorName: 'Tòng Văn Kèm' };
    const v = (await gql<{ assignVeteransReintegrationSupport: { id: string } }>(assign('Veterans'), { input }, staff('veterans', BINH_THUAN)))
      .assignVeteransReintegrationSupport.id;
    await gql(
      assign('Women'),
      { input: { ...input, supporterKind: 'INTER_HOUSEHOLD_GROUP', mentorName: null, groupName: 'Nhóm liên gia số 2' } },
      staff('women', BINH_THUAN),
    );
    await gql(
      'mutation ($id: ID!) { recordVeteransReintegrationOutcome(supportId: $id, outcome: STABLE, on: "2021-11-01") { id } }',
      { id: v },
      staff('veterans', BINH_THUAN),
    );
    const after = { veterans: await read('veterans', own('veterans')), women: await read('women', own('women')) };
    expect(after.veterans.casesSupported! - before.veterans.casesSupported!).toBe(1);
    expect(after.women.casesSupported! - before.women.casesSupported!).toBe(1);
    const stable = (r: typeof before.veterans) => r.outcomes.find((x) => x.outcome === 'STABLE')!.count!;
    expect(stable(after.veterans) - stable(before.veterans)).toBe(1);
    const lead = await gql<{ unit: Overview }>(COMMUNE_OVERVIEW, { unit: BINH_THUAN, period: PERIOD }, leadership());
    const shown = (lead.unit.veterans!.reintegration as { casesSupported: number | null }).casesSupported;
    expect(shown).toBe(after.veterans.casesSupported);
    expect(JSON.stringify(lead)).not.toContain('Tòng Văn Kèm');
    const supports = await gql<{ veteransReintegrationSupports: { nodes: { case: { id: string } }[] } }>(
      'query ($caseId: String) { veteransReintegrationSupports(caseId: $caseId) { nodes { case { id } } } }',
      { caseId },
      leadership(),
    );
    expect(supports.veteransReintegrationSupports.nodes).toEqual([{ case: { id: caseId } }]);
    // The mentor's name is a member's personal data: asking for it, leadership is refused whole at the gateway.
    const mentor = await post(
      fed.gateway.url,
      'query ($caseId: String) { veteransReintegrationSupports(caseId: $caseId) { nodes { mentorName } } }',
      { caseId },
      leadership(),
    );
    expect(mentor.status).toBe(403);
    expect(JSON.stringify(mentor)).not.toContain('Tòng Văn Kèm');
  });
});

describe('sensitive data through the gateway and on the subgraph alone', () => {
  it('shows a victim to the women’s union officer of the commune, and to leadership and dashboards only as a count', async () => {
    const women = staff('women', BINH_THUAN);
    const { recordWomenProtectionCase: c } = await gql<{ recordWomenProtectionCase: { id: string } }>(
      'mutation ($input: RecordWomenProtectionCaseInput!) { recordWomenProtectionCase(input: $input) { id } }',
      { input: { openedOn: '2021-09-01', unitId: AREA, kind: 'DOMESTIC_VIOLENCE', victimIsChild: false, victimFullName: 'Cầm Thị Kín' } },
      women,
    );
    const q = 'query ($id: ID!) { womenProtectionCase(id: $id) { id victimFullName } }';
    expect(await gql(q, { id: c.id }, women)).toEqual({ womenProtectionCase: { id: c.id, victimFullName: 'Cầm Thị Kín' } });
    for (const url of [fed.gateway.url, fed.subgraphs.women.url]) {
      for (const who of [leadership(), dashboard(), staff('women', unitId.newCommune('03646')), staff('police')]) {
        const one = await post<{ womenProtectionCase: null }>(url, q, { id: c.id }, who);
        // Null like a missing record, or (at the gateway, for callers who may read no victim at all) refused before any subgraph is asked.
        if (one.data) expect(one.data).toEqual({ womenProtectionCase: null });
        else expect(one.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const list = await post(url, '{ womenProtectionCases(unitId: "province:14") { nodes { victimFullName } } }', {}, who);
        expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(JSON.stringify([one, list])).not.toContain('Kín');
      }
    }
    // A dashboard reads the count through its committed operation; one case is too few to show.
    const op = [...loadDashboardOperations().values()].find((o) => o.includes('DashboardWomenProtection'))!;
    const counts = await gql<{ unit: Overview }>(op, { unit: BINH_THUAN, period: '2021-PLAN-Y' }, dashboard());
    const shown = (counts.unit.women!.protection as { count: number | null }).count;
    expect(shown === null || shown >= 5).toBe(true);
  });
});

describe('grassroots mediation through the gateway', () => {
  it('refuses a crime brought to a mediation team with an error that cites the law, and records nothing', async () => {
    const veterans = staff('veterans', BINH_THUAN);
    const team = await gql<{ registerVeteransMediationTeam: { id: string } }>(
      'mutation ($input: RecordVeteransMediationTeamInput!) { registerVeteransMediationTeam(input: $input) { id } }',
      {
        input: {
          areaId: AREA,
          name: 'Tổ hòa giải E2E',
          formedOn: '2020-01-01',
          mediators: 5,
          womenMediators: 2,
          ourMembers: 2,
          partnerOrganizationIds: ['front', 'women'],
        },
      },
      veterans,
    );
    const count = async () =>
      (await gql<{ veteransMediationCases: { totalCount: number } }>(`{ veteransMediationCases(unitId: "${AREA}") { totalCount } }`, {}, leadership()))
        .veteransMediationCases.totalCount;
    const before = await count();
    const res = await post(
      fed.gateway.url,
      'mutation ($input: RecordVeteransMediationCaseInput!) { recordVeteransMediationCase(input: $input) { id } }',
      { input: { teamId: team.registerVeteransMediationTeam.id, receivedOn: '2021-10-01', category: 'CRIMINAL_OFFENCE', parties: 2 } },
      veterans,
    );
    expect(res.data).toEqual({ recordVeteransMediationCase: null });
    expect(res.errors?.[0]?.message).toMatch(
      /^Không được hòa giải ở cơ sở: vi phạm pháp luật phải bị truy cứu trách nhiệm hình sự thuộc trường hợp loại trừ tại điểm c khoản 1 Điều 3 Luật Hòa giải ở cơ sở 2013/,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.category', reason: 'EXCLUDED_FROM_MEDIATION' });
    expect(await count()).toBe(before);
  });
});
