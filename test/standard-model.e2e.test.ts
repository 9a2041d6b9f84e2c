/**
 * Issue 13 through the gateway (every subgraph on port 0, no demo data): a commune's criterion TT124-XA-1
 * is computed from the Front's model reviews, which the police read service to service. A commune's
 * recognition, recorded as decided, is "không được hồ sơ chứng minh" while the Front rates no model of
 * the commune effective by the decision's day, and the indicators leave it out of the numerator; once the
 * Front records an effective model reviewed before that day, the criterion, the result, the recognition
 * and the indicators follow; while the Front is down they say "chưa xác định được" with the reason and
 * never fall back to the typed value; the stored decision is never changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { territory } from '@antt/reference';
import { CHIENG_PHA, PROVINCE, staff } from '@antt/testing';
import { post, startFederation, type Federation } from './support/federation.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const police = staff('police', PROVINCE);
const front = staff('front', PROVINCE);
let fed: Federation;

const RECORD = `mutation ($input: RecordStandardAssessmentInput!) { recordStandardAssessment(input: $input) { id } }`;
const RECOGNIZE = `mutation ($id: ID!, $on: Date!) { recognizeStandardAssessment(id: $id, decisionNumber: "7/QĐ-UBND", decidedOn: $on, authority: "UBND xã") { id } }`;
const READ = `{
  policeUnitAssessment(unitId: "${CHIENG_PHA}", year: 2022) {
    result resultVi
    criteria { criterion { code } met status unknownReason }
    recognition { decisionNumber support supportVi unknownReason unsupportedCriteria { criterion { code } note } }
  }
  unit(id: "${CHIENG_PHA}") { police { standardIndicators(year: 2022, figures: LIVE) { communes { numerator recognised unsupported unknown unknownReason } } } }
}`;

async function ok<T = Data>(query: string, variables: Record<string, unknown>, who = police): Promise<T> {
  const res = await post<T>(fed.gateway.url, query, variables, who);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const read = async () => {
  const d = await ok(READ, {});
  const a = d.policeUnitAssessment;
  return {
    result: a.result,
    resultVi: a.resultVi,
    xa1: a.criteria.find((c: Data) => c.criterion.code === 'TT124-XA-1'),
    recognition: a.recognition,
    communes: d.unit.police.standardIndicators.communes,
  };
};

beforeAll(async () => {
  fed = await startFederation();
  // Every residential area of the commune registered, assessed and recognised in 2022.
  const areas = territory()
    .childrenOn(CHIENG_PHA, '2022-11-15')
    .filter((u) => u.level === 'RESIDENTIAL_AREA');
  for (const area of areas) {
    const { recordStandardAssessment: a } = await ok(RECORD, {
      input: {
        year: 2022,
        unitId: area.id,
        registeredOn: '2022-02-01',
        householdsTotal: 80,
        householdsRegistered: 80,
        selfAssessedOn: '2022-10-01',
        chairedBy: 'Trưởng bản',
        criteria: ['TT124-KDC-1', 'TT124-KDC-2', 'TT124-KDC-3', 'TT124-KDC-4', 'TT124-KDC-5'].map((code) => ({ code, met: true })),
      },
    });
    await ok(RECOGNIZE, { id: a.id, on: '2022-11-05' });
  }
  const { recordStandardAssessment: commune } = await ok(RECORD, {
    input: {
      year: 2022,
      unitId: CHIENG_PHA,
      registeredOn: '2022-02-01',
      selfAssessedOn: '2022-11-10',
      criteria: ['TT124-XA-1', 'TT124-XA-2', 'TT124-XA-3'].map((code) => ({ code, met: true })),
    },
  });
  // Recorded as decided: the police's own records support it; the Front's part is read afterwards.
  await ok(RECOGNIZE, { id: commune.id, on: '2022-11-12' });
}, 120_000);

afterAll(async () => {
  await fed?.stop().catch(() => undefined);
});

describe('TT124-XA-1 from the Front’s model reviews, through the gateway', () => {
  it('flags the commune’s recognition while the Front rates no model effective by its day, and counts it when one is', async () => {
    const before = await read();
    expect(before.result).toBe('NOT_MET');
    expect(before.xa1).toEqual({ criterion: { code: 'TT124-XA-1' }, met: false, status: 'NOT_MET', unknownReason: null });
    expect(before.recognition).toMatchObject({
      decisionNumber: '7/QĐ-UBND',
      support: 'NOT_SUPPORTED',
      supportVi: 'không được hồ sơ chứng minh',
      unknownReason: null,
    });
    expect(before.recognition.unsupportedCriteria.map((c: Data) => c.criterion.code)).toEqual(['TT124-XA-1']);
    expect(before.recognition.unsupportedCriteria[0].note).toMatch(/đến ngày 12\/11\/2022: 0 mô hình/);
    expect(before.communes).toEqual({ numerator: 0, recognised: 1, unsupported: 1, unknown: 0, unknownReason: null });

    // The Front records a model of the commune and rates it effective on 1 June 2022.
    const { recordFrontModel: model } = await ok(
      `mutation ($input: RecordFrontModelInput!) { recordFrontModel(input: $input) { id } }`,
      { input: { name: 'Bản tự quản về an ninh, trật tự', kind: 'SELF_MANAGEMENT', unitId: CHIENG_PHA, startedOn: '2022-01-10' } },
      front,
    );
    await ok(
      `mutation ($input: RecordFrontModelReviewInput!) { recordFrontModelReview(input: $input) { id } }`,
      {
        input: {
          modelId: model.id,
          unitId: CHIENG_PHA,
          reviewedOn: '2022-06-01',
          rating: 'EFFECTIVE',
          decision: 'KEEP',
          evidence: 'Kiểm tra thực tế tại bản.',
        },
      },
      front,
    );
    const after = await read();
    expect(after.result).toBe('MET');
    expect(after.resultVi).toBe('đạt');
    expect(after.xa1).toMatchObject({ met: true, status: 'MET' });
    expect(after.recognition).toMatchObject({ support: 'SUPPORTED', unsupportedCriteria: [] });
    expect(after.communes).toEqual({ numerator: 1, recognised: 1, unsupported: 0, unknown: 0, unknownReason: null });
  });

  it('says "chưa xác định được" with the reason while the Front is down, never the typed value; the decision stays as decided', async () => {
    await fed.subgraphs.front.stop();
    try {
      const down = await read();
      expect(down.result).toBe('UNKNOWN');
      expect(down.resultVi).toBe('chưa xác định được');
      expect(down.xa1).toMatchObject({ met: false, status: 'UNKNOWN', unknownReason: expect.stringMatching(/Mặt trận không trả lời/) });
      expect(down.recognition).toMatchObject({ decisionNumber: '7/QĐ-UBND', support: 'UNKNOWN', supportVi: 'chưa xác định được', unsupportedCriteria: [] });
      expect(down.recognition.unknownReason).toMatch(/Mặt trận không trả lời/);
      expect(down.communes).toMatchObject({ numerator: 0, recognised: 1, unsupported: 0, unknown: 1 });
      expect(down.communes.unknownReason).not.toMatch(/http|127\.0\.0\.1|front/i);
    } finally {
      await fed.restart('front');
    }
    expect((await read()).recognition.support).toBe('SUPPORTED');
    const stored = fed.databases.police
      .prepare(`SELECT decision_number AS n, decided_on AS d FROM standard_assessments WHERE unit_id = ? AND superseded_at IS NULL AND year = 2022`)
      .all(CHIENG_PHA);
    expect(stored).toEqual([{ n: '7/QĐ-UBND', d: '2022-11-12' }]);
  });
});
