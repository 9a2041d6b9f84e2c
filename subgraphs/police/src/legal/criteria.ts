/**
 * The standard "An toàn về an ninh, trật tự" as versioned data. Circular 23/2012/TT-BCA applied to
 * assessment years up to 2021; Circular 124/2021/TT-BCA (in force 10 February 2022) from 2022. The
 * texts are those shared/plan/DOMAIN-NOTES.md gives, marked by how completely they were retrieved;
 * where a criterion was not retrieved it is recorded as such, never invented. A province may add
 * criteria (Circular 124, Article 8.1): those live in the database (provincial_criteria).
 */
import { periodById, type Period } from '@antt/reference';

export type SubjectKind = 'RESIDENTIAL_AREA' | 'COMMUNE' | 'AGENCY_OR_ENTERPRISE' | 'SCHOOL';
export type TextStatus = 'RETRIEVED' | 'PARTIAL' | 'NOT_RETRIEVED';

/**
 * How a criterion's result is reached. COMPUTED: wholly from records the police subgraph holds, never
 * typed. PARTLY_COMPUTED: the part the records hold is computed, the rest is typed, and the criterion
 * is met only when both are (a typed "met" the records contradict is refused). TYPED: nothing the
 * police subgraph holds says it; `computationEn` says why.
 */
export type Computation = 'COMPUTED' | 'PARTLY_COMPUTED' | 'TYPED';

/**
 * What a computed criterion (or computed part) is computed from. SHARE: the commune's residential
 * areas (and, under Circular 124, the establishments it manages) registered and recognised, each
 * recognition counted from its own decision day and only when the records support it. HOUSEHOLDS: the
 * area registered in the first quarter and every resident household registered (householdsRegistered
 * equal to householdsTotal). REGISTRATION: the subject registered in the first quarter (registeredOn).
 */
export type ComputedFrom = 'SHARE' | 'HOUSEHOLDS' | 'REGISTRATION';

/**
 * One part of a criterion's text and how it is reached: computed from records (and from which), or
 * typed, with the reason no record the graph holds says it (a recorded decision, stated, not silent).
 */
export type CriterionPart = { textVi: string; computed: boolean; reasonVi: string; reasonEn: string };

export type Criterion = {
  code: string;
  /** Its parts, where the criterion is partly computed; otherwise one part, the whole criterion (`partsOf`). */
  parts?: readonly CriterionPart[];
  article: string;
  textVi: string;
  textEn: string;
  textStatus: TextStatus;
  /** Wholly computed from records, never typed in (computation COMPUTED). */
  derived: boolean;
  computation: Computation;
  computedFrom: ComputedFrom | null;
  /** What is computed and from which records, and why the rest (if any) stays typed. */
  computationEn: string;
  computationVi: string;
  provincial: boolean;
};

export type CriteriaSet = {
  id: string;
  legalBasis: string;
  subjectKind: SubjectKind;
  fromYear: number;
  toYear: number | null;
  criteria: Criterion[];
};

type How = { from: ComputedFrom | null; whole?: boolean; en: string; vi: string };

const c = (code: string, article: string, textStatus: TextStatus, textVi: string, textEn: string, how: How = TYPED_NOT_HELD): Criterion => ({
  code,
  article,
  textVi,
  textEn,
  textStatus,
  derived: how.from !== null && how.whole === true,
  computation: how.from === null ? 'TYPED' : how.whole ? 'COMPUTED' : 'PARTLY_COMPUTED',
  computedFrom: how.from,
  computationEn: how.en,
  computationVi: how.vi,
  provincial: false,
});

