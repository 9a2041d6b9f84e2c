/**
 * The Front's own kinds of record, declared with the record framework: reviews of models, people of
 * standing, commendations, the coordination plans and their tasks, inspections. Activities, models,
 * forums and opinions come from packages/subgraph-kit.
 *
 * Some of the Front's records are written by other organizations too (the police review models,
 * inspect and issue the plans with the Front; every organization proposes commendations): the
 * framework's own mutations are the Front's staff's, and the Front's established mutations
 * (src/resolvers) let the others write through the same repository and checks.
 */
import { MODEL_DECISIONS, MODEL_RATINGS, ORGANIZATION_IDS, ORGANIZATIONS, parseRecordId, planTask } from '@antt/reference';
import { defineKind, field, type FieldSpec, type RecordKind } from '@antt/subgraph-kit';

const GRASSROOTS = ['COMMUNE', 'RESIDENTIAL_AREA'] as const;
const ANY_LEVEL = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'] as const;
const PROVINCE = 'province:14';

/** The organizations of the plan, as codes (front, police, women...). */
export const ORGANIZATION_CATALOGUE: Readonly<Record<string, string>> = Object.fromEntries(
  ORGANIZATION_IDS.map((o) => [o, `${ORGANIZATIONS[o].nameEn} (${ORGANIZATIONS[o].nameVi}).`]),
);

/**
 * Organizations in the order they were given (the first named leads): field.setOf keeps its catalogue's
 * order, which would lose who leads a task or an inspection first.
 */
function organizationsInOrder(o: { label: string; description: string; min?: number }): FieldSpec<string[], false> {
  const set = field.setOf({ ...o, enumType: 'FrontOrganizationCode', catalogue: ORGANIZATION_CATALOGUE });
  return {
    ...set,
    parse(v, at, p, today) {
      const checked = set.parse(v, at, p, today);
      return checked && Array.isArray(v) ? (v as string[]).filter((x, i) => v.indexOf(x) === i) : checked;
    },
  };
}

const withDot = (c: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(c).map(([k, d]) => [k, `${d}.`]));

// ---- reviews of models ----

/**
 * Reviews of models by the Front and the police (Plan 92/KH-BCĐ-CAT). The model itself is kept by the
 * organization that runs it: a review names it by id (`model:women:3`, a code) and records the unit the
 * model runs in, so the Front can answer "did this unit have an effective model" alone.
 */
