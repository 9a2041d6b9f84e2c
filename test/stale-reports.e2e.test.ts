/**
 * End to end over HTTP: with an organization's subgraph stopped, the gateway gives the last good answer
 * about its approved report versions, marked stale with its age and report version, to callers with the
 * same disclosure view only, and audits each; a newer approved version means the old answer is never
 * given again (gateway/src/stale-reports.ts), also when it was approved on the subgraph directly: the
 * gateway's probe of the subgraph's report watermark sees it (gateway/src/report-watermarks.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANIZATIONS } from '@antt/reference';
import { startFederation, type Federation, type GraphQLResponse } from './support/federation.js';
import { auditsWithOutcome, commune, district, probedAfter, womenReportCycle } from './support/women-reports.js';

let fed: Federation;
const dir = mkdtempSync(join(tmpdir(), 'antt-stale-'));
const auditFile = join(dir, 'gateway.sqlite');
beforeAll(async () => {
  // Probed often, so that the test need not wait the default five seconds for a direct change to be seen.
  // Kept answers serve only the organization's absence here (approved-answers.e2e.test.ts: fresh reads).
  fed = await startFederation({ gatewayAuditFile: auditFile, reportProbeMs: 150, approvedAnswers: false });
}, 120_000);
afterAll(async () => {
  await fed?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const { read, submit, approve, ...cycle } = womenReportCycle(() => fed, '2021-PLAN-6M');
const record = (date: string, reason?: string) => cycle.record(date, reason ?? null, 20);
async function whileStopped<T>(body: () => Promise<T>): Promise<T> {
  await fed.subgraphs.women.stop();
  try {
    return await body();
  } finally {
    await fed.restart('women');
  }
}
const staleAudits = () => auditsWithOutcome(auditFile, 'STALE_ANSWER');
const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);
const women = ORGANIZATIONS.women.nameVi;

describe('the last good answer about approved report versions', () => {
  it('is given, marked stale with its age and version, while the organization is down, and never after a newer version is approved', async () => {
    expect((await record('2021-03-01')).errors).toBeUndefined();
    const v1 = await submit();
    // A version not yet approved is never kept.
    expect((await read()).data!.r).toEqual([{ ...v1, stage: 'SUBMITTED' }]);
    expect(codes(await whileStopped(() => read()))).toEqual(['SUBGRAPH_UNAVAILABLE']);

    await approve(v1.id);
    const up = await read();
    expect(up).toEqual({ status: 200, data: { r: [{ ...v1, stage: 'APPROVED' }] } });
    const [down, otherView] = await whileStopped(async () => [await read(), await read(commune)]);
    expect(down.data).toEqual(up.data);
    expect(down.errors).toEqual([
      {
        message: expect.stringMatching(
          new RegExp(`^${women} tạm thời không trả lời: đây là số liệu đã lưu của báo cáo phiên bản 1 đã duyệt, cách đây khoảng \\d+ phút`),
        ),
        path: ['r'],
        extensions: { code: 'STALE_ANSWER', organization: women, reportVersion: 1, ageSeconds: expect.any(Number) },
      },
    ]);
    // Another disclosure view (the commune's staff) was never given that answer, so it gets none kept.
    expect(codes(otherView)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(staleAudits()).toEqual([
      { userId: district.userId, recordIds: JSON.stringify(['women/reportVersion:1/ageSeconds:' + down.errors![0]!.extensions!.ageSeconds]) },
    ]);

    // A record after the lock makes version 2; its approval makes version 1's answer out of date.
    expect((await record('2021-04-15', 'Bổ sung buổi tuyên truyền bị sót')).errors).toBeUndefined();
    const v2 = (await read()).data!.r.find((r) => r.reportVersion === 2)!;
    await approve(v2.id);
    expect(codes(await whileStopped(() => read()))).toEqual(['SUBGRAPH_UNAVAILABLE']);

    // Read again while it answers: the answer about version 2 is the one kept now.
    const now = await read();
    expect(now.data!.r.map((r) => [r.reportVersion, r.stage])).toEqual([
      [1, 'APPROVED'],
      [2, 'APPROVED'],
    ]);
    const later = await whileStopped(() => read());
    expect(later.data).toEqual(now.data);
    expect(later.errors?.map((e) => e.extensions)).toEqual([{ code: 'STALE_ANSWER', organization: women, reportVersion: 2, ageSeconds: expect.any(Number) }]);
    expect(staleAudits()).toHaveLength(2);
  }, 120_000);

  it('is never given once a newer version was approved on the subgraph directly, and the newer one is given once the gateway read it', async () => {
    // Staff working on their own organization's subgraph, not through the gateway (`direct`).
    const of2022 = womenReportCycle(() => fed, '2022-PLAN-6M', 'Phòng, chống ma túy');
    const { direct } = of2022;
    const read2022 = () => of2022.read();
    expect((await of2022.record('2022-03-01', null, 12)).errors).toBeUndefined();
    const v1 = await of2022.submit();
    await approve(v1.id);
    const kept = await read2022();
    expect(kept.data!.r).toEqual([{ ...v1, stage: 'APPROVED' }]);
    // Kept: while the subgraph is down, version 1's answer is given, marked stale.
    expect(codes(await whileStopped(() => read2022()))).toEqual(['STALE_ANSWER']);

    // On the subgraph directly: a record after the lock makes version 2, which the district approves there.
    expect((await of2022.record('2022-04-20', 'Bổ sung buổi tuyên truyền ghi muộn', 12, direct)).errors).toBeUndefined();
    const onSubgraph = await of2022.read(district, direct);
    await of2022.approve(onSubgraph.data!.r.find((r) => r.reportVersion === 2)!.id, direct);
    // The gateway's next probe of the subgraph reads the advanced watermark; until then it has not seen the
    // approval (two rounds: the first may have been answered just before it).
    await probedAfter(fed, await probedAfter(fed, Date.now()));
    // The subgraph fails: version 1's answer is no longer the newest approved one, so it is not given.
    const down = await whileStopped(() => read2022());
    expect(codes(down)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(JSON.stringify(down)).not.toContain('"reportVersion":1');

    // Once the gateway has read version 2 itself, that answer is the one kept and given.
    const now = await read2022();
    expect(now.data!.r.map((r) => [r.reportVersion, r.stage])).toEqual([
      [1, 'APPROVED'],
      [2, 'APPROVED'],
    ]);
    const later = await whileStopped(() => read2022());
    expect(later.data).toEqual(now.data);
    expect(later.errors?.map((e) => e.extensions)).toEqual([{ code: 'STALE_ANSWER', organization: women, reportVersion: 2, ageSeconds: expect.any(Number) }]);
  }, 60_000);
});
