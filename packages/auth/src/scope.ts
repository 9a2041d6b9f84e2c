/**
 * The caller's scope, as repositories and resolvers are built with it: every query is filtered by it
 * (the cosmo control-plane pattern). It decides nothing itself: each method asks the authorization
 * module (authorization.ts), so code that still goes through a Scope gets the same answers as code
 * that asks the module directly.
 */
import type { IsoDate, OrganizationId } from '@antt/reference';
import { authorize, enforce, principalOf, type Principal } from './authorization.js';
import type { Identity } from './identity.js';

export class Scope {
  readonly principal: Principal;

  constructor(readonly identity: Identity) {
    this.principal = principalOf(identity);
  }

  /** Whether the caller's jurisdiction includes records kept under `unitId` (dated `date`, when given). */
  coversUnit(unitId: string, date?: IsoDate | null): boolean {
    return this.principal.covers(unitId, date);
  }

  /**
   * The units whose records count for `unitId` and that the caller may see: a unit's roll-up, cut to
   * the caller's jurisdiction (a split commune's areas can lie in a neighbour's jurisdiction).
   */
  visibleUnder(unitId: string): ReadonlySet<string> {
    return this.principal.visibleUnder(unitId);
  }

  canReadRecords(org: OrganizationId): boolean {
    return authorize.readRecord(this.principal, { org }).allowed;
  }

  canReadAggregates(org: OrganizationId): boolean {
    return authorize.readCounts(this.principal, { org }, undefined).allowed;
  }

  canWrite(org: OrganizationId): boolean {
    return authorize.writeAny(this.principal, org).allowed;
  }

  assertCanReadRecords(org: OrganizationId, unitId: string): void {
    enforce(authorize.listRecords(this.principal, { org }, unitId));
  }

  assertCanReadAggregates(org: OrganizationId, unitId: string): void {
    enforce(authorize.readCounts(this.principal, { org }, unitId));
  }

  assertCanWrite(org: OrganizationId, unitId: string, date?: IsoDate | null): void {
    enforce(authorize.write(this.principal, org, unitId, date));
  }
}
