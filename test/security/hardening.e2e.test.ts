/**
 * Nothing goes unrecorded, at the gateway and at the subgraphs; rate limits per verified caller and
 * per client address; one gateway secret per subgraph; no development surface in production; no
 * service name in errors; execution bounded, memory held under the nested-list query.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { verifyTrail } from '@antt/audit';
import { startGateway } from '@antt/gateway';
import { openOrganizationDatabase, startSubgraph } from '@antt/subgraph-kit';
import { BINH_THUAN, CHIENG_PHA, PROVINCE, bearer, leadership, staff, testVerifier, user } from '@antt/testing';
import { subgraph as police } from '@antt/police';
import { post, startFederation, testGatewaySecret, type Federation } from '../support/federation.js';

const QUERY = '{ unit(id: "province:14") { name } }';
const REASON = 'Xác minh nguồn tin theo kế hoạch';
const rows = (db: Database.Database, where: string, ...params: unknown[]) =>
  db.prepare(`SELECT user_id, action, type_name, data_class, record_ids, fields, outcome FROM audit_log WHERE ${where} ORDER BY id`).all(...params) as Record<
    string,
    string
  >[];

describe('a complete audit trail, through the gateway', () => {
  let fed: Federation;
  let tipId: string;
  const calls: string[] = [];
  beforeAll(async () => {
    fed = await startFederation({ rateLimitPerMinute: 100_000, onSubgraphCall: (s) => calls.push(s) });
    const res = await post<{ recordCrimeTip: { id: string } }>(
      fed.gateway.url,
      'mutation ($i: RecordCrimeTipInput!) { recordCrimeTip(input: $i) { id } }',
      {
        i: {
          channel: 'PHONE',
          receivedAt: new Date(Date.now() - 3600_000).toISOString(),
          unitId: BINH_THUAN,
          summary: 'Nghi đánh bạc',
          category: 'GAMBLING',
          reporter: { fullName: 'Người Báo Tin' },
          confidentialityRequested: false,
        },
      },
      staff('police', BINH_THUAN),
    );
    tipId = res.data!.recordCrimeTip.id;
  });
  afterAll(async () => {
    await fed?.stop();
  });

  it('records lookups of another organization’s records by id, answered null, as refusals with their ids', async () => {
    const women = staff('women', BINH_THUAN);
    for (let i = 0; i < 3; i++) {
      const res = await post(fed.gateway.url, `{ policeCrimeTip(id: "${tipId}") { id summary } }`, {}, women);
      expect(res.data).toEqual({ policeCrimeTip: null });
    }
    expect(rows(fed.databases.police, 'user_id = ?', women.userId)).toEqual(
      Array.from({ length: 3 }, () => ({
        user_id: women.userId,
        action: 'DENY',
        type_name: 'Query',
        data_class: 'INTERNAL',
        record_ids: JSON.stringify([tipId]),
        fields: '["policeCrimeTip"]',
        outcome: 'NOT_FOUND_OR_FORBIDDEN',
      })),
    );
  });

  it('records a failed read of a reporter’s identity as failed, never as a read', async () => {
    const investigator = user('police', PROVINCE, ['STAFF', 'INVESTIGATOR'], 'điều tra viên thất bại');
    const res = await post(
      fed.gateway.url,
      '{ policeTipReporter(tipId: "tip:police:none", reason: "Xác minh nguồn tin theo kế hoạch") { fullName } }',
      {},
      investigator,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(rows(fed.databases.police, 'user_id = ?', investigator.userId)).toEqual([
      expect.objectContaining({ action: 'READ', record_ids: '["tip:police:none"]', outcome: 'NOT_FOUND' }),
    ]);
  });

  it('refuses a reason that says nothing, or hides control or direction characters, with 400', async () => {
    const investigator = user('police', PROVINCE, ['STAFF', 'INVESTIGATOR']);
    for (const reason of ['x', '\u0000', 'Xác minh \u202Enguồn tin theo kế hoạch', 'Xác minh nguồn tin\r\ntheo kế hoạch']) {
      const res = await post(
        fed.gateway.url,
        'query ($t: ID!, $r: String!) { policeTipReporter(tipId: $t, reason: $r) { fullName } }',
        { t: tipId, r: reason },
        investigator,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(JSON.stringify(res)).not.toContain('Người Báo Tin');
    }
    expect(fed.databases.police.prepare('SELECT count(*) AS n FROM identity_reads').get()).toEqual({ n: 0 });
  });

  it('records the read of a mentor’s name with the support’s id', async () => {
    const elderly = staff('elderly', CHIENG_PHA);
    // A case the police registered: the reference is checked with its owner when the support is written.
    const registered = await post<{ recordPoliceReintegrationCase: { id: string } }>(
      fed.gateway.url,
      'mutation ($input: RecordPoliceReintegrationCaseInput!) { recordPoliceReintegrationCase(input: $input) { id } }',
      { input: { communeId: CHIENG_PHA, returnedOn: '2021-02-20', kind: 'SENTENCE_SERVED' } },
      staff('police', PROVINCE),
    );
    const caseId = registered.data!.recordPoliceReintegrationCase.id;
    const made = await post<{ assignElderlyReintegrationSupport: { id: string } }>(
      fed.gateway.url,
      'mutation ($input: RecordElderlyReintegrationSupportInput!) { assignElderlyReintegrationSupport(input: $input) { id } }',
      { input: { caseId, communeId: CHIENG_PHA, assignedOn: '2021-03-02', supporterKind: 'MENTOR', mentorName: 'Lò Văn Thắng' } },
      elderly,
    );
    const id = made.data!.assignElderlyReintegrationSupport.id;
    const read = await post(fed.gateway.url, 'query ($id: ID!) { elderlyReintegrationSupport(id: $id) { mentorName } }', { id }, elderly);
    expect(read.data).toEqual({ elderlyReintegrationSupport: { mentorName: 'Lò Văn Thắng' } });
    expect(rows(fed.databases.elderly, "action = 'READ' AND data_class = 'PERSONAL'")).toEqual([
      {
        user_id: elderly.userId,
        action: 'READ',
        type_name: 'ElderlyReintegrationSupport',
        data_class: 'PERSONAL',
        record_ids: JSON.stringify([id]),
        fields: '["mentorName"]',
        outcome: 'OK',
      },
    ]);
  });

  it('neither caches nor deduplicates a shared answer: each caller’s identical request reaches the subgraph and its trail', async () => {
    const a = user('police', PROVINCE, ['STAFF', 'INVESTIGATOR'], 'điều tra viên A');
    const b = user('police', PROVINCE, ['STAFF', 'INVESTIGATOR'], 'điều tra viên B');
    const q = `{ policeTipReporter(tipId: "${tipId}", reason: "${REASON}") { fullName } }`;
    calls.length = 0;
    const answers = await Promise.all([post(fed.gateway.url, q, {}, a), post(fed.gateway.url, q, {}, b), post(fed.gateway.url, q, {}, a)]);
    for (const r of answers) expect(r.data).toEqual({ policeTipReporter: { fullName: 'Người Báo Tin' } });
    expect(calls.filter((c) => c === 'police')).toHaveLength(3);
    const reads = rows(fed.databases.police, "type_name = 'ReporterIdentity' AND action = 'READ'").map((r) => r.user_id);
    expect(reads.sort()).toEqual([a.userId, a.userId, b.userId].sort());
    expect(fed.databases.police.prepare('SELECT count(*) AS n FROM identity_reads').get()).toEqual({ n: 3 });
    for (const db of Object.values(fed.databases)) expect(verifyTrail(db).ok).toBe(true);
  });

  it('tells every cache to keep no answer, at the gateway and at a subgraph', async () => {
    for (const url of [fed.gateway.url, fed.subgraphs.police.url]) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await bearer(leadership()) },
        body: JSON.stringify({ query: QUERY }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('never tells a client a service name', async () => {
    await fed.subgraphs.youth.stop();
    try {
      const res = await post(fed.gateway.url, '{ unit(id: "province:14") { name youth { activityCounts(periodId: "2024") { count } } } }', {}, leadership());
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const e of res.errors ?? []) expect(e.extensions).not.toHaveProperty('serviceName');
      expect(JSON.stringify(res.errors)).not.toMatch(/"serviceName"/);
    } finally {
      await fed.restart('youth');
    }
  });

  it('gives each subgraph its own gateway secret: one opens no other', async () => {
    const headers = async (secret: string) => ({
      'content-type': 'application/json',
      authorization: await bearer(staff('police', BINH_THUAN)),
      'x-antt-gateway': secret,
    });
    const service = async (secret: string) =>
      (await (
        await fetch(fed.subgraphs.police.url, { method: 'POST', headers: await headers(secret), body: JSON.stringify({ query: '{ _service { sdl } }' }) })
      ).json()) as {
        data?: unknown;
        errors?: { extensions: { code: string } }[];
      };
    expect((await service(testGatewaySecret('women'))).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await service(testGatewaySecret('police'))).errors).toBeUndefined();
  });
});

describe('rate limits per verified caller and per client address', () => {
  it('counts a caller once however the Authorization header is spelled, and throttles invalid tokens by address with one summary entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antt-gw-'));
    const auditFile = join(dir, 'gateway.sqlite');
    // The subgraphs read their limits from the environment.
    const saved = [process.env.ANTT_RATE_LIMIT_PER_MINUTE, process.env.ANTT_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE];
    process.env.ANTT_RATE_LIMIT_PER_MINUTE = '3';
    process.env.ANTT_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE = '3';
    const small = await startFederation({ rateLimitPerMinute: 3, unauthenticatedPerMinute: 3, gatewayAuditFile: auditFile }).finally(() => {
      for (const [k, v] of [
        ['ANTT_RATE_LIMIT_PER_MINUTE', saved[0]],
        ['ANTT_RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE', saved[1]],
      ] as const)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    });
    try {
      // Directly at a subgraph: the same, by identity and by address.
      const police = (await bearer(staff('police', BINH_THUAN))).slice('Bearer '.length);
      const atSubgraph = [];
      for (const auth of [`Bearer ${police}`, `bearer ${police}`, `BEARER  ${police}`, `Bearer ${police}`])
        atSubgraph.push((await post(small.subgraphs.police.url, QUERY, {}, auth)).status);
      expect(atSubgraph).toEqual([200, 200, 200, 429]);
      const badAtSubgraph = [];
      for (let i = 0; i < 4; i++) badAtSubgraph.push((await post(small.subgraphs.police.url, QUERY, {}, `Bearer forged-${i}`)).status);
      expect(badAtSubgraph).toEqual([401, 401, 401, 429]);
      const token = (await bearer(leadership())).slice('Bearer '.length);
      const codes = [];
      for (const auth of [`Bearer ${token}`, `bearer ${token}`, `BEARER ${token}`, `Bearer  ${token}`, ` Bearer ${token} `])
        codes.push((await post(small.gateway.url, QUERY, {}, auth)).status);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      // Another caller has their own budget.
      expect((await post(small.gateway.url, QUERY, {}, staff('women', BINH_THUAN))).status).toBe(200);
      const bad = [];
      for (let i = 0; i < 6; i++) bad.push((await post(small.gateway.url, QUERY, {}, `Bearer not-a-token-${i}`)).status);
      expect(bad).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await small.stop();
    }
    const db = new Database(auditFile, { readonly: true });
    try {
      expect(rows(db, "outcome = 'UNAUTHENTICATED'")).toEqual([
        {
          user_id: 'anonymous',
          action: 'DENY',
          type_name: null,
          data_class: null,
          record_ids: '[]',
          fields: '["attempts:3","addresses:1"]',
          outcome: 'UNAUTHENTICATED',
        },
      ]);
      expect(verifyTrail(db).ok).toBe(true);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('production mode', () => {
  const saved = { env: process.env.ANTT_ENV, explorer: process.env.ANTT_EXPLORER };
  afterAll(() => {
    for (const [k, v] of [
      ['ANTT_ENV', saved.env],
      ['ANTT_EXPLORER', saved.explorer],
    ] as const)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  const landing = async (url: string) => {
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    return { status: res.status, body: await res.text() };
  };

  async function servers() {
    const verifier = await testVerifier();
    const { db, sqlite } = openOrganizationDatabase(police, { file: ':memory:' });
    const sg = await startSubgraph(police, { db, verifier, gatewaySecret: testGatewaySecret('police'), port: 0 });
    const gw = await startGateway({ verifier, gatewaySecret: testGatewaySecret('police'), auditFile: ':memory:', subgraphUrls: { police: sg.url } });
    return {
      urls: [gw.url, sg.url],
      stop: async () => {
        await gw.stop();
        await sg.stop();
        sqlite.close();
      },
    };
  }

  it('serves no landing page, no CDN script, no version, and reports nothing to Apollo', async () => {
    process.env.ANTT_ENV = 'production';
    delete process.env.ANTT_EXPLORER;
    const s = await servers();
    try {
      for (const url of s.urls) {
        const { body } = await landing(url);
        expect(body).not.toMatch(/<html|apollographql|@apollo|cdn|embeddable|<script|version/i);
      }
      expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('1');
    } finally {
      await s.stop();
    }
  });

  it('serves the federation’s own page, with nothing loaded from elsewhere, only when ANTT_EXPLORER=1', async () => {
    process.env.ANTT_ENV = 'production';
    process.env.ANTT_EXPLORER = '1';
    const s = await servers();
    try {
      for (const url of s.urls) {
        const { status, body } = await landing(url);
        expect(status).toBe(200);
        expect(body).toContain('antt-graph');
        expect(body).not.toMatch(/<script[^>]+src=|https?:\/\/|apollo|version/i);
      }
    } finally {
      await s.stop();
    }
  });
});

describe('execution bounded, memory held', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation({ rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await fed?.stop();
  });

  it('refuses the nested-list query at the gateway and at a subgraph, and the process stays within a memory bound', async () => {
    const nested = '{ units { children { parent { children { parent { children { parent { children { name } } } } } } } } }';
    const who = staff('women', PROVINCE);
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 20; i++) {
      for (const url of [fed.gateway.url, fed.subgraphs.women.url]) {
        const res = await post(url, nested, {}, who);
        expect(res.status).toBe(400);
        expect(res.data).toBeUndefined();
      }
    }
    // 40 refusals: a few MB of buffers and JIT at most; running the query would take gigabytes.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});
