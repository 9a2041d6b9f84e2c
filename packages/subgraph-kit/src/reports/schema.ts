/**
 * The reports part of every organization's schema (Plan 155, section IV.4). Each organization's
 * subgraph answers for its own branches' reports (`WomenReport`) and adds its own part
 * (`ConsolidatedReport.women`) to the consolidated report, an entity keyed by unit and period that every
 * subgraph extends, so that one gateway query assembles the province's (or a district's, or a commune's)
 * report from every organization's.
 */
import { gql } from 'graphql-tag';
import type { DocumentNode } from 'graphql';
import { ORGANIZATIONS, ORGANIZATION_IDS, type OrganizationId } from '@antt/reference';

/** Types every subgraph shares verbatim. */
export const sharedReportTypeDefs = gql`
  "Whether a branch's report on a period came in time (tính kịp thời)."
  enum ReportTimeliness {
    "First submitted on or before the due date (đúng hạn)."
    ON_TIME
    "First submitted after the due date (chậm)."
    LATE
    "Not submitted and past the due date (chưa gửi, quá hạn)."
    MISSING
    "Not submitted, not yet due (chưa đến hạn)."
    NOT_YET_DUE
  }

  "Where a set of figures comes from (nguồn số liệu)."
  enum FiguresBasisKind {
    "Read now from the records; they may still change (số liệu trực tiếp)."
    LIVE
    "A report version as submitted, not yet locked by approval (số liệu khi gửi)."
    SUBMITTED
    "A report version locked by approval: the records as they stood at the lock (số liệu đã khóa)."
    LOCKED
  }

  "Which figures a count outside the reports API gives for a period (chọn nguồn số liệu)."
  enum FiguresChoice {
    "The official ones: of the approved report version covering the unit and period, when there is one (its records as they stood at the lock); live otherwise (số liệu chính thức)."
    OFFICIAL
    "Live, read now from the records, even where an approved report covers the period (số liệu hiện hành)."
    LIVE
  }

  "Where a set of figures comes from: live, or report version N locked on a date (nguồn số liệu)."
  type FiguresBasis @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Live, as submitted, or locked."
    kind: FiguresBasisKind!
    "The report version the figures are from (phiên bản báo cáo); null when live."
    reportVersion: Int
    "When approval locked them (thời điểm khóa); null unless locked."
    lockedAt: DateTime
    "The instant the records were read as of (asRecordedAt)."
    asOf: DateTime!
    "The same in words, in Vietnamese (ghi chú nguồn số liệu)."
    noteVi: String!
  }

  "One figure of a report: a count or a total of one kind of record in the period (chỉ tiêu)."
  type ReportFigureValue @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Stable key: <Type>.count, <Type>.<field> (a total) or <Type>.<field>.<VALUE> (a breakdown)."
    key: ID!
    "The type of record counted, e.g. VeteransPatrol (loại hồ sơ)."
    kind: String!
    "What it counts, in Vietnamese (tên chỉ tiêu)."
    labelVi: String!
    "The value (giá trị)."
    value: Int!
    "What the count stands for, in words, when its kind says: e.g. a steering committee consolidated, by which decision, or not (diễn giải); null otherwise."
    detailVi: String
    "True while a report it adds up is not yet accepted by both the police and the Front (số liệu tạm thời)."
    provisional: Boolean!
  }

  "The figures of one section of the plan (II.1 to II.7) in a report (số liệu theo mục của kế hoạch)."
  type ReportSectionFigures @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The section, II.1 to II.7 (mục)."
    id: ID!
    "Its title in Vietnamese (tên mục)."
    titleVi: String!
    "Its title in English."
    titleEn: String!
    "The figures (các chỉ tiêu)."
    figures: [ReportFigureValue!]!
  }

  "Where one branch's report on one period stands: due date, timeliness, versions (tình hình báo cáo của một đơn vị)."
  type ReportStanding @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The organization (tổ chức)."
    organization: Organization!
    "The unit of the reporting branch (đơn vị báo cáo)."
    unit: Unit!
    "The period (kỳ báo cáo)."
    period: Period!
    "The due date (hạn gửi)."
    dueDate: Date!
    "On time, late, missing or not yet due (tính kịp thời)."
    timeliness: ReportTimeliness!
    "Day the first version was submitted (ngày gửi lần đầu)."
    firstSubmittedOn: Date
    "The latest version's number (phiên bản mới nhất)."
    latestVersion: Int
    "Where the latest version stands (trạng thái phiên bản mới nhất)."
    latestStage: ReportStage
    "The version in force: the latest approved one (phiên bản chính thức)."
    officialVersion: Int
    "Whether the version in force was accepted by both the police and the Front (đã tiếp nhận)."
    accepted: Boolean!
  }

  "The formats a report is downloaded in (định dạng văn bản)."
  enum DocumentFormat {
    "Word document, to edit before signing (văn bản Word)."
    DOCX
    "PDF with its fonts embedded, to print and sign (văn bản PDF)."
    PDF
    "Excel workbook of the report's tables, the figures as numbers (bảng tính Excel)."
    XLSX
  }

  "A report rendered as a file in the format of Decree 30/2020/NĐ-CP (tệp văn bản báo cáo)."
  type DocumentFile @shareable @dataClass(class: INTERNAL) {
    "A file name to save it under, ASCII, with its extension (tên tệp)."
    fileName: String!
    "Its media type, e.g. application/pdf (kiểu tệp)."
    mediaType: String!
    "The file's bytes, base64-encoded (nội dung tệp)."
    base64: String!
    "The file's size in bytes, before encoding (dung lượng)."
    byteLength: Int!
  }

  """
  The consolidated report of a unit (the province, a district before 1 July 2025, a commune) on a period
  (báo cáo tổng hợp): every organization adds its own part, from its branches' reports.
  """
  type ConsolidatedReport @key(fields: "unitId periodId") @dataClass(class: INTERNAL) {
    "The unit's id (mã đơn vị)."
    unitId: ID! @shareable
    "The period's id (mã kỳ)."
    periodId: ID! @shareable
    "The unit (đơn vị)."
    unit: Unit @shareable
    "The period (kỳ báo cáo)."
    period: Period @shareable
  }

  extend type Query {
    "The consolidated report of a unit on a period, e.g. province:14 and 2021-PLAN-6M (báo cáo tổng hợp); each organization's part is a field of it."
    consolidatedReport(
      "Unit id: province:14, a district before 1 July 2025, or a commune."
      unitId: ID!
      "Period id: 2021-05, 2021-Q2, 2021-PLAN-6M, 2021-PLAN-6M2 or 2021-PLAN-Y."
      periodId: ID!
    ): ConsolidatedReport @shareable
  }
`;

