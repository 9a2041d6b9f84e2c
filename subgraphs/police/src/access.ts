/**
 * The police's need-to-know rules, as the decisions of the authorization module
 * (packages/auth/src/authorization.ts) answer them: tips are police business, a reporter's identity is
 * an investigator's alone, the register and the forces are internal data of the police.
 */
import { authorize, enforce, forbidden, type Scope } from '@antt/auth';

export function isPoliceStaff(scope: Scope): boolean {
  return scope.principal.isStaffOf('police');
}

/** Any organization's staff (not leadership, not a dashboard): who may hand a tip over or report a hotspot. */
export function isOrganizationStaff(scope: Scope): boolean {
  return scope.principal.staffOf !== null;
}

/** Register, assessments, key areas, forces, trainings: internal but not personal. */
export function canReadInternal(scope: Scope): boolean {
  return authorize.readClass(scope.principal, 'INTERNAL', 'police').allowed;
}

export function assertInJurisdiction(scope: Scope, unitId: string): void {
  if (!scope.principal.covers(unitId)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
}

export function assertPoliceWriter(scope: Scope, unitId: string): void {
  if (!isPoliceStaff(scope)) throw forbidden('Chỉ cán bộ Công an mới được ghi hồ sơ này.');
  assertInJurisdiction(scope, unitId);
}

export function assertCanReadInternal(scope: Scope, unitId: string): void {
  if (!canReadInternal(scope)) throw forbidden('Bạn không có quyền xem hồ sơ này.');
  assertInJurisdiction(scope, unitId);
}

/** Indicators of the standard are the plan's own targets: every role may read them inside its jurisdiction. */
export function assertCanReadIndicators(scope: Scope, unitId: string): void {
  assertInJurisdiction(scope, unitId);
}

/** Counts of tips, hotspots and cases: police, leadership, steering committees and dashboards, inside their jurisdiction. */
export function assertCanReadPoliceCounts(scope: Scope, unitId: string): void {
  enforce(authorize.readCounts(scope.principal, { org: 'police' }, unitId));
}
