/**
 * What the labour federation adds to the resolvers the record framework makes from its kinds
 * (src/kinds): the police register's establishment on its records, a boarding house's checks and its
 * safety after the latest one, the rules a check or a dispute's correction must keep that depend on
 * another version or record, and the figures of `Unit.labour` the framework's counts cannot say yet.
 */
import { authorize } from '@antt/auth';
import type { Resolvers } from '../generated/resolvers.js';
import { inputProblems, recordsOf, type Problem, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { territory } from '@antt/reference';
import { fmtDate, kindCounts, storedCode } from '@antt/subgraph-kit';
import { BOARDING_HOUSE_SAFETY, boardingHouseChecks, boardingHouses, coreTeams, disputes, participations } from '../kinds/index.js';
import { effective, inUnits, latestOfSubject, standing, statement, windowOf } from '@antt/subgraph-kit';

/** The police register's establishment a record names: required on participations and core teams, optional on disputes. */
const establishment = (r: Record<string, unknown>) => ({ id: String(r.establishmentId) });
const establishmentIfAny = (r: Record<string, unknown>) => (typeof r.establishmentId === 'string' ? { id: r.establishmentId } : null);

/**
 * A check is of its house: not before the house was registered, and in the house's place (the house's
 * unit, the commune it is in, or the commune that took it over in the reform).
 */
function checkAgainstHouse(ctx: SubgraphContext, v: Record<string, unknown>, prefix: string): void {
  if (typeof v.houseId !== 'string') return;
  const house = recordsOf(ctx, boardingHouses).byId(v.houseId);
  // An unknown house is reported by the framework, with every other problem.
  if (!house || house.status !== 'ACTIVE') return;
  const problems: Problem[] = [];
  const registeredOn = house.registeredOn as string;
  if (typeof v.checkedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.checkedOn) && v.checkedOn < registeredOn) {
    problems.push({
      field: `${prefix}.checkedOn`,
      message: `Ngày kiểm tra không được trước ngày đăng ký khu nhà trọ (${fmtDate(registeredOn)}).`,
      reason: 'DATE_BEFORE_START',
    });
  }
  const houseUnit = house.unitId as string;
  if (
    typeof v.unitId === 'string' &&
    v.unitId !== houseUnit &&
    territory().unit(v.unitId) &&
    !territory().covers(v.unitId, houseUnit) &&
    !territory().covers(houseUnit, v.unitId)
  ) {
    problems.push({
      field: `${prefix}.unitId`,
      message: 'Địa bàn kiểm tra phải là địa bàn của khu nhà trọ (hoặc xã nơi khu nhà trọ nằm, theo bản đồ vào ngày kiểm tra).',
      reason: 'NOT_THE_HOUSE_UNIT',
    });
  }
  if (problems.length) throw inputProblems(problems);
}

/** The checks of a house the caller may read, newest first (current versions, voided ones left out). */
function checksOf(ctx: SubgraphContext, houseId: string): StoredRecord[] {
  const repo = recordsOf(ctx, boardingHouseChecks);
  const rows = statement(
    ctx,
    `SELECT * FROM labour_boarding_house_checks t WHERE t.house_id = ? AND t.superseded_at IS NULL AND t.status = 'ACTIVE' ORDER BY t.checked_on DESC, t.created_at DESC, t.id DESC`,
  ).all(houseId) as Record<string, unknown>[];
  return rows.map((r) => repo.toRecord(r)).filter((r) => authorize.readRecord(ctx.scope.principal, { org: 'labour' }, String(r.unitId)).allowed);
}

const PARTICIPATIONS = `SELECT count(DISTINCT t.establishment_id) AS establishments, coalesce(sum(t.workers), 0) AS workers, coalesce(sum(t.pledge_signed), 0) AS pledges, count(DISTINCT t.industrial_zone) AS zones
  FROM labour_participations t WHERE ${standing('t')} AND ${inUnits('t')} AND t.registered_on BETWEEN @from AND @to AND ${effective('t', 'registered_on')}
  AND ${latestOfSubject('t', 'labour_participations', 'establishment_id', 'registered_on')}`;
// Core teams are a stock: those founded by the period's last day and not dissolved by then.
const TEAMS = `SELECT count(*) AS n, coalesce(sum(t.members), 0) AS members FROM labour_core_teams t
  WHERE ${standing('t')} AND ${inUnits('t')} AND t.founded_on <= @to AND ${effective('t', 'founded_on')}
  AND (t.dissolved_on IS NULL OR t.dissolved_on >= @to OR (@effectiveOn IS NOT NULL AND t.dissolved_on > @effectiveOn))`;
// Boarding houses are a stock too: registered by the period's last day, each with the safety of its latest check by then.
const HOUSES = `WITH h AS (
    SELECT t.record_id, t.workers_living FROM labour_boarding_houses t
    WHERE ${standing('t')} AND ${inUnits('t')} AND t.registered_on <= @to AND ${effective('t', 'registered_on')}
  ), c AS (
    SELECT t.house_id, t.safety, row_number() OVER (PARTITION BY t.house_id ORDER BY t.checked_on DESC, t.created_at DESC, t.id DESC) AS rn
    FROM labour_boarding_house_checks t
    WHERE ${standing('t')} AND t.checked_on <= @to AND ${effective('t', 'checked_on')} AND t.house_id IN (SELECT record_id FROM h)
  )
  SELECT coalesce(c.safety, 'NOT_CHECKED') AS key, count(*) AS n, coalesce(sum(h.workers_living), 0) AS workers FROM h LEFT JOIN c ON c.house_id = h.record_id AND c.rn = 1 GROUP BY 1`;
