/**
 * Crime tips: the established API (CrimeTip, its follow-up mutations, receipts, the overdue list) over
 * the PoliceCrimeTip kind. Each step is a correction, so a tip's history is its versions (tips kept
 * before versions also show the steps recorded then). No resolver returns the sealed identity except
 * policeTipReporter, for an investigator with a reason, after the read is recorded.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { authorize, enforce, forbidden, invalidInput, notFound } from '@antt/auth';
import { ORGANIZATIONS } from '@antt/reference';
import {
  accessReason,
  instantNotInFuture,
  notInFuture,
  pageSize,
  periodRange,
  recordsOf,
  requiredText,
  sqliteOf,
  storedCode,
  storedUnit,
  vnDate,
  type StoredRecord,
  type SubgraphContext,
} from '@antt/subgraph-kit';
import { identityReads, tipStatusHistory } from '../db/schema.js';
import { isOrganizationStaff, isPoliceStaff } from '../access.js';
import type { ReporterIdentityInput, Resolvers } from '../generated/resolvers.js';
import { crimeTips, TIP_STATUSES } from '../kinds/index.js';
import { countsOverdue, DEADLINE_COLUMNS, liveOverdueCount, tipCountCells } from './tip-disclosure.js';
import { currentRecords, follow, standingRecord, writerFor } from '../data/records.js';
import { identityCipher } from '../data/vault.js';
import { forwardDueAt, isOverdue, latestExtension, vietnamDate } from '../legal/deadlines.js';

export interface ReporterInput {
  fullName?: string | null;
  address?: string | null;
  idNumber?: string | null;
  phone?: string | null;
}

/** Identity fields are checked for length only, and the message never repeats what was typed; sealed at once. */
function sealReporter(r: ReporterIdentityInput | null | undefined): string | null {
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

type Row = Record<string, unknown>;

/** Tip records are police business: police staff inside their jurisdiction (leaders and investigators included). */
function canRead(ctx: SubgraphContext, t: Row): boolean {
  return isPoliceStaff(ctx.scope) && ctx.scope.principal.covers(String(t.unitId));
}

function readable(ctx: SubgraphContext, id: string): StoredRecord | null {
  const t = standingRecord(ctx, crimeTips, id);
  return t && canRead(ctx, t) ? t : null;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function deadlineState(t: Row) {
  return {
    receivedAt: String(t.receivedAt),
    remoteArea: Boolean(t.remoteArea),
    forwardedAt: text(t.forwardedAt),
    decisionDueOn: String(t.decisionDueOn),
    decidedOn: text(t.decidedOn),
  };
}

const receipt = (t: Row) => ({ receiptId: t.receiptId, handedOverAt: t.recordedAt, status: t.tipStatus });

/** A step of a tip, by police staff: the tip as they may see it, the change, a correction with the step as its reason. */
function step(ctx: SubgraphContext, id: string, apply: (t: StoredRecord) => Record<string, unknown>, reason: (t: StoredRecord) => string): StoredRecord {
  const t = readable(ctx, id);
  if (!t) throw notFound(`Không tìm thấy tin báo ${id}.`);
  if (!isPoliceStaff(ctx.scope)) throw forbidden('Chỉ cán bộ Công an cập nhật tin báo.');
  return follow(ctx, crimeTips, t, apply(t), reason(t));
}

export const tipResolvers: Resolvers = {
  Query: {
    policeCrimeTips: (_, a, ctx) => {
      if (!isPoliceStaff(ctx.scope))
        throw forbidden('Chỉ cán bộ Công an được xem tin báo, tố giác tội phạm; lãnh đạo và bảng điều khiển xem số liệu tổng hợp.');
      const u = a.unitId ?? ctx.scope.identity.unitId;
      if (!ctx.scope.principal.covers(u)) throw forbidden('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
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
    policeCrimeTip: (_, a, ctx) => readable(ctx, a.id),
    policeOverdueTips: (_, a, ctx) => {
      enforce(authorize.listOverdueTips(ctx.scope.principal));
      const now = new Date();
      return currentRecords(ctx, crimeTips, {
        units: ctx.scope.visibleUnder(a.unitId ?? ctx.scope.identity.unitId),
        where: 'decided_on IS NULL',
        orderBy: 'received_at, id',
      }).filter((t) => isOverdue(deadlineState(t), now));
    },
    policeTipReporter: (_, a, ctx) => {
      if (!authorize.readClass(ctx.scope.principal, 'CRIME_SOURCE', 'police').allowed)
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
      const who = t.reporterSealed ? identityCipher().decryptJson<ReporterInput>(String(t.reporterSealed)) : null;
      // The tip's id rides along (not a field) so the audit trail can name the record read.
      return who && { ...who, id: t.id };
    },
    policeTipHandover: (_, a, ctx) => {
      const t = currentRecords(ctx, crimeTips, { where: 'receipt_id = @r', params: { r: a.receiptId }, limit: 1 })[0];
      if (!t) return null;
      return t.handedOverBy === ctx.scope.identity.organization || canRead(ctx, t) ? receipt(t) : null;
    },
  },
  Mutation: {
    /** Intake by police staff. */
    recordCrimeTip: (_, { input }, ctx) => {
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
    handOverCrimeTip: (_, { input }, ctx) => {
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
    forwardCrimeTip: (_, a, ctx) => {
      const dest = requiredText('to', a.to, 300, 'Cơ quan tiếp nhận');
      const when = instantNotInFuture('at', a.at, 'Thời điểm chuyển');
      return step(
        ctx,
        a.id,
        (t) => {
          if (t.forwardedAt) throw invalidInput('id', 'Tin này đã được chuyển.', 'ALREADY_FORWARDED');
          if (when < String(t.receivedAt)) throw invalidInput('at', 'Thời điểm chuyển phải sau thời điểm tiếp nhận.', 'BEFORE_RECEIPT');
          return { tipStatus: 'FORWARDED', forwardedAt: when, forwardedTo: dest };
        },
        () => 'Chuyển tin đến cơ quan có thẩm quyền',
      );
    },
    startTipVerification: (_, a, ctx) =>
      step(
        ctx,
        a.id,
        (t) => {
          if (t.decision) throw invalidInput('id', 'Tin này đã có quyết định.', 'ALREADY_DECIDED');
          return { tipStatus: 'BEING_VERIFIED' };
        },
        () => 'Bắt đầu kiểm tra, xác minh',
      ),
    extendTipDeadline: (_, a, ctx) => {
      const why = requiredText('reason', a.reason, 500, 'Lý do gia hạn');
      return step(
        ctx,
        a.id,
        (t) => {
          if (t.decision) throw invalidInput('id', 'Tin này đã có quyết định.', 'ALREADY_DECIDED');
          const due = String(t.decisionDueOn);
          const latest = latestExtension(String(t.receivedAt), due, Number(t.extensions));
          if (!latest) throw invalidInput('id', 'Đã gia hạn 2 lần: Bộ luật Tố tụng hình sự (Điều 147) không cho gia hạn thêm.', 'NO_MORE_EXTENSIONS');
          if (a.until <= due) throw invalidInput('until', `Hạn mới phải sau hạn hiện tại (${vnDate(due)}).`, 'NOT_LATER');
          if (a.until > latest) throw invalidInput('until', `Lần gia hạn này tối đa đến ${vnDate(latest)} (Điều 147: tối đa 2 tháng).`, 'EXTENSION_TOO_LONG');
          return { decisionDueOn: a.until, extensions: Number(t.extensions) + 1 };
        },
        () => `Gia hạn: ${why}`.slice(0, 1000),
      );
    },
    decideCrimeTip: (_, a, ctx) => {
      notInFuture('on', a.on, 'Ngày quyết định');
      return step(
        ctx,
        a.id,
        (t) => {
          if (t.decision) throw invalidInput('id', 'Tin này đã có quyết định.', 'ALREADY_DECIDED');
          if (a.on < vietnamDate(String(t.receivedAt))) throw invalidInput('on', 'Ngày quyết định phải sau ngày tiếp nhận.', 'BEFORE_RECEIPT');
          return { tipStatus: 'DECIDED', decision: a.decision, decidedOn: a.on };
        },
        () => 'Ra quyết định giải quyết tin báo',
      );
    },
    notifyTipReporter: (_, a, ctx) => {
      notInFuture('on', a.on, 'Ngày thông báo');
      return step(
        ctx,
        a.id,
        (t) => {
          if (!t.decidedOn) throw invalidInput('id', 'Chưa có quyết định để thông báo cho người tố giác.', 'NOT_DECIDED');
          if (a.on < String(t.decidedOn)) throw invalidInput('on', 'Ngày thông báo phải sau ngày quyết định.', 'BEFORE_DECISION');
          return { tipStatus: 'REPORTER_NOTIFIED', reporterNotifiedOn: a.on };
        },
        () => 'Thông báo kết quả cho người tố giác',
      );
    },
  },
  CrimeTip: {
    __resolveReference: (ref, ctx) => readable(ctx, String(ref.id)),
    status: (t) => storedCode(TIP_STATUSES, t.tipStatus),
    unit: (t) => storedUnit(t.unitId),
    reporterIdentified: (t) => t.reporterSealed != null,
    handedOverBy: (t) => (t.handedOverBy ? ORGANIZATIONS[storedCode(ORGANIZATIONS, t.handedOverBy)] : null),
    forwardDueAt: (t) => forwardDueAt(String(t.receivedAt), Boolean(t.remoteArea)),
    overdue: (t) => isOverdue(deadlineState(t)),
    /** The steps recorded before versions (tips kept then), then one per version: intake, then each step. */
    history: (t, _, ctx) => {
      const id = String(t.id);
      const versions = recordsOf(ctx, crimeTips).history(id);
      const legacy = /^[1-9]\d{0,15}$/.test(id)
        ? ctx.db
            .select()
            .from(tipStatusHistory)
            .where(eq(tipStatusHistory.tipId, Number(id)))
            .orderBy(tipStatusHistory.id)
            .all()
        : [];
      const steps = versions
        .filter((v) => v.status === 'ACTIVE')
        .map((v) => ({
          status: v.tipStatus,
          at: v.version === 1 ? v.receivedAt : v.versionRecordedAt,
          note: v.version === 1 ? (v.handedOverBy ? `Chuyển đến từ ${ORGANIZATIONS[storedCode(ORGANIZATIONS, v.handedOverBy)].nameVi}` : null) : v.reason,
        }));
      return legacy.length ? [...legacy.map((h) => ({ status: h.status, at: h.at, note: h.note })), ...steps.slice(1)] : steps;
    },
  },
  PoliceUnitRecords: {
    // asRecordedAt: the instant the figures' basis gives (subgraph-kit reports/basis-fields.ts), the approved report's lock by default.
    tipCounts: (p, { periodId, asRecordedAt }, ctx) =>
      tipCountCells(
        recordsOf(ctx, crimeTips)
          .aggregate<{ category: string; status: string; count: number }>(
            { unitId: String(p.unitId), periodId, asRecordedAt },
            'category, tip_status AS status, count(*) AS count',
            {
              groupBy: 'category, tip_status',
            },
          )
          .sort((a, b) => a.category.localeCompare(b.category) || a.status.localeCompare(b.status)),
        String(p.unitId),
        periodId,
        asRecordedAt,
      ),
    /** Counts only, under the kind's count rule: the undecided tips' deadlines, read as counts, then held to the law's clock (the source's flag `overdue` reads the same). */
    overdueTips: (p, { periodId, asRecordedAt }, ctx) => {
      // Figures read as recorded at an instant are overdue as of that instant, live ones as of now.
      const now = asRecordedAt ? new Date(asRecordedAt) : new Date();
      const read = () =>
        recordsOf(ctx, crimeTips).aggregate<Row>({ unitId: String(p.unitId), periodId, asRecordedAt }, DEADLINE_COLUMNS, { where: 'decided_on IS NULL' });
      // Live figures: the unit's undecided tips kept as the instants they turn overdue until the table changes.
      // The rows read are those the caller's jurisdiction sees under the unit: the key names both.
      const { organization, unitId: home, roles } = ctx.scope.identity;
      const key = JSON.stringify([String(p.unitId), periodId ?? null, organization, home, [...roles].sort()]);
      if (!asRecordedAt) return liveOverdueCount(sqliteOf(ctx.db), key, now, read);
      return read().filter((t) => countsOverdue(t, now)).length;
    },
  },
};
