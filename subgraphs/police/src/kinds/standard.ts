/**
 * The standard "An toàn về an ninh, trật tự" as kinds of record: the register of establishments
 * (agencies, enterprises, schools), each subject's yearly assessment, and its per-criterion results
 * (children of the assessment). The established types of schema.graphql (Establishment,
 * StandardAssessment, CriterionResult) show the same records (src/resolvers/standard.ts); recognition
 * and a repeated self-assessment are corrections with a reason.
 *
 * Provincial criteria (provincial_criteria) are reference data in the database: a result's code is held
 * here to the national set and to the form of a provincial code; that the provincial criterion exists
 * and is in force that year is checked by recordStandardAssessment, which reads them.
 */
import { territory } from '@antt/reference';
import { defineKind, field, type RecordKind } from '@antt/subgraph-kit';
import { computedShortfall, CRITERIA_SETS, nationalSetFor, outOfScopeReason, windowOf, type SubjectKind } from '../legal/criteria.js';

export const ESTABLISHMENT_KINDS = {
  AGENCY: 'Agency (cơ quan): state body, public service unit, socio-political organisation.',
  ENTERPRISE: 'Enterprise (doanh nghiệp).',
  SCHOOL: 'School or other educational institution (nhà trường, cơ sở giáo dục).',
};

/** The finer kinds each kind of establishment has. */
export const SUB_KINDS: Record<keyof typeof ESTABLISHMENT_KINDS, readonly string[]> = {
  AGENCY: ['STATE_AGENCY', 'ARMED_FORCES'],
  ENTERPRISE: ['MEDIUM_OR_LARGE', 'SMALL_OR_MICRO'],
  SCHOOL: ['UPPER_SECONDARY', 'LOWER_SECONDARY', 'HIGHER_OR_VOCATIONAL', 'PRIMARY', 'KINDERGARTEN', 'CRECHE'],
};

/** The day districts stopped managing anything (the two-level local government). */
const REFORM_DATE = '2025-07-01';

export const establishments: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceEstablishment',
  table: 'establishments',
  slug: 'establishment',
  description:
    'An agency, enterprise or school in the police register (cơ quan, doanh nghiệp, nhà trường), with its versions. Establishment shows the same records, with their assessments.',
  nounVi: 'cơ sở trong sổ đăng ký',
  list: 'policeEstablishmentRecords',
  create: 'recordPoliceEstablishment',
  fields: {
    name: field.text({ label: 'Tên cơ sở', description: 'Name (tên cơ sở).', max: 300 }),
    kind: field.oneOf({
      label: 'Loại cơ sở',
      description: 'Kind of establishment (loại cơ sở).',
      enumType: 'EstablishmentKind',
      enumDeclared: true,
      catalogue: ESTABLISHMENT_KINDS,
    }),
    subKind: field.oneOf({
      label: 'Loại chi tiết',
      description: 'Finer kind (loại chi tiết); decides whether the standard applies.',
      enumType: 'EstablishmentSubKind',
      enumDeclared: true,
      catalogue: Object.fromEntries(Object.values(SUB_KINDS).flatMap((xs) => xs.map((x) => [x, `${x}.`]))),
    }),
    unitId: field.unit({
      label: 'Đơn vị',
      description: 'The commune or residential area it is in, as the unit was on the day it was registered.',
      levels: ['COMMUNE', 'RESIDENTIAL_AREA'],
    }),
    managedBy: field.oneOf({
      label: 'Cấp quản lý',
      description: 'The level that manages it (cấp quản lý): PROVINCE or COMMUNE (DISTRICT before 1 July 2025).',
      enumType: 'UnitLevel',
      enumDeclared: true,
      catalogue: { PROVINCE: 'Province.', DISTRICT: 'District, before 1 July 2025.', COMMUNE: 'Commune.' },
    }),
    registeredOn: field.date({ label: 'Ngày đăng ký', description: 'Day it was entered in the register (ngày vào sổ); not in the future.' }),
  },
  dateField: 'registeredOn',
  unitField: 'unitId',
  check: (v, c) => {
    if (v.kind && v.subKind && !SUB_KINDS[v.kind as keyof typeof SUB_KINDS]?.includes(v.subKind as string))
      c.problems.add(c.at('subKind'), `Loại chi tiết không thuộc loại cơ sở đã chọn.`, 'SUBKIND_MISMATCH');
    if (v.managedBy === 'DISTRICT' && v.registeredOn >= REFORM_DATE)
      c.problems.add(c.at('managedBy'), 'Cấp quản lý là tỉnh (PROVINCE) hoặc xã (COMMUNE) từ 1/7/2025.', 'WRONG_LEVEL');
  },
  example: {
    name: 'Trường THCS Chiềng Pha',
    kind: 'SCHOOL',
    subKind: 'LOWER_SECONDARY',
    unitId: 'commune:03730@2019',
    managedBy: 'DISTRICT',
    registeredOn: '2021-03-01',
  },
  exampleChange: { name: 'Trường Phổ thông dân tộc bán trú THCS Chiềng Pha' },
});