export const modelReviews: RecordKind = defineKind({
  org: 'front',
  type: 'FrontModelReview',
  table: 'model_reviews',
  slug: 'review',
  description:
    "A review of a model by the Front or the police (đánh giá mô hình), following Plan 92/KH-BCĐ-CAT, as the Front keeps it, with its versions. The model is kept by the organization that runs it; every model's review fields (latestReview, reviews) show these records as ModelReview.",
  nounVi: 'đánh giá mô hình',
  list: 'frontModelReviewRecords',
  create: 'recordFrontModelReview',
  fields: {
    modelId: field.code({
      label: 'Mã mô hình',
      description: 'The model reviewed, in any organization (model:<organization>:<number>); checked with that organization when written.',
      ref: { owner: (id) => parseRecordId('model', id)?.org ?? null, table: 'models', nounVi: 'mô hình' },
    }),
    modelOrg: field.code({
      label: 'Tổ chức giữ mô hình',
      description: 'The organization that keeps the model, as its id names it (filled in from modelId).',
      required: false,
    }),
    unitId: field.unit({
      label: 'Đơn vị',
      description: 'The unit the model runs in, as it was on the day of the review (a unit merged before that day is recorded as the unit it became).',
      levels: ANY_LEVEL,
    }),
    reviewedOn: field.date({ label: 'Ngày đánh giá', description: 'Day of the review (ngày đánh giá); not in the future.' }),
    reviewerOrg: field.code({
      label: 'Cơ quan đánh giá',
      description: 'Whose staff reviewed it: front or police (filled in from the caller).',
      required: false,
    }),
    rating: field.oneOf({ label: 'Xếp loại', description: 'How well it works (xếp loại).', enumType: 'FrontReviewRating', catalogue: withDot(MODEL_RATINGS) }),
    evidence: field.text({ label: 'Căn cứ đánh giá', description: 'What the rating rests on (căn cứ, minh chứng).', max: 4000 }),
    decision: field.oneOf({
      label: 'Đề xuất',
      description: 'What was decided (đề xuất); an ineffective model is not replicated, an effective one not removed.',
      enumType: 'FrontReviewDecision',
      catalogue: withDot(MODEL_DECISIONS),
    }),
    basis: field.text({
      label: 'Văn bản căn cứ',
      description: 'The plan or instruction the review followed, e.g. Kế hoạch 92/KH-BCĐ-CAT.',
      max: 300,
      required: false,
    }),
  },
  dateField: 'reviewedOn',
  unitField: 'unitId',
  check: (v, c) => {
    const ref = parseRecordId('model', v.modelId);
    if (!ref) c.problems.add(c.at('modelId'), 'Mã mô hình không đúng dạng model:<tổ chức>:<số>, ví dụ model:women:3.', 'INVALID_MODEL_ID');
    else if (v.modelOrg && v.modelOrg !== ref.org)
      c.problems.add(c.at('modelOrg'), 'Tổ chức giữ mô hình phải là tổ chức mà mã mô hình ghi.', 'MODEL_ORG_MISMATCH');
    if (v.reviewerOrg && v.reviewerOrg !== 'front' && v.reviewerOrg !== 'police')
      c.problems.add(c.at('reviewerOrg'), 'Cơ quan đánh giá là Mặt trận (front) hoặc Công an (police).', 'UNKNOWN_VALUE');
    // Section II.6: replicate good models, remove ineffective or merely formal ones; the opposite is a slip.
    if (v.rating === 'INEFFECTIVE' && v.decision === 'REPLICATE')
      c.problems.add(c.at('decision'), 'Mô hình kém hiệu quả không thể đề xuất nhân rộng.', 'DECISION_CONTRADICTS_RATING');
    if (v.rating === 'EFFECTIVE' && v.decision === 'REMOVE')
      c.problems.add(c.at('decision'), 'Mô hình hiệu quả không thể đề xuất loại bỏ.', 'DECISION_CONTRADICTS_RATING');
  },
  counts: {
    field: 'modelReviewSummary',
    type: 'FrontModelReviewSummary',
    description: 'Reviews of models in a unit and period, in counts.',
    countDescription: 'Reviews (số lượt đánh giá).',
    by: { field: 'rating', as: 'byRating', type: 'FrontModelReviewRatingCount', description: 'Reviews by rating, every rating listed.' },
  },
  example: {
    modelId: 'model:women:3',
    unitId: 'commune:03730@2019',
    reviewedOn: '2021-04-20',
    rating: 'EFFECTIVE',
    evidence: 'Không có người tái phạm; nhân dân tham gia tích cực.',
    decision: 'REPLICATE',
    basis: 'Kế hoạch 92/KH-BCĐ-CAT',
  },
  exampleChange: { rating: 'AVERAGE', decision: 'KEEP' },
});

// ---- people of standing ----

export const CORE_FORCE_ROLES = {
  SECURITY_TEAM: 'Grassroots security and order team (tổ bảo vệ an ninh, trật tự ở cơ sở).',
  MEDIATION_TEAM: 'Grassroots mediation team (tổ hòa giải ở cơ sở).',
  SELF_MANAGEMENT_GROUP: 'Self-managed inter-household group (nhóm liên gia tự quản, tổ tự quản về ANTT).',
  REINTEGRATION_MENTOR: 'Mentor of a person reintegrating after prison (người giúp đỡ người lầm lỗi tái hòa nhập cộng đồng).',
  OTHER_CORE_FORCE: 'Another core force (lực lượng nòng cốt khác).',
} as const;
export type CoreForceRole = keyof typeof CORE_FORCE_ROLES;

export const NOMINATION_DECISIONS = {
  PENDING: 'Not decided yet (chờ quyết định).',
  ACCEPTED: 'Accepted: the person joined (được công nhận).',
  DECLINED: 'Declined (không được công nhận).',
} as const;
export type NominationDecision = keyof typeof NOMINATION_DECISIONS;

/** The age a person must have reached to be nominated. */
export const ADULT_AGE = 18;

/**
 * People of standing (người có uy tín) nominated by grassroots Front committees to the core security
 * organizations. Name and year of birth are personal data; ethnicity is sensitive personal data
 * (Decree 13/2023, Decree 356/2025), stored only when given and never counted by.
 */
