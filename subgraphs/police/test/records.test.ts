/** Hotspots, key areas, movement work, reintegration cases, and every police entity through _entities. */
import { beforeEach, describe, expect, it } from 'vitest';
import { BINH_THUAN, PROVINCE, TO_HIEU, dashboard, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test results are read field by field, as the schema answers them
type Data = Record<string, any>;
const police = staff('police', BINH_THUAN);
const labour = staff('labour', PROVINCE);

const REPORT = /* GraphQL */ `
  mutation ($input: ReportHotspotInput!) {
    reportHotspot(input: $input) {
      id
      kind
      status
      partiesCount
      reportedBy {
        id
      }
      unit {
        name
      }
    }
  }
`;
const hotspot = {
  kind: 'STRIKE',
  unitId: BINH_THUAN,
  summary: 'Công nhân ngừng việc tập thể đòi trả lương',
  partiesCount: 120,
  riskLevel: 'HIGH',
  since: '2026-10-01',
};

describe('hotspots and key areas', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('takes a strike reported by the labour federation, which then sees its own report only', async () => {
    const res = await s.run(labour, REPORT, { input: hotspot });
    const first = (res.data as Data).reportHotspot.id;
    expect(first).toMatch(/^hotspot:police:/);
    expect(res.data).toEqual({
      reportHotspot: { id: first, kind: 'STRIKE', status: 'MONITORING', partiesCount: 120, reportedBy: { id: 'labour' }, unit: { name: 'Xã Bình Thuận' } },
    });
    const second = ((await s.run(police, REPORT, { input: { ...hotspot, kind: 'LAND_DISPUTE' } })).data as Data).reportHotspot.id;
    expect(((await s.run(labour, `{ policeHotspots(unitId: "${BINH_THUAN}") { id } }`)).data as Data).policeHotspots).toEqual([{ id: first }]);
    expect(((await s.run(police, '{ policeHotspots { id } }')).data as Data).policeHotspots).toEqual([{ id: first }, { id: second }]);
    expect((await s.run(dashboard(), `{ unit(id: "${PROVINCE}") { police { openHotspots(periodId: "2026") } } }`)).data).toEqual({
      unit: { police: { openHotspots: 2 } },
    });
  });

  it('lets the police point a hotspot to the mediation that handled it and close it', async () => {
    const id = ((await s.run(labour, REPORT, { input: hotspot })).data as Data).reportHotspot.id;
    const upd = await s.run(
      police,
      `mutation { updateHotspot(id: "${id}", input: { status: RESOLVED, mediatingOrganizationId: "veterans", mediationCaseId: "17" }) { status mediatingOrganization { id } mediationCaseId } }`,
    );
    expect(upd.data).toEqual({ updateHotspot: { status: 'RESOLVED', mediatingOrganization: { id: 'veterans' }, mediationCaseId: '17' } });
    expect((await s.run(labour, `mutation { updateHotspot(id: "${id}", input: { status: MONITORING }) { status } }`)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const bad = await s.run(police, `mutation { updateHotspot(id: "${id}", input: { mediatingOrganizationId: "nobody" }) { status } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ field: 'input.mediatingOrganizationId', reason: 'UNKNOWN_ORGANIZATION' });
  });

  it.each([
    ['no parties', { partiesCount: 0 }, 'input.partiesCount'],
    ['a start in the future', { since: '2999-01-01' }, 'input.since'],
    ['an empty summary', { summary: '' }, 'input.summary'],
  ])('refuses a hotspot with %s', async (_w, change, field) => {
    const res = await s.run(labour, REPORT, { input: { ...hotspot, ...change } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(s.count('hotspots')).toBe(0);
  });

  it('lists a key area, and clears it only with a date', async () => {
    const listed = await s.run(
      police,
      `mutation { listKeyArea(input: { unitId: "${BINH_THUAN}", reason: "Tụ điểm ma túy", listedOn: "2025-08-01", transformationPlan: "Kế hoạch 05" }) { id status } }`,
    );
    const id = (listed.data as Data).listKeyArea.id;
    expect(listed.data).toEqual({ listKeyArea: { id: expect.stringMatching(/^key-area:police:/), status: 'BEING_TRANSFORMED' } });
    expect((await s.run(police, `mutation { updateKeyArea(id: "${id}", status: CLEARED) { status } }`)).errors?.[0]?.extensions).toMatchObject({
      field: 'clearedOn',
      reason: 'REQUIRED',
    });
    expect((await s.run(police, `mutation { updateKeyArea(id: "${id}", status: CLEARED, clearedOn: "2026-06-30") { status clearedOn } }`)).data).toEqual({
      updateKeyArea: { status: 'CLEARED', clearedOn: '2026-06-30' },
    });
  });
});

describe('movement work', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('records trainings for other organizations’ cadres, refusing an unknown organization', async () => {
    const ok = await s.run(
      police,
      `mutation { recordPoliceTraining(input: { date: "2026-04-10", topic: "Tiêu chuẩn An toàn về ANTT", unitId: "${BINH_THUAN}", participants: [{ organizationId: "women", count: 12 }, { organizationId: "youth", count: 8 }] }) { participants { organization { id } count } } }`,
    );
    expect(ok.data).toEqual({
      recordPoliceTraining: {
        participants: [
          { organization: { id: 'women' }, count: 12 },
          { organization: { id: 'youth' }, count: 8 },
        ],
      },
    });
    const bad = await s.run(
      police,
      `mutation { recordPoliceTraining(input: { date: "2026-04-10", topic: "x", unitId: "${BINH_THUAN}", participants: [{ organizationId: "club", count: 1 }] }) { id } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ field: 'input.participants.0.organizationId', reason: 'UNKNOWN_ORGANIZATION' });
  });

  it('registers a grassroots security team with at least one member', async () => {
    const bad = await s.run(
      police,
      `mutation { recordCoreForce(input: { kind: GRASSROOTS_SECURITY_TEAM, name: "Tổ 1", unitId: "${BINH_THUAN}", memberCount: 0, since: "2025-07-01" }) { id } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ field: 'input.memberCount' });
    const ok = await s.run(
      police,
      `mutation { recordCoreForce(input: { kind: GRASSROOTS_SECURITY_TEAM, name: "Tổ 1", unitId: "${BINH_THUAN}", memberCount: 12, since: "2025-07-01" }) { memberCount unit { name } } }`,
    );
    expect(ok.data).toEqual({ recordCoreForce: { memberCount: 12, unit: { name: 'Xã Bình Thuận' } } });
  });

  it('shares a bulletin with the organizations it is addressed to', async () => {
    await s.run(
      staff('police', PROVINCE),
      'mutation { issueBulletin(input: { title: "Thủ đoạn tuyển dụng online", body: "…", topic: ONLINE_CRIME, issuedOn: "2026-05-01", audienceIds: ["youth"] }) { id } }',
    );
    expect(((await s.run(staff('youth', BINH_THUAN), '{ policeBulletins { title audience { id } } }')).data as Data).policeBulletins).toEqual([
      { title: 'Thủ đoạn tuyển dụng online', audience: [{ id: 'youth' }] },
    ]);
    expect(((await s.run(staff('farmers', BINH_THUAN), '{ policeBulletins { title } }')).data as Data).policeBulletins).toEqual([]);
    expect(
      (await s.run(staff('youth'), 'mutation { issueBulletin(input: { title: "x", body: "x", topic: FRAUD, issuedOn: "2026-05-01" }) { id } }')).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('police entities through _entities', () => {
  it('resolves an establishment, a tip, a hotspot and a reintegration case with the root fields’ checks', async () => {
    const s = await openTestSubgraph(subgraph, { demo: true });
    const q = /* GraphQL */ `
      query ($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on Establishment {
            id
            name
          }
          ... on CrimeTip {
            id
            status
          }
          ... on Hotspot {
            id
            kind
          }
          ... on ReintegrationCase {
            id
            commune {
              id
            }
            returnedOn
          }
        }
      }
    `;
    const caseRow = s.sqlite.prepare("SELECT record_id AS id, commune_id FROM reintegration_cases WHERE commune_id LIKE '%@2025' LIMIT 1").get() as {
      id: string;
      commune_id: string;
    };
    const tipRow = s.sqlite.prepare("SELECT record_id AS id, unit_id FROM crime_tips WHERE unit_id LIKE '%@2025' LIMIT 1").get() as {
      id: string;
      unit_id: string;
    };
    const hot = s.sqlite.prepare('SELECT record_id AS id FROM hotspots LIMIT 1').get() as { id: string };
    const r = [
      { __typename: 'Establishment', id: 'DEMO-CS-0001' },
      { __typename: 'CrimeTip', id: String(tipRow.id) },
      { __typename: 'Hotspot', id: String(hot.id) },
      { __typename: 'ReintegrationCase', id: caseRow.id },
    ];
    const asPolice = ((await s.run(staff('police', PROVINCE), q, { r })).data as Data)._entities;
    expect(asPolice.map((e: Data | null) => e && e.id)).toEqual(['DEMO-CS-0001', String(tipRow.id), String(hot.id), caseRow.id]);
    expect(asPolice[3].returnedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A member organization in the case's commune sees the case's id and commune only; never a tip.
    const member = ((await s.run(staff('women', caseRow.commune_id), q, { r })).data as Data)._entities;
    expect(member[1]).toBeNull();
    expect(member[3]).toEqual({ id: caseRow.id, commune: { id: caseRow.commune_id }, returnedOn: null });
    // Outside its jurisdiction, nothing.
    const other = caseRow.commune_id === TO_HIEU ? BINH_THUAN : TO_HIEU;
    expect(((await s.run(staff('women', other), q, { r: [r[3]] })).data as Data)._entities).toEqual([null]);
    expect(((await s.run(dashboard(), q, { r })).data as Data)._entities.slice(1)).toEqual([null, null, null]);
    expect(((await s.run(leadership(), q, { r: [r[1]] })).data as Data)._entities).toEqual([null]);
  });
});
