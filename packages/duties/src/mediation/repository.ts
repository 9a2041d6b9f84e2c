/**
 * All SQL of grassroots mediation, filtered by the caller's scope, and the rule of Article 3 of the Law on
 * Grassroots Mediation: matters it excludes (crimes, administrative violations, harm to the State or the
 * public, civil matters the courts must decide) are refused before anything is written.
 */
import { and, eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { invalidInput, notFound, type Scope, collectInputProblems } from '@antt/auth';
import { isOrganizationId, ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { MEDIATION_CATEGORIES, MEDIATION_EXCLUSIONS, MEDIATION_RESULTS, type MediationCategory, type MediationResult } from '../catalogues.js';
import { canReadRecord } from '../common/access.js';
import { Check, fmt } from '../common/validate.js';
import { countWindow, recordWindow, type WindowFilter } from '../common/window.js';
import { RecordList, countsByKey, inUnits, inWindow, memo, parseId, windowParams, type Page } from '../common/records.js';
import { mediationCases as cases, mediationTeams as teams } from './table.js';

export type TeamRow = typeof teams.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;

export const LAW_35_ARTICLE_3 = 'Luật Hòa giải ở cơ sở số 35/2013/QH13, Điều 3 khoản 1';

export interface RegisterTeamInput {
  areaId: string;
  name: string;
  formedOn: string;
  mediators: number;
  womenMediators: number;
  ourMembers: number;
  partnerOrganizationIds?: string[] | null;
  leaderName?: string | null;
}

export interface RecordCaseInput {
  teamId: string;
  receivedOn: string;
  category: MediationCategory;
  parties: number;
  summary?: string | null;
  hotspotId?: string | null;
}

/** The error for a matter the law excludes from mediation: it says which point of Article 3 and what to do. */
export function excludedFromMediation(field: string, category: MediationCategory): GraphQLError | null {
  const x = MEDIATION_EXCLUSIONS[category];
  if (!x) return null;
  const police = category === 'CRIMINAL_OFFENCE' ? ' Hãy báo ngay cho Công an xã (chuyển tin qua handOverCrimeTip).' : ' Hãy chuyển cho cơ quan nhà nước có thẩm quyền giải quyết.';
  return new GraphQLError(`Không được hòa giải ở cơ sở: ${x.reasonVi} thuộc trường hợp loại trừ tại ${x.point} khoản 1 Điều 3 Luật Hòa giải ở cơ sở 2013.${police} Vụ việc không được ghi nhận.`, {
    extensions: { code: 'BAD_USER_INPUT', field, reason: 'EXCLUDED_FROM_MEDIATION', legalBasis: `${LAW_35_ARTICLE_3} ${x.point}` },
  });
}

export function validateTeam(org: OrganizationId, f: RegisterTeamInput, check = new Check()) {
  const formedOn = check.pastDate('formedOn', f.formedOn, 'Ngày thành lập');
  const area = check.unitOn('areaId', f.areaId, formedOn, ['RESIDENTIAL_AREA']);
  const mediators = check.count('mediators', f.mediators, 'Số hòa giải viên', 1, 100);
  const womenMediators = check.count('womenMediators', f.womenMediators, 'Số hòa giải viên nữ', 0, 100);
  if (womenMediators > mediators) throw invalidInput(check.at('womenMediators'), `Số hòa giải viên nữ (${womenMediators}) nhiều hơn số hòa giải viên (${mediators}).`, 'MORE_THAN_TOTAL');
  const ourMembers = check.count('ourMembers', f.ourMembers, `Số hòa giải viên là hội viên ${ORGANIZATIONS[org].nameVi}`, 0, 100);
  if (ourMembers > mediators) throw invalidInput(check.at('ourMembers'), `Số hòa giải viên là hội viên (${ourMembers}) nhiều hơn số hòa giải viên (${mediators}).`, 'MORE_THAN_TOTAL');
  const partners = [...new Set(f.partnerOrganizationIds ?? [])];
  for (const p of partners) {
    if (!isOrganizationId(p) || p === org) throw invalidInput(check.at('partnerOrganizationIds'), `"${p}" không phải là một tổ chức khác tham gia Kế hoạch 155 (front, police, veterans, women, youth, labour, farmers, elderly, infocomm).`, 'UNKNOWN_ORGANIZATION');
  }
  return {
    areaId: area.id,
    name: check.text('name', f.name, 'Tên tổ hòa giải', 200, true),
    formedOn,
    mediators,
    womenMediators,
    ourMembers,
    partnerOrganizations: JSON.stringify(partners),
    leaderName: check.text('leaderName', f.leaderName, 'Họ tên tổ trưởng', 120),
  };
}

export function validateCase(team: TeamRow, f: RecordCaseInput, check = new Check()) {
  const category = check.oneOf('category', f.category, MEDIATION_CATEGORIES, 'Loại vụ việc');
  const excluded = excludedFromMediation(check.at('category'), category);
  if (excluded) throw excluded;
  const receivedOn = check.pastDate('receivedOn', f.receivedOn, 'Ngày tiếp nhận');
  check.notBefore('receivedOn', receivedOn, team.formedOn, 'Ngày tiếp nhận', 'ngày thành lập tổ hòa giải');
  if (team.dissolvedOn && receivedOn > team.dissolvedOn) throw invalidInput(check.at('receivedOn'), `Tổ hòa giải đã giải thể ngày ${fmt(team.dissolvedOn)}.`, 'TEAM_DISSOLVED');
  return {
    teamId: team.id,
    unitId: team.areaId,
    receivedOn,
    category,
    parties: check.count('parties', f.parties, 'Số bên tranh chấp', 2, 1000),
    summary: check.text('summary', f.summary, 'Tóm tắt vụ việc', 1000),
    hotspotId: check.code('hotspotId', f.hotspotId, 'Mã điểm nóng'),
  };
}

const teamList = new RecordList('mediation-teams', teams, { id: teams.id, unitId: teams.areaId, date: teams.formedOn }, (r) => r.formedOn);
const caseList = new RecordList('mediation-cases', cases, { id: cases.id, unitId: cases.unitId, date: cases.receivedOn }, (r) => r.receivedOn);

function prepare(db: Db) {
  const activeAtEnd = and(inUnits(teams.areaId), sql`${teams.formedOn} <= ${sql.placeholder('to')}`, sql`(${teams.dissolvedOn} IS NULL OR ${teams.dissolvedOn} >= ${sql.placeholder('to')})`);
  return {
    teams: db.select({ n: sql<number>`count(*)`, mediators: sql<number>`coalesce(sum(${teams.mediators}), 0)`, ours: sql<number>`coalesce(sum(${teams.ourMembers}), 0)` }).from(teams).where(activeAtEnd).prepare(),
    received: db.select({ n: sql<number>`count(*)`, parties: sql<number>`coalesce(sum(${cases.parties}), 0)` }).from(cases).where(inWindow(cases.unitId, cases.receivedOn)).prepare(),
    byCategory: db.select({ key: cases.category, n: sql<number>`count(*)` }).from(cases).where(inWindow(cases.unitId, cases.receivedOn)).groupBy(cases.category).prepare(),
    byResult: db.select({ key: cases.result, n: sql<number>`count(*)` }).from(cases).where(inWindow(cases.unitId, cases.receivedOn)).groupBy(cases.result).prepare(),
    casesOfTeam: db.select({ n: sql<number>`count(*)` }).from(cases).where(eq(cases.teamId, sql.placeholder('id'))).prepare(),
  };
}

export interface MediationSummary {
  teams: number;
  mediators: number;
  ourMembers: number;
  received: number;
  parties: number;
  byCategory: { category: MediationCategory; count: number }[];
  byResult: { result: MediationResult; count: number }[];
}

export class MediationRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  private get s() {
    return memo(this.db, 'mediation', () => prepare(this.db));
  }

  teamById(id: number): TeamRow | null {
    const row = teamList.byId(this.db, id);
    return row && canReadRecord(this.scope, this.org, row.areaId, 'records') ? row : null;
  }

  caseById(id: number): CaseRow | null {
    const row = caseList.byId(this.db, id);
    return row && canReadRecord(this.scope, this.org, row.unitId, 'records') ? row : null;
  }

  /** The team of a case the caller could read: the case's scope check covers its team. */
  teamOf(c: CaseRow): TeamRow {
    return teamList.byId(this.db, c.teamId)!;
  }

  teams(f: WindowFilter, first: number, after?: string | null): Page<TeamRow> {
    return teamList.page(this.db, recordWindow(this.scope, this.org, f), first, after);
  }

  cases(f: WindowFilter, first: number, after?: string | null): Page<CaseRow> {
    return caseList.page(this.db, recordWindow(this.scope, this.org, f), first, after);
  }

  casesOfTeam(teamId: number): number {
    return this.s.casesOfTeam.get({ id: teamId })?.n ?? 0;
  }

  registerTeam(input: RegisterTeamInput): TeamRow {
    const v = collectInputProblems(() => validateTeam(this.org, input));
    this.scope.assertCanWrite(this.org, v.areaId);
    return this.db.insert(teams).values({ ...v, recordedBy: this.scope.identity.userId }).returning().get();
  }

  recordCase(input: RecordCaseInput): CaseRow {
    const check = new Check();
    // The law's exclusion is checked first: it is the answer whatever else is wrong with the input.
    const excluded = excludedFromMediation(check.at('category'), input.category);
    if (excluded) throw excluded;
    // Only the organization's staff write; for them a team outside their jurisdiction and no team look the same.
    if (!this.scope.canWrite(this.org)) this.scope.assertCanWrite(this.org, this.scope.identity.unitId);
    const teamId = parseId(input.teamId);
    const team = teamId === null ? undefined : teamList.byId(this.db, teamId);
    if (!team || !this.scope.coversUnit(team.areaId)) throw invalidInput('input.teamId', `Không tìm thấy tổ hòa giải ${input.teamId} trong địa bàn bạn phụ trách.`, 'UNKNOWN_TEAM');
    const v = collectInputProblems(() => validateCase(team, input, check));
    return this.db.insert(cases).values({ ...v, recordedBy: this.scope.identity.userId }).returning().get();
  }

  recordResult(caseId: number, result: MediationResult, on: string, transferredTo?: string | null): CaseRow {
    const row = caseList.byId(this.db, caseId);
    if (!row || !this.scope.canWrite(this.org) || !this.scope.coversUnit(row.unitId)) throw notFound(`Không tìm thấy vụ việc hòa giải ${caseId}.`);
    const check = new Check('');
    check.oneOf('result', result, MEDIATION_RESULTS, 'Kết quả hòa giải');
    if (result === 'PENDING') throw invalidInput('result', 'Kết quả phải là hòa giải thành, không thành hoặc chuyển cơ quan có thẩm quyền.', 'RESULT_REQUIRED');
    if (row.result !== 'PENDING') throw invalidInput('result', `Vụ việc ${caseId} đã có kết quả từ ${fmt(row.resultOn!)}.`, 'ALREADY_CLOSED');
    const date = check.pastDate('on', on, 'Ngày có kết quả');
    check.notBefore('on', date, row.receivedOn, 'Ngày có kết quả', 'ngày tiếp nhận');
    const to = check.text('transferredTo', transferredTo, 'Cơ quan tiếp nhận', 200, result === 'TRANSFERRED');
    return this.db.update(cases).set({ result, resultOn: date, transferredTo: result === 'TRANSFERRED' ? to : null }).where(eq(cases.id, caseId)).returning().get();
  }

  summary(unitId: string, periodId: string): MediationSummary {
    const w = countWindow(this.scope, this.org, { unitId, periodId });
    const p = windowParams(w);
    const t = this.s.teams.get({ units: p.units, to: p.to });
    const r = this.s.received.get(p);
    return {
      teams: t?.n ?? 0,
      mediators: t?.mediators ?? 0,
      ourMembers: t?.ours ?? 0,
      received: r?.n ?? 0,
      parties: r?.parties ?? 0,
      byCategory: countsByKey(MEDIATION_CATEGORIES, this.s.byCategory.all(p))
        .filter(({ key }) => !MEDIATION_EXCLUSIONS[key])
        .map(({ key, n }) => ({ category: key, count: n })),
      byResult: countsByKey(MEDIATION_RESULTS, this.s.byResult.all(p)).map(({ key, n }) => ({ result: key, count: n })),
    };
  }
}
