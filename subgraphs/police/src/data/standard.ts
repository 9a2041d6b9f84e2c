/**
 * What the standard's established API reads beyond the records themselves: the criteria sets with the
 * province's additions; each assessment's criteria on a reading of time, those the records can say
 * computed (legal/criteria.ts says which), never taken as typed; whether the records support each signed
 * recognition, read effectiveOn its own decision day (the decision itself is kept as decided); and the
 * plan's indicators, counting only supported recognitions (never stored). Reads the current, standing
 * records of the standard's kinds, once per request and year.
 */
import { eq } from 'drizzle-orm';
import { authorize, enforce, invalidInput } from '@antt/auth';
import { territory, todayInVietnam } from '@antt/reference';
import { intInRange, requiredText, unitDays, withinExecutionBudget, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { provincialCriteria } from '../db/schema.js';
import { assertCanReadIndicators } from '../access.js';
import { criterionResults, establishments, PROVINCIAL_PREFIX, standardAssessments } from '../kinds/standard.js';
import {
  EFFECTIVE_MODEL_CRITERIA,
  CRITERIA_SETS,
  nationalSetFor,
  outOfScopeReason,
  recognisedNeeded,
  TARGETS,
  windowOf,
  computedShortfall,
  type CriteriaSet,
  type Criterion,
  type SubjectKind,
} from '../legal/criteria.js';
import { currentRecords } from './records.js';
import { assessmentDay, checkOn, effectiveOn, modelSteps, UNREACHABLE_VI, type EffectiveModelCheck, type ModelSteps } from './effective-models.js';
import { yearFacts, type YearFacts } from './standard-facts.js';

/** A criterion's or an assessment's standing on a reading: UNKNOWN when a part computed from another organization's records could not be read. */
export type Standing = 'MET' | 'NOT_MET' | 'UNKNOWN';

export const STANDING_VI: Record<Standing, string> = { MET: 'đạt', NOT_MET: 'chưa đạt', UNKNOWN: 'chưa xác định được' };

export type CriterionResultView = {
  criterion: Criterion;
  /** Met on the reading: a computed criterion from the records, a partly computed one when its typed part and its computed part both are (false while unknown). */
  met: boolean;
  /** MET, NOT_MET, or UNKNOWN when its effective-model part could not be read from the Front (`unknownReason` says why). */
  status: Standing;
  unknownReason: string | null;
  /** The effective-model part as read for this result (TT124-XA-1 of a commune), when it has one. */
  model?: EffectiveModelCheck;
  /** What the self-assessment typed; null for a wholly computed criterion. */
  recorded: boolean | null;
  /** Typed met while the records say otherwise (a result stored before the rule was computed). */
  contradictsRecords: boolean;
  note: string | null;
  /** The assessment it is a result of (for the parts computed from other organizations' records, read in the resolver). */
  assessment?: Readonly<Record<string, unknown>>;
};

/** A commune's computed share, read effectiveOn `readOn` (null: every record as known now). */
export type ShareView = {
  readOn: string | null;
  subjects: number;
  registered: number;
  recognised: number;
  recognisedUnsupported: number;
  needed: number;
  met: boolean;
};

/** An assessment's criteria and result on one reading of time. */
export type Evaluation = {
  readOn: string | null;
  criteria: CriterionResultView[];
  result: Standing | null;
  share: ShareView | null;
};

/** Whether the records, read effectiveOn the decision's day, support a signed recognition. */
export type SupportView = {
  /** Null when it cannot be told now (the Front's model reviews could not be read; `reason` says why). */
  supported: boolean | null;
  reason: string | null;
  recordsReadOn: string;
  unsupportedCriteria: CriterionResultView[];
  share: ShareView | null;
};

export const SUPPORT_VI = {
  SUPPORTED: 'được hồ sơ chứng minh',
  NOT_SUPPORTED: 'không được hồ sơ chứng minh',
  UNKNOWN: 'chưa xác định được',
} as const;

export const supportOf = (v: SupportView): keyof typeof SUPPORT_VI => (v.supported === null ? 'UNKNOWN' : v.supported ? 'SUPPORTED' : 'NOT_SUPPORTED');

export type IndicatorView = {
  numerator: number;
  denominator: number;
  ratio: number | null;
  target: number;
  meetsTarget: boolean;
  registered: number;
  recognised: number;
  unsupported: number;
  /** Signed decisions whose support cannot be told now (the Front's model reviews could not be read), left out of the numerator and of `unsupported`. */
  unknown: number;
  unknownReason: string | null;
};

export type IndicatorsView = {
  unitId: string;
  year: number;
  /** The instant the records were read as of; null: as known now. */
  asRecordedAt: string | null;
  residentialAreas: IndicatorView;
  communes: IndicatorView;
  establishments: IndicatorView;
};

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/**
 * A kind of subject counted: `supported` the decisions the police's own records support; `pending` those
 * they support whose criteria also have a part computed from the Front's model reviews (a commune's
 * TT124-XA-1), read as of each decision's day when the figures are made (`indicator`).
 */
export type Tally = { n: number; supported: number; recognised: number; registered: number; pending: { unitId: string; on: string }[] };

/** The criteria set has a part computed from the Front's model reviews. */
export function hasModelPart(setId: unknown): boolean {
  const set = CRITERIA_SETS.find((x) => x.id === setId);
  return !!set && set.subjectKind === 'COMMUNE' && set.criteria.some((c) => EFFECTIVE_MODEL_CRITERIA.has(c.code));
}

function indicator(x: Tally, target: number, models: (unitId: string) => ModelSteps | undefined): IndicatorView {
  let supported = x.supported;
  let unknown = 0;
  let unknownReason: string | null = null;
  for (const p of x.pending) {
    const m = models(p.unitId) ?? { unknown: UNREACHABLE_VI };
    const n = effectiveOn(m, p.on);
    if (n === null) {
      unknown++;
      unknownReason ??= 'unknown' in m ? m.unknown : UNREACHABLE_VI;
    } else if (n > 0) supported++;
  }
  const ratio = x.n ? supported / x.n : null;
  return {
    numerator: supported,
    denominator: x.n,
    ratio,
    target,
    meetsTarget: ratio !== null && ratio >= target,
    registered: x.registered,
    recognised: x.recognised,
    unsupported: x.recognised - supported - unknown,
    unknown,
    unknownReason,
  };
}

const fmt = (d: string) => d.split('-').reverse().join('/');

/** What a criterion's note says of its effective-model part: the computed figure and its day, or why it is unknown. */
function modelNote(code: string, m: EffectiveModelCheck): string {
  const part = `phần "ít nhất 01 mô hình hoạt động hiệu quả" của tiêu chí ${code}`;
  if (m.support === 'UNKNOWN') return `Tính từ hồ sơ đánh giá mô hình của Mặt trận: ${part} chưa xác định được. ${m.reason ?? ''}`.trim();
  const figure = `Theo hồ sơ đánh giá mô hình của Mặt trận đến ngày ${fmt(m.readOn)}: ${m.effectiveModels} mô hình được xếp loại hoạt động hiệu quả`;
  return m.support === 'SUPPORTED' ? `${figure}.` : `${figure}; ${part} không được hồ sơ chứng minh.`;
}

/** The key of an assessment's subject: the establishment, or the kind and the unit. */
export function subjectKey(kind: string, unitId: string, establishmentId: string | null): string {
  return establishmentId ? `E:${establishmentId}` : `${kind}:${unitId}`;
}

/** An establishment of the register as a commune's subjects and the indicators read it (a record, or the facts of standard-facts.ts). */
export type RegisterEntry = { readonly id: string; readonly unitId?: unknown; readonly subKind?: unknown; readonly managedBy?: unknown };

/** The units a commune manages for its own criterion, as subject keys: its residential areas and, under Circular 124, the establishments in scope it manages. */
export function communeSubjects(communeId: string, year: number, register: readonly RegisterEntry[]): string[] {
  const t = territory();
  const areas = t
    .childrenOn(communeId, windowOf('COMMUNE', year).end)
    .filter((u) => u.level === 'RESIDENTIAL_AREA')
    .map((u) => subjectKey('RESIDENTIAL_AREA', u.id, null));
  if (year < 2022) return areas;
  const covered = t.covered(communeId);
  const est = register
    .filter((e) => e.managedBy === 'COMMUNE' && covered.has(e.unitId as string) && !outOfScopeReason(e.subKind as string, year))
    .map((e) => subjectKey('', e.unitId as string, e.id));
  return [...areas, ...est];
}

/**
 * A commune's share of registered and recognised subjects, from the assessments of the year by subject
 * key. Read effectiveOn `on` when given: a registration or a decision counts from its own day. A
 * decision `supported` says the records do not support is not counted (`unsupported` says how many).
 */
export function communeShare(
  subjects: readonly string[],
  bySubject: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  opts: { on?: string | null; supported?: (r: Readonly<Record<string, unknown>>) => boolean } = {},
) {
  const on = opts.on ?? null;
  const by = (d: unknown) => typeof d === 'string' && (on === null || d <= on);
  const registered = subjects.filter((s) => by(bySubject.get(s)?.registeredOn)).length;
  const decided = subjects
    .map((s) => bySubject.get(s))
    .filter((r): r is Readonly<Record<string, unknown>> => !!r?.decisionNumber && (on === null || by(r.decidedOn)));
  const recognised = opts.supported ? decided.filter(opts.supported).length : decided.length;
  return { n: subjects.length, registered, recognised, unsupported: decided.length - recognised, needed: recognisedNeeded(subjects.length) };
}

/** Circular 23/2012 asked only for 70% of residential areas recognised; Circular 124/2021 also for 100% registered. */
export function shareMet(s: ReturnType<typeof communeShare>, year: number): boolean {
  return s.recognised >= s.needed && (year < 2022 || s.registered === s.n);
}

/** A criterion the province adds is typed: the province sets its text, not records it can be computed from. */
const PROVINCIAL_TYPED = {
  derived: false,
  computation: 'TYPED',
  computedFrom: null,
  computationEn: 'Typed from the self-assessment minutes: a criterion the province added, with no record to compute it from.',
  computationVi: 'Nhập theo biên bản tự đánh giá: tiêu chí bổ sung của tỉnh, không có hồ sơ để tính.',
  provincial: true,
} as const;

const reads = new WeakMap<SubgraphContext, Map<string, StandardReads>>();

/**
 * The request's reads of the standard: as known now, or (`asRecordedAt`, an ISO 8601 instant) as the
 * graph held them at that instant, every assessment, typed result, register entry and provincial
 * criterion recorded later, and every correction made later, ignored. One per request and instant.
 */
export function standardOf(ctx: SubgraphContext, asRecordedAt: string | null = null): StandardReads {
  let byInstant = reads.get(ctx);
  if (!byInstant) reads.set(ctx, (byInstant = new Map()));
  let asOf: string | null = null;
  if (asRecordedAt != null) {
    const t = Date.parse(asRecordedAt);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(asRecordedAt) || Number.isNaN(t))
      throw invalidInput('asRecordedAt', 'Thời điểm ghi nhận phải có dạng ISO 8601, ví dụ 2022-12-31T17:00:00Z.', 'INVALID_DATETIME');
    asOf = new Date(t).toISOString();
  }
  const key = asOf ?? 'now';
  let r = byInstant.get(key);
  if (!r) byInstant.set(key, (r = new StandardReads(ctx, asOf)));
  return r;
}

