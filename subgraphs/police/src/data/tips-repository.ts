/**
 * Crime reports and tips (tin báo, tố giác tội phạm). The reporter's identity is sealed with the
 * police key ring before it reaches the database, and it is opened only for an investigator who gives
 * a reason; the read is recorded. It is never part of a tip's fields, a log line or an error.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { forbidden, invalidInput, notFound, type Scope } from '@antt/auth';
import { periodById, ORGANIZATIONS, type IsoDate, type OrganizationId } from '@antt/reference';
import { instantNotInFuture, intInRange, notInFuture, requiredText, unitValidOn, vnDate, type Db } from '@antt/subgraph-kit';
import { crimeTips, identityReads, tipStatusHistory } from '../db/schema.js';
import { assertCanReadPoliceCounts, isOrganizationStaff, isPoliceStaff } from '../access.js';
import { initialDecisionDue, isOverdue, latestExtension, vietnamDate } from '../legal/deadlines.js';
import { identityCipher } from './vault.js';

export type TipRow = typeof crimeTips.$inferSelect;

export interface ReporterInput {
  fullName?: string | null;
  address?: string | null;
  idNumber?: string | null;
  phone?: string | null;
}

export interface TipInput {
  channel: string;
  receivedAt: string;
  unitId: string;
  summary: string;
  category?: string | null;
  reporter?: ReporterInput | null;
  confidentialityRequested: boolean;
  remoteArea?: boolean;
}

/** Identity fields are checked for length only, and the message never repeats what was typed. */
function sealReporter(r: ReporterInput | null | undefined): string | null {
  if (!r) return null;
  const clean: ReporterInput = {};
  for (const k of ['fullName', 'address', 'idNumber', 'phone'] as const) {
    const v = r[k]?.trim();
    if (v && v.length > 300) throw invalidInput(`input.reporter.${k}`, 'Thông tin người tố giác dài quá 300 ký tự.', 'TOO_LONG');
    if (v) clean[k] = v;
  }
  return Object.keys(clean).length ? identityCipher().encryptJson(clean) : null;
}

