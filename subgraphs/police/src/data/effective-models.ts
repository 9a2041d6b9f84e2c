/**
 * The effective-model part of a commune's first criterion (Circular 124/2021, Article 5.1: at least one
 * effective model of the movement), computed from the model reviews the Front keeps in its own database,
 * never typed. The police ask the Front service to service (its `effectiveModelSteps` answer,
 * resolvers/reviews.ts there) how each unit's count of effective models moved through an assessment
 * year, for many units at once, and read the count as of any day from it: the criterion's `met` and the
 * assessment's `result` as of the assessment's day, a recognition's support as of its decision day, and
 * the indicators (data/standard.ts). A criterion typed met while the reviews rate no model effective is
 * shown not met, "không được hồ sơ chứng minh", beside the computed figure; the typed result is kept as
 * typed. When the Front does not answer, the part is UNKNOWN with the reason: nothing is guessed, the
 * typed value is never taken instead, and no other field fails.
 */
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

export const UNREACHABLE_VI = 'Không đọc được hồ sơ đánh giá mô hình của Mặt trận lúc này (Mặt trận không trả lời); chưa xác định được, vui lòng xem lại sau.';
export const REFUSED_VI = 'Mặt trận không trả lời được cho đơn vị và năm này (đơn vị không còn trong năm đánh giá hoặc năm ngoài phạm vi); chưa xác định được.';
export const NOT_CONFIGURED_VI = 'Hệ thống chưa được cấu hình để đọc hồ sơ đánh giá mô hình của Mặt trận; chưa xác định được.';

/** How many units one question names (the Front's MAX_STEP_UNITS). */
const UNITS_PER_QUESTION = 100;

/** A unit's count of effective models through a year: [day, count from that day], oldest first; or why it is unknown. */
export type ModelSteps = { steps: readonly (readonly [string, number])[] } | { unknown: string };

/** The count of effective models on `day` (none before the first step); null when unknown. */
export function effectiveOn(m: ModelSteps, day: string): number | null {
  if ('unknown' in m) return null;
  let n = 0;
  for (const [d, c] of m.steps) {
    if (d > day) break;
    n = c;
  }
  return n;
}

/** The day an assessment's effective-model part is read as of: the decision day when recognised, else the self-assessment day, else the window's last day. */
export function assessmentDay(a: Readonly<Record<string, unknown>>): string {
  return (a.decidedOn as string | null) ?? (a.selfAssessedOn as string | null) ?? windowOf('COMMUNE', a.year as number).end;
}

const asked = new WeakMap<SubgraphContext, Map<string, Promise<ModelSteps>>>();

function isSteps(v: unknown): v is [string, number][] {
  return Array.isArray(v) && v.every((s) => Array.isArray(s) && s.length === 2 && isIsoDate(s[0]) && Number.isInteger(s[1]) && s[1] >= 0);
}

/**
 * The units' counts through the year, asked of the Front once per request, unit, year and reading
 * (`asRecordedAt`: the reviews as the graph held them then; null: as known now), a hundred units a
 * question, the questions at once.
 */
export function modelSteps(
  ctx: SubgraphContext,
  year: number,
  unitIds: Iterable<string>,
  asRecordedAt: string | null = null,
): Promise<Map<string, ModelSteps>> {
  let m = asked.get(ctx);
  if (!m) asked.set(ctx, (m = new Map()));
  const key = (u: string) => `${asRecordedAt ?? ''}|${year}|${u}`;
  const ids = [...new Set(unitIds)];
  const missing = ids.filter((u) => !m.has(key(u)));
  for (let i = 0; i < missing.length; i += UNITS_PER_QUESTION) {
    const chunk = missing.slice(i, i + UNITS_PER_QUESTION);
    const body: Record<string, unknown> = { unitIds: chunk, year, ...(asRecordedAt ? { asRecordedAt } : {}) };
    const reply: Promise<ServiceReply | null> = ctx.services ? ctx.services.ask('front', 'effectiveModelSteps', body, ctx.requestId) : Promise.resolve(null);
    for (const u of chunk)
      m.set(
        key(u),
        reply.then((r) => stepsOf(r, u)),
      );
  }
  return Promise.all(ids.map(async (u) => [u, await m.get(key(u))!] as const)).then((e) => new Map(e));
}

function stepsOf(reply: ServiceReply | null, unitId: string): ModelSteps {
  if (!reply) return { unknown: NOT_CONFIGURED_VI };
  if (!reply.ok) return { unknown: reply.reason === 'REFUSED' ? REFUSED_VI : UNREACHABLE_VI };
  const units = reply.body.units as Record<string, unknown> | undefined;
  const s = units && typeof units === 'object' && Object.hasOwn(units, unitId) ? units[unitId] : undefined;
  if (s === null) return { unknown: REFUSED_VI };
  return isSteps(s) ? { steps: s } : { unknown: UNREACHABLE_VI };
}

/** The part as computed from a unit's counts on a day, beside what the self-assessment typed (`recorded`). */
export function checkOn(m: ModelSteps, on: string, recorded: boolean | null): EffectiveModelCheck {
  const n = effectiveOn(m, on);
  if (n === null)
    return {
      readOn: on,
      support: 'UNKNOWN',
      supportVi: EFFECTIVE_MODEL_SUPPORT_VI.UNKNOWN,
      effectiveModels: null,
      recorded,
      contradictsRecords: false,
      reason: 'unknown' in m ? m.unknown : UNREACHABLE_VI,
    };
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