/** Nothing the police subgraph keeps says whether it is met: typed from the self-assessment's minutes. */
const TYPED_NOT_HELD: How = {
  from: null,
  en: 'Typed from the self-assessment minutes: no record the police subgraph keeps says whether it is met.',
  vi: 'Nhập theo biên bản tự đánh giá: không có hồ sơ nào của Công an cho biết tiêu chí này đạt hay không.',
};
/** The share of a commune's units recognised (Circular 23/2012: areas only; Circular 124/2021: areas and establishments, all registered). */
const SHARE: How = {
  from: 'SHARE',
  whole: true,
  en: "Computed from the commune's residential areas (and, from 2022, the establishments it manages): registered, and recognised by a decision the records support, each counted from its own decision day; never typed.",
  vi: 'Tính từ hồ sơ các khu dân cư của xã (từ năm 2022 cả cơ quan, doanh nghiệp, cơ sở giáo dục do xã quản lý): số đăng ký và số được công nhận bằng quyết định có hồ sơ chứng minh, tính theo ngày ký của từng quyết định; không nhập tay.',
};
const HOUSEHOLDS: How = {
  from: 'HOUSEHOLDS',
  en: "Partly computed: the area's registration in the first quarter (registeredOn) and 100% of resident households registered (householdsRegistered equal to householdsTotal) come from the counts; the Party cell's resolution, which no record holds, is typed.",
  vi: 'Tính một phần: việc đăng ký trong quý I (registeredOn) và 100% hộ đăng ký (householdsRegistered bằng householdsTotal) tính từ số hộ; phần nghị quyết của chi bộ, không có hồ sơ, nhập tay.',
};
/** A commune: registration in the first quarter is recorded, the effective model is computed from the Front's reviews; the resolution and the plan are typed. */
const REGISTRATION_AND_MODEL: How = {
  from: 'REGISTRATION',
  en: "Partly computed: registration in the first quarter (registeredOn). The effective model is computed from the model reviews the Front keeps, read service to service as of the assessment's day (CriterionResult.effectiveModel): a criterion typed met while they rate no model effective is flagged as not supported by the records. No record holds the Party resolution or the plan: typed.",
  vi: 'Tính một phần: việc đăng ký trong quý I (registeredOn). Mô hình hoạt động hiệu quả tính từ hồ sơ đánh giá mô hình của Mặt trận, đọc giữa hai hệ thống theo ngày của kết quả đánh giá (CriterionResult.effectiveModel): ghi "đạt" mà không có mô hình nào được xếp loại hiệu quả thì bị đánh dấu không được hồ sơ chứng minh. Nghị quyết, kế hoạch không có hồ sơ: nhập tay.',
};
/** An establishment: registration is recorded; the Front keeps its reviews by unit, not by establishment, so the effective model stays typed. */
const REGISTRATION_AND_TYPED_MODEL: How = {
  from: 'REGISTRATION',
  en: "Partly computed: registration in the first quarter (registeredOn). The rest is typed, a recorded decision (see parts): no record holds the Party resolution, the plan or the rules; the labour federation's records count the workers taking part in the movement, not the staff briefed; and the Front's model reviews are kept by unit, a model naming no establishment, so no record says whether this establishment has an effective model.",
  vi: 'Tính một phần: việc đăng ký trong quý I (registeredOn). Phần còn lại nhập tay, theo quyết định đã ghi (xem parts): nghị quyết, kế hoạch, nội quy không có hồ sơ; hồ sơ của Công đoàn ghi số người lao động tham gia phong trào, không ghi số cán bộ, công nhân viên được phổ biến; hồ sơ đánh giá mô hình của Mặt trận lưu theo đơn vị hành chính, mô hình không ghi cơ sở nào, nên không hồ sơ nào cho biết cơ sở này có mô hình hiệu quả hay không.',
};
/** The criteria whose effective-model part is computed from the Front's model reviews (a commune's: the reviews are kept by unit). */
export const EFFECTIVE_MODEL_CRITERIA: ReadonlySet<string> = new Set(['TT124-XA-1']);
const REGISTRATION: How = {
  from: 'REGISTRATION',
  en: 'Partly computed: registration (registeredOn). The rules, plans and signed commitments are typed: no record holds them.',
  vi: 'Tính một phần: việc đăng ký phấn đấu (registeredOn). Nội quy, kế hoạch, bản cam kết nhập tay: không có hồ sơ.',
};
/** Security events: hotspots are kept by commune, and tips, patrols and mediation are other organizations' records. */
const TYPED_EVENTS: How = {
  from: null,
  en: 'Typed: whether a dispute was "complex and long-running" or an event occurred is a judgment no record states. The police\'s hotspots are kept by commune, not by residential area; patrols, mediation and tip handovers are the member organizations\' records, in their own databases.',
  vi: 'Nhập tay: vụ việc có "phức tạp, kéo dài" hay không là nhận định, không hồ sơ nào ghi. Điểm nóng của Công an lưu theo xã, không theo khu dân cư; tuần tra, hòa giải, chuyển tin báo là hồ sơ của các tổ chức thành viên, ở cơ sở dữ liệu riêng.',
};
const NOT_RETRIEVED_VI = 'Chưa truy xuất được nguyên văn; cần nhập theo văn bản chính thức.';

