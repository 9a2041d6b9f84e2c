/**
 * Reporting periods as first-class values. DHIS2's period types all start on the first of a month;
 * the plan's calendars do not (its year runs from 10 December), so each calendar here is a rule that
 * maps a date to the one period containing it, and a period id back to its dates.
 *
 * Every period is a closed interval [start, end] of civil dates, and the periods of one calendar tile
 * the time line: every day falls in exactly one period of each calendar (the one-off reviews, tổng kết
 * of the plan and of Programme 09, have one window each: a day outside it is in none). The plan counts its six-month
 * report "from 10/12 of the previous year to 10/6" and its year "to 10/12", and has both due "before
 * 10/6" and "before 10/12". A report due before 10 June cannot include 10 June, and 10 December opens
 * the next window, so the windows are:
 * - six-month, first half: 10 December (previous year) to 9 June, due before 10 June (`2021-PLAN-6M`);
 * - six-month, second half: 10 June to 9 December, due before 10 December (`2021-PLAN-6M2`), so that
 *   a six-month window holds every day, as the year's does;
 * - year: 10 December (previous year) to 9 December, due before 10 December (`2021-PLAN-Y`).
 * Every label states its first and last day. The last days before a deadline are reported as estimates
 * (số ước) and corrected later.
 *
 * Attribution, one rule for every kind: a record counts in the one period of each calendar that holds
 * its own date (the kind's `dateField`); a record that stands for a while (a core team, a boarding
 * house) counts as a stock on the period's last day; a record restating a subject's standing for a
 * longer span (an establishment's participation for a calendar year) counts once per period: the
 * latest of its subject dated in the period.
 */
import { addDays, addMonths, isIsoDate, isoDate, type IsoDate } from './dates.js';

export const CALENDARS = [
  'MONTH',
  'QUARTER',
  'YEAR',
  'PLAN_SIX_MONTH',
  'PLAN_YEAR',
  'ASSESSMENT_RESIDENTIAL',
  'ASSESSMENT_UNIT',
  'REVIEW_YEAR',
  'REVIEW_PLAN',
  'REVIEW_P09',
] as const;
export type Calendar = (typeof CALENDARS)[number];

export interface Period {
  /** Stable id: `2021-05`, `2021-Q2`, `2021`, `2021-PLAN-6M`, `2021-PLAN-6M2`, `2021-PLAN-Y`, `2022-ATANTT-KDC`, `2022-ATANTT-UNIT`, `2021-SO-KET`, `PLAN155-TONG-KET`, `P09-TONG-KET-10-NAM`. */
  id: string;
  calendar: Calendar;
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
  /** The report on this period is due before this day. */
  dueBefore: IsoDate;
  /** Label in Vietnamese stating the first and last day, e.g. `Năm 2021 (10/12/2020 – 09/12/2021)`. */
  labelVi: string;
}

