/**
 * The gateway sends identical subgraph reads in flight at once only once, and only for the same
 * verified caller (gateway/src/dedup.ts). A counting proxy in front of the women's union's subgraph
 * holds each request a moment, so that concurrent callers are surely in flight together, and records
 * what reached the subgraph; the gateway's own trail must name every caller served from a shared answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startGateway } from '@antt/gateway';
import { InFlightReads, type SharedRead } from '../gateway/src/dedup.js';
import type { RunningServer } from '@antt/subgraph-kit';
import { BINH_THUAN, CHIENG_PHA, bearer, leadership, staff, testVerifier } from '@antt/testing';
import { todayInVietnam } from '@antt/reference';
import { post, TEST_GATEWAY_SECRETS } from './support/federation.js';
import { womenBehindProxy, type CountingProxy } from './support/counting-proxy.js';

const HOLD_MS = 300;
const N = 8;

const dir = mkdtempSync(join(tmpdir(), 'antt-dedup-'));
const auditFile = join(dir, 'gateway.sqlite');
// Only the women's union's subgraph runs: the operations here ask nothing of the others.
let behind: Awaited<ReturnType<typeof womenBehindProxy>>;
let proxy: CountingProxy;
let gateway: RunningServer;
let undeduplicated: RunningServer;

beforeAll(async () => {
  const verifier = await testVerifier();
  behind = await womenBehindProxy({ demo: false, holdMs: HOLD_MS });
  proxy = behind.proxy;
  const subgraphUrls = { women: proxy.url };
  const common = { verifier, port: 0, gatewaySecret: TEST_GATEWAY_SECRETS, subgraphUrls, rateLimitPerMinute: 100_000 };
  gateway = await startGateway({ ...common, auditFile, dedup: true });
  undeduplicated = await startGateway({ ...common, auditFile: ':memory:', dedup: false });
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await undeduplicated?.stop();
  await behind?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const womenHere = staff('women', BINH_THUAN);
const womenThere = staff('women', CHIENG_PHA);
const READ = '{ womenActivities(first: 20) { totalCount nodes { id topic } } }';
const RECORD = 'mutation ($input: RecordWomenActivityInput!) { recordWomenActivity(input: $input) { id } }';
const activity = { type: 'PROPAGANDA', topic: 'Tuyên truyền pháp luật', date: todayInVietnam(), unitId: BINH_THUAN, participants: 40 };

/** POSTs the same operation N times at once with one Authorization value, each with its own request id. */
async function concurrently(url: string, query: string, variables: Record<string, unknown>, authorization: string, ids: string[]) {
  return Promise.all(
    ids.map(async (id) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, 'x-request-id': id },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as { data?: unknown; errors?: unknown[] }) };
    }),
  );
}

const ids = (prefix: string) => Array.from({ length: N }, (_, i) => `${prefix}-${i}-${Date.now()}`);