export class StandardReads {
  private readonly years = new Map<number, Map<string, StoredRecord>>();
  private readonly results = new Map<number, Map<string, Map<string, StoredRecord>>>();
  private readonly supports = new Map<string, SupportView>();
  /** The Front's counts of effective models through a year, by `${year}|${unitId}` (loaded by `prepare`). */
  private readonly models = new Map<string, ModelSteps>();
  private register: StoredRecord[] | undefined;
  private readonly factsByYear = new Map<number, YearFacts>();
  private provincial: (typeof provincialCriteria.$inferSelect)[] | undefined;

  /** `asOf`: the instant read (normalised ISO 8601), or null for the records as known now. */
  constructor(
    private readonly ctx: SubgraphContext,
    readonly asOf: string | null = null,
  ) {}

  // ----- criteria -----

  criteriaSets(): CriteriaSet[] {
    return CRITERIA_SETS.map((s) => this.withProvincial(s));
  }

  criteriaSet(kind: SubjectKind, year: number): CriteriaSet | null {
    const s = nationalSetFor(kind, year);
    return s ? this.withProvincial(s, year) : null;
  }

  criteriaSetById(id: string, year?: number): CriteriaSet | null {
    const s = CRITERIA_SETS.find((x) => x.id === id);
    return s ? this.withProvincial(s, year) : null;
  }

