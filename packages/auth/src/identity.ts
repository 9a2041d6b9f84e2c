/**
 * Who is calling: the verified claims of a token. Roles are checked in one place (Scope), never in
 * resolvers.
 */
import { isOrganizationId, type OrganizationId } from '@antt/reference';

export const ROLES = ['STAFF', 'LEADER', 'LEADERSHIP', 'DASHBOARD', 'INVESTIGATOR', 'AUDITOR'] as const;
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
