/**
 * End to end over HTTP: the approved-answer cache (gateway/src/stale-reports.ts `current`, issue 17).
 * While the organization answers, a read whose kept answer is about approved versions only, read at its
 * current report watermark, is served by the gateway without asking the subgraph, not marked stale, to
 * callers with the same disclosure view only, each audited CACHED_ANSWER; a write through the gateway,
 * a version not approved, and an approval made on the subgraph directly (seen by the watermark probe)
 * send the next read to the subgraph again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederation, type Federation } from './support/federation.js';
import { auditsWithOutcome, commune, district, probedAfter, womenReportCycle } from './support/women-reports.js';

let fed: Federation;
let womenCalls = 0;
const dir = mkdtempSync(join(tmpdir(), 'antt-approved-'));
const auditFile = join(dir, 'gateway.sqlite');
// Probed twice a second: a kept answer serves fresh reads while the watermark was confirmed within a second.
const PROBE_MS = 500;
beforeAll(async () => {
  fed = await startFederation({ gatewayAuditFile: auditFile, reportProbeMs: PROBE_MS, onSubgraphCall: (name) => void (name === 'women' && womenCalls++) });
}, 120_000);
afterAll(async () => {
  await fed?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const { direct, read, submit, approve, ...cycle } = womenReportCycle(() => fed, '2023-PLAN-6M');
const record = (date: string, reason: string | null, send = cycle.gq) => cycle.record(date, reason, 15, send);
/** How many requests the gateway sent the women's subgraph while `body` ran. */
async function calls<T>(body: () => Promise<T>): Promise<[T, number]> {
  const before = womenCalls;
  const value = await body();
  return [value, womenCalls - before];
}
const cachedAudits = () => auditsWithOutcome(auditFile, 'CACHED_ANSWER');
/** Waits for two rounds of the gateway's watermark probe of the women's subgraph after now. */
const probedTwice = async () => void (await probedAfter(fed, await probedAfter(fed, Date.now())));

describe('the approved-answer cache', () => {
  it('serves an answer about approved versions without asking, per disclosure view, audited, until a newer version', async () => {
    expect((await record('2023-03-01', null)).errors).toBeUndefined();
    const v1 = await submit();
    // A version still submitted is always read from the subgraph.
    expect((await calls(read))[1]).toBe(1);
    expect((await calls(read))[1]).toBe(1);

    await approve(v1.id);
    const [first, asked] = await calls(read);
    expect(first).toEqual({ status: 200, data: { r: [{ ...v1, stage: 'APPROVED' }] } });
    expect(asked).toBe(1);
    // The same fetch and view again: served by the gateway, the same answer, not marked stale.
    const [second, askedAgain] = await calls(read);
    expect(second).toEqual(first);
    expect(askedAgain).toBe(0);
    expect(cachedAudits()).toEqual([{ userId: district.userId, recordIds: expect.stringMatching(/^\["women\/reportVersion:1\/ageSeconds:\d+"\]$/) }]);
    // Another disclosure view is never given the district's kept answer: its first read goes to the subgraph.
    const [theirs, theyAsked] = await calls(() => read(commune));
    expect(theyAsked).toBe(1);
    expect(theirs.data).toEqual(first.data);
    expect((await calls(() => read(commune)))[1]).toBe(0);
    expect(cachedAudits().map((a) => a.userId)).toEqual([district.userId, commune.userId]);

    // A write through the gateway (a record after the lock makes version 2) drops every kept answer of the organization.
    expect((await record('2023-04-15', 'Bổ sung buổi tuyên truyền bị sót')).errors).toBeUndefined();
    const [withV2, afterWrite] = await calls(read);
    expect(afterWrite).toBe(1);
    const v2 = withV2.data!.r.find((r) => r.reportVersion === 2)!;
    expect(v2.stage).toBe('SUBMITTED');
    expect((await calls(read))[1]).toBe(1);
    await approve(v2.id);
    expect((await calls(read))[1]).toBe(1);
    const [cachedV2, none] = await calls(read);
    expect(none).toBe(0);
    expect(cachedV2.data!.r.map((r) => [r.reportVersion, r.stage])).toEqual([
      [1, 'APPROVED'],
      [2, 'APPROVED'],
    ]);
    expect(cachedAudits().at(-1)?.recordIds).toMatch(/women\/reportVersion:2\//);
  }, 120_000);

  it('sends the read to the subgraph again once an approval made on the subgraph directly is seen by the probe', async () => {
    expect((await calls(read))[1]).toBe(0);
    // On the subgraph directly: a record after the lock makes version 3, which the district approves there.
    expect((await record('2023-05-20', 'Bổ sung buổi tuyên truyền ghi muộn', direct)).errors).toBeUndefined();
    const onSubgraph = await read(district, direct);
    await approve(onSubgraph.data!.r.find((r) => r.reportVersion === 3)!.id, direct);
    await probedTwice();
    const [now, asked] = await calls(read);
    expect(asked).toBe(1);
    expect(now.data!.r.map((r) => r.reportVersion)).toEqual([1, 2, 3]);
  }, 60_000);
});
