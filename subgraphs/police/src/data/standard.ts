/**
 * What the standard's established API reads beyond the records themselves: the criteria sets with the
 * province's additions, each assessment's results with a commune's derived criterion computed, and the
 * plan's indicators (never stored). Reads the current, standing records of the standard's kinds, once
 * per request and year.
 */
import { eq } from 'drizzle-orm';
import { authorize, enforce } from '@antt/auth';
import { territory, todayInVietnam } from '@antt/reference';
import { intInRange, requiredText, type StoredRecord, type SubgraphContext } from '@antt/subgraph-kit';
import { provincialCriteria } from '../db/schema.js';
import { assertCanReadIndicators } from '../access.js';
import { criterionResults, establishments, PROVINCIAL_PREFIX, standardAssessments } from '../kinds/standard.js';
import {
  CRITERIA_SETS,
  nationalSetFor,
  outOfScopeReason,
  recognisedNeeded,
  TARGETS,
  windowOf,
  type CriteriaSet,
  type Criterion,
  type SubjectKind,
} from '../legal/criteria.js';
import { currentRecords } from './records.js';

export type CriterionResultView = {
  criterion: Criterion;
  met: boolean;
  note: string | null;
};

export type IndicatorView = {
  numerator: number;
  denominator: number;
  ratio: number | null;
  target: number;
  meetsTarget: boolean;
  registered: number;
};

export type IndicatorsView = {
  unitId: string;
  year: number;
  residentialAreas: IndicatorView;
  communes: IndicatorView;
  establishments: IndicatorView;
};

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

function indicator(numerator: number, denominator: number, registered: number, target: number): IndicatorView {
  const ratio = denominator ? numerator / denominator : null;
  return { numerator, denominator, ratio, target, meetsTarget: ratio !== null && ratio >= target, registered };
}

/** The key of an assessment's subject: the establishment, or the kind and the unit. */
export function subjectKey(kind: string, unitId: string, establishmentId: string | null): string {
  return establishmentId ? `E:${establishmentId}` : `${kind}:${unitId}`;
}

