/** Hotspots, key complex areas and the plan's model units. Parties are counted, never named. */
import { eq } from 'drizzle-orm';
import { forbidden, invalidInput, notFound, type Scope } from '@antt/auth';
import { isOrganizationId, periodById, todayInVietnam, type IsoDate, type OrganizationId } from '@antt/reference';
import { intInRange, notInFuture, optionalText, requiredText, unitValidOn, type Db } from '@antt/subgraph-kit';
import { hotspots, keyAreas, modelUnits } from '../db/schema.js';
import { assertCanReadInternal, assertCanReadPoliceCounts, assertPoliceWriter, canReadInternal, isOrganizationStaff, isPoliceStaff } from '../access.js';

export type HotspotRow = typeof hotspots.$inferSelect;
export type KeyAreaRow = typeof keyAreas.$inferSelect;

export interface ReportHotspotInput {
  kind: string;
  unitId: string;
  summary: string;
  partiesCount: number;
  riskLevel: string;
  since: IsoDate;
  actions?: string | null;
}

export interface UpdateHotspotInput {
  riskLevel?: string | null;
  status?: string | null;
  actions?: string | null;
  mediatingOrganizationId?: string | null;
  mediationCaseId?: string | null;
}

export class HotspotsRepository {
  constructor(
    private readonly db: Db,
    _org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  /** Police and leadership see hotspots in their jurisdiction; another organization sees those it reported. */
  private canRead(h: HotspotRow): boolean {
    if (!this.scope.coversUnit(h.unitId)) return false;
    return isPoliceStaff(this.scope) || this.scope.has('LEADERSHIP') || (isOrganizationStaff(this.scope) && h.reportedBy === this.scope.identity.organization);
  }

  byId(id: number): HotspotRow | null {
    const h = this.db.select().from(hotspots).where(eq(hotspots.id, id)).get();
    return h && this.canRead(h) ? h : null;
  }

  list(unitId: string | null | undefined, status?: string | null): HotspotRow[] {
    const u = unitId ?? this.scope.identity.unitId;
    assertCanReadInternal(this.scope, u);
    const vis = this.scope.visibleUnder(u);
    return this.db.select().from(hotspots).orderBy(hotspots.since).all().filter((h) => vis.has(h.unitId) && (!status || h.status === status) && this.canRead(h));
  }

  openAt(unitId: string, periodId: string): number {
    assertCanReadPoliceCounts(this.scope, unitId);
    const p = periodById(periodId);
    if (!p) throw invalidInput('periodId', `Không có kỳ "${periodId}".`, 'UNKNOWN_PERIOD');
    const vis = this.scope.visibleUnder(unitId);
    return this.db.select().from(hotspots).all().filter((h) => vis.has(h.unitId) && h.since <= p.end && (!h.closedOn || h.closedOn > p.end)).length;
  }

  report(input: ReportHotspotInput, opts: { demo?: boolean } = {}): HotspotRow {
    notInFuture('input.since', input.since, 'Ngày phát sinh');
    const unit = unitValidOn('input.unitId', input.unitId, input.since);
    const summary = requiredText('input.summary', input.summary, 2000, 'Nội dung vụ việc');
    intInRange('input.partiesCount', input.partiesCount, 1, 100_000, 'Số bên liên quan');
    const actions = optionalText('input.actions', input.actions, 4000, 'Biện pháp đã thực hiện');
    if (!isOrganizationStaff(this.scope)) throw forbidden('Chỉ cán bộ của các tổ chức mới báo cáo vụ việc.');
    if (!this.scope.coversUnit(unit.id)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
    return this.db.insert(hotspots).values({ kind: input.kind, unitId: unit.id, summary, partiesCount: input.partiesCount, riskLevel: input.riskLevel, since: input.since, actions, status: 'MONITORING', reportedBy: this.scope.identity.organization, demo: opts.demo ?? false, recordedBy: this.scope.identity.userId }).returning().get();
  }

  update(id: number, input: UpdateHotspotInput): HotspotRow {
    const h = this.byId(id);
    if (!h) throw notFound(`Không tìm thấy vụ việc ${id}.`);
    assertPoliceWriter(this.scope, h.unitId);
    const org = input.mediatingOrganizationId;
    if (org != null && !isOrganizationId(org)) throw invalidInput('input.mediatingOrganizationId', `Không có tổ chức "${org}".`, 'UNKNOWN_ORGANIZATION');
    const mediationCaseId = optionalText('input.mediationCaseId', input.mediationCaseId, 100, 'Mã vụ hòa giải');
    if (mediationCaseId && !(org ?? h.mediatingOrganization)) throw invalidInput('input.mediationCaseId', 'Ghi rõ tổ chức hòa giải (mediatingOrganizationId) cùng mã vụ hòa giải.', 'REQUIRED');
    const closing = input.status === 'RESOLVED' || input.status === 'ESCALATED';
    return this.db.update(hotspots).set({
      riskLevel: input.riskLevel ?? h.riskLevel,
      status: input.status ?? h.status,
      actions: input.actions !== undefined ? optionalText('input.actions', input.actions, 4000, 'Biện pháp') : h.actions,
      mediatingOrganization: org ?? h.mediatingOrganization,
      mediationCaseId: mediationCaseId ?? h.mediationCaseId,
      closedOn: closing ? (h.closedOn ?? todayInVietnam()) : input.status ? null : h.closedOn,
    }).where(eq(hotspots.id, id)).returning().get();
  }

  // ----- key areas and model units -----

  keyAreas(unitId: string | null | undefined): KeyAreaRow[] {
    const u = unitId ?? this.scope.identity.unitId;
    assertCanReadInternal(this.scope, u);
    const vis = this.scope.visibleUnder(u);
    return this.db.select().from(keyAreas).orderBy(keyAreas.listedOn).all().filter((k) => vis.has(k.unitId));
  }

  listKeyArea(input: { unitId: string; reason: string; listedOn: IsoDate; transformationPlan?: string | null }, opts: { demo?: boolean } = {}): KeyAreaRow {
    notInFuture('input.listedOn', input.listedOn, 'Ngày xác định');
    const unit = unitValidOn('input.unitId', input.unitId, input.listedOn);
    const reason = requiredText('input.reason', input.reason, 2000, 'Lý do');
    const plan = optionalText('input.transformationPlan', input.transformationPlan, 4000, 'Kế hoạch chuyển hóa');
    assertPoliceWriter(this.scope, unit.id);
    return this.db.insert(keyAreas).values({ unitId: unit.id, reason, listedOn: input.listedOn, transformationPlan: plan, status: plan ? 'BEING_TRANSFORMED' : 'LISTED', demo: opts.demo ?? false, recordedBy: this.scope.identity.userId }).returning().get();
  }

  updateKeyArea(id: number, status: string, clearedOn: IsoDate | null | undefined): KeyAreaRow {
    const k = this.db.select().from(keyAreas).where(eq(keyAreas.id, id)).get();
    if (!k || !this.scope.coversUnit(k.unitId) || !canReadInternal(this.scope)) throw notFound(`Không tìm thấy địa bàn ${id}.`);
    assertPoliceWriter(this.scope, k.unitId);
    if (status === 'CLEARED') {
      if (!clearedOn) throw invalidInput('clearedOn', 'Ghi ngày hoàn thành chuyển hóa.', 'REQUIRED');
      notInFuture('clearedOn', clearedOn, 'Ngày hoàn thành');
      if (clearedOn < k.listedOn) throw invalidInput('clearedOn', 'Ngày hoàn thành phải sau ngày xác định.', 'BEFORE_LISTING');
    } else if (clearedOn) {
      throw invalidInput('clearedOn', 'Chỉ ghi ngày hoàn thành khi trạng thái là CLEARED.', 'NOT_CLEARED');
    }
    return this.db.update(keyAreas).set({ status, clearedOn: status === 'CLEARED' ? clearedOn! : null }).where(eq(keyAreas.id, id)).returning().get();
  }

  modelUnits() {
    if (!canReadInternal(this.scope) && !this.scope.has('DASHBOARD')) throw forbidden('Bạn không có quyền xem mục này.');
    return this.db.select().from(modelUnits).all();
  }
}
