/** Steering committees (Ban Chỉ đạo): membership by date through consolidations, who reads them, their figures in the police's report. */
import { beforeEach, describe, expect, it } from 'vitest';
import { BINH_THUAN, PROVINCE, TO_HIEU, leadership, openTestSubgraph, staff, steeringMember, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test results are read field by field, as the schema answers them
type Data = Record<string, any>;
const police = staff('police', PROVINCE);

const CONSOLIDATE = /* GraphQL */ `
  mutation ($input: RecordPoliceSteeringConsolidationInput!) {
    r: recordPoliceSteeringConsolidation(input: $input) {
      id
    }
  }
`;
const MEMBER = /* GraphQL */ `
  mutation ($input: RecordPoliceSteeringMemberInput!) {
    r: recordPoliceSteeringMember(input: $input) {
      id
      unit {
        id
      }
    }
  }
`;
const COMMITTEE = /* GraphQL */ `
  query ($unitId: ID!, $on: Date) {
    c: policeSteeringCommittee(unitId: $unitId, on: $on) {
      on
      consolidation {
        decisionNumber
      }
      members {
        position
        committeeRole
      }
    }
  }
`;

describe('steering committees', () => {
  let s: TestSubgraph;
  const id = async (q: string, input: Record<string, unknown>) => {
    const res = await s.run(police, q, { input });
    expect(res.errors).toBeUndefined();
    return (res.data as Data).r.id as string;
  };
  const consolidation = (decisionNumber: string, decidedOn: string, unitId = PROVINCE) =>
    id(CONSOLIDATE, { unitId, decidedOn, decisionNumber, issuedBy: 'Ủy ban nhân dân tỉnh Sơn La' });
  const member = (appointedById: string, position: string, committeeRole: string, fromDate: string) =>
    id(MEMBER, { appointedById, fromDate, fullName: 'Lò Văn Minh', position, representing: 'Ủy ban nhân dân tỉnh', committeeRole });

  beforeEach(async () => {
    s = await openTestSubgraph(subgraph, { today: '2026-12-01' });
  });

  it('keeps membership by date: a later consolidation ends a membership without overwriting the committee that stood before', async () => {
    const first = await consolidation('512/QĐ-UBND', '2021-03-05');
    const head = await member(first, 'Chủ tịch UBND tỉnh', 'HEAD', '2021-03-05');
    await member(first, 'Giám đốc Công an tỉnh', 'STANDING_MEMBER', '2021-03-05');
    const second = await consolidation('1020/QĐ-UBND', '2022-05-10');
    await member(second, 'Chủ tịch UBND tỉnh (nhiệm kỳ mới)', 'HEAD', '2022-05-10');
    const ended = await s.run(
      police,
      `mutation($id: ID!, $c: CorrectPoliceSteeringMemberInput!) { correctPoliceSteeringMember(id: $id, changes: $c, reason: "Thôi theo quyết định kiện toàn 2022") { version toDate endedBy { id } } }`,
      { id: head, c: { endedById: second, toDate: '2022-05-09' } },
    );
    expect(ended.data).toEqual({ correctPoliceSteeringMember: { version: 2, toDate: '2022-05-09', endedBy: { id: second } } });

    const on = async (day: string) => ((await s.run(police, COMMITTEE, { unitId: PROVINCE, on: day })).data as Data).c;
    expect(await on('2021-12-31')).toEqual({
      on: '2021-12-31',
      consolidation: { decisionNumber: '512/QĐ-UBND' },
      members: [
        { position: 'Chủ tịch UBND tỉnh', committeeRole: 'HEAD' },
        { position: 'Giám đốc Công an tỉnh', committeeRole: 'STANDING_MEMBER' },
      ],
    });
    expect(await on('2022-06-01')).toEqual({
      on: '2022-06-01',
      consolidation: { decisionNumber: '1020/QĐ-UBND' },
      members: [
        { position: 'Chủ tịch UBND tỉnh (nhiệm kỳ mới)', committeeRole: 'HEAD' },
        { position: 'Giám đốc Công an tỉnh', committeeRole: 'STANDING_MEMBER' },
      ],
    });
    expect(await on('2021-01-01')).toEqual({ on: '2021-01-01', consolidation: null, members: [] });
  });

  it('refuses a membership that starts before its decision, or an end without its decision, naming the fields', async () => {
    const first = await consolidation('512/QĐ-UBND', '2021-03-05');
    const res = await s.run(police, MEMBER, {
      input: {
        appointedById: first,
        fromDate: '2021-03-01',
        fullName: 'Lò Văn Minh',
        position: 'Chủ tịch',
        representing: 'UBND',
        committeeRole: 'HEAD',
        toDate: '2021-04-01',
      },
    });
    const problems = (res.errors?.[0]?.extensions?.problems ?? []) as { field: string; reason: string }[];
    expect(problems.map((p) => [p.field, p.reason])).toEqual(
      expect.arrayContaining([
        ['input.fromDate', 'DATE_BEFORE_DECISION'],
        ['input.endedById', 'REQUIRED'],
      ]),
    );
    expect(JSON.stringify(res.errors)).not.toContain('Lò Văn Minh');
    const bad = await s.run(police, CONSOLIDATE, { input: { unitId: PROVINCE, decidedOn: '2021-03-05', decisionNumber: 'họp bàn', issuedBy: 'UBND tỉnh' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors?.[0]?.message).toContain('Số quyết định');
  });

  it("lets the committee's members read their own committee but not the names, nor another area's committee; others' staff not at all", async () => {
    const c = await consolidation('45/QĐ-UBND', '2025-08-01', BINH_THUAN);
    await member(c, 'Chủ tịch UBND xã', 'HEAD', '2025-08-01');
    const own = await s.run(
      steeringMember(BINH_THUAN),
      `{ c: policeSteeringCommittee(unitId: "${BINH_THUAN}", on: "2025-09-01") { members { position fullName } } }`,
    );
    expect((own.data as Data | null)?.c?.members?.[0]?.position ?? null).toBe('Chủ tịch UBND xã');
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.run(steeringMember(BINH_THUAN), `{ c: policeSteeringCommittee(unitId: "${TO_HIEU}") { on } }`)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await s.run(staff('women', PROVINCE), `{ c: policeSteeringCommittee(unitId: "${BINH_THUAN}") { on } }`)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    const front = await s.run(staff('front', PROVINCE), `{ c: policeSteeringCommittee(unitId: "${BINH_THUAN}", on: "2025-09-01") { members { position } } }`);
    expect(front.data).toEqual({ c: { members: [{ position: 'Chủ tịch UBND xã' }] } });
    const lead = await s.run(leadership(), `{ c: policeSteeringCommittee(unitId: "${BINH_THUAN}", on: "2025-09-01") { members { position } } }`);
    expect(lead.data).toEqual({ c: { members: [{ position: 'Chủ tịch UBND xã' }] } });
  });

  it("counts meetings held and says whether the committee was consolidated, by which decision, in the police's report", async () => {
    await consolidation('512/QĐ-UBND', '2021-03-05');
    const meeting = { unitId: PROVINCE, meetingKind: 'REGULAR', membersPresent: 18, agenda: 'Triển khai Kế hoạch 155.' };
    for (const heldOn of ['2021-01-15', '2021-04-15', '2021-07-15'])
      await id(`mutation($input: RecordPoliceSteeringMeetingInput!) { r: recordPoliceSteeringMeeting(input: $input) { id } }`, { ...meeting, heldOn });
    const draft = async (periodId: string) => {
      const res = await s.run(
        police,
        `{ d: policeReportDraft(unitId: "${PROVINCE}", periodId: "${periodId}") { sections { id figures { key value detailVi } } } }`,
      );
      expect(res.errors).toBeUndefined();
      const figures = (res.data as Data).d.sections.find((x: Data) => x.id === 'II.1').figures as Data[];
      return Object.fromEntries(figures.filter((f) => f.key.startsWith('PoliceSteering')).map((f) => [f.key, [f.value, f.detailVi]]));
    };
    // The six-month window 10/12/2020 to 9/6/2021: two meetings, the March consolidation.
    expect(await draft('2021-PLAN-6M')).toMatchObject({
      'PoliceSteeringMeeting.count': [2, null],
      'PoliceSteeringMeeting.meetingKind.REGULAR': [2, null],
      'PoliceSteeringConsolidation.count': [1, 'Đã kiện toàn: Quyết định số 512/QĐ-UBND ngày 05/03/2021'],
    });
    // The next window: one meeting, no consolidation.
    expect(await draft('2021-PLAN-6M2')).toMatchObject({
      'PoliceSteeringMeeting.count': [1, null],
      'PoliceSteeringConsolidation.count': [0, 'Chưa kiện toàn trong kỳ'],
    });
  });
});
