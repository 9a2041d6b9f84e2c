/**
 * The steering committees for crime prevention, social evils and the movement (Ban Chỉ đạo phòng, chống
 * tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ ANTQ) at each level: province, district
 * (until the district level ended on 30 June 2025) and commune. The police are their standing agency (cơ
 * quan thường trực: STEERING_STANDING_AGENCY in @antt/auth) and keep their records here, as kinds of the
 * record framework, so that corrections, voids and history are the framework's.
 *
 * Membership is versioned by date, nothing overwritten: a consolidation (kiện toàn) is a decision with
 * its number and date; each member's record names the consolidation that appointed them and, once a
 * later one replaced them, the one that ended their membership (a correction with a reason, so the
 * earlier standing stays in the record's history). `policeSteeringCommittee(unitId, on)` reads the
 * committee as it stood on a day.
 */
import { defineKind, field, fmtDate, type RecordKind } from '@antt/subgraph-kit';

const COMMITTEE_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;

const committeeUnit = (what: string) =>
  field.unit({
    label: 'Cấp Ban Chỉ đạo',
    description: `The unit whose steering committee ${what} (tỉnh, huyện đến 30/6/2025, xã): it must exist on the record's date.`,
    levels: COMMITTEE_LEVELS,
  });

const decisionNumber = (label: string, description: string, required = true) =>
  field.text({ label, description: `${description} As written on the document, e.g. 12/QĐ-UBND (số, ký hiệu).`, max: 60, required });

/** A decision number as written: digits, then a symbol (12/QĐ-UBND, 45/QĐ-BCĐ); never a sentence. */
function checkNumber(v: string | null, at: string, label: string, add: (at: string, m: string, r: string) => void) {
  if (v && !/^[0-9]{1,6}[\p{L}0-9/.\- ]{0,50}$/u.test(v)) add(at, `${label}: cần số và ký hiệu văn bản, ví dụ 12/QĐ-UBND.`, 'INVALID_DOCUMENT_NUMBER');
}

export const steeringConsolidations: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceSteeringConsolidation',
  table: 'steering_consolidations',
  slug: 'steering-consolidation',
  description:
    "A consolidation of a steering committee (kiện toàn Ban Chỉ đạo): the decision that sets or changes its membership, with its number and date. Members name the consolidation that appointed them and the one that ended their membership. The police keep it as the committee's standing agency.",
  nounVi: 'quyết định kiện toàn Ban Chỉ đạo',
  list: 'policeSteeringConsolidations',
  create: 'recordPoliceSteeringConsolidation',
  one: 'policeSteeringConsolidation',
  visibility: 'steering',
  fields: {
    unitId: committeeUnit('was consolidated'),
    decidedOn: field.date({ label: 'Ngày quyết định', description: 'Date of the decision (ngày ký quyết định kiện toàn).' }),
    decisionNumber: decisionNumber('Số quyết định', 'Number and symbol of the decision (số, ký hiệu quyết định).'),
    issuedBy: field.text({
      label: 'Cơ quan ban hành',
      description: 'Who issued the decision, e.g. Ủy ban nhân dân tỉnh Sơn La (cơ quan ban hành).',
      max: 200,
    }),
    summary: field.text({
      label: 'Trích yếu',
      description: 'What the decision says, in a line (trích yếu); without personal details.',
      max: 1000,
      required: false,
    }),
  },
  dateField: 'decidedOn',
  unitField: 'unitId',
  check: (v, c) => checkNumber(v.decisionNumber, c.at('decisionNumber'), 'Số quyết định', (a, m, r) => c.problems.add(a, m, r)),
  unique: {
    key: (v) => (v.unitId && v.decisionNumber ? `${v.unitId}|${v.decisionNumber.toUpperCase()}` : null),
    message: (id) => `Quyết định kiện toàn này đã được ghi nhận (${id}): sửa bản ghi đó thay vì ghi thêm.`,
    field: 'decisionNumber',
  },
  reportDetail: (rows) =>
    rows.length
      ? `Đã kiện toàn: ${rows.map((r) => `Quyết định số ${String(r.decisionNumber)} ngày ${fmtDate(String(r.decidedOn))}`).join('; ')}`
      : 'Chưa kiện toàn trong kỳ',
  example: {
    unitId: 'province:14',
    decidedOn: '2021-03-05',
    decisionNumber: '512/QĐ-UBND',
    issuedBy: 'Ủy ban nhân dân tỉnh Sơn La',
    summary: 'Kiện toàn Ban Chỉ đạo tỉnh.',
  },
  exampleChange: { summary: 'Kiện toàn Ban Chỉ đạo phòng, chống tội phạm tỉnh.' },
});

