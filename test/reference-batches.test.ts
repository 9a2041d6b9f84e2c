/**
 * In-process: reference questions travel in batches (packages/subgraph-kit/src/references/check.ts). The
 * writer's client sends one request to an owner at a time and the questions raised meanwhile go together
 * in the next, each answered with its own verdicts; the owner answers a batch question by question,
 * audits each with the writer's request id, and counts each against the calling service's limit. The
 * whole path over HTTP (writer, gateway, owner) is tested in references.e2e.test.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OrganizationId } from '@antt/reference';

// The owner's limit is read when the module loads: ten questions a minute per calling service here.
vi.hoisted(() => {
  process.env.ANTT_REFERENCE_LIMIT_PER_MINUTE = '10';
});
const { SUBGRAPHS } = await import('@antt/gateway');
const { MAX_QUESTIONS_PER_REQUEST, ReferenceClient, columnOf, openOrganizationDatabase, referenceEndpoint } = await import('@antt/subgraph-kit');

const servers: http.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

interface Question {
  table: string;
  within: string;
  ids: string[];
  requestId?: string;
}

/** An owner that knows the ids starting with "OK", answers after `delayMs`, and keeps every request's questions. */
async function fakeOwner(owner: OrganizationId, opts: { delayMs?: number; answer?: (qs: Question[]) => unknown } = {}) {
  const requests: Question[][] = [];
  const url = await listen((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const qs = (JSON.parse(body) as { questions: Question[] }).questions;
      requests.push(qs);
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(opts.answer ? opts.answer(qs) : { owner, answers: qs.map((q) => q.ids.map((id) => id.startsWith('OK'))) }));
      }, opts.delayMs ?? 20);
    });
  });
  const client = new ReferenceClient({ org: 'veterans', ownerUrl: (o) => (o === owner ? url : null), token: async () => 'service-token' });
  return { requests, client, url };
}

const question = (owner: OrganizationId, ids: string[]) => ({ owner, table: 'crime_tips', by: null, writerField: null, within: 'province:14', ids });