export const TT23 = 'Thông tư 23/2012/TT-BCA ngày 27/4/2012';
export const TT124 = 'Thông tư 124/2021/TT-BCA ngày 28/12/2021 (hiệu lực 10/02/2022)';

export const CRITERIA_SETS: readonly CriteriaSet[] = [
  {
    id: 'TT23_2012:RESIDENTIAL_AREA',
    legalBasis: TT23,
    subjectKind: 'RESIDENTIAL_AREA',
    fromYear: 2012,
    toYear: 2021,
    criteria: [c('TT23-KDC-5', 'Điều 5', 'NOT_RETRIEVED', NOT_RETRIEVED_VI, 'Article 5 (residential areas): text not retrieved.')],
  },
  {
    id: 'TT23_2012:COMMUNE',
    legalBasis: TT23,
    subjectKind: 'COMMUNE',
    fromYear: 2012,
    toYear: 2021,
    criteria: [
      c('TT23-XA-1', 'Điều 6', 'NOT_RETRIEVED', NOT_RETRIEVED_VI, 'Article 6, the other conditions: text not retrieved.'),
      c(
        'TT23-XA-2',
        'Điều 6',
        'RETRIEVED',
        'Công an xã (Bảo vệ dân phố) được công nhận "Đơn vị tiên tiến" trở lên; không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.',
        'The commune police (ward civil guard) rated "advanced unit" or better; nobody disciplined with a warning or worse.',
      ),
      c(
        'TT23-XA-3',
        'Điều 6',
        'RETRIEVED',
        'Có từ 70% trở lên số khu dân cư được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự".',
        'At least 70% of its residential areas recognised as meeting the standard.',
        SHARE,
      ),
    ],
  },
  {
    id: 'TT23_2012:AGENCY_OR_ENTERPRISE',
    legalBasis: TT23,
    subjectKind: 'AGENCY_OR_ENTERPRISE',
    fromYear: 2012,
    toYear: 2021,
    criteria: [c('TT23-CQDN-7', 'Điều 7', 'NOT_RETRIEVED', NOT_RETRIEVED_VI, 'Article 7 (agencies, enterprises): text not retrieved.')],
  },
  {
    id: 'TT23_2012:SCHOOL',
    legalBasis: TT23,
    subjectKind: 'SCHOOL',
    fromYear: 2012,
    toYear: 2021,
    criteria: [
      c(
        'TT23-TRUONG-1',
        'Điều 8',
        'PARTIAL',
        'Có nghị quyết của cấp ủy; Ban giám hiệu có kế hoạch bảo đảm ANTT và đăng ký phấn đấu đạt tiêu chuẩn; có nội quy bảo vệ trường học, bảo vệ chính trị nội bộ, quản lý người học, phòng cháy; 100% cán bộ, giáo viên và người học từ trung học cơ sở trở lên ký cam kết; có kế hoạch phối hợp nhà trường – chính quyền – gia đình.',
        "Party committee resolution; the school board's security plan and registration; rules on school protection, internal political protection, learner management and fire prevention; 100% of staff and learners from lower-secondary up sign commitments; a school-government-family coordination plan.",
        REGISTRATION,
      ),
      c('TT23-TRUONG-2', 'Điều 8', 'NOT_RETRIEVED', NOT_RETRIEVED_VI, 'Article 8, the remaining clauses: text not retrieved.'),
    ],
  },
  {
    id: 'TT124_2021:RESIDENTIAL_AREA',
    legalBasis: TT124,
    subjectKind: 'RESIDENTIAL_AREA',
    fromYear: 2022,
    toYear: null,
    criteria: [
      c(
        'TT124-KDC-1',
        'Điều 4 khoản 1',
        'RETRIEVED',
        'Quý I hằng năm, chi bộ có nghị quyết, khu dân cư có đăng ký phấn đấu đạt tiêu chuẩn; 100% hộ gia đình đang cư trú trên địa bàn đăng ký tham gia xây dựng khu dân cư "An toàn về an ninh, trật tự".',
        'In the first quarter the Party cell passes a resolution, the area registers to pursue the standard, and 100% of resident households register to take part.',
        HOUSEHOLDS,
      ),
      c(
        'TT124-KDC-2',
        'Điều 4 khoản 2',
        'RETRIEVED',
        'Triển khai, thực hiện đầy đủ các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, các quy định của địa phương về bảo đảm an ninh, trật tự.',
        'Fully carries out Party and State policy and law and local rules on security and order.',
      ),
      c(
        'TT124-KDC-3',
        'Điều 4 khoản 3',
        'PARTIAL',
        'Không để xảy ra một trong các trường hợp sau: a) hoạt động chống Đảng, chống chính quyền, phá hoại khối đại đoàn kết; b) phá hoại mục tiêu, công trình kinh tế, văn hóa, xã hội, an ninh, quốc phòng; c) tuyên truyền, phát triển tín ngưỡng, tôn giáo trái pháp luật; d) lợi dụng tín ngưỡng, tôn giáo, dân tộc, tranh chấp, khiếu kiện gây phức tạp về an ninh, trật tự; đ) hoạt động ly khai, đòi tự quản, tự trị; e) mâu thuẫn, tranh chấp phức tạp, kéo dài trong nội bộ Nhân dân; g) kích động, lôi kéo, cưỡng ép, dụ dỗ, mua chuộc người khác … (các điểm còn lại chưa truy xuất được).',
        'None of the following occurs: anti-Party or anti-government activity; sabotage; unlawful religious propagation; exploiting religion, ethnicity, disputes or petitions; separatism; complex long-running disputes among residents; inciting or luring others … (the remaining points were not retrieved).',
        TYPED_EVENTS,
      ),
      c('TT124-KDC-4', 'Điều 4 khoản 4', 'NOT_RETRIEVED', NOT_RETRIEVED_VI, 'Clause 4: text not retrieved.'),
      c('TT124-KDC-5', 'Điều 4 khoản 5', 'NOT_RETRIEVED', NOT_RETRIEVED_VI, 'Clause 5: text not retrieved.'),
    ],
  },
  {
    id: 'TT124_2021:COMMUNE',
    legalBasis: TT124,
    subjectKind: 'COMMUNE',
    fromYear: 2022,
    toYear: null,
    criteria: [
      c(
        'TT124-XA-1',
        'Điều 5 khoản 1',
        'RETRIEVED',
        'Quý I hằng năm, Đảng ủy xã có nghị quyết, Ủy ban nhân dân xã có kế hoạch bảo đảm an ninh, trật tự và đăng ký phấn đấu đạt tiêu chuẩn; xây dựng, củng cố, duy trì ít nhất 01 mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động hiệu quả.',
        "In the first quarter the commune's Party committee passes a resolution, the People's Committee has a security plan and registers; it builds or keeps at least one effective model of the movement.",
        REGISTRATION_AND_MODEL,
      ),
      c(
        'TT124-XA-2',
        'Điều 5 khoản 2',
        'RETRIEVED',
        'Đạt các tiêu chí quy định tại khoản 2, 3 và 4 Điều 4 Thông tư này.',
        'Meets clauses 2, 3 and 4 of Article 4 (the residential-area criteria at commune scale).',
        TYPED_EVENTS,
      ),
      c(
        'TT124-XA-3',
        'Điều 5 khoản 3',
        'RETRIEVED',
        'Công an xã nắm chắc tình hình, tham mưu cho cấp ủy, chính quyền và tổ chức thực hiện có hiệu quả; không có cá nhân bị xử lý kỷ luật.',
        'The commune police keep a firm grip on the situation, advise the Party committee and government and act effectively, with nobody disciplined.',
      ),
      c(
        'TT124-XA-4',
        'Điều 5 khoản 4',
        'RETRIEVED',
        '100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục thuộc phạm vi quản lý đăng ký phấn đấu và có từ 70% trở lên được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự".',
        '100% of the residential areas, agencies, enterprises and schools it manages registered, and at least 70% of them recognised as meeting the standard.',
        SHARE,
      ),
    ],
  },
  {
    id: 'TT124_2021:AGENCY_OR_ENTERPRISE',
    legalBasis: TT124,
    subjectKind: 'AGENCY_OR_ENTERPRISE',
    fromYear: 2022,
    toYear: null,
    criteria: [
      c(
        'TT124-CQDN-1',
        'Điều 6 khoản 1',
        'RETRIEVED',
        'Quý I hằng năm, tổ chức đảng có nghị quyết chuyên đề hoặc nội dung về an ninh, trật tự trong nghị quyết năm (nơi có tổ chức đảng); có kế hoạch bảo đảm an ninh, trật tự và đăng ký phấn đấu đạt tiêu chuẩn; có nội quy, quy chế về bảo vệ cơ quan, bảo vệ bí mật nhà nước, bảo vệ chính trị nội bộ, an toàn lao động, phòng cháy, chữa cháy, bảo vệ môi trường; 100% cán bộ, công nhân viên được phổ biến; có ít nhất 01 mô hình phong trào hoạt động hiệu quả.',
        'In the first quarter a Party resolution (where there is a Party organisation); a security plan and registration; internal rules on unit protection, state secrets, internal political protection, labour safety, fire prevention and environment; 100% of staff briefed; at least one effective movement model.',
        REGISTRATION_AND_TYPED_MODEL,
      ),
      c(
        'TT124-CQDN-2',
        'Điều 6 khoản 2',
        'PARTIAL',
        'Triển khai, thực hiện đầy đủ các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, các quy chế, chương trình, kế hoạch phối hợp … (phần còn lại chưa truy xuất được).',
        'Fully carries out Party and State policy and law and the coordination rules, programmes and plans … (rest not retrieved).',
      ),
      c('TT124-CQDN-3', 'Điều 6 khoản 3 trở đi', 'NOT_RETRIEVED', NOT_RETRIEVED_VI, 'Clause 3 onward: text not retrieved.'),
    ],
  },
  {
    id: 'TT124_2021:SCHOOL',
    legalBasis: TT124,
    subjectKind: 'SCHOOL',
    fromYear: 2022,
    toYear: null,
    criteria: [c('TT124-CSGD-7', 'Điều 7', 'NOT_RETRIEVED', NOT_RETRIEVED_VI, 'Article 7 (educational institutions): text not retrieved.')],
  },
];

