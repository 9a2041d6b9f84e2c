/**
 * Who may read what, for records that are not all alike. The foundation's Scope answers for ordinary
 * records (the organization's staff and leaders in their jurisdiction, provincial leadership, a
 * dashboard for counts); sensitive records (victims of violence, trafficking and abuse) are readable by
 * the organization's own staff of that jurisdiction only, and everyone else gets counts.
 */
import { forbidden, type Scope } from '@antt/auth';
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';

/** How a kind of record may be read. */
export type Visibility = 'records' | 'own-staff';

/** Staff and leaders of the organization itself (the only ones who may also write its records). */
export function isOwnStaff(scope: Scope, org: OrganizationId): boolean {
  return scope.canWrite(org);
}

/** Whether the caller may read one record kept under `unitId`; outside it, a record and no record look the same. */
export function canReadRecord(scope: Scope, org: OrganizationId, unitId: string, visibility: Visibility): boolean {
  const allowed = visibility === 'own-staff' ? isOwnStaff(scope, org) : scope.canReadRecords(org);
  return allowed && scope.coversUnit(unitId);
}

export function assertCanList(scope: Scope, org: OrganizationId, unitId: string, visibility: Visibility): void {
  if (visibility === 'own-staff' && !isOwnStaff(scope, org)) {
    throw forbidden(
      `Hồ sơ này chứa dữ liệu cá nhân nhạy cảm: chỉ cán bộ ${ORGANIZATIONS[org].nameVi} phụ trách địa bàn mới được xem; lãnh đạo xem số liệu tổng hợp.`,
    );
  }
  scope.assertCanReadRecords(org, unitId);
}
