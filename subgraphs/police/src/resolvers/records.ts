/**
 * Hotspots, key areas, model units, movement work and reintegration cases: the established API over
 * the police's kinds (src/kinds), under the police's rules of who sees what. Updates are corrections
 * with a reason, so every earlier state stays readable in the record's history.
 */
import { forbidden, invalidInput, notFound } from '@antt/auth';
import { isOrganizationId, ORGANIZATIONS, ORGANIZATION_IDS, territory, todayInVietnam, type OrganizationId } from '@antt/reference';
import { optionalText, periodRange, recordsOf, unitOrJurisdiction, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { assertCanReadInternal, assertPoliceWriter, canReadInternal, isOrganizationStaff, isPoliceStaff } from '../access.js';
import { standardOf } from '../data/standard.js';
import { modelUnits } from '../db/schema.js';
import { bulletins, coreForces, hotspots, keyAreas, reintegrationCases, trainings, type Participants } from '../kinds/index.js';
import { currentRecords, follow, standingRecord, writerFor } from '../data/records.js';

const org = (id: unknown) => (typeof id === 'string' && isOrganizationId(id) ? ORGANIZATIONS[id as OrganizationId] : null);
const unit = (r: StoredRecord) => territory().unit(r.unitId as string);

/** The organizations that keep mediation cases (packages/casework). */
const MEDIATORS = ['veterans', 'farmers', 'elderly'];

/** Police and leadership see hotspots in their jurisdiction; another organization sees those it reported. */
function canReadHotspot(ctx: SubgraphContext, h: StoredRecord): boolean {
  if (!ctx.scope.coversUnit(h.unitId as string)) return false;
  return isPoliceStaff(ctx.scope) || ctx.scope.has('LEADERSHIP') || (isOrganizationStaff(ctx.scope) && h.reportedBy === ctx.scope.identity.organization);
}

function hotspot(ctx: SubgraphContext, id: string): StoredRecord | null {
  const h = standingRecord(ctx, hotspots, id);
  return h && canReadHotspot(ctx, h) ? h : null;
}

/** Who may see a case at all: police staff, member organizations' staff and leadership, inside their jurisdiction. */
function reintegrationCase(ctx: SubgraphContext, id: string): StoredRecord | null {
  const c = standingRecord(ctx, reintegrationCases, id);
  return c && (isOrganizationStaff(ctx.scope) || ctx.scope.has('LEADERSHIP')) && ctx.scope.coversUnit(c.communeId as string) ? c : null;
}

/** A list of internal records under a unit: organizations' staff and leadership, inside their jurisdiction. */
function internal(
  ctx: SubgraphContext,
  kind: Parameters<typeof currentRecords>[1],
  unitId: string | null | undefined,
  extra: Omit<Parameters<typeof currentRecords>[2] & object, 'units'> = {},
) {
  const u = unitOrJurisdiction(ctx.scope, unitId);
  assertCanReadInternal(ctx.scope, u);
  return currentRecords(ctx, kind, { ...extra, units: ctx.scope.visibleUnder(u) });
}

export interface ReportHotspotInput {
  kind: string;
  unitId: string;
  summary: string;
  partiesCount: number;
  riskLevel: string;
  since: string;
  actions?: string | null;
}

export interface UpdateHotspotInput {
  riskLevel?: string | null;
  status?: string | null;
  actions?: string | null;
  mediatingOrganizationId?: string | null;
  mediationCaseId?: string | null;
}

export const recordResolvers = {
  HotspotMediation: { __resolveType: (ref: { __typename: string }) => ref.__typename },
  Query: {
    policeHotspots: (_: unknown, a: { unitId?: string; status?: string }, ctx: SubgraphContext) =>
      internal(ctx, hotspots, a.unitId, { where: '@s IS NULL OR hotspot_status = @s', params: { s: a.status ?? null } }).filter((h) => canReadHotspot(ctx, h)),
    policeKeyAreas: (_: unknown, a: { unitId?: string }, ctx: SubgraphContext) => internal(ctx, keyAreas, a.unitId),
    policeModelUnits: (_: unknown, __: unknown, ctx: SubgraphContext) => {
      if (!canReadInternal(ctx.scope) && !ctx.scope.has('DASHBOARD')) throw forbidden('Bạn không có quyền xem mục này.');
      return ctx.db.select().from(modelUnits).all();
    },
    policeCoreForces: (_: unknown, a: { unitId?: string }, ctx: SubgraphContext) => internal(ctx, coreForces, a.unitId, { orderBy: 'id' }),
    policeTrainings: (_: unknown, a: { unitId?: string; periodId?: string }, ctx: SubgraphContext) =>
      internal(ctx, trainings, a.unitId, periodRange('periodId', a.periodId)),
    /** Bulletins addressed to the caller's organization; police and leadership see all of them. */
    policeBulletins: (_: unknown, a: { periodId?: string }, ctx: SubgraphContext) => {
      if (ctx.scope.has('DASHBOARD') && !ctx.scope.has('LEADERSHIP')) throw forbidden('Bảng điều khiển chỉ đọc số liệu tổng hợp.');
      const me = ctx.scope.identity.organization;
      const all = isPoliceStaff(ctx.scope) || ctx.scope.has('LEADERSHIP');
      return currentRecords(ctx, bulletins, periodRange('periodId', a.periodId)).filter(
        (b) => all || (b.audience as string[]).length === 0 || (b.audience as string[]).includes(me),
      );
    },
    policeReintegrationCases: (_: unknown, a: { unitId?: string }, ctx: SubgraphContext) => {
      if (!isPoliceStaff(ctx.scope)) throw forbidden('Danh sách hồ sơ tái hòa nhập chỉ dành cho cán bộ Công an.');
      return currentRecords(ctx, reintegrationCases, { units: ctx.scope.visibleUnder(a.unitId ?? ctx.scope.identity.unitId) });
    },
  },
  Mutation: {
    /** Police staff, or any organization's staff in their jurisdiction (the labour federation reports strikes). */
    reportHotspot: (_: unknown, { input }: { input: ReportHotspotInput }, ctx: SubgraphContext) => {
      if (!isOrganizationStaff(ctx.scope)) throw forbidden('Chỉ cán bộ của các tổ chức mới báo cáo vụ việc.');
      return writerFor(ctx, hotspots).create({ ...input, hotspotStatus: 'MONITORING', reportedBy: ctx.scope.identity.organization });
    },
    updateHotspot: (_: unknown, a: { id: string; input: UpdateHotspotInput }, ctx: SubgraphContext) => {
      const h = hotspot(ctx, a.id);
      if (!h) throw notFound(`Không tìm thấy vụ việc ${a.id}.`);
      assertPoliceWriter(ctx.scope, h.unitId as string);
      const input = a.input;
      const o = input.mediatingOrganizationId;
      if (o != null && !isOrganizationId(o)) throw invalidInput('input.mediatingOrganizationId', `Không có tổ chức "${o}".`, 'UNKNOWN_ORGANIZATION');
      const mediationCaseId = optionalText('input.mediationCaseId', input.mediationCaseId, 100, 'Mã vụ hòa giải');
      if (mediationCaseId && !(o ?? h.mediatingOrganization))
        throw invalidInput('input.mediationCaseId', 'Ghi rõ tổ chức hòa giải (mediatingOrganizationId) cùng mã vụ hòa giải.', 'REQUIRED');
      const closing = input.status === 'RESOLVED' || input.status === 'ESCALATED';
      return follow(
        ctx,
        hotspots,
        h,
        {
          riskLevel: input.riskLevel ?? undefined,
          hotspotStatus: input.status ?? undefined,
          actions: input.actions !== undefined ? optionalText('input.actions', input.actions, 4000, 'Biện pháp') : undefined,
          mediatingOrganization: o ?? undefined,
          mediationCaseId: mediationCaseId ?? undefined,
          closedOn: closing ? ((h.closedOn as string | null) ?? todayInVietnam()) : input.status ? null : undefined,
        },
        'Cập nhật diễn biến vụ việc',
      );
    },
    listKeyArea: (
      _: unknown,
      { input }: { input: { unitId: string; reason: string; listedOn: string; transformationPlan?: string | null } },
      ctx: SubgraphContext,
    ) => {
      const { reason, ...rest } = input;
      return recordsOf(ctx, keyAreas).create({ ...rest, listingReason: reason, areaStatus: input.transformationPlan?.trim() ? 'BEING_TRANSFORMED' : 'LISTED' });
    },
    updateKeyArea: (_: unknown, a: { id: string; status: string; clearedOn?: string | null }, ctx: SubgraphContext) => {
      const k = standingRecord(ctx, keyAreas, a.id);
      if (!k || !ctx.scope.coversUnit(k.unitId as string) || !canReadInternal(ctx.scope)) throw notFound(`Không tìm thấy địa bàn ${a.id}.`);
      assertPoliceWriter(ctx.scope, k.unitId as string);
      if (a.status === 'CLEARED') {
        if (!a.clearedOn) throw invalidInput('clearedOn', 'Ghi ngày hoàn thành chuyển hóa.', 'REQUIRED');
        if (a.clearedOn > todayInVietnam()) throw invalidInput('clearedOn', 'Ngày hoàn thành ở tương lai.', 'DATE_IN_FUTURE');
        if (a.clearedOn < (k.listedOn as string)) throw invalidInput('clearedOn', 'Ngày hoàn thành phải sau ngày xác định.', 'BEFORE_LISTING');
      } else if (a.clearedOn) {
        throw invalidInput('clearedOn', 'Chỉ ghi ngày hoàn thành khi trạng thái là CLEARED.', 'NOT_CLEARED');
      }
      return follow(ctx, keyAreas, k, { areaStatus: a.status, clearedOn: a.status === 'CLEARED' ? a.clearedOn : null }, 'Cập nhật tiến độ chuyển hóa địa bàn');
    },
    recordCoreForce: (_: unknown, { input }: { input: Record<string, unknown> }, ctx: SubgraphContext) => recordsOf(ctx, coreForces).create(input),
    recordPoliceTraining: (_: unknown, { input }: { input: Record<string, unknown> }, ctx: SubgraphContext) => recordsOf(ctx, trainings).create(input),
    issueBulletin: (
      _: unknown,
      { input }: { input: { title: string; body: string; topic: string; issuedOn: string; audienceIds: string[] } },
      ctx: SubgraphContext,
    ) => {
      input.audienceIds.forEach((o, i) => {
        if (!isOrganizationId(o)) throw invalidInput(`input.audienceIds.${i}`, `Không có tổ chức "${o}".`, 'UNKNOWN_ORGANIZATION');
      });
      if (!isPoliceStaff(ctx.scope)) throw forbidden('Chỉ Công an phát hành thông báo phương thức, thủ đoạn.');
      const { audienceIds, ...rest } = input;
      return recordsOf(ctx, bulletins).create({ ...rest, unitId: ctx.scope.identity.unitId, audience: audienceIds });
    },
  },
  Hotspot: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => hotspot(ctx, ref.id),
    unit,
    status: (h: StoredRecord) => h.hotspotStatus,
    mediatingOrganization: (h: StoredRecord) => org(h.mediatingOrganization),
    // A reference the gateway completes from the organization that keeps the case.
    mediation: (h: StoredRecord) =>
      h.mediationCaseId && MEDIATORS.includes((h.mediatingOrganization as string) ?? '')
        ? { __typename: `${ORGANIZATIONS[h.mediatingOrganization as OrganizationId].typePrefix}MediationCase`, id: h.mediationCaseId }
        : null,
    reportedBy: (h: StoredRecord) => (h.reportedBy === 'police' ? null : org(h.reportedBy)),
  },
  KeyArea: { unit, reason: (k: StoredRecord) => k.listingReason, status: (k: StoredRecord) => k.areaStatus },
  ModelUnit: {
    unit: (m: { unitId: string }) => territory().unit(m.unitId),
    latestResult: (m: { unitId: string }, _: unknown, ctx: SubgraphContext) => {
      // The latest assessment year with a self-assessment, of the unit or (after the reform) of the commune it rolled into.
      const standard = standardOf(ctx);
      const t = territory();
      for (let y = Number(new Date().toISOString().slice(0, 4)); y >= 2021; y--) {
        for (const id of [m.unitId, t.currentUnit(m.unitId)?.id].filter((x): x is string => !!x)) {
          const a = ctx.scope.coversUnit(id) ? standard.assessmentForUnit(id, y) : null;
          const r = a ? standard.result(a) : null;
          if (r) return r;
        }
      }
      return null;
    },
  },
  CoreForce: { unit },
  PoliceTraining: {
    unit,
    participants: (t: StoredRecord) =>
      (JSON.parse(t.participants as string) as Participants[]).map((p) => ({ organization: org(p.organizationId), count: p.count })),
  },
  Bulletin: {
    audience: (b: StoredRecord) => {
      const ids = b.audience as OrganizationId[];
      return (ids.length ? ids : ORGANIZATION_IDS).map((o) => ORGANIZATIONS[o]);
    },
  },
  ReintegrationCase: {
    // Member organizations reach a case through their support records: they get the id and commune only.
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => reintegrationCase(ctx, ref.id),
    commune: (c: StoredRecord) => territory().unit(c.communeId as string),
    returnedOn: (c: StoredRecord, _: unknown, ctx: SubgraphContext) => (isPoliceStaff(ctx.scope) ? c.returnedOn : null),
    kind: (c: StoredRecord, _: unknown, ctx: SubgraphContext) => (isPoliceStaff(ctx.scope) ? c.kind : null),
  },
  PoliceUnitRecords: {
    openHotspots: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) =>
      recordsOf(ctx, hotspots).aggregate<{ n: number }>({ unitId, periodId }, 'count(*) AS n', {
        dated: false,
        where: 'since <= @to AND (closed_on IS NULL OR closed_on > @to)',
      })[0]!.n,
    reintegrationCases: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) =>
      recordsOf(ctx, reintegrationCases).aggregate<{ n: number }>({ unitId, periodId }, 'count(*) AS n')[0]!.n,
  },
};
