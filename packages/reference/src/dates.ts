/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'). Every date in the domain is a civil date in Vietnam
 * (the plan's deadlines, a forum's day, a decision's day), so we never carry a time zone: arithmetic
 * runs on UTC midnights, which have no daylight-saving jumps.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD (2021-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function toIsoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return toIsoDate(new Date(Date.UTC(year, month - 1, day)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  // Clamp to the month's last day (31 January + 1 month is 28/29 February, as lawyers count it).
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return toIsoDate(d);
}

/** Today's date in Vietnam (UTC+7, no daylight saving), overridable for tests and demo data. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return toIsoDate(new Date(now.getTime() + 7 * 3600 * 1000));
}

/** Whether `date` lies in the closed interval [from, to]; a null bound is open. */
export function within(date: IsoDate, from: IsoDate | null, to: IsoDate | null): boolean {
  return (from === null || date >= from) && (to === null || date <= to);
}
