/**
 * People of standing (người có uy tín) nominated by grassroots Front committees. Name and year of birth
 * are personal data (@dataClass PERSONAL) and ethnicity sensitive personal data (SENSITIVE_PERSONAL):
 * they are returned to the Front's staff of the jurisdiction, name and year of birth also to leadership
 * granted personal data, never to dashboards; no count is ever broken down by ethnicity.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { forbidden, invalidInput, notFound, type Scope } from '@antt/auth';
import { todayInVietnam, type OrganizationId } from '@antt/reference';
import { preparedPerDatabase, branchOver, notInFuture, optionalText, pageSize, periodRange, requiredText, unitValidOn, unitOrJurisdiction, vnDate, type Db } from '@antt/subgraph-kit';
import { peopleOfStanding } from '../db/schema.js';

export type PersonOfStandingRow = typeof peopleOfStanding.$inferSelect;

export const CORE_FORCE_ROLES = ['SECURITY_TEAM', 'MEDIATION_TEAM', 'SELF_MANAGEMENT_GROUP', 'REINTEGRATION_MENTOR', 'OTHER_CORE_FORCE'] as const;
export type CoreForceRole = (typeof CORE_FORCE_ROLES)[number];
export type NominationDecision = 'PENDING' | 'ACCEPTED' | 'DECLINED';

export interface NominationFields {
  fullName: string;
  birthYear: number;
  ethnicity?: string | null;
  unitId: string;
  role: CoreForceRole;
  nominatedOn: string;
}

/** The age a person must have reached to be nominated. */
export const ADULT_AGE = 18;

export function validateNomination(f: NominationFields, prefix = 'input', today = todayInVietnam()) {
  const at = (name: string) => `${prefix}.${name}`;
  const fullName = requiredText(at('fullName'), f.fullName, 200, 'Họ và tên');
  notInFuture(at('nominatedOn'), f.nominatedOn, 'Ngày giới thiệu', today);
  const year = Number(f.nominatedOn.slice(0, 4));
  if (!Number.isInteger(f.birthYear) || f.birthYear < 1900) throw invalidInput(at('birthYear'), 'Năm sinh không hợp lệ.', 'INVALID_YEAR');
  if (f.birthYear > year - ADULT_AGE) throw invalidInput(at('birthYear'), `Người được giới thiệu phải đủ ${ADULT_AGE} tuổi vào năm ${year}.`, 'TOO_YOUNG');
  const ethnicity = optionalText(at('ethnicity'), f.ethnicity, 50, 'Dân tộc');
  if (!CORE_FORCE_ROLES.includes(f.role)) throw invalidInput(at('role'), `Vai trò "${f.role}" không có trong danh mục.`, 'UNKNOWN_ROLE');
  const unit = unitValidOn(at('unitId'), f.unitId, f.nominatedOn);
  if (unit.level !== 'COMMUNE' && unit.level !== 'RESIDENTIAL_AREA') throw invalidInput(at('unitId'), 'Người có uy tín được giới thiệu ở khu dân cư hoặc xã, phường.', 'NOT_A_GRASSROOTS_UNIT');
  const branch = branchOver(at('unitId'), 'front', unit, f.nominatedOn, null);
  return { fullName, birthYear: f.birthYear, ethnicity, unitId: unit.id, role: f.role, nominatedOn: f.nominatedOn, branchId: branch.id };
}

export function validateNominationDecision(current: { decision: string; nominatedOn: string }, f: { decision: NominationDecision; decidedOn: string; note?: string | null }, prefix = 'input', today = todayInVietnam()) {
  const at = (name: string) => `${prefix}.${name}`;
  if (current.decision !== 'PENDING') throw invalidInput('id', 'Việc giới thiệu này đã có quyết định.', 'ALREADY_DECIDED');
  if (f.decision === 'PENDING') throw invalidInput(at('decision'), 'Quyết định phải là ACCEPTED hoặc DECLINED.', 'DECISION_REQUIRED');
  notInFuture(at('decidedOn'), f.decidedOn, 'Ngày quyết định', today);
  if (f.decidedOn < current.nominatedOn) throw invalidInput(at('decidedOn'), `Ngày quyết định trước ngày giới thiệu (${vnDate(current.nominatedOn)}).`, 'BEFORE_NOMINATION');
  return { decision: f.decision, decidedOn: f.decidedOn, decisionNote: optionalText(at('note'), f.note, 1000, 'Ghi chú') };
}

