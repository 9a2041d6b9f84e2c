/**
 * The standard "An toàn về ANTT" under its established API: the register, the criteria, the yearly
 * cycle and the indicators, over the standard's kinds of record (src/kinds/standard.ts). Recording a
 * cycle again corrects it (and its criteria results) with a reason; recognition is a correction too.
 */
import { randomBytes } from 'node:crypto';
import { authorize, forbidden, invalidInput, notFound } from '@antt/auth';
import { territory, todayInVietnam } from '@antt/reference';
import { countsBasis, inputProblems, recordsOf, storedUnit, sqliteOf, underArguments, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { assertCanReadInternal, isPoliceStaff } from '../access.js';
import { standardOf, STANDING_VI, SUPPORT_VI, supportOf, type CriterionResultView } from '../data/standard.js';
import { currentRecords, follow, standingRecord } from '../data/records.js';
import type { Resolvers } from '../generated/resolvers.js';
import { criterionResults, establishments, standardAssessments, subjectKindOfEstablishment } from '../kinds/standard.js';
import { computedShortfall, outOfScopeReason, partsOf, windowOf, type Criterion, type SubjectKind } from '../legal/criteria.js';
import { isIsoDate } from '@antt/reference';

/** The register and the cycles are the police's to write (inside their jurisdiction, which the framework checks). */
function assertPoliceStaff(ctx: SubgraphContext): void {
  if (!isPoliceStaff(ctx.scope)) throw forbidden('Chỉ cán bộ Công an mới được ghi hồ sơ này.');
}

const currentYear = () => Number(todayInVietnam().slice(0, 4));

/** An establishment as the register shows it: organizations' staff and leadership, inside their jurisdiction. */
function establishment(ctx: SubgraphContext, id: string): StoredRecord | null {
  const e = standingRecord(ctx, establishments, id);
  const p = ctx.scope.principal;
  return e && authorize.readClass(p, 'INTERNAL', 'police').allowed && p.covers(e.unitId as string) ? e : null;
}

/**
 * A new register id: CS-<year><month><day>-<four random letters or digits>, e.g. CS-261202-K7QX. Never
 * a number after the largest one: a database restored from a backup would hand the numbers given since
 * again, to other establishments that other organizations' records already name. Ids registered
 * before keep their form (CS-0001, DEMO-CS-0001).
 */
function nextEstablishmentId(ctx: SubgraphContext): string {
  const taken = sqliteOf(ctx.db).prepare('SELECT 1 FROM establishments WHERE record_id = ? LIMIT 1');
  const day = todayInVietnam().slice(2).replaceAll('-', '');
  for (;;) {
    const bytes = randomBytes(4);
    const id = `CS-${day}-${[...bytes].map((b) => REGISTER_LETTERS[b % REGISTER_LETTERS.length]).join('')}`;
    if (!taken.get(id)) return id;
  }
}

/** Crockford's base32 letters: no I, L, O or U to misread. */
const REGISTER_LETTERS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

interface CriterionInput {
  code: string;
  met: boolean;
  note?: string | null;
}

/**
 * Checks a cycle's criteria against the assessment's set (the province's additions in force that year
 * included). A wholly computed criterion may not be typed; a partly computed one may not be typed met
 * while the cycle's own records (registration day, household counts) say its computed part is not.
 */
function checkCriteria(ctx: SubgraphContext, a: StoredRecord, criteria: readonly CriterionInput[]): void {
  const set = standardOf(ctx).criteriaSetById(a.criteriaSetId as string, a.year as number)!;
  const byCode = new Map(set.criteria.map((c) => [c.code, c]));
  const seen = new Set<string>();
  criteria.forEach((r, i) => {
    const c = byCode.get(r.code);
    if (!c) throw invalidInput(`input.criteria.${i}.code`, `Tiêu chí "${r.code}" không thuộc bộ ${set.id}.`, 'UNKNOWN_CRITERION');
    if (c.derived)
      throw invalidInput(
        `input.criteria.${i}.code`,
        `Tiêu chí ${r.code} được tính tự động từ kết quả của các đơn vị thuộc xã, không nhập tay.`,
        'DERIVED_CRITERION',
      );
    if (seen.has(r.code)) throw invalidInput(`input.criteria.${i}.code`, `Tiêu chí ${r.code} được ghi hai lần.`, 'DUPLICATE');
    seen.add(r.code);
    const shortfall = r.met && c.computation === 'PARTLY_COMPUTED' ? computedShortfall(c, a, null) : null;
    if (shortfall)
      throw invalidInput(
        `input.criteria.${i}.met`,
        `Đạt (met): không ghi "đạt" cho tiêu chí ${r.code} được: phần tính từ hồ sơ chưa đạt (${c.computedFrom === 'HOUSEHOLDS' ? 'registeredOn, householdsRegistered, householdsTotal' : 'registeredOn'}). Ghi met: false, hoặc sửa hồ sơ đó.`,
        'CONTRADICTS_RECORDS',
      );
  });
  if (criteria.length && !a.selfAssessedOn) throw invalidInput('input.selfAssessedOn', 'Kết quả từng tiêu chí cần ngày tự đánh giá.', 'REQUIRED');
  if (a.selfAssessedOn) {
    const missing = set.criteria.filter((c) => !c.derived && !seen.has(c.code)).map((c) => c.code);
    if (missing.length) throw invalidInput('input.criteria', `Thiếu kết quả các tiêu chí: ${missing.join(', ')}.`, 'MISSING_CRITERIA');
  }
}

/** The criteria results made to say what the cycle says: new ones recorded, changed ones corrected, those left out voided. */
function syncCriteria(ctx: SubgraphContext, a: StoredRecord, criteria: readonly CriterionInput[]): void {
  const repo = recordsOf(ctx, criterionResults);
  const recorded = standardOf(ctx).recorded(a);
  criteria.forEach((r, i) => {
    const values = { met: r.met, note: r.note?.trim() || null, windowEndsOn: a.windowEndsOn };
    const at = { 'input.note': `input.criteria.${i}.note`, 'changes.note': `input.criteria.${i}.note`, 'input.code': `input.criteria.${i}.code` };
    const existing = recorded.get(r.code);
    recorded.delete(r.code);
    underArguments(at, () =>
      existing ? follow(ctx, criterionResults, existing, values, 'Cập nhật kết quả tự đánh giá') : repo.create({ assessmentId: a.id, code: r.code, ...values }),
    );
  });
  for (const left of recorded.values()) repo.void(left.id, 'Không còn trong kết quả tự đánh giá');
}

export interface RecordAssessmentInput {
  year: number;
  unitId?: string | null;
  establishmentId?: string | null;
  registeredOn?: string | null;
  householdsTotal?: number | null;
  householdsRegistered?: number | null;
  selfAssessedOn?: string | null;
  chairedBy?: string | null;
  criteria: CriterionInput[];
}

/** The standing assessment of the same subject and year, if any. */
function sameSubject(ctx: SubgraphContext, input: RecordAssessmentInput): StoredRecord | null {
  const where = input.establishmentId ? 'year = @y AND establishment_id = @e' : 'year = @y AND establishment_id IS NULL AND unit_id = @u';
  return (
    currentRecords(ctx, standardAssessments, { where, params: { y: input.year, e: input.establishmentId ?? null, u: input.unitId ?? null }, limit: 1 })[0] ??
    null
  );
}

/** The last day of the window the cycle's subject is assessed in (an unknown subject is reported by the kind's checks). */
function windowEndOf(ctx: SubgraphContext, input: RecordAssessmentInput): string | null {
  if (!Number.isInteger(input.year) || input.year < 2013 || input.year > 2100) return null;
  const e = input.establishmentId ? standingRecord(ctx, establishments, input.establishmentId) : null;
  const kind: SubjectKind = e
    ? subjectKindOfEstablishment(e.kind as string)
    : territory().unit(input.unitId ?? '')?.level === 'RESIDENTIAL_AREA'
      ? 'RESIDENTIAL_AREA'
      : 'COMMUNE';
  return windowOf(kind, input.year).end;
}

function recordAssessment(ctx: SubgraphContext, input: RecordAssessmentInput): StoredRecord {
  assertPoliceStaff(ctx);
  const { criteria = [], ...cycle } = input;
  const values = {
    ...cycle,
    unitId: cycle.unitId ?? null,
    establishmentId: cycle.establishmentId ?? null,
    registeredOn: cycle.registeredOn ?? null,
    householdsTotal: cycle.householdsTotal ?? null,
    householdsRegistered: cycle.householdsRegistered ?? null,
    selfAssessedOn: cycle.selfAssessedOn ?? null,
    chairedBy: cycle.chairedBy ?? null,
    windowEndsOn: windowEndOf(ctx, input),
  };
  if (input.establishmentId && !establishment(ctx, input.establishmentId))
    throw invalidInput('input.establishmentId', 'Không có cơ sở này trong sổ đăng ký của địa bàn bạn.', 'UNKNOWN_ESTABLISHMENT');
  const saved = sqliteOf(ctx.db)
    .transaction(() => {
      const existing = sameSubject(ctx, input);
      if (existing?.decisionNumber)
        throw invalidInput('input.year', 'Đơn vị đã được công nhận cho năm này; không sửa được kết quả đã công nhận.', 'ALREADY_RECOGNISED');
      const { unitId, ...rest } = values;
      const a = existing
        ? underArguments(Object.fromEntries(Object.keys(values).map((k) => [`changes.${k}`, `input.${k}`])), () =>
            follow(ctx, standardAssessments, existing, input.establishmentId ? rest : values, 'Cập nhật chu kỳ đánh giá'),
          )
        : recordsOf(ctx, standardAssessments).create(input.establishmentId ? { ...rest, unitId: unitId ?? undefined } : values);
      checkCriteria(ctx, a, criteria);
      syncCriteria(ctx, a, criteria);
      return a;
    })
    .immediate();
  standardOf(ctx).forget();
  return saved;
}

/**
 * Records a signed recognition. Refused when the police's own records do not show every criterion met,
 * now or on the decision's day. The part of a commune's TT124-XA-1 computed from the Front's model
 * reviews is not asked here (a write runs synchronously inside its transaction): the decision is kept as
 * decided and its `support` reads that part as of the decision's day, "không được hồ sơ chứng minh" when
 * the reviews rate no model effective by then, "chưa xác định được" while they cannot be read.
 */
function recognize(ctx: SubgraphContext, id: string, decisionNumber: string, decidedOn: string, authority: string): StoredRecord {
  const a = standingRecord(ctx, standardAssessments, id);
  if (!a || !isPoliceStaff(ctx.scope) || !ctx.scope.coversUnit(a.unitId as string)) throw notFound('Không tìm thấy kết quả đánh giá này.');
  if (a.decisionNumber) throw invalidInput('id', `Đơn vị đã được công nhận (quyết định ${a.decisionNumber as string}).`, 'ALREADY_RECOGNISED');
  const standard = standardOf(ctx);
  if (standard.evaluate(a, null, { models: false }).result !== 'MET') throw invalidInput('id', 'Chỉ công nhận đơn vị đã đạt đủ các tiêu chí.', 'NOT_MET');
  // The decision's day must be one on which the records already show every criterion met (a commune's areas recognised by then).
  const onDay = isIsoDate(decidedOn) ? standard.evaluate(a, decidedOn, { models: false }).result : 'MET';
  if (onDay !== 'MET') {
    const s = standard.shareOf(a, decidedOn);
    throw invalidInput(
      'decidedOn',
      `Ngày quyết định: đến ngày này hồ sơ chưa chứng minh đơn vị đạt đủ các tiêu chí${s ? ` (${s.recognised}/${s.subjects} đơn vị được công nhận, cần tối thiểu ${s.needed}; ${s.registered}/${s.subjects} đăng ký)` : ''}.`,
      'NOT_SUPPORTED_BY_RECORDS',
    );
  }
  const fields = { 'changes.decisionNumber': 'decisionNumber', 'changes.decidedOn': 'decidedOn', 'changes.authority': 'authority' };
  const r = underArguments(fields, () => {
    if (!decisionNumber.trim() || !authority.trim())
      throw inputProblems([
        ...(!decisionNumber.trim() ? [{ field: 'changes.decisionNumber', message: 'Số quyết định không được để trống.', reason: 'REQUIRED' }] : []),
        ...(!authority.trim() ? [{ field: 'changes.authority', message: 'Cơ quan công nhận không được để trống.', reason: 'REQUIRED' }] : []),
      ]);
    return recordsOf(ctx, standardAssessments).correct(a.id, { decisionNumber, decidedOn, authority }, 'Ghi quyết định công nhận');
  });
  standardOf(ctx).forget();
  return r;
}

interface ReadingArgs {
  year: number;
  asRecordedAt?: string | null;
  figures?: 'OFFICIAL' | 'LIVE' | null;
}

/**
 * Which reading of the standard a unit's indicators give for a year, and its basis: by default the
 * official one, the records as they stood at the lock of the approved yearly police report of the unit
 * on that year (`<year>-PLAN-Y`), live where none is approved; `LIVE` reads now; an explicit instant
 * (checked first, so a malformed one is refused naming the argument) reads the records as of then.
 */
function standardReading(ctx: SubgraphContext, unitId: string, a: ReadingArgs) {
  const explicit = a.asRecordedAt != null ? standardOf(ctx, a.asRecordedAt) : null;
  const { basis, asRecordedAt } = countsBasis(ctx.db, 'police', unitId, `${a.year}-PLAN-Y`, a.figures ?? 'OFFICIAL', explicit?.asOf ?? null);
  return { basis, reads: explicit ?? standardOf(ctx, asRecordedAt) };
}

export const standardResolvers: Resolvers = {
  Query: {
    policeEstablishments: (_, a, ctx) => {
      const u = a.unitId ?? ctx.scope.identity.unitId;
      assertCanReadInternal(ctx.scope, u);
      const vis = ctx.scope.visibleUnder(u);
      const year = currentYear();
      return standardOf(ctx)
        .establishments()
        .filter((e) => vis.has(e.unitId as string) && (!a.kind || e.kind === a.kind) && (!a.inScopeOnly || !outOfScopeReason(e.subKind as string, year)));
    },
    policeCriteriaSets: (_, __, ctx) => standardOf(ctx).criteriaSets(),
    policeCriteriaSet: (_, a, ctx) => standardOf(ctx).criteriaSet(a.subjectKind, a.year),
    policeUnitAssessment: (_, a, ctx) => {
      assertCanReadInternal(ctx.scope, a.unitId);
      return standardOf(ctx).assessmentForUnit(a.unitId, a.year);
    },
  },
  Mutation: {
    registerEstablishment: (_, a, ctx) => {
      if (!['PROVINCE', 'COMMUNE'].includes(a.managedBy))
        throw invalidInput('managedBy', 'Cấp quản lý là tỉnh (PROVINCE) hoặc xã (COMMUNE) từ 1/7/2025.', 'WRONG_LEVEL');
      assertPoliceStaff(ctx);
      const input = { name: a.name, kind: a.kind, subKind: a.subKind, unitId: a.unitId, managedBy: a.managedBy, registeredOn: todayInVietnam() };
      const fields = Object.fromEntries(Object.keys(input).map((k) => [`input.${k}`, k]));
      const e = underArguments(fields, () => recordsOf(ctx, establishments).create(input, { recordId: nextEstablishmentId(ctx) }));
      standardOf(ctx).forget();
      return e;
    },
    recordStandardAssessment: (_, { input }, ctx) => recordAssessment(ctx, { ...input, criteria: input.criteria ?? [] }),
    recognizeStandardAssessment: (_, a, ctx) => recognize(ctx, a.id, a.decisionNumber, a.decidedOn, a.authority),
    addProvincialCriterion: (_, a, ctx) => standardOf(ctx).addProvincialCriterion(a.subjectKind, a.textVi, a.textEn, a.fromYear),
  },
  Establishment: {
    // Reached from another subgraph (the labour federation's records): the same check as the root field.
    __resolveReference: (ref, ctx) => establishment(ctx, ref.id as string),
    unit: (e) => storedUnit(e.unitId),
    inScope: (e) => outOfScopeReason(e.subKind as string, currentYear()) === null,
    outOfScopeReason: (e) => outOfScopeReason(e.subKind as string, currentYear()),
    assessment: (e, { year }, ctx) => standardOf(ctx).assessmentForEstablishment(e.id as string, year),
  },
  StandardAssessment: {
    period: (a) => {
      const p = windowOf(a.subjectKind as SubjectKind, a.year as number);
      return { ...p, label: p.labelVi };
    },
    unit: (a) => (a.establishmentId ? null : storedUnit(a.unitId)),
    establishment: (a, _, ctx) => (a.establishmentId ? establishment(ctx, a.establishmentId as string) : null),
    criteriaSet: (a, _, ctx) => standardOf(ctx).criteriaSetById(a.criteriaSetId as string, a.year as number)!,
    householdsRegisteredShare: (a) => (a.householdsTotal ? ((a.householdsRegistered as number | null) ?? 0) / (a.householdsTotal as number) : null),
    // A commune's TT124-XA-1 reads the Front's model reviews (data/effective-models.ts): asked first.
    criteria: async (a, _, ctx) => (await standardOf(ctx).prepare([a])).criteriaResults(a),
    result: async (a, _, ctx) => (await standardOf(ctx).prepare([a])).result(a),
    resultVi: async (a, _, ctx) => {
      const r = (await standardOf(ctx).prepare([a])).result(a);
      return r ? STANDING_VI[r] : null;
    },
    share: (a, { effectiveOn }, ctx) => (a.subjectKind === 'COMMUNE' ? standardOf(ctx).shareOf(a, effectiveOn ?? null) : null),
    recognition: (a) => (a.decisionNumber ? { decisionNumber: a.decisionNumber, decidedOn: a.decidedOn, authority: a.authority, assessment: a } : null),
  },
  StandardCriterion: {
    parts: (c) => partsOf(c as unknown as Criterion).map((p) => ({ ...p })),
  },
  CriterionResult: {
    statusVi: (r) => STANDING_VI[(r as unknown as CriterionResultView).status],
    // A commune's effective-model part, from the Front's model reviews (data/effective-models.ts), as the result read it
    // or as of the day asked; an establishment's stays typed.
    effectiveModel: async (r, { effectiveOn }, ctx) => {
      const v = r as unknown as CriterionResultView;
      const a = v.assessment;
      if (!a || !v.model) return null;
      if (effectiveOn == null) return v.model;
      if (!isIsoDate(effectiveOn)) throw invalidInput('effectiveOn', 'Ngày đọc hồ sơ (effectiveOn) phải có dạng YYYY-MM-DD.', 'INVALID_DATE');
      return (await standardOf(ctx).prepare([a])).modelCheck(a, effectiveOn, v.recorded);
    },
  },
  StandardRecognition: {
    support: async (r, _, ctx) => supportOf((await standardOf(ctx).prepare([r.assessment as StoredRecord])).support(r.assessment as StoredRecord)!),
    supportVi: async (r, _, ctx) =>
      SUPPORT_VI[supportOf((await standardOf(ctx).prepare([r.assessment as StoredRecord])).support(r.assessment as StoredRecord)!)],
    unknownReason: async (r, _, ctx) => (await standardOf(ctx).prepare([r.assessment as StoredRecord])).support(r.assessment as StoredRecord)!.reason,
    recordsReadOn: (r) => r.decidedOn as string,
    unsupportedCriteria: async (r, _, ctx) =>
      (await standardOf(ctx).prepare([r.assessment as StoredRecord])).support(r.assessment as StoredRecord)!.unsupportedCriteria,
    share: (r, _, ctx) => standardOf(ctx).support(r.assessment as StoredRecord, false)!.share,
  },
  StandardIndicators: {
    unit: (i) => storedUnit(i.unitId),
  },
  PoliceUnitRecords: {
    standardIndicators: ({ unitId }, a, ctx) => standardReading(ctx, unitId as string, a).reads.indicators(unitId as string, a.year),
    standardBreakdown: ({ unitId }, a, ctx) => standardReading(ctx, unitId as string, a).reads.breakdown(unitId as string, a.year, a.view),
    // Spread: the basis as a plain object, which the generated resolver types take for an object type.
    standardIndicatorsBasis: ({ unitId }, a, ctx) => ({ ...standardReading(ctx, unitId as string, a).basis }),
  },
};
