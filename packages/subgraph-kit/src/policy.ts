/**
 * Who may read and write the records every organization keeps of its part in the movement (models, forums, opinions), on top of Scope's foundation rules.
 * The plan gives two organizations a province-wide watch over everyone's part: the Front and the police
 * monitor, inspect and review the plan together (sections III.1 and III.2) and review every model; so
 * their staff read these records of every organization inside their own jurisdiction: the kind's
 * visibility is 'monitored'.
 */
import { forbidden, type Scope } from '@antt/auth';
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';

/** The organizations that monitor the plan and review models. */
export const MONITORS: readonly OrganizationId[] = ['front', 'police'];

/** Staff (or leaders) of one of the monitoring organizations, not leadership. */
export function monitorOrganization(scope: Scope): OrganizationId | null {
  const org = scope.identity.organization;
  return org !== 'province' && MONITORS.includes(org) && scope.canWrite(org) ? org : null;
}

/** Whether the caller may read `org`'s movement records (models, forums, opinions): its own staff, the monitors, leadership. */
export function canReadMonitoredRecords(scope: Scope, org: OrganizationId): boolean {
  return scope.canReadRecords(org) || monitorOrganization(scope) !== null;
}

/** The organization the caller works for, when they are an organization's staff (not leadership or a dashboard). */
export function staffOrganization(scope: Scope): OrganizationId | null {
  const org = scope.identity.organization;
  return org !== 'province' && scope.canWrite(org) ? org : null;
}

function orgName(org: OrganizationId): string {
  return ORGANIZATIONS[org].nameVi;
}

/** Refuses a read of `org`'s movement records at `unitId` unless canReadMonitoredRecords and the jurisdiction allow it. */
export function assertCanReadMonitored(scope: Scope, org: OrganizationId, unitId: string): void {
  if (!canReadMonitoredRecords(scope, org)) throw forbidden(`Bạn không có quyền xem hồ sơ của ${orgName(org)}.`);
  if (!scope.coversUnit(unitId)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
}

/** Counts: whoever may read the records, and dashboards. */
export function assertCanReadMonitoredCounts(scope: Scope, org: OrganizationId, unitId: string): void {
  if (!canReadMonitoredRecords(scope, org) && !scope.canReadAggregates(org)) throw forbidden(`Bạn không có quyền xem số liệu của ${orgName(org)}.`);
  if (!scope.coversUnit(unitId)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
}