export class TipsRepository {
  constructor(
    private readonly db: Db,
    _org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  /** Tip records are police business: police staff inside their jurisdiction (leaders and investigators included). */
  private canRead(t: TipRow): boolean {
    return isPoliceStaff(this.scope) && this.scope.coversUnit(t.unitId);
  }

  byId(id: number): TipRow | null {
    const t = this.db.select().from(crimeTips).where(eq(crimeTips.id, id)).get();
    return t && this.canRead(t) ? t : null;
  }

  list(unitId: string | null | undefined, periodId: string | null | undefined, status: string | null | undefined, first: number): TipRow[] {
    if (!isPoliceStaff(this.scope)) throw forbidden('Chỉ cán bộ Công an được xem tin báo, tố giác tội phạm; lãnh đạo và bảng điều khiển xem số liệu tổng hợp.');
    const u = unitId ?? this.scope.identity.unitId;
    if (!this.scope.coversUnit(u)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
    intInRange('first', first, 1, 200, 'Số bản ghi');
    const p = periodId ? periodById(periodId) : null;
    if (periodId && !p) throw invalidInput('periodId', `Không có kỳ "${periodId}".`, 'UNKNOWN_PERIOD');
    const vis = this.scope.visibleUnder(u);
    return this.db.select().from(crimeTips).orderBy(desc(crimeTips.receivedAt)).all()
      .filter((t) => vis.has(t.unitId) && (!status || t.status === status) && (!p || (vietnamDate(t.receivedAt) >= p.start && vietnamDate(t.receivedAt) <= p.end)))
      .slice(0, first);
  }

  overdue(unitId: string | null | undefined, now = new Date()): TipRow[] {
    if (!(isPoliceStaff(this.scope) && (this.scope.has('LEADER') || this.scope.has('INVESTIGATOR')))) throw forbidden('Danh sách tin quá hạn dành cho lãnh đạo Công an và điều tra viên.');
    const vis = this.scope.visibleUnder(unitId ?? this.scope.identity.unitId);
    return this.db.select().from(crimeTips).orderBy(crimeTips.receivedAt).all().filter((t) => vis.has(t.unitId) && isOverdue(t, now));
  }

  history(id: number) {
    return this.db.select().from(tipStatusHistory).where(eq(tipStatusHistory.tipId, id)).orderBy(tipStatusHistory.id).all();
  }

  counts(unitId: string, periodId: string) {
    assertCanReadPoliceCounts(this.scope, unitId);
    const p = periodById(periodId);
    if (!p) throw invalidInput('periodId', `Không có kỳ "${periodId}".`, 'UNKNOWN_PERIOD');
    const vis = this.scope.visibleUnder(unitId);
    const counts = new Map<string, { category: string; status: string; count: number }>();
    for (const t of this.db.select({ unitId: crimeTips.unitId, receivedAt: crimeTips.receivedAt, category: crimeTips.category, status: crimeTips.status }).from(crimeTips).all()) {
      const d = vietnamDate(t.receivedAt);
      if (!vis.has(t.unitId) || d < p.start || d > p.end) continue;
      const key = `${t.category}|${t.status}`;
      const c = counts.get(key) ?? { category: t.category, status: t.status, count: 0 };
      c.count++;
      counts.set(key, c);
    }
    return [...counts.values()].sort((a, b) => a.category.localeCompare(b.category) || a.status.localeCompare(b.status));
  }

  private validate(input: TipInput) {
    const receivedAt = instantNotInFuture('input.receivedAt', input.receivedAt, 'Thời điểm tiếp nhận');
    const unit = unitValidOn('input.unitId', input.unitId, vietnamDate(receivedAt), ['COMMUNE', 'RESIDENTIAL_AREA']);
    const summary = requiredText('input.summary', input.summary, 4000, 'Nội dung tin báo');
    return { receivedAt, unit, summary, reporterSealed: sealReporter(input.reporter) };
  }

  private insert(input: TipInput, v: ReturnType<TipsRepository['validate']>, extra: { handedOverBy: string | null; receiptId: string | null }, demo = false): TipRow {
    return this.db.transaction((tx) => {
      const tip = tx
        .insert(crimeTips)
        .values({
          channel: input.channel, receivedAt: v.receivedAt, unitId: v.unit.id, summary: v.summary, category: input.category ?? 'OTHER', reporterSealed: v.reporterSealed,
          confidentialityRequested: input.confidentialityRequested, remoteArea: input.remoteArea ?? false, handedOverBy: extra.handedOverBy, receiptId: extra.receiptId,
          status: 'RECEIVED', decisionDueOn: initialDecisionDue(v.receivedAt), demo, recordedBy: this.scope.identity.userId,
        })
        .returning()
        .get();
      tx.insert(tipStatusHistory).values({ tipId: tip.id, status: 'RECEIVED', at: v.receivedAt, by: this.scope.identity.userId, note: extra.handedOverBy ? `Chuyển đến từ ${ORGANIZATIONS[extra.handedOverBy as OrganizationId].nameVi}` : null }).run();
      return tip;
    });
  }

  /** Intake by police staff. */
  record(input: TipInput, opts: { demo?: boolean } = {}): TipRow {
    const v = this.validate(input);
    if (!isPoliceStaff(this.scope)) throw forbidden('Chỉ Công an tiếp nhận trực tiếp; tổ chức khác dùng handOverCrimeTip.');
    if (!this.scope.coversUnit(v.unit.id)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
    return this.insert(input, v, { handedOverBy: null, receiptId: null }, opts.demo);
  }

  /**
   * A tip another organization received, handed to the police. Write-only for the sender: the answer
   * is a receipt, and the receipt later shows the status, never the content.
   */
  handOver(input: TipInput): TipRow {
    const v = this.validate(input);
    if (!isOrganizationStaff(this.scope) || this.scope.identity.organization === 'police') throw forbidden('Chỉ cán bộ của các tổ chức (không phải Công an) chuyển tin cho Công an; Công an tiếp nhận bằng recordCrimeTip.');
    if (!this.scope.coversUnit(v.unit.id)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
    return this.insert({ ...input, category: input.category ?? 'OTHER' }, v, { handedOverBy: this.scope.identity.organization, receiptId: `BN-${randomBytes(9).toString('base64url')}` });
  }

  /** A receipt's status, for the organization that handed the tip over (and the police). */
  receipt(receiptId: string): TipRow | null {
    const t = this.db.select().from(crimeTips).where(eq(crimeTips.receiptId, receiptId)).get();
    if (!t) return null;
    return t.handedOverBy === this.scope.identity.organization || this.canRead(t) ? t : null;
  }

  /** The reporter's identity, for an investigator with a reason; the read is recorded first. */
  reporter(tipId: number, reason: string): ReporterInput | null {
    if (!(this.scope.identity.organization === 'police' && this.scope.has('INVESTIGATOR'))) throw forbidden('Chỉ điều tra viên mới được xem thông tin người tố giác.');
    const why = requiredText('reason', reason, 500, 'Lý do');
    const t = this.byId(tipId);
    if (!t) throw notFound(`Không tìm thấy tin báo ${tipId}.`);
    // A read field, so no write transaction of the kit's around it: its own, committed (and checked)
    // before the identity is decrypted, so an unrecorded read reveals nothing.
    this.db.transaction((tx) => {
      tx.insert(identityReads).values({ recordKind: 'CRIME_TIP', recordId: String(t.id), userId: this.scope.identity.userId, organization: this.scope.identity.organization, reason: why }).run();
    });
    return t.reporterSealed ? identityCipher().decryptJson<ReporterInput>(t.reporterSealed) : null;
  }

  identityReads(recordKind: string, recordId: string) {
    return this.db.select().from(identityReads).where(and(eq(identityReads.recordKind, recordKind), eq(identityReads.recordId, recordId))).all();
  }

  private step(id: number, apply: (t: TipRow) => Partial<TipRow> & { status: string }, note: string | null, at: string): TipRow {
    const t = this.byId(id);
    if (!t) throw notFound(`Không tìm thấy tin báo ${id}.`);
    if (!isPoliceStaff(this.scope)) throw forbidden('Chỉ cán bộ Công an cập nhật tin báo.');
    const change = apply(t);
    return this.db.transaction((tx) => {
      tx.insert(tipStatusHistory).values({ tipId: id, status: change.status, at, by: this.scope.identity.userId, note }).run();
      return tx.update(crimeTips).set(change).where(eq(crimeTips.id, id)).returning().get();
    });
  }

  forward(id: number, to: string, at: string): TipRow {
    const dest = requiredText('to', to, 300, 'Cơ quan tiếp nhận');
    const when = instantNotInFuture('at', at, 'Thời điểm chuyển');
    return this.step(id, (t) => {
      if (t.forwardedAt) throw invalidInput('id', 'Tin này đã được chuyển.', 'ALREADY_FORWARDED');
      if (when < t.receivedAt) throw invalidInput('at', 'Thời điểm chuyển phải sau thời điểm tiếp nhận.', 'BEFORE_RECEIPT');
      return { status: 'FORWARDED', forwardedAt: when, forwardedTo: dest };
    }, dest, when);
  }

  startVerification(id: number): TipRow {
    const now = new Date().toISOString();
    return this.step(id, (t) => {
      if (t.decision) throw invalidInput('id', 'Tin này đã có quyết định.', 'ALREADY_DECIDED');
      return { status: 'BEING_VERIFIED' };
    }, null, now);
  }

  extend(id: number, until: IsoDate, reason: string): TipRow {
    const why = requiredText('reason', reason, 500, 'Lý do gia hạn');
    return this.step(id, (t) => {
      if (t.decision) throw invalidInput('id', 'Tin này đã có quyết định.', 'ALREADY_DECIDED');
      const latest = latestExtension(t.receivedAt, t.decisionDueOn, t.extensions);
      if (!latest) throw invalidInput('id', 'Đã gia hạn 2 lần: Bộ luật Tố tụng hình sự (Điều 147) không cho gia hạn thêm.', 'NO_MORE_EXTENSIONS');
      if (until <= t.decisionDueOn) throw invalidInput('until', `Hạn mới phải sau hạn hiện tại (${vnDate(t.decisionDueOn)}).`, 'NOT_LATER');
      if (until > latest) throw invalidInput('until', `Lần gia hạn này tối đa đến ${vnDate(latest)} (Điều 147: tối đa 2 tháng).`, 'EXTENSION_TOO_LONG');
      return { status: t.status, decisionDueOn: until, extensions: t.extensions + 1 };
    }, `Gia hạn: ${why}`, new Date().toISOString());
  }

  decide(id: number, decision: string, on: IsoDate): TipRow {
    notInFuture('on', on, 'Ngày quyết định');
    return this.step(id, (t) => {
      if (t.decision) throw invalidInput('id', 'Tin này đã có quyết định.', 'ALREADY_DECIDED');
      if (on < vietnamDate(t.receivedAt)) throw invalidInput('on', 'Ngày quyết định phải sau ngày tiếp nhận.', 'BEFORE_RECEIPT');
      return { status: 'DECIDED', decision, decidedOn: on };
    }, decision, `${on}T12:00:00.000Z`);
  }

  notifyReporter(id: number, on: IsoDate): TipRow {
    notInFuture('on', on, 'Ngày thông báo');
    return this.step(id, (t) => {
      if (!t.decidedOn) throw invalidInput('id', 'Chưa có quyết định để thông báo cho người tố giác.', 'NOT_DECIDED');
      if (on < t.decidedOn) throw invalidInput('on', 'Ngày thông báo phải sau ngày quyết định.', 'BEFORE_DECISION');
      return { status: 'REPORTER_NOTIFIED', reporterNotifiedOn: on };
    }, null, `${on}T12:00:00.000Z`);
  }
}

