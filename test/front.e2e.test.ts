/**
 * End to end over HTTP for the cross-organization records: the cross-organization workflows through the gateway and directly on
 * the subgraphs that keep the records, with demo data from 2021 to today.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  CHIENG_SON_MODEL_ID,
  communeAsOn,
  CHIENG_SON_MODEL_NAME,
  CHIENG_SON_NEW,
  CHIENG_SON_OLD,
  ORGANIZATION_IDS,
  periodContaining,
  todayInVietnam,
  unitId,
} from '@antt/reference';
import { BINH_THUAN, PROVINCE, dashboard, leadership, staff } from '@antt/testing';
import { loadDashboardOperations } from '@antt/gateway';
import { post, startFederation, type Federation } from './support/federation.js';

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation({ demo: true });
});
afterAll(async () => {
  await fed?.stop();
});

const today = todayInVietnam();
const frontOfBinhThuan = staff('front', BINH_THUAN);
const farmersOfBinhThuan = staff('farmers', BINH_THUAN);
const frontOfProvince = staff('front', PROVINCE);
const police = staff('police', PROVINCE);

type Row = Record<string, unknown>;
function ok<T = Row>(res: { status: number; data?: unknown; errors?: unknown }): T {
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.data as T;
}

describe('an opinion raised at a Front forum and assigned to the farmers’ association', () => {
  let forumId: string;
  let opinionId: string;

  it('is handed over through the gateway, pointing at the forum the Front keeps', async () => {
    const forum = ok<{ recordFrontForum: { id: string } }>(
      await post(
        fed.gateway.url,
        /* GraphQL */ `
          mutation ($input: RecordFrontForumInput!) {
            recordFrontForum(input: $input) {
              id
            }
          }
        `,
        { input: { kind: 'LISTENING_TO_THE_PEOPLE', date: today, unitId: BINH_THUAN, coHostIds: ['police', 'farmers'], attendance: 85, opinionsVoiced: 6 } },
        frontOfBinhThuan,
      ),
    );
    forumId = forum.recordFrontForum.id;
    const res = ok<{ recordFarmersOpinion: Row & { id: string } }>(
      await post(
        fed.gateway.url,
        /* GraphQL */ `
          mutation ($input: RecordFarmersOpinionInput!) {
            recordFarmersOpinion(input: $input) {
              id
              status
              assignedTo {
                id
              }
              handedOverBy {
                id
              }
              forum {
                ... on Forum {
                  id
                  kind
                  host {
                    id
                  }
                  unit {
                    name
                  }
                  attendance
                }
              }
            }
          }
        `,
        {
          input: {
            forumId,
            unitId: BINH_THUAN,
            raisedOn: today,
            topic: 'Vật tư nông nghiệp',
            summary: 'Phản ánh phân bón giả bán rong tại bản.',
            dueDate: addDays(today, 30),
          },
        },
        frontOfBinhThuan,
      ),
    );
    opinionId = res.recordFarmersOpinion.id;
    expect(opinionId).toMatch(/^opinion:farmers:[0-9a-z]+$/);
    expect(res.recordFarmersOpinion).toEqual({
      id: opinionId,
      status: 'OPEN',
      assignedTo: { id: 'farmers' },
      handedOverBy: { id: 'front' },
      forum: { id: forumId, kind: 'LISTENING_TO_THE_PEOPLE', host: { id: 'front' }, unit: { name: 'Xã Bình Thuận' }, attendance: 85 },
    });
  });

  it('appears in the farmers’ own subgraph, called directly by its staff', async () => {
    const data = ok<{ farmersOpinions: { nodes: { id: string; topic: string }[] } }>(
      await post(fed.subgraphs.farmers.url, `{ farmersOpinions(first: 200) { nodes { id topic } } }`, {}, farmersOfBinhThuan),
    );
    expect(data.farmersOpinions.nodes).toContainEqual({ id: opinionId, topic: 'Vật tư nông nghiệp' });
  });

  it('cannot be answered by the Front on the farmers’ behalf', async () => {
    const res = await post(
      fed.gateway.url,
      `mutation { answerFarmersOpinion(id: "${opinionId}", input: { answer: "x", answeredOn: "${today}" }) { id } }`,
      {},
      frontOfBinhThuan,
    );
    expect(res.errors?.[0]).toMatchObject({
      message: 'Chỉ cán bộ của Hội Nông dân tỉnh Sơn La mới được trả lời ý kiến này.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('is answered on the farmers’ subgraph, and the Front sees the answer through the gateway', async () => {
    const answered = ok(
      await post(
        fed.subgraphs.farmers.url,
        `mutation { answerFarmersOpinion(id: "${opinionId}", input: { answer: "Đã phối hợp Công an xã kiểm tra, thu giữ phân bón giả.", answeredOn: "${today}" }) { status } }`,
        {},
        farmersOfBinhThuan,
      ),
    );
    expect(answered).toEqual({ answerFarmersOpinion: { status: 'ANSWERED' } });
    const seen = ok(
      await post(
        fed.gateway.url,
        `{ farmersOpinion(id: "${opinionId}") { status answer answeredOn answeredOnTime overdue forum { ... on FrontForum { id } } } }`,
        {},
        frontOfBinhThuan,
      ),
    );
    expect(seen).toEqual({
      farmersOpinion: {
        status: 'ANSWERED',
        answer: 'Đã phối hợp Công an xã kiểm tra, thu giữ phân bón giả.',
        answeredOn: today,
        answeredOnTime: true,
        overdue: false,
        forum: { id: forumId },
      },
    });
  });

  it('is hidden from another organization’s staff', async () => {
    const res = await post(fed.gateway.url, `{ farmersOpinion(id: "${opinionId}") { id } }`, {}, staff('women', BINH_THUAN));
    expect(res.data).toEqual({ farmersOpinion: null });
  });

  it('refuses a handover with a due date before the forum, naming the field, and writes nothing', async () => {
    const count = async () =>
      ok<{ unit: { farmers: { opinionCounts: { total: number } } } }>(
        await post(
          fed.gateway.url,
          `{ unit(id: "${BINH_THUAN}") { farmers { opinionCounts(periodId: "${today.slice(0, 4)}") { total } } } }`,
          {},
          leadership(),
        ),
      ).unit.farmers.opinionCounts.total;
    const before = await count();
    const res = await post(
      fed.gateway.url,
      `mutation ($input: RecordFarmersOpinionInput!) { recordFarmersOpinion(input: $input) { id } }`,
      { input: { forumId, unitId: BINH_THUAN, raisedOn: today, topic: 'Đất đai', summary: 'x', dueDate: addDays(today, -1) } },
      frontOfBinhThuan,
    );
    expect(res.data).toEqual({ recordFarmersOpinion: null });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.dueDate', reason: 'DUE_BEFORE_RAISED' } });
    expect(res.errors?.[0]?.message).toMatch(/^Hạn trả lời .* trước ngày nêu ý kiến/);
    expect(await count()).toBe(before);
  });
});

