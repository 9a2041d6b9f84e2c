/**
 * The women's union's own kinds of record. The duties it shares with other organizations come from
 * packages/casework; activities, models, forums and opinions from packages/subgraph-kit.
 */
import { defineKind, field, fmtDate } from '@antt/subgraph-kit';
import { territory, unitId } from '@antt/reference';

/**
 * field.bool with a value SQLite can store: the framework's writes bind values to better-sqlite3 as they
 * are, and it binds numbers, not booleans (field.bool's own toDb hands over true/false).
 */
function boolField(o: Parameters<typeof field.bool>[0]): ReturnType<typeof field.bool> {
  return { ...field.bool(o), toDb: (v: boolean | null) => (v == null ? null : v ? 1 : 0) };
}

/** A child under Vietnamese law: under 16 (Luật Trẻ em 2016, Điều 1). */
export const CHILD_UNDER = 16;

export const PROTECTION_CASE_KINDS = {
  DOMESTIC_VIOLENCE: 'Domestic violence (bạo lực gia đình).',
  SEXUAL_ABUSE: 'Sexual abuse (xâm hại tình dục).',
  CHILD_ABUSE: 'Violence against or abuse of a child under 16 (bạo lực, xâm hại trẻ em).',
  TRAFFICKING: 'Trafficking in persons (mua bán người).',
  OTHER_GENDER_VIOLENCE: 'Other gender-based violence (bạo lực trên cơ sở giới khác).',
} as const;

export const PROTECTION_SUPPORT = {
  COUNSELLING: 'Counselling (tư vấn, tham vấn).',
  SAFE_SHELTER: 'A trusted address or shelter (địa chỉ tin cậy, nhà tạm lánh).',
  HEALTH_CARE: 'Health care (chăm sóc y tế).',
  LEGAL_AID: 'Legal aid (trợ giúp pháp lý).',
  RETURN_AND_REINTEGRATION: 'Help for a trafficking victim to return and reintegrate (hỗ trợ nạn nhân trở về, hòa nhập).',
  VOCATIONAL_HELP: 'Vocational training and job help (học nghề, việc làm).',
} as const;

export const SOCIAL_ISSUES = {
  DOMESTIC_VIOLENCE: 'Domestic violence (bạo lực gia đình).',
  HUMAN_TRAFFICKING: 'Human trafficking (mua bán người).',
  CHILD_MARRIAGE: 'Child marriage (tảo hôn).',
  CONSANGUINEOUS_MARRIAGE: 'Consanguineous marriage (hôn nhân cận huyết thống).',
  DRUGS: 'Drugs (ma túy).',
  ILLEGAL_MIGRATION: 'Illegal migration and exit (di cư, xuất cảnh trái phép).',
  PARENTING: 'Bringing up children and parenting skills (giáo dục con em, kỹ năng làm cha mẹ).',
} as const;

export const SOCIAL_ISSUE_FORMS = {
  COMMUNICATION: 'Communication session or campaign (truyền thông).',
  CLUB: 'Club, team or group (câu lạc bộ, tổ, nhóm).',
  COUNSELLING: 'Counselling (tư vấn).',
  DIRECT_SUPPORT: 'Direct support to women concerned (hỗ trợ trực tiếp).',
} as const;

/**
 * The model the replicas copy: the Chiềng Sơn (Mộc Châu) model "Cảm hóa giáo dục người lầm lỗi tái hòa
 * nhập cộng đồng". Its own record (who runs it, its reviews) belongs to the models module; until a
 * replica points at that record, the original is named here.
 */
export const CHIENG_SON_MODEL = {
  id: 'MODEL-CHIENG-SON-CAM-HOA',
  name: 'Cảm hóa giáo dục người lầm lỗi tái hòa nhập cộng đồng',
  unitId: unitId.oldCommune('03985'),
} as const;

/**
 * Cases of violence, trafficking and abuse the union protects women and children in. The case and its
 * victim are one record, readable by the union's own staff of the case's jurisdiction only
 * ('own-staff'); the victim's identity is sensitive personal data, erasable field by field. Everyone
 * else gets counts (Unit.women.protection, small counts hidden), declared in schema.graphql.
 */