const CHECKS = `SELECT count(*) AS n FROM labour_boarding_house_checks t WHERE ${standing('t')} AND ${inUnits('t')} AND t.checked_on BETWEEN @from AND @to AND ${effective('t', 'checked_on')}`;
const DISPUTES = `SELECT coalesce(sum(t.hotspot_id IS NOT NULL), 0) AS reported, coalesce(sum(t.resolved_on IS NOT NULL AND (@effectiveOn IS NULL OR t.resolved_on <= @effectiveOn)), 0) AS resolved
  FROM labour_disputes t WHERE ${standing('t')} AND ${inUnits('t')} AND t.started_on BETWEEN @from AND @to AND ${effective('t', 'started_on')}`;

const STATUS_AT_END = ['SAFE', 'NEEDS_IMPROVEMENT', 'UNSAFE', 'NOT_CHECKED'];

export const resolvers: Resolvers = {
  LabourParticipation: { establishment },
  LabourCoreTeam: { establishment },
  LabourDispute: { establishment: establishmentIfAny },
  LabourBoardingHouse: {
    checks: (r, _, ctx) => checksOf(ctx, String(r.id)),
    safety: (r, _, ctx) => {
      const latest = checksOf(ctx, String(r.id))[0];
      return latest ? storedCode(BOARDING_HOUSE_SAFETY, latest.safety) : null;
    },
  },
  Mutation: {
    recordLabourBoardingHouseCheck: (_, a, ctx) => {
      checkAgainstHouse(ctx, a.input, 'input');
      return recordsOf(ctx, boardingHouseChecks).create(a.input, { clientKey: a.clientKey });
    },
    correctLabourBoardingHouseCheck: (_, a, ctx) => {
      const current = recordsOf(ctx, boardingHouseChecks).byId(a.id);
      if (current) checkAgainstHouse(ctx, { ...current, ...Object.fromEntries(Object.entries(a.changes).filter(([, v]) => v !== undefined)) }, 'changes');
      return recordsOf(ctx, boardingHouseChecks).correct(a.id, a.changes, a.reason);
    },
    // The hotspot a dispute was reported as, and the day it was resolved, are set once: the police's
    // hotspot stays tied to the dispute it was reported for.
    correctLabourDispute: (_, a, ctx) => {
      const current = recordsOf(ctx, disputes).byId(a.id);
      const problems: Problem[] = [];
      if (current?.hotspotId && a.changes.hotspotId !== undefined && a.changes.hotspotId !== current.hotspotId)
        problems.push({
          field: 'changes.hotspotId',
          message: `Vụ việc đã được báo thành điểm nóng ${current.hotspotId as string}.`,
          reason: 'ALREADY_REPORTED',
        });
      if (current?.resolvedOn && a.changes.resolvedOn !== undefined && a.changes.resolvedOn !== current.resolvedOn)
        problems.push({
          field: 'changes.resolvedOn',
          message: `Vụ việc đã giải quyết xong ngày ${fmtDate(current.resolvedOn as string)}.`,
          reason: 'ALREADY_CLOSED',
        });
      if (problems.length) throw inputProblems(problems);
      return recordsOf(ctx, disputes).correct(a.id, a.changes, a.reason);
    },
  },
  LabourUnitRecords: {
    movement: (parent, a, ctx) => {
      const unitId = String(parent.unitId);
      const w = windowOf(ctx, participations, unitId, a);
      windowOf(ctx, coreTeams, unitId, a);
      const p = statement(ctx, PARTICIPATIONS).get(w) as { establishments: number; workers: number; pledges: number; zones: number };
      const t = statement(ctx, TEAMS).get(w) as { n: number; members: number };
      return {
        establishments: p.establishments,
        workers: p.workers,
        pledgesSigned: p.pledges,
        industrialZones: p.zones,
        coreTeams: t.n,
        coreTeamMembers: t.members,
      };
    },
    boardingHouses: (parent, a, ctx) => {
      const unitId = String(parent.unitId);
      const w = windowOf(ctx, boardingHouses, unitId, a);
      const tally = new Map((statement(ctx, HOUSES).all(w) as { key: string; n: number; workers: number }[]).map((r) => [r.key, r]));
      const byStatus = STATUS_AT_END.map((status) => ({ status, count: tally.get(status)?.n ?? 0, workersLiving: tally.get(status)?.workers ?? 0 }));
      const checks = (statement(ctx, CHECKS).get(windowOf(ctx, boardingHouseChecks, unitId, a)) as { n: number }).n;
      return { count: byStatus.reduce((s, b) => s + b.count, 0), workersLiving: byStatus.reduce((s, b) => s + b.workersLiving, 0), checks, byStatus };
    },
    disputes: (parent, a, ctx) => {
      const unitId = String(parent.unitId);
      const sum = kindCounts(ctx, disputes, unitId, a);
      const extra = statement(ctx, DISPUTES).get(windowOf(ctx, disputes, unitId, a)) as { reported: number; resolved: number };
      return { ...sum, reportedAsHotspots: extra.reported, resolved: extra.resolved };
    },
  },
};