export const peopleOfStanding: RecordKind = defineKind({
  org: 'front',
  type: 'PersonOfStanding',
  table: 'people_of_standing',
  slug: 'person-of-standing',
  description:
    "A person of standing (người có uy tín) a grassroots Front committee nominated to a core security organization\n(section III.1 of the plan). Personal details are visible to the Front's staff of that jurisdiction only.",
  nounVi: 'người có uy tín',
  list: 'frontPersonOfStandingRecords',
  create: 'recordFrontPersonOfStanding',
  fields: {
    fullName: field.text({ label: 'Họ và tên', description: 'Full name (họ và tên): personal data.', max: 200, dataClass: 'PERSONAL' }),
    birthYear: field.count({
      label: 'Năm sinh',
      description: 'Year of birth (năm sinh): personal data; the person is an adult on the day of the nomination.',
      min: 1900,
      max: 2100,
      dataClass: 'PERSONAL',
    }),
    ethnicity: field.text({
      label: 'Dân tộc',
      description: 'Ethnicity (dân tộc): sensitive personal data, stored only when the person gave it; never on dashboards.',
      max: 50,
      required: false,
      dataClass: 'SENSITIVE_PERSONAL',
    }),
    unitId: field.unit({
      label: 'Khu dân cư',
      description: 'Residential area or commune where the person is nominated, as the unit was on that day.',
      levels: GRASSROOTS,
    }),
    role: field.oneOf({ label: 'Vai trò đề xuất', description: 'Role proposed (vai trò đề xuất).', enumType: 'CoreForceRole', catalogue: CORE_FORCE_ROLES }),
    nominatedOn: field.date({ label: 'Ngày giới thiệu', description: 'Day of the nomination (ngày giới thiệu); not in the future.' }),
    decision: field.oneOf({
      label: 'Kết quả giới thiệu',
      description: 'What became of the nomination (kết quả giới thiệu).',
      enumType: 'NominationDecision',
      catalogue: NOMINATION_DECISIONS,
    }),
    decidedOn: field.date({ label: 'Ngày quyết định', description: 'Day of the decision; not before the nomination.', required: false }),
    decisionNote: field.text({ label: 'Ghi chú', description: 'Note on the decision.', max: 1000, required: false }),
    decidedBy: field.text({ label: 'Người ghi quyết định', description: 'Who recorded the decision (user id).', max: 200, required: false }),
  },
  dateField: 'nominatedOn',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    const year = Number(v.nominatedOn.slice(0, 4));
    if (v.birthYear != null && v.birthYear > year - ADULT_AGE)
      c.problems.add(c.at('birthYear'), `Người được giới thiệu phải đủ ${ADULT_AGE} tuổi vào năm ${year}.`, 'TOO_YOUNG');
    if (v.decision === 'PENDING' && v.decidedOn) c.problems.add(c.at('decidedOn'), 'Chưa có quyết định thì không ghi ngày quyết định.', 'NOT_APPLICABLE');
    if (v.decision !== 'PENDING' && !v.decidedOn) c.problems.add(c.at('decidedOn'), 'Đã có quyết định: hãy ghi ngày quyết định.', 'REQUIRED');
    if (v.decidedOn && v.decidedOn < v.nominatedOn) c.problems.add(c.at('decidedOn'), 'Ngày quyết định trước ngày giới thiệu.', 'BEFORE_NOMINATION');
  },
  counts: {
    field: 'peopleOfStandingSummary',
    type: 'FrontPersonOfStandingSummary',
    description: 'People of standing nominated in a unit and period, in counts; never by ethnicity.',
    countDescription: 'Nominations (số người được giới thiệu).',
    by: { field: 'role', as: 'byRole', type: 'FrontPersonOfStandingRoleCount', description: 'Nominations by role proposed, every role listed.' },
  },
  example: {
    fullName: 'Lò Văn Panh',
    birthYear: 1962,
    ethnicity: 'Thái',
    unitId: 'area:03730-01',
    role: 'SECURITY_TEAM',
    nominatedOn: '2021-05-10',
    decision: 'PENDING',
  },
  exampleChange: { role: 'MEDIATION_TEAM' },
});

// ---- commendations ----