describe('the writer’s client', () => {
  it('sends the questions of one turn together at once, and those raised while that request is out together in the next, each answered with its own verdicts', async () => {
    const { requests, client } = await fakeOwner('police');
    const first = [['OK-1'], ['NO-2']].map((ids, i) => client.ask(question('police', ids), `req-${i}`));
    await new Promise((r) => setTimeout(r, 5));
    const next = [['OK-3', 'NO-4'], ['OK-5'], ['NO-6']].map((ids, i) => client.ask(question('police', ids), `req-${i + 2}`));
    expect(await Promise.all([...first, ...next])).toEqual([['FOUND'], ['NOT_FOUND'], ['FOUND', 'NOT_FOUND'], ['FOUND'], ['NOT_FOUND']]);
    expect(requests.map((r) => r.length)).toEqual([2, 3]);
    // Each question carries the request that raised it, for the owner's audit trail.
    expect(requests.flat().map((q) => q.requestId)).toEqual(['req-0', 'req-1', 'req-2', 'req-3', 'req-4']);
  });

  it('keeps a request within the limits an owner accepts: questions, and ids in all', async () => {
    const { requests, client } = await fakeOwner('police');
    const many = Array.from({ length: MAX_QUESTIONS_PER_REQUEST + 10 }, (_, i) => client.ask(question('police', [`OK-${i}`])));
    expect((await Promise.all(many)).flat().every((v) => v === 'FOUND')).toBe(true);
    expect(requests.map((r) => r.length)).toEqual([MAX_QUESTIONS_PER_REQUEST, 10]);
    requests.length = 0;
    const sixty = (p: string) => Array.from({ length: 60 }, (_, i) => `OK-${p}-${i}`);
    await Promise.all(['a', 'b', 'c'].map((p) => client.ask(question('police', sixty(p)))));
    // 60 + 60 ids would pass the hundred an owner takes in one request: each goes alone.
    expect(requests.map((r) => r.map((q) => q.ids.length))).toEqual([[60], [60], [60]]);
  });

  it('makes every question of a request UNREACHABLE when the owner answers out of form, and those that waited for it, then asks afresh', async () => {
    let bad = true;
    const { requests, client } = await fakeOwner('police', {
      answer: (qs) => (bad ? { owner: 'police', answers: qs.slice(1).map(() => [true]) } : { owner: 'police', answers: qs.map((q) => q.ids.map(() => true)) }),
    });
    const first = client.ask(question('police', ['OK-1']));
    await new Promise((r) => setTimeout(r, 5));
    expect(await Promise.all([first, client.ask(question('police', ['OK-2']))])).toEqual([['UNREACHABLE'], ['UNREACHABLE']]);
    bad = false;
    expect(await client.ask(question('police', ['OK-3']))).toEqual(['FOUND']);
    // OK-1 alone, then OK-3: OK-2, which waited for the answer out of form, was not sent.
    expect(requests.map((r) => r.map((q) => q.ids[0]))).toEqual([['OK-1'], ['OK-3']]);
  });

  it('believes no answer in another organization’s name, nor one of the wrong length for a question', async () => {
    const impostor = await fakeOwner('police', { answer: (qs) => ({ owner: 'women', answers: qs.map((q) => q.ids.map(() => true)) }) });
    expect(await impostor.client.ask(question('police', ['OK-1']))).toEqual(['UNREACHABLE']);
    const short = await fakeOwner('police', { answer: (qs) => ({ owner: 'police', answers: qs.map(() => [true]) }) });
    expect(await short.client.ask(question('police', ['OK-1', 'OK-2']))).toEqual(['UNREACHABLE', 'UNREACHABLE']);
  });

  it('answers the questions that waited for a request the owner never answered UNREACHABLE with it: none waits longer than one timeout', async () => {
    const requests: number[] = [];
    const hanging = await listen((req) => void req.on('data', () => requests.push(Date.now())));
    const client = new ReferenceClient({ org: 'veterans', ownerUrl: () => hanging, token: async () => 't', timeoutMs: 300 });
    const began = Date.now();
    const first = client.ask(question('police', ['OK-1']));
    await new Promise((r) => setTimeout(r, 50));
    const waited = [client.ask(question('police', ['OK-2'])), client.ask(question('police', ['OK-3']))];
    expect(await Promise.all([first, ...waited])).toEqual([['UNREACHABLE'], ['UNREACHABLE'], ['UNREACHABLE']]);
    const took = Date.now() - began;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(550);
    // Only the first was sent; the next question is asked afresh.
    expect(requests).toHaveLength(1);
    void client.ask(question('police', ['OK-4']));
    await new Promise((r) => setTimeout(r, 100));
    expect(requests).toHaveLength(2);
  });

  it('does not send a question that waited a whole timeout behind an owner slow to answer: UNREACHABLE', async () => {
    const o = await fakeOwner('police', { delayMs: 200 });
    const client = new ReferenceClient({ org: 'veterans', ownerUrl: () => o.url, token: async () => 't', timeoutMs: 300 });
    const asked = Array.from({ length: 70 }, (_, i) => client.ask(question('police', [`OK-${i}`])));
    const verdicts = (await Promise.all(asked)).flat();
    // 32 answered at 200 ms, 32 sent then and answered at 400 ms; the last 6 had waited 400 ms by then.
    expect(o.requests.map((r) => r.length)).toEqual([MAX_QUESTIONS_PER_REQUEST, MAX_QUESTIONS_PER_REQUEST]);
    expect(verdicts.slice(0, 64).every((v) => v === 'FOUND')).toBe(true);
    expect(verdicts.slice(64)).toEqual(Array(6).fill('UNREACHABLE'));
  });

  it('asks an owner of an earlier version, which knows one question a request, one question at a time', async () => {
    const bodies: Record<string, unknown>[] = [];
    const earlier = await listen((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as Record<string, unknown> & { ids?: string[] };
        bodies.push(body);
        res.setHeader('content-type', 'application/json');
        if (!Array.isArray(body.ids)) return void res.writeHead(400).end(JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'BAD_REQUEST' } }] }));
        res.end(JSON.stringify({ owner: 'police', found: body.ids.map((id) => id.startsWith('OK')) }));
      });
    });
    const client = new ReferenceClient({ org: 'veterans', ownerUrl: () => earlier, token: async () => 't' });
    const verdicts = await Promise.all([client.ask(question('police', ['OK-1', 'NO-2'])), client.ask(question('police', ['NO-3']))]);
    expect(verdicts).toEqual([['FOUND', 'NOT_FOUND'], ['NOT_FOUND']]);
    // The batch, refused, then each question in the form it knows (the two in parallel).
    expect(bodies[0]!.questions).toHaveLength(2);
    expect(
      bodies
        .slice(1)
        .map((b) => (b.ids as string[]).join(','))
        .sort(),
    ).toEqual(['NO-3', 'OK-1,NO-2']);
    expect(bodies.slice(1).every((b) => !('requestId' in b) && b.table === 'crime_tips')).toBe(true);
  });

  it('answers UNREACHABLE at once for an owner it has no address for, and when the owner refuses', async () => {
    const refusing = await listen((_req, res) => void res.writeHead(429).end());
    const client = new ReferenceClient({ org: 'veterans', ownerUrl: (o) => (o === 'police' ? refusing : null), token: async () => 't' });
    expect(await client.ask(question('women', ['OK-1']))).toEqual(['UNREACHABLE']);
    expect(await client.ask(question('police', ['OK-1']))).toEqual(['UNREACHABLE']);
  });
});

