/**
 * Reintegration cases (tái hòa nhập cộng đồng, Decree 49/2020), kept by commune police. Outside the
 * police a case is only its pseudonymous id and commune; the person's identity and criminal history
 * are sealed (sensitive personal data, Decree 356/2025) and no field of the schema opens them.
 */
import { eq } from 'drizzle-orm';
import { forbidden, invalidInput, type Scope } from '@antt/auth';
import { periodById, type OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { reintegrationCases } from '../db/schema.js';
import { assertCanReadPoliceCounts, isOrganizationStaff, isPoliceStaff } from '../access.js';

export type CaseRow = typeof reintegrationCases.$inferSelect;

export class ReintegrationRepository {
  constructor(
    private readonly db: Db,
    _org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  /** Who may see a case at all: police staff, member organizations' staff and leadership, inside their jurisdiction. */
  private canSee(c: CaseRow): boolean {
    return (isOrganizationStaff(this.scope) || this.scope.has('LEADERSHIP')) && this.scope.coversUnit(c.communeId);
  }

  /** Police staff also see when and how the person returned. */
  seesDetail(): boolean {
    return isPoliceStaff(this.scope);
  }

  byId(id: string): CaseRow | null {
    const c = this.db.select().from(reintegrationCases).where(eq(reintegrationCases.id, id)).get();
    return c && this.canSee(c) ? c : null;
  }

  list(unitId: string | null | undefined): CaseRow[] {
    if (!isPoliceStaff(this.scope)) throw forbidden('Danh sách hồ sơ tái hòa nhập chỉ dành cho cán bộ Công an.');
    const vis = this.scope.visibleUnder(unitId ?? this.scope.identity.unitId);
    return this.db.select().from(reintegrationCases).orderBy(reintegrationCases.returnedOn).all().filter((c) => vis.has(c.communeId));
  }

  countReturned(unitId: string, periodId: string): number {
    assertCanReadPoliceCounts(this.scope, unitId);
    const p = periodById(periodId);
    if (!p) throw invalidInput('periodId', `Không có kỳ "${periodId}".`, 'UNKNOWN_PERIOD');
    const vis = this.scope.visibleUnder(unitId);
    return this.db.select().from(reintegrationCases).all().filter((c) => vis.has(c.communeId) && c.returnedOn >= p.start && c.returnedOn <= p.end).length;
  }
}