  /** A national set with the province's additions: those in force in `year`, or, when listing sets, all those whose first year falls within the set's years. */
  private withProvincial(s: CriteriaSet, year?: number): CriteriaSet {
    const inSet = (from: number) => from >= s.fromYear && (s.toYear === null || from <= s.toYear);
    // A criterion the province added after the instant read was not in force on the records of then.
    this.provincial ??= this.ctx.db
      .select()
      .from(provincialCriteria)
      .all()
      .filter((p) => this.asOf === null || new Date(p.recordedAt).toISOString() <= this.asOf);
    const extra = this.provincial
      .filter((p) => p.subjectKind === s.subjectKind)
      .filter((p) => (year === undefined ? inSet(p.fromYear) : p.fromYear <= year && inSet(year)));
    return {
      ...s,
      criteria: [
        ...s.criteria,
        ...extra.map((p): Criterion => ({
          code: p.code,
          article: 'Tiêu chí bổ sung của UBND tỉnh',
          textVi: p.textVi,
          textEn: p.textEn,
          textStatus: 'RETRIEVED',
          ...PROVINCIAL_TYPED,
        })),
      ],
    };
  }

  addProvincialCriterion(kind: SubjectKind, textVi: string, textEn: string, fromYear: number): Criterion {
    const scope = this.ctx.scope;
    enforce(authorize.addProvincialCriterion(scope.principal));
    const vi = requiredText('textVi', textVi, 1000, 'Nội dung tiêu chí');
    const en = requiredText('textEn', textEn, 1000, 'Bản dịch tiếng Anh');
    intInRange('fromYear', fromYear, 2022, 2100, 'Năm áp dụng');
    const db = this.ctx.db;
    const n = db.select().from(provincialCriteria).where(eq(provincialCriteria.subjectKind, kind)).all().length + 1;
    const code = `SL-${PROVINCIAL_PREFIX[kind]}-${n}`;
    db.insert(provincialCriteria).values({ code, subjectKind: kind, textVi: vi, textEn: en, fromYear, recordedBy: scope.identity.userId }).run();
    this.provincial = undefined;
    return { code, article: 'Tiêu chí bổ sung của UBND tỉnh', textVi: vi, textEn: en, textStatus: 'RETRIEVED', ...PROVINCIAL_TYPED };
  }

