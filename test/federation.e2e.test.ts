/**
 * End to end over HTTP: every server on port 0, tokens on every request, the questions the issue names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANIZATION_IDS, ORGANIZATIONS, todayInVietnam } from '@antt/reference';
import { BINH_THUAN, CHIENG_LE, CHIENG_PHA, PROVINCE, THUAN_CHAU, bearer, dashboard, leadership, staff } from '@antt/testing';
import { loadDashboardOperations, sha256 } from '@antt/gateway';
import { post, startFederation, type Federation } from './support/federation.js';

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation({ demo: true });
});
afterAll(async () => {
  await fed?.stop();
});

const EVERY_ORGANIZATION = /* GraphQL */ `
  query ($unit: ID!, $period: ID!) {
    unit(id: $unit) {
      name
      ${ORGANIZATION_IDS.map((o) => `${o} { activityCounts(periodId: $period) { type count participants } }`).join('\n      ')}
    }
  }
`;

type Counts = { type: string; count: number; participants: number }[];
type UnitAnswer = { unit: Record<string, unknown> & { name: string } };

function total(counts: Counts, type?: string): number {
  return counts.filter((c) => !type || c.type === type).reduce((s, c) => s + c.count, 0);
}

async function countsFor(unit: string, period: string): Promise<Record<string, Counts>> {
  const res = await post<UnitAnswer>(fed.gateway.url, EVERY_ORGANIZATION, { unit, period }, leadership());
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(ORGANIZATION_IDS.map((o) => [o, (res.data!.unit[o] as { activityCounts: Counts }).activityCounts]));
}

const womenOfBinhThuan = staff('women', BINH_THUAN);
const RECORD_WOMEN = /* GraphQL */ `
  mutation ($input: RecordWomenActivityInput!) {
    recordWomenActivity(input: $input) {
      id
      date
      unit {
        id
        name
        currentUnit {
          name
        }
      }
      branch {
        name
      }
    }
  }
`;