export const RECIPIENT_KINDS = {
  UNIT: 'A unit: a residential area, a commune (tập thể đơn vị).',
  BRANCH: "An organization's branch (chi hội, cơ sở Đoàn, Hội...).",
  PERSON: 'A named person (cá nhân).',
} as const;

export const COMMENDATION_FORMS = {
  CERTIFICATE_OF_MERIT: 'Certificate of merit (Bằng khen).',
  LETTER_OF_COMMENDATION: 'Letter of commendation (Giấy khen).',
  EMULATION_FLAG: 'Emulation flag (Cờ thi đua).',
  EMULATION_TITLE: 'Emulation title (Danh hiệu thi đua).',
  OTHER: 'Another form (hình thức khác).',
} as const;
export type CommendationForm = keyof typeof COMMENDATION_FORMS;

export const COMMENDATION_STATUSES = {
  PROPOSED: 'Proposed, not decided (đề nghị).',
  AWARDED: 'Awarded by a decision (đã khen thưởng).',
  NOT_AWARDED: 'Not awarded (không khen thưởng).',
} as const;
export type CommendationStatus = keyof typeof COMMENDATION_STATUSES;

/**
 * Commendations (khen thưởng): any organization proposes, the Front records the decision. Where it stands
 * is `awardStatus` (the record's own `status` says whether the record stands or was voided).
 */
export const commendations: RecordKind = defineKind({
  org: 'front',
  type: 'FrontCommendation',
  table: 'commendations',
  slug: 'commendation',
  description:
    'A commendation of a collective or a person for the movement (khen thưởng, section II.7), as the Front keeps it, with its versions: any organization proposes, the Front records the decision. The Commendation type shows the same records as they were shown before versions.',
  nounVi: 'đề nghị khen thưởng',
  list: 'frontCommendationRecords',
  create: 'recordFrontCommendation',
  fields: {
    recipientKind: field.oneOf({
      label: 'Đối tượng khen thưởng',
      description: 'Who is commended (đối tượng khen thưởng).',
      enumType: 'CommendationRecipientKind',
      catalogue: RECIPIENT_KINDS,
    }),
    recipientUnitId: field.unit({
      label: 'Đơn vị được khen thưởng',
      description: 'The unit commended, the unit of the branch commended, or where the person commended lives or works.',
      levels: ANY_LEVEL,
    }),
    recipientBranchId: field.code({
      label: 'Chi hội, cơ sở được khen thưởng',
      description: 'The branch commended, for BRANCH (e.g. women@commune:03730@2019).',
      required: false,
    }),
    recipientName: field.text({
      label: 'Họ và tên người được khen thưởng',
      description: 'The name of the person commended, for PERSON (a public honour).',
      max: 200,
      required: false,
    }),
    achievement: field.text({ label: 'Thành tích', description: 'The achievement (thành tích).', max: 2000 }),
    form: field.oneOf({
      label: 'Hình thức khen thưởng',
      description: 'Form proposed, or awarded once decided (hình thức khen thưởng).',
      enumType: 'CommendationForm',
      catalogue: COMMENDATION_FORMS,
    }),
    proposedByOrg: field.oneOf({
      label: 'Đơn vị đề nghị',
      description: 'The organization that proposed it (đơn vị đề nghị).',
      enumType: 'FrontOrganizationCode',
      catalogue: ORGANIZATION_CATALOGUE,
    }),
    proposedOn: field.date({ label: 'Ngày đề nghị', description: 'Day it was proposed; not in the future.' }),
    awardStatus: field.oneOf({
      label: 'Tình trạng',
      description: 'Where it stands (tình trạng khen thưởng).',
      enumType: 'CommendationStatus',
      catalogue: COMMENDATION_STATUSES,
    }),
    decisionNumber: field.text({
      label: 'Số quyết định',
      description: 'Number of the decision (số quyết định); required when awarded.',
      max: 100,
      required: false,
    }),
    decidedOn: field.date({ label: 'Ngày quyết định', description: 'Day of the decision; not before the proposal.', required: false }),
    issuingAuthority: field.text({
      label: 'Cấp khen thưởng',
      description: 'The authority that issued the decision (cấp khen thưởng), e.g. Chủ tịch UBND tỉnh; required when awarded.',
      max: 300,
      required: false,
    }),
    decisionNote: field.text({ label: 'Ghi chú', description: 'Note on the decision.', max: 1000, required: false }),
    decidedBy: field.text({ label: 'Người ghi quyết định', description: 'Who recorded the decision (user id).', max: 200, required: false }),
  },
  dateField: 'proposedOn',
  unitField: 'recipientUnitId',
  check: (v, c) => {
    if (v.recipientKind === 'BRANCH' && !v.recipientBranchId)
      c.problems.add(c.at('recipientBranchId'), 'Khen thưởng một chi hội, cơ sở cần ghi rõ recipientBranchId.', 'REQUIRED');
    if (v.recipientKind !== 'BRANCH' && v.recipientBranchId)
      c.problems.add(c.at('recipientBranchId'), 'Chỉ ghi recipientBranchId khi khen thưởng một chi hội, cơ sở (BRANCH).', 'NOT_APPLICABLE');
    if (v.recipientKind === 'PERSON' && !v.recipientName)
      c.problems.add(c.at('recipientName'), 'Họ và tên người được khen thưởng không được để trống.', 'REQUIRED');
    if (v.recipientKind !== 'PERSON' && v.recipientName)
      c.problems.add(c.at('recipientName'), 'Chỉ ghi recipientName khi khen thưởng cá nhân (PERSON).', 'NOT_APPLICABLE');
    if (v.awardStatus === 'PROPOSED') {
      if (v.decidedOn) c.problems.add(c.at('decidedOn'), 'Chưa có quyết định thì không ghi ngày quyết định.', 'NOT_APPLICABLE');
    } else {
      if (!v.decidedOn) c.problems.add(c.at('decidedOn'), 'Đã có quyết định: hãy ghi ngày quyết định.', 'REQUIRED');
      else if (v.decidedOn < v.proposedOn) c.problems.add(c.at('decidedOn'), 'Ngày quyết định trước ngày đề nghị.', 'BEFORE_PROPOSAL');
      if (v.awardStatus === 'AWARDED' && !v.decisionNumber)
        c.problems.add(c.at('decisionNumber'), 'Số quyết định khen thưởng không được để trống.', 'REQUIRED');
      if (v.awardStatus === 'AWARDED' && !v.issuingAuthority)
        c.problems.add(c.at('issuingAuthority'), 'Cấp ra quyết định khen thưởng không được để trống.', 'REQUIRED');
    }
  },
  counts: {
    field: 'commendationSummary',
    type: 'FrontCommendationSummary',
    description: 'Commendations proposed in a unit and period, in counts.',
    countDescription: 'Commendations proposed (số đề nghị khen thưởng).',
    by: { field: 'form', as: 'byForm', type: 'FrontCommendationFormCount', description: 'Commendations by form, every form listed.' },
  },
  example: {
    recipientKind: 'UNIT',
    recipientUnitId: 'commune:03730@2019',
    achievement: 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
    form: 'LETTER_OF_COMMENDATION',
    proposedByOrg: 'front',
    proposedOn: '2021-08-10',
    awardStatus: 'PROPOSED',
  },
  exampleChange: { form: 'CERTIFICATE_OF_MERIT' },
});