  // ----- records -----

  /** The register, every establishment standing (the caller's own rule filters afterwards). */
  establishments(): StoredRecord[] {
    return (this.register ??= currentRecords(this.ctx, establishments, { orderBy: 'record_id', asRecordedAt: this.asOf }));
  }

  /** The standing assessments of a year, by subject key. */
  private year(year: number): Map<string, StoredRecord> {
    let hit = this.years.get(year);
    if (!hit) {
      const rows = currentRecords(this.ctx, standardAssessments, { where: 'year = @year', params: { year }, asRecordedAt: this.asOf });
      this.years.set(
        year,
        (hit = new Map(rows.map((r) => [subjectKey(r.subjectKind as string, r.unitId as string, (r.establishmentId as string | null) ?? null), r]))),
      );
    }
    return hit;
  }

  /** Forgets what was read (after a write). */
  forget(): void {
    this.years.clear();
    this.results.clear();
    this.supports.clear();
    this.register = undefined;
  }

  assessmentForUnit(unitId: string, year: number): StoredRecord | null {
    const u = territory().unit(unitId);
    if (!u) return null;
    return this.year(year).get(subjectKey(u.level === 'RESIDENTIAL_AREA' ? 'RESIDENTIAL_AREA' : 'COMMUNE', unitId, null)) ?? null;
  }

  assessmentForEstablishment(establishmentId: string, year: number): StoredRecord | null {
    return this.year(year).get(subjectKey('', '', establishmentId)) ?? null;
  }

