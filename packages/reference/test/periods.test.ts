import { describe, expect, it } from 'vitest';
import { periodById, periodContaining, periodsBetween } from '../src/index.js';

describe('reporting periods', () => {
  it('takes the plan year from 10 December to 9 December, due before 10 December', () => {
    expect(periodContaining('PLAN_YEAR', '2021-12-09')).toMatchObject({ id: '2021-PLAN-Y', start: '2020-12-10', end: '2021-12-09', dueBefore: '2021-12-10' });
    expect(periodContaining('PLAN_YEAR', '2021-12-10')?.id).toBe('2022-PLAN-Y');
    expect(periodContaining('PLAN_YEAR', '2020-12-10')?.id).toBe('2021-PLAN-Y');
  });

  it('takes the six-month report from 10 December to 9 June, due before 10 June, and none in between', () => {
    expect(periodContaining('PLAN_SIX_MONTH', '2021-01-15')).toMatchObject({
      id: '2021-PLAN-6M',
      start: '2020-12-10',
      end: '2021-06-09',
      dueBefore: '2021-06-10',
    });
    expect(periodContaining('PLAN_SIX_MONTH', '2020-12-10')?.id).toBe('2021-PLAN-6M');
    expect(periodContaining('PLAN_SIX_MONTH', '2021-06-10')).toBeNull();
    expect(periodContaining('PLAN_SIX_MONTH', '2021-12-09')).toBeNull();
  });

  it('follows Circular 124 for assessments: residential areas 1 November–31 October, other units 16 November–15 November', () => {
    expect(periodContaining('ASSESSMENT_RESIDENTIAL', '2022-10-31')).toMatchObject({ id: '2022-ATANTT-KDC', start: '2021-11-01', end: '2022-10-31' });
    expect(periodContaining('ASSESSMENT_RESIDENTIAL', '2022-11-01')?.id).toBe('2023-ATANTT-KDC');
    expect(periodContaining('ASSESSMENT_UNIT', '2022-11-15')).toMatchObject({ id: '2022-ATANTT-UNIT', start: '2021-11-16', end: '2022-11-15' });
    expect(periodContaining('ASSESSMENT_UNIT', '2022-11-16')?.id).toBe('2023-ATANTT-UNIT');
  });

  it('has months, quarters and years with stable ids, including leap Februaries', () => {
    expect(periodContaining('MONTH', '2024-02-29')).toMatchObject({ id: '2024-02', start: '2024-02-01', end: '2024-02-29', dueBefore: '2024-03-01' });
    expect(periodContaining('QUARTER', '2021-05-26')).toMatchObject({ id: '2021-Q2', start: '2021-04-01', end: '2021-06-30', labelVi: 'Quý II/2021' });
    expect(periodContaining('YEAR', '2021-05-26')).toMatchObject({ id: '2021', start: '2021-01-01', end: '2021-12-31' });
  });

  it('finds a period from its id again, and nothing for a malformed id', () => {
    for (const id of ['2021-05', '2021-Q2', '2021', '2021-PLAN-6M', '2021-PLAN-Y', '2022-ATANTT-KDC', '2022-ATANTT-UNIT']) expect(periodById(id)?.id).toBe(id);
    for (const id of ['2021-13', '2021-Q5', 'PLAN-Y', '', '2021-02-30']) expect(periodById(id)).toBeNull();
    expect(periodContaining('MONTH', '2021-02-30')).toBeNull();
  });

  it('tiles each calendar without gaps or overlaps', () => {
    for (const cal of ['MONTH', 'QUARTER', 'YEAR', 'PLAN_YEAR', 'ASSESSMENT_RESIDENTIAL', 'ASSESSMENT_UNIT'] as const) {
      const ps = periodsBetween(cal, '2021-01-01', '2026-12-31');
      for (let i = 1; i < ps.length; i++) {
        const prevEnd = new Date(`${ps[i - 1]!.end}T00:00:00Z`);
        prevEnd.setUTCDate(prevEnd.getUTCDate() + 1);
        expect(ps[i]!.start).toBe(prevEnd.toISOString().slice(0, 10));
      }
    }
    expect(periodsBetween('PLAN_SIX_MONTH', '2021-01-01', '2022-12-31').map((p) => p.id)).toEqual(['2021-PLAN-6M', '2022-PLAN-6M', '2023-PLAN-6M']);
  });
});
