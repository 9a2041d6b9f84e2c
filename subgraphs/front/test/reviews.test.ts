/**
 * Model reviews kept by the Front: written by the Front and the police, answered as every organization's
 * models' review fields through _entities, and the question the standard asks: did a unit have an
 * effective model in an assessment year.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BINH_THUAN,
  CHIENG_LE,
  CHIENG_PHA,
  PROVINCE,
  THUAN_CHAU,
  TO_HIEU,
  dashboard,
  leadership,
  openTestSubgraph,
  staff,
  type TestSubgraph,
} from '@antt/testing';
import { recheckReferences, verdictKey, type ReferenceClient } from '@antt/subgraph-kit';
import { modelReviews } from '../src/kinds/index.js';
import { subgraph } from '../src/subgraph.js';

const REVIEW = /* GraphQL */ `
  mutation ($input: RecordFrontModelReviewInput!) {
    recordFrontModelReview(input: $input) {
      id
      modelId
      model {
        __typename
      }
      unit {
        id
      }
      reviewedOn
      reviewer {
        id
      }
      rating
      decision
      evidence
      basis
    }
  }
`;
const WOMEN_MODEL_REVIEWS = /* GraphQL */ `
  query ($id: ID!) {
    _entities(representations: [{ __typename: "WomenModel", id: $id }]) {
      ... on WomenModel {
        id
        latestReview {
          rating
          reviewer {
            id
          }
        }
        reviews {
          reviewedOn
        }
      }
    }
  }
`;
const review = {
  modelId: 'model:women:3',
  unitId: CHIENG_PHA,
  reviewedOn: '2021-04-20',
  rating: 'EFFECTIVE',
  decision: 'REPLICATE',
  evidence: 'Không có người tái phạm; nhân dân tham gia tích cực.',
  basis: 'Kế hoạch 92/KH-BCĐ-CAT',
};
const police = staff('police');
const frontOfBinhThuan = staff('front', BINH_THUAN);

let s: TestSubgraph;

/** The id of the n-th record written to a table (new records get opaque ids). */
const idOf = (table: string, n = 1) =>
  (s.sqlite.prepare(`SELECT record_id FROM ${table} WHERE version = 1 ORDER BY id LIMIT 1 OFFSET ?`).get(n - 1) as { record_id: string }).record_id;
beforeEach(async () => {
  s = await openTestSubgraph(subgraph);
});

