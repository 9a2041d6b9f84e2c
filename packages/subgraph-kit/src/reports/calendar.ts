/**
 * The plan's reporting calendar (section IV.4): monthly and quarterly security reports, the six-month
 * thematic report and the yearly report, on the period windows of packages/reference (every day in
 * exactly one window of each); and the reviews as reports of their own kind (section II.7 and IV.3): the
 * yearly sơ kết on the yearly window, the plan's tổng kết and Programme 09's ten-year review in 2023
 * on one window each (each window one explicit setting, DEFAULT_REVIEW_WINDOWS and configureReviewWindows
 * in packages/reference). Each kind has a due date: the six-month and yearly reports are due on
 * 10 June and 10 December (the day their window's successor opens); monthly and quarterly ones a few
 * days after their last day. The offsets are configurable per kind, never before the window's last day.
 */
import { addDays, periodById, periodContaining, periodsBetween, type Calendar, type IsoDate, type Period } from '@antt/reference';

export const REPORT_CALENDARS = ['MONTH', 'QUARTER', 'PLAN_SIX_MONTH', 'PLAN_YEAR', 'REVIEW_YEAR', 'REVIEW_PLAN', 'REVIEW_P09'] as const;
export type ReportCalendar = (typeof REPORT_CALENDARS)[number];

/** The report kinds, as the schema's enum shows them. */
export const REPORT_CALENDAR_CATALOGUE: Readonly<Record<ReportCalendar, string>> = {
  MONTH: 'Monthly security and order report (báo cáo ANTT tháng)',
  QUARTER: 'Quarterly security and order report (báo cáo ANTT quý)',
  PLAN_SIX_MONTH: 'Six-month thematic report, 10/12–09/06 or 10/06–09/12 (báo cáo chuyên đề 6 tháng)',
  PLAN_YEAR: 'Yearly report, 10/12–09/12 (báo cáo năm)',
  REVIEW_YEAR: "Yearly review on the yearly report's window, 10/12–09/12 (báo cáo sơ kết năm)",
  REVIEW_PLAN: "Final review of Plan 155 over the plan's span (báo cáo tổng kết kế hoạch)",
  REVIEW_P09: 'Ten-year review of Coordination Programme 09, 2023 (báo cáo tổng kết 10 năm Chương trình phối hợp 09)',
};

/** Days after a window's last day that its report is due (0: on the last day itself). */
// Reviews are held after their window closes, with a conference (hội nghị sơ kết, tổng kết): due later.
const DEFAULT_DUE_OFFSETS: Record<ReportCalendar, number> = {
  MONTH: 5,
  QUARTER: 10,
  PLAN_SIX_MONTH: 1,
  PLAN_YEAR: 1,
  REVIEW_YEAR: 20,
  REVIEW_PLAN: 30,
  REVIEW_P09: 30,
};
/** A window ends at most this many days before its report is due (periodsDueBetween looks this far back). */
const MAX_DUE_OFFSET = 60;
let dueOffsets: Record<ReportCalendar, number> = { ...DEFAULT_DUE_OFFSETS };

/** Sets the due date of a kind of report (days after its window's last day; never negative); returns the previous settings. */
export function configureReportDueDates(offsets: Partial<Record<ReportCalendar, number>>): Record<ReportCalendar, number> {
  const before = { ...dueOffsets };
  for (const [k, v] of Object.entries(offsets)) {
    if (!(REPORT_CALENDARS as readonly string[]).includes(k)) throw new Error(`${k} is not a report calendar`);
    if (!Number.isInteger(v) || v! < 0) throw new Error(`${k}: a report cannot be due before its window's last day (offset ${v})`);
    if (v! > MAX_DUE_OFFSET) throw new Error(`${k}: a report is due at most ${MAX_DUE_OFFSET} days after its window (offset ${v})`);
  }
  dueOffsets = { ...dueOffsets, ...offsets };
  return before;
}

export function isReportCalendar(c: Calendar): c is ReportCalendar {
  return (REPORT_CALENDARS as readonly string[]).includes(c);
}

/** The day a report on `period` is due: submitted on or before it, it is on time. */
export function dueDateOf(period: Period): IsoDate {
  return addDays(period.end, dueOffsets[period.calendar as ReportCalendar] ?? 1);
}

/** The reportable period with this id, or null (unknown id, or a calendar no report is made on). */
export function reportPeriod(periodId: string): (Period & { calendar: ReportCalendar }) | null {
  const p = periodById(periodId);
  return p && isReportCalendar(p.calendar) ? (p as Period & { calendar: ReportCalendar }) : null;
}

const periodsOfDate = new Map<IsoDate, readonly Period[]>();
/** Dates kept at most: records are dated within a few years, so a full map means dates beyond those. */
const PERIODS_OF_DATES_KEPT = 5_000;

/**
 * The periods of every report kind that hold a date: the reports a record dated then counts in. Kept
 * per date (the calendars never change while a process runs): every write asks for its date, and
 * computing them was a tenth of a create's CPU (issue 17).
 */
export function reportPeriodsContaining(date: IsoDate): readonly Period[] {
  let periods = periodsOfDate.get(date);
  if (!periods) {
    if (periodsOfDate.size >= PERIODS_OF_DATES_KEPT) periodsOfDate.clear();
    periods = Object.freeze(REPORT_CALENDARS.map((c) => periodContaining(c, date)).filter((p): p is Period => !!p));
    periodsOfDate.set(date, periods);
  }
  return periods;
}

/** The reportable periods whose due date falls in [from, to], earliest due first. */
export function periodsDueBetween(from: IsoDate, to: IsoDate): Period[] {
  // A window is at most a year long and due at most a few weeks after it ends.
  const out = REPORT_CALENDARS.flatMap((c) => periodsBetween(c, addDays(from, -MAX_DUE_OFFSET), to)).filter((p) => {
    const due = dueDateOf(p);
    return due >= from && due <= to;
  });
  return out.sort((a, b) => dueDateOf(a).localeCompare(dueDateOf(b)) || a.id.localeCompare(b.id));
}
