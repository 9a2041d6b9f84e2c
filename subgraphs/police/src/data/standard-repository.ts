/**
 * The standard "An toàn về ANTT": the register of establishments, criteria sets, each unit's yearly
 * cycle, and the indicators computed from them (never stored).
 */
import { and, eq } from 'drizzle-orm';
import { invalidInput, notFound, type Scope } from '@antt/auth';
import { periodById, territory, todayInVietnam, type IsoDate, type OrganizationId, type Period, type UnitLevel } from '@antt/reference';
import { intInRange, notInFuture, optionalText, requiredText, unitValidOn, type Db } from '@antt/subgraph-kit';
import { criterionResults, establishments, provincialCriteria, standardAssessments } from '../db/schema.js';
import { assertCanReadIndicators, assertCanReadInternal, assertPoliceWriter, isOrganizationStaff, isPoliceStaff } from '../access.js';
import { forbidden } from '@antt/auth';
import {
  CRITERIA_SETS,
  nationalSetFor,
  outOfScopeReason,
  recognisedNeeded,
  TARGETS,
  type CriteriaSet,
  type Criterion,
  type SubjectKind,
} from '../legal/criteria.js';

export type EstablishmentRow = typeof establishments.$inferSelect;
export type AssessmentRow = typeof standardAssessments.$inferSelect;

export interface CriterionResultView {
  criterion: Criterion;
  met: boolean;
  note: string | null;
}

export interface IndicatorView {
  numerator: number;
  denominator: number;
  ratio: number | null;
  target: number;
  meetsTarget: boolean;
  registered: number;
}

export interface IndicatorsView {
  unitId: string;
  year: number;
  residentialAreas: IndicatorView;
  communes: IndicatorView;
  establishments: IndicatorView;
}

export function windowOf(kind: SubjectKind, year: number): Period {
  return periodById(`${year}-${kind === 'RESIDENTIAL_AREA' ? 'ATANTT-KDC' : 'ATANTT-UNIT'}`)!;
}

export function subjectKindOfEstablishment(kind: string): SubjectKind {
  return kind === 'SCHOOL' ? 'SCHOOL' : 'AGENCY_OR_ENTERPRISE';
}

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

function indicator(numerator: number, denominator: number, registered: number, target: number): IndicatorView {
  const ratio = denominator ? numerator / denominator : null;
  return { numerator, denominator, ratio, target, meetsTarget: ratio !== null && ratio >= target, registered };
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
  criteria: { code: string; met: boolean; note?: string | null }[];
}

export class StandardRepository {
  /** Assessments of a year, loaded once per request for indicator and derived-criterion arithmetic. */
  private readonly yearCache = new Map<number, { bySubject: Map<string, AssessmentRow> }>();
  private establishmentCache: EstablishmentRow[] | undefined;
  private provincialCache: (typeof provincialCriteria.$inferSelect)[] | undefined;

