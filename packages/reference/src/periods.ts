/**
 * Reporting periods as first-class values. DHIS2's period types all start on the first of a month;
 * the plan's calendars do not (its year runs from 10 December), so each calendar here is a rule that
 * maps a date to the one period containing it, and a period id back to its dates.
 *
 * Every period is a closed interval [start, end] of civil dates, and periods of one calendar tile the
 * time line without gaps or overlaps (the plan's year "10/12 to 10/12" is taken as 10 December to
 * 9 December, so that 10 December belongs to exactly one year). `dueBefore` is the day a report on the
 * period must be in before: the plan's reports are due before 10 June and 10 December, the day after
 * the window closes, so the last days are reported as estimates (số ước) and corrected later.
 */
import { addDays, addMonths, isIsoDate, isoDate, type IsoDate } from './dates.js';

export const CALENDARS = ['MONTH', 'QUARTER', 'YEAR', 'PLAN_SIX_MONTH', 'PLAN_YEAR', 'ASSESSMENT_RESIDENTIAL', 'ASSESSMENT_UNIT'] as const;
export type Calendar = (typeof CALENDARS)[number];

export interface Period {
  /** Stable id: `2021-05`, `2021-Q2`, `2021`, `2021-PLAN-6M`, `2021-PLAN-Y`, `2022-ATANTT-KDC`, `2022-ATANTT-UNIT`. */
  id: string;
  calendar: Calendar;
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
  /** The report on this period is due before this day. */
  dueBefore: IsoDate;
  labelVi: string;
}

export interface CalendarInfo {
  calendar: Calendar;
  nameVi: string;
  nameEn: string;
  source: string;
}

export const CALENDAR_INFO: Record<Calendar, CalendarInfo> = {
  MONTH: { calendar: 'MONTH', nameVi: 'Báo cáo ANTT tháng', nameEn: 'Monthly security and order report', source: 'Kế hoạch 155/KH-MTTQ-CAT, mục IV.4' },
  QUARTER: { calendar: 'QUARTER', nameVi: 'Báo cáo ANTT quý', nameEn: 'Quarterly security and order report', source: 'Kế hoạch 155/KH-MTTQ-CAT, mục IV.4' },
  YEAR: { calendar: 'YEAR', nameVi: 'Năm dương lịch', nameEn: 'Calendar year', source: '' },
  PLAN_SIX_MONTH: {
    calendar: 'PLAN_SIX_MONTH',
    nameVi: 'Báo cáo chuyên đề 6 tháng (10/12 năm trước đến 10/6)',
    nameEn: 'Six-month thematic report (10 December to 10 June)',
    source: 'Kế hoạch 155/KH-MTTQ-CAT, mục IV.4',
  },
  PLAN_YEAR: {
    calendar: 'PLAN_YEAR',
    nameVi: 'Báo cáo năm (10/12 năm trước đến 10/12)',
    nameEn: 'Yearly report (10 December to 10 December)',
    source: 'Kế hoạch 155/KH-MTTQ-CAT, mục IV.4',
  },
  ASSESSMENT_RESIDENTIAL: {
    calendar: 'ASSESSMENT_RESIDENTIAL',
    nameVi: 'Kỳ đánh giá khu dân cư "An toàn về ANTT" (01/11 năm trước đến 31/10)',
    nameEn: 'Assessment year for residential areas (1 November to 31 October)',
    source: 'Thông tư 124/2021/TT-BCA, Điều 8 khoản 2',
  },
  ASSESSMENT_UNIT: {
    calendar: 'ASSESSMENT_UNIT',
    nameVi: 'Kỳ đánh giá xã, cơ quan, doanh nghiệp, nhà trường "An toàn về ANTT" (16/11 năm trước đến 15/11)',
    nameEn: 'Assessment year for communes, agencies, enterprises and schools (16 November to 15 November)',
    source: 'Thông tư 124/2021/TT-BCA, Điều 8 khoản 2',
  },
};

/** Periods of a calendar that starts on (month, day) of the previous year and runs for a year. */
function anchoredYear(calendar: Calendar, suffix: string, month: number, day: number, year: number, label: string): Period {
  const start = isoDate(year - 1, month, day);
  const next = isoDate(year, month, day);
  return { id: `${year}${suffix}`, calendar, start, end: addDays(next, -1), dueBefore: next, labelVi: label };
}

