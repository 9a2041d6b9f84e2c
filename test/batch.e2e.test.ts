/**
 * One caller's reads of the same text with other variables, in flight at once, reach a subgraph as one
 * request (gateway/src/batch.ts), and every caller still gets exactly the answer it would have got alone.
 * A counting proxy in front of the women's union's subgraph holds each request a moment, so that
 * concurrent callers are surely in flight together, and records what reached the subgraph. Every answer
 * is compared with the same request's answer from a gateway that batches nothing, errors included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startGateway } from '@antt/gateway';
import { FetchBatches, laneKey, shapeOf, splitAnswer } from '../gateway/src/batch.js';
import type { RunningServer } from '@antt/subgraph-kit';
import { BINH_THUAN, bearer, leadership, staff, testVerifier } from '@antt/testing';
import { territory } from '@antt/reference';
import { TEST_GATEWAY_SECRETS } from './support/federation.js';
import { womenBehindProxy, type CountingProxy } from './support/counting-proxy.js';

const HOLD_MS = 300;
const N = 8;

/** How many callers' reads one request to the subgraph carried (its `_vN_` prefixes; 1 when none). */
function members(body: string): number {
  const prefixes = new Set(body.match(/_v\d+_/g) ?? []);
  return Math.max(1, prefixes.size);
}

const dir = mkdtempSync(join(tmpdir(), 'antt-batch-'));
const auditFile = join(dir, 'gateway.sqlite');
// Only the women's union's subgraph runs: the operations here ask nothing of the others.
let behind: Awaited<ReturnType<typeof womenBehindProxy>>;
let proxy: CountingProxy;
let gateway: RunningServer;
let unbatched: RunningServer;

beforeAll(async () => {
  const verifier = await testVerifier();
  behind = await womenBehindProxy({ demo: true, holdMs: HOLD_MS });
  proxy = behind.proxy;
  const common = { verifier, port: 0, gatewaySecret: TEST_GATEWAY_SECRETS, rateLimitPerMinute: 100_000 };
  gateway = await startGateway({ ...common, subgraphUrls: { women: proxy.url }, auditFile, dedup: true, batch: true });
  // The reference: the same subgraph directly, nothing shared or batched.
  unbatched = await startGateway({ ...common, subgraphUrls: { women: behind.women.url }, auditFile: ':memory:', dedup: false, batch: false });
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await unbatched?.stop();
  await behind?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// The demo data's 2021 activities, on the communes of the 2021 map.
const COUNTS = 'query ($unit: ID!) { unit(id: $unit) { women { activityCounts(periodId: "2021-PLAN-Y", figures: LIVE) { type count participants } } } }';
const communes = territory()
  .unitsOn('2021-06-01', 'COMMUNE')
  .map((u) => u.id);

type Answer = { status: number; data?: unknown; errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[] };

/** POSTs each request at once with one Authorization value, each with its own request id. */
async function concurrently(url: string, query: string, variables: Record<string, unknown>[], authorization: string, ids: string[]): Promise<Answer[]> {
  return Promise.all(
    variables.map(async (v, i) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, 'x-request-id': ids[i]! },
        body: JSON.stringify({ query, variables: v }),
      });
      return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
    }),
  );
}

/** The same requests one at a time through the gateway that batches nothing. */
async function alone(query: string, variables: Record<string, unknown>[], authorization: string): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const [i, v] of variables.entries()) out.push(...(await concurrently(unbatched.url, query, [v], authorization, [`alone-${i}-${Date.now()}`])));
  return out;
}

const ids = (prefix: string, n = N) => Array.from({ length: n }, (_, i) => `${prefix}-${i}-${Date.now()}`);
const units = (from: number, n = N) => communes.slice(from, from + n).map((unit) => ({ unit }));

