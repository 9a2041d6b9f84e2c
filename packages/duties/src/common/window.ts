/**
 * The unit and period a list or a count is asked for, resolved once: the units whose records count
 * (the unit, everything below it and, across the 2025 reform, the old units it was formed from), cut to
 * the caller's jurisdiction, and the days of the period.
 */
import { invalidInput, type Scope } from '@antt/auth';
import { periodById, territory, type OrganizationId } from '@antt/reference';
import { assertCanList, type Visibility } from './access.js';

export interface Window {
  unitId: string;
  /** JSON array of unit ids, bound to `json_each` in SQL. */
  units: string;
  from: string;
  to: string;
}

export interface WindowFilter {
  unitId?: string | null;
  periodId?: string | null;
}

const FAR_PAST = '0000-01-01';
const FAR_FUTURE = '9999-12-31';

function resolve(scope: Scope, f: WindowFilter): { unitId: string; from: string; to: string } {
  const unitId = f.unitId ?? scope.identity.unitId;
  if (!territory().unit(unitId)) throw invalidInput('unitId', `Không có đơn vị "${unitId}".`, 'UNKNOWN_UNIT');
  if (f.periodId == null) return { unitId, from: FAR_PAST, to: FAR_FUTURE };
  const p = periodById(f.periodId);
  if (!p) throw invalidInput('periodId', `Không có kỳ "${f.periodId}" (ví dụ: 2021-05, 2021-Q2, 2021, 2021-PLAN-Y).`, 'UNKNOWN_PERIOD');
  return { unitId, from: p.start, to: p.end };
}

/** For a list of records: the caller must be allowed to read them there. */
export function recordWindow(scope: Scope, org: OrganizationId, f: WindowFilter, visibility: Visibility = 'records'): Window {
  const r = resolve(scope, f);
  assertCanList(scope, org, r.unitId, visibility);
  return { ...r, units: JSON.stringify([...scope.visibleUnder(r.unitId)]) };
}

/** For counts: leadership and dashboards too. */
export function countWindow(scope: Scope, org: OrganizationId, f: WindowFilter): Window {
  const r = resolve(scope, f);
  scope.assertCanReadAggregates(org, r.unitId);
  return { ...r, units: JSON.stringify([...scope.visibleUnder(r.unitId)]) };
}
