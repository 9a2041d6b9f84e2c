/**
 * The effective-model part of a commune's first criterion (TT124-XA-1), computed from the Front's model
 * reviews asked service to service, against a fake Front endpoint: the question carries the police's
 * service token, the unit and the year, and the Front answers how the count moved through the year; the
 * count is read as of the assessment's day. It feeds the criterion's `met` and `status`, the result, a
 * recognition's support (as of its decision day) and the indicators; a "met" the reviews do not support is
 * flagged beside the computed figure; the stored result is never changed; a Front that does not answer
 * leaves the part, the criterion and the result unknown with the reason (never the typed value), and the
 * rest of the query answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceClient } from '@antt/subgraph-kit';
import { territory } from '@antt/reference';
import { CHIENG_PHA, PROVINCE, fakeFrontModels, openTestSubgraph, staff, type FrontSteps, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const police = staff('police');
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the fake Front answers next: how the count of effective models moved ([day, count]), an HTTP status, or nothing (the socket closed). */
let answer: { steps?: [string, number][]; status?: number; hang?: boolean } = { steps: [] };
const asked: { path: string; auth: string | undefined; body: Record<string, unknown> }[] = [];
let front: Server;
let frontUrl: string;

beforeAll(async () => {
  front = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      asked.push({ path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(raw || '{}') });
      if (answer.hang) return void req.socket.destroy();
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      const body = JSON.parse(raw || '{}') as { unitIds: string[]; year: number };
      res.end(
        JSON.stringify(
          answer.status
            ? { errors: [{ message: 'x' }] }
            : { owner: 'front', year: body.year, units: Object.fromEntries(body.unitIds.map((u) => [u, answer.steps])) },
        ),
      );
    });
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
  frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => front.close(() => r())));

const services = () =>
  new ServiceClient({ org: 'police', ownerUrl: (o) => (o === 'front' ? frontUrl : null), token: async () => 'service-token-of-police', timeoutMs: 500 });

const READ = /* GraphQL */ `
  query ($on: Date) {
    policeUnitAssessment(unitId: "${CHIENG_PHA}", year: 2022) {
      result
      resultVi
      criteria {
        criterion {
          code
        }
        met
        status
        statusVi
        unknownReason
        note
        recorded
        contradictsRecords
        effectiveModel(effectiveOn: $on) {
          readOn
          support
          supportVi
          effectiveModels
          recorded
          contradictsRecords
          reason
        }
      }
    }
  }
`;

let s: TestSubgraph;
beforeEach(async () => {
  s = await openTestSubgraph(subgraph, { today: '2026-11-27' });
  asked.length = 0;
  const res = await s.run(police, `mutation ($input: RecordStandardAssessmentInput!) { recordStandardAssessment(input: $input) { id } }`, {
    input: {
      year: 2022,
      unitId: CHIENG_PHA,
      registeredOn: '2022-02-01',
      selfAssessedOn: '2022-11-01',
      criteria: ['TT124-XA-1', 'TT124-XA-2', 'TT124-XA-3'].map((code) => ({ code, met: true })),
    },
  });
  expect(res.errors).toBeUndefined();
});

const read = async (on: string | null = null) => {
  const res = await s.run<Data>(police, READ, { on }, { services: services() });
  return res;
};
const part = (d: Data) => d.policeUnitAssessment.criteria.find((c: Data) => c.criterion.code === 'TT124-XA-1').effectiveModel;

