/**
 * Plans an organization's branches issue to carry out Plan 155 (section V.2: each district and each
 * organization issues its own plan): the number and symbol, the date, the issuing body, its level. Every
 * organization's subgraph has the kind (`WomenImplementingPlan`), so each records its own and its report
 * counts the plans issued in the period (section II.1); the provincial plan itself stays the Front's
 * coordination plan.
 */
import { ORGANIZATIONS, territory } from '@antt/reference';
import { defineKind, perOrganization } from '../records/kind.js';
import { field, fmtDate } from '../records/fields.js';

export const PLAN_LEVELS = {
  PROVINCE: 'Provincial level (cấp tỉnh)',
  DISTRICT: 'District level, until 30 June 2025 (cấp huyện)',
  COMMUNE: 'Commune level (cấp xã)',
} as const;

export const PLAN_DOCUMENT_KINDS = {
  PLAN: 'Plan (kế hoạch)',
  PROGRAMME: 'Coordination programme (chương trình phối hợp)',
  INSTRUCTION: 'Instruction implementing the plan (hướng dẫn, công văn triển khai)',
} as const;

/** A document's number and symbol as written: digits, then a symbol (45/KH-HPN, 12/KH-MTTQ-BTT); never a sentence. */
export const DOCUMENT_NUMBER = /^[0-9]{1,6}[\p{L}0-9/.\- ]{0,50}$/u;

export const implementingPlanKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  return defineKind({
    org,
    type: `${P}ImplementingPlan`,
    table: 'implementing_plans',
    slug: 'implementing-plan',
    description: `A plan one of the ${o.nameEn}'s branches issued to carry out Plan 155 (kế hoạch triển khai, section V.2): number and symbol, date, issuing body and level.`,
    nounVi: 'kế hoạch triển khai',
    list: `${org}ImplementingPlans`,
    create: `record${P}ImplementingPlan`,
    one: `${org}ImplementingPlan`,
    filters: ['planLevel'],
    visibility: 'monitored',
    fields: {
      unitId: field.unit({
        label: 'Đơn vị ban hành',
        description: "The unit of the issuing branch (đơn vị ban hành): the province, a district (until 30/6/2025) or a commune, on the plan's date.",
        levels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
      }),
      issuedOn: field.date({ label: 'Ngày ban hành', description: 'Date of issue (ngày ban hành).' }),
      documentNumber: field.text({
        label: 'Số, ký hiệu',
        description: 'Number and symbol as written on the document, e.g. 45/KH-HPN (số, ký hiệu).',
        max: 60,
      }),
      issuingBody: field.text({
        label: 'Cơ quan ban hành',
        description: 'The body that issued it, e.g. Hội LHPN huyện Thuận Châu (cơ quan ban hành).',
        max: 200,
      }),
      planLevel: field.oneOf({
        label: 'Cấp',
        description: "Its level (cấp): the issuing unit's, derived.",
        enumType: 'ImplementingPlanLevel',
        catalogue: PLAN_LEVELS,
        derived: true,
      }),
      documentKind: field.oneOf({
        label: 'Loại văn bản',
        description: 'Kind of document (loại văn bản).',
        enumType: 'ImplementingPlanKind',
        catalogue: PLAN_DOCUMENT_KINDS,
        default: 'PLAN',
      }),
      title: field.text({ label: 'Trích yếu', description: 'Its title in a line (trích yếu).', max: 1000 }),
      implements: field.text({
        label: 'Thực hiện văn bản',
        description: 'The plan it carries out, by number and symbol (thực hiện văn bản); default the provincial plan 155/KH-MTTQ-CAT.',
        max: 60,
        default: '155/KH-MTTQ-CAT',
      }),
    },
    dateField: 'issuedOn',
    unitField: 'unitId',
    derive: (v) => {
      const level = v.unitId ? territory().unit(v.unitId)?.level : undefined;
      return { planLevel: level && level !== 'RESIDENTIAL_AREA' ? level : undefined };
    },
    check: (v, c) => {
      for (const k of ['documentNumber', 'implements'] as const)
        if (v[k] && !DOCUMENT_NUMBER.test(v[k]))
          c.problems.add(
            c.at(k),
            `${k === 'documentNumber' ? 'Số, ký hiệu' : 'Thực hiện văn bản'}: cần số và ký hiệu văn bản, ví dụ 45/KH-HPN.`,
            'INVALID_DOCUMENT_NUMBER',
          );
    },
    unique: {
      key: (v) => (v.unitId && v.documentNumber && v.issuedOn ? `${v.unitId}|${v.issuedOn.slice(0, 4)}|${v.documentNumber.toUpperCase()}` : null),
      message: (id) => `Kế hoạch có số, ký hiệu này đã được ghi nhận trong năm (${id}): sửa bản ghi đó thay vì ghi thêm.`,
      field: 'documentNumber',
    },
    reportDetail: (rows) => (rows.length ? rows.map((r) => `Kế hoạch số ${String(r.documentNumber)} ngày ${fmtDate(String(r.issuedOn))}`).join('; ') : null),
    example: {
      unitId: 'district:119@2019',
      issuedOn: '2021-06-20',
      documentNumber: '45/KH-BTT',
      issuingBody: 'Ban Thường trực huyện Thuận Châu',
      title: 'Triển khai Kế hoạch 155 trên địa bàn huyện.',
    },
    exampleChange: { title: 'Triển khai thực hiện Kế hoạch 155 trên địa bàn huyện.' },
  });
});