/** The period with the given id, or null when the id names no period. */
export function periodById(id: string): Period | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(id))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    const start = isoDate(y, mo, 1);
    const next = addMonths(start, 1);
    return { id, calendar: 'MONTH', start, end: addDays(next, -1), dueBefore: next, labelVi: `Tháng ${mo}/${y}` };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(id))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const start = isoDate(y, (q - 1) * 3 + 1, 1);
    const next = addMonths(start, 3);
    return { id, calendar: 'QUARTER', start, end: addDays(next, -1), dueBefore: next, labelVi: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y}` };
  }
  if ((m = /^(\d{4})$/.exec(id))) {
    const y = Number(m[1]);
    return { id, calendar: 'YEAR', start: isoDate(y, 1, 1), end: isoDate(y, 12, 31), dueBefore: isoDate(y + 1, 1, 1), labelVi: `Năm ${y}` };
  }
  if ((m = /^(\d{4})-PLAN-6M$/.exec(id))) {
    const y = Number(m[1]);
    const start = isoDate(y - 1, 12, 10);
    const next = isoDate(y, 6, 10);
    return { id, calendar: 'PLAN_SIX_MONTH', start, end: addDays(next, -1), dueBefore: next, labelVi: `6 tháng đầu năm ${y} (10/12/${y - 1} – 10/6/${y})` };
  }
  if ((m = /^(\d{4})-PLAN-Y$/.exec(id))) {
    const y = Number(m[1]);
    return anchoredYear('PLAN_YEAR', '-PLAN-Y', 12, 10, y, `Năm ${y} (10/12/${y - 1} – 10/12/${y})`);
  }
  if ((m = /^(\d{4})-ATANTT-KDC$/.exec(id))) {
    const y = Number(m[1]);
    return anchoredYear('ASSESSMENT_RESIDENTIAL', '-ATANTT-KDC', 11, 1, y, `Đánh giá khu dân cư năm ${y} (01/11/${y - 1} – 31/10/${y})`);
  }
  if ((m = /^(\d{4})-ATANTT-UNIT$/.exec(id))) {
    const y = Number(m[1]);
    return anchoredYear('ASSESSMENT_UNIT', '-ATANTT-UNIT', 11, 16, y, `Đánh giá xã, cơ quan, doanh nghiệp, nhà trường năm ${y} (16/11/${y - 1} – 15/11/${y})`);
  }
  return null;
}

/**
 * The period of calendar `calendar` that contains `date`. Every calendar tiles the time line except the
 * six-month report, which covers only 10 December to 9 June: a date from 10 June to 9 December is in no
 * six-month period (the yearly report covers it), and the answer is null.
 */
export function periodContaining(calendar: Calendar, date: IsoDate): Period | null {
  if (!isIsoDate(date)) return null;
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  switch (calendar) {
    case 'MONTH':
      return periodById(date.slice(0, 7));
    case 'QUARTER':
      return periodById(`${y}-Q${Math.floor((mo - 1) / 3) + 1}`);
    case 'YEAR':
      return periodById(String(y));
    case 'PLAN_SIX_MONTH': {
      const p = periodById(`${date >= isoDate(y, 12, 10) ? y + 1 : y}-PLAN-6M`)!;
      return date >= p.start && date <= p.end ? p : null;
    }
    case 'PLAN_YEAR':
      return periodById(`${date >= isoDate(y, 12, 10) ? y + 1 : y}-PLAN-Y`);
    case 'ASSESSMENT_RESIDENTIAL':
      return periodById(`${date >= isoDate(y, 11, 1) ? y + 1 : y}-ATANTT-KDC`);
    case 'ASSESSMENT_UNIT':
      return periodById(`${date >= isoDate(y, 11, 16) ? y + 1 : y}-ATANTT-UNIT`);
  }
}

/** The periods of a calendar that overlap [from, to], in order. */
export function periodsBetween(calendar: Calendar, from: IsoDate, to: IsoDate): Period[] {
  const out: Period[] = [];
  let d = from;
  while (d <= to) {
    const p = periodContaining(calendar, d);
    if (p) {
      out.push(p);
      d = addDays(p.end, 1);
    } else {
      d = addDays(d, 1);
    }
  }
  return out;
}