// ---- plans and their tasks ----

/** The coordination plan (155/KH-MTTQ-CAT, 2021-2023) and its successors, issued for the whole province. */
export const plans: RecordKind = defineKind({
  org: 'front',
  type: 'CoordinationPlan',
  table: 'plans',
  slug: 'plan',
  description:
    "A coordination plan of the Front and the police (kế hoạch phối hợp): Plan 155/KH-MTTQ-CAT for 2021-2023 and its\nsuccessors, with their tasks. Readable by every organization's staff, leadership and dashboards.",
  nounVi: 'kế hoạch phối hợp',
  list: 'frontPlanRecords',
  create: 'recordCoordinationPlan',
  dataClass: 'PUBLIC_AGGREGATE',
  fields: {
    number: field.text({ label: 'Số kế hoạch', description: 'Number (số kế hoạch), e.g. 155/KH-MTTQ-CAT; unique.', max: 100 }),
    title: field.text({ label: 'Trích yếu', description: 'Title (trích yếu).', max: 1000 }),
    issuedOn: field.date({ label: 'Ngày ban hành', description: 'Day it was issued; not in the future.' }),
    issuers: field.text({ label: 'Cơ quan ban hành', description: 'Who issued it, e.g. Ủy ban MTTQ Việt Nam tỉnh - Công an tỉnh.', max: 300 }),
    fromYear: field.count({ label: 'Năm bắt đầu', description: 'First year it covers.', min: 2000, max: 2100 }),
    toYear: field.count({ label: 'Năm kết thúc', description: 'Last year it covers; not before the first.', min: 2000, max: 2100 }),
    // A code, not field.record: field.record reads its kind when declared, so a kind cannot point at itself.
    predecessorId: field.code({ label: 'Kế hoạch trước', description: 'Id of the plan it continues (see predecessor).', required: false }),
    note: field.text({ label: 'Ghi chú', description: 'Note (ghi chú).', max: 2000, required: false }),
    unitId: field.unit({ label: 'Địa bàn', description: 'The unit the plan is issued for: the province.', levels: ['PROVINCE'] }),
  },
  dateField: 'issuedOn',
  unitField: 'unitId',
  check: (v, c) => {
    if (v.toYear < v.fromYear) c.problems.add(c.at('toYear'), 'Năm kết thúc trước năm bắt đầu.', 'RANGE_REVERSED');
  },
  unique: { key: (v) => v.number, field: 'number', message: (id) => `Đã có kế hoạch số này (mã ${id}): hãy đính chính kế hoạch đó thay vì ghi thêm.` },
  example: {
    number: '(mẫu) 99/KH-MTTQ-CAT',
    title: 'Kế hoạch phối hợp mẫu',
    issuedOn: '2021-06-01',
    issuers: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La - Công an tỉnh Sơn La',
    fromYear: 2021,
    toYear: 2023,
    unitId: PROVINCE,
  },
  exampleChange: { toYear: 2024 },
});