const part = (textVi: string, computed: boolean, reasonVi: string, reasonEn: string): CriterionPart => ({ textVi, computed, reasonVi, reasonEn });
const NO_RECORD_VI = 'Nhập tay: không có hồ sơ nào trong hệ thống ghi nội dung này.';
const NO_RECORD_EN = 'Typed: no record the graph holds says it.';
const REGISTERED_VI = 'Tính từ ngày đăng ký phấn đấu (registeredOn) trong quý I của năm đánh giá.';
const REGISTERED_EN = 'Computed from the registration day (registeredOn), in the first quarter of the assessment year.';

/** The parts of the criteria computed only in part, each with how it is reached; the others are one part (`partsOf`). */
const PARTS: Record<string, readonly CriterionPart[]> = {
  'TT124-KDC-1': [
    part('Chi bộ có nghị quyết trong quý I', false, NO_RECORD_VI, NO_RECORD_EN),
    part('Khu dân cư đăng ký phấn đấu đạt tiêu chuẩn trong quý I', true, REGISTERED_VI, REGISTERED_EN),
    part(
      '100% hộ gia đình đang cư trú đăng ký tham gia',
      true,
      'Tính từ số hộ: householdsRegistered bằng householdsTotal.',
      'Computed from the counts: householdsRegistered equal to householdsTotal.',
    ),
  ],
  'TT124-XA-1': [
    part('Đảng ủy xã có nghị quyết trong quý I', false, NO_RECORD_VI, NO_RECORD_EN),
    part('Ủy ban nhân dân xã có kế hoạch bảo đảm an ninh, trật tự', false, NO_RECORD_VI, NO_RECORD_EN),
    part('Đăng ký phấn đấu đạt tiêu chuẩn trong quý I', true, REGISTERED_VI, REGISTERED_EN),
    part(
      'Ít nhất 01 mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động hiệu quả',
      true,
      'Tính từ hồ sơ đánh giá mô hình của Mặt trận (mô hình của xã và các đơn vị thuộc xã được xếp loại hiệu quả theo lần đánh giá gần nhất), theo ngày của kết quả đánh giá hoặc ngày quyết định công nhận; khi không đọc được thì "chưa xác định được".',
      "Computed from the Front's model reviews (models of the commune and below rated effective by their latest review), as of the assessment's or the decision's day; unknown when they cannot be read.",
    ),
  ],
  'TT124-CQDN-1': [
    part('Tổ chức đảng có nghị quyết về an ninh, trật tự trong quý I (nơi có tổ chức đảng)', false, NO_RECORD_VI, NO_RECORD_EN),
    part('Có kế hoạch bảo đảm an ninh, trật tự', false, NO_RECORD_VI, NO_RECORD_EN),
    part('Đăng ký phấn đấu đạt tiêu chuẩn trong quý I', true, REGISTERED_VI, REGISTERED_EN),
    part(
      'Có nội quy, quy chế về bảo vệ cơ quan, bí mật nhà nước, chính trị nội bộ, an toàn lao động, phòng cháy, chữa cháy, môi trường',
      false,
      NO_RECORD_VI,
      NO_RECORD_EN,
    ),
    part(
      '100% cán bộ, công nhân viên được phổ biến',
      false,
      'Nhập tay: hồ sơ của Công đoàn ghi số người lao động tham gia phong trào và việc ký cam kết, không ghi tổng số cán bộ, công nhân viên hay số người được phổ biến, nên không tính được 100%.',
      "Typed: the labour federation's records count the workers taking part in the movement and whether the pledge was signed, not the establishment's staff nor who was briefed, so 100% cannot be computed.",
    ),
    part(
      'Có ít nhất 01 mô hình phong trào hoạt động hiệu quả',
      false,
      'Nhập tay: hồ sơ đánh giá mô hình của Mặt trận lưu theo đơn vị hành chính, mô hình không ghi cơ quan, doanh nghiệp nào; tổ, đội nòng cốt công nhân của Công đoàn là lực lượng, không được đánh giá hiệu quả. Không hồ sơ nào cho biết cơ sở này có mô hình hiệu quả.',
      "Typed: the Front's model reviews are kept by administrative unit and a model names no establishment; the labour federation's core teams of workers are teams, never rated effective. No record says whether this establishment has an effective model.",
    ),
  ],
};