/** The subgraph that issues the consolidated report as a document: the Front's, joint issuer with the police. */
export const CONSOLIDATED_DOCUMENT_HOST: OrganizationId = 'front';
/**
 * The subgraph that issues it provisionally when the host cannot be reached: the police's, the other
 * consolidator. Never numbered (the joint register is the host's); the parts that did not come in are named.
 */
export const CONSOLIDATED_DOCUMENT_STANDBY: OrganizationId = 'police';

/** The joint document's field, with the other organizations' parts it requires (fetched by the gateway under the caller's identity). */
function consolidatedDocumentField(): string {
  const others = ORGANIZATION_IDS.filter((o) => o !== CONSOLIDATED_DOCUMENT_HOST);
  return `
      """
      The consolidated report as the document the Front's standing committee and the provincial police sign
      jointly (văn bản báo cáo tổng hợp): every organization's part, provisional figures marked (*), and who
      reported on time. An organization whose system cannot be reached is listed as "chưa có số liệu / không
      kết nối được" with the time it was tried; the others' parts still come out. Once every report it adds up
      is accepted and every part came in, the version is numbered once in the joint register of the year
      (số …/BC-MTTQ-CAT). For those who may read every organization's part; each download is audited.
      """
      document("DOCX, PDF or XLSX (định dạng)." format: DocumentFormat!): DocumentFile @requires(fields: "${others.map((o) => `${o}DocumentPart`).join(' ')}")
${others.map((o) => `      "The ${ORGANIZATIONS[o].nameEn}'s part, from its subgraph (phần của ${ORGANIZATIONS[o].nameVi})."\n      ${o}DocumentPart: String @external`).join('\n')}`;
}

/** The standby's field: the same document, provisional and unnumbered, issued from the police's subgraph. */
function provisionalDocumentField(): string {
  const others = ORGANIZATION_IDS.filter((o) => o !== CONSOLIDATED_DOCUMENT_STANDBY);
  const host = ORGANIZATIONS[CONSOLIDATED_DOCUMENT_HOST];
  return `
      """
      The consolidated report as a provisional document issued from the police's system (văn bản tổng hợp tạm
      thời), for when the ${host.nameEn}'s system cannot be reached and \`document\` cannot come out: every
      organization's part that came in, from its reports as they stand (accepted or provisional); a part that
      did not come in (the ${host.nameEn}'s when its system is down) is printed as "chưa có số liệu / không kết
      nối được" with the time it was tried, and the whole is then marked provisional. Never numbered: the joint
      register is kept in the ${host.nameEn}'s system. The same readers as \`document\`; each download is audited.
      """
      provisionalDocument("DOCX, PDF or XLSX (định dạng)." format: DocumentFormat!): DocumentFile @requires(fields: "${others.map((o) => `${o}DocumentPart`).join(' ')}")
${others.map((o) => `      "The ${ORGANIZATIONS[o].nameEn}'s part, from its subgraph (phần của ${ORGANIZATIONS[o].nameVi})."\n      ${o}DocumentPart: String @external`).join('\n')}`;
}