describe('identity at the edge', () => {
  it('answers /health without a token, on the gateway and on a subgraph', async () => {
    expect((await fetch(fed.gateway.url.replace('/graphql', '/health'))).status).toBe(200);
    expect(await (await fetch(fed.subgraphs.police.url.replace('/graphql', '/health'))).json()).toEqual({ status: 'ok', subgraph: 'police' });
  });

  it('refuses a request without a token with 401 and a clear message, at the gateway and at a subgraph', async () => {
    for (const url of [fed.gateway.url, fed.subgraphs.women.url]) {
      const res = await post(url, '{ organizations { id } }');
      expect(res.status).toBe(401);
      expect(res.errors?.[0]).toMatchObject({
        message: 'Chưa đăng nhập: yêu cầu cần tiêu đề Authorization: Bearer <mã xác thực>.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(JSON.stringify(res)).not.toContain('stacktrace');
    }
  });

  it('refuses an expired or forged token with 401', async () => {
    const expired = await bearer(leadership(), { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const res = await post(fed.gateway.url, '{ organizations { id } }', {}, expired);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.message).toBe('Mã xác thực đã hết hạn: hãy đăng nhập lại.');
    const good = await bearer(leadership());
    expect((await post(fed.gateway.url, '{ organizations { id } }', {}, `${good.slice(0, -4)}AAAA`)).status).toBe(401);
  });

  it('makes each subgraph verify the token itself: a subgraph called directly with a forged token refuses it', async () => {
    const res = await post(fed.subgraphs.police.url, '{ policeActivities { totalCount } }', {}, 'Bearer not.a.token');
    expect(res.status).toBe(401);
  });
});

describe('leadership through the gateway', () => {
  it('gets one federated answer covering all nine organizations for a unit and a period', async () => {
    const res = await post<UnitAnswer>(fed.gateway.url, EVERY_ORGANIZATION, { unit: THUAN_CHAU, period: '2021-PLAN-Y' }, leadership());
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.unit.name).toBe('Huyện Thuận Châu');
    for (const org of ORGANIZATION_IDS) {
      const counts = (res.data!.unit[org] as { activityCounts: Counts }).activityCounts;
      expect(total(counts), `${org} has demo activities in Thuận Châu in 2021`).toBeGreaterThan(0);
    }
  });

  it('counts a 2021 activity in Xã Chiềng Pha for today’s Xã Bình Thuận and for the old Huyện Thuận Châu, not elsewhere', async () => {
    const before = await Promise.all([countsFor(BINH_THUAN, '2021-PLAN-Y'), countsFor(THUAN_CHAU, '2021-PLAN-Y'), countsFor(CHIENG_LE, '2021-PLAN-Y')]);
    const rec = await post(
      fed.gateway.url,
      RECORD_WOMEN,
      { input: { type: 'TRAINING', topic: 'Tập huấn kỹ năng hòa giải', date: '2021-09-15', unitId: CHIENG_PHA, participants: 30, planTaskId: 'II.6' } },
      womenOfBinhThuan,
    );
    expect(rec.errors).toBeUndefined();
    expect(rec.data).toMatchObject({
      recordWomenActivity: {
        date: '2021-09-15',
        unit: { id: CHIENG_PHA, name: 'Xã Chiềng Pha', currentUnit: { name: 'Xã Bình Thuận' } },
        branch: { name: 'Hội Liên hiệp Phụ nữ Xã Chiềng Pha' },
      },
    });
    const after = await Promise.all([countsFor(BINH_THUAN, '2021-PLAN-Y'), countsFor(THUAN_CHAU, '2021-PLAN-Y'), countsFor(CHIENG_LE, '2021-PLAN-Y')]);
    expect(total(after[0].women!, 'TRAINING') - total(before[0].women!, 'TRAINING')).toBe(1);
    expect(total(after[1].women!, 'TRAINING') - total(before[1].women!, 'TRAINING')).toBe(1);
    expect(after[2]).toEqual(before[2]);
    expect(after[0].police).toEqual(before[0].police);
  });
});

describe('a women’s union commune officer', () => {
  it('writes an activity in her commune, through the gateway and on her own subgraph', async () => {
    const today = todayInVietnam();
    for (const url of [fed.gateway.url, fed.subgraphs.women.url]) {
      const res = await post(
        url,
        RECORD_WOMEN,
        { input: { type: 'PROPAGANDA', topic: 'Phòng, chống mua bán người', date: today, unitId: BINH_THUAN, participants: 52 } },
        womenOfBinhThuan,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toMatchObject({ recordWomenActivity: { date: today, unit: { id: BINH_THUAN } } });
    }
  });

  it('cannot write one in another commune', async () => {
    const res = await post(
      fed.gateway.url,
      RECORD_WOMEN,
      { input: { type: 'PROPAGANDA', topic: 'x', date: '2021-09-15', unitId: CHIENG_LE, participants: 5 } },
      womenOfBinhThuan,
    );
    expect(res.data).toEqual({ recordWomenActivity: null });
    expect(res.errors?.[0]).toMatchObject({ message: 'Không thể ghi hồ sơ cho đơn vị nằm ngoài địa bàn bạn phụ trách.', extensions: { code: 'FORBIDDEN' } });
  });

  it('cannot write one for another organization, and nothing is written there', async () => {
    const count = async () =>
      (
        await post<{ policeActivities: { totalCount: number } }>(
          fed.gateway.url,
          `{ policeActivities(unitId: "${BINH_THUAN}") { totalCount } }`,
          {},
          leadership(),
        )
      ).data!.policeActivities.totalCount;
    const before = await count();
    const res = await post(
      fed.gateway.url,
      `mutation { recordPoliceActivity(input: { type: PATROL, topic: "x", date: "2021-09-15", unitId: "${CHIENG_PHA}", participants: 4 }) { id } }`,
      {},
      womenOfBinhThuan,
    );
    expect(res.errors?.[0]).toMatchObject({
      message: `Chỉ cán bộ của ${ORGANIZATIONS.police.nameVi} mới được ghi hồ sơ của tổ chức này.`,
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await count()).toBe(before);
  });

  it('gets a clear error naming the field for a date in the future, and nothing is written', async () => {
    const list = async () =>
      (await post<{ womenActivities: { totalCount: number } }>(fed.gateway.url, '{ womenActivities { totalCount } }', {}, womenOfBinhThuan)).data!
        .womenActivities.totalCount;
    const before = await list();
    const res = await post(
      fed.gateway.url,
      RECORD_WOMEN,
      { input: { type: 'PROPAGANDA', topic: 'x', date: '2999-01-01', unitId: BINH_THUAN, participants: 5 } },
      womenOfBinhThuan,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date', reason: 'DATE_IN_FUTURE' });
    expect(res.errors?.[0]?.message).toMatch(/^Ngày hoạt động ở tương lai/);
    // The message never repeats the value typed.
    expect(res.errors?.[0]?.message).not.toMatch(/2999/);
    expect(await list()).toBe(before);
  });

  it('cannot read another organization’s records, through the gateway or on its subgraph', async () => {
    const viaGateway = await post(fed.gateway.url, `{ unit(id: "${BINH_THUAN}") { name police { activities { totalCount } } } }`, {}, womenOfBinhThuan);
    expect(viaGateway.data).toEqual({ unit: { name: 'Xã Bình Thuận', police: null } });
    expect(viaGateway.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const direct = await post(fed.subgraphs.police.url, '{ policeActivities { totalCount } }', {}, womenOfBinhThuan);
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a dashboard', () => {
  const ops = loadDashboardOperations();
  const activityCounts = [...ops.values()].find((q) => q.includes('DashboardActivityCounts'))!;

  it('reads counts through a committed operation, sent as text or by hash alone', async () => {
    const byText = await post<UnitAnswer>(fed.gateway.url, activityCounts, { unit: PROVINCE, period: '2024' }, dashboard());
    expect(byText.errors).toBeUndefined();
    expect(total((byText.data!.unit.women as { activityCounts: Counts }).activityCounts)).toBeGreaterThan(0);
    const res = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(dashboard()) },
      body: JSON.stringify({
        variables: { unit: PROVINCE, period: '2024' },
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(activityCounts) } },
      }),
    });
    expect(((await res.json()) as { data: unknown }).data).toEqual(byText.data);
  });

  it('runs nothing else: no other query, no records, no writes', async () => {
    const other = await post(fed.gateway.url, EVERY_ORGANIZATION, { unit: PROVINCE, period: '2024' }, dashboard());
    expect(other.errors?.[0]).toMatchObject({
      message: 'Bảng điều khiển chỉ chạy được các truy vấn đã đăng ký (persisted operations).',
      extensions: { code: 'FORBIDDEN' },
    });
    const list = await post(fed.gateway.url, '{ womenActivities { totalCount } }', {}, dashboard());
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await post(
      fed.gateway.url,
      RECORD_WOMEN,
      { input: { type: 'PROPAGANDA', topic: 'x', date: '2021-09-15', unitId: CHIENG_PHA, participants: 5 } },
      dashboard(),
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
