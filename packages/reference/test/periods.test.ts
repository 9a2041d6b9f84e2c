import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_WINDOWS, configureReviewWindows, periodById, periodContaining, periodsBetween, reviewWindowSettings } from '../src/index.js';

describe('reporting periods', () => {
  it('takes the plan year from 10 December to 9 December, due before 10 December', () => {
    expect(periodContaining('PLAN_YEAR', '2021-12-09')).toMatchObject({ id: '2021-PLAN-Y', start: '2020-12-10', end: '2021-12-09', dueBefore: '2021-12-10' });
    expect(periodContaining('PLAN_YEAR', '2021-12-10')?.id).toBe('2022-PLAN-Y');
    expect(periodContaining('PLAN_YEAR', '2020-12-10')?.id).toBe('2021-PLAN-Y');
  });

  it('takes the six-month report from 10 December to 9 June, due before 10 June, then 10 June to 9 December', () => {
    expect(periodContaining('PLAN_SIX_MONTH', '2021-01-15')).toMatchObject({
      id: '2021-PLAN-6M',
      start: '2020-12-10',
      end: '2021-06-09',
      dueBefore: '2021-06-10',
      labelVi: '6 tháng đầu năm 2021 (10/12/2020 – 09/06/2021)',
    });
    expect(periodContaining('PLAN_SIX_MONTH', '2020-12-10')?.id).toBe('2021-PLAN-6M');
    expect(periodContaining('PLAN_SIX_MONTH', '2021-06-09')?.id).toBe('2021-PLAN-6M');
    expect(periodContaining('PLAN_SIX_MONTH', '2021-06-10')).toMatchObject({
      id: '2021-PLAN-6M2',
      start: '2021-06-10',
      end: '2021-12-09',
      dueBefore: '2021-12-10',
      labelVi: '6 tháng cuối năm 2021 (10/06/2021 – 09/12/2021)',
    });
    expect(periodContaining('PLAN_SIX_MONTH', '2021-12-09')?.id).toBe('2021-PLAN-6M2');
    expect(periodContaining('PLAN_SIX_MONTH', '2021-12-10')?.id).toBe('2022-PLAN-6M');
  });

  it('states the first and last day in every label', () => {
    expect(periodById('2021-PLAN-Y')?.labelVi).toBe('Năm 2021 (10/12/2020 – 09/12/2021)');
    expect(periodById('2021-05')?.labelVi).toBe('Tháng 5/2021 (01/05/2021 – 31/05/2021)');
    expect(periodById('2022-ATANTT-UNIT')?.labelVi).toBe('Đánh giá xã, cơ quan, doanh nghiệp, nhà trường năm 2022 (16/11/2021 – 15/11/2022)');
    for (const id of ['2021-05', '2021-Q2', '2021', '2021-PLAN-6M', '2021-PLAN-6M2', '2021-PLAN-Y', '2022-ATANTT-KDC', '2022-ATANTT-UNIT']) {
      const p = periodById(id)!;
      const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
      expect(p.labelVi, id).toContain(`(${dmy(p.start)} – ${dmy(p.end)})`);
    }
  });

  it('follows Circular 124 for assessments: residential areas 1 November–31 October, other units 16 November–15 November', () => {
    expect(periodContaining('ASSESSMENT_RESIDENTIAL', '2022-10-31')).toMatchObject({ id: '2022-ATANTT-KDC', start: '2021-11-01', end: '2022-10-31' });
    expect(periodContaining('ASSESSMENT_RESIDENTIAL', '2022-11-01')?.id).toBe('2023-ATANTT-KDC');
    expect(periodContaining('ASSESSMENT_UNIT', '2022-11-15')).toMatchObject({ id: '2022-ATANTT-UNIT', start: '2021-11-16', end: '2022-11-15' });
    expect(periodContaining('ASSESSMENT_UNIT', '2022-11-16')?.id).toBe('2023-ATANTT-UNIT');
  });

  it('has months, quarters and years with stable ids, including leap Februaries', () => {
    expect(periodContaining('MONTH', '2024-02-29')).toMatchObject({ id: '2024-02', start: '2024-02-01', end: '2024-02-29', dueBefore: '2024-03-01' });
    expect(periodContaining('QUARTER', '2021-05-26')).toMatchObject({
      id: '2021-Q2',
      start: '2021-04-01',
      end: '2021-06-30',
      labelVi: 'Quý II/2021 (01/04/2021 – 30/06/2021)',
    });
    expect(periodContaining('YEAR', '2021-05-26')).toMatchObject({ id: '2021', start: '2021-01-01', end: '2021-12-31' });
  });

  it('finds a period from its id again, and nothing for a malformed id', () => {
    for (const id of ['2021-05', '2021-Q2', '2021', '2021-PLAN-6M', '2021-PLAN-6M2', '2021-PLAN-Y', '2022-ATANTT-KDC', '2022-ATANTT-UNIT'])
      expect(periodById(id)?.id).toBe(id);
    for (const id of ['2021-13', '2021-Q5', 'PLAN-Y', '', '2021-02-30']) expect(periodById(id)).toBeNull();
    expect(periodContaining('MONTH', '2021-02-30')).toBeNull();
  });

  it('tiles each calendar without gaps or overlaps: every day is in exactly one period of a calendar', () => {
    for (const cal of ['MONTH', 'QUARTER', 'YEAR', 'PLAN_SIX_MONTH', 'PLAN_YEAR', 'REVIEW_YEAR', 'ASSESSMENT_RESIDENTIAL', 'ASSESSMENT_UNIT'] as const) {
      const ps = periodsBetween(cal, '2021-01-01', '2026-12-31');
      for (let i = 1; i < ps.length; i++) {
        const prevEnd = new Date(`${ps[i - 1]!.end}T00:00:00Z`);
        prevEnd.setUTCDate(prevEnd.getUTCDate() + 1);
        expect(ps[i]!.start).toBe(prevEnd.toISOString().slice(0, 10));
      }
    }
    expect(periodsBetween('PLAN_SIX_MONTH', '2021-01-01', '2022-12-31').map((p) => p.id)).toEqual([
      '2021-PLAN-6M',
      '2021-PLAN-6M2',
      '2022-PLAN-6M',
      '2022-PLAN-6M2',
      '2023-PLAN-6M',
    ]);
  });

  it('gives the reviews windows: the yearly sơ kết on the plan year, the tổng kết of the plan and the ten-year review of Programme 09 one window each', () => {
    expect(periodById('2021-SO-KET')).toMatchObject({ calendar: 'REVIEW_YEAR', start: '2020-12-10', end: '2021-12-09' });
    expect(periodContaining('REVIEW_YEAR', '2021-12-10')?.id).toBe('2022-SO-KET');
    expect(periodContaining('REVIEW_PLAN', '2022-03-01')).toMatchObject({ id: 'PLAN155-TONG-KET', start: '2020-12-10', end: '2023-12-09' });
    expect(periodContaining('REVIEW_PLAN', '2023-12-10')).toBeNull();
    expect(periodContaining('REVIEW_PLAN', '2020-12-09')).toBeNull();
    expect(periodById('P09-TONG-KET-10-NAM')).toMatchObject({ calendar: 'REVIEW_P09', start: '2013-12-10', end: '2023-12-09', dueBefore: '2023-12-10' });
    expect(periodById('P09-TONG-KET-10-NAM')!.labelVi).toContain('10/12/2013 – 09/12/2023');
    expect(periodsBetween('REVIEW_P09', '2023-11-01', '2024-01-31').map((p) => p.id)).toEqual(['P09-TONG-KET-10-NAM']);
  });

  it('lets the one-off review windows be configured, and refuses a window that ends before it starts', () => {
    const before = configureReviewWindows({ REVIEW_PLAN: { id: 'PLAN155-TONG-KET', start: '2020-12-10', end: '2025-12-09', labelVi: 'Tổng kết' } });
    try {
      expect(periodContaining('REVIEW_PLAN', '2024-06-01')?.end).toBe('2025-12-09');
      expect(() => configureReviewWindows({ REVIEW_P09: { id: 'P09-X', start: '2023-12-09', end: '2013-12-10', labelVi: 'x' } })).toThrow();
      expect(() => configureReviewWindows({ REVIEW_P09: { id: '2023-X', start: '2013-12-10', end: '2023-12-09', labelVi: 'x' } })).toThrow();
    } finally {
      configureReviewWindows(before);
    }
    expect(periodContaining('REVIEW_PLAN', '2024-06-01')).toBeNull();
  });

  it('takes every review window from one explicit setting per kind, with the plan’s dates by default', () => {
    expect(reviewWindowSettings()).toEqual({
      REVIEW_YEAR: { anchorMonth: 12, anchorDay: 10, firstYear: 2021, lastYear: null },
      REVIEW_PLAN: { id: 'PLAN155-TONG-KET', start: '2020-12-10', end: '2023-12-09', labelVi: expect.stringContaining('2021 – 2023') },
      REVIEW_P09: { id: 'P09-TONG-KET-10-NAM', start: '2013-12-10', end: '2023-12-09', labelVi: expect.stringContaining('09') },
    });
    // The yearly sơ kết starts with the plan: its first window opens on 10/12/2020; before it, no review.
    expect(periodById('2020-SO-KET')).toBeNull();
    expect(periodContaining('REVIEW_YEAR', '2020-12-09')).toBeNull();
    expect(periodContaining('REVIEW_YEAR', '2020-12-10')?.id).toBe('2021-SO-KET');
    // Across a year boundary: 9 and 10 December are in two windows, 31 December and 1 January in one.
    expect(periodContaining('REVIEW_YEAR', '2022-12-31')?.id).toBe(periodContaining('REVIEW_YEAR', '2023-01-01')?.id);
    expect(periodsBetween('REVIEW_YEAR', '2020-01-01', '2023-12-31').map((p) => p.id)).toEqual(['2021-SO-KET', '2022-SO-KET', '2023-SO-KET', '2024-SO-KET']);
  });

  it('gives one frozen period per id, worked out again when the review windows change', () => {
    const year = periodById('2021-PLAN-Y')!;
    expect(periodById('2021-PLAN-Y')).toBe(year);
    expect(Object.isFrozen(year)).toBe(true);
    expect(() => {
      (year as { end: string }).end = '2099-01-01';
    }).toThrow(TypeError);
    const review = periodById('2022-SO-KET')!;
    expect(review).toMatchObject({ start: '2021-12-10', end: '2022-12-09' });
    const before = configureReviewWindows({ REVIEW_YEAR: { anchorMonth: 12, anchorDay: 15, firstYear: 2021, lastYear: null } });
    try {
      expect(periodById('2022-SO-KET')).toMatchObject({ start: '2021-12-15', end: '2022-12-14' });
    } finally {
      configureReviewWindows(before);
    }
    expect(periodById('2022-SO-KET')).toEqual(review);
    expect(periodById('2021-13')).toBeNull();
  });

  it('lets the yearly review move its anchor and its years, and refuses a day not every year has', () => {
    // A province reviewing on the national reporting year (Decree 09/2019: 15/12 – 14/12), the plan's years only.
    const before = configureReviewWindows({ REVIEW_YEAR: { anchorMonth: 12, anchorDay: 15, firstYear: 2021, lastYear: 2023 } });
    try {
      expect(periodById('2022-SO-KET')).toMatchObject({ start: '2021-12-15', end: '2022-12-14' });
      expect(periodContaining('REVIEW_YEAR', '2021-12-14')?.id).toBe('2021-SO-KET');
      expect(periodContaining('REVIEW_YEAR', '2021-12-15')?.id).toBe('2022-SO-KET');
      expect(periodById('2024-SO-KET')).toBeNull();
      expect(() => configureReviewWindows({ REVIEW_YEAR: { anchorMonth: 2, anchorDay: 29, firstYear: 2021, lastYear: null } })).toThrow();
      expect(() => configureReviewWindows({ REVIEW_YEAR: { anchorMonth: 4, anchorDay: 31, firstYear: 2021, lastYear: null } })).toThrow();
      expect(() => configureReviewWindows({ REVIEW_YEAR: { anchorMonth: 12, anchorDay: 10, firstYear: 2023, lastYear: 2021 } })).toThrow();
    } finally {
      configureReviewWindows(before);
    }
    expect(reviewWindowSettings()).toEqual(DEFAULT_REVIEW_WINDOWS);
    expect(periodById('2024-SO-KET')).toMatchObject({ start: '2023-12-10', end: '2024-12-09' });
  });
});