/** A date as written in Vietnamese labels: DD/MM/YYYY. */
export function dmy(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

const span = (start: IsoDate, end: IsoDate) => `${dmy(start)} – ${dmy(end)}`;

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
    nameVi: 'Báo cáo chuyên đề 6 tháng (từ 10/12 năm trước đến hết 09/6; từ 10/6 đến hết 09/12)',
    nameEn: 'Six-month thematic report (10 December to 9 June, due before 10 June; 10 June to 9 December, due before 10 December)',
    source: 'Kế hoạch 155/KH-MTTQ-CAT, mục IV.4',
  },
  PLAN_YEAR: {
    calendar: 'PLAN_YEAR',
    nameVi: 'Báo cáo năm (từ 10/12 năm trước đến hết 09/12)',
    nameEn: 'Yearly report (10 December to 9 December, due before 10 December)',
    source: 'Kế hoạch 155/KH-MTTQ-CAT, mục IV.4',
  },
  ASSESSMENT_RESIDENTIAL: {
    calendar: 'ASSESSMENT_RESIDENTIAL',
    nameVi: 'Kỳ đánh giá khu dân cư "An toàn về ANTT" (01/11 năm trước đến 31/10)',
    nameEn: 'Assessment year for residential areas (1 November to 31 October)',
    source: 'Thông tư 124/2021/TT-BCA, Điều 8 khoản 2',
  },
  REVIEW_YEAR: {
    calendar: 'REVIEW_YEAR',
    nameVi: 'Báo cáo sơ kết năm (cửa sổ của báo cáo năm: từ 10/12 năm trước đến hết 09/12)',
    nameEn: "Yearly review (sơ kết), on the yearly report's window",
    source: 'Kế hoạch 155/KH-MTTQ-CAT, mục II.7 và IV.4',
  },
  REVIEW_PLAN: {
    calendar: 'REVIEW_PLAN',
    nameVi: 'Báo cáo tổng kết Kế hoạch 155 (toàn bộ thời gian thực hiện kế hoạch)',
    nameEn: "Final review of Plan 155 (tổng kết), over the plan's whole span",
    source: 'Kế hoạch 155/KH-MTTQ-CAT, mục II.7',
  },
  REVIEW_P09: {
    calendar: 'REVIEW_P09',
    nameVi: 'Báo cáo tổng kết 10 năm thực hiện Chương trình phối hợp 09',
    nameEn: 'Ten-year review of Coordination Programme 09 (2023)',
    source: 'Kế hoạch 155/KH-MTTQ-CAT, mục IV.3 (năm 2023)',
  },
  ASSESSMENT_UNIT: {
    calendar: 'ASSESSMENT_UNIT',
    nameVi: 'Kỳ đánh giá xã, cơ quan, doanh nghiệp, nhà trường "An toàn về ANTT" (16/11 năm trước đến 15/11)',
    nameEn: 'Assessment year for communes, agencies, enterprises and schools (16 November to 15 November)',
    source: 'Thông tư 124/2021/TT-BCA, Điều 8 khoản 2',
  },
};

/**
 * The review windows, one explicit setting per kind of review (Plan 155, sections II.7 and IV.3), with
 * the plan's dates; set otherwise with `configureReviewWindows` (README, "Calendar"):
 * - `REVIEW_YEAR`, the yearly sơ kết: a window a year long starting on `anchorMonth`/`anchorDay` of the
 *   year before, the plan year's 10 December (the yearly report's window, 10/12–09/12), for the years
 *   `firstYear` (2021, the plan's first year: its first window opens 10/12/2020) to `lastYear` (none:
 *   the movement is reviewed every year after the plan too). `<year>-SO-KET` outside them is no period.
 * - `REVIEW_PLAN`, the tổng kết of Plan 155: one window, from the first day of its first window
 *   (10/12/2020) to the last day of its last year (09/12/2023).
 * - `REVIEW_P09`, the ten-year review of Programme 09 held in 2023: one window of ten plan years to
 *   09/12/2023 (from 10/12/2013). Assumed: the plan only says "2023: ten-year review"; a province that
 *   counts the programme from its signing sets its own start.
 */
export interface ReviewWindow {
  id: string;
  start: IsoDate;
  end: IsoDate;
  labelVi: string;
}
export interface YearlyReviewWindow {
  anchorMonth: number;
  anchorDay: number;
  firstYear: number;
  lastYear: number | null;
}
export interface ReviewWindows {
  REVIEW_YEAR: YearlyReviewWindow;
  REVIEW_PLAN: ReviewWindow;
  REVIEW_P09: ReviewWindow;
}
export const DEFAULT_REVIEW_WINDOWS: Readonly<ReviewWindows> = Object.freeze({
  REVIEW_YEAR: { anchorMonth: 12, anchorDay: 10, firstYear: 2021, lastYear: null },
  REVIEW_PLAN: { id: 'PLAN155-TONG-KET', start: '2020-12-10', end: '2023-12-09', labelVi: 'Tổng kết Kế hoạch 155/KH-MTTQ-CAT giai đoạn 2021 – 2023' },
  REVIEW_P09: { id: 'P09-TONG-KET-10-NAM', start: '2013-12-10', end: '2023-12-09', labelVi: 'Tổng kết 10 năm thực hiện Chương trình phối hợp 09' },
});
let reviewWindows: ReviewWindows = { ...DEFAULT_REVIEW_WINDOWS };

