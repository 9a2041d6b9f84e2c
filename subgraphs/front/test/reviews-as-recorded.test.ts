/**
 * A reading as recorded at an instant (asRecordedAt) reads each reference's confirmation as it stood
 * then: a review whose model its owner confirmed later was not counted then, and is counted from the
 * confirmation on. The states a check takes are kept in reference_check_states by the database itself.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { recheckReferences, verdictKey, type ReferenceClient } from '@antt/subgraph-kit';
import { CHIENG_LE, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { modelReviews } from '../src/kinds/index.js';
import { subgraph } from '../src/subgraph.js';

const police = staff('police');
const REVIEW = `mutation ($input: RecordFrontModelReviewInput!) { r: recordFrontModelReview(input: $input) { id } }`;
const COUNT = `query ($at: DateTime) { unit(id: "${CHIENG_LE}") { front { modelReviewSummary(periodId: "2021-Q2", asRecordedAt: $at) { count } } } }`;
const review = {
  modelId: 'model:women:9',
  unitId: CHIENG_LE,
  reviewedOn: '2021-04-20',
  rating: 'EFFECTIVE',
  decision: 'KEEP',
  evidence: 'Không có người tái phạm; nhân dân tham gia tích cực.',
};
/** The owner of the model answers every question with `verdict`, as the re-check asks it. */
const owner = (verdict: 'FOUND' | 'NOT_FOUND') => ({ ask: async (q: { ids: string[] }) => q.ids.map(() => verdict) }) as unknown as ReferenceClient;
const tick = () => new Promise((r) => setTimeout(r, 5));

let s: TestSubgraph;
beforeEach(async () => {
  s = await openTestSubgraph(subgraph, { today: '2026-11-27' });
});

const count = async (at: string | null = null) => {
  const res = await s.run<{ unit: { front: { modelReviewSummary: { count: number } } } }>(leadership(), COUNT, { at });
  expect(res.errors).toBeUndefined();
  return res.data!.unit.front.modelReviewSummary.count;
};
const states = () =>
  (
    s.sqlite
      .prepare(`SELECT h.state FROM reference_check_states h JOIN reference_checks c ON c.id = h.check_id WHERE c.record_table = 'model_reviews' ORDER BY h.id`)
      .all() as { state: string }[]
  ).map((r) => r.state);

describe('a reading as recorded at an instant, of records naming another organization’s record', () => {
  it('reads the reference’s confirmation as it stood then, not as it stands now', async () => {
    const res = await s.run(
      police,
      REVIEW,
      { input: review },
      { referenceVerdicts: new Map([[verdictKey(modelReviews, 'modelId', review.modelId), 'UNREACHABLE']]) },
    );
    expect(res.errors).toBeUndefined();
    await tick();
    const whilePending = new Date().toISOString();
    await tick();
    expect(await count()).toBe(0);
    expect(await recheckReferences('front', s.db, owner('FOUND'))).toEqual({ verified: 1, refused: 0, pending: 0 });
    await tick();
    const afterConfirmed = new Date().toISOString();
    expect(states()).toEqual(['PENDING', 'VERIFIED']);
    // Now it counts; read as recorded while its model was unconfirmed, it did not.
    expect(await count()).toBe(1);
    expect(await count(whilePending)).toBe(0);
    expect(await count(afterConfirmed)).toBe(1);
  });

  it('keeps each state in the history from the instant the check took it (noted, then refused)', async () => {
    const unconfirmed = { referenceVerdicts: new Map([[verdictKey(modelReviews, 'modelId', 'model:women:12'), 'UNREACHABLE' as const]]) };
    const made = await s.run<{ r: { id: string } }>(police, REVIEW, { input: { ...review, modelId: 'model:women:12' } }, unconfirmed);
    expect(made.errors).toBeUndefined();
    await recheckReferences('front', s.db, owner('NOT_FOUND'));
    expect(states()).toEqual(['PENDING', 'REFUSED']);
    const at = s.sqlite.prepare(`SELECT since FROM reference_check_states ORDER BY id`).all() as { since: string }[];
    const check = s.sqlite.prepare(`SELECT noted_at, checked_at FROM reference_checks`).get() as { noted_at: string; checked_at: string };
    expect(at.map((r) => r.since)).toEqual([check.noted_at, check.checked_at]);
  });
});
