/** All SQL of reintegration support, filtered by the caller's scope. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { invalidInput, notFound, type Scope, collectInputProblems } from '@antt/auth';
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { HELP_KINDS, REINTEGRATION_OUTCOMES, REINTEGRATION_SUPPORTER_KINDS, type HelpKind, type ReintegrationOutcome, type ReintegrationSupporterKind } from '../catalogues.js';
import { canReadRecord, isOwnStaff } from '../common/access.js';
import { Check, fmt } from '../common/validate.js';
import { countWindow, recordWindow, type WindowFilter } from '../common/window.js';
import { RecordList, countsByKey, inUnits, inWindow, memo, windowParams, type Page } from '../common/records.js';
import { reintegrationSupports as supports, reintegrationVisits as visits } from './table.js';

export type SupportRow = typeof supports.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;

export interface AssignSupportInput {
  caseId: string;
  communeId: string;
  assignedOn: string;
  supporterKind: ReintegrationSupporterKind;
  mentorName?: string | null;
  groupName?: string | null;
  note?: string | null;
}

export interface VisitInput {
  visitedOn: string;
  help: HelpKind[];
  note?: string | null;
}

export function validateAssignment(org: OrganizationId, f: AssignSupportInput, check = new Check()) {
  const caseId = check.code('caseId', f.caseId, 'Mã hồ sơ tái hòa nhập', true);
  const assignedOn = check.pastDate('assignedOn', f.assignedOn, 'Ngày phân công');
  const commune = check.unitOn('communeId', f.communeId, assignedOn, ['COMMUNE']);
  const supporterKind = check.oneOf('supporterKind', f.supporterKind, REINTEGRATION_SUPPORTER_KINDS, 'Hình thức giúp đỡ');
  const mentorName = check.text('mentorName', f.mentorName, 'Họ tên người kèm cặp', 120, supporterKind === 'MENTOR');
  const groupName = check.text('groupName', f.groupName, 'Tên nhóm liên gia tự quản', 200, supporterKind === 'INTER_HOUSEHOLD_GROUP');
  return {
    caseId,
    communeId: commune.id,
    branchId: check.branch(org, commune, assignedOn, 'communeId'),
    assignedOn,
    supporterKind,
    mentorName: supporterKind === 'MENTOR' ? mentorName : null,
    groupName,
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export function validateVisit(support: SupportRow, f: VisitInput, check = new Check()) {
  const visitedOn = check.pastDate('visitedOn', f.visitedOn, 'Ngày thăm, giúp đỡ');
  check.notBefore('visitedOn', visitedOn, support.assignedOn, 'Ngày thăm', 'ngày phân công giúp đỡ');
  if (support.outcomeOn && visitedOn > support.outcomeOn) throw invalidInput(check.at('visitedOn'), `Việc giúp đỡ đã kết thúc ngày ${fmt(support.outcomeOn)}: không ghi thêm lần thăm sau ngày đó.`, 'SUPPORT_CLOSED');
  return { supportId: support.id, visitedOn, help: JSON.stringify(check.setOf('help', f.help, HELP_KINDS, 'Hình thức hỗ trợ')), note: check.text('note', f.note, 'Ghi chú', 2000) };
}

const list = new RecordList('reintegration', supports, { id: supports.id, unitId: supports.communeId, date: supports.assignedOn }, (r) => r.assignedOn, sql`(${sql.placeholder('caseId')} IS NULL OR ${supports.caseId} = ${sql.placeholder('caseId')})`);

function prepare(db: Db) {
  return {
    openForCase: db.select().from(supports).where(and(eq(supports.caseId, sql.placeholder('caseId')), isNull(supports.outcome))).prepare(),
    visitsOf: db.select().from(visits).where(eq(visits.supportId, sql.placeholder('id'))).orderBy(asc(visits.visitedOn), asc(visits.id)).prepare(),
    // A case counts as supported in a period when its support began before the period ended and had not ended before it began.
    active: db
      .select({ key: supports.supporterKind, n: sql<number>`count(DISTINCT ${supports.caseId})` })
      .from(supports)
      .where(and(inUnits(supports.communeId), sql`${supports.assignedOn} <= ${sql.placeholder('to')}`, sql`(${supports.outcomeOn} IS NULL OR ${supports.outcomeOn} >= ${sql.placeholder('from')})`))
      .groupBy(supports.supporterKind)
      .prepare(),
    activeCases: db
      .select({ n: sql<number>`count(DISTINCT ${supports.caseId})` })
      .from(supports)
      .where(and(inUnits(supports.communeId), sql`${supports.assignedOn} <= ${sql.placeholder('to')}`, sql`(${supports.outcomeOn} IS NULL OR ${supports.outcomeOn} >= ${sql.placeholder('from')})`))
      .prepare(),
    assigned: db.select({ n: sql<number>`count(*)` }).from(supports).where(inWindow(supports.communeId, supports.assignedOn)).prepare(),
    outcomes: db.select({ key: supports.outcome, n: sql<number>`count(*)` }).from(supports).where(inWindow(supports.communeId, supports.outcomeOn)).groupBy(supports.outcome).prepare(),
    visits: db
      .select({
        n: sql<number>`count(*)`,
        ...Object.fromEntries(Object.keys(HELP_KINDS).map((k) => [k, sql<number>`coalesce(sum(${visits.help} LIKE ${`%"${k}"%`}), 0)`])),
      })
      .from(visits)
      .innerJoin(supports, eq(visits.supportId, supports.id))
      .where(inWindow(supports.communeId, visits.visitedOn))
      .prepare(),
  };
}

export interface ReintegrationSummary {
  casesSupported: number;
  newAssignments: number;
  supporters: { kind: ReintegrationSupporterKind; cases: number }[];
  visits: number;
  help: { kind: HelpKind; count: number }[];
  outcomes: { outcome: ReintegrationOutcome; count: number }[];
}

export class ReintegrationRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  private get s() {
    return memo(this.db, 'reintegration', () => prepare(this.db));
  }

  /** The support, or null when it does not exist or is not the caller's to see. */
  byId(id: number): SupportRow | null {
    const row = list.byId(this.db, id);
    return row && canReadRecord(this.scope, this.org, row.communeId, 'records') ? row : null;
  }

  list(f: WindowFilter & { caseId?: string | null }, first: number, after?: string | null): Page<SupportRow> {
    const w = recordWindow(this.scope, this.org, f);
    return list.page(this.db, w, first, after, { caseId: f.caseId ?? null });
  }

  visits(supportId: number): VisitRow[] {
    return this.s.visitsOf.all({ id: supportId });
  }

  /** The mentor is a member of the organization: only its own staff see who it is. */
  mentorNameVisible(): boolean {
    return isOwnStaff(this.scope, this.org);
  }

  assign(input: AssignSupportInput): SupportRow {
    const v = collectInputProblems(() => validateAssignment(this.org, input));
    this.scope.assertCanWrite(this.org, v.communeId);
    const open = this.s.openForCase.get({ caseId: v.caseId });
    if (open) {
      // Details only for a support the caller may see: otherwise the error would tell who is supported where.
      const detail = this.scope.coversUnit(open.communeId) ? ` (mã giúp đỡ ${open.id}, từ ${fmt(open.assignedOn)})` : '';
      throw invalidInput('input.caseId', `Hồ sơ ${v.caseId} đang được ${ORGANIZATIONS[this.org].nameVi} giúp đỡ${detail}: ghi kết quả của lần giúp đỡ đó trước khi phân công lại.`, 'ALREADY_SUPPORTED');
    }
    return this.db.insert(supports).values({ ...v, recordedBy: this.scope.identity.userId }).returning().get();
  }

  private writable(id: number): SupportRow {
    const row = list.byId(this.db, id);
    // Outside the caller's reach, a record and no record look the same.
    if (!row || !this.scope.canWrite(this.org) || !this.scope.coversUnit(row.communeId)) throw notFound(`Không tìm thấy việc giúp đỡ ${id}.`);
    return row;
  }

  recordVisit(supportId: number, input: VisitInput): SupportRow {
    const support = this.writable(supportId);
    const v = collectInputProblems(() => validateVisit(support, input));
    this.db.insert(visits).values({ ...v, recordedBy: this.scope.identity.userId }).run();
    return support;
  }

  recordOutcome(supportId: number, outcome: ReintegrationOutcome, on: string): SupportRow {
    const support = this.writable(supportId);
    const check = new Check('');
    check.oneOf('outcome', outcome, REINTEGRATION_OUTCOMES, 'Kết quả');
    const date = check.pastDate('on', on, 'Ngày ghi nhận kết quả');
    check.notBefore('on', date, support.assignedOn, 'Ngày ghi nhận kết quả', 'ngày phân công giúp đỡ');
    if (support.outcome) throw invalidInput('outcome', `Việc giúp đỡ ${supportId} đã có kết quả từ ${fmt(support.outcomeOn!)}.`, 'ALREADY_CLOSED');
    const lastVisit = this.visits(supportId).at(-1);
    if (lastVisit && date < lastVisit.visitedOn) throw invalidInput('on', `Ngày ghi nhận kết quả ${fmt(date)} trước lần thăm cuối (${fmt(lastVisit.visitedOn)}).`, 'DATE_BEFORE_START');
    return this.db.update(supports).set({ outcome, outcomeOn: date }).where(eq(supports.id, supportId)).returning().get();
  }

  summary(unitId: string, periodId: string): ReintegrationSummary {
    const w = countWindow(this.scope, this.org, { unitId, periodId });
    const p = windowParams(w);
    const v = (this.s.visits.get(p) ?? { n: 0 }) as Record<string, number>;
    return {
      casesSupported: this.s.activeCases.get(p)?.n ?? 0,
      newAssignments: this.s.assigned.get(p)?.n ?? 0,
      supporters: countsByKey(REINTEGRATION_SUPPORTER_KINDS, this.s.active.all(p)).map(({ key, n }) => ({ kind: key, cases: n })),
      visits: Number(v.n ?? 0),
      help: (Object.keys(HELP_KINDS) as HelpKind[]).map((kind) => ({ kind, count: Number(v[kind] ?? 0) })),
      outcomes: countsByKey(REINTEGRATION_OUTCOMES, this.s.outcomes.all(p)).map(({ key, n }) => ({ outcome: key, count: n })),
    };
  }
}
