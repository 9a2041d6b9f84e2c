/**
 * References between organizations over HTTP, the whole federation on port 0: every kind that names
 * another organization's record is written with a real id, an unknown id, an id its owner keeps outside
 * the writer's area, and with the owner stopped (the record is kept unverified, listed, not counted,
 * and confirmed by the re-check once the owner is back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signServiceToken, type Identity } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import { ReferenceClient, recheckReferences, referenceFields, type RecordKind } from '@antt/subgraph-kit';
import { SUBGRAPHS } from '@antt/gateway';
import { CHIENG_LE, CHIENG_PHA, bearer, leadership, staff, testKey, testServiceKey } from '@antt/testing';
import { comparableAnswer } from './support/answers.js';
import { post, startFederation, type Federation } from './support/federation.js';

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation({ demo: false });
}, 120_000);
afterAll(async () => {
  await fed?.stop();
});

const kindOf = (org: OrganizationId, table: string): RecordKind => SUBGRAPHS.find((s) => s.name === org)!.kinds.find((k) => k.spec.table === table)!;

let seq = 0;
const fresh = (p: string) => `${p}-${Date.now().toString(36)}-${++seq}`;

/** Records a record of `kind` as `who` through the gateway; answers the response. */
async function record(kind: RecordKind, input: Record<string, unknown>, who: Identity) {
  const T = kind.spec.type;
  return post<{ r: { id: string } | null }>(
    fed.gateway.url,
    `mutation($input: Record${T}Input!) { r: ${kind.spec.create}(input: $input) { id } }`,
    { input },
    who,
  );
}

async function created(kind: RecordKind, input: Record<string, unknown>, who: Identity): Promise<string> {
  const res = await record(kind, input, who);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.r!.id;
}

interface Case {
  name: string;
  writer: OrganizationId;
  kind: RecordKind;
  field: string;
  owner: OrganizationId;
  /** Makes a record of the owner's in `unit`; answers the value the writer's record names it by. */
  make(unit: string): Promise<string>;
  /** An id the owner does not have. */
  unknown: string;
  /** The writer's input, the reference left to fill in (made once, when it needs a record of the writer's first). */
  input: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  /** The record named may lie anywhere in the province (a replicated model's origin): one outside the writer's area is accepted. */
  anywhere?: boolean;
}

const police = (table: string) => kindOf('police', table);

const tipBy = (org: OrganizationId) => async (unit: string) => {
  const receiptId = fresh('BN-TEST');
  await created(
    police('crime_tips'),
    { ...police('crime_tips').spec.example, unitId: unit, channel: 'FORWARDED_BY_ORGANIZATION', handedOverBy: org, receiptId },
    staff('police'),
  );
  return receiptId;
};

const hotspotIn = (unit: string) => created(police('hotspots'), { ...police('hotspots').spec.example, unitId: unit }, staff('police'));
const { establishmentId: _establishment, ...disputeExample } = kindOf('labour', 'labour_disputes').spec.example;
const mediationTeams = kindOf('elderly', 'mediation_teams');

