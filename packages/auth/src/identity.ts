/**
 * Who is calling: the verified claims of a token. Roles are checked in one place (authorization.ts),
 * never in resolvers.
 */
import { isOrganizationId, type OrganizationId } from '@antt/reference';

/**
 * STAFF and LEADER work for one organization inside a jurisdiction (their unit: a commune, a district
 * or the province); LEADERSHIP is provincial leadership (all organizations, no personal data unless
 * PERSONAL_DATA is also granted); INVESTIGATOR is police with a need to know reporters; CONSOLIDATOR
 * is province-level staff of the police's or the Front's movement office, who read every
 * organization's submitted reports; STEERING_COMMITTEE is a member of a steering committee (Ban Chỉ
 * đạo) at their unit; DASHBOARD reads aggregates through allowlisted operations; AUDITOR reads an
 * organization's audit trail (the province's: every organization's), and nothing else.
 * What each may do is decided in authorization.ts.
 */
export const ROLES = ['STAFF', 'LEADER', 'LEADERSHIP', 'PERSONAL_DATA', 'DASHBOARD', 'INVESTIGATOR', 'AUDITOR', 'CONSOLIDATOR', 'STEERING_COMMITTEE'] as const;
export type Role = (typeof ROLES)[number];

/** The province's steering committee (Ban Chỉ đạo): leadership that belongs to no single organization. */
export const PROVINCE_ORG = 'province' as const;
export type CallerOrganization = OrganizationId | typeof PROVINCE_ORG;

export interface Identity {
  /** User id (the token's `sub`). */
  userId: string;
  name: string;
  organization: CallerOrganization;
  /** The unit the user's jurisdiction covers (with everything below it). */
  unitId: string;
  roles: Role[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isCallerOrganization(value: unknown): value is CallerOrganization {
  return typeof value === 'string' && (value === PROVINCE_ORG || isOrganizationId(value));
}