  /** The results as recorded, by criterion code (read afresh: the cycle's writes use it). */
  recorded(a: Readonly<Record<string, unknown>>): Map<string, StoredRecord> {
    return new Map(
      currentRecords(this.ctx, criterionResults, { where: 'assessment_id = @a', params: { a: a.id }, asRecordedAt: this.asOf }).map((r) => [
        r.code as string,
        r,
      ]),
    );
  }

  /** Every typed result of a year's assessments, by assessment and code (their window ends on 31 October or 15 November of the year). */
  private typed(year: number): Map<string, Map<string, StoredRecord>> {
    let hit = this.results.get(year);
    if (!hit) {
      hit = new Map();
      const rows = currentRecords(this.ctx, criterionResults, {
        from: windowOf('RESIDENTIAL_AREA', year).end,
        to: windowOf('COMMUNE', year).end,
        asRecordedAt: this.asOf,
      });
      for (const r of rows) {
        const m = hit.get(r.assessmentId as string) ?? new Map<string, StoredRecord>();
        m.set(r.code as string, r);
        hit.set(r.assessmentId as string, m);
      }
      this.results.set(year, hit);
    }
    return hit;
  }

  /** Each criterion's result as known now (current versions, every record whatever its date). */
  criteriaResults(a: Readonly<Record<string, unknown>>): CriterionResultView[] {
    return this.evaluate(a, null).criteria;
  }

  /** Met when every criterion of the set is met as known now (UNKNOWN when one cannot be read now and none is not met); null before the self-assessment. */
  result(a: Readonly<Record<string, unknown>>): Standing | null {
    return this.evaluate(a, null).result;
  }

  /** A commune's computed share, read effectiveOn `on` (null: as known now); null for any other subject. */
  shareOf(a: Readonly<Record<string, unknown>>, on: string | null): ShareView | null {
    return this.evaluate(a, on).share;
  }

  /**
   * The assessment's criteria read effectiveOn `on` (null: every record as known now): typed results as
   * typed, a computed criterion from the records, a partly computed one met when both its typed part
   * and its computed part are. The commune's share counts a registration or a decision from its own
   * day, and a decision only when the records support it on that day.
   */
  evaluate(a: Readonly<Record<string, unknown>>, on: string | null, opts: { models?: boolean } = {}): Evaluation {
    const withModels = opts.models ?? true;
    const year = a.year as number;
    const set = this.criteriaSetById(a.criteriaSetId as string, year);
    if (!set) return { readOn: on, criteria: [], result: null, share: null };
    const typed = a.id ? (this.typed(year).get(a.id as string) ?? new Map<string, StoredRecord>()) : new Map<string, StoredRecord>();
    let share: ShareView | null = null;
    const criteria = set.criteria.flatMap((c): CriterionResultView[] => {
      if (c.computation === 'COMPUTED') {
        share ??= this.share(a.unitId as string, year, on);
        const s = share;
        const unsupported = s.recognisedUnsupported ? ` ${s.recognisedUnsupported} quyết định công nhận không được hồ sơ chứng minh, không tính.` : '';
        const readOn = on ? ` (tính đến ngày ${fmt(on)})` : '';
        return [
          {
            criterion: c,
            met: s.met,
            status: s.met ? 'MET' : 'NOT_MET',
            unknownReason: null,
            recorded: null,
            contradictsRecords: false,
            note: `Tự động tính${readOn}: ${s.registered}/${s.subjects} đơn vị đăng ký, ${s.recognised}/${s.subjects} được công nhận (cần tối thiểu ${s.needed}).${unsupported}`,
          },
        ];
      }
      const r = typed.get(c.code);
      if (!r) return [];
      const typedMet = r.met as boolean;
      const shortfall = c.computation === 'PARTLY_COMPUTED' ? computedShortfall(c, a, on) : null;
      const typedNote = (r.note as string | null) ?? null;
      let note = shortfall ? (typedNote ? `${typedNote} ${shortfall}` : shortfall) : typedNote;
      let status: Standing = typedMet && !shortfall ? 'MET' : 'NOT_MET';
      let model: EffectiveModelCheck | undefined;
      if (withModels && EFFECTIVE_MODEL_CRITERIA.has(c.code) && !a.establishmentId) {
        // The effective-model part, from the Front's reviews as of the reading's day (or the assessment's own).
        model = this.modelCheck(a, on ?? assessmentDay(a), typedMet);
        const said = modelNote(c.code, model);
        note = note ? `${note} ${said}` : said;
        if (status === 'MET' && model.support !== 'SUPPORTED') status = model.support === 'UNKNOWN' ? 'UNKNOWN' : 'NOT_MET';
      }
      return [
        {
          criterion: c,
          met: status === 'MET',
          status,
          unknownReason: status === 'UNKNOWN' ? model!.reason : null,
          model,
          recorded: typedMet,
          contradictsRecords: typedMet && (!!shortfall || !!model?.contradictsRecords),
          note,
          assessment: a,
        },
      ];
    });
    const result: Standing | null = !a.selfAssessedOn
      ? null
      : criteria.length < set.criteria.length || criteria.some((r) => r.status === 'NOT_MET')
        ? 'NOT_MET'
        : criteria.some((r) => r.status === 'UNKNOWN')
          ? 'UNKNOWN'
          : 'MET';
    return { readOn: on, criteria, result, share };
  }