describe('the effective-model part of TT124-XA-1, from the Front’s model reviews', () => {
  it('asks the Front with the police’s service token, as of the self-assessment day, and flags a "met" no effective model supports', async () => {
    // An effective model only from the day after the self-assessment.
    answer = { steps: [['2022-11-02', 1]] };
    const res = await read();
    expect(res.errors).toBeUndefined();
    // One question for the request, however many fields read the part.
    expect(asked).toEqual([{ path: '/services/effectiveModelSteps', auth: 'Bearer service-token-of-police', body: { unitIds: [CHIENG_PHA], year: 2022 } }]);
    expect(part(res.data!)).toEqual({
      readOn: '2022-11-01',
      support: 'NOT_SUPPORTED',
      supportVi: 'không được hồ sơ chứng minh',
      effectiveModels: 0,
      recorded: true,
      contradictsRecords: true,
      reason: null,
    });
    // The criterion is not met on the records, beside the typed value and the computed figure.
    const xa1 = res.data!.policeUnitAssessment.criteria.find((c: Data) => c.criterion.code === 'TT124-XA-1');
    expect(xa1).toMatchObject({ met: false, status: 'NOT_MET', statusVi: 'chưa đạt', unknownReason: null, recorded: true, contradictsRecords: true });
    expect(xa1.note).toMatch(/đến ngày 01\/11\/2022: 0 mô hình .* không được hồ sơ chứng minh/);
    // The other criteria have no such part; the typed result is kept as typed.
    const others = res.data!.policeUnitAssessment.criteria.filter((c: Data) => c.criterion.code !== 'TT124-XA-1');
    expect(others.map((c: Data) => c.effectiveModel)).toEqual(others.map(() => null));
    const stored = s.sqlite.prepare(`SELECT met FROM criterion_results WHERE code = 'TT124-XA-1' AND superseded_at IS NULL`).all() as { met: number }[];
    expect(stored).toEqual([{ met: 1 }]);
  });

  it('reads the reviews as of the day asked, and shows the computed figure when they support it', async () => {
    answer = {
      steps: [
        ['2022-03-01', 1],
        ['2022-06-30', 2],
        ['2022-08-01', 0],
      ],
    };
    const res = await read('2022-06-30');
    expect(asked).toHaveLength(1);
    expect(part(res.data!)).toMatchObject({
      readOn: '2022-06-30',
      support: 'SUPPORTED',
      supportVi: 'được hồ sơ chứng minh',
      effectiveModels: 2,
      contradictsRecords: false,
    });
    // Without a day the part is the one the criterion was computed with: the self-assessment day, when none was rated effective any more.
    expect(part((await read()).data!)).toMatchObject({ readOn: '2022-11-01', support: 'NOT_SUPPORTED', effectiveModels: 0 });
    expect(part((await read('2022-02-28')).data!)).toMatchObject({ support: 'NOT_SUPPORTED', effectiveModels: 0 });
  });

  it('reads a recognised assessment as of its decision day', async () => {
    answer = { steps: [['2022-11-05', 1]] };
    s.sqlite.prepare(`UPDATE standard_assessments SET decision_number = '7/QĐ-UBND', decided_on = '2022-11-10' WHERE superseded_at IS NULL`).run();
    expect(part((await read()).data!)).toMatchObject({ readOn: '2022-11-10', support: 'SUPPORTED', effectiveModels: 1 });
  });

  it.each([
    ['answers with an error', { status: 500 }, /Mặt trận không trả lời/],
    ['closes the connection', { hang: true }, /Mặt trận không trả lời/],
    ['refuses the question', { status: 400 }, /không trả lời được cho đơn vị và năm này/],
  ])('says the part is unknown, with the reason, when the Front %s; the rest of the query answers', async (_w, a, reason) => {
    answer = a;
    const res = await read();
    expect(res.errors).toBeUndefined();
    // The commune's areas are not recognised (TT124-XA-4): the result is not met whatever the Front says.
    expect(res.data!.policeUnitAssessment.result).toBe('NOT_MET');
    expect(res.data!.policeUnitAssessment.criteria).toHaveLength(4);
    // The criterion is unknown with the reason, never the typed "met".
    const xa1 = res.data!.policeUnitAssessment.criteria.find((c: Data) => c.criterion.code === 'TT124-XA-1');
    expect(xa1).toMatchObject({ met: false, status: 'UNKNOWN', statusVi: 'chưa xác định được', recorded: true, contradictsRecords: false });
    expect(xa1.unknownReason).toMatch(reason);
    expect(part(res.data!)).toMatchObject({
      support: 'UNKNOWN',
      supportVi: 'chưa xác định',
      effectiveModels: null,
      contradictsRecords: false,
      reason: expect.stringMatching(reason),
    });
    expect(part(res.data!).reason).not.toMatch(/127\.0\.0\.1|front|http/i);
  });

  it('says the part is unknown when the subgraph cannot ask the Front at all, and refuses a malformed day naming the field', async () => {
    const res = await s.run<Data>(police, READ, {});
    expect(part(res.data!)).toMatchObject({ support: 'UNKNOWN', reason: expect.stringMatching(/chưa được cấu hình/) });
    const bad = await s.run(police, READ, { on: '2022-13-40' }, { services: services() });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors?.[0]?.message).not.toContain('2022-13-40');
  });
});