export const SUBJECT_KINDS = {
  RESIDENTIAL_AREA: 'Residential area (khu dân cư).',
  COMMUNE: 'Commune, ward or town (xã, phường, thị trấn).',
  AGENCY_OR_ENTERPRISE: 'Agency or enterprise (cơ quan, doanh nghiệp).',
  SCHOOL: 'School or educational institution (nhà trường, cơ sở giáo dục).',
};

export function subjectKindOfEstablishment(kind: string): SubjectKind {
  return kind === 'SCHOOL' ? 'SCHOOL' : 'AGENCY_OR_ENTERPRISE';
}

/** One assessment per subject (a residential area, a commune or an establishment) and year: the migration backfills the same key. */
export function assessmentKey(v: { year: unknown; subjectKind: unknown; unitId: unknown; establishmentId: unknown }): string | null {
  if (!v.year || !v.subjectKind) return null;
  return `${v.year}|${v.subjectKind}|${(v.establishmentId as string | null) ?? v.unitId}`;
}

export const standardAssessments: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceStandardAssessment',
  table: 'standard_assessments',
  slug: 'assessment',
  description:
    'A subject’s yearly cycle for the standard (đăng ký, tự đánh giá, công nhận) with its versions: a residential area, a commune or an establishment in one assessment year. Its criteria results are records of their own (PoliceCriterionResult). StandardAssessment shows the same records, the derived criteria computed.',
  nounVi: 'kết quả đánh giá tiêu chuẩn "An toàn về ANTT"',
  list: 'policeStandardAssessmentRecords',
  create: 'recordPoliceStandardAssessment',
  fields: {
    year: field.count({ label: 'Năm đánh giá', description: 'Assessment year, the year the window ends in (năm đánh giá).', min: 2013, max: 2100 }),
    unitId: field.unit({
      label: 'Đơn vị',
      description:
        'The residential area or commune assessed (as the unit was at the end of the window); for an establishment, the unit it is in, taken from the register.',
      levels: ['RESIDENTIAL_AREA', 'COMMUNE'],
      required: false,
    }),
    establishmentId: field.record({
      label: 'Cơ sở',
      description: 'The establishment assessed; give this or unitId.',
      kind: () => establishments,
      required: false,
      unknownReason: 'UNKNOWN_ESTABLISHMENT',
      children: { field: 'assessments', description: 'The establishment’s assessments, oldest first (kết quả đánh giá).' },
    }),
    subjectKind: field.oneOf({
      label: 'Đối tượng',
      description: 'Kind of subject assessed (đối tượng), from the unit’s level or the establishment’s kind.',
      enumType: 'StandardSubjectKind',
      enumDeclared: true,
      catalogue: SUBJECT_KINDS,
      derived: true,
    }),
    windowEndsOn: field.date({
      label: 'Ngày kết thúc kỳ đánh giá',
      description:
        'Last day of the assessment window (ngày kết thúc kỳ đánh giá): 31 October of the year for a residential area, 15 November otherwise. The unit must exist on it.',
      future: true,
    }),
    criteriaSetId: field.code({
      label: 'Bộ tiêu chí',
      description: 'The national criteria set applied, e.g. TT124_2021:COMMUNE (bộ tiêu chí).',
      derived: true,
    }),
    registeredOn: field.date({
      label: 'Ngày đăng ký',
      description: 'Day it registered to pursue the standard, in the first quarter (ngày đăng ký).',
      required: false,
    }),
    householdsTotal: field.count({
      label: 'Tổng số hộ',
      description: 'For a residential area: households living there (tổng số hộ).',
      min: 1,
      max: 100_000,
      required: false,
    }),
    householdsRegistered: field.count({
      label: 'Số hộ đăng ký',
      description: 'For a residential area: households that registered (số hộ đăng ký).',
      max: 100_000,
      required: false,
    }),
    selfAssessedOn: field.date({
      label: 'Ngày tự đánh giá',
      description: 'Day of the self-assessment meeting, within the window (ngày tự đánh giá).',
      required: false,
    }),
    chairedBy: field.text({
      label: 'Người chủ trì',
      description: 'Who chaired it (người chủ trì), e.g. the head of the residential area.',
      max: 200,
      required: false,
    }),
    decisionNumber: field.text({
      label: 'Số quyết định',
      description: 'Number of the recognition decision (số quyết định công nhận).',
      max: 100,
      required: false,
    }),
    decidedOn: field.date({ label: 'Ngày quyết định', description: 'Day of the recognition decision (ngày quyết định).', required: false }),
    authority: field.text({ label: 'Cơ quan công nhận', description: 'The authority that recognised it (cơ quan công nhận).', max: 200, required: false }),
  },
  dateField: 'windowEndsOn',
  unitField: 'unitId',
  filters: ['year'],
  // The subject, its kind and the criteria set follow from the unit or the establishment and the year.
  derive: (v, c) => {
    let kind: SubjectKind;
    let unitId = v.unitId as string | null;
    if (v.establishmentId) {
      const e = c.lookup(establishments, v.establishmentId as string);
      if (!e) return {};
      if (unitId && unitId !== e.unitId) {
        c.problems.add(
          c.at('unitId'),
          'Ghi rõ một trong hai: unitId (khu dân cư, xã) hoặc establishmentId (cơ quan, doanh nghiệp, nhà trường).',
          'ONE_SUBJECT',
        );
        return {};
      }
      kind = subjectKindOfEstablishment(e.kind as string);
      unitId = e.unitId as string;
    } else if (unitId) {
      kind = territory().unit(unitId)?.level === 'RESIDENTIAL_AREA' ? 'RESIDENTIAL_AREA' : 'COMMUNE';
    } else {
      c.problems.add(c.at('unitId'), 'Ghi rõ một trong hai: unitId (khu dân cư, xã) hoặc establishmentId (cơ quan, doanh nghiệp, nhà trường).', 'ONE_SUBJECT');
      return {};
    }
    return { unitId, subjectKind: kind, criteriaSetId: nationalSetFor(kind, v.year as number)?.id };
  },
  check: (v, c) => {
    const year = v.year as number;
    const kind = v.subjectKind as SubjectKind | undefined;
    if (!kind) return;
    if (!v.criteriaSetId) c.problems.add(c.at('year'), `Năm đánh giá: không có bộ tiêu chí cho năm ${year}.`, 'NO_CRITERIA_SET');
    const end = windowOf(kind, year).end;
    if (v.windowEndsOn !== end)
      c.problems.add(c.at('windowEndsOn'), `Ngày kết thúc kỳ đánh giá của năm ${year} là ${end.split('-').reverse().join('/')}.`, 'DATE_MISMATCH');
    if (v.establishmentId) {
      const e = c.lookup(establishments, v.establishmentId as string);
      const reason = e ? outOfScopeReason(e.subKind as string, year) : null;
      if (reason) c.problems.add(c.at('establishmentId'), reason, 'OUT_OF_SCOPE');
    }
    const registeredOn = v.registeredOn as string | null;
    if (registeredOn && (registeredOn < `${year}-01-01` || registeredOn > `${year}-03-31`))
      c.problems.add(c.at('registeredOn'), `Ngày đăng ký: đăng ký phấn đấu phải trong quý I năm ${year}.`, 'NOT_IN_FIRST_QUARTER');
    const total = v.householdsTotal as number | null;
    const registered = v.householdsRegistered as number | null;
    if ((total != null || registered != null) && kind !== 'RESIDENTIAL_AREA')
      c.problems.add(c.at('householdsTotal'), 'Tổng số hộ: số hộ chỉ ghi cho khu dân cư.', 'ONLY_RESIDENTIAL_AREA');
    else if ((total == null) !== (registered == null))
      c.problems.add(c.at('householdsRegistered'), 'Số hộ đăng ký: ghi cả tổng số hộ và số hộ đăng ký.', 'REQUIRED');
    else if (total != null && registered! > total) c.problems.add(c.at('householdsRegistered'), 'Số hộ đăng ký không được vượt tổng số hộ.', 'TOO_LARGE');
    const selfAssessedOn = v.selfAssessedOn as string | null;
    if (selfAssessedOn) {
      const w = windowOf(kind, year);
      if (selfAssessedOn < w.start || selfAssessedOn > w.end)
        c.problems.add(c.at('selfAssessedOn'), `Ngày tự đánh giá phải trong kỳ đánh giá (${w.labelVi}).`, 'OUTSIDE_WINDOW');
      if (!registeredOn) c.problems.add(c.at('registeredOn'), 'Ngày đăng ký: chưa đăng ký phấn đấu thì chưa tự đánh giá được.', 'REQUIRED');
    }
    const decision = [v.decisionNumber, v.decidedOn, v.authority].filter((x) => x != null).length;
    if (decision && decision < 3)
      c.problems.add(c.at('decisionNumber'), 'Số quyết định: ghi đủ số quyết định, ngày quyết định và cơ quan công nhận.', 'REQUIRED');
    if (decision && !selfAssessedOn) c.problems.add(c.at('decidedOn'), 'Ngày quyết định: chưa tự đánh giá thì chưa công nhận được.', 'NOT_SELF_ASSESSED');
    else if (v.decidedOn && selfAssessedOn && (v.decidedOn as string) < selfAssessedOn)
      c.problems.add(c.at('decidedOn'), 'Ngày quyết định phải sau ngày tự đánh giá.', 'BEFORE_SELF_ASSESSMENT');
  },
  unique: {
    key: (v) => assessmentKey(v),
    field: 'year',
    reason: 'ALREADY_ASSESSED',
    message: (id) => `Năm đánh giá: đơn vị đã có kết quả đánh giá năm này (mã ${id}); hãy sửa bản ghi đó thay vì ghi thêm.`,
  },
  example: {
    year: 2021,
    unitId: 'commune:03730@2019',
    windowEndsOn: '2021-11-15',
    registeredOn: '2021-02-01',
    selfAssessedOn: '2021-11-01',
    chairedBy: 'Chủ tịch UBND xã',
  },
  exampleChange: { chairedBy: 'Phó Chủ tịch UBND xã' },
});