describe('recording a review', () => {
  it('records a police review of a women’s union model, naming the model by its id', async () => {
    expect(await s.run(police, REVIEW, { input: review })).toEqual({
      data: {
        recordFrontModelReview: {
          id: idOf('model_reviews'),
          modelId: 'model:women:3',
          model: { __typename: 'WomenModel' },
          unit: { id: CHIENG_PHA },
          reviewedOn: '2021-04-20',
          reviewer: { id: 'police' },
          rating: 'EFFECTIVE',
          decision: 'REPLICATE',
          evidence: review.evidence,
          basis: review.basis,
        },
      },
    });
  });

  it('refuses a review by another organization or leadership, or outside the jurisdiction, and writes nothing', async () => {
    for (const who of [staff('women', BINH_THUAN), leadership(), dashboard()])
      expect((await s.run(who, REVIEW, { input: review })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.run(frontOfBinhThuan, REVIEW, { input: { ...review, unitId: CHIENG_LE } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(s.count('model_reviews')).toBe(0);
  });

  it('lets the police correct and void the reviews they recorded, never the Front\u2019s, each with its reason and history', async () => {
    const CORRECT = `mutation ($id: ID!, $changes: CorrectFrontModelReviewInput!) { correctFrontModelReview(id: $id, changes: $changes, reason: "Sửa căn cứ đánh giá") { id version evidence } }`;
    const VOID = `mutation ($id: ID!) { voidFrontModelReview(id: $id, reason: "Ghi nhầm mô hình") { id status } }`;
    const own = (await s.run<{ recordFrontModelReview: { id: string } }>(police, REVIEW, { input: review })).data!.recordFrontModelReview.id;
    const fronts = (await s.run<{ recordFrontModelReview: { id: string } }>(staff('front'), REVIEW, { input: review })).data!.recordFrontModelReview.id;
    const corrected = await s.run(police, CORRECT, { id: own, changes: { evidence: 'Không có người tái phạm trong hai năm liền.' } });
    expect(corrected.errors, JSON.stringify(corrected.errors)).toBeUndefined();
    expect(corrected.data).toEqual({ correctFrontModelReview: { id: own, version: 2, evidence: 'Không có người tái phạm trong hai năm liền.' } });
    const renamed = await s.run(police, CORRECT, { id: own, changes: { reviewerOrg: 'front' } });
    expect(renamed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes.reviewerOrg' });
    expect(renamed.errors?.[0]?.message).not.toContain('front');
    expect((await s.run(police, VOID, { id: own })).data).toEqual({ voidFrontModelReview: { id: own, status: 'VOIDED' } });
    // The Front's review stays the Front's: the police are refused and nothing changes.
    const refused = await s.run(police, VOID, { id: fronts });
    expect(refused.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(s.count('model_reviews')).toBe(2);
    expect((await s.run(staff('front'), VOID, { id: fronts })).data).toEqual({ voidFrontModelReview: { id: fronts, status: 'VOIDED' } });
  });

  it.each([
    ['a model id that names no model', { modelId: 'mô hình Chiềng Sơn' }, 'input.modelId', 'INVALID_MODEL_ID'],
    ['an organization that is not in the plan', { modelId: 'model:ministry:1' }, 'input.modelId', 'INVALID_MODEL_ID'],
    ['an ineffective model proposed for replication', { rating: 'INEFFECTIVE', decision: 'REPLICATE' }, 'input.decision', 'DECISION_CONTRADICTS_RATING'],
    ['an effective model proposed for removal', { rating: 'EFFECTIVE', decision: 'REMOVE' }, 'input.decision', 'DECISION_CONTRADICTS_RATING'],
    ['a date in the future', { reviewedOn: '2999-01-01' }, 'input.reviewedOn', 'DATE_IN_FUTURE'],
    ['no evidence', { evidence: ' ' }, 'input.evidence', 'REQUIRED'],
    ['an unknown unit', { unitId: 'commune:00000@2019' }, 'input.unitId', 'UNKNOWN_UNIT'],
    ['a date before the unit existed', { unitId: BINH_THUAN, reviewedOn: '2024-11-01' }, 'input.reviewedOn', 'BEFORE_UNIT'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
    const res = await s.run(police, REVIEW, { input: { ...review, ...change } });
    expect(res.data).toEqual({ recordFrontModelReview: null });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('model_reviews')).toBe(0);
  });
});

describe('the review fields of every organization’s models', () => {
  it('answers a women’s union model’s reviews through _entities, oldest first, the newest as the latest', async () => {
    await s.run(police, REVIEW, { input: review });
    await s.run(frontOfBinhThuan, REVIEW, { input: { ...review, reviewedOn: '2022-11-10', rating: 'AVERAGE', decision: 'KEEP' } });
    expect(await s.run(leadership(), WOMEN_MODEL_REVIEWS, { id: 'model:women:3' })).toEqual({
      data: {
        _entities: [
          {
            id: 'model:women:3',
            latestReview: { rating: 'AVERAGE', reviewer: { id: 'front' } },
            reviews: [{ reviewedOn: '2021-04-20' }, { reviewedOn: '2022-11-10' }],
          },
        ],
      },
    });
  });

  it('shows a model’s reviews to the organization that runs it, and to other organizations nothing (without failing the list)', async () => {
    await s.run(police, REVIEW, { input: review });
    expect(await s.run(staff('women', BINH_THUAN), WOMEN_MODEL_REVIEWS, { id: 'model:women:3' })).toEqual({
      data: {
        _entities: [{ id: 'model:women:3', latestReview: { rating: 'EFFECTIVE', reviewer: { id: 'police' } }, reviews: [{ reviewedOn: '2021-04-20' }] }],
      },
    });
    expect(await s.run(staff('women', TO_HIEU), WOMEN_MODEL_REVIEWS, { id: 'model:women:3' })).toEqual({
      data: { _entities: [{ id: 'model:women:3', latestReview: null, reviews: [] }] },
    });
    expect(await s.run(staff('youth'), WOMEN_MODEL_REVIEWS, { id: 'model:women:3' })).toEqual({
      data: { _entities: [{ id: 'model:women:3', latestReview: null, reviews: [] }] },
    });
  });

  it('does not trust a representation whose id names another organization’s model', async () => {
    await s.run(police, REVIEW, { input: review });
    expect(await s.run(leadership(), WOMEN_MODEL_REVIEWS, { id: 'model:police:3' })).toEqual({ data: { _entities: [null] } });
  });

  it('lists reviews for the Front, the police and leadership only', async () => {
    await s.run(police, REVIEW, { input: review });
    const q = `{ frontModelReviews(unitId: "${THUAN_CHAU}") { nodes { modelId rating } } }`;
    expect(await s.run(frontOfBinhThuan, `{ frontModelReviews { nodes { modelId } } }`)).toEqual({
      data: { frontModelReviews: { nodes: [{ modelId: 'model:women:3' }] } },
    });
    expect(await s.run(leadership(), q)).toEqual({ data: { frontModelReviews: { nodes: [{ modelId: 'model:women:3', rating: 'EFFECTIVE' }] } } });
    expect((await s.run(staff('women'), q)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.run(dashboard(), q)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('at least one effective model (Circular 124/2021, the commune criterion)', () => {
  const EFFECTIVE = /* GraphQL */ `
    query ($unit: ID!, $year: Int!) {
      unit(id: $unit) {
        front {
          hasEffectiveModel(year: $year)
          effectiveModels(year: $year) {
            __typename
            ... on WomenModel {
              id
            }
            ... on FarmersModel {
              id
            }
          }
        }
      }
    }
  `;
  const answer = (has: boolean, models: { __typename: string; id: string }[]) => ({
    data: { unit: { front: { hasEffectiveModel: has, effectiveModels: models } } },
  });

  beforeEach(async () => {
    // Assessment year 2021 runs 16/11/2020 to 15/11/2021; 2022 from 16/11/2021.
    await s.run(police, REVIEW, { input: { ...review, reviewedOn: '2021-10-01' } });
    await s.run(police, REVIEW, { input: { ...review, modelId: 'model:farmers:2', reviewedOn: '2021-03-01', decision: 'KEEP' } });
    await s.run(police, REVIEW, { input: { ...review, modelId: 'model:farmers:2', reviewedOn: '2021-10-05', rating: 'AVERAGE', decision: 'KEEP' } });
    await s.run(police, REVIEW, { input: { ...review, reviewedOn: '2021-11-20', rating: 'INEFFECTIVE', decision: 'REMOVE' } });
  });

  it('counts a model whose latest review in the year rated it effective, in the old commune, its old district and today’s commune', async () => {
    for (const unit of [CHIENG_PHA, THUAN_CHAU, BINH_THUAN, PROVINCE])
      expect(await s.run(police, EFFECTIVE, { unit, year: 2021 })).toEqual(answer(true, [{ __typename: 'WomenModel', id: 'model:women:3' }]));
  });

  it('does not count it elsewhere, nor in a year whose latest review found it wanting', async () => {
    expect(await s.run(police, EFFECTIVE, { unit: TO_HIEU, year: 2021 })).toEqual(answer(false, []));
    expect(await s.run(police, EFFECTIVE, { unit: BINH_THUAN, year: 2022 })).toEqual(answer(false, []));
  });

  it('answers for the days a unit existed across a reform: a review after the old commune ceased counts for its successor only', async () => {
    // Xã Chiềng Pha (2013 map) ceased on 31/01/2025; its residential area 01 is in Xã Bình Thuận since 1/7/2025.
    // Assessment year 2025 runs 16/11/2024 to 15/11/2025.
    const area = 'area:03730-01';
    await s.run(police, REVIEW, { input: { ...review, modelId: 'model:farmers:7', unitId: area, reviewedOn: '2024-12-01', decision: 'KEEP' } });
    await s.run(police, REVIEW, {
      input: { ...review, modelId: 'model:farmers:7', unitId: area, reviewedOn: '2025-09-01', rating: 'INEFFECTIVE', decision: 'REMOVE' },
    });
    await s.run(police, REVIEW, { input: { ...review, modelId: 'model:women:8', unitId: area, reviewedOn: '2025-08-01' } });
    const at = (unit: string) => s.run(police, EFFECTIVE, { unit, year: 2025 });
    // The old commune: its days only (16/11/2024 to 31/01/2025), where the farmers' model was last rated effective.
    expect(await at(CHIENG_PHA)).toEqual(answer(true, [{ __typename: 'FarmersModel', id: 'model:farmers:7' }]));
    // Its successor: the whole year, through its predecessors: the farmers' model was found wanting in September.
    expect(await at(BINH_THUAN)).toEqual(answer(true, [{ __typename: 'WomenModel', id: 'model:women:8' }]));
    // A year that began after the old commune ceased: refused on the year, naming its successors, no figures.
    const later = await s.run(police, EFFECTIVE, { unit: CHIENG_PHA, year: 2026 });
    expect(later.data).toEqual({ unit: { front: null } });
    expect(later.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year', reason: 'UNIT_CEASED_BEFORE_PERIOD', ceasedOn: '2025-01-31' });
    expect(later.errors?.[0]?.message).toMatch(/^Năm đánh giá: /);
  });

  describe('a review whose model its owner has not confirmed (an unverified reference)', () => {
    const key = (id: string) => verdictKey(modelReviews, 'modelId', id);
    const ownerStopped = (id: string) => ({ referenceVerdicts: new Map([[key(id), 'UNREACHABLE' as const]]) });
    const has = async (unit: string, year = 2021) =>
      ((await s.run(police, EFFECTIVE, { unit, year })).data as { unit: { front: { hasEffectiveModel: boolean } } }).unit.front.hasEffectiveModel;
    /** An owner that answers every question with `verdict`, as the re-check asks it. */
    const owner = (verdict: 'FOUND' | 'NOT_FOUND') => ({ ask: async (q: { ids: string[] }) => q.ids.map(() => verdict) }) as unknown as ReferenceClient;

    it('is kept but never makes a unit have an effective model, until the owner confirms the model', async () => {
      const res = await s.run(police, REVIEW, { input: { ...review, modelId: 'model:women:9', unitId: CHIENG_LE } }, ownerStopped('model:women:9'));
      expect(res.errors).toBeUndefined();
      expect(s.count('model_reviews')).toBe(5);
      expect(await has(CHIENG_LE)).toBe(false);
      expect(await has(TO_HIEU)).toBe(false);
      // The owner answers that it does not keep the model: refused, still not counted.
      await recheckReferences('front', s.db, owner('NOT_FOUND'));
      expect(await has(CHIENG_LE)).toBe(false);
      // The model confirmed by its owner: the review counts from then on.
      await s.run(police, REVIEW, { input: { ...review, modelId: 'model:women:10', unitId: CHIENG_LE } }, ownerStopped('model:women:10'));
      expect(await has(CHIENG_LE)).toBe(false);
      expect(await recheckReferences('front', s.db, owner('FOUND'))).toEqual({ verified: 1, refused: 0, pending: 0 });
      expect(await has(CHIENG_LE)).toBe(true);
    });

    it('never takes away an effective model either: an unverified later rating is not the latest review', async () => {
      // model:women:3 was rated effective in Chiềng Pha on 1/10/2021; an unconfirmed review of 10/11/2021 finds it wanting.
      const res = await s.run(
        police,
        REVIEW,
        { input: { ...review, reviewedOn: '2021-11-10', rating: 'INEFFECTIVE', decision: 'REMOVE' } },
        ownerStopped('model:women:3'),
      );
      expect(res.errors).toBeUndefined();
      expect(await has(CHIENG_PHA)).toBe(true);
      await recheckReferences('front', s.db, owner('FOUND'));
      expect(await has(CHIENG_PHA)).toBe(false);
    });

    it('is refused when the owner says it keeps no such model in the area', async () => {
      const res = await s.run(
        police,
        REVIEW,
        { input: { ...review, modelId: 'model:women:11' } },
        { referenceVerdicts: new Map([[key('model:women:11'), 'NOT_FOUND']]) },
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.modelId', reason: 'UNKNOWN_REFERENCE' });
      expect(s.count('model_reviews')).toBe(4);
    });
  });

  it('gives a dashboard the yes or no but not the models, and refuses a year outside the records', async () => {
    expect(await s.run(dashboard(), `{ unit(id: "${BINH_THUAN}") { front { hasEffectiveModel(year: 2021) } } }`)).toEqual({
      data: { unit: { front: { hasEffectiveModel: true } } },
    });
    expect((await s.run(dashboard(), EFFECTIVE, { unit: BINH_THUAN, year: 2021 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.run(staff('women'), EFFECTIVE, { unit: BINH_THUAN, year: 2021 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.run(police, EFFECTIVE, { unit: BINH_THUAN, year: 1990 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'year',
      reason: 'YEAR_OUT_OF_RANGE',
    });
  });
});

describe('each model\u2019s latest review as of a period\u2019s end', () => {
  const LATEST = /* GraphQL */ `
    query ($unit: ID!, $period: ID!) {
      unit(id: $unit) {
        front {
          latestModelReviews(periodId: $period) {
            count
            byRating {
              rating
              count
            }
          }
          modelReviewSummary(periodId: $period) {
            count
          }
        }
      }
    }
  `;
  const counts = (effective: number, average: number, ineffective: number) => [
    { rating: 'EFFECTIVE', count: effective },
    { rating: 'AVERAGE', count: average },
    { rating: 'INEFFECTIVE', count: ineffective },
  ];
  const write = async (modelId: string, reviewedOn: string, rating: string, decision: string) =>
    expect((await s.run(police, REVIEW, { input: { ...review, modelId, reviewedOn, rating, decision } })).errors).toBeUndefined();

  it('counts each model once, by its review on or before the last day, however long before, never one made later', async () => {
    // Model 3: effective, then ineffective within 2021, then effective again in 2022. Model 4: average in 2020 only.
    await write('model:women:3', '2021-03-10', 'EFFECTIVE', 'REPLICATE');
    await write('model:women:3', '2021-08-10', 'INEFFECTIVE', 'REMOVE');
    await write('model:women:3', '2022-02-10', 'EFFECTIVE', 'KEEP');
    await write('model:women:4', '2020-06-10', 'AVERAGE', 'KEEP');
    const latest = async (period: string, unit = CHIENG_PHA) => {
      const res = await s.run(leadership(), LATEST, { unit, period });
      expect(res.errors).toBeUndefined();
      return (res.data as { unit: { front: { latestModelReviews: unknown; modelReviewSummary: { count: number } } } }).unit.front;
    };
    // 2021: model 3 stood ineffective at the end of the year, model 4 average since 2020; two reviews were made in the year.
    expect(await latest('2021')).toEqual({ latestModelReviews: { count: 2, byRating: counts(0, 1, 1) }, modelReviewSummary: { count: 2 } });
    // The end of June 2021: model 3's review of March, not the later one.
    expect((await latest('2021-06')).latestModelReviews).toEqual({ count: 2, byRating: counts(1, 1, 0) });
    expect((await latest('2022')).latestModelReviews).toEqual({ count: 2, byRating: counts(1, 1, 0) });
    // Before any review, and in a unit elsewhere: none.
    expect((await latest('2020-05')).latestModelReviews).toEqual({ count: 0, byRating: counts(0, 0, 0) });
    expect((await latest('2021', CHIENG_LE)).latestModelReviews).toEqual({ count: 0, byRating: counts(0, 0, 0) });
  });

  it('reads the reviews as the graph held them at an instant: later reviews, corrections and voids are not seen', async () => {
    const AS_OF = /* GraphQL */ `
      query ($unit: ID!, $period: ID!, $at: DateTime) {
        unit(id: $unit) {
          front {
            latestModelReviews(periodId: $period, asRecordedAt: $at) {
              count
              byRating {
                rating
                count
              }
            }
          }
        }
      }
    `;
    const latest = async (at: string | null) => {
      const res = await s.run(leadership(), AS_OF, { unit: CHIENG_PHA, period: '2021', at });
      expect(res.errors).toBeUndefined();
      return (res.data as { unit: { front: { latestModelReviews: unknown } } }).unit.front.latestModelReviews;
    };
    const first = await s.run<{ recordFrontModelReview: { id: string } }>(police, REVIEW, {
      input: { ...review, modelId: 'model:women:3', reviewedOn: '2021-03-10', rating: 'EFFECTIVE', decision: 'REPLICATE' },
    });
    expect(first.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 5));
    const at = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    // After the instant: a later review of model 3, a review of model 4, and the first review voided.
    await write('model:women:3', '2021-08-10', 'INEFFECTIVE', 'REMOVE');
    await write('model:women:4', '2021-05-10', 'AVERAGE', 'KEEP');
    const voided = await s.run(staff('front'), `mutation ($id: ID!) { voidFrontModelReview(id: $id, reason: "Ghi nhầm mô hình") { id } }`, {
      id: first.data!.recordFrontModelReview.id,
    });
    expect(voided.errors, JSON.stringify(voided.errors)).toBeUndefined();
    expect(await latest(null)).toEqual({ count: 2, byRating: counts(0, 1, 1) });
    expect(await latest(at)).toEqual({ count: 1, byRating: counts(1, 0, 0) });
    // Written with another offset, the same instant.
    expect(await latest(new Date(Date.parse(at) + 7 * 3600_000).toISOString().replace('Z', '+07:00'))).toEqual({ count: 1, byRating: counts(1, 0, 0) });
    const bad = await s.run(leadership(), AS_OF, { unit: CHIENG_PHA, period: '2021', at: 'hôm qua' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATETIME' });
    expect(bad.errors?.[0]?.message).not.toContain('hôm qua');
  });

  it('refuses an unknown period naming the field', async () => {
    const res = await s.run(leadership(), LATEST, { unit: CHIENG_PHA, period: '2021-13' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodId' });
    expect(res.errors?.[0]?.message).not.toContain('2021-13');
  });
});
