/**
 * Sensitive aggregates reach other organizations' staff, steering committees and dashboards only from
 * the published set (SECURITY.md, "Disclosure control"): the registered operations, over the plan's
 * periods and the assessment years, at province, district and commune level. Anything else is refused
 * at the gateway (403, in Vietnamese, naming the field); the owner's staff read their own counts as
 * before; provincial leadership and the consolidators read figures as they are, each read audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadDashboardOperations } from '@antt/gateway';
import { BINH_THUAN, PROVINCE, THUAN_CHAU, consolidator, dashboard, leadership, staff, steeringMember } from '@antt/testing';
import { post, startFederation, type Federation } from '../support/federation.js';

let fed: Federation;
const auditDir = mkdtempSync(join(tmpdir(), 'antt-audit-'));
const gatewayAudit = join(auditDir, 'gateway.sqlite');
const op = (name: string) => [...loadDashboardOperations().values()].find((q) => q.includes(name))!;
const AD_HOC = `{ unit(id: "${BINH_THUAN}") { women { protection(periodId: "2024-PLAN-Y") { count children } } } }`;
const PAST_VERSION = `{ unit(id: "${BINH_THUAN}") { women { protection(periodId: "2024-PLAN-Y", asRecordedAt: "2025-01-01T00:00:00Z") { count } } } }`;

beforeAll(async () => {
  fed = await startFederation({ demo: true, gatewayAuditFile: gatewayAudit });
});
afterAll(async () => {
  await fed?.stop();
  rmSync(auditDir, { recursive: true, force: true });
});

describe('the published set of sensitive aggregates', () => {
  it('refuses another organization’s staff and a dashboard anything outside it: an unregistered query, a past version, a month, a residential area', async () => {
    const front = staff('front', PROVINCE);
    const refusals = [
      await post(fed.gateway.url, AD_HOC, {}, front),
      await post(fed.gateway.url, PAST_VERSION, {}, front),
      await post(fed.gateway.url, op('DashboardWomenProtection'), { unit: BINH_THUAN, period: '2024-05' }, front),
      await post(fed.gateway.url, op('DashboardWomenProtection'), { unit: BINH_THUAN, period: '2024-Q2' }, dashboard()),
      await post(fed.gateway.url, op('DashboardTipsAndCases'), { unit: 'area:03730-01', period: '2024-PLAN-Y' }, dashboard()),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(/^Trường [A-Za-z]+\.[A-Za-z]+ là số liệu nhạy cảm/);
      expect(JSON.stringify(res)).not.toMatch(/2024-05|2024-Q2|area:03730|asRecordedAt|women:|localhost/);
      expect(res.data ?? null).toBeNull();
    }
  });

  it('decides on each request’s own variables, though the operation is walked once: the same text served, refused, served, refused', async () => {
    const protection = op('DashboardWomenProtection');
    for (const [period, status] of [
      ['2024-PLAN-Y', 200],
      ['2024-Q2', 403],
      ['2024-PLAN-6M', 200],
      ['2024-05', 403],
    ] as const) {
      const res = await post(fed.gateway.url, protection, { unit: BINH_THUAN, period }, dashboard());
      expect(res.status, period).toBe(status);
      if (status === 200) expect(res.errors, period).toBeUndefined();
      else expect(res.errors?.[0]?.extensions?.code, period).toBe('FORBIDDEN');
    }
  });

  it('serves the registered operations over plan periods and assessment years, on either map, to a steering committee and a dashboard', async () => {
    for (const who of [steeringMember(), dashboard()])
      for (const [unit, period] of [
        [PROVINCE, '2024-PLAN-Y'],
        [THUAN_CHAU, '2024-PLAN-6M'],
        [BINH_THUAN, '2024-ATANTT-KDC'],
      ]) {
        const res = await post(fed.gateway.url, op('DashboardWomenProtection'), { unit, period }, who);
        expect(res.errors, `${who.userId} ${unit} ${period}`).toBeUndefined();
      }
  });

  it('lets the union’s own staff read their counts as before, and leadership and the consolidators read any figure, each read audited', async () => {
    expect((await post(fed.gateway.url, PAST_VERSION, {}, staff('women', BINH_THUAN))).errors).toBeUndefined();
    for (const who of [leadership(), consolidator('police')]) {
      const res = await post(fed.gateway.url, AD_HOC, {}, who);
      expect(res.errors).toBeUndefined();
      const gw = new Database(gatewayAudit, { readonly: true });
      const row = gw
        .prepare("SELECT fields, outcome FROM audit_log WHERE user_id = ? AND action = 'READ' AND outcome = 'SENSITIVE_AGGREGATE' ORDER BY id DESC LIMIT 1")
        .get(who.userId) as { fields: string; outcome: string } | undefined;
      gw.close();
      expect(row?.fields).toContain('WomenUnitRecords.protection');
    }
  });
});