describe('the Front’s list of overdue opinions', () => {
  it('comes back from every organization that must answer, in one gateway query', async () => {
    // The default page (100 a organization) keeps the query under the edge's cost limit; `first` multiplies it.
    const fields = ORGANIZATION_IDS.map((o) => `${o} { opinions(overdue: true) { ...O } }`).join('\n');
    const data = ok<{ unit: Record<string, { opinions: { id: string; status: string; overdue: boolean; dueDate: string; assignedTo: { id: string } }[] }> }>(
      await post(
        fed.gateway.url,
        `query { unit(id: "${PROVINCE}") { ${fields} } } fragment O on Opinion { id status overdue dueDate assignedTo { id } }`,
        {},
        frontOfProvince,
      ),
    );
    const withOverdue = ORGANIZATION_IDS.filter((o) => data.unit[o]!.opinions.length > 0);
    expect(withOverdue.length).toBeGreaterThanOrEqual(4);
    for (const o of ORGANIZATION_IDS) {
      for (const op of data.unit[o]!.opinions)
        expect(op).toMatchObject({ id: expect.stringMatching(new RegExp(`^opinion:${o}:`)), status: 'OPEN', overdue: true, assignedTo: { id: o } });
      for (const op of data.unit[o]!.opinions) expect(op.dueDate < today).toBe(true);
    }
  });
});

