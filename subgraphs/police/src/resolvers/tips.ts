/**
 * Crime tips: the established API (CrimeTip, its follow-up mutations, receipts, the overdue list) over
 * the PoliceCrimeTip kind. Each step is a correction, so a tip's history is its versions (tips kept
 * before versions also show the steps recorded then). No resolver returns the sealed identity except
 * policeTipReporter, for an investigator with a reason, after the read is recorded.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { forbidden, invalidInput, notFound } from '@antt/auth';
import { ORGANIZATIONS, territory, type OrganizationId } from '@antt/reference';
import {
  accessReason,
  instantNotInFuture,
  notInFuture,
  pageSize,
  periodRange,
  recordsOf,
  requiredText,
  vnDate,
  type StoredRecord,
  type SubgraphContext,
} from '@antt/subgraph-kit';
import { identityReads, tipStatusHistory } from '../db/schema.js';
import { isOrganizationStaff, isPoliceStaff } from '../access.js';
import { crimeTips } from '../kinds/index.js';
import { currentRecords, follow, standingRecord, writerFor } from '../data/records.js';
import { identityCipher } from '../data/vault.js';
import { forwardDueAt, isOverdue, latestExtension, vietnamDate } from '../legal/deadlines.js';

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

/** Identity fields are checked for length only, and the message never repeats what was typed; sealed at once. */
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

/** The day in Vietnam of an instant as typed, when it is one (the kind's checks report it otherwise). */
function dayOf(instant: string): string | null {
  return Number.isNaN(Date.parse(instant)) ? null : vietnamDate(instant);
}

/** Tip records are police business: police staff inside their jurisdiction (leaders and investigators included). */
function canRead(ctx: SubgraphContext, t: StoredRecord): boolean {
  return isPoliceStaff(ctx.scope) && ctx.scope.coversUnit(t.unitId as string);
}

function readable(ctx: SubgraphContext, id: string): StoredRecord | null {
  const t = standingRecord(ctx, crimeTips, id);
  return t && canRead(ctx, t) ? t : null;
}

function deadlineState(t: StoredRecord) {
  return {
    receivedAt: t.receivedAt as string,
    remoteArea: Boolean(t.remoteArea),
    forwardedAt: (t.forwardedAt as string | null) ?? null,
    decisionDueOn: t.decisionDueOn as string,
    decidedOn: (t.decidedOn as string | null) ?? null,
  };
}

const receipt = (t: StoredRecord) => ({ receiptId: t.receiptId, handedOverAt: t.recordedAt, status: t.tipStatus });

/** A step of a tip, by police staff: the tip as they may see it, the change, a correction with the step as its reason. */
function step(ctx: SubgraphContext, id: string, apply: (t: StoredRecord) => Record<string, unknown>, reason: (t: StoredRecord) => string): StoredRecord {
  const t = readable(ctx, id);
  if (!t) throw notFound(`Không tìm thấy tin báo ${id}.`);
  if (!isPoliceStaff(ctx.scope)) throw forbidden('Chỉ cán bộ Công an cập nhật tin báo.');
  return follow(ctx, crimeTips, t, apply(t), reason(t));
}

