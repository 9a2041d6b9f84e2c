/**
 * The farmers' association's own kinds of record: the close-out results of Plan 447 and campaigns among
 * members. The duties it shares with other organizations come from packages/casework; activities (its
 * trainings among them), models, forums and opinions from packages/subgraph-kit.
 */
import { real } from 'drizzle-orm/sqlite-core';
import { defineKind, field, type FieldSpec } from '@antt/subgraph-kit';

/**
 * An amount that may be a share or a sum of money, so not only a whole number (the framework's
 * field.count is whole numbers only): 0 or more, at most a million million, stored as a REAL.
 */
function amount(o: { label: string; description: string }): FieldSpec<number, true> {
  const whole = field.count({ ...o, max: 1 });
  return {
    ...whole,
    gqlType: 'Float',
    column: (n) => real(n),
    parse(v, at, p) {
      if (v === null || v === undefined) return void p.add(at, `${o.label} không được để trống.`, 'REQUIRED');
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return void p.add(at, `${o.label} phải là số không âm.`, 'NEGATIVE');
      if (v > 1e12) return void p.add(at, `${o.label} quá lớn.`, 'TOO_LARGE');
      return v;
    },
  };
}

/** One target of Plan 447/KH-CAT-HND (2017-2021) and what was achieved, as reported at its close-out. */
export const plan447Results = defineKind({
  org: 'farmers',
  type: 'FarmersPlan447Result',
  table: 'farmers_plan447_results',
  slug: 'plan447-result',
  description:
    'One target of Plan 447/KH-CAT-HND (2017-2021), which the association ran with the police, and what was achieved, as reported at its close-out in 2021 (tổng kết Kế hoạch 447).',
  nounVi: 'chỉ tiêu Kế hoạch 447',
  list: 'farmersPlan447Results',
  create: 'recordFarmersPlan447Result',
  fields: {
    reportedOn: field.date({ label: 'Ngày báo cáo tổng kết', description: 'Day of the close-out report (ngày báo cáo tổng kết); not in the future.' }),
    unitId: field.unit({
      label: 'Đơn vị báo cáo',
      description: 'Province, district or commune reported for, as it was on that day (đơn vị).',
      levels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
    }),
    indicator: field.text({ label: 'Chỉ tiêu', description: 'The target (chỉ tiêu).', max: 300 }),
    unitOfMeasure: field.text({ label: 'Đơn vị tính', description: 'Unit of measure (đơn vị tính), e.g. buổi, hội viên, %.', max: 50 }),
    target: amount({ label: 'Chỉ tiêu kế hoạch', description: 'Planned (kế hoạch), 0 or more.' }),
    achieved: amount({ label: 'Kết quả thực hiện', description: 'Achieved (thực hiện), 0 or more.' }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'reportedOn',
  unitField: 'unitId',
  branch: true,
  example: {
    reportedOn: '2021-11-25',
    unitId: 'commune:03730@2019',
    indicator: 'Buổi tuyên truyền phối hợp với Công an',
    unitOfMeasure: 'buổi',
    target: 40,
    achieved: 46,
  },
  exampleChange: { achieved: 38.5, note: 'Đính chính theo biên bản tổng kết' },
  counts: {
    field: 'plan447',
    type: 'FarmersPlan447Summary',
    description: 'The close-out of Plan 447/KH-CAT-HND in a unit, in counts.',
    countDescription: 'Targets reported in the period.',
  },
});

/** A campaign among members (cuộc vận động hội viên): not breaking the law, denouncing crime... */
export const campaigns = defineKind({
  org: 'farmers',
  type: 'FarmersCampaign',
  table: 'farmers_campaigns',
  slug: 'campaign',
  description: 'A campaign among members (cuộc vận động hội viên), e.g. not breaking the law, denouncing crime. It counts in the period it started in.',
  nounVi: 'cuộc vận động',
  list: 'farmersCampaigns',
  create: 'recordFarmersCampaign',
  fields: {
    name: field.text({ label: 'Tên cuộc vận động', description: 'Name (tên cuộc vận động), e.g. Hội viên nông dân không vi phạm pháp luật.', max: 300 }),
    startedOn: field.date({ label: 'Ngày bắt đầu', description: 'Day it started (ngày bắt đầu); not in the future.' }),
    endedOn: field.date({ label: 'Ngày kết thúc', description: 'Day it ended (ngày kết thúc); null while it goes on.', required: false }),
    unitId: field.unit({
      label: 'Đơn vị',
      description: 'Unit where it ran, as it was when it started (đơn vị).',
      levels: ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'],
    }),
    membersReached: field.count({ label: 'Số hội viên được vận động', description: 'Members reached (số hội viên được vận động).' }),
    pledgesSigned: field.count({ label: 'Số bản cam kết', description: 'Commitments signed (số bản cam kết).' }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'startedOn',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    if (v.endedOn && v.endedOn < v.startedOn) c.problems.add(c.at('endedOn'), 'Ngày kết thúc không được trước ngày bắt đầu.', 'DATE_BEFORE_START');
  },
  example: {
    name: 'Hội viên nông dân không vi phạm pháp luật',
    startedOn: '2021-03-01',
    unitId: 'commune:03730@2019',
    membersReached: 300,
    pledgesSigned: 250,
  },
  exampleChange: { endedOn: '2021-06-01', pledgesSigned: 260 },
  counts: {
    field: 'campaigns',
    type: 'FarmersCampaignSummary',
    description: 'Campaigns among members started in a unit and period, in counts.',
    countDescription: 'Campaigns started.',
    sums: {
      membersReached: { of: 'membersReached', description: 'Members reached.' },
      pledgesSigned: { of: 'pledgesSigned', description: 'Commitments signed.' },
    },
  },
});

/** Every kind the farmers' association keeps through the record framework. */
export const kinds = [plan447Results, campaigns];
