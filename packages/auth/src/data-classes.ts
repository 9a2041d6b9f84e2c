/**
 * Data classes: how protected a type or field is, declared in the schemas with @dataClass and
 * enforced by every subgraph (packages/subgraph-kit/src/data-class.ts) and, early, by the gateway.
 * One table decides who may read each class; the rest of the code asks it.
 *
 * | class              | who may read                                                                |
 * |--------------------|-----------------------------------------------------------------------------|
 * | PUBLIC_AGGREGATE   | every authenticated caller, dashboards included (counts, indicators, units)  |
 * | INTERNAL           | any organization's staff and provincial leadership (records; each subgraph's |
 * |                    | repositories then keep staff to their own organization and jurisdiction)    |
 * | PERSONAL           | staff of the organization that owns the data; leadership with PERSONAL_DATA |
 * | SENSITIVE_PERSONAL | staff of the organization that owns the data (ethnicity, victims, criminal  |
 * |                    | history), nobody else                                                       |
 * | CRIME_SOURCE       | police investigators (a tip's reporter)                                     |
 */
import type { OrganizationId } from '@antt/reference';
import type { Scope } from './scope.js';

export const DATA_CLASSES = ['PUBLIC_AGGREGATE', 'INTERNAL', 'PERSONAL', 'SENSITIVE_PERSONAL', 'CRIME_SOURCE'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export function isDataClass(value: unknown): value is DataClass {
  return typeof value === 'string' && (DATA_CLASSES as readonly string[]).includes(value);
}

/** Classes whose every read is recorded in the audit trail. */
export function isAudited(c: DataClass): boolean {
  return c === 'PERSONAL' || c === 'SENSITIVE_PERSONAL' || c === 'CRIME_SOURCE';
}

function isStaff(scope: Scope): boolean {
  return scope.has('STAFF') || scope.has('LEADER') || scope.has('INVESTIGATOR');
}

/** Staff of the organization that owns the data. */
export function isOwnerStaff(scope: Scope, owner: OrganizationId): boolean {
  return isStaff(scope) && scope.identity.organization === owner;
}

export function mayReadClass(scope: Scope, c: DataClass, owner: OrganizationId): boolean {
  switch (c) {
    case 'PUBLIC_AGGREGATE':
      return true;
    case 'INTERNAL':
      return scope.has('LEADERSHIP') || (isStaff(scope) && scope.identity.organization !== 'province');
    case 'PERSONAL':
      return isOwnerStaff(scope, owner) || (scope.has('LEADERSHIP') && scope.has('PERSONAL_DATA'));
    case 'SENSITIVE_PERSONAL':
      return isOwnerStaff(scope, owner);
    case 'CRIME_SOURCE':
      return owner === 'police' && scope.identity.organization === 'police' && scope.has('INVESTIGATOR');
  }
}

/**
 * Whether any organization's data of class `c` could be read by this caller: what the gateway can
 * decide before it knows which subgraph answers (it refuses early only what no subgraph would allow).
 */
export function mayReadClassAnywhere(scope: Scope, c: DataClass): boolean {
  if (c === 'CRIME_SOURCE') return mayReadClass(scope, c, 'police');
  if (c === 'PERSONAL' || c === 'SENSITIVE_PERSONAL')
    return isStaff(scope) && scope.identity.organization !== 'province' ? true : mayReadClass(scope, c, 'front');
  return mayReadClass(scope, c, 'front');
}