describe("one caller's reads of the same text with other variables", () => {
  it('reach the subgraph in fewer requests than asked, each answer the one it would have had alone', async () => {
    const auth = await bearer(leadership());
    const asked = units(0);
    const before = proxy.seen.length;
    const answers = await concurrently(gateway.url, COUNTS, asked, auth, ids('batched'));
    const sent = proxy.seen.slice(before);
    expect(sent.length).toBeLessThan(N);
    expect(sent.some((s) => members(s.body) > 1)).toBe(true);
    // Every read was carried exactly once.
    expect(sent.reduce((n, s) => n + members(s.body), 0)).toBe(N);
    const expected = await alone(COUNTS, asked, auth);
    expect(answers).toEqual(expected);
    // Not a vacuous comparison: the demo data has activities in these communes, and they differ.
    const counts = answers.map((a) => JSON.stringify(a.data));
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it("keeps each caller's errors its own, their paths as if asked alone", async () => {
    const auth = await bearer(leadership());
    const query = 'query ($unit: ID!, $period: ID!) { unit(id: $unit) { women { activityCounts(periodId: $period, figures: LIVE) { type count } } } }';
    // The fourth asks a period that does not exist (the subgraph's resolver refuses it), the last a unit that does not.
    const asked = [...units(8, 3), { unit: communes[11], period: '2021-Q9' }, ...units(12, 3), { unit: 'unit:khong-co-that' }].map((v) => ({
      period: '2021-PLAN-Y',
      ...v,
    }));
    const before = proxy.seen.length;
    const answers = await concurrently(gateway.url, query, asked, auth, ids('errors', asked.length));
    expect(proxy.seen.slice(before).some((s) => members(s.body) > 1)).toBe(true);
    const expected = await alone(query, asked, auth);
    expect(answers).toEqual(expected);
    // Only the unknown period's answer carries an error, about its own field.
    expect(answers[3]!.errors).toHaveLength(1);
    expect(answers[3]!.errors![0]).toMatchObject({ path: ['unit', 'women', 'activityCounts'], extensions: { code: 'BAD_USER_INPUT' } });
    for (const i of [0, 1, 2, 4, 5, 6, 7]) expect(answers[i]!.errors).toBeUndefined();
    expect(answers[7]!.data).toEqual({ unit: null });
  });

  it('audits at the gateway every caller served by a request sent under another request id', async () => {
    const auth = await bearer(leadership());
    const asked = ids('audited');
    const before = proxy.seen.length;
    await concurrently(gateway.url, COUNTS, units(16), auth, asked);
    const received = proxy.seen.slice(before).map((s) => s.requestId);
    const followers = asked.filter((id) => !received.includes(id));
    expect(followers.length).toBeGreaterThan(0);
    const trail = new Database(auditFile, { readonly: true });
    try {
      const rows = trail
        .prepare(`SELECT request_id, user_id, action, record_ids FROM audit_log WHERE outcome = 'SHARED_ANSWER' AND request_id LIKE 'audited-%'`)
        .all() as { request_id: string; user_id: string; action: string; record_ids: string }[];
      expect(rows.map((r) => r.request_id).sort()).toEqual(followers.sort());
      for (const r of rows) {
        expect(r).toMatchObject({ user_id: leadership().userId, action: 'READ' });
        const [source] = JSON.parse(r.record_ids) as string[];
        expect(received).toContain(source!.slice('women/'.length));
      }
    } finally {
      trail.close();
    }
  });

  it('never puts two callers in one request', async () => {
    const [first, second] = await Promise.all([bearer(leadership()), bearer({ ...leadership(), userId: 'lanh-dao-2' })]);
    const before = proxy.seen.length;
    const [a, b] = await Promise.all([
      concurrently(gateway.url, COUNTS, units(24), first, ids('first')),
      concurrently(gateway.url, COUNTS, units(32), second, ids('second')),
    ]);
    const sent = proxy.seen.slice(before);
    // Each caller's reads were carried by requests under its own token only, each read once.
    for (const auth of [first, second]) expect(sent.filter((s) => s.authorization === auth).reduce((n, s) => n + members(s.body), 0)).toBe(N);
    expect(a).toEqual(await alone(COUNTS, units(24), first));
    expect(b).toEqual(await alone(COUNTS, units(32), second));
  });

  it('never batches reads of personal data: the subgraph records each read itself', async () => {
    const auth = await bearer(staff('women', BINH_THUAN));
    const before = proxy.seen.length;
    const asked = Array.from({ length: N }, (_, i) => ({ first: i + 1 }));
    const answers = await concurrently(
      gateway.url,
      'query ($first: Int) { womenReintegrationSupports(first: $first) { totalCount nodes { id mentorName } } }',
      asked,
      auth,
      ids('personal'),
    );
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    const sent = proxy.seen.slice(before);
    expect(sent.length).toBe(N);
    expect(sent.every((s) => members(s.body) === 1)).toBe(true);
  });

  it('sends a lone read at once, unchanged', async () => {
    const auth = await bearer(leadership());
    const before = proxy.seen.length;
    const [answer] = await concurrently(gateway.url, COUNTS, units(40, 1), auth, ids('lone', 1));
    const sent = proxy.seen.slice(before);
    expect(sent.length).toBe(1);
    expect(sent[0]!.body).not.toContain('_v0_');
    expect(answer).toEqual((await alone(COUNTS, units(40, 1), auth))[0]);
  });

  it('sends the reads again one by one when the subgraph refuses their batch as a whole', async () => {
    const auth = await bearer(leadership());
    proxy.state.refuseBatches = true;
    try {
      const before = proxy.seen.length;
      const answers = await concurrently(gateway.url, COUNTS, units(48), auth, ids('refused'));
      const sent = proxy.seen.slice(before);
      expect(sent.some((s) => members(s.body) > 1)).toBe(true);
      expect(answers).toEqual(await alone(COUNTS, units(48), auth));
      for (const a of answers) expect(a.errors).toBeUndefined();
    } finally {
      proxy.state.refuseBatches = false;
    }
  });

  it("gives every caller of a batch the failure when the subgraph's connection is cut", async () => {
    const auth = await bearer(leadership());
    proxy.state.fail = true;
    try {
      const answers = await concurrently(gateway.url, COUNTS, units(56), auth, ids('cut'));
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(a.errors?.length).toBeGreaterThan(0);
        expect(JSON.stringify(a.errors)).not.toMatch(/_v\d+_/);
      }
    } finally {
      proxy.state.fail = false;
    }
  });
});

describe('the batch itself (gateway/src/batch.ts)', () => {
  const text = 'query Q($unit: ID!, $p: ID!) { unit(id: $unit) { women { activityCounts(periodId: $p) { type count } } } }';

  it('merges a text with itself, each copy aliased and its variables renamed', () => {
    const merged = shapeOf(text)!.merged(2);
    expect(merged).toContain('_v0_unit: unit(id: $_v0_unit)');
    expect(merged).toContain('_v1_unit: unit(id: $_v1_unit)');
    expect(merged).toContain('activityCounts(periodId: $_v1_p)');
    expect(merged).toMatch(/^query Q\(\$_v0_unit: ID!, \$_v0_p: ID!, \$_v1_unit: ID!, \$_v1_p: ID!\)/);
  });

  it('leaves alone what it cannot merge: mutations, fragments, operations too large to fit twice', () => {
    expect(shapeOf('mutation { recordWomenActivity(input: {}) { id } }')).toBeNull();
    expect(shapeOf('query { ...F } fragment F on Query { units { id } }')).toBeNull();
    expect(shapeOf('query { ... on Query { units { id } } }')).toBeNull();
    expect(
      shapeOf(
        'query { a: units { id } b: units { id } c: units { id } d: units { id } e: units { id } f: units { id } g: units { id } h: units { id } i: units { id } j: units { id } }',
      ),
    ).toBeNull();
    expect(shapeOf('{ not valid')).toBeNull();
    expect(laneKey('women', 'u', 'Bearer x', 'mutation { a }', undefined)).toBeUndefined();
    // Nine aliases and one top-level field: ten aliases a copy, two copies within the subgraphs' twenty.
    expect(shapeOf(`query { units { ${Array.from({ length: 9 }, (_, i) => `a${i}: id`).join(' ')} } }`)!.maxMembers).toBe(2);
    expect(shapeOf(text)!.maxMembers).toBe(8);
  });

  it('gives each member its own fields and errors, other errors to all, and nothing when the answer has no data', () => {
    const answer = {
      data: { _v0_unit: { a: 1 }, _v1_unit: null },
      errors: [{ message: 'không có', path: ['_v1_unit', 'women'] }, { message: 'chung' }],
    };
    expect(splitAnswer(answer, 2)).toEqual([
      { data: { unit: { a: 1 } }, errors: [{ message: 'chung' }] },
      { data: { unit: null }, errors: [{ message: 'không có', path: ['unit', 'women'] }, { message: 'chung' }] },
    ]);
    expect(splitAnswer({ data: null, errors: [{ message: 'x' }] }, 2)).toBeNull();
    // A key that belongs to no member: not this batch's answer.
    expect(splitAnswer({ data: { unit: {} } }, 2)).toBeNull();
    expect(splitAnswer({ data: { _v5_unit: {} } }, 2)).toBeNull();
  });

  /**
   * Caller `i` of a test lane asking unit `u<i>`: each fetch it sends is written in `sent`; its lone
   * fetch answers once `hold` settles.
   */
  function laneMember(i: number, sent: string[], hold?: Promise<void>, onShared: (i: number) => void = () => {}) {
    return {
      variables: { unit: `u${i}` },
      requestId: `r${i}`,
      alone: async () => {
        sent.push(`alone u${i}`);
        await hold;
        return { data: { unit: { id: `u${i}` } } };
      },
      together: async (_query: string, variables: Record<string, unknown>) => {
        sent.push(`together ${Object.values(variables).join(',')}`);
        return { data: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, { id: v }])) };
      },
      onShared: () => onShared(i),
    };
  }

  /**
   * Four callers of one lane, the first in a turn of its own and its fetch held until `release`, the
   * other three in the next turn: what was sent, and their answers.
   */
  async function fourCallers(onShared: (i: number) => void = () => {}, inOneCommit?: (record: () => void) => void) {
    const batches = new FetchBatches<{ data: Record<string, unknown> }>(1, inOneCommit);
    const sent: string[] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const member = (i: number) => laneMember(i, sent, i === 0 ? first : undefined, onShared);
    const key = laneKey('women', 'u', 'Bearer x', text, 'Q')!;
    const answers = [batches.run(key, text, member(0))];
    await nextTurn();
    answers.push(...[1, 2, 3].map((i) => batches.run(key, text, member(i))));
    return { batches, sent, release, answers };
  }

  /** A trail that commits the callers one batch records together, or none of them when one cannot be written. */
  function trail(failFor?: number) {
    const committed: number[][] = [];
    let staged: number[] = [];
    return {
      committed,
      onShared: (i: number) => {
        if (i === failFor) throw new Error('the trail is full');
        staged.push(i);
      },
      inOneCommit: (record: () => void) => {
        staged = [];
        record();
        committed.push(staged);
      },
    };
  }

  it('records the callers served from one batch in one commit before any of them is answered', async () => {
    const t = trail();
    const { release, answers } = await fourCallers(t.onShared, t.inOneCommit);
    release();
    expect((await answers[0]!).data).toEqual({ unit: { id: 'u0' } });
    expect(t.committed).toEqual([]);
    const [, ...others] = await Promise.all(answers);
    expect(others.map((a) => a.data)).toEqual([1, 2, 3].map((i) => ({ unit: { id: `u${i}` } })));
    // Caller 0's fetch went alone, and 1, 2 and 3 together under 1's request id (both audited by the
    // subgraph): 2 and 3 were served from 1's request, and recorded in one commit.
    expect(t.committed).toEqual([[2, 3]]);
  });

  it('answers none of the callers served from a batch whose audit cannot be written, with that error; the caller who sent it gets its answer', async () => {
    const t = trail(2);
    const { release, answers } = await fourCallers(t.onShared, t.inOneCommit);
    release();
    const settled = await Promise.allSettled(answers);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(t.committed).toEqual([]);
    expect((settled[2] as PromiseRejectedResult).reason.message).toBe('the trail is full');
  });

  it('sends the first fetch of a lane at the end of its turn and the ones that wait together, in order', async () => {
    const { batches, sent, release, answers } = await fourCallers();
    expect(sent).toEqual(['alone u0']);
    await nextTurn();
    expect(sent).toEqual(['alone u0']);
    release();
    const got = await Promise.all(answers);
    expect(sent).toEqual(['alone u0', 'together u1,u2,u3']);
    expect(got.map((a) => a.data)).toEqual([0, 1, 2, 3].map((i) => ({ unit: { id: `u${i}` } })));
    expect(batches.size).toBe(0);
  });

  it("sends the fetches that waited with those that came in the turn of the lane's answer", async () => {
    const { batches, sent, release, answers } = await fourCallers();
    const key = laneKey('women', 'u', 'Bearer x', text, 'Q')!;
    // The answer to caller 0's fetch and caller 4's request are read in the same turn: caller 4's fetch
    // comes after the answer was handled (microtasks only, no turn ends in between).
    release();
    await answers[0];
    for (let i = 0; i < 10; i++) await Promise.resolve();
    answers.push(batches.run(key, text, laneMember(4, sent)));
    const got = await Promise.all(answers);
    expect(sent).toEqual(['alone u0', 'together u1,u2,u3,u4']);
    expect(got.map((a) => a.data)).toEqual([0, 1, 2, 3, 4].map((i) => ({ unit: { id: `u${i}` } })));
    expect(batches.size).toBe(0);
  });

  it("sends a lane's fetches of one turn together, and nothing before the turn ends", async () => {
    const batches = new FetchBatches<{ data: Record<string, unknown> }>();
    const sent: string[] = [];
    const key = laneKey('women', 'u', 'Bearer x', text, 'Q')!;
    const answers = [0, 1, 2].map((i) => batches.run(key, text, laneMember(i, sent)));
    await Promise.resolve();
    expect(sent).toEqual([]);
    const got = await Promise.all(answers);
    expect(sent).toEqual(['together u0,u1,u2']);
    expect(got.map((a) => a.data)).toEqual([0, 1, 2].map((i) => ({ unit: { id: `u${i}` } })));
  });
});

/** Resolves after the callbacks already waiting for the end of this turn (setImmediate) have run. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