/** A member's place in the committee (vai trò trong Ban Chỉ đạo). */
export const STEERING_ROLES = {
  HEAD: 'Head (Trưởng ban)',
  DEPUTY_HEAD: 'Deputy head (Phó Trưởng ban)',
  STANDING_MEMBER: 'Standing member (Ủy viên thường trực)',
  MEMBER: 'Member (Ủy viên)',
} as const;

export const steeringMembers: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceSteeringMember',
  table: 'steering_members',
  slug: 'steering-member',
  description:
    'A member of a steering committee for a span of time (thành viên Ban Chỉ đạo): appointed by one consolidation and, once replaced, ended by another; the name is personal data. The committee on a day: policeSteeringCommittee.',
  nounVi: 'thành viên Ban Chỉ đạo',
  list: 'policeSteeringMembers',
  create: 'recordPoliceSteeringMember',
  visibility: 'steering',
  filters: ['committeeRole'],
  fields: {
    appointedById: field.record({
      label: 'Quyết định bổ nhiệm',
      description: 'The consolidation that made them a member (quyết định kiện toàn).',
      kind: () => steeringConsolidations,
      children: { field: 'appointed', description: 'The members this consolidation appointed.' },
    }),
    unitId: field.unit({
      label: 'Cấp Ban Chỉ đạo',
      description: "The committee's unit: the appointing consolidation's.",
      levels: COMMITTEE_LEVELS,
      derived: true,
    }),
    fromDate: field.date({ label: 'Ngày bắt đầu', description: 'First day of membership (từ ngày): not before the appointing decision.' }),
    fullName: field.text({ label: 'Họ và tên', description: 'Full name (họ và tên): personal data.', max: 120, dataClass: 'PERSONAL' }),
    position: field.text({ label: 'Chức vụ', description: 'Position held in their own body, e.g. Phó Chủ tịch UBND tỉnh (chức vụ).', max: 200 }),
    representing: field.text({
      label: 'Cơ quan, tổ chức',
      description: 'The body or organization they represent, e.g. Công an tỉnh, Hội Nông dân tỉnh (cơ quan, tổ chức đại diện).',
      max: 200,
    }),
    committeeRole: field.oneOf({
      label: 'Vai trò',
      description: 'Their place in the committee (vai trò).',
      enumType: 'SteeringRole',
      catalogue: STEERING_ROLES,
    }),
    endedById: field.record({
      label: 'Quyết định thôi làm thành viên',
      description: 'The later consolidation that ended the membership (quyết định thôi), null while a member.',
      kind: () => steeringConsolidations,
      required: false,
    }),
    toDate: field.date({ label: 'Ngày thôi', description: 'Last day of membership (đến ngày), null while a member.', required: false }),
  },
  dateField: 'fromDate',
  unitField: 'unitId',
  derive: (v, c) => ({ unitId: v.appointedById ? (c.lookup(steeringConsolidations, v.appointedById)?.unitId ?? undefined) : undefined }),
  check: (v, c) => {
    const by = c.lookup(steeringConsolidations, v.appointedById);
    if (by && v.fromDate < (by.decidedOn as string))
      c.problems.add(c.at('fromDate'), `Ngày bắt đầu trước ngày quyết định kiện toàn (${fmtDate(by.decidedOn as string)}).`, 'DATE_BEFORE_DECISION');
    if (!!v.endedById !== !!v.toDate)
      c.problems.add(c.at(v.endedById ? 'toDate' : 'endedById'), 'Thôi làm thành viên: cần cả quyết định và ngày thôi.', 'REQUIRED');
    if (v.toDate && v.toDate < v.fromDate) c.problems.add(c.at('toDate'), 'Ngày thôi trước ngày bắt đầu.', 'DATE_BEFORE_START');
    const end = v.endedById ? c.lookup(steeringConsolidations, v.endedById) : null;
    if (end && by && end.unitId !== by.unitId)
      c.problems.add(c.at('endedById'), 'Quyết định thôi phải là quyết định kiện toàn của cùng Ban Chỉ đạo.', 'OTHER_COMMITTEE');
    if (end && by && (end.decidedOn as string) < (by.decidedOn as string))
      c.problems.add(c.at('endedById'), 'Quyết định thôi phải sau quyết định bổ nhiệm.', 'DATE_BEFORE_DECISION');
  },
  example: {
    appointedById: '(made from the consolidation kind)',
    fromDate: '2021-03-05',
    fullName: 'Nguyễn Văn A',
    position: 'Phó Chủ tịch UBND tỉnh',
    representing: 'Ủy ban nhân dân tỉnh',
    committeeRole: 'HEAD',
  },
  exampleChange: { position: 'Chủ tịch UBND tỉnh' },
});

export const STEERING_MEETING_KINDS = {
  REGULAR: 'Regular meeting (họp định kỳ)',
  EXTRAORDINARY: 'Extraordinary meeting (họp đột xuất)',
  REVIEW: 'Review conference, sơ kết or tổng kết (hội nghị sơ kết, tổng kết)',
} as const;