/** A criterion's parts: those listed for it, or the whole criterion as one part reached as its computation says. */
export function partsOf(c: Criterion): readonly CriterionPart[] {
  return c.parts ?? PARTS[c.code] ?? [part(c.textVi, c.computation === 'COMPUTED', c.computationVi, c.computationEn)];
}

export function nationalSetFor(subjectKind: SubjectKind, year: number): CriteriaSet | undefined {
  return CRITERIA_SETS.find((s) => s.subjectKind === subjectKind && year >= s.fromYear && (s.toYear === null || year <= s.toYear));
}

/** Circular 124/2021 (Article 1) leaves these out of the standard; Circular 23/2012 had no such exclusions recorded here. */
export const OUT_OF_SCOPE_UNDER_TT124: Record<string, string> = {
  ARMED_FORCES: 'Đơn vị lực lượng vũ trang không thuộc phạm vi Thông tư 124/2021/TT-BCA.',
  SMALL_OR_MICRO: 'Doanh nghiệp nhỏ và siêu nhỏ không thuộc phạm vi Thông tư 124/2021/TT-BCA.',
  PRIMARY: 'Trường tiểu học không thuộc phạm vi Thông tư 124/2021/TT-BCA.',
  KINDERGARTEN: 'Trường mẫu giáo, mầm non không thuộc phạm vi Thông tư 124/2021/TT-BCA.',
  CRECHE: 'Nhà trẻ không thuộc phạm vi Thông tư 124/2021/TT-BCA.',
};

