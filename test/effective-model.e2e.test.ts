/**
 * The police's standard reads the Front's model reviews over HTTP, service to service: both subgraphs on
 * port 0, each with its own database and the test's service key. The effective-model part of a commune's
 * criterion TT124-XA-1 follows the reviews the Front records, as of the day asked; a user's token is
 * refused by the Front's service endpoint; a Front that is down leaves the part unknown, with the reason,
 * and the police's answer stands.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceVerifier, signServiceToken } from '@antt/auth';
import { SUBGRAPHS } from '@antt/gateway';
import type { OrganizationId } from '@antt/reference';
import { openOrganizationDatabase, startSubgraph, type RunningServer, type StartOptions } from '@antt/subgraph-kit';
import { bearer, CHIENG_PHA, staff, testServiceKey, testVerifier } from '@antt/testing';
import { post } from './support/federation.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const police = staff('police');
const front = staff('front');
const servers = {} as Partial<Record<OrganizationId, RunningServer>>;
const closers: (() => void)[] = [];
/** The women's union as owner of the model reviewed: it confirms every model asked about (its own subgraph is not under test). */
let women: Server;
let womenUrl: string;

beforeAll(async () => {
  women = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      // The women's subgraph stands in: it knows every model it is asked about (questions in a batch, references/check.ts).
      const questions = (JSON.parse(raw || '{}') as { questions?: { ids: unknown[] }[] }).questions ?? [];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ owner: 'women', answers: questions.map((q) => q.ids.map(() => true)) }));
    });
  });
  await new Promise<void>((r) => women.listen(0, '127.0.0.1', r));
  womenUrl = `http://127.0.0.1:${(women.address() as AddressInfo).port}/graphql`;
  const verifier = await testVerifier();
  const key = await testServiceKey();
  const verify = createServiceVerifier({ jwks: { keys: [key.publicJwk] } });
  const references = (org: OrganizationId): StartOptions['references'] => ({
    verify,
    recheckMs: 3_600_000,
    client: { ownerUrl: (o) => (o === 'women' ? womenUrl : servers[o]?.url), token: () => signServiceToken(key, org), timeoutMs: 2_000 },
  });
  for (const name of ['front', 'police'] as const) {
    const sg = SUBGRAPHS.find((s) => s.name === name)!;
    const { db, sqlite } = openOrganizationDatabase(sg, { file: ':memory:', demo: false });
    closers.push(() => sqlite.close());
    servers[name] = await startSubgraph(sg, { db, verifier, gatewaySecret: `secret-${name}`, port: 0, references: references(name) });
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s!.stop().catch(() => undefined)));
  closers.forEach((c) => c());
  await new Promise<void>((r) => women.close(() => r()));
});

const READ = `query ($on: Date) { policeUnitAssessment(unitId: "${CHIENG_PHA}", year: 2022) { result criteria { criterion { code } effectiveModel(effectiveOn: $on) { readOn support supportVi effectiveModels recorded contradictsRecords reason } } } }`;
const part = async (on: string | null = null) => {
  const res = await post<Data>(servers.police!.url, READ, { on }, police);
  expect(res.errors).toBeUndefined();
  return res.data!.policeUnitAssessment.criteria.find((c: Data) => c.criterion.code === 'TT124-XA-1').effectiveModel;
};

describe('the police read the Front’s model reviews for TT124-XA-1, over HTTP', () => {
  it('flags a typed "met" until the Front records an effective model, as of the day asked', async () => {
    const recorded = await post(
      servers.police!.url,
      `mutation ($input: RecordStandardAssessmentInput!) { recordStandardAssessment(input: $input) { id } }`,
      {
        input: {
          year: 2022,
          unitId: CHIENG_PHA,
          registeredOn: '2022-02-01',
          selfAssessedOn: '2022-11-01',
          criteria: ['TT124-XA-1', 'TT124-XA-2', 'TT124-XA-3'].map((code) => ({ code, met: true })),
        },
      },
      police,
    );
    expect(recorded.errors).toBeUndefined();
    expect(await part()).toEqual({
      readOn: '2022-11-01',
      support: 'NOT_SUPPORTED',
      supportVi: 'không được hồ sơ chứng minh',
      effectiveModels: 0,
      recorded: true,
      contradictsRecords: true,
      reason: null,
    });

    const review = await post(
      servers.front!.url,
      `mutation ($input: RecordFrontModelReviewInput!) { recordFrontModelReview(input: $input) { id } }`,
      {
        input: {
          modelId: 'model:women:3',
          unitId: CHIENG_PHA,
          reviewedOn: '2022-06-01',
          rating: 'EFFECTIVE',
          decision: 'KEEP',
          evidence: 'Kiểm tra thực tế: không có người tái phạm.',
        },
      },
      front,
    );
    expect(review.errors).toBeUndefined();
    expect(await part()).toMatchObject({ support: 'SUPPORTED', effectiveModels: 1, contradictsRecords: false });
    // Read as of the day before the review: no effective model yet.
    expect(await part('2022-05-31')).toMatchObject({ readOn: '2022-05-31', support: 'NOT_SUPPORTED', effectiveModels: 0, contradictsRecords: true });
  });

  it('refuses a user’s token at the Front’s service endpoint', async () => {
    const res = await fetch(new URL('/services/effectiveModels', servers.front!.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(police) },
      body: JSON.stringify({ unitId: CHIENG_PHA, year: 2022, effectiveOn: '2022-11-01' }),
    });
    expect(res.status).toBe(401);
  });

  it('says the part is unknown, with the reason, while the Front is down; the police’s answer stands', async () => {
    await servers.front!.stop();
    const res = await post<Data>(servers.police!.url, READ, {}, police);
    expect(res.errors).toBeUndefined();
    expect(res.data!.policeUnitAssessment.result).toBe('NOT_MET');
    const p = res.data!.policeUnitAssessment.criteria.find((c: Data) => c.criterion.code === 'TT124-XA-1').effectiveModel;
    expect(p).toMatchObject({ support: 'UNKNOWN', supportVi: 'chưa xác định', effectiveModels: null, reason: expect.stringMatching(/Mặt trận không trả lời/) });
  });
});
