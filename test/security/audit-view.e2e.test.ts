/**
 * The provincial auditor's federated view of the audit trails at the gateway (GET /audit-trail): every
 * organization's trail merged newest first, each entry naming the organization whose trail holds it;
 * nobody else may read it; an organization that does not answer is named, the others still answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '@antt/gateway';
import type { Identity } from '@antt/auth';
import { ORGANIZATION_IDS } from '@antt/reference';
import { auditor, bearer, leadership, staff } from '@antt/testing';
import { post, startFederation, type Federation } from '../support/federation.js';

const dir = mkdtempSync(join(tmpdir(), 'antt-audit-view-'));
const gatewayAudit = join(dir, 'gateway.sqlite');
let fed: Federation;
beforeAll(async () => {
  fed = await startFederation({ demo: false, gatewayAuditFile: gatewayAudit });
  // A write in the women's union's trail, then one in the police's.
  for (const [org, table] of [
    ['women', 'models'],
    ['police', 'establishments'],
  ] as const) {
    const kind = SUBGRAPHS.find((s) => s.name === org)!.kinds.find((k) => k.spec.table === table)!;
    const w = await post(
      fed.gateway.url,
      `mutation($input: Record${kind.spec.type}Input!) { r: ${kind.spec.create}(input: $input) { id } }`,
      { input: kind.spec.example },
      staff(org),
    );
    expect(w.errors, JSON.stringify(w.errors)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 5));
  }
}, 180_000);
afterAll(async () => {
  await fed?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Entry {
  trail: string;
  trailNameVi: string;
  at: string;
  userId: string;
  action: string;
  operation: string;
}
interface View {
  unavailable: string[];
  entries: Entry[];
  first: number;
}

async function view(
  who: Identity | null,
  query = '',
): Promise<{ status: number; body: View & { errors?: { message: string; extensions: Record<string, unknown> }[] } }> {
  const res = await fetch(new URL(`/audit-trail${query}`, fed.gateway.url), { headers: who ? { authorization: await bearer(who) } : {} });
  return { status: res.status, body: (await res.json()) as never };
}

describe('the federated audit trail at the gateway', () => {
  it('gives the provincial auditor every organization’s trail, newest first, each entry naming its organization', async () => {
    const { status, body } = await view(auditor(), '?first=500');
    expect(status).toBe(200);
    expect(body.unavailable).toEqual([]);
    const times = body.entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const write = body.entries.find((e) => e.trail === 'women' && e.action === 'WRITE');
    const later = body.entries.find((e) => e.trail === 'police' && e.action === 'WRITE');
    expect(write).toMatchObject({ trailNameVi: 'Hội Liên hiệp Phụ nữ tỉnh Sơn La', userId: staff('women').userId });
    expect(later).toMatchObject({ trailNameVi: 'Công an tỉnh Sơn La', userId: staff('police').userId });
    expect(body.entries.indexOf(later!)).toBeLessThan(body.entries.indexOf(write!));
    expect(new Set(body.entries.map((e) => e.trail)).size).toBeGreaterThanOrEqual(2);
    for (const e of body.entries) expect(ORGANIZATION_IDS).toContain(e.trail);
    // At most `first`, the newest.
    const one = await view(auditor(), '?first=1');
    expect(one.body.entries).toHaveLength(1);
    expect(Date.parse(one.body.entries[0]!.at)).toBeGreaterThanOrEqual(times[0]!);
  });

  it('refuses everyone else: leadership, an organization’s own auditor, staff (403) and a caller without a valid token (401)', async () => {
    for (const who of [leadership(), auditor('police'), staff('police')]) {
      const { status, body } = await view(who);
      expect(status).toBe(403);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.entries).toBeUndefined();
    }
    expect((await view(null)).status).toBe(401);
    const forged = await fetch(new URL('/audit-trail', fed.gateway.url), { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(forged.status).toBe(401);
  });

  it('refuses a malformed instant or page size, naming the parameter without echoing it', async () => {
    for (const [q, field] of [
      ['?from=h%C3%B4m-qua', 'from'],
      ['?to=2026-13-45', 'to'],
      ['?first=5000', 'first'],
    ] as const) {
      const { status, body } = await view(auditor(), q);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors?.[0]?.message).not.toMatch(/hôm|2026-13|5000/);
    }
  });

  it('names an organization that does not answer and still gives the others', async () => {
    await fed.subgraphs.women.stop();
    try {
      const { status, body } = await view(auditor(), '?first=500');
      expect(status).toBe(200);
      expect(body.unavailable).toEqual(['women']);
      expect(body.entries.some((e) => e.trail === 'police')).toBe(true);
      expect(body.entries.some((e) => e.trail === 'women')).toBe(false);
    } finally {
      await fed.restart('women');
    }
  });

  it('records every read and refusal in the gateway’s own trail', () => {
    const db = new Database(gatewayAudit, { readonly: true });
    try {
      const rows = db.prepare(`SELECT user_id, action, outcome FROM audit_log WHERE operation = 'federatedAuditTrail'`).all() as {
        user_id: string;
        action: string;
        outcome: string;
      }[];
      expect(rows).toEqual(
        expect.arrayContaining([
          { user_id: auditor().userId, action: 'READ', outcome: 'OK' },
          { user_id: auditor().userId, action: 'READ', outcome: 'PARTIAL 8/9' },
          { user_id: leadership().userId, action: 'DENY', outcome: 'FORBIDDEN' },
        ]),
      );
    } finally {
      db.close();
    }
  });
});