  /**
   * Reads, from the Front, the counts of effective models the assessments' criteria need (a commune's
   * TT124-XA-1), so that `evaluate`, `result`, `support` and the indicators can read them as of any day.
   */
  async prepare(assessments: readonly (Readonly<Record<string, unknown>> | null | undefined)[]): Promise<this> {
    const byYear = new Map<number, string[]>();
    for (const a of assessments)
      if (a && !a.establishmentId && hasModelPart(a.criteriaSetId)) byYear.set(a.year as number, [...(byYear.get(a.year as number) ?? []), a.unitId as string]);
    await Promise.all([...byYear].map(([year, units]) => this.loadModels(year, units)));
    return this;
  }

  private async loadModels(year: number, unitIds: readonly string[]): Promise<void> {
    const missing = unitIds.filter((u) => !this.models.has(`${year}|${u}`));
    if (!missing.length) return;
    for (const [u, m] of await modelSteps(this.ctx, year, missing, this.asOf)) this.models.set(`${year}|${u}`, m);
  }

  /** The effective-model part of a commune's assessment on a day, from the counts `prepare` read (unknown when they were not read). */
  modelCheck(a: Readonly<Record<string, unknown>>, on: string, recorded: boolean | null): EffectiveModelCheck {
    return checkOn(this.models.get(`${a.year as number}|${a.unitId as string}`) ?? { unknown: UNREACHABLE_VI }, on, recorded);
  }

  /** Whether the records, read effectiveOn the decision's own day, support a signed recognition; null when none was signed. */
  support(a: Readonly<Record<string, unknown>>, models = true): SupportView | null {
    if (!a.decisionNumber || !a.decidedOn) return null;
    const key = `${a.id as string}|${models}`;
    let hit = this.supports.get(key);
    if (!hit) {
      const e = this.evaluate(a, a.decidedOn as string, { models });
      hit = {
        supported: e.result === 'UNKNOWN' ? null : e.result === 'MET',
        reason: e.result === 'UNKNOWN' ? (e.criteria.find((c) => c.status === 'UNKNOWN')?.unknownReason ?? null) : null,
        recordsReadOn: a.decidedOn as string,
        unsupportedCriteria: e.criteria.filter((c) => c.status === 'NOT_MET'),
        share: e.share,
      };
      // A missing result (a criterion never typed) leaves the decision unsupported too, without a line of its own.
      this.supports.set(key, hit);
    }
    return hit;
  }

  private share(communeId: string, year: number, on: string | null): ShareView {
    const s = communeShare(communeSubjects(communeId, year, this.establishments()), this.year(year), {
      on,
      // The units a commune manages are residential areas and establishments: no part of theirs is read from the Front.
      supported: (r) => this.support(r, false)?.supported === true,
    });
    return {
      readOn: on,
      subjects: s.n,
      registered: s.registered,
      recognised: s.recognised,
      recognisedUnsupported: s.unsupported,
      needed: s.needed,
      met: shareMet(s, year),
    };
  }