describe('models across the province', () => {
  type Model = {
    id: string;
    name: string;
    unit: { id: string };
    leadOrganization: { id: string };
    latestReview: { rating: string; reviewer: { id: string } } | null;
    replicaOf: { id: string; name: string } | null;
  };
  const M = /* GraphQL */ `
    fragment M on Model {
      id
      name
      unit {
        id
      }
      leadOrganization {
        id
      }
      latestReview {
        rating
        reviewer {
          id
        }
      }
      replicaOf {
        ... on Model {
          id
          name
        }
      }
    }
  `;

  it('lists every model of all nine organizations with its latest review in one gateway query', async () => {
    const fields = ORGANIZATION_IDS.map((o) => `${o} { models { ...M } }`).join('\n');
    const data = ok<{ unit: Record<string, { models: Model[] }> }>(
      await post(fed.gateway.url, `query { unit(id: "${PROVINCE}") { ${fields} } } ${M}`, {}, leadership()),
    );
    for (const o of ORGANIZATION_IDS) {
      expect(data.unit[o]!.models.length, o).toBeGreaterThan(0);
      for (const m of data.unit[o]!.models) expect(m.leadOrganization).toEqual({ id: o });
      // The review fields come from the Front's subgraph for every organization's models.
      expect(
        data.unit[o]!.models.some((m) => m.latestReview !== null),
        `${o} has reviewed models`,
      ).toBe(true);
    }
    const chiengSon = data.unit.front!.models.find((m) => m.id === CHIENG_SON_MODEL_ID);
    expect(chiengSon).toMatchObject({ name: CHIENG_SON_MODEL_NAME, unit: { id: CHIENG_SON_OLD }, latestReview: { rating: 'EFFECTIVE' } });
    const replicas = data.unit.women!.models.filter((m) => m.replicaOf);
    expect(replicas.length).toBeGreaterThanOrEqual(5);
    for (const r of replicas) expect(r.replicaOf).toEqual({ id: CHIENG_SON_MODEL_ID, name: CHIENG_SON_MODEL_NAME });
    expect(new Set(replicas.map((r) => r.unit.id)).size).toBe(replicas.length);
  });

  it('answers the police’s question for the standard: the Chiềng Sơn model counts for today’s Xã Chiềng Sơn', async () => {
    const data = ok(
      await post(
        fed.gateway.url,
        `{ unit(id: "${CHIENG_SON_NEW}") { front { hasEffectiveModel(year: 2025) effectiveModels(year: 2025) { ... on Model { id name leadOrganization { id } } } } } }`,
        {},
        police,
      ),
    );
    expect(data).toEqual({
      unit: {
        front: { hasEffectiveModel: true, effectiveModels: [{ id: CHIENG_SON_MODEL_ID, name: CHIENG_SON_MODEL_NAME, leadOrganization: { id: 'front' } }] },
      },
    });
  });

  it('takes a police review recorded through the gateway as the model’s latest, and counts the model as effective this assessment year', async () => {
    const replica = unitId.oldCommune('04012');
    // A review made today is recorded under the commune of today's map the model's commune went into.
    const commune = communeAsOn(replica, today);
    const review = ok(
      await post(
        fed.gateway.url,
        `mutation ($input: RecordFrontModelReviewInput!) { recordFrontModelReview(input: $input) { reviewer { id } model { ... on WomenModel { id unit { id } } } } }`,
        {
          input: {
            modelId: 'model:women:1',
            unitId: commune,
            reviewedOn: today,
            rating: 'EFFECTIVE',
            decision: 'KEEP',
            evidence: 'Kiểm tra thực tế: không có người tái phạm.',
          },
        },
        police,
      ),
    );
    expect(review).toEqual({ recordFrontModelReview: { reviewer: { id: 'police' }, model: { id: 'model:women:1', unit: { id: replica } } } });
    const latest = ok(
      await post(fed.gateway.url, `{ womenModel(id: "model:women:1") { latestReview { reviewedOn reviewer { id } rating } } }`, {}, leadership()),
    );
    expect(latest).toEqual({ womenModel: { latestReview: { reviewedOn: today, reviewer: { id: 'police' }, rating: 'EFFECTIVE' } } });
    const year = Number(periodContaining('ASSESSMENT_UNIT', today)!.id.slice(0, 4));
    const data = ok<{ unit: { front: { hasEffectiveModel: boolean; effectiveModels: { id: string }[] } } }>(
      await post(
        fed.gateway.url,
        `{ unit(id: "${commune}") { front { hasEffectiveModel(year: ${year}) effectiveModels(year: ${year}) { ... on Model { id } } } } }`,
        {},
        police,
      ),
    );
    expect(data.unit.front.hasEffectiveModel).toBe(true);
    expect(data.unit.front.effectiveModels).toContainEqual({ id: 'model:women:1' });
  });

  it('refuses a review that contradicts its rating, naming the field, and a review by the women’s union', async () => {
    const input = {
      modelId: 'model:women:1',
      unitId: communeAsOn(unitId.oldCommune('04012'), today),
      reviewedOn: today,
      rating: 'INEFFECTIVE',
      decision: 'REPLICATE',
      evidence: 'x',
    };
    const bad = await post(
      fed.gateway.url,
      `mutation ($input: RecordFrontModelReviewInput!) { recordFrontModelReview(input: $input) { id } }`,
      { input },
      police,
    );
    expect(bad.errors?.[0]).toMatchObject({
      message: 'Mô hình kém hiệu quả không thể đề xuất nhân rộng.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.decision' },
    });
    const women = await post(
      fed.gateway.url,
      `mutation ($input: RecordFrontModelReviewInput!) { recordFrontModelReview(input: $input) { id } }`,
      { input: { ...input, decision: 'REMOVE' } },
      staff('women'),
    );
    expect(women.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('people of standing over HTTP', () => {
  const area = unitId.area('03730', 2);
  let id: string;

  it('shows the name and ethnicity to the Front’s staff of the jurisdiction, and refuses them to leadership', async () => {
    const made = ok<{ nominateFrontPersonOfStanding: { id: string } }>(
      await post(
        fed.gateway.url,
        `mutation ($input: NominateFrontPersonOfStandingInput!) { nominateFrontPersonOfStanding(input: $input) { id } }`,
        {
          input: { fullName: 'Quàng Văn Khăm', birthYear: 1958, ethnicity: 'Thái', unitId: area, role: 'MEDIATION_TEAM', nominatedOn: '2021-09-01' },
        },
        frontOfBinhThuan,
      ),
    );
    id = made.nominateFrontPersonOfStanding.id;
    const q = `{ frontPersonOfStanding(id: "${id}") { role personal { fullName birthYear ethnicity } } }`;
    expect(ok(await post(fed.gateway.url, q, {}, frontOfBinhThuan))).toEqual({
      frontPersonOfStanding: { role: 'MEDIATION_TEAM', personal: { fullName: 'Quàng Văn Khăm', birthYear: 1958, ethnicity: 'Thái' } },
    });
    // The gateway refuses personal data to leadership before any subgraph is called (data classes).
    const lead = await post(fed.gateway.url, q, {}, leadership());
    expect(lead.data ?? null).toBeNull();
    expect(lead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ok(await post(fed.gateway.url, `{ frontPersonOfStanding(id: "${id}") { role } }`, {}, leadership()))).toEqual({
      frontPersonOfStanding: { role: 'MEDIATION_TEAM' },
    });
    expect(ok(await post(fed.gateway.url, q, {}, staff('front', unitId.newCommune('03646'))))).toEqual({ frontPersonOfStanding: null });
    const women = await post(fed.gateway.url, `{ frontPeopleOfStanding(unitId: "${BINH_THUAN}") { nodes { id } } }`, {}, staff('women', BINH_THUAN));
    expect(women.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives a dashboard counts without personal data, through its committed operation, and refuses it the list', async () => {
    const op = [...loadDashboardOperations().values()].find((text) => text.includes('DashboardMovementCounts'))!;
    const counts = ok<{ unit: { front: { peopleOfStandingCounts: { role: string; decision: string; count: number }[] } } }>(
      await post(fed.gateway.url, op, { unit: PROVINCE, period: '2024', year: 2024 }, dashboard()),
    );
    expect(counts.unit.front.peopleOfStandingCounts.reduce((s, c) => s + c.count, 0)).toBeGreaterThan(0);
    expect(JSON.stringify(counts)).not.toContain('Thái');
    const list = await post(fed.gateway.url, `{ frontPeopleOfStanding(unitId: "${PROVINCE}") { nodes { id } } }`, {}, dashboard());
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a nomination of a minor, naming the field', async () => {
    const res = await post(
      fed.gateway.url,
      `mutation ($input: NominateFrontPersonOfStandingInput!) { nominateFrontPersonOfStanding(input: $input) { id } }`,
      {
        input: { fullName: 'Lò Văn A', birthYear: 2008, unitId: area, role: 'SECURITY_TEAM', nominatedOn: '2021-09-01' },
      },
      frontOfBinhThuan,
    );
    expect(res.errors?.[0]).toMatchObject({
      message: 'Người được giới thiệu phải đủ 18 tuổi vào năm 2021.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.birthYear' },
    });
  });
});

describe('commendations over HTTP', () => {
  it('are proposed by the women’s union and decided by the Front, and the women’s union sees the decision', async () => {
    const proposed = ok<{ proposeFrontCommendation: { id: string } }>(
      await post(
        fed.gateway.url,
        `mutation ($input: ProposeFrontCommendationInput!) { proposeFrontCommendation(input: $input) { id } }`,
        {
          input: {
            recipientKind: 'PERSON',
            recipientUnitId: BINH_THUAN,
            recipientName: 'Lường Thị Hoa',
            achievement: 'Giúp đỡ 3 người lầm lỗi tái hòa nhập cộng đồng',
            form: 'LETTER_OF_COMMENDATION',
            proposedOn: today,
          },
        },
        staff('women', BINH_THUAN),
      ),
    );
    const id = proposed.proposeFrontCommendation.id;
    ok(
      await post(
        fed.gateway.url,
        `mutation { decideFrontCommendation(id: "${id}", input: { status: AWARDED, decisionNumber: "901/QĐ-MTTQ-BTT", decidedOn: "${today}", issuingAuthority: "Ủy ban MTTQ Việt Nam tỉnh Sơn La" }) { status } }`,
        {},
        frontOfProvince,
      ),
    );
    expect(
      ok(
        await post(
          fed.gateway.url,
          `{ frontCommendation(id: "${id}") { status decisionNumber proposedBy { id } recipientUnit { name } } }`,
          {},
          staff('women', BINH_THUAN),
        ),
      ),
    ).toEqual({
      frontCommendation: { status: 'AWARDED', decisionNumber: '901/QĐ-MTTQ-BTT', proposedBy: { id: 'women' }, recipientUnit: { name: 'Xã Bình Thuận' } },
    });
  });
});

describe('the plan’s tasks and what each organization did for them', () => {
  it('comes back for every task and every organization in one gateway query', async () => {
    const fields = ORGANIZATION_IDS.map((o) => `${o} { activityCountsByTask(periodId: "2021-PLAN-Y") { planTask { id } count participants } }`).join('\n');
    const data = ok<{
      frontPlans: { number: string; tasks: { code: string; planTask: { id: string } }[] }[];
      unit: Record<string, { activityCountsByTask: { planTask: { id: string } | null; count: number }[] }>;
    }>(
      await post(
        fed.gateway.url,
        `{ frontPlans { number tasks(section: II) { code planTask { id } } } unit(id: "${PROVINCE}") { ${fields} } }`,
        {},
        frontOfProvince,
      ),
    );
    expect(data.frontPlans[0]!.tasks.map((t) => t.planTask.id)).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.7']);
    for (const o of ORGANIZATION_IDS) {
      const byTask = data.unit[o]!.activityCountsByTask;
      expect(byTask.length, o).toBeGreaterThan(0);
      for (const c of byTask) expect(c.planTask?.id).toMatch(/^II\.[1-7]$/);
    }
  });
});
