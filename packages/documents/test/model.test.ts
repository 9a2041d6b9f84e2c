import { describe, expect, it } from 'vitest';
import {
  buildSixMonthReport,
  demoSixMonthFigures,
  formatNumber,
  isFigure,
  numberLine,
  placeAndDate,
  recipientLines,
  tablesOf,
  validateTable,
  type Figure,
} from '../src/index.js';

describe('the content model', () => {
  it('writes figures, numbers and dates the way the decree and Vietnamese usage want', () => {
    expect(formatNumber(151355)).toBe('151.355');
    expect(formatNumber(91.04, 1)).toBe('91,0');
    expect(formatNumber(-1234567)).toBe('-1.234.567');
    expect(numberLine({ number: 7, symbol: 'BC-MTTQ-BTT' })).toBe('Số: 07/BC-MTTQ-BTT');
    expect(numberLine({ number: 155, symbol: 'KH-MTTQ-CAT' })).toBe('Số: 155/KH-MTTQ-CAT');
    expect(placeAndDate({ place: 'Sơn La', date: '2021-05-26' })).toBe('Sơn La, ngày 26 tháng 5 năm 2021');
    expect(placeAndDate({ place: 'Sơn La', date: '2021-02-05' })).toBe('Sơn La, ngày 05 tháng 02 năm 2021');
    expect(placeAndDate({ place: 'Sơn La', date: '2021-12-09' })).toBe('Sơn La, ngày 09 tháng 12 năm 2021');
    expect(recipientLines({ recipients: ['Như trên', 'Công an tỉnh'], archive: ['VT', 'BPT'] })).toEqual(['- Như trên;', '- Công an tỉnh;', '- Lưu: VT, BPT.']);
  });

  it('builds the six-month report of 10/12/2020 – 09/06/2021 from plain figures', () => {
    const doc = buildSixMonthReport(demoSixMonthFigures('front'));
    expect(doc.summary).toContain('từ ngày 10/12/2020 đến ngày 09/06/2021');
    expect(doc.signatures[0]).toMatchObject({ authority: 'TM.', authorityOf: 'BAN THƯỜNG TRỰC' });
    const [orgs, safety] = tablesOf(doc.body);
    if (!orgs || !safety) throw new Error('two tables expected');
    for (const t of [orgs, safety]) validateTable(t);
    // The total row adds the organizations' figures and is provisional because one of them is.
    const total = orgs.rows.at(-1);
    const participants = orgs.rows.slice(0, -1).reduce((s, r) => s + (r.cells[3] as Figure).value, 0);
    expect(total?.cells[3]).toEqual({ value: participants, provisional: true });
    expect(total?.cells[2]).toEqual({ value: 1895 });
    // A rate is provisional when its part is, and keeps one decimal.
    const residential = safety.rows[0]?.cells[5];
    expect(isFigure(residential ?? null) && residential).toEqual({ value: 91, decimals: 1, provisional: true });

    const police = buildSixMonthReport(demoSixMonthFigures('police'));
    expect(police.parentBody).toBe('BỘ CÔNG AN');
    expect(police.signatures[0]).toMatchObject({ authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', rank: 'Thượng tá' });
  });

  it('refuses a period that is not a six-month window of the plan', () => {
    expect(() => buildSixMonthReport({ ...demoSixMonthFigures(), periodId: '2021-Q2' })).toThrow(/không phải kỳ báo cáo chuyên đề 6 tháng/);
  });
});