export const PLAN_SECTIONS = {
  II: 'Section II, key tasks (nội dung công tác trọng tâm).',
  IV: 'Section IV, organization of the work, the yearly focus and reporting (tổ chức thực hiện).',
} as const;

export const PLAN_TASK_STATUSES = {
  NOT_STARTED: 'Not started (chưa triển khai).',
  IN_PROGRESS: 'In progress (đang thực hiện).',
  DONE: 'Done (hoàn thành).',
  CANCELLED: 'Cancelled or superseded (hủy, thay thế).',
} as const;
export type PlanTaskStatus = keyof typeof PLAN_TASK_STATUSES;

/**
 * Tasks of a plan: section II (key tasks) and section IV (organization, the yearly focus, reporting).
 * Its progress is `progress` (the record's own `status` says whether it stands or was voided).
 */
export const planTasks: RecordKind = defineKind({
  org: 'front',
  type: 'FrontPlanTask',
  table: 'plan_tasks',
  slug: 'plan-task',
  description:
    'A task of a coordination plan (nhiệm vụ), as the Front keeps it, with its versions: who leads it, who takes part, its deadline and progress. CoordinationPlan.tasks shows the same records as CoordinationPlanTask.',
  nounVi: 'nhiệm vụ của kế hoạch',
  list: 'frontPlanTaskRecords',
  create: 'recordFrontPlanTask',
  dataClass: 'PUBLIC_AGGREGATE',
  fields: {
    planId: field.record({ label: 'Kế hoạch', description: 'The plan the task belongs to.', kind: () => plans }),
    code: field.text({ label: 'Mã nhiệm vụ', description: 'Item of the plan, unique in the plan, e.g. II.4 or IV.3-2021-2.', max: 50 }),
    section: field.oneOf({ label: 'Mục', description: 'Section it comes from.', enumType: 'PlanSection', catalogue: PLAN_SECTIONS }),
    year: field.count({ label: 'Năm', description: 'For the yearly focus (section IV.3): the year it belongs to.', min: 2000, max: 2100, required: false }),
    title: field.text({ label: 'Nội dung nhiệm vụ', description: 'What is to be done.', max: 1000 }),
    planTaskRef: field.code({
      label: 'Nhiệm vụ trọng tâm',
      description: 'The key task (II.1 to II.7) whose activities count for it, when there is one.',
      required: false,
    }),
    leadOrgs: organizationsInOrder({ label: 'Tổ chức chủ trì', description: 'Organizations that lead it (chủ trì), at least one, the first leading.', min: 1 }),
    participatingOrgs: organizationsInOrder({ label: 'Tổ chức phối hợp', description: 'Organizations taking part (phối hợp).' }),
    deadline: field.date({ label: 'Thời hạn', description: 'Deadline (thời hạn), if any.', required: false, future: true }),
    progress: field.oneOf({ label: 'Tiến độ', description: 'Progress (tiến độ).', enumType: 'PlanTaskStatus', catalogue: PLAN_TASK_STATUSES }),
    statusSince: field.date({ label: 'Ngày cập nhật tiến độ', description: 'Since when the progress holds; not in the future.', required: false }),
    statusNote: field.text({ label: 'Ghi chú tiến độ', description: 'Note on the progress.', max: 2000, required: false }),
    setOn: field.date({ label: 'Ngày giao nhiệm vụ', description: 'Day the task was set: the day its plan was issued.' }),
    unitId: field.unit({ label: 'Địa bàn', description: 'The unit the plan is issued for: the province.', levels: ['PROVINCE'] }),
  },
  dateField: 'setOn',
  unitField: 'unitId',
  check: (v, c) => {
    if (v.planTaskRef && !planTask(v.planTaskRef))
      c.problems.add(c.at('planTaskRef'), 'Nhiệm vụ trọng tâm phải là một nhiệm vụ của mục II Kế hoạch 155 (II.1 đến II.7).', 'UNKNOWN_PLAN_TASK');
    if (v.statusSince && v.statusSince < v.setOn) c.problems.add(c.at('statusSince'), 'Ngày cập nhật tiến độ trước ngày giao nhiệm vụ.', 'BEFORE_SET');
  },
  unique: { key: (v) => `${v.planId}|${v.code}`, field: 'code', message: (id) => `Kế hoạch đã có nhiệm vụ mang mã này (mã bản ghi ${id}).` },
  example: {
    planId: 'set by the suite',
    code: 'II.1',
    section: 'II',
    title: 'Đẩy mạnh công tác tham mưu, phối hợp',
    planTaskRef: 'II.1',
    leadOrgs: ['front', 'police'],
    participatingOrgs: ['women'],
    deadline: '2023-12-09',
    progress: 'IN_PROGRESS',
    statusSince: '2021-06-01',
    setOn: '2021-06-01',
    unitId: PROVINCE,
  },
  exampleChange: { progress: 'DONE', statusSince: '2021-12-01' },
});