const CASES: Case[] = [
  {
    name: 'a tip handover names a receipt of the police register',
    writer: 'veterans',
    kind: kindOf('veterans', 'tip_handovers'),
    field: 'receiptId',
    owner: 'police',
    make: tipBy('veterans'),
    unknown: 'BN-KHONG-CO-0001',
    input: { ...kindOf('veterans', 'tip_handovers').spec.example },
  },
  {
    name: 'a protection case names a receipt of the police register',
    writer: 'women',
    kind: kindOf('women', 'women_protection_cases'),
    field: 'tipReceiptId',
    owner: 'police',
    make: tipBy('women'),
    unknown: 'BN-KHONG-CO-0002',
    input: { ...kindOf('women', 'women_protection_cases')?.spec.example },
  },
  {
    name: 'a reintegration support names a case the police registered',
    writer: 'farmers',
    kind: kindOf('farmers', 'reintegration_supports'),
    field: 'caseId',
    owner: 'police',
    make: (unit) => created(police('reintegration_cases'), { ...police('reintegration_cases').spec.example, communeId: unit }, staff('police')),
    unknown: 'DEMO-TH-9999',
    input: { ...kindOf('farmers', 'reintegration_supports').spec.example },
  },
  {
    name: 'a model review names a model of another organization',
    writer: 'front',
    kind: kindOf('front', 'model_reviews'),
    field: 'modelId',
    owner: 'women',
    make: (unit) => created(kindOf('women', 'models'), { ...kindOf('women', 'models').spec.example, unitId: unit }, staff('women')),
    unknown: 'model:women:999999',
    input: { ...kindOf('front', 'model_reviews').spec.example },
  },
  {
    name: 'a replicated model names its origin, another organization’s model anywhere in the province',
    writer: 'women',
    kind: kindOf('women', 'models'),
    field: 'replicaOfId',
    owner: 'front',
    make: (unit) => created(kindOf('front', 'models'), { ...kindOf('front', 'models').spec.example, unitId: unit }, staff('front')),
    unknown: 'model:front:999999',
    input: { ...kindOf('women', 'models').spec.example },
    anywhere: true,
  },
  {
    name: 'a labour participation names an establishment of the police register in its commune',
    writer: 'labour',
    kind: kindOf('labour', 'labour_participations'),
    field: 'establishmentId',
    owner: 'police',
    make: (unit) => created(police('establishments'), { ...police('establishments').spec.example, unitId: unit }, staff('police')),
    unknown: 'DEMO-CS-9999',
    input: { ...kindOf('labour', 'labour_participations').spec.example },
  },
  {
    name: 'a labour dispute names the police hotspot it was reported as',
    writer: 'labour',
    kind: kindOf('labour', 'labour_disputes'),
    field: 'hotspotId',
    owner: 'police',
    make: hotspotIn,
    unknown: 'hotspot:police:999999',
    // Without an establishment: the register is another reference, tested above.
    input: disputeExample,
  },
  {
    name: 'a mediation names the police hotspot it handles',
    writer: 'elderly',
    kind: kindOf('elderly', 'mediation_cases'),
    field: 'hotspotId',
    owner: 'police',
    make: hotspotIn,
    unknown: 'hotspot:police:999999',
    input: async () => ({
      ...kindOf('elderly', 'mediation_cases').spec.example,
      teamId: await created(mediationTeams, { ...mediationTeams.spec.example }, writer('elderly')),
    }),
  },
  {
    name: 'an opinion names a forum of another organization',
    writer: 'youth',
    kind: kindOf('youth', 'opinions'),
    field: 'forumId',
    owner: 'front',
    make: (unit) => created(kindOf('front', 'forums'), { ...kindOf('front', 'forums').spec.example, unitId: unit }, staff('front')),
    unknown: 'forum:front:999999',
    input: { ...kindOf('youth', 'opinions').spec.example },
  },
];

/** The writer: the organization's staff of Xã Chiềng Pha, whose records the examples are kept under. */
const writer = (org: OrganizationId) => staff(org, CHIENG_PHA);

const inputs = new Map<Case, Promise<Record<string, unknown>>>();
/** A case's input, made once. */
function inputOf(c: Case): Promise<Record<string, unknown>> {
  let p = inputs.get(c);
  if (!p) inputs.set(c, (p = typeof c.input === 'function' ? c.input() : Promise.resolve(c.input)));
  return p;
}

