/**
 * What a caller may do, decided in one place. Repositories are built with a Scope, so every query is
 * filtered by it (the cosmo control-plane pattern) and no resolver repeats an auth check.
 *
 * The rules (data classes refine them, see data-classes.ts):
 * - staff and leaders of an organization read and write that organization's records inside their
 *   jurisdiction, which is their unit with everything below it and, for a commune of the 2025 map, the
 *   old communes it was formed from;
 * - provincial leadership reads every organization's records, province-wide, and writes none;
 * - a dashboard reads aggregates (counts) only.
 */
import { ORGANIZATIONS, territory, type OrganizationId } from '@antt/reference';
import { forbidden } from './errors.js';
import type { Identity, Role } from './identity.js';

export class Scope {
  private readonly jurisdiction: ReadonlySet<string>;

  constructor(readonly identity: Identity) {
    this.jurisdiction = territory().covered(identity.unitId);
  }

  has(role: Role): boolean {
    return this.identity.roles.includes(role);
  }

  private get isOrganizationStaff(): boolean {
    return this.has('STAFF') || this.has('LEADER') || this.has('INVESTIGATOR');
  }

  /** Whether the caller's jurisdiction includes records kept under `unitId`. */
  coversUnit(unitId: string): boolean {
    return this.jurisdiction.has(unitId);
  }

  /**
   * The units whose records count for `unitId` and that the caller may see: a unit's roll-up, cut to
   * the caller's jurisdiction (a split commune's areas can lie in a neighbour's jurisdiction).
   */
  visibleUnder(unitId: string): Set<string> {
    const out = new Set<string>();
    for (const u of territory().covered(unitId)) if (this.jurisdiction.has(u)) out.add(u);
    return out;
  }

  canReadRecords(org: OrganizationId): boolean {
    return this.has('LEADERSHIP') || (this.isOrganizationStaff && this.identity.organization === org);
  }

  canReadAggregates(org: OrganizationId): boolean {
    return this.canReadRecords(org) || this.has('DASHBOARD');
  }

  canWrite(org: OrganizationId): boolean {
    return this.isOrganizationStaff && this.identity.organization === org;
  }

  assertCanReadRecords(org: OrganizationId, unitId: string): void {
    if (!this.canReadRecords(org)) throw forbidden(`Bạn không có quyền xem hồ sơ của ${orgName(org)}.`);
    if (!this.coversUnit(unitId)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
  }

  assertCanReadAggregates(org: OrganizationId, unitId: string): void {
    if (!this.canReadAggregates(org)) throw forbidden(`Bạn không có quyền xem số liệu của ${orgName(org)}.`);
    if (!this.coversUnit(unitId)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
  }

  assertCanWrite(org: OrganizationId, unitId: string): void {
    if (!this.canWrite(org)) throw forbidden(`Chỉ cán bộ của ${orgName(org)} mới được ghi hồ sơ của tổ chức này.`);
    if (!this.coversUnit(unitId)) throw forbidden('Không thể ghi hồ sơ cho đơn vị nằm ngoài địa bàn bạn phụ trách.');
  }
}

function orgName(org: OrganizationId): string {
  return ORGANIZATIONS[org].nameVi;
}