  constructor(
    private readonly db: Db,
    _org: OrganizationId,
    private readonly scope: Scope,
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

  /**
   * A national set with the province's additions: those in force in `year`, or, when listing sets, all
   * those whose first year falls within the set's years.
   */
  private withProvincial(s: CriteriaSet, year?: number): CriteriaSet {
    const inSet = (from: number) => from >= s.fromYear && (s.toYear === null || from <= s.toYear);
    // Read once per request: every assessment read asks for its set (and a commune's, for each of its units).
    this.provincialCache ??= this.db.select().from(provincialCriteria).all();
    const extra = this.provincialCache
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
          derived: false,
          provincial: true,
        })),
      ],
    };
  }

  addProvincialCriterion(kind: SubjectKind, textVi: string, textEn: string, fromYear: number): Criterion {
    if (!isPoliceStaff(this.scope) || !this.scope.has('LEADER') || this.scope.identity.unitId !== territory().provinceId)
      throw forbidden('Chỉ lãnh đạo Công an tỉnh mới được thêm tiêu chí của tỉnh.');
    const vi = requiredText('textVi', textVi, 1000, 'Nội dung tiêu chí');
    const en = requiredText('textEn', textEn, 1000, 'Bản dịch tiếng Anh');
    intInRange('fromYear', fromYear, 2022, 2100, 'Năm áp dụng');
    const n = this.db.select().from(provincialCriteria).where(eq(provincialCriteria.subjectKind, kind)).all().length + 1;
    const prefix = { RESIDENTIAL_AREA: 'KDC', COMMUNE: 'XA', AGENCY_OR_ENTERPRISE: 'CQDN', SCHOOL: 'CSGD' }[kind];
    const code = `SL-${prefix}-${n}`;
    this.db.insert(provincialCriteria).values({ code, subjectKind: kind, textVi: vi, textEn: en, fromYear, recordedBy: this.scope.identity.userId }).run();
    this.provincialCache = undefined;
    return { code, article: 'Tiêu chí bổ sung của UBND tỉnh', textVi: vi, textEn: en, textStatus: 'RETRIEVED', derived: false, provincial: true };
  }

  // ----- establishments -----

  private allEstablishments(): EstablishmentRow[] {
    return (this.establishmentCache ??= this.db.select().from(establishments).all());
  }

  establishment(id: string): EstablishmentRow | null {
    const e = this.db.select().from(establishments).where(eq(establishments.id, id)).get();
    if (!e || !(isOrganizationStaff(this.scope) || this.scope.has('LEADERSHIP')) || !this.scope.coversUnit(e.unitId)) return null;
    return e;
  }

  establishments(unitId: string | null | undefined, kind?: string | null, inScopeOnly = false): EstablishmentRow[] {
    const u = unitId ?? this.scope.identity.unitId;
    assertCanReadInternal(this.scope, u);
    const vis = this.scope.visibleUnder(u);
    const year = Number(todayInVietnam().slice(0, 4));
    return this.allEstablishments().filter((e) => vis.has(e.unitId) && (!kind || e.kind === kind) && (!inScopeOnly || !outOfScopeReason(e.subKind, year)));
  }

  registerEstablishment(name: string, kind: string, subKind: string, unitId: string, managedBy: UnitLevel): EstablishmentRow {
    const n = requiredText('name', name, 300, 'Tên cơ sở');
    const u = unitValidOn('unitId', unitId, todayInVietnam(), ['COMMUNE', 'RESIDENTIAL_AREA']);
    const schoolKinds = ['UPPER_SECONDARY', 'LOWER_SECONDARY', 'HIGHER_OR_VOCATIONAL', 'PRIMARY', 'KINDERGARTEN', 'CRECHE'];
    const fits =
      kind === 'SCHOOL'
        ? schoolKinds.includes(subKind)
        : kind === 'AGENCY'
          ? ['STATE_AGENCY', 'ARMED_FORCES'].includes(subKind)
          : ['MEDIUM_OR_LARGE', 'SMALL_OR_MICRO'].includes(subKind);
    if (!fits) throw invalidInput('subKind', `Loại chi tiết ${subKind} không thuộc loại ${kind}.`, 'SUBKIND_MISMATCH');
    if (!['PROVINCE', 'COMMUNE'].includes(managedBy))
      throw invalidInput('managedBy', 'Cấp quản lý là tỉnh (PROVINCE) hoặc xã (COMMUNE) từ 1/7/2025.', 'WRONG_LEVEL');
    assertPoliceWriter(this.scope, u.id);
    const count = this.db.select().from(establishments).all().length;
    const id = `CS-${String(count + 1).padStart(4, '0')}`;
    return this.db
      .insert(establishments)
      .values({ id, name: n, kind, subKind, unitId: u.id, managedBy, recordedBy: this.scope.identity.userId })
      .returning()
      .get();
  }

  // ----- assessments -----

  private subjectKey(kind: string, unitId: string, establishmentId: string | null): string {
    return establishmentId ? `E:${establishmentId}` : `${kind}:${unitId}`;
  }

  private yearRows(year: number) {
    let hit = this.yearCache.get(year);
    if (!hit) {
      const rows = this.db.select().from(standardAssessments).where(eq(standardAssessments.year, year)).all();
      hit = { bySubject: new Map(rows.map((r) => [this.subjectKey(r.subjectKind, r.unitId, r.establishmentId), r])) };
      this.yearCache.set(year, hit);
    }
    return hit;
  }

  assessmentForUnit(unitId: string, year: number): AssessmentRow | null {
    assertCanReadInternal(this.scope, unitId);
    const u = territory().unit(unitId);
    if (!u) return null;
    const kind: SubjectKind = u.level === 'RESIDENTIAL_AREA' ? 'RESIDENTIAL_AREA' : 'COMMUNE';
    return this.yearRows(year).bySubject.get(this.subjectKey(kind, unitId, null)) ?? null;
  }

  assessmentForEstablishment(e: EstablishmentRow, year: number): AssessmentRow | null {
    return this.yearRows(year).bySubject.get(this.subjectKey('', e.unitId, e.id)) ?? null;
  }

  /** Each criterion's result, with a commune's derived criterion computed from its units' records. */
  criteriaResults(a: AssessmentRow): CriterionResultView[] {
    const set = this.criteriaSetById(a.criteriaSetId, a.year);
    if (!set) return [];
    const entered = new Map(
      this.db
        .select()
        .from(criterionResults)
        .where(eq(criterionResults.assessmentId, a.id))
        .all()
        .map((r) => [r.code, r]),
    );
    return set.criteria.flatMap((c) => {
      if (c.derived) return [{ criterion: c, met: this.communeShareMet(a.unitId, a.year), note: this.communeShareNote(a.unitId, a.year) }];
      const r = entered.get(c.code);
      return r ? [{ criterion: c, met: r.met, note: r.note }] : [];
    });
  }

  /** Met when every criterion of the set is met; null before the self-assessment. */
  result(a: AssessmentRow): 'MET' | 'NOT_MET' | null {
    if (!a.selfAssessedOn) return null;
    const set = this.criteriaSetById(a.criteriaSetId, a.year);
    const results = this.criteriaResults(a);
    return set && results.length === set.criteria.length && results.every((r) => r.met) ? 'MET' : 'NOT_MET';
  }

  /** The units a commune manages for its own criterion in a year: its residential areas and, under Circular 124, the establishments it manages that the standard applies to. */
  private communeSubjects(communeId: string, year: number): string[] {
    const t = territory();
    const end = windowOf('COMMUNE', year).end;
    const areas = t
      .childrenOn(communeId, end)
      .filter((u) => u.level === 'RESIDENTIAL_AREA')
      .map((u) => this.subjectKey('RESIDENTIAL_AREA', u.id, null));
    if (year < 2022) return areas;
    const covered = t.covered(communeId);
    const est = this.allEstablishments()
      .filter((e) => e.managedBy === 'COMMUNE' && covered.has(e.unitId) && !outOfScopeReason(e.subKind, year))
      .map((e) => this.subjectKey('', e.unitId, e.id));
    return [...areas, ...est];
  }

  private communeShare(communeId: string, year: number) {
    const subjects = this.communeSubjects(communeId, year);
    const rows = this.yearRows(year).bySubject;
    const registered = subjects.filter((s) => rows.get(s)?.registeredOn).length;
    const recognised = subjects.filter((s) => rows.get(s)?.decisionNumber).length;
    return { n: subjects.length, registered, recognised, needed: recognisedNeeded(subjects.length) };
  }

  communeShareMet(communeId: string, year: number): boolean {
    const s = this.communeShare(communeId, year);
    // Circular 23/2012 asked only for 70% of residential areas recognised; Circular 124/2021 also for 100% registered.
    return s.recognised >= s.needed && (year < 2022 || s.registered === s.n);
  }

  private communeShareNote(communeId: string, year: number): string {
    const s = this.communeShare(communeId, year);
    return `Tự động tính: ${s.registered}/${s.n} đơn vị đăng ký, ${s.recognised}/${s.n} được công nhận (cần tối thiểu ${s.needed}).`;
  }

  recordAssessment(input: RecordAssessmentInput): AssessmentRow {
    const t = territory();
    intInRange('input.year', input.year, 2013, 2100, 'Năm đánh giá');
    if (!!input.unitId === !!input.establishmentId)
      throw invalidInput(
        'input.unitId',
        'Ghi rõ một trong hai: unitId (khu dân cư, xã) hoặc establishmentId (cơ quan, doanh nghiệp, nhà trường).',
        'ONE_SUBJECT',
      );
    let kind: SubjectKind;
    let unitId: string;
    let estId: string | null = null;
    if (input.unitId) {
      const u = t.unit(input.unitId);
      if (!u || !['RESIDENTIAL_AREA', 'COMMUNE'].includes(u.level))
        throw invalidInput('input.unitId', 'Chỉ đánh giá khu dân cư hoặc xã, phường, thị trấn theo unitId.', 'WRONG_LEVEL');
      kind = u.level === 'RESIDENTIAL_AREA' ? 'RESIDENTIAL_AREA' : 'COMMUNE';
      unitValidOn('input.unitId', u.id, windowOf(kind, input.year).end);
      unitId = u.id;
    } else {
      const e = this.db.select().from(establishments).where(eq(establishments.id, input.establishmentId!)).get();
      if (!e) throw invalidInput('input.establishmentId', `Không có cơ sở "${input.establishmentId}" trong sổ đăng ký.`, 'UNKNOWN_ESTABLISHMENT');
      const reason = outOfScopeReason(e.subKind, input.year);
      if (reason) throw invalidInput('input.establishmentId', reason, 'OUT_OF_SCOPE');
      kind = subjectKindOfEstablishment(e.kind);
      unitId = e.unitId;
      estId = e.id;
    }
    const window = windowOf(kind, input.year);
    const set = this.criteriaSet(kind, input.year);
    if (!set) throw invalidInput('input.year', `Không có bộ tiêu chí cho năm ${input.year}.`, 'NO_CRITERIA_SET');

    if (input.registeredOn != null) {
      notInFuture('input.registeredOn', input.registeredOn, 'Ngày đăng ký');
      if (input.registeredOn < `${input.year}-01-01` || input.registeredOn > `${input.year}-03-31`)
        throw invalidInput('input.registeredOn', `Đăng ký phấn đấu phải trong quý I năm ${input.year}.`, 'NOT_IN_FIRST_QUARTER');
    }
    const householdsGiven = input.householdsTotal != null || input.householdsRegistered != null;
    if (householdsGiven && kind !== 'RESIDENTIAL_AREA') throw invalidInput('input.householdsTotal', 'Số hộ chỉ ghi cho khu dân cư.', 'ONLY_RESIDENTIAL_AREA');
    if (householdsGiven) {
      if (input.householdsTotal == null || input.householdsRegistered == null)
        throw invalidInput('input.householdsRegistered', 'Ghi cả tổng số hộ và số hộ đăng ký.', 'REQUIRED');
      intInRange('input.householdsTotal', input.householdsTotal, 1, 100_000, 'Tổng số hộ');
      intInRange('input.householdsRegistered', input.householdsRegistered, 0, input.householdsTotal, 'Số hộ đăng ký (không vượt tổng số hộ)');
    }
    if (input.selfAssessedOn != null) {
      notInFuture('input.selfAssessedOn', input.selfAssessedOn, 'Ngày tự đánh giá');
      if (input.selfAssessedOn < window.start || input.selfAssessedOn > window.end)
        throw invalidInput('input.selfAssessedOn', `Ngày tự đánh giá phải trong kỳ đánh giá (${window.labelVi}).`, 'OUTSIDE_WINDOW');
      if (!input.registeredOn) throw invalidInput('input.registeredOn', 'Chưa đăng ký phấn đấu thì chưa tự đánh giá được.', 'REQUIRED');
    }
    const chairedBy = optionalText('input.chairedBy', input.chairedBy, 200, 'Người chủ trì');
    const byCode = new Map(set.criteria.map((c) => [c.code, c]));
    const seen = new Set<string>();
    input.criteria.forEach((r, i) => {
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
      optionalText(`input.criteria.${i}.note`, r.note, 1000, 'Ghi chú');
    });
    if (input.criteria.length && !input.selfAssessedOn) throw invalidInput('input.selfAssessedOn', 'Kết quả từng tiêu chí cần ngày tự đánh giá.', 'REQUIRED');
    if (input.selfAssessedOn) {
      const missing = set.criteria.filter((c) => !c.derived && !seen.has(c.code)).map((c) => c.code);
      if (missing.length) throw invalidInput('input.criteria', `Thiếu kết quả các tiêu chí: ${missing.join(', ')}.`, 'MISSING_CRITERIA');
    }
    assertPoliceWriter(this.scope, unitId);

    const existing = this.db
      .select()
      .from(standardAssessments)
      .where(and(eq(standardAssessments.year, input.year), eq(standardAssessments.subjectKind, kind), eq(standardAssessments.unitId, unitId)))
      .all()
      .find((r) => r.establishmentId === estId);
    if (existing?.decisionNumber)
      throw invalidInput('input.year', 'Đơn vị đã được công nhận cho năm này; không sửa được kết quả đã công nhận.', 'ALREADY_RECOGNISED');
    const values = {
      year: input.year,
      subjectKind: kind,
      unitId,
      establishmentId: estId,
      criteriaSetId: set.id,
      registeredOn: input.registeredOn ?? null,
      householdsTotal: input.householdsTotal ?? null,
      householdsRegistered: input.householdsRegistered ?? null,
      selfAssessedOn: input.selfAssessedOn ?? null,
      chairedBy,
      recordedBy: this.scope.identity.userId,
    };
    const row = this.db.transaction((tx) => {
      const saved = existing
        ? tx.update(standardAssessments).set(values).where(eq(standardAssessments.id, existing.id)).returning().get()
        : tx.insert(standardAssessments).values(values).returning().get();
      tx.delete(criterionResults).where(eq(criterionResults.assessmentId, saved.id)).run();
      if (input.criteria.length)
        tx.insert(criterionResults)
          .values(input.criteria.map((r) => ({ assessmentId: saved.id, code: r.code, met: r.met, note: r.note?.trim() || null })))
          .run();
      return saved;
    });
    this.yearCache.delete(input.year);
    return row;
  }

  recognize(id: number, decisionNumber: string, decidedOn: IsoDate, authority: string): AssessmentRow {
    const a = this.db.select().from(standardAssessments).where(eq(standardAssessments.id, id)).get();
    if (!a || !isPoliceStaff(this.scope) || !this.scope.coversUnit(a.unitId)) throw notFound(`Không tìm thấy kết quả đánh giá ${id}.`);
    const num = requiredText('decisionNumber', decisionNumber, 100, 'Số quyết định');
    const auth = requiredText('authority', authority, 200, 'Cơ quan công nhận');
    notInFuture('decidedOn', decidedOn, 'Ngày quyết định');
    if (a.selfAssessedOn && decidedOn < a.selfAssessedOn)
      throw invalidInput('decidedOn', 'Ngày quyết định phải sau ngày tự đánh giá.', 'BEFORE_SELF_ASSESSMENT');
    if (this.result(a) !== 'MET') throw invalidInput('id', 'Chỉ công nhận đơn vị đã đạt đủ các tiêu chí.', 'NOT_MET');
    if (a.decisionNumber) throw invalidInput('id', `Đơn vị đã được công nhận (quyết định ${a.decisionNumber}).`, 'ALREADY_RECOGNISED');
    const row = this.db
      .update(standardAssessments)
      .set({ decisionNumber: num, decidedOn, authority: auth })
      .where(eq(standardAssessments.id, id))
      .returning()
      .get();
    this.yearCache.delete(a.year);
    return row;
  }

  // ----- indicators -----

  indicators(unitId: string, year: number): IndicatorsView {
    assertCanReadIndicators(this.scope, unitId);
    intInRange('year', year, 2013, 2100, 'Năm đánh giá');
    const t = territory();
    const vis = this.scope.visibleUnder(unitId);
    const rows = this.yearRows(year).bySubject;
    const communeEnd = windowOf('COMMUNE', year).end;
    let areas = 0,
      areasRec = 0,
      areasReg = 0,
      communes = 0,
      communesRec = 0,
      communesReg = 0;
    for (const id of vis) {
      const u = t.unit(id)!;
      if (u.level === 'RESIDENTIAL_AREA') {
        areas++;
        const r = rows.get(this.subjectKey('RESIDENTIAL_AREA', id, null));
        if (r?.registeredOn) areasReg++;
        if (r?.decisionNumber) areasRec++;
      } else if (u.level === 'COMMUNE' && t.existsOn(id, communeEnd)) {
        communes++;
        const r = rows.get(this.subjectKey('COMMUNE', id, null));
        if (r?.registeredOn) communesReg++;
        if (r?.decisionNumber) communesRec++;
      }
    }
    let est = 0,
      estRec = 0,
      estReg = 0;
    for (const e of this.allEstablishments()) {
      if (!vis.has(e.unitId) || outOfScopeReason(e.subKind, year)) continue;
      est++;
      const r = rows.get(this.subjectKey('', e.unitId, e.id));
      if (r?.registeredOn) estReg++;
      if (r?.decisionNumber) estRec++;
    }
    return {
      unitId,
      year,
      residentialAreas: indicator(areasRec, areas, areasReg, TARGETS.RESIDENTIAL_AREA),
      communes: indicator(communesRec, communes, communesReg, TARGETS.COMMUNE),
      establishments: indicator(estRec, est, estReg, TARGETS.ESTABLISHMENT),
    };
  }

  /**
   * A year broken down: AS_RECORDED by the units directly below `unitId` at the end of that year's
   * window (for the province in 2021, the 12 districts); TODAY_MAP by today's communes under it.
   */
  breakdown(unitId: string, year: number, view: 'AS_RECORDED' | 'TODAY_MAP'): IndicatorsView[] {
    assertCanReadIndicators(this.scope, unitId);
    const t = territory();
    const units =
      view === 'AS_RECORDED'
        ? t.childrenOn(unitId, windowOf('COMMUNE', year).end).filter((u) => u.level !== 'RESIDENTIAL_AREA')
        : t.unitsOn(todayInVietnam(), 'COMMUNE').filter((c) => overlaps(t.covered(c.id), t.covered(unitId)));
    return units.filter((u) => this.scope.coversUnit(u.id)).map((u) => this.indicators(u.id, year));
  }
}
