/** The police's records over HTTP, through the gateway and on the police subgraph alone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINH_THUAN, PROVINCE, dashboard, leadership, staff, user } from '@antt/testing';
import { loadDashboardOperations } from '@antt/gateway';
import { post, startFederation, type Federation } from './support/federation.js';

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation({ demo: true });
});
afterAll(async () => {
  await fed?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test results are read field by field, as the schema answers them
type Data = Record<string, any>;
const women = staff('women', BINH_THUAN);
const investigator = user('police', PROVINCE, ['STAFF', 'INVESTIGATOR']);

describe('the standard through the gateway', () => {
  it('gives leadership the 2021 figures by the 12 districts and the 2026 figures by today’s communes, in one query', async () => {
    const q = `{ unit(id: "${PROVINCE}") { name police {
      y2021: standardBreakdown(year: 2021) { unit { name level } residentialAreas { numerator denominator ratio target meetsTarget } }
      y2025: standardBreakdown(year: 2025) { unit { level } communes { target } }
      total: standardIndicators(year: 2021) { establishments { target denominator } }
    } } }`;
    const res = await post<Data>(fed.gateway.url, q, {}, leadership());
    expect(res.errors).toBeUndefined();
    const p = res.data!.unit.police;
    expect(p.y2021).toHaveLength(12);
    expect(new Set(p.y2021.map((r: Data) => r.unit.level))).toEqual(new Set(['DISTRICT']));
    expect(p.y2021[0].residentialAreas.target).toBe(0.9);
    expect(p.y2025).toHaveLength(75);
    expect(p.total.establishments.target).toBe(0.95);
    // The same answer from the police subgraph alone.
    const direct = await post<Data>(fed.subgraphs.police.url, q, {}, leadership());
    expect(direct.data).toEqual(res.data);
  });

  it('gives a dashboard the indicators against the targets, counting only recognitions the records support, and how many are not', async () => {
    const op = [...loadDashboardOperations().values()].find((q) => q.includes('DashboardStandardIndicators'))!;
    const res = await post<Data>(fed.gateway.url, op, { unit: PROVINCE, year: 2021, view: 'AS_RECORDED' }, dashboard());
    expect(res.errors).toBeUndefined();
    const communes = res.data!.unit.police.standardIndicators.communes;
    // The demo data's 2021 commune decisions: 181 signed, 55 of them before 70% of the commune's areas were recognised; the Front answered, so none is unknown.
    expect(communes).toEqual({
      numerator: 126,
      denominator: 204,
      ratio: 126 / 204,
      target: 0.9,
      meetsTarget: false,
      recognised: 181,
      unsupported: 55,
      unknown: 0,
      unknownReason: null,
    });
  });
});

describe('a tip handed over by the women’s union', () => {
  it('gives the officer a receipt and its status, never the content; the reporter only to an investigator', async () => {
    const sent = await post<Data>(
      fed.gateway.url,
      `mutation ($i: HandOverCrimeTipInput!) { handOverCrimeTip(input: $i) { receiptId status } }`,
      {
        i: {
          receivedAt: new Date(Date.now() - 3600_000).toISOString(),
          unitId: BINH_THUAN,
          summary: 'Hội viên phản ánh nghi dụ dỗ phụ nữ sang biên giới',
          category: 'HUMAN_TRAFFICKING',
          reporter: { fullName: 'Cầm Thị Mai', phone: '0987654321' },
          confidentialityRequested: true,
        },
      },
      women,
    );
    expect(sent.errors).toBeUndefined();
    const receipt = sent.data!.handOverCrimeTip.receiptId;
    const status = await post<Data>(fed.gateway.url, `{ policeTipHandover(receiptId: "${receipt}") { status } }`, {}, women);
    expect(status.data).toEqual({ policeTipHandover: { status: 'RECEIVED' } });

    const tips = await post<Data>(
      fed.gateway.url,
      `{ policeCrimeTips(unitId: "${BINH_THUAN}", first: 1) { id summary handedOverBy { id } } }`,
      {},
      staff('police', BINH_THUAN),
    );
    const tip = tips.data!.policeCrimeTips[0];
    expect(tip).toMatchObject({ summary: 'Hội viên phản ánh nghi dụ dỗ phụ nữ sang biên giới', handedOverBy: { id: 'women' } });

    for (const who of [women, leadership(), dashboard()]) {
      const res = await post(
        fed.gateway.url,
        `{ policeCrimeTip(id: "${tip.id}") { summary } policeTipReporter(tipId: "${tip.id}", reason: "xem") { fullName } }`,
        {},
        who,
      );
      expect(JSON.stringify(res)).not.toContain('Cầm Thị Mai');
      expect(JSON.stringify(res)).not.toContain('dụ dỗ phụ nữ');
    }
    const read = await post<Data>(
      fed.gateway.url,
      `{ policeTipReporter(tipId: "${tip.id}", reason: "Xác minh theo yêu cầu của Thủ trưởng") { fullName phone } }`,
      {},
      investigator,
    );
    expect(read.data).toEqual({ policeTipReporter: { fullName: 'Cầm Thị Mai', phone: '0987654321' } });
  });

  it('gives leadership and dashboards tip counts by category and status', async () => {
    const op = [...loadDashboardOperations().values()].find((q) => q.includes('DashboardTipsAndCases'))!;
    for (const who of [leadership(), dashboard()]) {
      const res = await post<Data>(fed.gateway.url, op, { unit: PROVINCE, period: '2024-PLAN-Y' }, who);
      expect(res.errors).toBeUndefined();
      expect(res.data!.unit.police.tipCounts.length).toBeGreaterThan(0);
    }
  });
});

describe('a hotspot and the mediation that handled it', () => {
  it('points from the police’s hotspot to the veterans’ mediation case, resolved by the veterans’ subgraph', async () => {
    const veterans = staff('veterans', BINH_THUAN);
    const area = 'area:03730-01';
    const team = await post<Data>(
      fed.gateway.url,
      'mutation ($i: RecordVeteransMediationTeamInput!) { registerVeteransMediationTeam(input: $i) { id } }',
      {
        i: { areaId: area, name: 'Tổ hòa giải bản', formedOn: '2020-01-01', mediators: 5, womenMediators: 2, ourMembers: 2, partnerOrganizationIds: ['front'] },
      },
      veterans,
    );
    expect(team.errors).toBeUndefined();
    const mediation = await post<Data>(
      fed.gateway.url,
      'mutation ($i: RecordVeteransMediationCaseInput!) { recordVeteransMediationCase(input: $i) { id } }',
      { i: { teamId: team.data!.registerVeteransMediationTeam.id, receivedOn: '2026-10-02', category: 'LAND', parties: 2 } },
      veterans,
    );
    expect(mediation.errors).toBeUndefined();
    const caseId = mediation.data!.recordVeteransMediationCase.id;
    const police = staff('police', BINH_THUAN);
    const hot = await post<Data>(
      fed.gateway.url,
      'mutation ($i: ReportHotspotInput!) { reportHotspot(input: $i) { id } }',
      { i: { kind: 'LAND_DISPUTE', unitId: BINH_THUAN, summary: 'Tranh chấp ranh giới đất', partiesCount: 2, riskLevel: 'MEDIUM', since: '2026-10-01' } },
      police,
    );
    await post(
      fed.gateway.url,
      `mutation { updateHotspot(id: "${hot.data!.reportHotspot.id}", input: { status: RESOLVED, mediatingOrganizationId: "veterans", mediationCaseId: "${caseId}" }) { id } }`,
      {},
      police,
    );
    const res = await post<Data>(
      fed.gateway.url,
      `{ policeHotspots(unitId: "${BINH_THUAN}", status: RESOLVED) { id mediation { __typename ... on VeteransMediationCase { id category parties } } } }`,
      {},
      leadership(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.policeHotspots.find((h: Data) => h.id === hot.data!.reportHotspot.id).mediation).toEqual({
      __typename: 'VeteransMediationCase',
      id: caseId,
      category: 'LAND',
      parties: 2,
    });
  });
});

describe('a tip a farmers’ association member reported, handed over and kept as a receipt', () => {
  it('keeps the police’s real receipt in the farmers’ own records', async () => {
    const farmers = staff('farmers', BINH_THUAN);
    const sent = await post<Data>(
      fed.gateway.url,
      'mutation ($i: HandOverCrimeTipInput!) { handOverCrimeTip(input: $i) { receiptId } }',
      {
        i: {
          receivedAt: new Date(Date.now() - 3600_000).toISOString(),
          unitId: BINH_THUAN,
          summary: 'Hội viên báo có người lạ thu mua gỗ trái phép',
          category: 'ENVIRONMENT',
        },
      },
      farmers,
    );
    const receiptId = sent.data!.handOverCrimeTip.receiptId as string;
    expect(receiptId).toMatch(/^BN-[\w-]{12}$/);
    const kept = await post<Data>(
      fed.gateway.url,
      'mutation ($i: RecordFarmersTipHandoverInput!) { recordFarmersTipHandover(input: $i) { receiptId } }',
      { i: { date: new Date().toISOString().slice(0, 10), unitId: BINH_THUAN, source: 'MEMBER', receiptId } },
      farmers,
    );
    expect(kept.errors).toBeUndefined();
    expect(kept.data).toEqual({ recordFarmersTipHandover: { receiptId } });
  });
});