describe('the Front’s figure in a commune’s recognition and in the indicators', () => {
  let steps: FrontSteps = [];
  const fake = () => fakeFrontModels(() => steps);
  let t: TestSubgraph;
  const RECOGNIZE = `mutation ($id: ID!, $on: Date!) { recognizeStandardAssessment(id: $id, decisionNumber: "7/QĐ-UBND", decidedOn: $on, authority: "UBND") { id } }`;
  const READ_RECOGNITION = `{
    policeUnitAssessment(unitId: "${CHIENG_PHA}", year: 2022) { result recognition { support supportVi unknownReason unsupportedCriteria { criterion { code } } } }
    unit(id: "${PROVINCE}") { police { standardIndicators(year: 2022, figures: LIVE) { communes { numerator recognised unsupported unknown unknownReason } } } }
  }`;
  const ok = async (query: string, variables: Record<string, unknown> = {}, services = fake()) => {
    const res = await t.run<Data>(police, query, variables, { services });
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeEach(async () => {
    t = await openTestSubgraph(subgraph, { today: '2026-11-27' });
    for (const area of territory()
      .childrenOn(CHIENG_PHA, '2022-11-15')
      .filter((u) => u.level === 'RESIDENTIAL_AREA')) {
      const { recordStandardAssessment: a } = await ok(`mutation ($input: RecordStandardAssessmentInput!) { recordStandardAssessment(input: $input) { id } }`, {
        input: {
          year: 2022,
          unitId: area.id,
          registeredOn: '2022-02-01',
          householdsTotal: 50,
          householdsRegistered: 50,
          selfAssessedOn: '2022-10-01',
          criteria: ['TT124-KDC-1', 'TT124-KDC-2', 'TT124-KDC-3', 'TT124-KDC-4', 'TT124-KDC-5'].map((code) => ({ code, met: true })),
        },
      });
      await ok(RECOGNIZE, { id: a.id, on: '2022-11-05' });
    }
    // Every area recognised by 5 November: the commune's share is met; its TT124-XA-1 waits for the Front.
    const { recordStandardAssessment: c } = await ok(`mutation ($input: RecordStandardAssessmentInput!) { recordStandardAssessment(input: $input) { id } }`, {
      input: {
        year: 2022,
        unitId: CHIENG_PHA,
        registeredOn: '2022-02-01',
        selfAssessedOn: '2022-11-10',
        criteria: ['TT124-XA-1', 'TT124-XA-2', 'TT124-XA-3'].map((code) => ({ code, met: true })),
      },
    });
    await ok(RECOGNIZE, { id: c.id, on: '2022-11-12' });
  });

  it('reads the recognition as of its decision day, and the indicators count it only when the Front’s figure supports it', async () => {
    const cases: [FrontSteps, string, Data][] = [
      [[], 'NOT_SUPPORTED', { numerator: 0, recognised: 1, unsupported: 1, unknown: 0, unknownReason: null }],
      // Rated effective only the day after the decision.
      [[['2022-11-13', 1]], 'NOT_SUPPORTED', { numerator: 0, recognised: 1, unsupported: 1, unknown: 0, unknownReason: null }],
      [[['2022-11-12', 1]], 'SUPPORTED', { numerator: 1, recognised: 1, unsupported: 0, unknown: 0, unknownReason: null }],
      ['UNREACHABLE', 'UNKNOWN', { numerator: 0, recognised: 1, unsupported: 0, unknown: 1, unknownReason: expect.stringMatching(/Mặt trận không trả lời/) }],
    ];
    for (const [said, support, communes] of cases) {
      steps = said;
      const services = fake();
      const d = await ok(READ_RECOGNITION, {}, services);
      expect(d.policeUnitAssessment.recognition.support, JSON.stringify(said)).toBe(support);
      expect(d.policeUnitAssessment.result).toBe(support === 'SUPPORTED' ? 'MET' : support === 'UNKNOWN' ? 'UNKNOWN' : 'NOT_MET');
      expect(d.policeUnitAssessment.recognition.unsupportedCriteria.map((c: Data) => c.criterion.code)).toEqual(
        support === 'NOT_SUPPORTED' ? ['TT124-XA-1'] : [],
      );
      expect(d.unit.police.standardIndicators.communes).toEqual(communes);
      // One question for the whole request, the indicators' and the assessment's.
      expect(services.asked).toEqual([{ name: 'effectiveModelSteps', body: { unitIds: [CHIENG_PHA], year: 2022 } }]);
    }
    const stored = t.sqlite.prepare(`SELECT decision_number AS n FROM standard_assessments WHERE unit_id = ? AND superseded_at IS NULL`).all(CHIENG_PHA);
    expect(stored).toEqual([{ n: '7/QĐ-UBND' }]);
  });

  it('counts a decision unknown, not supported, when the subgraph cannot ask the Front at all', async () => {
    const res = await t.run<Data>(police, READ_RECOGNITION, {});
    expect(res.errors).toBeUndefined();
    expect(res.data!.policeUnitAssessment.recognition).toMatchObject({
      support: 'UNKNOWN',
      supportVi: 'chưa xác định được',
      unknownReason: expect.stringMatching(/chưa được cấu hình/),
    });
    expect(res.data!.unit.police.standardIndicators.communes).toMatchObject({ numerator: 0, unsupported: 0, unknown: 1 });
  });
});
