/**
 * Validation rules the movement's records need beyond validation.ts (models, forums, opinions, and the
 * Front's own records): known units, lists of organizations, branches, periods, page sizes. Each throws
 * BAD_USER_INPUT naming the field the user must fix, in Vietnamese, before anything is written.
 */
import { invalidInput, type Scope } from '@antt/auth';
import {
  branchById,
  isOrganizationId,
  nearestBranch,
  ORGANIZATIONS,
  periodById,
  territory,
  type AdminUnit,
  type Branch,
  type OrganizationId,
} from '@antt/reference';
import { vnDate } from './validation.js';

/** A unit that exists (in any era). */
export function knownUnit(field: string, id: string): AdminUnit {
  const u = territory().unit(id);
  if (!u) throw invalidInput(field, `Không có đơn vị "${id}".`, 'UNKNOWN_UNIT');
  return u;
}

/** A list of other organizations (partners, co-hosts): known ids, no repeats, not `self`. */
export function otherOrganizations(field: string, ids: readonly string[] | null | undefined, self: OrganizationId | null, max = 9): OrganizationId[] {
  const out: OrganizationId[] = [];
  for (const id of ids ?? []) {
    if (!isOrganizationId(id))
      throw invalidInput(
        field,
        `"${id}" không phải là tổ chức trong Kế hoạch (front, police, veterans, women, youth, labour, farmers, elderly, infocomm).`,
        'UNKNOWN_ORGANIZATION',
      );
    if (id === self) throw invalidInput(field, `${ORGANIZATIONS[id].nameVi} là tổ chức chủ trì, không ghi lại trong danh sách phối hợp.`, 'SELF_LISTED');
    if (out.includes(id)) throw invalidInput(field, `${ORGANIZATIONS[id].nameVi} được ghi hai lần.`, 'DUPLICATE');
    out.push(id);
  }
  if (out.length > max) throw invalidInput(field, `Tối đa ${max} tổ chức.`, 'TOO_MANY');
  return out;
}

/** A page size from 1 to `max`. */
export function pageSize(field: string, first: number, max: number): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw invalidInput(field, `Số bản ghi mỗi trang phải từ 1 đến ${max}.`, 'PAGE_SIZE');
  return first;
}

/**
 * A value read back from a column of a catalogue (checked against the catalogue when it was written),
 * as the catalogue's own type; anything else is a fault in the stored data, not the caller's.
 */
export function storedCode<K extends string>(catalogue: Readonly<Record<K, unknown>>, value: unknown): K {
  if (typeof value === 'string' && Object.hasOwn(catalogue, value)) return value as K;
  throw new Error(`Stored value ${JSON.stringify(value)} is not in its catalogue (${Object.keys(catalogue).join(', ')}).`);
}

/** The unit a stored record is kept under or names (checked when it was written). */
export function storedUnit(id: unknown): AdminUnit {
  const u = typeof id === 'string' ? territory().unit(id) : undefined;
  if (!u) throw new Error(`Stored unit ${JSON.stringify(id)} is not in the territory.`);
  return u;
}

/** The branch that answers for a stored record (found when it was written, for a kind with `branch`). */
export function storedBranch(id: unknown): Branch {
  const b = typeof id === 'string' ? branchById(id) : null;
  if (!b) throw new Error(`Stored branch ${JSON.stringify(id)} is not known.`);
  return b;
}

/** The JSON list of organizations stored in a text column. */
export function parseOrganizations(json: string | null): OrganizationId[] {
  if (!json) return [];
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is OrganizationId => typeof x === 'string' && isOrganizationId(x)) : [];
}

/**
 * The organization's branch that acted at a unit on a date: the one given (it must be the
 * organization's and be over the unit on that day), or by default the nearest one at or above the unit.
 */
export function branchOver(field: string, org: OrganizationId, unit: AdminUnit, date: string, branchId: string | null | undefined): Branch {
  const t = territory();
  if (branchId != null) {
    const b = branchById(branchId);
    if (!b || b.organization !== org) throw invalidInput(field, `"${branchId}" không phải là một cấp của ${ORGANIZATIONS[org].nameVi}.`, 'UNKNOWN_BRANCH');
    const ancestors = [unit.id, ...t.ancestorsOn(unit.id, date).map((u) => u.id)];
    if (!ancestors.includes(b.unitId) || (b.validTo !== null && date > b.validTo))
      throw invalidInput(field, `${b.name} không phụ trách ${unit.name} vào ngày ${vnDate(date)}.`, 'BRANCH_NOT_OVER_UNIT');
    return b;
  }
  const b = nearestBranch(org, unit.id, date);
  if (!b) throw invalidInput(field, `Không xác định được cấp tổ chức phụ trách ${unit.name}: hãy ghi rõ branchId.`, 'BRANCH_REQUIRED');
  return b;
}

/** The first and last day of a period id (2021-PLAN-Y, 2024-Q3...), or all time when none is given. */
export function periodRange(field: string, periodId: string | null | undefined): { from: string; to: string } {
  if (periodId == null) return { from: '0000-01-01', to: '9999-12-31' };
  const p = periodById(periodId);
  if (!p) throw invalidInput(field, `Không có kỳ "${periodId}" (ví dụ: 2021-05, 2021-Q2, 2021, 2021-PLAN-Y).`, 'UNKNOWN_PERIOD');
  return { from: p.start, to: p.end };
}

/** The unit a list is asked for: the one given (it must exist), or the caller's jurisdiction. */
export function unitOrJurisdiction(scope: Scope, unitId: string | null | undefined, field = 'unitId'): string {
  const u = unitId ?? scope.identity.unitId;
  if (!territory().unit(u)) throw invalidInput(field, `Không có đơn vị "${u}".`, 'UNKNOWN_UNIT');
  return u;
}

/** Parses a numeric id of a record kept in this subgraph; anything else names no record. */
export function numericId(id: string): number | null {
  return /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
}
