/** Resolvers of hotspots, key areas, model units, movement work and reintegration cases. */
import { ORGANIZATIONS, ORGANIZATION_IDS, territory, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '@antt/subgraph-kit';
import { HotspotsRepository, type HotspotRow, type ReportHotspotInput, type UpdateHotspotInput } from '../data/hotspots-repository.js';
import { MovementRepository, type BulletinRow, type TrainingRow } from '../data/movement-repository.js';
import { ReintegrationRepository, type CaseRow } from '../data/reintegration-repository.js';
import { StandardRepository } from '../data/standard-repository.js';

const hot = (ctx: SubgraphContext) => ctx.repo(HotspotsRepository);
const mov = (ctx: SubgraphContext) => ctx.repo(MovementRepository);
const reint = (ctx: SubgraphContext) => ctx.repo(ReintegrationRepository);
const num = (s: string) => (/^[1-9]\d{0,15}$/.test(s) ? Number(s) : 0);
const org = (id: string | null) => (id ? ORGANIZATIONS[id as OrganizationId] : null);
const unit = (row: { unitId: string }) => territory().unit(row.unitId);

/** The organizations that keep mediation cases (packages/duties). */
const MEDIATORS = ['veterans', 'farmers', 'elderly'];

export const recordResolvers = {
  HotspotMediation: { __resolveType: (ref: { __typename: string }) => ref.__typename },
  Query: {
    policeHotspots: (_: unknown, a: { unitId?: string; status?: string }, ctx: SubgraphContext) => hot(ctx).list(a.unitId, a.status),
    policeKeyAreas: (_: unknown, a: { unitId?: string }, ctx: SubgraphContext) => hot(ctx).keyAreas(a.unitId),
    policeModelUnits: (_: unknown, __: unknown, ctx: SubgraphContext) => hot(ctx).modelUnits(),
    policeCoreForces: (_: unknown, a: { unitId?: string }, ctx: SubgraphContext) => mov(ctx).coreForces(a.unitId),
    policeTrainings: (_: unknown, a: { unitId?: string; periodId?: string }, ctx: SubgraphContext) => mov(ctx).trainings(a.unitId, a.periodId),
    policeBulletins: (_: unknown, a: { periodId?: string }, ctx: SubgraphContext) => mov(ctx).bulletins(a.periodId),
    policeReintegrationCases: (_: unknown, a: { unitId?: string }, ctx: SubgraphContext) => reint(ctx).list(a.unitId),
  },
  Mutation: {
    reportHotspot: (_: unknown, { input }: { input: ReportHotspotInput }, ctx: SubgraphContext) => hot(ctx).report(input),
    updateHotspot: (_: unknown, a: { id: string; input: UpdateHotspotInput }, ctx: SubgraphContext) => hot(ctx).update(num(a.id), a.input),
    listKeyArea: (_: unknown, { input }: { input: Parameters<HotspotsRepository['listKeyArea']>[0] }, ctx: SubgraphContext) => hot(ctx).listKeyArea(input),
    updateKeyArea: (_: unknown, a: { id: string; status: string; clearedOn?: string }, ctx: SubgraphContext) => hot(ctx).updateKeyArea(num(a.id), a.status, a.clearedOn),
    recordCoreForce: (_: unknown, { input }: { input: Parameters<MovementRepository['recordCoreForce']>[0] }, ctx: SubgraphContext) => mov(ctx).recordCoreForce(input),
    recordPoliceTraining: (_: unknown, { input }: { input: Parameters<MovementRepository['recordTraining']>[0] }, ctx: SubgraphContext) => mov(ctx).recordTraining(input),
    issueBulletin: (_: unknown, { input }: { input: Parameters<MovementRepository['issueBulletin']>[0] }, ctx: SubgraphContext) => mov(ctx).issueBulletin(input),
  },
  Hotspot: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => hot(ctx).byId(num(ref.id)),
    id: (h: HotspotRow) => String(h.id),
    unit,
    mediatingOrganization: (h: HotspotRow) => org(h.mediatingOrganization),
    // A reference the gateway completes from the organization that keeps the case.
    mediation: (h: HotspotRow) =>
      h.mediationCaseId && MEDIATORS.includes(h.mediatingOrganization ?? '') ? { __typename: `${ORGANIZATIONS[h.mediatingOrganization as OrganizationId].typePrefix}MediationCase`, id: h.mediationCaseId } : null,
    reportedBy: (h: HotspotRow) => (h.reportedBy === 'police' ? null : org(h.reportedBy)),
  },
  KeyArea: { id: (k: { id: number }) => String(k.id), unit },
  ModelUnit: {
    unit,
    latestResult: (m: { unitId: string }, _: unknown, ctx: SubgraphContext) => {
      // The latest assessment year with a self-assessment, of the unit or (after the reform) of the commune it rolled into.
      const repo = ctx.repo(StandardRepository);
      const t = territory();
      for (let y = Number(new Date().toISOString().slice(0, 4)); y >= 2021; y--) {
        for (const id of [m.unitId, t.currentUnit(m.unitId)?.id].filter((x): x is string => !!x)) {
          const a = ctx.scope.coversUnit(id) ? repo.assessmentForUnit(id, y) : null;
          const r = a ? repo.result(a) : null;
          if (r) return r;
        }
      }
      return null;
    },
  },
  CoreForce: { id: (f: { id: number }) => String(f.id), unit },
  PoliceTraining: {
    id: (t: TrainingRow) => String(t.id),
    unit,
    participants: (t: TrainingRow, _: unknown, ctx: SubgraphContext) => mov(ctx).participants(t.id).map((p) => ({ organization: org(p.organization), count: p.count })),
  },
  Bulletin: {
    id: (b: BulletinRow) => String(b.id),
    audience: (b: BulletinRow) => {
      const ids = JSON.parse(b.audience) as OrganizationId[];
      return (ids.length ? ids : ORGANIZATION_IDS).map((o) => ORGANIZATIONS[o]);
    },
  },
  ReintegrationCase: {
    // Member organizations reach a case through their support records: they get the id and commune only.
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => reint(ctx).byId(ref.id),
    commune: (c: CaseRow) => territory().unit(c.communeId),
    returnedOn: (c: CaseRow, _: unknown, ctx: SubgraphContext) => (reint(ctx).seesDetail() ? c.returnedOn : null),
    kind: (c: CaseRow, _: unknown, ctx: SubgraphContext) => (reint(ctx).seesDetail() ? c.kind : null),
  },
  PoliceUnitRecords: {
    openHotspots: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => hot(ctx).openAt(unitId, periodId),
    reintegrationCases: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) => reint(ctx).countReturned(unitId, periodId),
  },
};
