/**
 * Who may do what with the police's own records, in one place. Builds on the shared Scope (staff of
 * an organization inside their jurisdiction, leadership, dashboards) with the police's need-to-know
 * rules: tips are police business, a reporter's identity is an investigator's alone.
 */
import { forbidden, type Scope } from '@antt/auth';

export function isPoliceStaff(scope: Scope): boolean {
  return scope.identity.organization === 'police' && (scope.has('STAFF') || scope.has('LEADER') || scope.has('INVESTIGATOR'));
}

/** Any organization's staff (not leadership, not a dashboard): who may hand a tip over or report a hotspot. */
export function isOrganizationStaff(scope: Scope): boolean {
  return scope.identity.organization !== 'province' && (scope.has('STAFF') || scope.has('LEADER') || scope.has('INVESTIGATOR'));
}

/** Register, assessments, key areas, forces, trainings: internal but not personal. */
export function canReadInternal(scope: Scope): boolean {
  return scope.has('LEADERSHIP') || isOrganizationStaff(scope);
}

export function assertInJurisdiction(scope: Scope, unitId: string): void {
  if (!scope.coversUnit(unitId)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
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

/** Counts of tips, hotspots and cases: police, leadership and dashboards. */
export function assertCanReadPoliceCounts(scope: Scope, unitId: string): void {
  if (!(isPoliceStaff(scope) || scope.has('LEADERSHIP') || scope.has('DASHBOARD'))) throw forbidden('Bạn không có quyền xem số liệu này.');
  assertInJurisdiction(scope, unitId);
}