  // ----- indicators -----

  /**
   * The plan's indicators: of the units the standard applies to, those recognised by a decision the
   * records support (read effectiveOn each decision's day), beside the decisions signed and those the
   * records do not support. A unit answers for the days it existed (`unitDays`): a kind of subject
   * whose assessment window ends after the unit ceased counts nothing for it; a unit that ceased before
   * the window began is refused on `year`. A commune's decision whose criteria have a part computed
   * from the Front's model reviews counts only when the reviews, read as of its day, support it; those
   * that cannot be read now are counted apart (`unknown`, with the reason), never as supported.
   */
  async indicators(unitId: string, year: number): Promise<IndicatorsView> {
    const t = this.tallies(unitId, year);
    await this.loadModels(year, [...new Set(t[1].pending.map((p) => p.unitId))]);
    return this.view(unitId, year, t);
  }

  /** The indicators with the Front's counts already read (those not read are unknown): `indicators` without asking the Front. */
  indicatorsRead(unitId: string, year: number): IndicatorsView {
    return this.view(unitId, year, this.tallies(unitId, year));
  }

  private tallies(unitId: string, year: number): readonly [Tally, Tally, Tally] {
    // The facts SQLite groups are those recorded now; a reading as recorded at an earlier instant is
    // computed from the records as they stood then.
    if (this.asOf != null) return this.talliesFromRecords(unitId, year);
    const facts = this.facts(year);
    return this.tallied(unitId, year, {
      get: (key) => facts.bySubject.get(key),
      supported: (r) => facts.isSupported(r),
      register: facts.register,
      tallies: facts.tallies,
    });
  }

  private view(unitId: string, year: number, [areas, communes, est]: readonly [Tally, Tally, Tally]): IndicatorsView {
    const models = (u: string) => this.models.get(`${year}|${u}`);
    return {
      unitId,
      year,
      asRecordedAt: this.asOf,
      residentialAreas: indicator(areas, TARGETS.RESIDENTIAL_AREA, models),
      communes: indicator(communes, TARGETS.COMMUNE, models),
      establishments: indicator(est, TARGETS.ESTABLISHMENT, models),
    };
  }

  /**
   * The same figures computed from the records themselves (every assessment and criterion result of the
   * year mapped, each recognition evaluated by `support`): what `indicators` computed before it read
   * the facts grouped by SQLite (standard-facts.ts), kept as the oracle its tests compare it with.
   */
  indicatorsFromRecords(unitId: string, year: number): IndicatorsView {
    return this.view(unitId, year, this.talliesFromRecords(unitId, year));
  }

  private talliesFromRecords(unitId: string, year: number): readonly [Tally, Tally, Tally] {
    const rows = this.year(year);
    return this.tallied(unitId, year, {
      get: (key) => rows.get(key),
      // The police's own records; the Front's part is read by `view`.
      supported: (r) => this.support(r, false)?.supported === true,
      register: this.establishments(),
    });
  }

  /**
   * The year's facts, shared by every request until the database changes, and read once per request as
   * the register and the provincial criteria are: a breakdown asks for every unit's indicators, and
   * asking SQLite each time whether the database changed was a tenth of the request's CPU.
   */
  private facts(year: number): YearFacts {
    let f = this.factsByYear.get(year);
    if (!f)
      this.factsByYear.set(
        year,
        (f = yearFacts(
          this.ctx,
          year,
          {
            all: () => CRITERIA_SETS.map((s) => this.withProvincial(s, year)),
            byId: (id) => this.criteriaSetById(id, year),
          },
          (communeId, register) => communeSubjects(communeId, year, register),
        )),
      );
    return f;
  }

