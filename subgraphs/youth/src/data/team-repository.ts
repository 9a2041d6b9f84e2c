/** Clubs, volunteer teams and youth volunteer patrol teams: the project's "clubs or volunteer teams" indicator. */
import { and, sql } from 'drizzle-orm';
import { invalidInput } from '@antt/auth';
import { countWindow, countsByKey, fmt, inUnits, memo, recordKind, windowParams, Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { youthTeams as teams } from '../db/schema.js';
import { YOUTH_TEAM_KINDS, type YouthTeamKind } from './catalogues.js';

export interface YouthTeamInput {
  foundedOn: string;
  unitId: string;
  kind: YouthTeamKind;
  name: string;
  members: number;
}

export function validateYouthTeam(org: OrganizationId, f: YouthTeamInput, check: Check) {
  const foundedOn = check.pastDate('foundedOn', f.foundedOn, 'Ngày thành lập');
  const unit = check.unitOn('unitId', f.unitId, foundedOn);
  return {
    foundedOn,
    unitId: unit.id,
    branchId: check.branch(org, unit, foundedOn),
    kind: check.oneOf('kind', f.kind, YOUTH_TEAM_KINDS, 'Loại câu lạc bộ, đội'),
    name: check.text('name', f.name, 'Tên câu lạc bộ, đội', 200, true),
    members: check.count('members', f.members, 'Số thành viên', 1, 10_000),
  };
}

export type YouthTeamRow = typeof teams.$inferSelect;

export class YouthTeamRepository extends recordKind({
  name: 'youth-teams',
  table: teams,
  columns: { id: teams.id, unitId: teams.unitId, date: teams.foundedOn },
  dateOf: (r) => r.foundedOn,
  sums: { members: teams.members },
  by: { column: teams.kind, catalogue: YOUTH_TEAM_KINDS },
  nounVi: 'câu lạc bộ, đội',
  validate: validateYouthTeam,
}) {
  private get activeStmt() {
    return memo(this.db, 'youth-teams-active', () =>
      this.db
        .select({ key: teams.kind, n: sql<number>`count(*)`, members: sql<number>`coalesce(sum(${teams.members}), 0)` })
        .from(teams)
        .where(and(inUnits(teams.unitId), sql`${teams.foundedOn} <= ${sql.placeholder('to')}`, sql`(${teams.dissolvedOn} IS NULL OR ${teams.dissolvedOn} >= ${sql.placeholder('to')})`))
        .groupBy(teams.kind)
        .prepare(),
    );
  }

  /** Teams active on the period's last day, by kind. */
  active(unitId: string, periodId: string): { kind: YouthTeamKind; count: number; members: number }[] {
    const p = windowParams(countWindow(this.scope, this.org, { unitId, periodId }));
    const rows = this.activeStmt.all({ units: p.units, to: p.to });
    const members = new Map(rows.map((r) => [r.key, r.members]));
    return countsByKey(YOUTH_TEAM_KINDS, rows).map(({ key, n }) => ({ kind: key, count: n, members: members.get(key) ?? 0 }));
  }

  dissolve(id: number, on: string): YouthTeamRow {
    const row = this.writable(id);
    const check = new Check('');
    if (row.dissolvedOn) throw invalidInput('on', `Câu lạc bộ, đội đã giải thể từ ${fmt(row.dissolvedOn)}.`, 'ALREADY_CLOSED');
    return this.update(id, { dissolvedOn: check.notBefore('on', check.pastDate('on', on, 'Ngày giải thể'), row.foundedOn, 'Ngày giải thể', 'ngày thành lập') });
  }
}
