/**
 * Cases of violence, trafficking and abuse. Readable by the women's union's own staff of the case's
 * jurisdiction only (visibility 'own-staff'): leadership, dashboards and other organizations get counts,
 * and a case reached through `_entities` by anyone else resolves to null. The victim's identity never
 * appears in an error message.
 */
import { eq, sql } from 'drizzle-orm';
import { invalidInput } from '@antt/auth';
import { fmt, memo, recordKind, Check } from '@antt/duties';
import type { OrganizationId } from '@antt/reference';
import { womenProtectionCases as cases, womenProtectionVictims as victims } from '../db/schema.js';
import { PROTECTION_CASE_KINDS, PROTECTION_SUPPORT, type ProtectionCaseKind, type ProtectionSupport } from './catalogues.js';

/** A child under Vietnamese law: under 16 (Luật Trẻ em 2016, Điều 1). */
const CHILD_UNDER = 16;

export interface VictimInput {
  fullName: string;
  yearOfBirth?: number | null;
  contact?: string | null;
}

export interface ProtectionCaseInput {
  openedOn: string;
  unitId: string;
  kind: ProtectionCaseKind;
  victimIsChild: boolean;
  victim: VictimInput;
  support?: ProtectionSupport[] | null;
  tipReceiptId?: string | null;
  note?: string | null;
}

export interface ProtectionCaseUpdate {
  support?: ProtectionSupport[] | null;
  tipReceiptId?: string | null;
  closedOn?: string | null;
  note?: string | null;
}

export function validateVictim(f: VictimInput, openedOn: string, victimIsChild: boolean, check: Check) {
  const fullName = check.text('victim.fullName', f.fullName, 'Họ tên nạn nhân', 120, true);
  let yearOfBirth: number | null = null;
  if (f.yearOfBirth != null) {
    const year = Number(openedOn.slice(0, 4));
    yearOfBirth = check.count('victim.yearOfBirth', f.yearOfBirth, 'Năm sinh', 1900, year);
    const child = year - yearOfBirth < CHILD_UNDER;
    // A year of birth gives the age within a year; refuse only what cannot be true either way.
    if (victimIsChild && year - yearOfBirth > CHILD_UNDER) throw invalidInput(check.at('victimIsChild'), `Theo năm sinh, nạn nhân đã từ ${CHILD_UNDER} tuổi trở lên: không phải trẻ em.`, 'INCONSISTENT');
    if (!victimIsChild && child && year - yearOfBirth < CHILD_UNDER - 1) throw invalidInput(check.at('victimIsChild'), `Theo năm sinh, nạn nhân dưới ${CHILD_UNDER} tuổi: là trẻ em.`, 'INCONSISTENT');
  }
  return { fullName, yearOfBirth, contact: check.text('victim.contact', f.contact, 'Liên lạc', 200) };
}

export function validateProtectionCase(org: OrganizationId, f: ProtectionCaseInput, check: Check) {
  const openedOn = check.pastDate('openedOn', f.openedOn, 'Ngày tiếp nhận');
  const unit = check.unitOn('unitId', f.unitId, openedOn, ['COMMUNE', 'RESIDENTIAL_AREA']);
  const kind = check.oneOf('kind', f.kind, PROTECTION_CASE_KINDS, 'Loại vụ việc');
  if (kind === 'CHILD_ABUSE' && !f.victimIsChild) throw invalidInput(check.at('victimIsChild'), 'Vụ bạo lực, xâm hại trẻ em: nạn nhân phải là trẻ em (dưới 16 tuổi).', 'INCONSISTENT');
  return {
    openedOn,
    unitId: unit.id,
    branchId: check.branch(org, unit, openedOn),
    kind,
    victimIsChild: f.victimIsChild,
    support: JSON.stringify(check.setOf('support', f.support ?? [], PROTECTION_SUPPORT, 'Hình thức hỗ trợ')),
    tipReceiptId: check.code('tipReceiptId', f.tipReceiptId, 'Mã biên nhận của Công an'),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

export type ProtectionCaseRow = typeof cases.$inferSelect;
export type VictimRow = typeof victims.$inferSelect;

export class ProtectionCaseRepository extends recordKind({
  name: 'women-protection-cases',
  table: cases,
  columns: { id: cases.id, unitId: cases.unitId, date: cases.openedOn },
  dateOf: (r) => r.openedOn,
  sums: { children: sql`${cases.victimIsChild}`, referredToPolice: sql`${cases.tipReceiptId} IS NOT NULL`, closed: sql`${cases.closedOn} IS NOT NULL` },
  by: { column: cases.kind, catalogue: PROTECTION_CASE_KINDS },
  visibility: 'own-staff',
  nounVi: 'vụ việc',
  validate: validateProtectionCase,
}) {
  private get victimStmt() {
    return memo(this.db, 'women-protection-victim', () => this.db.select().from(victims).where(eq(victims.caseId, sql.placeholder('id'))).prepare());
  }

  /** The victim of a case the caller could read (byId and list have already applied the own-staff rule). */
  victimOf(caseId: number): VictimRow | null {
    return this.victimStmt.get({ id: caseId }) ?? null;
  }

  /** The case and its victim in one transaction: both or neither. */
  override record(input: ProtectionCaseInput): ProtectionCaseRow & { id: number; unitId: string } {
    const check = new Check();
    const v = validateProtectionCase(this.org, input, check);
    const victim = validateVictim(input.victim, v.openedOn, input.victimIsChild, check);
    this.scope.assertCanWrite(this.org, v.unitId);
    return this.db.transaction((tx) => {
      const row = tx.insert(cases).values({ ...v, recordedBy: this.scope.identity.userId }).returning().get();
      tx.insert(victims).values({ caseId: row.id, ...victim }).run();
      return row;
    });
  }

  change(id: number, patch: ProtectionCaseUpdate): ProtectionCaseRow {
    const row = this.writable(id);
    const check = new Check();
    const set: Partial<ProtectionCaseRow> = {};
    if (patch.support != null) set.support = JSON.stringify(check.setOf('support', patch.support, PROTECTION_SUPPORT, 'Hình thức hỗ trợ'));
    if (patch.tipReceiptId !== undefined) set.tipReceiptId = check.code('tipReceiptId', patch.tipReceiptId, 'Mã biên nhận của Công an');
    if (patch.note !== undefined) set.note = check.text('note', patch.note, 'Ghi chú', 2000);
    if (patch.closedOn != null) {
      if (row.closedOn) throw invalidInput(check.at('closedOn'), `Vụ việc đã kết thúc ngày ${fmt(row.closedOn)}.`, 'ALREADY_CLOSED');
      set.closedOn = check.notBefore('closedOn', check.pastDate('closedOn', patch.closedOn, 'Ngày kết thúc hỗ trợ'), row.openedOn, 'Ngày kết thúc hỗ trợ', 'ngày tiếp nhận');
    }
    return Object.keys(set).length ? this.update(id, set) : row;
  }
}
