/**
 * Who sees what, end to end: a women's union commune token, a leadership token and a dashboard token
 * each query a tip, a reintegration case and a victim's case, through the gateway; and one request
 * leaves the same request id in the gateway's trail and in the subgraphs'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyTrail } from '@antt/audit';
import { BINH_THUAN, PROVINCE, dashboard, leadership, staff, user } from '@antt/testing';
import { post, startFederation, type Federation } from '../support/federation.js';

let fed: Federation;
const auditDir = mkdtempSync(join(tmpdir(), 'antt-audit-'));
const gatewayAudit = join(auditDir, 'gateway.sqlite');
const women = staff('women', BINH_THUAN);
let tipId: string;
let caseId: string;
let victimCaseId: string;

beforeAll(async () => {
  fed = await startFederation({ demo: true, gatewayAuditFile: gatewayAudit });
  const police = staff('police', BINH_THUAN);
  const tip = await post<{ recordCrimeTip: { id: string } }>(
    fed.gateway.url,
    'mutation ($i: RecordCrimeTipInput!) { recordCrimeTip(input: $i) { id } }',
    {
      i: {
        channel: 'IN_PERSON',
        receivedAt: new Date(Date.now() - 3600_000).toISOString(),
        unitId: BINH_THUAN,
        summary: 'Nghi tàng trữ ma túy',
        category: 'DRUGS',
        reporter: { fullName: 'Người Báo Tin' },
        confidentialityRequested: true,
      },
    },
    police,
  );
  tipId = tip.data!.recordCrimeTip.id;
  caseId =
    (fed.databases.police.prepare('SELECT id FROM reintegration_cases WHERE commune_id = ? LIMIT 1').get(BINH_THUAN) as { id: string } | undefined)?.id ??
    (fed.databases.police.prepare("SELECT id FROM reintegration_cases WHERE commune_id LIKE '%@2025' LIMIT 1").get() as { id: string }).id;
  const victim = await post<{ recordWomenProtectionCase: { id: string } }>(
    fed.gateway.url,
    'mutation ($i: RecordWomenProtectionCaseInput!) { recordWomenProtectionCase(input: $i) { id } }',
    { i: { openedOn: '2026-10-01', unitId: BINH_THUAN, kind: 'DOMESTIC_VIOLENCE', victimIsChild: false, victimFullName: 'Nạn Nhân Mẫu' } },
    women,
  );
  victimCaseId = victim.data!.recordWomenProtectionCase.id;
});
afterAll(async () => {
  await fed?.stop();
  rmSync(auditDir, { recursive: true, force: true });
});

const TIP = (id: string) => `{ policeCrimeTip(id: "${id}") { id summary } }`;
const REPORTER = (id: string) => `{ policeTipReporter(tipId: "${id}", reason: "xem") { fullName } }`;
/** The police's case files (a member organization knows a case only by its id and commune). */
const CASE = (_id: string) => '{ policeReintegrationCases { id } }';
const VICTIM = (id: string) => `{ womenProtectionCase(id: "${id}") { id victimFullName } }`;

describe('who sees what', () => {
  it('a women’s union commune officer: her victim’s case in full; no tip, no reporter, no case file', async () => {
    expect((await post(fed.gateway.url, TIP(tipId), {}, women)).data).toEqual({ policeCrimeTip: null });
    expect(JSON.stringify(await post(fed.gateway.url, REPORTER(tipId), {}, women))).not.toContain('Người Báo Tin');
    expect((await post(fed.gateway.url, CASE(caseId), {}, women)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await post(fed.gateway.url, VICTIM(victimCaseId), {}, women)).data).toEqual({
      womenProtectionCase: { id: victimCaseId, victimFullName: 'Nạn Nhân Mẫu' },
    });
  });

  it('provincial leadership: counts of tips, cases and victims; no tip, no reporter, no victim', async () => {
    const who = leadership();
    expect((await post(fed.gateway.url, TIP(tipId), {}, who)).data).toEqual({ policeCrimeTip: null });
    const reporter = await post(fed.gateway.url, REPORTER(tipId), {}, who);
    expect(reporter.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(reporter)).not.toContain('Người Báo Tin');
    const victim = await post(fed.gateway.url, VICTIM(victimCaseId), {}, who);
    expect(JSON.stringify(victim)).not.toContain('Nạn Nhân');
    const counts = await post<{
      unit: { police: { tipCounts: unknown[]; reintegrationCases: number | null }; women: { protection: { count: number | null } } };
    }>(
      fed.gateway.url,
      `{ unit(id: "${PROVINCE}") { police { tipCounts(periodId: "2026") { count } reintegrationCases(periodId: "2026") } women { protection(periodId: "2026") { count } } } }`,
      {},
      who,
    );
    expect(counts.errors).toBeUndefined();
    expect(counts.data!.unit.police.tipCounts.length).toBeGreaterThan(0);
  });

  it('a dashboard: only its committed operations, counts only', async () => {
    for (const q of [TIP(tipId), REPORTER(tipId), CASE(caseId), VICTIM(victimCaseId)]) {
      const res = await post(fed.gateway.url, q, {}, dashboard());
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res)).not.toMatch(/Người Báo Tin|Nạn Nhân|Nghi tàng trữ/);
    }
  });

  it('an investigator reads the reporter, and the read is in the police trail under the gateway’s request id', async () => {
    const investigator = user('police', PROVINCE, ['STAFF', 'INVESTIGATOR']);
    const res = await post(fed.gateway.url, `{ policeTipReporter(tipId: "${tipId}", reason: "Xác minh nguồn tin") { fullName } }`, {}, investigator);
    expect(res.data).toEqual({ policeTipReporter: { fullName: 'Người Báo Tin' } });
    const read = fed.databases.police
      .prepare("SELECT request_id, user_id FROM audit_log WHERE data_class = 'CRIME_SOURCE' AND action = 'READ' ORDER BY id DESC LIMIT 1")
      .get() as { request_id: string; user_id: string };
    expect(read.user_id).toBe(investigator.userId);
    const gw = new Database(gatewayAudit, { readonly: true });
    const atGateway = gw
      .prepare("SELECT request_id FROM audit_log WHERE data_class = 'CRIME_SOURCE' AND user_id = ? ORDER BY id DESC LIMIT 1")
      .get(investigator.userId) as { request_id: string };
    expect(atGateway.request_id).toBe(read.request_id);
    expect(verifyTrail(gw).ok).toBe(true);
    gw.close();
    for (const db of Object.values(fed.databases)) expect(verifyTrail(db).ok).toBe(true);
  });
});