export const tipResolvers = {
  Query: {
    policeCrimeTips: (_: unknown, a: { unitId?: string | null; periodId?: string | null; status?: string | null; first: number }, ctx: SubgraphContext) => {
      if (!isPoliceStaff(ctx.scope))
        throw forbidden('Chỉ cán bộ Công an được xem tin báo, tố giác tội phạm; lãnh đạo và bảng điều khiển xem số liệu tổng hợp.');
      const u = a.unitId ?? ctx.scope.identity.unitId;
      if (!ctx.scope.coversUnit(u)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
      pageSize('first', a.first, 200);
      const { from, to } = periodRange('periodId', a.periodId);
      return currentRecords(ctx, crimeTips, {
        units: ctx.scope.visibleUnder(u),
        from,
        to,
        where: '@s IS NULL OR tip_status = @s',
        params: { s: a.status ?? null },
        orderBy: 'received_at DESC, id DESC',
        limit: a.first,
      });
    },
    policeCrimeTip: (_: unknown, a: { id: string }, ctx: SubgraphContext) => readable(ctx, a.id),
    policeOverdueTips: (_: unknown, a: { unitId?: string | null }, ctx: SubgraphContext) => {
      if (!(isPoliceStaff(ctx.scope) && (ctx.scope.has('LEADER') || ctx.scope.has('INVESTIGATOR'))))
        throw forbidden('Danh sách tin quá hạn dành cho lãnh đạo Công an và điều tra viên.');
      const now = new Date();
      return currentRecords(ctx, crimeTips, {
        units: ctx.scope.visibleUnder(a.unitId ?? ctx.scope.identity.unitId),
        where: 'decided_on IS NULL',
        orderBy: 'received_at, id',
      }).filter((t) => isOverdue(deadlineState(t), now));
    },
    policeTipReporter: (_: unknown, a: { tipId: string; reason: string }, ctx: SubgraphContext) => {
      if (!(ctx.scope.identity.organization === 'police' && ctx.scope.has('INVESTIGATOR')))
        throw forbidden('Chỉ điều tra viên mới được xem thông tin người tố giác.');
      const why = accessReason('reason', a.reason);
      const t = readable(ctx, a.tipId);
      if (!t) throw notFound(`Không tìm thấy tin báo ${a.tipId}.`);
      // A read field, so no write transaction of the kit's around it: its own, committed (and checked)
      // before the identity is decrypted, so an unrecorded read reveals nothing.
      ctx.db.transaction((tx) => {
        tx.insert(identityReads)
          .values({ recordKind: 'CRIME_TIP', recordId: t.id, userId: ctx.scope.identity.userId, organization: ctx.scope.identity.organization, reason: why })
          .run();
      });
      const who = t.reporterSealed ? identityCipher().decryptJson<ReporterInput>(t.reporterSealed as string) : null;
      // The tip's id rides along (not a field) so the audit trail can name the record read.
      return who && { ...who, id: t.id };
    },
    policeTipHandover: (_: unknown, a: { receiptId: string }, ctx: SubgraphContext) => {
      const t = currentRecords(ctx, crimeTips, { where: 'receipt_id = @r', params: { r: a.receiptId }, limit: 1 })[0];
      if (!t) return null;
      return t.handedOverBy === ctx.scope.identity.organization || canRead(ctx, t) ? receipt(t) : null;
    },
  },
  Mutation: {
    /** Intake by police staff. */
    recordCrimeTip: (_: unknown, { input }: { input: TipInput }, ctx: SubgraphContext) => {
      const { reporter, ...rest } = input;
      const reporterSealed = sealReporter(reporter);
      if (!isPoliceStaff(ctx.scope)) throw forbidden('Chỉ Công an tiếp nhận trực tiếp; tổ chức khác dùng handOverCrimeTip.');
      return recordsOf(ctx, crimeTips).create({
        ...rest,
        receivedOn: dayOf(rest.receivedAt),
        category: rest.category ?? 'OTHER',
        remoteArea: rest.remoteArea ?? false,
        reporterSealed,
        tipStatus: 'RECEIVED',
      });
    },
    /**
     * A tip another organization received, handed to the police. Write-only for the sender: the answer
     * is a receipt, and the receipt later shows the status, never the content.
     */
    handOverCrimeTip: (_: unknown, { input }: { input: TipInput }, ctx: SubgraphContext) => {
      const { reporter, ...rest } = input;
      const reporterSealed = sealReporter(reporter);
      if (!isOrganizationStaff(ctx.scope) || ctx.scope.identity.organization === 'police')
        throw forbidden('Chỉ cán bộ của các tổ chức (không phải Công an) chuyển tin cho Công an; Công an tiếp nhận bằng recordCrimeTip.');
      const t = writerFor(ctx, crimeTips).create({
        ...rest,
        receivedOn: dayOf(rest.receivedAt),
        channel: rest.channel ?? 'FORWARDED_BY_ORGANIZATION',
        category: rest.category ?? 'OTHER',
        remoteArea: false,
        reporterSealed,
        handedOverBy: ctx.scope.identity.organization,
        receiptId: `BN-${randomBytes(9).toString('base64url')}`,
        tipStatus: 'RECEIVED',
      });
      return receipt(t);
    },
    forwardCrimeTip: (_: unknown, a: { id: string; to: string; at: string }, ctx: SubgraphContext) => {
      const dest = requiredText('to', a.to, 300, 'Cơ quan tiếp nhận');
      const when = instantNotInFuture('at', a.at, 'Thời điểm chuyển');
      return step(
        ctx,
        a.id,
        (t) => {
          if (t.forwardedAt) throw invalidInput('id', 'Tin này đã được chuyển.', 'ALREADY_FORWARDED');
          if (when < (t.receivedAt as string)) throw invalidInput('at', 'Thời điểm chuyển phải sau thời điểm tiếp nhận.', 'BEFORE_RECEIPT');
          return { tipStatus: 'FORWARDED', forwardedAt: when, forwardedTo: dest };
        },
        () => 'Chuyển tin đến cơ quan có thẩm quyền',
      );
    },
    startTipVerification: (_: unknown, a: { id: string }, ctx: SubgraphContext) =>
      step(
        ctx,
        a.id,
        (t) => {
          if (t.decision) throw invalidInput('id', 'Tin này đã có quyết định.', 'ALREADY_DECIDED');
          return { tipStatus: 'BEING_VERIFIED' };
        },
        () => 'Bắt đầu kiểm tra, xác minh',
      ),
    extendTipDeadline: (_: unknown, a: { id: string; until: string; reason: string }, ctx: SubgraphContext) => {
      const why = requiredText('reason', a.reason, 500, 'Lý do gia hạn');
      return step(
        ctx,
        a.id,
        (t) => {
          if (t.decision) throw invalidInput('id', 'Tin này đã có quyết định.', 'ALREADY_DECIDED');
          const due = t.decisionDueOn as string;
          const latest = latestExtension(t.receivedAt as string, due, t.extensions as number);
          if (!latest) throw invalidInput('id', 'Đã gia hạn 2 lần: Bộ luật Tố tụng hình sự (Điều 147) không cho gia hạn thêm.', 'NO_MORE_EXTENSIONS');
          if (a.until <= due) throw invalidInput('until', `Hạn mới phải sau hạn hiện tại (${vnDate(due)}).`, 'NOT_LATER');
          if (a.until > latest) throw invalidInput('until', `Lần gia hạn này tối đa đến ${vnDate(latest)} (Điều 147: tối đa 2 tháng).`, 'EXTENSION_TOO_LONG');
          return { decisionDueOn: a.until, extensions: (t.extensions as number) + 1 };
        },
        () => `Gia hạn: ${why}`.slice(0, 1000),
      );
    },
    decideCrimeTip: (_: unknown, a: { id: string; decision: string; on: string }, ctx: SubgraphContext) => {
      notInFuture('on', a.on, 'Ngày quyết định');
      return step(
        ctx,
        a.id,
        (t) => {
          if (t.decision) throw invalidInput('id', 'Tin này đã có quyết định.', 'ALREADY_DECIDED');
          if (a.on < vietnamDate(t.receivedAt as string)) throw invalidInput('on', 'Ngày quyết định phải sau ngày tiếp nhận.', 'BEFORE_RECEIPT');
          return { tipStatus: 'DECIDED', decision: a.decision, decidedOn: a.on };
        },
        () => 'Ra quyết định giải quyết tin báo',
      );
    },
    notifyTipReporter: (_: unknown, a: { id: string; on: string }, ctx: SubgraphContext) => {
      notInFuture('on', a.on, 'Ngày thông báo');
      return step(
        ctx,
        a.id,
        (t) => {
          if (!t.decidedOn) throw invalidInput('id', 'Chưa có quyết định để thông báo cho người tố giác.', 'NOT_DECIDED');
          if (a.on < (t.decidedOn as string)) throw invalidInput('on', 'Ngày thông báo phải sau ngày quyết định.', 'BEFORE_DECISION');
          return { tipStatus: 'REPORTER_NOTIFIED', reporterNotifiedOn: a.on };
        },
        () => 'Thông báo kết quả cho người tố giác',
      );
    },
  },
  CrimeTip: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => readable(ctx, ref.id),
    status: (t: StoredRecord) => t.tipStatus,
    unit: (t: StoredRecord) => territory().unit(t.unitId as string),
    reporterIdentified: (t: StoredRecord) => t.reporterSealed != null,
    handedOverBy: (t: StoredRecord) => (t.handedOverBy ? ORGANIZATIONS[t.handedOverBy as OrganizationId] : null),
    forwardDueAt: (t: StoredRecord) => forwardDueAt(t.receivedAt as string, Boolean(t.remoteArea)),
    overdue: (t: StoredRecord) => isOverdue(deadlineState(t)),
    /** The steps recorded before versions (tips kept then), then one per version: intake, then each step. */
    history: (t: StoredRecord, _: unknown, ctx: SubgraphContext) => {
      const versions = recordsOf(ctx, crimeTips).history(t.id);
      const legacy = /^[1-9]\d{0,15}$/.test(t.id)
        ? ctx.db
            .select()
            .from(tipStatusHistory)
            .where(eq(tipStatusHistory.tipId, Number(t.id)))
            .orderBy(tipStatusHistory.id)
            .all()
        : [];
      const steps = versions
        .filter((v) => v.status === 'ACTIVE')
        .map((v) => ({
          status: v.tipStatus,
          at: v.version === 1 ? v.receivedAt : v.versionRecordedAt,
          note: v.version === 1 ? (v.handedOverBy ? `Chuyển đến từ ${ORGANIZATIONS[v.handedOverBy as OrganizationId].nameVi}` : null) : v.reason,
        }));
      return legacy.length ? [...legacy.map((h) => ({ status: h.status, at: h.at, note: h.note })), ...steps.slice(1)] : steps;
    },
  },
  PoliceUnitRecords: {
    tipCounts: ({ unitId }: { unitId: string }, { periodId }: { periodId: string }, ctx: SubgraphContext) =>
      recordsOf(ctx, crimeTips)
        .aggregate<{ category: string; status: string; count: number }>({ unitId, periodId }, 'category, tip_status AS status, count(*) AS count', {
          groupBy: 'category, tip_status',
        })
        .sort((a, b) => a.category.localeCompare(b.category) || a.status.localeCompare(b.status)),
  },
};