export const protectionCases = defineKind({
  org: 'women',
  type: 'WomenProtectionCase',
  table: 'women_protection_cases',
  slug: 'protection-case',
  description:
    "A case of violence, trafficking or abuse in which the union protects a woman or a child, with its victim. Sensitive personal data: visible only to the women's union's own staff whose jurisdiction covers the case; leadership, dashboards and other organizations see counts (Unit.women.protection), and the case reached through _entities by anyone else is null.",
  nounVi: 'vụ việc',
  list: 'womenProtectionCases',
  create: 'recordWomenProtectionCase',
  fields: {
    openedOn: field.date({ label: 'Ngày tiếp nhận', description: 'Day the union took the case on (ngày tiếp nhận); not in the future.' }),
    unitId: field.unit({
      label: 'Nơi nạn nhân cư trú',
      description: 'Commune or residential area where the victim lives, as it was on that day (nơi cư trú).',
      levels: ['COMMUNE', 'RESIDENTIAL_AREA'],
    }),
    kind: field.oneOf({
      label: 'Loại vụ việc',
      description: 'Kind of case the union protects women and children in (loại vụ việc).',
      enumType: 'ProtectionCaseKind',
      catalogue: PROTECTION_CASE_KINDS,
    }),
    victimIsChild: boolField({
      label: 'Nạn nhân là trẻ em',
      description: 'Whether the victim is a child (under 16); must agree with the year of birth when given.',
    }),
    victimFullName: field.text({
      label: 'Họ tên nạn nhân',
      description: "The victim's full name (họ tên nạn nhân): sensitive personal data, erasable.",
      max: 120,
      dataClass: 'SENSITIVE_PERSONAL',
    }),
    victimYearOfBirth: field.count({
      label: 'Năm sinh',
      description: "The victim's year of birth, if known (năm sinh): sensitive personal data, erasable.",
      min: 1900,
      max: 9999,
      required: false,
      dataClass: 'SENSITIVE_PERSONAL',
    }),
    victimContact: field.text({
      label: 'Liên lạc',
      description: 'How to reach the victim or her guardian, if given (liên lạc): sensitive personal data, erasable.',
      max: 200,
      required: false,
      dataClass: 'SENSITIVE_PERSONAL',
    }),
    support: field.setOf({
      label: 'Hình thức hỗ trợ',
      description: 'Support given to the victim so far (hình thức hỗ trợ nạn nhân).',
      enumType: 'ProtectionSupport',
      catalogue: PROTECTION_SUPPORT,
    }),
    tipReceiptId: field.code({
      label: 'Mã biên nhận của Công an',
      description: "The police's receipt when the case was handed over with handOverCrimeTip (mã biên nhận).",
      required: false,
      ref: { owner: 'police', table: 'crime_tips', by: 'receiptId', writerField: 'handedOverBy', nounVi: 'biên nhận chuyển tin của Công an' },
    }),
    closedOn: field.date({ label: 'Ngày kết thúc hỗ trợ', description: 'Day support ended (ngày kết thúc hỗ trợ); null while it goes on.', required: false }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'openedOn',
  unitField: 'unitId',
  branch: true,
  visibility: 'own-staff',
  check: (v, c) => {
    if (v.kind === 'CHILD_ABUSE' && !v.victimIsChild)
      c.problems.add(c.at('victimIsChild'), `Vụ bạo lực, xâm hại trẻ em: nạn nhân phải là trẻ em (dưới ${CHILD_UNDER} tuổi).`, 'INCONSISTENT');
    const year = Number(v.openedOn.slice(0, 4));
    if (v.victimYearOfBirth != null) {
      if (v.victimYearOfBirth > year) c.problems.add(c.at('victimYearOfBirth'), 'Năm sinh sau năm tiếp nhận vụ việc.', 'TOO_LARGE');
      else {
        // A year of birth gives the age within a year; refuse only what cannot be true either way.
        const age = year - v.victimYearOfBirth;
        if (v.victimIsChild && age > CHILD_UNDER)
          c.problems.add(c.at('victimIsChild'), `Theo năm sinh, nạn nhân đã từ ${CHILD_UNDER} tuổi trở lên: không phải trẻ em.`, 'INCONSISTENT');
        if (!v.victimIsChild && age < CHILD_UNDER - 1)
          c.problems.add(c.at('victimIsChild'), `Theo năm sinh, nạn nhân dưới ${CHILD_UNDER} tuổi: là trẻ em.`, 'INCONSISTENT');
      }
    }
    if (v.closedOn && v.closedOn < v.openedOn)
      c.problems.add(c.at('closedOn'), `Ngày kết thúc hỗ trợ trước ngày tiếp nhận (${fmtDate(v.openedOn)}).`, 'DATE_BEFORE_START');
  },
  example: {
    openedOn: '2021-05-04',
    unitId: 'area:03730-01',
    kind: 'DOMESTIC_VIOLENCE',
    victimIsChild: false,
    victimFullName: 'Lò Thị Mẫu',
    victimYearOfBirth: 1990,
    support: ['COUNSELLING'],
  },
  exampleChange: { support: ['COUNSELLING', 'LEGAL_AID'], tipReceiptId: 'BN-2021-000777', closedOn: '2021-08-01' },
});

/** Actions under the 2017-2027 project on social issues concerning women (Đề án 938). */
export const socialIssueActions = defineKind({
  org: 'women',
  type: 'WomenSocialIssueAction',
  table: 'women_social_issue_actions',
  slug: 'social-issue-action',
  description:
    'An action under the project "Tuyên truyền, giáo dục, vận động, hỗ trợ phụ nữ tham gia giải quyết một số vấn đề xã hội liên quan đến phụ nữ giai đoạn 2017-2027" (Đề án 938, Decision 938/QĐ-TTg of 30 June 2017), which the plan links the movement with.',
  nounVi: 'hoạt động Đề án 938',
  list: 'womenSocialIssueActions',
  create: 'recordWomenSocialIssueAction',
  fields: {
    date: field.date({ label: 'Ngày thực hiện', description: 'Day it took place (ngày thực hiện); not in the future.' }),
    unitId: field.unit({
      label: 'Địa bàn',
      description: 'Unit where it took place, as it was on that day (địa bàn).',
      levels: ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'],
    }),
    issue: field.oneOf({
      label: 'Vấn đề xã hội',
      description: 'Social issue concerning women the 2017-2027 project addresses (vấn đề xã hội liên quan đến phụ nữ).',
      enumType: 'SocialIssue',
      catalogue: SOCIAL_ISSUES,
    }),
    form: field.oneOf({
      label: 'Hình thức',
      description: 'How an action of the project reached women (hình thức).',
      enumType: 'SocialIssueForm',
      catalogue: SOCIAL_ISSUE_FORMS,
    }),
    participants: field.count({ label: 'Số người được tiếp cận', description: 'Women and others reached (số người được tiếp cận).', max: 100_000 }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'date',
  unitField: 'unitId',
  branch: true,
  example: { date: '2021-09-09', unitId: 'commune:03730@2019', issue: 'CHILD_MARRIAGE', form: 'COMMUNICATION', participants: 80 },
  exampleChange: { participants: 85, note: 'Bổ sung người dự theo danh sách ký' },
  counts: {
    field: 'socialIssues',
    type: 'WomenSocialIssueSummary',
    description: 'Actions of the 2017-2027 project on social issues in a unit and period, in counts (Đề án 938).',
    countDescription: 'Actions in the period.',
    sums: { participants: { of: 'participants', description: 'People reached.' } },
    by: { field: 'issue', as: 'byIssue', type: 'SocialIssueCount', description: 'By issue.' },
  },
});

/** Replicas of the Chiềng Sơn model in other communes (nhân rộng mô hình). */
export const modelReplicas = defineKind({
  org: 'women',
  type: 'WomenModelReplica',
  table: 'women_model_replicas',
  slug: 'model-replica',
  description:
    'A replica of the Chiềng Sơn (Mộc Châu) model "Cảm hóa giáo dục người lầm lỗi tái hòa nhập cộng đồng" in another commune (nhân rộng mô hình), linked to the original.',
  nounVi: 'mô hình nhân rộng',
  list: 'womenModelReplicas',
  create: 'recordWomenModelReplica',
  fields: {
    startedOn: field.date({ label: 'Ngày bắt đầu', description: 'Day it started (ngày bắt đầu); not in the future.' }),
    unitId: field.unit({
      label: 'Xã nhân rộng',
      description: 'Commune where it runs (not Chiềng Sơn itself), as the commune was when it started.',
      levels: ['COMMUNE'],
    }),
    name: field.text({ label: 'Tên mô hình', description: "Name (tên mô hình), e.g. the model's name with the commune's.", max: 300 }),
    peopleSupported: field.count({
      label: 'Số người lầm lỗi được giúp đỡ',
      description: 'People who erred it takes care of (người lầm lỗi được giúp đỡ).',
      max: 10_000,
    }),
    discontinuedOn: field.date({ label: 'Ngày dừng', description: 'Day it stopped (ngày dừng); null while it runs.', required: false }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'startedOn',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    // "In other communes": not Chiềng Sơn itself, nor the new commune it went into in 2025.
    if (c.unit && territory().covers(c.unit.id, CHIENG_SON_MODEL.unitId))
      c.problems.add(c.at('unitId'), `${c.unit.name} là nơi có mô hình gốc (xã Chiềng Sơn): nhân rộng là ở xã khác.`, 'ORIGINAL_COMMUNE');
    if (v.discontinuedOn && v.discontinuedOn < v.startedOn)
      c.problems.add(c.at('discontinuedOn'), `Ngày dừng trước ngày bắt đầu (${fmtDate(v.startedOn)}).`, 'DATE_BEFORE_START');
  },
  example: {
    startedOn: '2021-07-01',
    unitId: 'commune:03730@2019',
    name: 'Cảm hóa giáo dục người lầm lỗi tái hòa nhập cộng đồng (Xã Chiềng Pha)',
    peopleSupported: 6,
  },
  exampleChange: { peopleSupported: 7, discontinuedOn: '2022-06-30' },
});

/** Every kind the women's union keeps through the record framework. */
export const kinds = [protectionCases, socialIssueActions, modelReplicas];
