/** Establishments taking part in the workers' movement, year by year, and their core teams. */
import { and, sql } from 'drizzle-orm';
import { invalidInput } from '@antt/auth';
import { countWindow, fmt, inUnits, memo, recordKind, windowParams, Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { labourCoreTeams as teams, labourParticipations as participations } from '../db/schema.js';

export interface ParticipationInput {
  establishmentId: string;
  year: number;
  registeredOn: string;
  unitId: string;
  industrialZone?: string | null;
  workers: number;
  pledgeSigned: boolean;
  note?: string | null;
}

export function validateParticipation(org: OrganizationId, f: ParticipationInput, check: Check) {
  const registeredOn = check.pastDate('registeredOn', f.registeredOn, 'Ngày đăng ký');
  const year = check.count('year', f.year, 'Năm tham gia', 2019, Number(check.today.slice(0, 4)));
  if (Number(registeredOn.slice(0, 4)) > year) throw invalidInput(check.at('registeredOn'), `Ngày đăng ký ${fmt(registeredOn)} sau năm tham gia ${year}.`, 'DATE_AFTER_YEAR');
  const unit = check.unitOn('unitId', f.unitId, registeredOn, ['COMMUNE']);
  return {
    establishmentId: check.code('establishmentId', f.establishmentId, 'Mã cơ sở trong danh sách của Công an', true),
    year,
    registeredOn,
    unitId: unit.id,
    branchId: check.branch(org, unit, registeredOn),
    industrialZone: check.text('industrialZone', f.industrialZone, 'Khu công nghiệp', 200),
    workers: check.count('workers', f.workers, 'Số người lao động tham gia', 1, 100_000),
    pledgeSigned: Boolean(f.pledgeSigned),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export interface CoreTeamInput {
  establishmentId: string;
  unitId: string;
  name: string;
  foundedOn: string;
  members: number;
}

export function validateCoreTeam(org: OrganizationId, f: CoreTeamInput, check: Check) {
  const foundedOn = check.pastDate('foundedOn', f.foundedOn, 'Ngày thành lập');
  const unit = check.unitOn('unitId', f.unitId, foundedOn, ['COMMUNE']);
  return {
    establishmentId: check.code('establishmentId', f.establishmentId, 'Mã cơ sở trong danh sách của Công an', true),
    unitId: unit.id,
    branchId: check.branch(org, unit, foundedOn),
    name: check.text('name', f.name, 'Tên tổ, đội nòng cốt', 200, true),
    foundedOn,
    members: check.count('members', f.members, 'Số thành viên', 1, 1000),
  };
}

export type ParticipationRow = typeof participations.$inferSelect;

export class ParticipationRepository extends recordKind({
  name: 'labour-participations',
  table: participations,
  columns: { id: participations.id, unitId: participations.unitId, date: participations.registeredOn },
  dateOf: (r) => r.registeredOn,
  nounVi: 'đăng ký tham gia phong trào',
  validate: validateParticipation,
}) {
  private get stmts() {
    return memo(this.db, 'labour-movement', () => ({
      // A participation is for a year: it counts for every period that overlaps that year.
      taking: this.db
        .select({
          establishments: sql<number>`count(DISTINCT ${participations.establishmentId})`,
          workers: sql<number>`coalesce(sum(${participations.workers}), 0)`,
          pledges: sql<number>`coalesce(sum(${participations.pledgeSigned}), 0)`,
          zones: sql<number>`count(DISTINCT ${participations.industrialZone})`,
        })
        .from(participations)
        .where(and(inUnits(participations.unitId), sql`${participations.year} BETWEEN CAST(substr(${sql.placeholder('from')}, 1, 4) AS INTEGER) AND CAST(substr(${sql.placeholder('to')}, 1, 4) AS INTEGER)`))
        .prepare(),
      duplicate: this.db
        .select({ id: participations.id })
        .from(participations)
        .where(and(sql`${participations.establishmentId} = ${sql.placeholder('establishmentId')}`, sql`${participations.year} = ${sql.placeholder('year')}`))
        .prepare(),
      teams: this.db
        .select({ n: sql<number>`count(*)`, members: sql<number>`coalesce(sum(${teams.members}), 0)` })
        .from(teams)
        .where(and(inUnits(teams.unitId), sql`${teams.foundedOn} <= ${sql.placeholder('to')}`, sql`(${teams.dissolvedOn} IS NULL OR ${teams.dissolvedOn} >= ${sql.placeholder('to')})`))
        .prepare(),
    }));
  }

  override record(input: ParticipationInput) {
    const v = validateParticipation(this.org, input, new Check());
    if (this.stmts.duplicate.get({ establishmentId: v.establishmentId, year: v.year })) throw invalidInput('input.year', `Cơ sở ${v.establishmentId} đã đăng ký tham gia phong trào năm ${v.year}.`, 'DUPLICATE');
    return super.record(input);
  }

  movement(unitId: string, periodId: string) {
    const p = windowParams(countWindow(this.scope, this.org, { unitId, periodId }));
    const t = this.stmts.taking.get(p);
    const c = this.stmts.teams.get({ units: p.units, to: p.to });
    return { establishments: t?.establishments ?? 0, workers: t?.workers ?? 0, pledgesSigned: t?.pledges ?? 0, industrialZones: t?.zones ?? 0, coreTeams: c?.n ?? 0, coreTeamMembers: c?.members ?? 0 };
  }
}

export class CoreTeamRepository extends recordKind({
  name: 'labour-core-teams',
  table: teams,
  columns: { id: teams.id, unitId: teams.unitId, date: teams.foundedOn },
  dateOf: (r) => r.foundedOn,
  nounVi: 'tổ, đội nòng cốt',
  validate: validateCoreTeam,
}) {}