function prepare(db: Db) {
  const units = sql`(SELECT value FROM json_each(${sql.placeholder('units')}))`;
  const inUnits = sql`${peopleOfStanding.unitId} IN ${units}`;
  return {
    byId: db.select().from(peopleOfStanding).where(eq(peopleOfStanding.id, sql.placeholder('id'))).prepare(),
    list: db
      .select()
      .from(peopleOfStanding)
      .where(
        and(
          inUnits,
          sql`(${sql.placeholder('role')} IS NULL OR ${peopleOfStanding.role} = ${sql.placeholder('role')})`,
          sql`(${sql.placeholder('decision')} IS NULL OR ${peopleOfStanding.decision} = ${sql.placeholder('decision')})`,
        ),
      )
      .orderBy(desc(peopleOfStanding.nominatedOn), desc(peopleOfStanding.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
    // Counts by role and decision only: ethnicity is never a dimension (Decree 356/2025: sensitive data).
    counts: db
      .select({ role: peopleOfStanding.role, decision: peopleOfStanding.decision, count: sql<number>`count(*)` })
      .from(peopleOfStanding)
      .where(and(inUnits, sql`${peopleOfStanding.nominatedOn} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`))
      .groupBy(peopleOfStanding.role, peopleOfStanding.decision)
      .orderBy(peopleOfStanding.role, peopleOfStanding.decision)
      .prepare(),
  };
}

const stmts = preparedPerDatabase(prepare);

export class PersonOfStandingRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  /** The Front's staff and leadership read the records (inside their jurisdiction). */
  private canRead(unitId: string): boolean {
    return this.scope.canReadRecords(this.org) && this.scope.coversUnit(unitId);
  }

  /**
   * Personal details: the Front's own staff of the jurisdiction, or leadership granted personal data
   * (PERSONAL_DATA, issue 6); the data classes then keep ethnicity (SENSITIVE_PERSONAL) to the Front's staff.
   */
  canReadPersonal(row: PersonOfStandingRow): boolean {
    if (this.scope.has('LEADERSHIP') && this.scope.has('PERSONAL_DATA')) return true;
    return this.scope.canWrite(this.org) && this.scope.coversUnit(row.unitId);
  }

  byId(n: number): PersonOfStandingRow | null {
    const row = stmts(this.db).byId.get({ id: n });
    return row && this.canRead(row.unitId) ? row : null;
  }

  list(f: { unitId?: string | null; role?: CoreForceRole | null; decision?: NominationDecision | null }, first: number): PersonOfStandingRow[] {
    const unitId = unitOrJurisdiction(this.scope, f.unitId);
    this.scope.assertCanReadRecords(this.org, unitId);
    pageSize('first', first, 500);
    return stmts(this.db).list.all({ units: JSON.stringify([...this.scope.visibleUnder(unitId)]), role: f.role ?? null, decision: f.decision ?? null, limit: first });
  }

  counts(unitId: string, periodId: string | null | undefined) {
    const u = unitOrJurisdiction(this.scope, unitId);
    this.scope.assertCanReadAggregates(this.org, u);
    const { from, to } = periodRange('periodId', periodId);
    return stmts(this.db).counts.all({ units: JSON.stringify([...this.scope.visibleUnder(u)]), from, to });
  }

  nominate(input: NominationFields): PersonOfStandingRow {
    const v = validateNomination(input);
    this.scope.assertCanWrite(this.org, v.unitId);
    return this.db.insert(peopleOfStanding).values({ ...v, recordedBy: this.scope.identity.userId }).returning().get();
  }

  decide(n: number, input: { decision: NominationDecision; decidedOn: string; note?: string | null }): PersonOfStandingRow {
    const current = stmts(this.db).byId.get({ id: n });
    if (!current || !this.scope.canWrite(this.org) || !this.scope.coversUnit(current.unitId)) {
      if (current && this.canRead(current.unitId)) throw forbidden('Chỉ cán bộ Mặt trận được ghi quyết định về người có uy tín.');
      throw notFound(`Không tìm thấy người có uy tín ${n}.`);
    }
    const v = validateNominationDecision(current, input);
    return this.db.update(peopleOfStanding).set({ ...v, decidedBy: this.scope.identity.userId }).where(eq(peopleOfStanding.id, n)).returning().get();
  }
}