/** The prefix of the codes of the criteria the province adds for a kind of subject (SL-KDC-1). */
export const PROVINCIAL_PREFIX: Record<SubjectKind, string> = { RESIDENTIAL_AREA: 'KDC', COMMUNE: 'XA', AGENCY_OR_ENTERPRISE: 'CQDN', SCHOOL: 'CSGD' };

export const criterionResults: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceCriterionResult',
  table: 'criterion_results',
  slug: 'criterion',
  description:
    'One criterion’s result in a self-assessment (kết quả từng tiêu chí), with its versions; a derived criterion is never recorded (it is computed on reading). CriterionResult shows it beside the criterion.',
  nounVi: 'kết quả tiêu chí',
  list: 'policeCriterionResultRecords',
  create: 'recordPoliceCriterionResult',
  fields: {
    assessmentId: field.record({
      label: 'Kết quả đánh giá',
      description: 'The assessment the result belongs to.',
      kind: () => standardAssessments,
      children: { field: 'criterionResults', description: 'The results of its criteria as recorded, derived criteria left out (kết quả từng tiêu chí).' },
    }),
    code: field.code({
      label: 'Mã tiêu chí',
      description: 'The criterion’s code within the assessment’s set, e.g. TT124-KDC-3, or SL-KDC-1 for the province’s.',
    }),
    met: field.bool({ label: 'Đạt', description: 'Whether it was met (đạt).' }),
    note: field.text({ label: 'Ghi chú', description: 'Note (ghi chú), e.g. what was missing.', max: 1000, required: false }),
    unitId: field.unit({
      label: 'Đơn vị',
      description: 'The unit of the assessment (taken from it).',
      levels: ['RESIDENTIAL_AREA', 'COMMUNE'],
      derived: true,
    }),
    windowEndsOn: field.date({
      label: 'Ngày kết thúc kỳ đánh giá',
      description: 'Last day of the assessment’s window (ngày kết thúc kỳ đánh giá), the same as the assessment’s.',
      future: true,
    }),
  },
  dateField: 'windowEndsOn',
  unitField: 'unitId',
  derive: (v, c) => {
    const a = c.lookup(standardAssessments, v.assessmentId as string);
    return a ? { unitId: a.unitId } : {};
  },
  check: (v, c) => {
    const a = c.lookup(standardAssessments, v.assessmentId as string);
    if (!a) return;
    if (v.windowEndsOn !== a.windowEndsOn)
      c.problems.add(c.at('windowEndsOn'), 'Ngày kết thúc kỳ đánh giá phải là ngày kết thúc kỳ của lần đánh giá.', 'DATE_MISMATCH');
    if (!a.selfAssessedOn) c.problems.add(c.at('selfAssessedOn'), 'Ngày tự đánh giá: kết quả từng tiêu chí cần ngày tự đánh giá.', 'REQUIRED');
    if (a.decisionNumber)
      c.problems.add(c.at('assessmentId'), 'Đơn vị đã được công nhận cho năm này; không sửa được kết quả đã công nhận.', 'ALREADY_RECOGNISED');
    const set = CRITERIA_SETS.find((s) => s.id === a.criteriaSetId);
    const code = v.code as string;
    const criterion = set?.criteria.find((x) => x.code === code);
    if (criterion?.derived)
      c.problems.add(c.at('code'), `Mã tiêu chí: tiêu chí ${code} được tính tự động từ kết quả của các đơn vị thuộc xã, không nhập tay.`, 'DERIVED_CRITERION');
    else if (criterion?.computation === 'PARTLY_COMPUTED' && v.met === true && computedShortfall(criterion, a, null))
      c.problems.add(
        c.at('met'),
        `Đạt: không ghi "đạt" cho tiêu chí ${code} được: phần tính từ hồ sơ của lần đánh giá chưa đạt (${criterion.computedFrom === 'HOUSEHOLDS' ? 'registeredOn, householdsRegistered, householdsTotal' : 'registeredOn'}).`,
        'CONTRADICTS_RECORDS',
      );
    else if (!criterion && set && !new RegExp(`^SL-${PROVINCIAL_PREFIX[set.subjectKind]}-\\d+$`).test(code))
      c.problems.add(c.at('code'), `Mã tiêu chí: tiêu chí "${code}" không thuộc bộ ${set.id}.`, 'UNKNOWN_CRITERION');
  },
  unique: {
    key: (v) => (v.assessmentId && v.code ? `${v.assessmentId}|${v.code}` : null),
    field: 'code',
    reason: 'DUPLICATE',
    message: (id) => `Mã tiêu chí: tiêu chí này đã có kết quả trong lần đánh giá (mã ${id}); hãy sửa kết quả đó.`,
  },
  example: { assessmentId: '(made from the assessment kind)', code: 'TT23-XA-1', met: true, windowEndsOn: '2021-11-15' },
  exampleChange: { met: false, note: 'Chưa có kế hoạch bảo đảm ANTT' },
});
