/**
 * Hotspots, key areas, model units, movement work and reintegration cases: the established API over
 * the police's kinds (src/kinds), under the police's rules of who sees what. Updates are corrections
 * with a reason, so every earlier state stays readable in the record's history.
 */
import { authorize, enforce, forbidden, invalidInput, notFound } from '@antt/auth';
import { isOrganizationId, ORGANIZATIONS, ORGANIZATION_IDS, territory, todayInVietnam } from '@antt/reference';
import { optionalText, periodRange, recordsOf, storedCode, storedUnit, unitOrJurisdiction, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { assertCanReadInternal, assertPoliceWriter, canReadInternal, isOrganizationStaff, isPoliceStaff } from '../access.js';
import { standardOf } from '../data/standard.js';
import { modelUnits } from '../db/schema.js';
import type { HotspotMediationResolvers, Resolvers } from '../generated/resolvers.js';
import {
  bulletins,
  coreForces,
  hotspots,
  HOTSPOT_STATUSES,
  KEY_AREA_STATUSES,
  keyAreas,
  REINTEGRATION_KINDS,
  reintegrationCases,
  trainings,
  type Participants,
} from '../kinds/index.js';
import { currentRecords, follow, standingRecord, writerFor } from '../data/records.js';

type Row = Record<string, unknown>;

const org = (id: unknown) => (typeof id === 'string' && isOrganizationId(id) ? ORGANIZATIONS[id] : null);
const unit = (r: Row) => storedUnit(r.unitId);

/** The organizations that keep mediation cases (packages/casework), by the type their cases have. */
const MEDIATION_TYPES = { veterans: 'VeteransMediationCase', farmers: 'FarmersMediationCase', elderly: 'ElderlyMediationCase' } as const;
type MediationType = (typeof MEDIATION_TYPES)[keyof typeof MEDIATION_TYPES];

const mediationType = (o: unknown): MediationType | null =>
  typeof o === 'string' && Object.hasOwn(MEDIATION_TYPES, o) ? MEDIATION_TYPES[storedCode(MEDIATION_TYPES, o)] : null;

const hotspotMediation: HotspotMediationResolvers = {
  __resolveType: (ref) => Object.values(MEDIATION_TYPES).find((t) => t === ref.__typename) ?? null,
};

/** Police and leadership see hotspots in their jurisdiction; another organization's staff see those it reported. */
function canReadHotspot(ctx: SubgraphContext, h: Row): boolean {
  const p = ctx.scope.principal;
  if (!p.covers(String(h.unitId))) return false;
  return authorize.readRecord(p, hotspots.spec).allowed || (p.staffOf !== null && p.staffOf === h.reportedBy);
}

function hotspot(ctx: SubgraphContext, id: string): StoredRecord | null {
  const h = standingRecord(ctx, hotspots, id);
  return h && canReadHotspot(ctx, h) ? h : null;
}

/** Who may see a case at all: police staff, member organizations' staff and leadership, inside their jurisdiction. */
function reintegrationCase(ctx: SubgraphContext, id: string): StoredRecord | null {
  const c = standingRecord(ctx, reintegrationCases, id);
  const p = ctx.scope.principal;
  return c && authorize.readClass(p, 'INTERNAL', 'police').allowed && p.covers(String(c.communeId)) ? c : null;
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

export const recordResolvers: Resolvers = {
  HotspotMediation: hotspotMediation,
  Query: {
    policeHotspots: (_, a, ctx) =>
      internal(ctx, hotspots, a.unitId, { where: '@s IS NULL OR hotspot_status = @s', params: { s: a.status ?? null } }).filter((h) => canReadHotspot(ctx, h)),
    policeKeyAreas: (_, a, ctx) => internal(ctx, keyAreas, a.unitId),
    /** The plan's model units: whoever reads internal records, and whoever reads the police's counts. */
    policeModelUnits: (_, __, ctx) => {
      if (!canReadInternal(ctx.scope)) enforce(authorize.readCounts(ctx.scope.principal, { org: 'police' }, undefined));
      return ctx.db.select().from(modelUnits).all();
    },
    policeCoreForces: (_, a, ctx) => internal(ctx, coreForces, a.unitId, { orderBy: 'id' }),
    policeTrainings: (_, a, ctx) => internal(ctx, trainings, a.unitId, periodRange('periodId', a.periodId)),
    /** Bulletins addressed to the caller's organization; police and leadership see all of them. */
    policeBulletins: (_, a, ctx) => {
      const p = ctx.scope.principal;
      if (p.isDashboardOnly) throw forbidden('Bảng điều khiển chỉ đọc số liệu tổng hợp.');
      const me = ctx.scope.identity.organization;
      const all = authorize.readRecord(p, { org: 'police' }).allowed;
      return currentRecords(ctx, bulletins, periodRange('periodId', a.periodId)).filter((b) => {
        const audience = Array.isArray(b.audience) ? b.audience : [];
        return all || audience.length === 0 || audience.includes(me);
      });
    },
    policeReintegrationCases: (_, a, ctx) => {
      if (!isPoliceStaff(ctx.scope)) throw forbidden('Danh sách hồ sơ tái hòa nhập chỉ dành cho cán bộ Công an.');
      return currentRecords(ctx, reintegrationCases, { units: ctx.scope.visibleUnder(a.unitId ?? ctx.scope.identity.unitId) });
    },
  },
  Mutation: {
    /** Police staff, or any organization's staff in their jurisdiction (the labour federation reports strikes). */
    reportHotspot: (_, { input }, ctx) => {
      if (!isOrganizationStaff(ctx.scope)) throw forbidden('Chỉ cán bộ của các tổ chức mới báo cáo vụ việc.');
      return writerFor(ctx, hotspots).create({ ...input, hotspotStatus: 'MONITORING', reportedBy: ctx.scope.identity.organization });
    },
    updateHotspot: (_, a, ctx) => {
      const h = hotspot(ctx, a.id);
      if (!h) throw notFound(`Không tìm thấy vụ việc ${a.id}.`);
      assertPoliceWriter(ctx.scope, String(h.unitId));
      const input = a.input;
      const o = input.mediatingOrganizationId;
      if (o != null && !isOrganizationId(o)) throw invalidInput('input.mediatingOrganizationId', `Không có tổ chức "${o}".`, 'UNKNOWN_ORGANIZATION');
      const mediationCaseId = optionalText('input.mediationCaseId', input.mediationCaseId, 100, 'Mã vụ hòa giải');
      if (mediationCaseId && !(o ?? h.mediatingOrganization))
        throw invalidInput('input.mediationCaseId', 'Ghi rõ tổ chức hòa giải (mediatingOrganizationId) cùng mã vụ hòa giải.', 'REQUIRED');
      const closing = input.status === 'RESOLVED' || input.status === 'ESCALATED';
      const closedOn = typeof h.closedOn === 'string' ? h.closedOn : null;
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
          closedOn: closing ? (closedOn ?? todayInVietnam()) : input.status ? null : undefined,
        },
        'Cập nhật diễn biến vụ việc',
      );
    },
    listKeyArea: (_, { input }, ctx) => {
      const { reason, ...rest } = input;
      return recordsOf(ctx, keyAreas).create({ ...rest, listingReason: reason, areaStatus: input.transformationPlan?.trim() ? 'BEING_TRANSFORMED' : 'LISTED' });
    },
    updateKeyArea: (_, a, ctx) => {
      const k = standingRecord(ctx, keyAreas, a.id);
      if (!k || !ctx.scope.principal.covers(String(k.unitId)) || !canReadInternal(ctx.scope)) throw notFound(`Không tìm thấy địa bàn ${a.id}.`);
      assertPoliceWriter(ctx.scope, String(k.unitId));
      if (a.status === 'CLEARED') {
        if (!a.clearedOn) throw invalidInput('clearedOn', 'Ghi ngày hoàn thành chuyển hóa.', 'REQUIRED');
        if (a.clearedOn > todayInVietnam()) throw invalidInput('clearedOn', 'Ngày hoàn thành ở tương lai.', 'DATE_IN_FUTURE');
        if (a.clearedOn < String(k.listedOn)) throw invalidInput('clearedOn', 'Ngày hoàn thành phải sau ngày xác định.', 'BEFORE_LISTING');
      } else if (a.clearedOn) {
        throw invalidInput('clearedOn', 'Chỉ ghi ngày hoàn thành khi trạng thái là CLEARED.', 'NOT_CLEARED');
      }
      return follow(ctx, keyAreas, k, { areaStatus: a.status, clearedOn: a.status === 'CLEARED' ? a.clearedOn : null }, 'Cập nhật tiến độ chuyển hóa địa bàn');
    },
    recordCoreForce: (_, { input }, ctx) => recordsOf(ctx, coreForces).create(input),
    recordPoliceTraining: (_, { input }, ctx) => recordsOf(ctx, trainings).create(input),
    issueBulletin: (_, { input }, ctx) => {
      const audienceIds = input.audienceIds ?? [];
      audienceIds.forEach((o, i) => {
        if (!isOrganizationId(o)) throw invalidInput(`input.audienceIds.${i}`, `Không có tổ chức "${o}".`, 'UNKNOWN_ORGANIZATION');
      });
      if (!isPoliceStaff(ctx.scope)) throw forbidden('Chỉ Công an phát hành thông báo phương thức, thủ đoạn.');
      const { audienceIds: _ids, ...rest } = input;
      return recordsOf(ctx, bulletins).create({ ...rest, unitId: ctx.scope.identity.unitId, audience: audienceIds });
    },
  },
  Hotspot: {
    __resolveReference: (ref, ctx) => hotspot(ctx, String(ref.id)),
    unit,
    status: (h) => storedCode(HOTSPOT_STATUSES, h.hotspotStatus),
    mediatingOrganization: (h) => org(h.mediatingOrganization),
    // A reference the gateway completes from the organization that keeps the case.
    mediation: (h) => {
      const type = mediationType(h.mediatingOrganization);
      return h.mediationCaseId && type ? { __typename: type, id: h.mediationCaseId } : null;
    },
    reportedBy: (h) => (h.reportedBy === 'police' ? null : org(h.reportedBy)),
  },
  KeyArea: { unit, reason: (k) => String(k.listingReason), status: (k) => storedCode(KEY_AREA_STATUSES, k.areaStatus) },
  ModelUnit: {
    unit,
    latestResult: async (m, _, ctx) => {
      // The latest assessment year with a self-assessment, of the unit or (after the reform) of the commune it rolled into.
      const standard = standardOf(ctx);
      const own = storedUnit(m.unitId);
      for (let y = Number(new Date().toISOString().slice(0, 4)); y >= 2021; y--) {
        for (const id of [own.id, territory().currentUnit(own.id)?.id].filter((x): x is string => !!x)) {
          const a = ctx.scope.principal.covers(id) ? standard.assessmentForUnit(id, y) : null;
          // A commune's TT124-XA-1 reads the Front's model reviews: asked first.
          const r = a ? (await standard.prepare([a])).result(a) : null;
          if (r) return r;
        }
      }
      return null;
    },
  },
  CoreForce: { unit },
  PoliceTraining: {
    unit,
    participants: (t) => (JSON.parse(String(t.participants)) as Participants[]).map((p) => ({ organization: org(p.organizationId), count: p.count })),
  },
  Bulletin: {
    audience: (b) => {
      const ids = (Array.isArray(b.audience) ? b.audience : []).map((o) => storedCode(ORGANIZATIONS, o));
      return (ids.length ? ids : ORGANIZATION_IDS).map((o) => ORGANIZATIONS[o]);
    },
  },
  ReintegrationCase: {
    // Member organizations reach a case through their support records: they get the id and commune only.
    __resolveReference: (ref, ctx) => reintegrationCase(ctx, String(ref.id)),
    commune: (c) => storedUnit(c.communeId),
    returnedOn: (c, _, ctx) => (isPoliceStaff(ctx.scope) && typeof c.returnedOn === 'string' ? c.returnedOn : null),
    kind: (c, _, ctx) => (isPoliceStaff(ctx.scope) ? storedCode(REINTEGRATION_KINDS, c.kind) : null),
  },
  PoliceUnitRecords: {
    // asRecordedAt: the instant the figures' basis gives (subgraph-kit reports/basis-fields.ts).
    openHotspots: (p, { periodId, asRecordedAt }, ctx) =>
      recordsOf(ctx, hotspots).aggregate<{ n: number }>({ unitId: String(p.unitId), periodId, asRecordedAt }, 'count(*) AS n', {
        dated: false,
        where: 'since <= @to AND (closed_on IS NULL OR closed_on > @to)',
      })[0]!.n,
    reintegrationCases: (p, { periodId, asRecordedAt }, ctx) =>
      recordsOf(ctx, reintegrationCases).aggregate<{ n: number }>({ unitId: String(p.unitId), periodId, asRecordedAt }, 'count(*) AS n')[0]!.n,
  },
};
