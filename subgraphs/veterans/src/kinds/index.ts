/**
 * The veterans' association's own kinds of record. The duties it shares with other organizations come
 * from packages/casework; activities, models, forums and opinions from packages/subgraph-kit.
 */
import { defineKind, field } from '@antt/subgraph-kit';

/** Patrols and guard duty veterans took part in (tuần tra, canh gác). */
export const patrols = defineKind({
  org: 'veterans',
  type: 'VeteransPatrol',
  table: 'veterans_patrols',
  slug: 'patrol',
  description:
    'A patrol or guard duty veterans took part in (tuần tra, canh gác): the team, how many members, what was found and how much of it was handed to the police. The receipts of what was handed over are kept as VeteransTipHandover records; the content stays with the police.',
  nounVi: 'ca tuần tra',
  list: 'veteransPatrols',
  create: 'recordVeteransPatrol',
  fields: {
    date: field.date({ label: 'Ngày tuần tra', description: 'Day of the patrol (ngày tuần tra); not in the future.' }),
    unitId: field.unit({
      label: 'Địa bàn tuần tra',
      description: 'Commune or residential area patrolled, as it was on that day (địa bàn).',
      levels: ['COMMUNE', 'RESIDENTIAL_AREA'],
    }),
    team: field.text({ label: 'Tên tổ tuần tra', description: 'The patrol team (tổ tuần tra), e.g. Tổ CCB tự quản bản Nà Sản.', max: 200 }),
    members: field.count({ label: 'Số hội viên tham gia', description: 'Members taking part (số hội viên tham gia), 1 or more.', min: 1, max: 500 }),
    incidentsFound: field.count({ label: 'Số vụ việc phát hiện', description: 'Incidents found (số vụ việc phát hiện).', max: 1000 }),
    findings: field.text({
      label: 'Nội dung phát hiện',
      description: 'What was found, without the names of the people concerned (required when something was).',
      max: 2000,
      required: false,
    }),
    handedToPolice: field.count({
      label: 'Số vụ việc bàn giao cho Công an',
      description: 'Of the incidents, how many were handed to the police (bàn giao cho Công an).',
      max: 1000,
    }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'date',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    if (v.handedToPolice > v.incidentsFound)
      c.problems.add(c.at('handedToPolice'), 'Số vụ việc bàn giao cho Công an không được nhiều hơn số vụ việc phát hiện.', 'MORE_THAN_TOTAL');
    if (v.incidentsFound > 0 && !v.findings)
      c.problems.add(c.at('findings'), 'Đã phát hiện vụ việc: hãy ghi nội dung phát hiện (không ghi họ tên người liên quan).', 'REQUIRED');
  },
  example: {
    date: '2021-04-01',
    unitId: 'commune:03730@2019',
    team: 'Tổ CCB tự quản bản Nà Sản',
    members: 5,
    incidentsFound: 1,
    findings: 'Nhóm thanh niên tụ tập gây mất trật tự',
    handedToPolice: 1,
  },
  exampleChange: { members: 6, note: 'Bổ sung một hội viên tham gia' },
  counts: {
    field: 'patrols',
    type: 'VeteransPatrolSummary',
    description: 'Patrols and guard duty in a unit and period, in counts.',
    countDescription: 'Patrols (số ca tuần tra).',
    sums: {
      memberTurns: { of: 'members', description: 'Member-turns: members taking part, added up over the patrols (lượt hội viên).' },
      incidentsFound: { of: 'incidentsFound', description: 'Incidents found.' },
      handedToPolice: { of: 'handedToPolice', description: 'Incidents handed to the police.' },
    },
  },
});

/** Forums condemning law-breaking (diễn đàn lên án hành vi vi phạm pháp luật). */
export const condemnationForums = defineKind({
  org: 'veterans',
  type: 'VeteransCondemnationForum',
  table: 'veterans_condemnation_forums',
  slug: 'condemnation-forum',
  description: 'A forum condemning law-breaking (diễn đàn lên án hành vi vi phạm pháp luật), held by veterans.',
  nounVi: 'diễn đàn',
  list: 'veteransCondemnationForums',
  create: 'recordVeteransCondemnationForum',
  fields: {
    date: field.date({ label: 'Ngày tổ chức diễn đàn', description: 'Day it was held (ngày tổ chức); not in the future.' }),
    unitId: field.unit({
      label: 'Địa bàn',
      description: 'Commune or residential area, as it was on that day (địa bàn).',
      levels: ['COMMUNE', 'RESIDENTIAL_AREA'],
    }),
    topic: field.text({ label: 'Chủ đề diễn đàn', description: 'Topic (chủ đề), e.g. Lên án hành vi buôn bán ma túy.', max: 300 }),
    attendance: field.count({ label: 'Số người dự', description: 'People attending (số người dự), 1 or more.', min: 1, max: 100_000 }),
    pledges: field.count({
      label: 'Số bản cam kết',
      description: 'Commitments not to break the law signed at the forum (số bản cam kết), not more than the people attending.',
      max: 100_000,
    }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'date',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    if (v.pledges > v.attendance) c.problems.add(c.at('pledges'), 'Số bản cam kết không được nhiều hơn số người dự.', 'MORE_THAN_TOTAL');
  },
  example: { date: '2021-04-01', unitId: 'commune:03730@2019', topic: 'Lên án hành vi trộm cắp tài sản', attendance: 80, pledges: 60 },
  exampleChange: { pledges: 65 },
  counts: {
    field: 'condemnationForums',
    type: 'VeteransCondemnationForumSummary',
    description: 'Forums condemning law-breaking in a unit and period, in counts.',
    countDescription: 'Forums held.',
    sums: {
      attendance: { of: 'attendance', description: 'People attending, added up.' },
      pledges: { of: 'pledges', description: 'Commitments signed.' },
    },
  },
});

/** Every kind the veterans keep through the record framework. */
export const kinds = [patrols, condemnationForums];
