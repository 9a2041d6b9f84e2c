/**
 * Legal deadlines for crime reports and tips, as data.
 * - Forwarding: commune police forward a tip to the competent investigation agency within 24 hours,
 *   48 hours for remote communes (Joint Circular 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC).
 * - Decision: within 20 days of receipt (Criminal Procedure Code 2015, Article 147.1). For a complex
 *   matter the time may be extended to at most 2 months, and the Procuracy may extend it once more by
 *   at most 2 months (Article 147.2-3). Read here as: the first extension may set the last day no later
 *   than 2 months after receipt; the second, no later than 2 months after the first extended day.
 */
import { addDays, addMonths, todayInVietnam, type IsoDate } from '@antt/reference';

export const TIP_DEADLINES = {
  forwardHours: 24,
  forwardHoursRemote: 48,
  forwardSource: 'Thông tư liên tịch 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC',
  decisionDays: 20,
  decisionSource: 'Bộ luật Tố tụng hình sự 2015, Điều 147 khoản 1',
  extensionMonths: 2,
  maxExtensions: 2,
  extensionSource: 'Bộ luật Tố tụng hình sự 2015, Điều 147 khoản 2, 3',
} as const;

/** The civil date in Vietnam of an instant. */
export function vietnamDate(instant: string): IsoDate {
  return todayInVietnam(new Date(instant));
}

export function forwardDueAt(receivedAt: string, remote: boolean): string {
  const hours = remote ? TIP_DEADLINES.forwardHoursRemote : TIP_DEADLINES.forwardHours;
  return new Date(new Date(receivedAt).getTime() + hours * 3600_000).toISOString();
}

/** Last day for the decision, before any extension. */
export function initialDecisionDue(receivedAt: string): IsoDate {
  return addDays(vietnamDate(receivedAt), TIP_DEADLINES.decisionDays);
}

/** The latest day an extension may set, given how many extensions were already granted. */
export function latestExtension(receivedAt: string, currentDue: IsoDate, extensionsSoFar: number): IsoDate | null {
  if (extensionsSoFar >= TIP_DEADLINES.maxExtensions) return null;
  return extensionsSoFar === 0 ? addMonths(vietnamDate(receivedAt), TIP_DEADLINES.extensionMonths) : addMonths(currentDue, TIP_DEADLINES.extensionMonths);
}

export interface TipDeadlineState {
  receivedAt: string;
  remoteArea: boolean;
  forwardedAt: string | null;
  decisionDueOn: IsoDate;
  decidedOn: IsoDate | null;
}

/** Whether a legal deadline has passed with its step not done, at instant `now`. */
export function isOverdue(t: TipDeadlineState, now: Date = new Date()): boolean {
  const forwardLate = t.forwardedAt === null && now.toISOString() > forwardDueAt(t.receivedAt, t.remoteArea);
  const decisionLate = t.decidedOn === null && todayInVietnam(now) > t.decisionDueOn;
  return forwardLate || decisionLate;
}

/** Vietnam's offset from UTC (no daylight saving), in milliseconds. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * The first instant (epoch milliseconds) at which an undecided tip is overdue (isOverdue turns true and,
 * both deadlines only passing with time, stays true): the millisecond after its forwarding deadline when
 * it is not forwarded, or midnight in Vietnam after its decision's last day, whichever comes first. Null
 * when its dates cannot be read (the caller then asks isOverdue itself).
 */
export function overdueFrom(t: TipDeadlineState): number | null {
  if (t.decidedOn !== null) return null;
  const decisionDay = /^\d{4}-\d{2}-\d{2}$/.test(t.decisionDueOn) ? Date.parse(`${t.decisionDueOn}T00:00:00Z`) : NaN;
  // Late on the decision from the first instant whose Vietnam date is after the last day.
  const decision = decisionDay + 86_400_000 - VIETNAM_OFFSET_MS;
  const received = Date.parse(t.receivedAt);
  const hours = t.remoteArea ? TIP_DEADLINES.forwardHoursRemote : TIP_DEADLINES.forwardHours;
  // Late on forwarding strictly after the deadline (isOverdue compares ISO instants to the millisecond).
  const forward = t.forwardedAt === null ? received + hours * 3600_000 + 1 : Infinity;
  const first = Math.min(decision, forward);
  return Number.isFinite(first) ? first : null;
}
