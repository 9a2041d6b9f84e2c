/**
 * A report version (phiên bản báo cáo), declared with the record framework and made for each
 * organization (`WomenReport`): one record per version of a branch's report on a period. The workflow
 * (submit, return, approve, accept) changes a version only through the framework's corrections, so that
 * who did what and when stays in its history; a new version of the report (a rework after a return, or
 * after a record in its period changed once it was approved) is a new record with the next
 * `reportVersion`. The framework's generic mutations refuse report versions (workflow.ts): they change
 * only through the workflow mutations.
 */
import { ORGANIZATIONS, addDays } from '@antt/reference';
import { defineKind, perOrganization } from '../records/kind.js';
import { field } from '../records/fields.js';
import { REPORT_CALENDAR_CATALOGUE, dueDateOf, reportPeriod } from './calendar.js';

export const REPORT_STAGES = {
  SUBMITTED: 'Submitted, waiting for the level above to approve it (đã gửi, chờ cấp trên duyệt)',
  RETURNED: 'Returned for rework with a comment, by the level above or a consolidator (trả lại để hoàn thiện)',
  APPROVED: 'Approved by the level above: its figures are locked (đã duyệt, khóa số liệu)',
  ACCEPTED: 'Accepted by both the provincial police (PV05) and the Front (Ban Phong trào): final (đã tiếp nhận, chính thức)',
} as const;
export type ReportStage = keyof typeof REPORT_STAGES;

export const REPORT_TEXT_MAX = 20000;
/** Figures are kept as JSON; a report of every kind of an organization stays far below this. */
export const REPORT_FIGURES_MAX = 400000;

export const reportKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const text = (label: string, description: string, max = REPORT_TEXT_MAX) => field.text({ label, description, max, required: false });
  return defineKind({
    org,
    type: `${P}Report`,
    table: 'reports',
    slug: 'report',
    description: `One version of a report the ${o.nameEn}'s branch sent up its chain on a period (phiên bản báo cáo): its figures by section of the plan, its narrative, and where it stands in the workflow (submitted, returned, approved, accepted by the police and the Front).`,
    nounVi: 'báo cáo',
    list: `${org}ReportVersions`,
    create: `record${P}ReportVersion`,
    one: `${org}ReportVersion`,
    filters: ['periodId', 'stage'],
    fields: {
      unitId: field.unit({
        label: 'Đơn vị báo cáo',
        description: 'The unit of the reporting branch (đơn vị báo cáo).',
        levels: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
      }),
      periodId: field.code({
        label: 'Kỳ báo cáo',
        description: 'The period reported on, e.g. 2021-PLAN-6M (kỳ báo cáo).',
        id: true,
        check: (v, at, p) => {
          if (!reportPeriod(v))
            p.add(
              at,
              'không phải kỳ báo cáo (tháng 2021-05, quý 2021-Q2, 6 tháng 2021-PLAN-6M hoặc 2021-PLAN-6M2, năm 2021-PLAN-Y, sơ kết 2021-SO-KET, tổng kết PLAN155-TONG-KET, tổng kết 10 năm P09-TONG-KET-10-NAM).',
              'UNKNOWN_PERIOD',
            );
        },
      }),
      periodEnd: field.date({
        label: 'Ngày cuối kỳ',
        description: "The period's last day (ngày cuối kỳ): the unit is read on the map in force that day.",
        derived: true,
      }),
      calendar: field.oneOf({
        label: 'Loại báo cáo',
        description: 'Kind of report (loại báo cáo).',
        enumType: 'ReportCalendar',
        catalogue: REPORT_CALENDAR_CATALOGUE,
        derived: true,
      }),
      dueDate: field.date({ label: 'Hạn gửi', description: 'Due date (hạn gửi): on time when first submitted on or before it.', derived: true, future: true }),
      reportVersion: field.count({
        label: 'Phiên bản',
        description: 'Version of the report (phiên bản báo cáo): 1 for the first submission, one more for each rework.',
        min: 1,
      }),
      stage: field.oneOf({
        label: 'Trạng thái báo cáo',
        description: 'Where the version stands in the workflow (trạng thái báo cáo).',
        enumType: 'ReportStage',
        catalogue: REPORT_STAGES,
      }),
      submittedOn: field.date({ label: 'Ngày gửi', description: 'Day this version was submitted (ngày gửi).' }),
      results: text('Kết quả', "Results achieved, in the staff's words (kết quả đạt được)."),
      shortcomings: text('Tồn tại, hạn chế', 'Shortcomings and their causes (tồn tại, hạn chế, nguyên nhân).'),
      proposals: text('Đề xuất, kiến nghị', 'Proposals and requests (đề xuất, kiến nghị).'),
      cause: text(
        'Lý do lập phiên bản',
        'Why this version was made (lý do lập phiên bản): a rework after a return, or a record in its period created, corrected or voided after approval.',
        2000,
      ),
      figures: text('Số liệu', 'The figures by section of the plan, as JSON (số liệu); read them through `sections`.', REPORT_FIGURES_MAX),
      figuresAsOf: text('Thời điểm số liệu', 'The instant the figures were read as of (asRecordedAt): the submission, then the lock on approval.', 40),
      lockedAt: text('Thời điểm khóa', 'When approval locked the figures (thời điểm khóa số liệu); null before approval.', 40),
      approvedBy: text('Người duyệt', 'Who approved it at the level above (user id).', 200),
      // The name of an official approving in their official capacity: the document every recipient reads
      // carries it under the signature (Decree 30/2020), so it is kept at the record's class, not PERSONAL.
      approvedByName: text(
        'Tên người duyệt',
        "The approver's name as their token gave it when they approved (họ tên người duyệt), printed under the signature.",
        200,
      ),
      returnedBy: text('Người trả lại', 'Who returned it (user id).', 200),
      returnComment: text('Ý kiến trả lại', 'Why it was returned, what to rework (ý kiến trả lại).', 2000),
      policeAcceptedBy: text('Công an tiếp nhận', "Who accepted it for the provincial police's PV05 (user id).", 200),
      policeAcceptedAt: text('Thời điểm Công an tiếp nhận', 'When the police accepted it.', 40),
      frontAcceptedBy: text('Mặt trận tiếp nhận', "Who accepted it for the Front's Ban Phong trào (user id).", 200),
      frontAcceptedAt: text('Thời điểm Mặt trận tiếp nhận', 'When the Front accepted it.', 40),
    },
    dateField: 'periodEnd',
    unitField: 'unitId',
    derive: (v) => {
      const p = typeof v.periodId === 'string' ? reportPeriod(v.periodId) : null;
      return p ? { periodEnd: p.end, calendar: p.calendar, dueDate: dueDateOf(p) } : {};
    },
    check: (v, c) => {
      const p = typeof v.periodId === 'string' ? reportPeriod(v.periodId) : null;
      if (p && v.submittedOn && v.submittedOn < p.start)
        c.problems.add(c.at('submittedOn'), `Ngày gửi trước ngày đầu kỳ (${addDays(p.start, 0)}).`, 'BEFORE_PERIOD');
    },
    example: {
      unitId: 'commune:03730@2019',
      periodId: '2021-PLAN-6M',
      reportVersion: 1,
      stage: 'SUBMITTED',
      submittedOn: '2021-06-08',
      results: 'Tổ chức 3 buổi tuyên truyền.',
    },
    exampleChange: { results: 'Tổ chức 4 buổi tuyên truyền.' },
  });
});