export const steeringMeetings: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceSteeringMeeting',
  table: 'steering_meetings',
  slug: 'steering-meeting',
  description: 'A meeting of a steering committee (cuộc họp Ban Chỉ đạo): when, what kind, how many members attended, what it concluded.',
  nounVi: 'cuộc họp Ban Chỉ đạo',
  list: 'policeSteeringMeetings',
  create: 'recordPoliceSteeringMeeting',
  one: 'policeSteeringMeeting',
  visibility: 'steering',
  fields: {
    unitId: committeeUnit('met'),
    heldOn: field.date({ label: 'Ngày họp', description: 'Day of the meeting (ngày họp).' }),
    meetingKind: field.oneOf({
      label: 'Loại cuộc họp',
      description: 'Kind of meeting (loại cuộc họp).',
      enumType: 'SteeringMeetingKind',
      catalogue: STEERING_MEETING_KINDS,
    }),
    membersPresent: field.count({ label: 'Số thành viên dự họp', description: 'Members present (số thành viên dự họp).', max: 200 }),
    agenda: field.text({ label: 'Nội dung', description: 'What was discussed (nội dung cuộc họp).', max: 2000 }),
    conclusions: field.text({ label: 'Kết luận', description: 'What the meeting concluded (kết luận).', max: 4000, required: false }),
  },
  dateField: 'heldOn',
  unitField: 'unitId',
  example: { unitId: 'province:14', heldOn: '2021-04-15', meetingKind: 'REGULAR', membersPresent: 18, agenda: 'Triển khai Kế hoạch 155.' },
  exampleChange: { membersPresent: 19 },
});

export const STEERING_DECISION_KINDS = {
  PLAN: 'Plan (kế hoạch)',
  DIRECTIVE: 'Directive or instruction (chỉ thị, văn bản chỉ đạo)',
  ASSIGNMENT: 'Assignment of duties to members (phân công nhiệm vụ)',
  CONCLUSION: 'Notice of conclusions (thông báo kết luận)',
  OTHER: 'Other decision (quyết định khác)',
} as const;

export const steeringDecisions: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceSteeringDecision',
  table: 'steering_decisions',
  slug: 'steering-decision',
  description:
    'A decision or instruction a steering committee issued (văn bản, quyết định của Ban Chỉ đạo), with its number and date, and the meeting it came from, if any.',
  nounVi: 'văn bản của Ban Chỉ đạo',
  list: 'policeSteeringDecisions',
  create: 'recordPoliceSteeringDecision',
  visibility: 'steering',
  fields: {
    unitId: committeeUnit('issued it'),
    issuedOn: field.date({ label: 'Ngày ban hành', description: 'Day it was issued (ngày ban hành).' }),
    documentNumber: decisionNumber('Số văn bản', 'Number and symbol (số, ký hiệu văn bản).'),
    decisionKind: field.oneOf({
      label: 'Loại văn bản',
      description: 'Kind of document (loại văn bản).',
      enumType: 'SteeringDecisionKind',
      catalogue: STEERING_DECISION_KINDS,
    }),
    subject: field.text({ label: 'Trích yếu', description: 'What it decides, in a line (trích yếu).', max: 1000 }),
    meetingId: field.record({
      label: 'Cuộc họp',
      description: 'The meeting it came from, if any (cuộc họp).',
      kind: () => steeringMeetings,
      required: false,
      children: { field: 'decisions', description: 'Documents issued after this meeting.' },
    }),
  },
  dateField: 'issuedOn',
  unitField: 'unitId',
  check: (v, c) => {
    checkNumber(v.documentNumber, c.at('documentNumber'), 'Số văn bản', (a, m, r) => c.problems.add(a, m, r));
    const m = v.meetingId ? c.lookup(steeringMeetings, v.meetingId) : null;
    if (m && m.unitId !== v.unitId) c.problems.add(c.at('meetingId'), 'Cuộc họp phải là của cùng Ban Chỉ đạo.', 'OTHER_COMMITTEE');
    if (m && v.issuedOn < (m.heldOn as string))
      c.problems.add(c.at('issuedOn'), `Ngày ban hành trước ngày họp (${fmtDate(m.heldOn as string)}).`, 'DATE_BEFORE_MEETING');
  },
  example: {
    unitId: 'province:14',
    issuedOn: '2021-04-20',
    documentNumber: '07/TB-BCĐ',
    decisionKind: 'CONCLUSION',
    subject: 'Thông báo kết luận cuộc họp quý II.',
  },
  exampleChange: { subject: 'Thông báo kết luận cuộc họp Ban Chỉ đạo quý II.' },
});

export const steeringKinds: readonly RecordKind[] = [steeringConsolidations, steeringMembers, steeringMeetings, steeringDecisions];
