/**
 * The effective-model part of a commune's first criterion (Circular 124/2021, Article 5.1: at least one
 * effective model of the movement), computed from the model reviews the Front keeps in its own database:
 * asked service to service (the Front's `effectiveModels` answer, resolvers/reviews.ts there) as of a
 * day, never typed. A criterion typed met while the reviews rate no model effective is flagged "không
 * được hồ sơ chứng minh" beside the computed figure; the typed result is kept as typed. When the Front
 * does not answer, the part is UNKNOWN with the reason: nothing is guessed, and no other field fails.
 */
import { invalidInput } from '@antt/auth';
import { isIsoDate } from '@antt/reference';
import type { ServiceReply, SubgraphContext } from '@antt/subgraph-kit';
import { windowOf } from '../legal/criteria.js';

export type EffectiveModelSupport = 'SUPPORTED' | 'NOT_SUPPORTED' | 'UNKNOWN';

export const EFFECTIVE_MODEL_SUPPORT_VI: Record<EffectiveModelSupport, string> = {
  SUPPORTED: 'được hồ sơ chứng minh',
  NOT_SUPPORTED: 'không được hồ sơ chứng minh',
  UNKNOWN: 'chưa xác định',
};

export type EffectiveModelCheck = {
  readOn: string;
  support: EffectiveModelSupport;
  supportVi: string;
  effectiveModels: number | null;
  recorded: boolean | null;
  contradictsRecords: boolean;
  reason: string | null;
};

const UNREACHABLE_VI = 'Không đọc được hồ sơ đánh giá mô hình của Mặt trận lúc này (Mặt trận không trả lời); chưa xác định được, vui lòng xem lại sau.';
const REFUSED_VI = 'Mặt trận không trả lời được cho đơn vị và năm này (đơn vị không còn trong năm đánh giá hoặc năm ngoài phạm vi); chưa xác định được.';
const NOT_CONFIGURED_VI = 'Hệ thống chưa được cấu hình để đọc hồ sơ đánh giá mô hình của Mặt trận; chưa xác định được.';

/** The day an assessment's effective-model part is read as of: the decision day when recognised, else the self-assessment day, else the window's last day. */
export function assessmentDay(a: Readonly<Record<string, unknown>>): string {
  return (a.decidedOn as string | null) ?? (a.selfAssessedOn as string | null) ?? windowOf('COMMUNE', a.year as number).end;
}

const asked = new WeakMap<SubgraphContext, Map<string, Promise<ServiceReply | null>>>();

/** One question per unit, year and day per request, however many fields ask it. */
function ask(ctx: SubgraphContext, unitId: string, year: number, on: string): Promise<ServiceReply | null> {
  let m = asked.get(ctx);
  if (!m) asked.set(ctx, (m = new Map()));
  const key = `${unitId}|${year}|${on}`;
  let p = m.get(key);
  if (!p)
    m.set(key, (p = ctx.services ? ctx.services.ask('front', 'effectiveModels', { unitId, year, effectiveOn: on }, ctx.requestId) : Promise.resolve(null)));
  return p;
}

/** The part for a commune's assessment, read as of `effectiveOn` (default: `assessmentDay`); `recorded` is what the self-assessment typed. */
export async function effectiveModelCheck(
  ctx: SubgraphContext,
  a: Readonly<Record<string, unknown>>,
  recorded: boolean | null,
  effectiveOn: string | null | undefined,
): Promise<EffectiveModelCheck> {
  if (effectiveOn != null && !isIsoDate(effectiveOn))
    throw invalidInput('effectiveOn', 'Ngày đọc hồ sơ (effectiveOn) phải có dạng YYYY-MM-DD.', 'INVALID_DATE');
  const on = effectiveOn ?? assessmentDay(a);
  const reply = await ask(ctx, a.unitId as string, a.year as number, on);
  const unknown = (reason: string): EffectiveModelCheck => ({
    readOn: on,
    support: 'UNKNOWN',
    supportVi: EFFECTIVE_MODEL_SUPPORT_VI.UNKNOWN,
    effectiveModels: null,
    recorded,
    contradictsRecords: false,
    reason,
  });
  if (!reply) return unknown(NOT_CONFIGURED_VI);
  if (!reply.ok) return unknown(reply.reason === 'REFUSED' ? REFUSED_VI : UNREACHABLE_VI);
  const n = reply.body.effectiveModels;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return unknown(UNREACHABLE_VI);
  const support: EffectiveModelSupport = n > 0 ? 'SUPPORTED' : 'NOT_SUPPORTED';
  return {
    readOn: on,
    support,
    supportVi: EFFECTIVE_MODEL_SUPPORT_VI[support],
    effectiveModels: n,
    recorded,
    contradictsRecords: recorded === true && n === 0,
    reason: null,
  };
}