export function outOfScopeReason(subKind: string, year: number): string | null {
  return year >= 2022 ? (OUT_OF_SCOPE_UNDER_TT124[subKind] ?? null) : null;
}

export const TARGETS = { RESIDENTIAL_AREA: 0.9, COMMUNE: 0.9, ESTABLISHMENT: 0.95 } as const;
/** Commune criterion: at least 70% recognised, rounding up (16 of 25 fails, 18 of 25 passes). */
export function recognisedNeeded(n: number): number {
  // 0.7 * n in floating point is inexact (0.7 * 10 = 7.000000000000001); work in tenths.
  return Math.ceil((7 * n) / 10);
}

/** The assessment window of a kind of subject in a year: 1 November to 31 October for a residential area, 16 November to 15 November otherwise. */
export function windowOf(kind: SubjectKind, year: number): Period {
  return periodById(`${year}-${kind === 'RESIDENTIAL_AREA' ? 'ATANTT-KDC' : 'ATANTT-UNIT'}`)!;
}

/**
 * Why the computed part of a partly computed criterion is not met on the reading, in Vietnamese naming
 * the fields; null when it is. Household counts and the registration day are the assessment's own.
 */
export function computedShortfall(c: Criterion, a: Readonly<Record<string, unknown>>, on: string | null): string | null {
  const year = a.year as number;
  const registeredOn = a.registeredOn as string | null;
  const registered = !!registeredOn && registeredOn >= `${year}-01-01` && registeredOn <= `${year}-03-31` && (on === null || registeredOn <= on);
  if (!registered) return `Theo hồ sơ: chưa đăng ký phấn đấu trong quý I (registeredOn), phần này của tiêu chí ${c.code} chưa đạt.`;
  if (c.computedFrom !== 'HOUSEHOLDS') return null;
  const total = a.householdsTotal as number | null;
  const households = a.householdsRegistered as number | null;
  if (total == null || households == null)
    return `Theo hồ sơ: chưa ghi số hộ (householdsTotal, householdsRegistered), không chứng minh được 100% hộ đăng ký của tiêu chí ${c.code}.`;
  if (households < total)
    return `Theo hồ sơ: ${households}/${total} hộ đăng ký (householdsRegistered/householdsTotal), chưa đủ 100% hộ của tiêu chí ${c.code}.`;
  return null;
}