export function reportTypeDefs(org: OrganizationId): DocumentNode {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  return gql`
    extend type ${P}Report {
      "The period (kỳ báo cáo)."
      period: Period!
      "The figures by section of the plan (số liệu theo mục II.1–II.7)."
      sections: [ReportSectionFigures!]!
      "Where the figures come from: this version as submitted, or locked on approval (nguồn số liệu)."
      basis: FiguresBasis!
      "Whether this is the version in force: the latest approved one (phiên bản chính thức)."
      official: Boolean!
      "Whether the report's first version came in time (tính kịp thời)."
      timeliness: ReportTimeliness!
      """
      This version as the document the branch signs (văn bản báo cáo): header, number and symbol (numbered
      on approval), sections II.1–II.7 with their tables, the narrative, provisional figures marked (*) until
      accepted, signature block and "Nơi nhận". For those who may read the report; each download is audited.
      """
      document("DOCX, PDF or XLSX (định dạng)." format: DocumentFormat!): DocumentFile
    }

    "A preview of a branch's report with live figures, before it is submitted (dự thảo báo cáo)."
    type ${P}ReportDraft @dataClass(class: INTERNAL) {
      "The unit of the reporting branch (đơn vị báo cáo)."
      unit: Unit!
      "The period (kỳ báo cáo)."
      period: Period!
      "The due date (hạn gửi)."
      dueDate: Date!
      "The figures by section of the plan, live (số liệu theo mục)."
      sections: [ReportSectionFigures!]!
      "Live figures, read now (nguồn số liệu)."
      basis: FiguresBasis!
    }

    "The ${o.nameEn}'s part of a consolidated report (phần của ${o.nameVi})."
    type ${P}ReportPart @dataClass(class: INTERNAL) {
      "The organization (tổ chức)."
      organization: Organization!
      "The reports added up: for each part of the unit, the report of the branch nearest the top that sent one (báo cáo được tổng hợp)."
      reports: [${P}Report!]!
      "Their figures added up, by section of the plan (số liệu tổng hợp)."
      sections: [ReportSectionFigures!]!
      "True while a report added up is not accepted by both the police and the Front, or none came in (tạm thời)."
      provisional: Boolean!
      "Every branch under the unit that owes a report on the period (tình hình gửi báo cáo)."
      timeliness: [ReportStanding!]!
      "The branches whose report is missing past its due date (chưa gửi)."
      missing: [ReportStanding!]!
      "The branches whose report came late (gửi chậm)."
      late: [ReportStanding!]!
    }

    "What a branch's staff write in its report (phần nhận định)."
    input ${P}ReportNarrativeInput {
      "Results achieved (kết quả đạt được)."
      results: String
      "Shortcomings and their causes (tồn tại, hạn chế)."
      shortcomings: String
      "Proposals and requests (đề xuất, kiến nghị)."
      proposals: String
    }

    extend type ConsolidatedReport @key(fields: "unitId periodId") {
      "The ${o.nameEn}'s part (phần của ${o.nameVi})."
      ${org}: ${P}ReportPart
      "The ${o.nameEn}'s part as the joint document prints it, compressed; for the gateway only (phần của văn bản tổng hợp)."
      ${org}DocumentPart: String @inaccessible
      ${org === CONSOLIDATED_DOCUMENT_HOST ? consolidatedDocumentField() : ''}
      ${org === CONSOLIDATED_DOCUMENT_STANDBY ? provisionalDocumentField() : ''}
    }

    extend type Query {
      "A preview of a branch's report on a period with live figures (xem trước báo cáo): its staff and the levels above."
      ${org}ReportDraft("Unit of the branch." unitId: ID!, "Period id, e.g. 2021-PLAN-6M." periodId: ID!): ${P}ReportDraft
      "Every version of a branch's report on a period, oldest first (các phiên bản báo cáo)."
      ${org}Reports("Unit of the branch." unitId: ID!, "Period id." periodId: ID!): [${P}Report!]!
      "What the caller's branch owes: reports due between two days, with where each stands (báo cáo phải gửi). Default: due from 60 days ago to 45 days ahead."
      ${org}ReportsOwed("First due date." from: Date, "Last due date." to: Date): [ReportStanding!]!
    }

    extend type Mutation {
      "Submit the branch's report on a period (gửi báo cáo): its figures are read now; a second version only after a return."
      submit${P}Report("Unit of the branch." unitId: ID!, "Period id." periodId: ID!, "The narrative parts." input: ${P}ReportNarrativeInput!): ${P}Report
      "Approve a submitted version (duyệt báo cáo): the level above; its figures are locked as the records stand now."
      approve${P}Report("Report version id." id: ID!, "A comment (ý kiến)." comment: String): ${P}Report
      "Return a version for rework with a comment (trả lại báo cáo): the level above, or a consolidator once approved."
      return${P}Report("Report version id." id: ID!, "What to rework, at least 5 characters (ý kiến trả lại)." comment: String!): ${P}Report
      "Accept an approved version for the police (PV05) or the Front (Ban Phong trào) (tiếp nhận báo cáo): final when both have."
      accept${P}Report("Report version id." id: ID!, "A comment (ý kiến)." comment: String): ${P}Report
    }
  `;
}