/** The units a commune manages for its own criterion, as subject keys: its residential areas and, under Circular 124, the establishments in scope it manages. */
export function communeSubjects(communeId: string, year: number, register: readonly StoredRecord[]): string[] {
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

/** A commune's share of registered and recognised subjects, from the assessments of the year by subject key. */
export function communeShare(subjects: readonly string[], bySubject: ReadonlyMap<string, Readonly<Record<string, unknown>>>) {
  const registered = subjects.filter((s) => bySubject.get(s)?.registeredOn).length;
  const recognised = subjects.filter((s) => bySubject.get(s)?.decisionNumber).length;
  return { n: subjects.length, registered, recognised, needed: recognisedNeeded(subjects.length) };
}

/** Circular 23/2012 asked only for 70% of residential areas recognised; Circular 124/2021 also for 100% registered. */
export function shareMet(s: ReturnType<typeof communeShare>, year: number): boolean {
  return s.recognised >= s.needed && (year < 2022 || s.registered === s.n);
}

const reads = new WeakMap<SubgraphContext, StandardReads>();

/** The request's reads of the standard (one per request). */
export function standardOf(ctx: SubgraphContext): StandardReads {
  let r = reads.get(ctx);
  if (!r) reads.set(ctx, (r = new StandardReads(ctx)));
  return r;
}

export class StandardReads {
  private readonly years = new Map<number, Map<string, StoredRecord>>();
  private register: StoredRecord[] | undefined;
  private provincial: (typeof provincialCriteria.$inferSelect)[] | undefined;

  constructor(private readonly ctx: SubgraphContext) {}

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
    this.provincial ??= this.ctx.db.select().from(provincialCriteria).all();
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
          derived: false,
          provincial: true,
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
    return { code, article: 'Tiêu chí bổ sung của UBND tỉnh', textVi: vi, textEn: en, textStatus: 'RETRIEVED', derived: false, provincial: true };
  }

  // ----- records -----

  /** The register, every establishment standing (the caller's own rule filters afterwards). */
  establishments(): StoredRecord[] {
    return (this.register ??= currentRecords(this.ctx, establishments, { orderBy: 'record_id' }));
  }

  /** The standing assessments of a year, by subject key. */
  private year(year: number): Map<string, StoredRecord> {
    let hit = this.years.get(year);
    if (!hit) {
      const rows = currentRecords(this.ctx, standardAssessments, { where: 'year = @year', params: { year } });
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

  /** The results as recorded, by criterion code. */
  recorded(a: Readonly<Record<string, unknown>>): Map<string, StoredRecord> {
    return new Map(currentRecords(this.ctx, criterionResults, { where: 'assessment_id = @a', params: { a: a.id } }).map((r) => [r.code as string, r]));
  }

  /** Each criterion's result, with a commune's derived criterion computed from its units' records. */
  criteriaResults(a: Readonly<Record<string, unknown>>): CriterionResultView[] {
    const set = this.criteriaSetById(a.criteriaSetId as string, a.year as number);
    if (!set) return [];
    const entered = this.recorded(a);
    return set.criteria.flatMap((c) => {
      if (c.derived) {
        const s = this.share(a.unitId as string, a.year as number);
        return [
          {
            criterion: c,
            met: shareMet(s, a.year as number),
            note: `Tự động tính: ${s.registered}/${s.n} đơn vị đăng ký, ${s.recognised}/${s.n} được công nhận (cần tối thiểu ${s.needed}).`,
          },
        ];
      }
      const r = entered.get(c.code);
      return r ? [{ criterion: c, met: r.met as boolean, note: (r.note as string | null) ?? null }] : [];
    });
  }

  /** Met when every criterion of the set is met; null before the self-assessment. */
  result(a: Readonly<Record<string, unknown>>): 'MET' | 'NOT_MET' | null {
    if (!a.selfAssessedOn) return null;
    const set = this.criteriaSetById(a.criteriaSetId as string, a.year as number);
    const results = this.criteriaResults(a);
    return set && results.length === set.criteria.length && results.every((r) => r.met) ? 'MET' : 'NOT_MET';
  }

  private share(communeId: string, year: number) {
    return communeShare(communeSubjects(communeId, year, this.establishments()), this.year(year));
  }

  // ----- indicators -----

  indicators(unitId: string, year: number): IndicatorsView {
    const scope = this.ctx.scope;
    assertCanReadIndicators(scope, unitId);
    intInRange('year', year, 2013, 2100, 'Năm đánh giá');
    const t = territory();
    const vis = scope.visibleUnder(unitId);
    const rows = this.year(year);
    const communeEnd = windowOf('COMMUNE', year).end;
    const areas = { n: 0, rec: 0, reg: 0 };
    const communes = { n: 0, rec: 0, reg: 0 };
    const est = { n: 0, rec: 0, reg: 0 };
    const tally = (into: typeof areas, r: StoredRecord | undefined) => {
      into.n++;
      if (r?.registeredOn) into.reg++;
      if (r?.decisionNumber) into.rec++;
    };
    for (const id of vis) {
      const u = t.unit(id)!;
      if (u.level === 'RESIDENTIAL_AREA') tally(areas, rows.get(subjectKey('RESIDENTIAL_AREA', id, null)));
      else if (u.level === 'COMMUNE' && t.existsOn(id, communeEnd)) tally(communes, rows.get(subjectKey('COMMUNE', id, null)));
    }
    for (const e of this.establishments())
      if (vis.has(e.unitId as string) && !outOfScopeReason(e.subKind as string, year)) tally(est, rows.get(subjectKey('', e.unitId as string, e.id)));
    return {
      unitId,
      year,
      residentialAreas: indicator(areas.rec, areas.n, areas.reg, TARGETS.RESIDENTIAL_AREA),
      communes: indicator(communes.rec, communes.n, communes.reg, TARGETS.COMMUNE),
      establishments: indicator(est.rec, est.n, est.reg, TARGETS.ESTABLISHMENT),
    };
  }

  /**
   * A year broken down: AS_RECORDED by the units directly below `unitId` at the end of that year's
   * window (for the province in 2021, the 12 districts); TODAY_MAP by today's communes under it.
   */
  breakdown(unitId: string, year: number, view: 'AS_RECORDED' | 'TODAY_MAP'): IndicatorsView[] {
    const scope = this.ctx.scope;
    assertCanReadIndicators(scope, unitId);
    const t = territory();
    const units =
      view === 'AS_RECORDED'
        ? t.childrenOn(unitId, windowOf('COMMUNE', year).end).filter((u) => u.level !== 'RESIDENTIAL_AREA')
        : t.unitsOn(todayInVietnam(), 'COMMUNE').filter((c) => overlaps(t.covered(c.id), t.covered(unitId)));
    return units.filter((u) => scope.coversUnit(u.id)).map((u) => this.indicators(u.id, year));
  }
}
