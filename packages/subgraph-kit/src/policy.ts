/**
 * Old entry points of the kit's policy, kept for the callers that still use them (the Front's and the
 * police's resolvers); each asks the authorization module (packages/auth/src/authorization.ts), which
 * decides who reads the records every organization keeps of its part in the movement (the kinds whose
 * visibility is 'monitored': the Front's and the police's staff read them in their jurisdiction).
 */
import { authorize, enforce, MONITORS, type Scope } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';

export { MONITORS };

/** Staff (or leaders) of one of the monitoring organizations, not leadership. */
export function monitorOrganization(scope: Scope): OrganizationId | null {
  return scope.principal.monitorOf;
}

/** Whether the caller may read `org`'s movement records (models, forums, opinions): its own staff, the monitors, leadership. */
export function canReadMonitoredRecords(scope: Scope, org: OrganizationId): boolean {
  return authorize.readRecord(scope.principal, { org, visibility: 'monitored' }).allowed;
}

/** The organization the caller works for, when they are an organization's staff (not leadership or a dashboard). */
export function staffOrganization(scope: Scope): OrganizationId | null {
  return scope.principal.staffOf;
}

/** Refuses a read of `org`'s movement records at `unitId` unless the module allows it. */
export function assertCanReadMonitored(scope: Scope, org: OrganizationId, unitId: string): void {
  enforce(authorize.listRecords(scope.principal, { org, visibility: 'monitored' }, unitId));
}

/** Counts: whoever may read the records, and dashboards. */
export function assertCanReadMonitoredCounts(scope: Scope, org: OrganizationId, unitId: string): void {
  enforce(authorize.readCounts(scope.principal, { org, countedBy: 'monitors' }, unitId));
}