// ---- inspections ----

export const INSPECTION_KINDS = {
  PERIODIC: 'Periodic (định kỳ).',
  SURPRISE: 'Surprise (đột xuất).',
} as const;
export type InspectionKind = keyof typeof INSPECTION_KINDS;

/** Inspections (kiểm tra định kỳ, đột xuất): who inspected whom, when, what they found, the follow-up. */
export const inspections: RecordKind = defineKind({
  org: 'front',
  type: 'Inspection',
  table: 'inspections',
  slug: 'inspection',
  description:
    "An inspection of the plan's implementation (kiểm tra định kỳ, đột xuất, section II.7): who inspected whom, when,\nwhat they found, the follow-up. Led by the Front or the police; readable by them, leadership, and the inspected\norganizations' staff.",
  nounVi: 'cuộc kiểm tra',
  list: 'frontInspectionRecords',
  create: 'recordInspection',
  fields: {
    kind: field.oneOf({
      label: 'Hình thức kiểm tra',
      description: 'Periodic or surprise (hình thức kiểm tra).',
      enumType: 'InspectionKind',
      catalogue: INSPECTION_KINDS,
    }),
    startedOn: field.date({ label: 'Ngày bắt đầu kiểm tra', description: 'First day; not in the future.' }),
    endedOn: field.date({ label: 'Ngày kết thúc kiểm tra', description: 'Last day; not before the first, not in the future.' }),
    inspectedUnitId: field.unit({ label: 'Đơn vị được kiểm tra', description: 'The unit inspected, as the unit was then.', levels: ANY_LEVEL }),
    inspectedOrgs: organizationsInOrder({
      label: 'Tổ chức được kiểm tra',
      description: 'The organizations whose work there was inspected (at least one).',
      min: 1,
    }),
    inspectingOrgs: organizationsInOrder({ label: 'Đoàn kiểm tra', description: 'The organizations in the inspection team, the lead first.', min: 1 }),
    leadOrg: field.oneOf({
      label: 'Tổ chức chủ trì kiểm tra',
      description: 'The organization that led it: front or police.',
      enumType: 'FrontOrganizationCode',
      catalogue: ORGANIZATION_CATALOGUE,
    }),
    // A code, not field.record: a plan is kept for the province, and field.record lets a caller point only at records in their own jurisdiction.
    planId: field.code({ label: 'Kế hoạch', description: 'Id of the plan it checked, if any (see plan).', required: false }),
    subject: field.text({ label: 'Nội dung kiểm tra', description: 'What was inspected (nội dung kiểm tra).', max: 1000 }),
    findings: field.text({ label: 'Kết quả kiểm tra', description: 'What was found (kết quả, tồn tại).', max: 4000 }),
    followUp: field.text({
      label: 'Kiến nghị sau kiểm tra',
      description: 'What must be done after it (kiến nghị, yêu cầu khắc phục).',
      max: 4000,
      required: false,
    }),
    followUpDueOn: field.date({ label: 'Hạn khắc phục', description: 'Follow-up due by this day; only with a follow-up.', required: false, future: true }),
    followUpDoneOn: field.date({ label: 'Ngày khắc phục', description: 'Day the follow-up was done; not before the inspection.', required: false }),
    followUpNote: field.text({ label: 'Ghi chú khắc phục', description: 'Note on the follow-up.', max: 2000, required: false }),
  },
  dateField: 'startedOn',
  unitField: 'inspectedUnitId',
  check: (v, c) => {
    if (v.endedOn < v.startedOn) c.problems.add(c.at('endedOn'), 'Ngày kết thúc trước ngày bắt đầu.', 'RANGE_REVERSED');
    if (v.leadOrg !== 'front' && v.leadOrg !== 'police') c.problems.add(c.at('leadOrg'), 'Cuộc kiểm tra do Mặt trận hoặc Công an chủ trì.', 'NOT_A_MONITOR');
    else if (!(v.inspectingOrgs ?? []).includes(v.leadOrg))
      c.problems.add(c.at('inspectingOrgs'), 'Đoàn kiểm tra phải có tổ chức chủ trì.', 'LEAD_NOT_IN_TEAM');
    if (v.followUpDueOn != null) {
      if (!v.followUp) c.problems.add(c.at('followUpDueOn'), 'Chỉ ghi hạn khắc phục khi có kiến nghị (followUp).', 'FOLLOW_UP_REQUIRED');
      else if (v.followUpDueOn < v.endedOn) c.problems.add(c.at('followUpDueOn'), 'Hạn khắc phục trước ngày kết thúc kiểm tra.', 'DUE_BEFORE_INSPECTION');
    }
    if (v.followUpDoneOn != null) {
      if (!v.followUp) c.problems.add(c.at('followUpDoneOn'), 'Cuộc kiểm tra này không có kiến nghị cần khắc phục.', 'NO_FOLLOW_UP');
      else if (v.followUpDoneOn < v.startedOn) c.problems.add(c.at('followUpDoneOn'), 'Ngày khắc phục trước ngày kiểm tra.', 'BEFORE_INSPECTION');
    }
  },
  counts: {
    field: 'inspectionSummary',
    type: 'FrontInspectionSummary',
    description: 'Inspections started in a unit and period, in counts.',
    countDescription: 'Inspections (số cuộc kiểm tra).',
    by: { field: 'kind', as: 'byKind', type: 'FrontInspectionKindCount', description: 'Inspections by kind.' },
  },
  example: {
    kind: 'PERIODIC',
    startedOn: '2021-04-05',
    endedOn: '2021-04-07',
    inspectedUnitId: 'commune:03730@2019',
    inspectedOrgs: ['women', 'youth'],
    inspectingOrgs: ['front', 'police'],
    leadOrg: 'front',
    subject: 'Kiểm tra định kỳ việc thực hiện kế hoạch phối hợp',
    findings: 'Hồ sơ theo dõi mô hình chưa đầy đủ.',
    followUp: 'Bổ sung hồ sơ theo dõi mô hình.',
    followUpDueOn: '2021-06-05',
  },
  exampleChange: { findings: 'Hồ sơ theo dõi mô hình chưa đầy đủ; báo cáo 6 tháng gửi chậm.', followUpDoneOn: '2021-05-20' },
});

/** Every kind the Front keeps through the record framework (plans before what points at them). */
export const kinds = [plans, planTasks, modelReviews, peopleOfStanding, commendations, inspections];