describe('the owner’s endpoint', () => {
  const police = SUBGRAPHS.find((s) => s.name === 'police')!;
  const tips = police.kinds.find((k) => k.spec.table === 'crime_tips')!;
  let opened: ReturnType<typeof openOrganizationDatabase>;
  let url: string;
  let handed: { receipt: string; unit: string };

  beforeAll(async () => {
    opened = openOrganizationDatabase(police, { file: ':memory:', demo: true, today: '2026-11-27' });
    const col = (f: string) => columnOf(f, tips.spec.fields[f]!);
    handed = opened.sqlite
      .prepare(
        `SELECT ${col('receiptId')} AS receipt, ${col('unitId')} AS unit FROM crime_tips WHERE ${col('handedOverBy')} = 'veterans' AND status = 'ACTIVE' AND superseded_at IS NULL LIMIT 1`,
      )
      .get() as typeof handed;
    const app = express();
    // A service's token here is "<organization>-token"; each token has its own budget (the limiter keys by token).
    const verify = async (auth: string | undefined): Promise<OrganizationId> => {
      const org = /^Bearer (\w+)-token$/.exec(auth ?? '')?.[1];
      if (!org) throw new Error('not a service');
      return org as OrganizationId;
    };
    app.post('/references', express.json({ limit: '32kb' }), ...referenceEndpoint('police', police.kinds, opened.db, verify));
    url = (await listen(app)).replace('/graphql', '/references');
  }, 120_000);
  afterAll(() => opened?.sqlite.close());

  const ask = (body: unknown, token = 'veterans-token') =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'header-id' },
      body: JSON.stringify(body),
    });
  const q = (ids: string[], extra: Record<string, unknown> = {}) => ({
    table: 'crime_tips',
    by: 'receiptId',
    writerField: 'handedOverBy',
    within: handed.unit,
    ids,
    ...extra,
  });

  it('answers a batch question by question, null for a table it does not keep, and audits each with the writer’s request id', async () => {
    expect(handed?.receipt).toBeTruthy();
    const res = await ask({ questions: [q([handed.receipt, 'BN-KHONG-CO'], { requestId: 'r-1' }), q(['x'], { table: 'no_such_table', requestId: 'r-2' })] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ owner: 'police', answers: [[true, false], null] });
    const trail = opened.sqlite
      .prepare(`SELECT request_id, user_id, action, outcome FROM audit_log WHERE operation = 'referenceCheck' ORDER BY id DESC LIMIT 2`)
      .all();
    expect(trail).toEqual([
      { request_id: 'r-2', user_id: 'service:veterans', action: 'DENY', outcome: 'UNKNOWN_TABLE' },
      { request_id: 'r-1', user_id: 'service:veterans', action: 'READ', outcome: 'FOUND 1/2' },
    ]);
  });

  it('answers a question out of form null, and the others of its batch all the same', async () => {
    const res = await ask({
      questions: [q(['x'.repeat(200)], { requestId: 'r-3' }), q([], { requestId: 'r-4' }), 7, q([handed.receipt], { requestId: 'r-5' })],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ owner: 'police', answers: [null, null, null, [true]] });
    const trail = opened.sqlite
      .prepare(`SELECT request_id, action, outcome, record_ids FROM audit_log WHERE operation = 'referenceCheck' ORDER BY id DESC LIMIT 4`)
      .all() as { request_id: string; action: string; outcome: string; record_ids: string }[];
    expect(trail.map((t) => t.outcome)).toEqual(['FOUND 1/1', 'BAD_QUESTION', 'BAD_QUESTION', 'BAD_QUESTION']);
    // What was out of form is not written to the trail.
    expect(trail.slice(1).every((t) => t.record_ids === '[]' && t.action === 'DENY')).toBe(true);
  });

  it('refuses a batch out of form: empty, too many questions, too many ids in all, not a list (400)', async () => {
    const tooMany = Array.from({ length: MAX_QUESTIONS_PER_REQUEST + 1 }, () => q(['a']));
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `BN-${i}`);
    for (const body of [{ questions: [] }, { questions: tooMany }, { questions: [q(ids(60)), q(ids(41))] }, { questions: 'q' }]) {
      const res = await ask(body, 'farmers-token');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('still answers one question alone as it used to', async () => {
    const res = await ask(q([handed.receipt]), 'women-token');
    // The women did not hand this receipt over: not theirs to name.
    expect(await res.json()).toEqual({ owner: 'police', found: [false] });
  });

  it('counts each question of a batch against the calling service’s limit (429 past it)', async () => {
    // Ten a minute: a batch of eight, then one of three, which passes the limit.
    expect((await ask({ questions: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => q([id])) }, 'youth-token')).status).toBe(200);
    const over = await ask({ questions: [q(['i']), q(['j']), q(['k'])] }, 'youth-token');
    expect(over.status).toBe(429);
    expect(((await over.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
  });
});
