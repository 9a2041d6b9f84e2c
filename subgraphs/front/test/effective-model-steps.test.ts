/**
 * The question the police's standard asks the Front for many units at once (`effectiveModelSteps`): how a
 * unit's count of effective models moved through an assessment year. Read on any day, the steps give the
 * count the one-day answer (`effectiveModels`) gives for that day; a unit that ceased before the year is
 * answered null; a malformed question is refused naming the field; a reading as recorded at an instant
 * leaves out reviews recorded later.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { territory } from '@antt/reference';
import { createContext, ServiceQuestionError } from '@antt/subgraph-kit';
import { CHIENG_PHA, PROVINCE, staff, type TestSubgraph, openTestSubgraph } from '@antt/testing';
import { effectiveModelsAnswer, effectiveModelStepsAnswer } from '../src/resolvers/reviews.js';
import { subgraph } from '../src/subgraph.js';

const REVIEW = `mutation ($input: RecordFrontModelReviewInput!) { recordFrontModelReview(input: $input) { id } }`;
const front = staff('front', PROVINCE);
let s: TestSubgraph;

const asPolice = () => createContext('front', s.db, { userId: 'service:police', name: 'police', organization: 'police', unitId: PROVINCE, roles: ['STAFF'] });
const steps = (body: Record<string, unknown>) =>
  effectiveModelStepsAnswer.answer(asPolice(), body, 'police') as { units: Record<string, [string, number][] | null> };
const countOn = (day: string, stepsOf: [string, number][]) => stepsOf.filter(([d]) => d <= day).at(-1)?.[1] ?? 0;

async function review(modelId: string, reviewedOn: string, rating: string) {
  const res = await s.run(front, REVIEW, {
    input: { modelId, unitId: CHIENG_PHA, reviewedOn, rating, decision: 'KEEP', evidence: 'Kiểm tra thực tế tại bản.' },
  });
  expect(res.errors).toBeUndefined();
}

beforeEach(async () => {
  s = await openTestSubgraph(subgraph, { today: '2026-11-27' });
});

describe('effectiveModelSteps', () => {
  it('gives, on every day of the year, the count the one-day answer gives', async () => {
    await review('model:women:3', '2022-01-10', 'EFFECTIVE');
    await review('model:women:4', '2022-03-01', 'EFFECTIVE');
    // Two reviews of one model on one day: the later one stands.
    await review('model:women:3', '2022-05-02', 'EFFECTIVE');
    await review('model:women:3', '2022-05-02', 'INEFFECTIVE');
    await review('model:women:4', '2022-09-30', 'INEFFECTIVE');
    await review('model:women:4', '2022-10-15', 'EFFECTIVE');
    const { units } = steps({ unitIds: [CHIENG_PHA], year: 2022 });
    expect(units[CHIENG_PHA]).toEqual([
      ['2022-01-10', 1],
      ['2022-03-01', 2],
      ['2022-05-02', 1],
      ['2022-09-30', 0],
      ['2022-10-15', 1],
    ]);
    for (const day of ['2021-11-16', '2022-01-09', '2022-01-10', '2022-05-01', '2022-05-02', '2022-09-29', '2022-09-30', '2022-11-15']) {
      const one = effectiveModelsAnswer.answer(asPolice(), { unitId: CHIENG_PHA, year: 2022, effectiveOn: day }, 'police');
      expect(countOn(day, units[CHIENG_PHA]!), day).toBe(one.effectiveModels);
    }
  });

  it('answers null for a unit that ceased before the year, and refuses a malformed question naming the field', () => {
    const ceased = territory()
      .unitsOn('2022-06-01', 'COMMUNE')
      .find((u) => !territory().existsOn(u.id, '2025-11-16'))!;
    expect(steps({ unitIds: [ceased.id, CHIENG_PHA], year: 2022 }).units).toEqual({ [ceased.id]: [], [CHIENG_PHA]: [] });
    expect(steps({ unitIds: [ceased.id], year: 2026 }).units).toEqual({ [ceased.id]: null });
    for (const [body, field] of [
      [{ unitIds: [], year: 2022 }, 'unitIds'],
      [{ unitIds: Array(101).fill(CHIENG_PHA), year: 2022 }, 'unitIds'],
      [{ unitIds: ['commune:nowhere'], year: 2022 }, 'unitIds'],
      [{ unitIds: [CHIENG_PHA], year: 'x' }, 'year'],
      [{ unitIds: [CHIENG_PHA], year: 2022, asRecordedAt: 'yesterday' }, 'asRecordedAt'],
    ] as const) {
      expect(() => steps(body)).toThrow(ServiceQuestionError);
      expect(() => steps(body)).toThrow(new RegExp(`^${field}:`));
    }
  });

  it('reads the reviews as the graph held them at an instant', async () => {
    await review('model:women:3', '2022-01-10', 'EFFECTIVE');
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await review('model:women:4', '2022-02-10', 'EFFECTIVE');
    expect(steps({ unitIds: [CHIENG_PHA], year: 2022, asRecordedAt: between }).units[CHIENG_PHA]).toEqual([['2022-01-10', 1]]);
    expect(steps({ unitIds: [CHIENG_PHA], year: 2022 }).units[CHIENG_PHA]).toEqual([
      ['2022-01-10', 1],
      ['2022-02-10', 2],
    ]);
  });
});