  private tallied<R extends object>(
    unitId: string,
    year: number,
    source: {
      get: (key: string) => R | undefined;
      supported: (r: R) => boolean;
      register: readonly RegisterEntry[];
      /** Counts kept for callers who see every unit under the one asked about (the same for all of them). */
      tallies?: Map<string, readonly [Tally, Tally, Tally]>;
    },
  ): readonly [Tally, Tally, Tally] {
    const scope = this.ctx.scope;
    assertCanReadIndicators(scope, unitId);
    intInRange('year', year, 2013, 2100, 'Năm đánh giá');
    const t = territory();
    const vis = scope.visibleUnder(unitId);
    const answers = (kind: SubjectKind) => {
      const w = windowOf(kind, year);
      return w.end <= unitDays(unitId, w.start, w.end, w.id, { field: 'year', label: 'Năm đánh giá' }).to;
    };
    const areasCount = answers('RESIDENTIAL_AREA');
    const unitsCount = answers('COMMUNE');
    const everyUnit = vis.size === t.covered(unitId).size;
    const [areas, communes, est] = (everyUnit && source.tallies?.get(unitId)) || this.count(vis, year, areasCount, unitsCount, source);
    if (everyUnit) source.tallies?.set(unitId, [areas, communes, est]);
    return [areas, communes, est];
  }

  private count<R extends object>(
    vis: ReadonlySet<string>,
    year: number,
    areasCount: boolean,
    unitsCount: boolean,
    source: { get: (key: string) => R | undefined; supported: (r: R) => boolean; register: readonly RegisterEntry[] },
  ): [Tally, Tally, Tally] {
    const t = territory();
    const communeEnd = windowOf('COMMUNE', year).end;
    const areas: Tally = { n: 0, supported: 0, recognised: 0, registered: 0, pending: [] };
    const communes: Tally = { n: 0, supported: 0, recognised: 0, registered: 0, pending: [] };
    const est: Tally = { n: 0, supported: 0, recognised: 0, registered: 0, pending: [] };
    const tally = (into: Tally, r: R | undefined) => {
      into.n++;
      const f = r as { registeredOn?: unknown; decisionNumber?: unknown; decidedOn?: unknown; criteriaSetId?: unknown; unitId?: unknown } | undefined;
      if (f?.registeredOn) into.registered++;
      if (f?.decisionNumber) {
        into.recognised++;
        if (!source.supported(r!)) return;
        if (into === communes && hasModelPart(f.criteriaSetId)) into.pending.push({ unitId: f.unitId as string, on: f.decidedOn as string });
        else into.supported++;
      }
    };
    for (const id of vis) {
      const u = t.unit(id)!;
      if (u.level === 'RESIDENTIAL_AREA' && areasCount) tally(areas, source.get(subjectKey('RESIDENTIAL_AREA', id, null)));
      else if (u.level === 'COMMUNE' && unitsCount && t.existsOn(id, communeEnd)) tally(communes, source.get(subjectKey('COMMUNE', id, null)));
    }
    if (unitsCount)
      for (const e of source.register)
        if (vis.has(e.unitId as string) && !outOfScopeReason(e.subKind as string, year)) tally(est, source.get(subjectKey('', e.unitId as string, e.id)));
    return [areas, communes, est];
  }

  /**
   * A year broken down: AS_RECORDED by the units directly below `unitId` at the end of that year's
   * window (for the province in 2021, the 12 districts); TODAY_MAP by today's communes under it.
   */
  async breakdown(unitId: string, year: number, view: 'AS_RECORDED' | 'TODAY_MAP'): Promise<IndicatorsView[]> {
    const scope = this.ctx.scope;
    assertCanReadIndicators(scope, unitId);
    const t = territory();
    const units =
      view === 'AS_RECORDED'
        ? t.childrenOn(unitId, windowOf('COMMUNE', year).end).filter((u) => u.level !== 'RESIDENTIAL_AREA')
        : t.unitsOn(todayInVietnam(), 'COMMUNE').filter((c) => overlaps(t.covered(c.id), t.covered(unitId)));
    const tallied = units
      .filter((u) => scope.coversUnit(u.id))
      .map((u) => {
        // Hundreds of communes on today's map, each its own assessment: stop when the request's time is spent.
        withinExecutionBudget(this.ctx);
        return [u.id, this.tallies(u.id, year)] as const;
      });
    // The Front asked once for every commune decision of the breakdown, a hundred units a question.
    await this.loadModels(year, [...new Set(tallied.flatMap(([, t]) => t[1].pending.map((p) => p.unitId)))]);
    return tallied.map(([id, t]) => this.view(id, year, t));
  }
}