async function unverified(org: OrganizationId) {
  const res = await post<{ l: { recordId: string; refId: string; state: string; field: string }[] }>(
    fed.gateway.url,
    `{ l: ${org}UnverifiedReferences(state: null) { recordId refId state field } }`,
    {},
    writer(org),
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.l;
}

function problemsOf(res: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return (res.errors?.[0]?.extensions?.problems ?? []) as { field: string; message: string; reason: string }[];
}

describe.each(CASES)('$name', (c) => {
  it('declares the reference on the kind', () => {
    expect(referenceFields(c.kind).map(([k]) => k)).toContain(c.field);
  });

  it('accepts a real id within the writer’s area', async () => {
    const id = await c.make(CHIENG_PHA);
    const res = await record(c.kind, { ...(await inputOf(c)), [c.field]: id }, writer(c.writer));
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect((await unverified(c.writer)).some((r) => r.recordId === res.data!.r!.id)).toBe(false);
  });

  it(
    c.anywhere
      ? 'refuses an unknown id naming the field, and accepts one outside the writer’s area'
      : 'refuses an unknown id and one outside the area with the same message naming the field',
    async () => {
      const outside = await c.make(CHIENG_LE);
      const a = await record(c.kind, { ...(await inputOf(c)), [c.field]: c.unknown }, writer(c.writer));
      const b = await record(c.kind, { ...(await inputOf(c)), [c.field]: outside }, writer(c.writer));
      if (c.anywhere) {
        expect(b.errors, JSON.stringify(b.errors)).toBeUndefined();
        expect((await unverified(c.writer)).some((r) => r.recordId === b.data!.r!.id)).toBe(false);
        const p = problemsOf(a).find((x) => x.field === `input.${c.field}`);
        expect(p?.reason).toBe('UNKNOWN_REFERENCE');
        expect(p?.message).not.toContain(c.unknown);
        return;
      }
      for (const res of [a, b]) {
        expect(res.status).toBe(200);
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        const p = problemsOf(res).find((x) => x.field === `input.${c.field}`);
        expect(p?.reason).toBe('UNKNOWN_REFERENCE');
        expect(p?.message.startsWith(c.kind.spec.fields[c.field]!.label)).toBe(true);
      }
      const messages = [a, b].map((res) => problemsOf(res).find((x) => x.field === `input.${c.field}`)!.message);
      expect(messages[0]).toBe(messages[1]);
      // Never the id typed, nor the owner's service name.
      expect(messages[0]).not.toContain(c.unknown);
      expect(messages[0]).not.toContain(c.owner);
    },
  );

  it('keeps the record unverified when the owner is stopped, lists it, and confirms it once the owner is back', async () => {
    const id = await c.make(CHIENG_PHA);
    await fed.subgraphs[c.owner].stop();
    let recordId: string;
    try {
      const res = await record(c.kind, { ...(await inputOf(c)), [c.field]: id }, writer(c.writer));
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      recordId = res.data!.r!.id;
    } finally {
      await fed.restart(c.owner);
    }
    const listed = (await unverified(c.writer)).find((r) => r.recordId === recordId);
    expect(listed).toMatchObject({ refId: id, state: 'PENDING', field: c.field });
    const key = await testServiceKey();
    const client = new ReferenceClient({ org: c.writer, ownerUrl: (o) => fed.subgraphs[o]?.url, token: () => signServiceToken(key, c.writer) });
    // The writer's own background recheck (its first run 5 s after start) may have confirmed it already
    // on a slow machine; either way it must be VERIFIED now, and a recheck never un-confirms it.
    const done = await recheckReferences(c.writer, fed.dbs[c.writer], client);
    expect(done.refused).toBe(0);
    const after = await post<{ l: { recordId: string; state: string }[] }>(
      fed.gateway.url,
      `{ l: ${c.writer}UnverifiedReferences(state: VERIFIED) { recordId state } }`,
      {},
      writer(c.writer),
    );
    expect(after.data!.l.some((r) => r.recordId === recordId)).toBe(true);
  });
});

describe('counts and the owner’s endpoint', () => {
  it('leaves an unverified handover out of the counts until the owner confirms it', async () => {
    const c = CASES[0]!;
    const q = `{ unit(id: "${CHIENG_PHA}") { veterans { tipHandovers(periodId: "2021-Q2") { handovers } } } }`;
    const count = async () =>
      (await post<{ unit: { veterans: { tipHandovers: { handovers: number } } } }>(fed.gateway.url, q, {}, leadership())).data!.unit.veterans.tipHandovers
        .handovers;
    const before = await count();
    const id = await c.make(CHIENG_PHA);
    await fed.subgraphs.police.stop();
    try {
      const res = await record(c.kind, { ...c.input, receiptId: id }, writer('veterans'));
      expect(res.errors).toBeUndefined();
    } finally {
      await fed.restart('police');
    }
    expect(await count()).toBe(before);
    const key = await testServiceKey();
    const client = new ReferenceClient({ org: 'veterans', ownerUrl: (o) => fed.subgraphs[o]?.url, token: () => signServiceToken(key, 'veterans') });
    await recheckReferences('veterans', fed.dbs.veterans, client);
    expect(await count()).toBe(before + 1);
  });

  it('commits the writer’s record of each check with the write, keeps it when the write is refused, and when the field never ran', async () => {
    const c = CASES[0]!;
    const checks = () =>
      (fed.databases.veterans.prepare(`SELECT outcome FROM audit_log WHERE operation = 'referenceCheck' ORDER BY id`).all() as { outcome: string }[]).map(
        (r) => r.outcome,
      );
    const before = checks().length;
    const ok = await record(c.kind, { ...c.input, receiptId: await c.make(CHIENG_PHA) }, writer('veterans'));
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    const refused = await record(c.kind, { ...c.input, receiptId: c.unknown }, writer('veterans'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A field skipped by its directive (sent to the subgraph itself: the gateway leaves it out) is asked
    // about before the operation runs, but never writes.
    const skipped = await post(
      fed.subgraphs.veterans.url,
      `mutation($input: Record${c.kind.spec.type}Input!) { r: ${c.kind.spec.create}(input: $input) @skip(if: true) { id } }`,
      { input: { ...c.input, receiptId: c.unknown } },
      writer('veterans'),
    );
    expect(skipped.errors, JSON.stringify(skipped.errors)).toBeUndefined();
    expect(checks().slice(before)).toEqual(['police:FOUND', 'police:NOT_FOUND', 'police:NOT_FOUND']);
    // The stored create's check went in with it: its entry right before the create's WRITE entry, one request.
    const [check, write] = fed.databases.veterans
      .prepare(
        `SELECT id, request_id, operation, action FROM audit_log WHERE id >= (SELECT id FROM audit_log WHERE record_ids LIKE ? AND action = 'WRITE') - 1 ORDER BY id LIMIT 2`,
      )
      .all(`%${ok.data!.r!.id}%`) as { id: number; request_id: string; operation: string; action: string }[];
    expect(check).toMatchObject({ operation: 'referenceCheck', request_id: write!.request_id });
    expect(write).toMatchObject({ action: 'WRITE', id: check!.id + 1 });
  });

  it('answers alike on the route without Express (/references) and through Express (/references?)', async () => {
    const key = await testServiceKey();
    const service = `Bearer ${await signServiceToken(key, 'veterans')}`;
    const question = { table: 'crime_tips', by: 'receiptId', writerField: 'handedOverBy', within: CHIENG_PHA, ids: ['X-2'] };
    const cases: [string, Record<string, string>, string][] = [
      ['one question', { authorization: service }, JSON.stringify(question)],
      ['a batch, a table not kept among them', { authorization: service }, JSON.stringify({ questions: [question, { ...question, table: 'no_such_table' }] })],
      ['a question out of form', { authorization: service }, JSON.stringify({ questions: 'q' })],
      ['a table not kept, alone', { authorization: service }, JSON.stringify({ ...question, table: 'no_such_table' })],
      // A name every object has (Object.prototype's) is no field of the table: it reached SQL as a column before.
      ['a field named constructor', { authorization: service }, JSON.stringify({ ...question, by: 'constructor' })],
      ['malformed JSON', { authorization: service }, '{"table": '],
      ['a body over 32 kB', { authorization: service }, JSON.stringify({ ...question, ids: Array.from({ length: 2000 }, (_, i) => `X-${i}-padding`) })],
      ['a user’s token', { authorization: await bearer(staff('veterans')) }, JSON.stringify(question)],
      ['no token', {}, JSON.stringify(question)],
    ];
    for (const [name, headers, body] of cases) {
      const init = { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
      const direct = await comparableAnswer(new URL('/references', fed.subgraphs.police.url).href, init);
      expect(direct, name).toEqual(await comparableAnswer(new URL('/references?', fed.subgraphs.police.url).href, init));
      expect(direct.status, name).toBeLessThan(500);
      expect(direct.headers['content-type'], name).toMatch(/^application\/json/);
    }
  });

  it('answers a path that does not decode in the user’s terms, never with Express’s page', async () => {
    const key = await testServiceKey();
    const res = await fetch(new URL('/services/%E0%A4%A', fed.subgraphs.police.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signServiceToken(key, 'veterans')}` },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: 'Yêu cầu không hợp lệ.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers services only: a user’s token is refused (401), and every question is in the owner’s audit trail', async () => {
    const url = new URL('/references', fed.subgraphs.police.url);
    const body = JSON.stringify({ table: 'crime_tips', by: 'receiptId', writerField: 'handedOverBy', within: CHIENG_PHA, ids: ['X-1'] });
    const asUser = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: await bearer(staff('veterans')) }, body });
    expect(asUser.status).toBe(401);
    // A token shaped as a service's but signed with the users' key: the services' key set does not hold it.
    const userKeyAsService = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signServiceToken(await testKey(), 'veterans')}` },
      body,
    });
    expect(userKeyAsService.status).toBe(401);
    const key = await testServiceKey();
    const asService = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signServiceToken(key, 'veterans')}` },
      body,
    });
    expect(asService.status).toBe(200);
    expect(await asService.json()).toEqual({ owner: 'police', found: [false] });
    const trail = fed.databases.police
      .prepare(`SELECT user_id, operation, outcome FROM audit_log WHERE operation = 'referenceCheck' ORDER BY id DESC LIMIT 1`)
      .get() as { user_id: string; operation: string; outcome: string };
    expect(trail).toEqual({ user_id: 'service:veterans', operation: 'referenceCheck', outcome: 'FOUND 0/1' });
    const writerTrail = fed.databases.veterans.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = 'referenceCheck'`).get() as { n: number };
    expect(writerTrail.n).toBeGreaterThan(0);
  });
});