describe('identical reads in flight', () => {
  it('never shares a mutation: each is sent and stored', async () => {
    const before = proxy.seen.length;
    const answers = await concurrently(gateway.url, RECORD, { input: activity }, await bearer(womenHere), ids('write'));
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    expect(proxy.seen.length - before).toBe(N);
    const created = new Set(answers.map((a) => (a.data as { recordWomenActivity: { id: string } }).recordWomenActivity.id));
    expect(created.size).toBe(N);
  });

  it("sends one caller's identical concurrent queries fewer times than asked, every answer the same", async () => {
    const before = proxy.seen.length;
    const answers = await concurrently(gateway.url, READ, {}, await bearer(womenHere), ids('read'));
    const sent = proxy.seen.length - before;
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThan(N);
    for (const a of answers) {
      expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      expect(a.data).toEqual(answers[0]!.data);
    }
    expect((answers[0]!.data as { womenActivities: { totalCount: number } }).womenActivities.totalCount).toBe(N);
  });

  it('audits at the gateway every caller served from a shared answer, under its own request id, naming the subgraph and the request it shared', async () => {
    const before = proxy.seen.length;
    const asked = ids('audited');
    await concurrently(gateway.url, READ, {}, await bearer(womenHere), asked);
    const received = proxy.seen.slice(before).map((s) => s.requestId);
    const trail = new Database(auditFile, { readonly: true });
    try {
      const rows = trail
        .prepare(
          `SELECT request_id, user_id, operation, action, record_ids, outcome FROM audit_log WHERE outcome = 'SHARED_ANSWER' AND request_id LIKE 'audited-%'`,
        )
        .all() as { request_id: string; user_id: string; operation: string; action: string; record_ids: string; outcome: string }[];
      // Every caller whose request did not reach the subgraph is in the gateway's trail, once.
      const followers = asked.filter((id) => !received.includes(id));
      expect(received.length).toBeLessThan(N);
      expect(followers.length).toBe(N - received.length);
      expect(rows.map((r) => r.request_id).sort()).toEqual(followers.sort());
      for (const r of rows) {
        expect(r).toMatchObject({ user_id: womenHere.userId, operation: 'womenActivities', action: 'READ' });
        const [source] = JSON.parse(r.record_ids) as string[];
        expect(source).toMatch(/^women\//);
        expect(received).toContain(source!.slice('women/'.length));
      }
    } finally {
      trail.close();
    }
  });

  it('withholds the answer of every caller served from a shared answer when its entry cannot be stored, and answers the caller the subgraph audited', async () => {
    // The gateway's trail refuses SHARED_ANSWER entries (as a full or failing disk would refuse them all).
    const db = new Database(auditFile);
    db.exec(`CREATE TRIGGER refuse_shared BEFORE INSERT ON audit_log WHEN NEW.outcome = 'SHARED_ANSWER' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    try {
      const before = proxy.seen.length;
      const asked = ids('unrecorded');
      const answers = await concurrently(gateway.url, READ, {}, await bearer(womenHere), asked);
      const received = proxy.seen.slice(before).map((s) => s.requestId);
      expect(received.length).toBeLessThan(N);
      asked.forEach((id, i) => {
        const a = answers[i]!;
        if (received.includes(id)) {
          // Its read went to the subgraph, which audited it: nothing of the gateway's own to record.
          expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
          expect(a.data).toBeDefined();
        } else {
          expect(a.status).toBe(503);
          expect(a.data ?? null).toBeNull();
          expect(a.errors).toEqual([{ message: expect.stringMatching(/nhật ký truy cập/), extensions: { code: 'STORAGE_UNAVAILABLE' } }]);
          // Nothing of the store's own words, nor of the subgraph's answer.
          expect(JSON.stringify(a)).not.toMatch(/disk|sqlite|women|topic/i);
        }
      });
    } finally {
      db.exec('DROP TRIGGER refuse_shared');
      db.close();
    }
    // Stored again once the trail takes entries.
    const later = await concurrently(gateway.url, READ, {}, await bearer(womenHere), ids('recorded-again'));
    for (const a of later) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
  });

  it("never shares a read of personal data: the subgraph records each caller's read itself", async () => {
    const before = proxy.seen.length;
    const answers = await concurrently(
      gateway.url,
      '{ womenReintegrationSupports { totalCount nodes { id mentorName } } }',
      {},
      await bearer(womenHere),
      ids('personal'),
    );
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    expect(proxy.seen.length - before).toBe(N);
  });

  it("shares one caller's identical reads of a sensitive aggregate, each caller's read recorded at the gateway", async () => {
    const leader = leadership();
    const before = proxy.seen.length;
    const asked = ids('sensitive');
    const answers = await concurrently(
      gateway.url,
      'query ($unit: ID!) { unit(id: $unit) { women { protection(periodId: "2025-PLAN-Y") { count children } } } }',
      { unit: BINH_THUAN },
      await bearer(leader),
      asked,
    );
    for (const a of answers) {
      expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      expect(a.data).toEqual(answers[0]!.data);
    }
    const received = proxy.seen.slice(before).map((s) => s.requestId);
    expect(received.length).toBeGreaterThanOrEqual(1);
    expect(received.length).toBeLessThan(N);
    const trail = new Database(auditFile, { readonly: true });
    try {
      const rows = trail.prepare(`SELECT request_id, user_id, fields, outcome FROM audit_log WHERE request_id LIKE 'sensitive-%'`).all() as {
        request_id: string;
        user_id: string;
        fields: string;
        outcome: string;
      }[];
      // Every request's read of the sensitive aggregate, whether or not it reached the subgraph.
      const reads = rows.filter((r) => r.outcome === 'SENSITIVE_AGGREGATE');
      expect(reads.map((r) => r.request_id).sort()).toEqual([...asked].sort());
      for (const r of reads) expect(JSON.parse(r.fields)).toContain('WomenUnitRecords.protection');
      // And each one served from another's request, naming it.
      const shared = rows.filter((r) => r.outcome === 'SHARED_ANSWER').map((r) => r.request_id);
      expect(shared.sort()).toEqual(asked.filter((id) => !received.includes(id)).sort());
    } finally {
      trail.close();
    }
  });

  it('never shares a sensitive aggregate between two callers', async () => {
    const before = proxy.seen.length;
    const query = 'query ($unit: ID!) { unit(id: $unit) { women { protection(periodId: "2025-PLAN-Y") { count } } } }';
    const [first, second] = await Promise.all([bearer(leadership()), bearer({ ...leadership(), userId: 'lanh-dao-2' })]);
    await Promise.all([
      concurrently(gateway.url, query, { unit: BINH_THUAN }, first, ids('one')),
      concurrently(gateway.url, query, { unit: BINH_THUAN }, second, ids('two')),
    ]);
    const auths = proxy.seen.slice(before).map((s) => s.authorization);
    expect(new Set(auths)).toEqual(new Set([first, second]));
  });

  it('never shares between two callers asking the same at the same time', async () => {
    const before = proxy.seen.length;
    const [here, there] = await Promise.all([bearer(womenHere), bearer(womenThere)]);
    const [a, b] = await Promise.all([concurrently(gateway.url, READ, {}, here, ids('here')), concurrently(gateway.url, READ, {}, there, ids('there'))]);
    const auths = new Set(proxy.seen.slice(before).map((s) => s.authorization));
    expect(auths).toEqual(new Set([here, there]));
    // Each caller gets its own answer: the activities of its own commune only.
    expect((a[0]!.data as { womenActivities: { totalCount: number } }).womenActivities.totalCount).toBe(N);
    expect((b[0]!.data as { womenActivities: { totalCount: number } }).womenActivities.totalCount).toBe(0);
  });

  it("gives every caller sharing a read the same failure when the subgraph's connection is cut", async () => {
    const before = proxy.seen.length;
    proxy.state.fail = true;
    try {
      const answers = await concurrently(gateway.url, READ, {}, await bearer(womenHere), ids('failed'));
      expect(proxy.seen.length - before).toBeLessThan(N);
      for (const a of answers) {
        expect(a.errors?.length).toBeGreaterThan(0);
        expect(a.errors).toEqual(answers[0]!.errors);
      }
    } finally {
      proxy.state.fail = false;
    }
  });

  it('sends every request with ANTT_GATEWAY_DEDUP=0', async () => {
    const before = proxy.seen.length;
    const answers = await concurrently(undeduplicated.url, READ, {}, await bearer(womenHere), ids('off'));
    expect(proxy.seen.length - before).toBe(N);
    for (const a of answers) expect(a.data).toEqual(answers[0]!.data);
  });
});

describe('a post-answer read', () => {
  it('is sent again: nothing is kept once a request settles', async () => {
    const auth = await bearer(womenHere);
    const before = proxy.seen.length;
    const first = await post(gateway.url, READ, {}, auth);
    const second = await post(gateway.url, READ, {}, auth);
    expect(proxy.seen.length - before).toBe(2);
    expect(second.data).toEqual(first.data);
  });
});

describe('the callers served from one shared answer', () => {
  /** A trail that commits what one `inOneCommit` records, or nothing when a report throws. */
  function trail(failFor?: string) {
    const committed: string[][] = [];
    let staged: string[] = [];
    return {
      committed,
      report: (who: string) => (shared: SharedRead) => {
        if (who === failFor) throw new Error('the trail is full');
        staged.push(`${who}<-${shared.leaderRequestId}`);
      },
      inOneCommit: (record: () => void) => {
        staged = [];
        record();
        committed.push(staged);
      },
    };
  }

  function held() {
    let answer!: (value: { data: { n: number } }) => void;
    const promise = new Promise<{ data: { n: number } }>((resolve) => (answer = resolve));
    return { promise, answer };
  }

  it('are recorded in one commit when the answer arrives, before any of them is answered, each with a copy', async () => {
    const t = trail();
    const reads = new InFlightReads<{ data: { n: number } }>((v) => ({ data: { ...v.data } }), t.inOneCommit);
    const out = held();
    const leader = reads.run('k', 'r0', () => out.promise, t.report('r0'));
    const followers = ['r1', 'r2', 'r3'].map((id) => reads.run('k', id, () => Promise.reject(new Error('never sent')), t.report(id)));
    const answered: string[] = [];
    followers.forEach((f, i) => void f.then(() => answered.push(`r${i + 1}:${t.committed.length}`)));
    out.answer({ data: { n: 7 } });
    const [first, ...rest] = await Promise.all([leader, ...followers]);
    expect(t.committed).toEqual([['r1<-r0', 'r2<-r0', 'r3<-r0']]);
    // Every follower was answered after the commit.
    expect(answered).toEqual(['r1:1', 'r2:1', 'r3:1']);
    expect(rest.map((a) => a.data)).toEqual([{ n: 7 }, { n: 7 }, { n: 7 }]);
    expect(rest[0]).not.toBe(first);
    expect(reads.size).toBe(0);
  });

  it('are none of them answered when their record cannot be written, each given that error; the first caller gets its answer', async () => {
    const t = trail('r2');
    const reads = new InFlightReads<{ data: { n: number } }>((v) => ({ data: { ...v.data } }), t.inOneCommit);
    const out = held();
    const all = ['r0', 'r1', 'r2', 'r3'].map((id) => reads.run('k', id, () => out.promise, t.report(id)));
    out.answer({ data: { n: 7 } });
    const settled = await Promise.allSettled(all);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe('the trail is full');
    expect(t.committed).toEqual([]);
  });

  it('include a caller joining once the others were recorded, who is recorded on its own', async () => {
    const recorded: string[] = [];
    const reads: InFlightReads<{ data: { n: number } }> = new InFlightReads(
      (v) => ({ data: { ...v.data } }),
      (record) => {
        record();
        // Joins while the answer is still in flight for the gateway, after the group was recorded.
        late = reads.run(
          'k',
          'r9',
          () => Promise.reject(new Error('never sent')),
          (s) => recorded.push(`r9<-${s.leaderRequestId} alone`),
        );
      },
    );
    let late: Promise<{ data: { n: number } }> | undefined;
    const out = held();
    const leader = reads.run(
      'k',
      'r0',
      () => out.promise,
      () => {},
    );
    const follower = reads.run(
      'k',
      'r1',
      () => Promise.reject(new Error('never sent')),
      (s) => recorded.push(`r1<-${s.leaderRequestId}`),
    );
    out.answer({ data: { n: 7 } });
    await Promise.all([leader, follower]);
    expect((await late!).data).toEqual({ n: 7 });
    expect(recorded).toEqual(['r1<-r0', 'r9<-r0 alone']);
  });

  it("get the request's own error when it fails, and nothing is recorded", async () => {
    const t = trail();
    const reads = new InFlightReads<{ data: { n: number } }>((v) => ({ data: { ...v.data } }), t.inOneCommit);
    const all = ['r0', 'r1'].map((id) => reads.run('k', id, () => Promise.reject(new Error('subgraph down')), t.report(id)));
    const settled = await Promise.allSettled(all);
    expect(settled.map((s) => (s as PromiseRejectedResult).reason.message)).toEqual(['subgraph down', 'subgraph down']);
    expect(t.committed).toEqual([]);
  });
});
