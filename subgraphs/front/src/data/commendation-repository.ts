/**
 * Commendations (khen thưởng): any organization's staff propose one for a unit, a branch or a person in
 * their jurisdiction; the Front's staff record the decision. The Front's staff and leadership read every
 * commendation; another organization's staff read the ones it proposed.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { forbidden, invalidInput, notFound, type Scope } from '@antt/auth';
import { branchById, territory, todayInVietnam, type OrganizationId } from '@antt/reference';
import { preparedPerDatabase, knownUnit, notInFuture, optionalText, pageSize, periodRange, requiredText, staffOrganization, unitOrJurisdiction, vnDate, type Db } from '@antt/subgraph-kit';
import { commendations } from '../db/schema.js';

export type CommendationRow = typeof commendations.$inferSelect;
export const COMMENDATION_FORMS = ['CERTIFICATE_OF_MERIT', 'LETTER_OF_COMMENDATION', 'EMULATION_FLAG', 'EMULATION_TITLE', 'OTHER'] as const;
export type CommendationForm = (typeof COMMENDATION_FORMS)[number];
export type CommendationStatus = 'PROPOSED' | 'AWARDED' | 'NOT_AWARDED';
export type RecipientKind = 'UNIT' | 'BRANCH' | 'PERSON';

export interface ProposalFields {
  recipientKind: RecipientKind;
  recipientUnitId?: string | null;
  recipientBranchId?: string | null;
  recipientName?: string | null;
  achievement: string;
  form: CommendationForm;
  proposedOn: string;
}

export function validateProposal(f: ProposalFields, prefix = 'input', today = todayInVietnam()) {
  const at = (name: string) => `${prefix}.${name}`;
  if (!COMMENDATION_FORMS.includes(f.form)) throw invalidInput(at('form'), `Hình thức "${f.form}" không có trong danh mục.`, 'UNKNOWN_FORM');
  notInFuture(at('proposedOn'), f.proposedOn, 'Ngày đề nghị', today);
  const achievement = requiredText(at('achievement'), f.achievement, 2000, 'Thành tích');
  let unitId: string;
  let branchId: string | null = null;
  let name: string | null = null;
  if (f.recipientKind === 'BRANCH') {
    if (!f.recipientBranchId) throw invalidInput(at('recipientBranchId'), 'Khen thưởng một chi hội, cơ sở cần ghi rõ recipientBranchId.', 'REQUIRED');
    const b = branchById(f.recipientBranchId);
    if (!b) throw invalidInput(at('recipientBranchId'), `Không có cấp tổ chức "${f.recipientBranchId}".`, 'UNKNOWN_BRANCH');
    if (f.recipientUnitId && f.recipientUnitId !== b.unitId) throw invalidInput(at('recipientUnitId'), `${b.name} ở đơn vị ${territory().unit(b.unitId)?.name ?? b.unitId}; bỏ trống recipientUnitId hoặc ghi đúng đơn vị.`, 'UNIT_NOT_OF_BRANCH');
    [unitId, branchId] = [b.unitId, b.id];
  } else {
    if (!f.recipientUnitId) throw invalidInput(at('recipientUnitId'), 'Cần ghi rõ đơn vị được khen thưởng (hoặc nơi cá nhân sinh sống, công tác).', 'REQUIRED');
    unitId = knownUnit(at('recipientUnitId'), f.recipientUnitId).id;
    if (f.recipientBranchId) throw invalidInput(at('recipientBranchId'), 'Chỉ ghi recipientBranchId khi khen thưởng một chi hội, cơ sở (BRANCH).', 'NOT_APPLICABLE');
    if (f.recipientKind === 'PERSON') name = requiredText(at('recipientName'), f.recipientName ?? '', 200, 'Họ và tên người được khen thưởng');
    else if (f.recipientName) throw invalidInput(at('recipientName'), 'Chỉ ghi recipientName khi khen thưởng cá nhân (PERSON).', 'NOT_APPLICABLE');
  }
  return { recipientKind: f.recipientKind, recipientUnitId: unitId, recipientBranchId: branchId, recipientName: name, achievement, form: f.form, proposedOn: f.proposedOn };
}

export interface DecisionFields {
  status: CommendationStatus;
  decisionNumber?: string | null;
  decidedOn: string;
  issuingAuthority?: string | null;
  form?: CommendationForm | null;
  note?: string | null;
}

export function validateCommendationDecision(current: { status: string; proposedOn: string; form: string }, f: DecisionFields, prefix = 'input', today = todayInVietnam()) {
  const at = (name: string) => `${prefix}.${name}`;
  if (current.status !== 'PROPOSED') throw invalidInput('id', 'Đề nghị khen thưởng này đã có quyết định.', 'ALREADY_DECIDED');
  if (f.status === 'PROPOSED') throw invalidInput(at('status'), 'Quyết định phải là AWARDED hoặc NOT_AWARDED.', 'DECISION_REQUIRED');
  notInFuture(at('decidedOn'), f.decidedOn, 'Ngày quyết định', today);
  if (f.decidedOn < current.proposedOn) throw invalidInput(at('decidedOn'), `Ngày quyết định trước ngày đề nghị (${vnDate(current.proposedOn)}).`, 'BEFORE_PROPOSAL');
  const note = optionalText(at('note'), f.note, 1000, 'Ghi chú');
  if (f.status === 'NOT_AWARDED') return { status: f.status, decidedOn: f.decidedOn, decisionNumber: optionalText(at('decisionNumber'), f.decisionNumber, 100, 'Số quyết định'), issuingAuthority: optionalText(at('issuingAuthority'), f.issuingAuthority, 300, 'Cấp khen thưởng'), decisionNote: note, form: current.form };
  if (f.form != null && !COMMENDATION_FORMS.includes(f.form)) throw invalidInput(at('form'), `Hình thức "${f.form}" không có trong danh mục.`, 'UNKNOWN_FORM');
  return {
    status: f.status,
    decidedOn: f.decidedOn,
    decisionNumber: requiredText(at('decisionNumber'), f.decisionNumber ?? '', 100, 'Số quyết định khen thưởng'),
    issuingAuthority: requiredText(at('issuingAuthority'), f.issuingAuthority ?? '', 300, 'Cấp ra quyết định khen thưởng'),
    decisionNote: note,
    form: f.form ?? current.form,
  };
}

function prepare(db: Db) {
  const units = sql`(SELECT value FROM json_each(${sql.placeholder('units')}))`;
  const inScope = and(sql`${commendations.recipientUnitId} IN ${units}`, sql`${commendations.proposedOn} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`);
  return {
    byId: db.select().from(commendations).where(eq(commendations.id, sql.placeholder('id'))).prepare(),
    list: db
      .select()
      .from(commendations)
      .where(
        and(
          inScope,
          sql`(${sql.placeholder('status')} IS NULL OR ${commendations.status} = ${sql.placeholder('status')})`,
          sql`(${sql.placeholder('proposedBy')} IS NULL OR ${commendations.proposedByOrg} = ${sql.placeholder('proposedBy')})`,
        ),
      )
      .orderBy(desc(commendations.proposedOn), desc(commendations.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
    counts: db
      .select({ form: commendations.form, status: commendations.status, count: sql<number>`count(*)` })
      .from(commendations)
      .where(inScope)
      .groupBy(commendations.form, commendations.status)
      .orderBy(commendations.form, commendations.status)
      .prepare(),
  };
}

const stmts = preparedPerDatabase(prepare);

export class CommendationRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  private canRead(row: CommendationRow): boolean {
    if (!this.scope.coversUnit(row.recipientUnitId)) return false;
    return this.scope.canReadRecords(this.org) || staffOrganization(this.scope) === row.proposedByOrg;
  }

  byId(n: number): CommendationRow | null {
    const row = stmts(this.db).byId.get({ id: n });
    return row && this.canRead(row) ? row : null;
  }

  /** The Front's staff and leadership see every commendation; another organization's staff see only their own proposals. */
  list(f: { unitId?: string | null; status?: CommendationStatus | null; proposedBy?: string | null; periodId?: string | null }, first: number): CommendationRow[] {
    const unitId = unitOrJurisdiction(this.scope, f.unitId);
    let proposedBy = f.proposedBy ?? null;
    if (!this.scope.canReadRecords(this.org)) {
      const own = staffOrganization(this.scope);
      if (!own) throw forbidden('Bạn không có quyền xem hồ sơ khen thưởng.');
      if (proposedBy !== null && proposedBy !== own) throw forbidden('Bạn chỉ xem được các đề nghị khen thưởng của tổ chức mình.');
      proposedBy = own;
    }
    if (!this.scope.coversUnit(unitId)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
    pageSize('first', first, 500);
    const { from, to } = periodRange('periodId', f.periodId);
    return stmts(this.db).list.all({ units: JSON.stringify([...this.scope.visibleUnder(unitId)]), from, to, status: f.status ?? null, proposedBy, limit: first });
  }

  counts(unitId: string, periodId: string | null | undefined) {
    const u = unitOrJurisdiction(this.scope, unitId);
    this.scope.assertCanReadAggregates(this.org, u);
    const { from, to } = periodRange('periodId', periodId);
    return stmts(this.db).counts.all({ units: JSON.stringify([...this.scope.visibleUnder(u)]), from, to });
  }

  /** Any organization's staff propose, inside their jurisdiction; the proposer is the caller's organization, never an argument. */
  propose(input: ProposalFields): CommendationRow {
    const v = validateProposal(input);
    const proposer = staffOrganization(this.scope);
    if (!proposer) throw forbidden('Chỉ cán bộ của các tổ chức được đề nghị khen thưởng.');
    if (!this.scope.coversUnit(v.recipientUnitId)) throw forbidden('Không thể đề nghị khen thưởng cho đơn vị nằm ngoài địa bàn bạn phụ trách.');
    return this.db.insert(commendations).values({ ...v, proposedByOrg: proposer, recordedBy: this.scope.identity.userId }).returning().get();
  }

  decide(n: number, input: DecisionFields): CommendationRow {
    const current = stmts(this.db).byId.get({ id: n });
    if (!current || !this.scope.canWrite(this.org) || !this.scope.coversUnit(current.recipientUnitId)) {
      if (current && this.canRead(current)) throw forbidden('Chỉ cán bộ Mặt trận được ghi quyết định khen thưởng.');
      throw notFound(`Không tìm thấy đề nghị khen thưởng ${n}.`);
    }
    const v = validateCommendationDecision(current, input);
    return this.db.update(commendations).set({ ...v, decidedBy: this.scope.identity.userId }).where(eq(commendations.id, n)).returning().get();
  }
}