/** The review windows in force (a copy). */
export function reviewWindowSettings(): ReviewWindows {
  return { ...reviewWindows };
}

/**
 * Sets the review windows, per kind; returns the previous settings. A one-off window's id keeps its
 * calendar's form (letters, digits, dashes); the yearly review's anchor is a real day of the year
 * (29 February refused: it would move) and its years are in order.
 */
export function configureReviewWindows(windows: Partial<ReviewWindows>): ReviewWindows {
  const before = { ...reviewWindows };
  const { REVIEW_YEAR: yearly, ...oneOff } = windows;
  if (yearly) {
    const { anchorMonth: m, anchorDay: d, firstYear, lastYear } = yearly;
    if (
      !Number.isInteger(m) ||
      !Number.isInteger(d) ||
      m < 1 ||
      m > 12 ||
      d < 1 ||
      (m === 2 && d > 28) ||
      !isIsoDate(`2001-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    )
      throw new Error(`REVIEW_YEAR: ${m}/${d} is not a day every year has`);
    if (!Number.isInteger(firstYear) || (lastYear !== null && (!Number.isInteger(lastYear) || lastYear < firstYear)))
      throw new Error('REVIEW_YEAR: the years reviewed need a first year and a last one (or none), in order');
  }
  for (const [k, w] of Object.entries(oneOff)) {
    if (!w || !isIsoDate(w.start) || !isIsoDate(w.end) || w.end < w.start) throw new Error(`${k}: a review window needs a first and a last day, in order`);
    if (!/^[A-Z0-9][A-Z0-9-]{2,40}$/.test(w.id) || /^\d{4}(-|$)/.test(w.id)) throw new Error(`${k}: ${w.id} is not a review id`);
  }
  reviewWindows = { ...reviewWindows, ...windows };
  // The review periods worked out under the old windows are no longer the periods.
  known.clear();
  return before;
}

/** The yearly review of `year` (sơ kết), or null for a year the setting does not review. */
function yearlyReview(year: number): Period | null {
  const w = reviewWindows.REVIEW_YEAR;
  if (year < w.firstYear || (w.lastYear !== null && year > w.lastYear)) return null;
  return anchoredYear('REVIEW_YEAR', '-SO-KET', w.anchorMonth, w.anchorDay, year, `Sơ kết năm ${year}`);
}

function reviewPeriod(calendar: 'REVIEW_PLAN' | 'REVIEW_P09'): Period {
  const w = reviewWindows[calendar];
  return { id: w.id, calendar, start: w.start, end: w.end, dueBefore: addDays(w.end, 1), labelVi: `${w.labelVi} (${span(w.start, w.end)})` };
}

/** Periods of a calendar that starts on (month, day) of the previous year and runs for a year. */
function anchoredYear(calendar: Calendar, suffix: string, month: number, day: number, year: number, label: string): Period {
  const start = isoDate(year - 1, month, day);
  const next = isoDate(year, month, day);
  const end = addDays(next, -1);
  return { id: `${year}${suffix}`, calendar, start, end, dueBefore: next, labelVi: `${label} (${span(start, end)})` };
}

/**
 * The periods already worked out, by id: every figure of a year asks for the same few windows, per unit
 * (hundreds of times a request), and a period is a value that never changes. Bounded, because ids come
 * from callers; frozen, because every caller shares one object.
 */
const known = new Map<string, Readonly<Period> | null>();
const KNOWN_LIMIT = 4096;

/** The period with the given id, or null when the id names no period. */
export function periodById(id: string): Period | null {
  let p = known.get(id);
  if (p === undefined) {
    p = parsePeriodId(id);
    if (p) Object.freeze(p);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(id, p);
  }
  return p;
}

function parsePeriodId(id: string): Period | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(id))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    const start = isoDate(y, mo, 1);
    const next = addMonths(start, 1);
    const end = addDays(next, -1);
    return { id, calendar: 'MONTH', start, end, dueBefore: next, labelVi: `Tháng ${mo}/${y} (${span(start, end)})` };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(id))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const start = isoDate(y, (q - 1) * 3 + 1, 1);
    const next = addMonths(start, 3);
    const end = addDays(next, -1);
    return { id, calendar: 'QUARTER', start, end, dueBefore: next, labelVi: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y} (${span(start, end)})` };
  }
  if ((m = /^(\d{4})$/.exec(id))) {
    const y = Number(m[1]);
    const [start, end] = [isoDate(y, 1, 1), isoDate(y, 12, 31)];
    return { id, calendar: 'YEAR', start, end, dueBefore: isoDate(y + 1, 1, 1), labelVi: `Năm dương lịch ${y} (${span(start, end)})` };
  }
  if ((m = /^(\d{4})-PLAN-6M$/.exec(id))) {
    const y = Number(m[1]);
    const start = isoDate(y - 1, 12, 10);
    const next = isoDate(y, 6, 10);
    const end = addDays(next, -1);
    return { id, calendar: 'PLAN_SIX_MONTH', start, end, dueBefore: next, labelVi: `6 tháng đầu năm ${y} (${span(start, end)})` };
  }
  if ((m = /^(\d{4})-PLAN-6M2$/.exec(id))) {
    const y = Number(m[1]);
    const start = isoDate(y, 6, 10);
    const next = isoDate(y, 12, 10);
    const end = addDays(next, -1);
    return { id, calendar: 'PLAN_SIX_MONTH', start, end, dueBefore: next, labelVi: `6 tháng cuối năm ${y} (${span(start, end)})` };
  }
  if ((m = /^(\d{4})-PLAN-Y$/.exec(id))) {
    const y = Number(m[1]);
    return anchoredYear('PLAN_YEAR', '-PLAN-Y', 12, 10, y, `Năm ${y}`);
  }
  if ((m = /^(\d{4})-SO-KET$/.exec(id))) return yearlyReview(Number(m[1]));
  for (const c of ['REVIEW_PLAN', 'REVIEW_P09'] as const) if (id === reviewWindows[c].id) return reviewPeriod(c);
  if ((m = /^(\d{4})-ATANTT-KDC$/.exec(id))) {
    const y = Number(m[1]);
    return anchoredYear('ASSESSMENT_RESIDENTIAL', '-ATANTT-KDC', 11, 1, y, `Đánh giá khu dân cư năm ${y}`);
  }
  if ((m = /^(\d{4})-ATANTT-UNIT$/.exec(id))) {
    const y = Number(m[1]);
    return anchoredYear('ASSESSMENT_UNIT', '-ATANTT-UNIT', 11, 16, y, `Đánh giá xã, cơ quan, doanh nghiệp, nhà trường năm ${y}`);
  }
  return null;
}

/** The one period of calendar `calendar` that contains `date` (every calendar tiles the time line); null for a malformed date. */
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
    case 'PLAN_SIX_MONTH':
      if (date >= isoDate(y, 12, 10)) return periodById(`${y + 1}-PLAN-6M`);
      return periodById(date >= isoDate(y, 6, 10) ? `${y}-PLAN-6M2` : `${y}-PLAN-6M`);
    case 'PLAN_YEAR':
      return periodById(`${date >= isoDate(y, 12, 10) ? y + 1 : y}-PLAN-Y`);
    case 'REVIEW_YEAR': {
      // Outside the years reviewed, a day is in no period of the calendar.
      const { anchorMonth, anchorDay } = reviewWindows.REVIEW_YEAR;
      return yearlyReview(date >= isoDate(y, anchorMonth, anchorDay) ? y + 1 : y);
    }
    case 'REVIEW_PLAN':
    case 'REVIEW_P09': {
      // One window: the days outside it are in no period of the calendar.
      const p = reviewPeriod(calendar);
      return date >= p.start && date <= p.end ? p : null;
    }
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
