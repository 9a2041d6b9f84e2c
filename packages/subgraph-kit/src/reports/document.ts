/**
 * A report version as sections and tables, for the documents layer (packages/documents renders a
 * `ReportDocument` as DOCX, PDF or XLSX): `reportVersionSections` is the one function to wire to it.
 * The shape here is plain data (headings, paragraphs, tables of strings and numbers), so that the
 * documents layer maps it onto its own content model without depending on this package's types.
 */
import { Worker } from 'node:worker_threads';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Identity } from '@antt/auth';
// Types only: the renderers (docx, exceljs, pdfmake, fontkit) are loaded on the first export, not at start
// (loading them cost each subgraph about 0.5 s of CPU and tens of MB at start; issue 17).
import type { Block, Paragraph, ReportDocument, Run, Section as DocSection, Signature, Table } from '@antt/documents';
import {
  ORGANIZATIONS,
  ORGANIZATION_IDS,
  chainOn,
  dmy,
  periodById,
  superiorBranch,
  territory,
  todayInVietnam,
  type AdminUnit,
  type IsoDate,
  type OrganizationId,
  type Period,
} from '@antt/reference';
import type { Db } from '../db.js';
import { sqliteOf } from '../db.js';
import type { StoredRecord } from '../records/repository.js';
import { REPORT_CALENDAR_CATALOGUE, dueDateOf, type ReportCalendar } from './calendar.js';
import type { ReportFigure, ReportSection } from './figures.js';
import { basisOf, sectionsOf } from './workflow.js';
import type { ConsolidatedNumber } from './numbers.js';

export interface ReportTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface ReportDocumentSection {
  /** II.1 … II.7, or a narrative part (KET_QUA, TON_TAI, DE_XUAT). */
  id: string;
  heading: string;
  paragraphs: string[];
  tables: ReportTable[];
}

export interface ReportVersionSections {
  title: string;
  organization: string;
  unit: string;
  period: string;
  /** Where the figures come from (report version N, locked on D), in words. */
  basis: string;
  stage: string;
  sections: ReportDocumentSection[];
}

/** Turns a report version (a `<P>Report` record) into headed sections: the plan's sections with their figures, then the narrative. */
/** A document lists the figures that are not zero, and those whose kind says what a zero means (not consolidated in the period). */
function shownInDocument(f: ReportFigure): boolean {
  return f.value !== 0 || !!f.detailVi;
}

/** A figure's label with what it stands for, when its kind says (the decisions of a consolidation). */
function figureLabel(f: ReportFigure): string {
  return f.detailVi ? `${f.labelVi} (${f.detailVi})` : f.labelVi;
}

export function reportVersionSections(org: OrganizationId, v: StoredRecord): ReportVersionSections {
  const period = periodById(v.periodId as string);
  const unit = territory().unit(v.unitId as string);
  const figures: ReportDocumentSection[] = sectionsOf(v).map((s) => ({
    id: s.id,
    heading: `${s.id}. ${s.titleVi}`,
    paragraphs: [],
    tables: [{ columns: ['Chỉ tiêu', 'Số liệu'], rows: s.figures.filter(shownInDocument).map((f) => [figureLabel(f), f.value]) }],
  }));
  const text = (id: string, heading: string, value: unknown): ReportDocumentSection => ({
    id,
    heading,
    paragraphs: typeof value === 'string' && value ? value.split(/\n+/) : [],
    tables: [],
  });
  return {
    title: `Báo cáo ${period?.labelVi ?? String(v.periodId)}`,
    organization: ORGANIZATIONS[org].nameVi,
    unit: unit?.name ?? String(v.unitId),
    period: period ? `${dmy(period.start)} – ${dmy(period.end)}` : String(v.periodId),
    basis: basisOf(v).noteVi,
    stage: String(v.stage),
    sections: [
      ...figures,
      text('KET_QUA', 'Kết quả đạt được', v.results),
      text('TON_TAI', 'Tồn tại, hạn chế', v.shortcomings),
      text('DE_XUAT', 'Đề xuất, kiến nghị', v.proposals),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// The documents people sign: a report version, and the consolidated report of a unit, as a
// `ReportDocument` of packages/documents (Decree 30/2020 layout), rendered to DOCX, PDF or XLSX.
// ---------------------------------------------------------------------------------------------------

/** The formats a report is downloaded in, with their media type and file extension. */
export const DOCUMENT_FORMATS = {
  DOCX: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  PDF: { mediaType: 'application/pdf', ext: 'pdf' },
  XLSX: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
} as const;
export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/** A rendered document as the API returns it: the bytes in base64, with a file name to save them under. */
export interface DocumentFile {
  fileName: string;
  mediaType: string;
  base64: string;
  byteLength: number;
}

/** ASCII, lower case, hyphens: "Xã Chiềng Pha" → "xa-chieng-pha" (a file name every system accepts). */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The built service (JavaScript) renders each document in a short-lived worker thread (render-worker.ts),
 * so that the renderers and fonts never stay in its own heap; from the TypeScript sources (tsx, vitest,
 * where a worker could not load TypeScript) it renders in its own thread.
 */
const RENDER_IN_WORKER = import.meta.url.endsWith('.js');

function renderInWorker(doc: ReportDocument, format: DocumentFormat): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./render-worker.js', import.meta.url), { workerData: { doc, format } });
    let bytes: Buffer | undefined;
    worker.once('message', (m: Uint8Array) => (bytes = Buffer.from(m.buffer, m.byteOffset, m.byteLength)));
    worker.once('error', reject);
    worker.once('exit', (code) => (bytes ? resolve(bytes) : reject(new Error(`The document renderer stopped (exit code ${code}) without a document.`))));
  });
}

export async function renderDocumentFile(doc: ReportDocument, format: DocumentFormat, baseName: string): Promise<DocumentFile> {
  let bytes: Buffer;
  if (RENDER_IN_WORKER) bytes = await renderInWorker(doc, format);
  else {
    const { renderDocx, renderPdf, renderXlsx } = await import('@antt/documents');
    bytes = format === 'DOCX' ? await renderDocx(doc) : format === 'PDF' ? await renderPdf(doc) : await renderXlsx(doc);
  }
  const f = DOCUMENT_FORMATS[format];
  return { fileName: `${slug(baseName)}.${f.ext}`, mediaType: f.mediaType, base64: bytes.toString('base64'), byteLength: bytes.length };
}

/** The plan every report answers to, as its documents cite it. */
const PLAN_CITATION = 'Kế hoạch số 155/KH-MTTQ-CAT ngày 26/5/2021 của Ủy ban MTTQ Việt Nam tỉnh - Công an tỉnh';
const PV05 = 'Công an tỉnh (qua Phòng PV05)';
const BAN_PHONG_TRAO = 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (qua Ban Phong trào)';

/** The national body above each organization's provincial branch (the parent body of a province-level report). */
const NATIONAL_BODY: Readonly<Record<OrganizationId, string>> = {
  front: 'Ủy ban Trung ương MTTQ Việt Nam',
  police: 'Bộ Công an',
  veterans: 'Trung ương Hội Cựu chiến binh Việt Nam',
  women: 'Trung ương Hội Liên hiệp Phụ nữ Việt Nam',
  youth: 'Trung ương Đoàn TNCS Hồ Chí Minh',
  labour: 'Tổng Liên đoàn Lao động Việt Nam',
  farmers: 'Trung ương Hội Nông dân Việt Nam',
  elderly: 'Trung ương Hội Người cao tuổi Việt Nam',
  infocomm: 'Ủy ban nhân dân tỉnh Sơn La',
};

/** The same as a header prints it, upper case, broken where a clerk would break it to fit the left column. */
const NATIONAL_HEADER: Readonly<Record<OrganizationId, string>> = {
  front: 'ỦY BAN TRUNG ƯƠNG\nMTTQ VIỆT NAM',
  police: 'BỘ CÔNG AN',
  veterans: 'TRUNG ƯƠNG HỘI\nCỰU CHIẾN BINH VIỆT NAM',
  women: 'TRUNG ƯƠNG HỘI\nLIÊN HIỆP PHỤ NỮ VIỆT NAM',
  youth: 'TRUNG ƯƠNG ĐOÀN\nTNCS HỒ CHÍ MINH',
  labour: 'TỔNG LIÊN ĐOÀN\nLAO ĐỘNG VIỆT NAM',
  farmers: 'TRUNG ƯƠNG HỘI\nNÔNG DÂN VIỆT NAM',
  elderly: 'TRUNG ƯƠNG HỘI\nNGƯỜI CAO TUỔI VIỆT NAM',
  infocomm: 'ỦY BAN NHÂN DÂN\nTỈNH SƠN LA',
};

/** The symbol's organization part: "BC-HLHPN"; the police by level (CAT, CAH, CAX). */
const SYMBOL_OF: Readonly<Record<OrganizationId, string>> = {
  front: 'MTTQ-BTT',
  police: 'CA',
  veterans: 'CCB',
  women: 'HLHPN',
  youth: 'ĐTN',
  labour: 'LĐLĐ',
  farmers: 'HND',
  elderly: 'HNCT',
  infocomm: 'STTTT',
};

type Level = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/** Who signs a branch's report, by organization and level: the authority line and the title. */
function signatureOf(org: OrganizationId, level: Level, unitKind: string): Omit<Signature, 'name'> {
  const where = unitKind.toLocaleUpperCase('vi');
  switch (org) {
    case 'front':
      return { authority: 'TM.', authorityOf: 'BAN THƯỜNG TRỰC', title: 'CHỦ TỊCH' };
    case 'police':
      return level === 'PROVINCE' ? { authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' } : { title: `TRƯỞNG CÔNG AN ${where}` };
    case 'infocomm':
      return { title: 'GIÁM ĐỐC' };
    case 'youth':
      return { authority: 'TM.', authorityOf: level === 'COMMUNE' ? 'BAN CHẤP HÀNH' : 'BAN THƯỜNG VỤ', title: 'BÍ THƯ' };
    default:
      return { authority: 'TM.', authorityOf: level === 'COMMUNE' ? 'BAN CHẤP HÀNH' : 'BAN THƯỜNG VỤ', title: 'CHỦ TỊCH' };
  }
}

/** A unit's name without its kind: "Xã Chiềng Pha" → "Chiềng Pha"; the province → "Sơn La". */
function bareName(unit: AdminUnit): string {
  return unit.name.startsWith(`${unit.kind} `) ? unit.name.slice(unit.kind.length + 1) : unit.name;
}

/** The branch of an organization at a unit as it stood on a date, named as it signs: "Hội Liên hiệp Phụ nữ xã Chiềng Pha". */
export function branchNameOn(org: OrganizationId, unit: AdminUnit, date: IsoDate): string {
  if (unit.level === 'PROVINCE') return chainOn(org, date).bodyVi;
  return `${ORGANIZATIONS[org].branchPrefixVi} ${unit.kind.toLocaleLowerCase('vi')} ${bareName(unit)}`;
}

/** The same, upper case, as the header prints it: the organization on one line, the place on the next. */
function headerNameOn(org: OrganizationId, unit: AdminUnit, date: IsoDate): string {
  const body = chainOn(org, date).bodyVi;
  const name =
    unit.level !== 'PROVINCE'
      ? `${ORGANIZATIONS[org].branchPrefixVi}\n${unit.kind.toLocaleLowerCase('vi')} ${bareName(unit)}`
      : org === 'youth'
        ? 'Tỉnh đoàn Sơn La'
        : `${org === 'front' ? 'Ủy ban MTTQ Việt Nam' : body.replace(/ tỉnh Sơn La$/, '')}\ntỉnh Sơn La`;
  return name.toLocaleUpperCase('vi');
}

/** The day in Vietnam of an instant (UTC+7). */
function vietnamDay(instant: string): IsoDate {
  return todayInVietnam(new Date(instant));
}

/**
 * The version's number in its branch's register of the year: approval (the lock) issues a report, and
 * the branch's locked versions of a year are numbered in the order they were locked. A version keeps its
 * lock when it is later returned or superseded, so a number is never given twice; a version not yet
 * approved has none.
 */
export function documentNumber(db: Db, v: StoredRecord): number | null {
  if (!v.lockedAt) return null;
  const year = vietnamDay(v.lockedAt as string).slice(0, 4);
  const rows = sqliteOf(db)
    .prepare(
      'SELECT record_id AS id, locked_at AS at FROM reports WHERE superseded_at IS NULL AND unit_id = ? AND locked_at IS NOT NULL ORDER BY locked_at, record_id',
    )
    .all(v.unitId as string) as { id: string; at: string }[];
  const sameYear = rows.filter((r) => vietnamDay(r.at).slice(0, 4) === year);
  const i = sameYear.findIndex((r) => r.id === v.id);
  return i < 0 ? null : i + 1;
}

/** "Báo cáo chuyên đề 6 tháng – 6 tháng đầu năm 2021" and "(từ ngày 10/12/2020 đến ngày 09/06/2021)". */
function periodWords(period: Period): { kind: string; label: string; span: string } {
  const kindVi = /\(([^)]*)\)/.exec(REPORT_CALENDAR_CATALOGUE[period.calendar as ReportCalendar] ?? '')?.[1] ?? 'báo cáo';
  return {
    kind: kindVi.charAt(0).toLocaleUpperCase('vi') + kindVi.slice(1),
    label: period.labelVi.replace(/\s*\(.*\)$/, ''),
    span: `(từ ngày ${dmy(period.start)} đến ngày ${dmy(period.end)})`,
  };
}

const para = (...runs: Run[]): Paragraph => ({ kind: 'paragraph', runs });
const sect = (level: 1 | 2 | 3, label: string, title: string, blocks: Block[]): DocSection => ({ kind: 'section', level, label, title, blocks });
const ROMAN = ['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.'];

function figureTable(id: string, caption: string, rows: [string, number][], provisional: boolean): Table {
  return {
    kind: 'table',
    id,
    caption,
    unit: 'Đơn vị tính: theo từng chỉ tiêu (buổi, lượt người, vụ việc, mô hình...)',
    columns: [
      { kind: 'index', width: 0.6 },
      { kind: 'text', width: 6 },
      { kind: 'figure', width: 1.4 },
    ],
    headerRows: [[{ text: 'TT' }, { text: 'Chỉ tiêu' }, { text: 'Số liệu' }]],
    rows: rows.map(([label, value], i) => ({ cells: [String(i + 1), label, provisional ? { value, provisional: true } : { value }] })),
  };
}

const PROVISIONAL_NOTE_VI =
  '(*) Số liệu tạm thời: báo cáo chưa được Công an tỉnh (Phòng PV05) và Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (Ban Phong trào) cùng tiếp nhận; số liệu có thể được điều chỉnh.';

/**
 * Whose name goes under the signature: the approver's, stored at approval; for a version approved before
 * names were stored, the reader's own when the reader is the approver; else blank for the pen.
 */
function approverName(v: StoredRecord, reader: Identity): string {
  if (typeof v.approvedByName === 'string' && v.approvedByName.trim()) return v.approvedByName;
  return v.approvedBy && v.approvedBy === reader.userId ? reader.name : '';
}

/** "17:07 ngày 02/12/2026": an instant as a reader in Vietnam reads it. */
function vietnamTime(instant: string): string {
  const local = new Date(Date.parse(instant) + 7 * 3600 * 1000).toISOString();
  return `${local.slice(11, 16)} ngày ${dmy(local.slice(0, 10))}`;
}

/** Where the version's figures come from, in words a reader checks them by. */
function basisWords(v: StoredRecord): string {
  const n = v.reportVersion as number;
  return v.lockedAt
    ? `số liệu của báo cáo phiên bản ${n}, khóa khi được duyệt lúc ${vietnamTime(v.lockedAt as string)}.`
    : `số liệu của báo cáo phiên bản ${n} khi gửi lúc ${vietnamTime(v.figuresAsOf as string)}, chưa được cấp trên duyệt.`;
}

/** A report version as the document its branch signs and sends up its chain. */
export function reportVersionDocument(db: Db, org: OrganizationId, v: StoredRecord, reader: Identity): ReportDocument {
  const period = periodById(v.periodId as string)!;
  const t = territory();
  const unit = t.unit(v.unitId as string)!;
  const due = v.dueDate as IsoDate;
  const level = unit.level as Level;
  const branch = branchNameOn(org, unit, due);
  const above = superiorBranch(org, unit.id, due);
  const aboveUnit = above ? t.unit(above.unitId) : null;
  const aboveName = above && aboveUnit ? branchNameOn(org, aboveUnit, due) : NATIONAL_BODY[org];
  const aboveHeader = above && aboveUnit ? headerNameOn(org, aboveUnit, due) : NATIONAL_HEADER[org];
  const content = reportVersionSections(org, v);
  const provisional = v.stage !== 'ACCEPTED';
  const words = periodWords(period);
  const figures = content.sections.filter((s) => s.id.startsWith('II.'));
  const narrative = content.sections.filter((s) => !s.id.startsWith('II.'));
  const police = org === 'police' && level !== 'PROVINCE' ? (level === 'DISTRICT' ? 'CAH' : 'CAX') : org === 'police' ? 'CAT' : SYMBOL_OF[org];
  const locked = typeof v.lockedAt === 'string' ? (v.lockedAt as string) : null;

  const body: Block[] = [
    para(`Thực hiện ${PLAN_CITATION}, ${branch} báo cáo kết quả thực hiện ${words.label} ${words.span} như sau:`),
    sect(
      1,
      'I.',
      'KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH',
      figures.map((s, i) => {
        const rows = (s.tables[0]?.rows ?? []).map((r) => [String(r[0]), Number(r[1])] as [string, number]);
        const title = s.heading.replace(/^II\.\d+\.\s*/, '');
        return sect(
          2,
          `${i + 1}.`,
          `${title} (mục ${s.id} của Kế hoạch)`,
          rows.length
            ? [figureTable(`muc-${s.id}`, `Biểu ${i + 1}. Số liệu mục ${s.id}: ${title}`, rows, provisional)]
            : [para('Trong kỳ không phát sinh số liệu.')],
        );
      }),
    ),
    ...narrative.map((s, i) =>
      sect(1, ROMAN[i + 1]!, s.heading.toLocaleUpperCase('vi'), s.paragraphs.length ? s.paragraphs.map((x) => para(x)) : [para('Không có.')]),
    ),
    para({ text: `Nguồn số liệu: ${basisWords(v)}${v.cause ? ` Lý do lập phiên bản ${v.reportVersion as number}: ${v.cause as string}.` : ''}`, italic: true }),
    para(`Trên đây là báo cáo kết quả thực hiện ${words.label} của ${branch}./.`),
  ];

  const recipients = [`${aboveName} (b/c)`];
  if (level === 'PROVINCE') {
    if (org !== 'police') recipients.push(PV05);
    if (org !== 'front') recipients.push(BAN_PHONG_TRAO);
  }
  return {
    parentBody: aboveHeader,
    issuingBody: headerNameOn(org, unit, due),
    number: documentNumber(db, v),
    symbol: `BC-${police}`,
    place: level === 'PROVINCE' ? 'Sơn La' : bareName(unit),
    date: locked ? vietnamDay(locked) : (v.submittedOn as IsoDate),
    documentType: 'BÁO CÁO',
    summary: `Kết quả thực hiện Kế hoạch số 155/KH-MTTQ-CAT\n${words.kind} – ${words.label}\n${words.span}`,
    body,
    signatures: [{ ...signatureOf(org, level, unit.kind), name: approverName(v, reader) }],
    recipients,
    archive: ['VT'],
    ...(provisional ? { provisionalNote: PROVISIONAL_NOTE_VI } : {}),
  };
}

/** A version's file name: "bao-cao-hoi-lien-hiep-phu-nu-xa-chieng-pha-2021-plan-6m-v1". */
export function reportVersionFileName(org: OrganizationId, v: StoredRecord): string {
  const unit = territory().unit(v.unitId as string);
  const name = unit ? branchNameOn(org, unit, v.dueDate as IsoDate) : String(v.unitId);
  return `bao-cao ${name} ${v.periodId as string} v${v.reportVersion as number}`;
}

// --- The consolidated report ----------------------------------------------------------------------

/**
 * One organization's part of a consolidated report, as the subgraph that issues the joint document
 * receives it from the others (through the gateway, @requires): only what the document prints, the
 * figures that are not zero, so that nine parts stay well under a request's size limit.
 */
export interface DocumentPart {
  org: OrganizationId;
  /** True when the organization has no branch at the unit (the labour federation in a commune): nothing to report there. */
  absent?: boolean;
  /**
   * Set when the organization's part could not be had (its subgraph down or unreachable, or its answer
   * an error): the instant it was asked for. The document says so instead of refusing to come out.
   */
  unreachableAt?: string;
  /** The unit as the part read it (a unit that only changed maps, on the map of the period's end). */
  unitId: string;
  provisional: boolean;
  /** The reports added up: branch, version, stage. */
  reports: { branch: string; version: number; stage: string }[];
  /** By section of the plan: [label, value] of every figure that is not zero. */
  sections: { id: string; title: string; figures: [string, number][] }[];
  /** How many branches under the unit owe a report, by timeliness. */
  standing: Record<'ON_TIME' | 'LATE' | 'MISSING' | 'NOT_YET_DUE', number>;
  /** The units whose branch is late or missing ("xã Chiềng Pha"), nearest the top first (at most LISTED of each). */
  late: string[];
  missing: string[];
}

const LISTED = 25;

/** The compact part of an organization (from Reports.part). */
export function documentPart(
  org: OrganizationId,
  part: {
    unitId: string;
    reports: readonly StoredRecord[];
    sections: readonly ReportSection[];
    provisional: boolean;
    timeliness: readonly { unitId: string; timeliness: string; dueDate: IsoDate }[];
  },
): DocumentPart {
  const t = territory();
  const nameOf = (unitId: string, date: IsoDate) => {
    const u = t.unit(unitId);
    return u ? branchNameOn(org, u, date) : unitId;
  };
  const standing = { ON_TIME: 0, LATE: 0, MISSING: 0, NOT_YET_DUE: 0 };
  for (const r of part.timeliness) standing[r.timeliness as keyof typeof standing]++;
  const named = (kind: string) =>
    part.timeliness
      .filter((r) => r.timeliness === kind)
      .slice(0, LISTED)
      .map((r) => {
        const u = t.unit(r.unitId);
        return u ? `${u.kind.toLocaleLowerCase('vi')} ${bareName(u)}` : r.unitId;
      });
  return {
    org,
    unitId: part.unitId,
    provisional: part.provisional,
    reports: part.reports.map((v) => ({
      branch: nameOf(v.unitId as string, v.dueDate as IsoDate),
      version: v.reportVersion as number,
      stage: v.stage as string,
    })),
    sections: part.sections.map((s) => ({
      id: s.id,
      title: s.titleVi,
      figures: s.figures.filter(shownInDocument).map((f) => [figureLabel(f), f.value] as [string, number]),
    })),
    standing,
    late: named('LATE'),
    missing: named('MISSING'),
  };
}

/** The part of an organization without a branch at the unit. */
export function absentPart(org: OrganizationId, unitId: string): DocumentPart {
  return {
    org,
    absent: true,
    unitId,
    provisional: false,
    reports: [],
    sections: [],
    standing: { ON_TIME: 0, LATE: 0, MISSING: 0, NOT_YET_DUE: 0 },
    late: [],
    missing: [],
  };
}

/** The part of an organization whose subgraph gave no part (down, unreachable, or an error), asked for at `triedAt`. */
export function unreachablePart(org: OrganizationId, unitId: string, triedAt: Date): DocumentPart {
  return { ...absentPart(org, unitId), absent: false, unreachableAt: triedAt.toISOString() };
}

/** "14 giờ 05 ngày 02/12/2026": an instant as people in Sơn La read it (UTC+7). */
export function vietnamTimeWords(instant: string): string {
  const local = new Date(Date.parse(instant) + 7 * 3600_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${hh} giờ ${mm} ngày ${dmy(local.toISOString().slice(0, 10) as IsoDate)}`;
}

/** A part as it travels between subgraphs: JSON, deflated, base64 (labels repeat; this keeps it small). */
export function encodeDocumentPart(part: DocumentPart): string {
  return deflateRawSync(Buffer.from(JSON.stringify(part), 'utf8')).toString('base64');
}

export function decodeDocumentPart(text: string): DocumentPart {
  return JSON.parse(inflateRawSync(Buffer.from(text, 'base64')).toString('utf8')) as DocumentPart;
}

const STAGE_VI: Readonly<Record<string, string>> = {
  SUBMITTED: 'đã gửi, chờ duyệt',
  RETURNED: 'bị trả lại',
  APPROVED: 'đã duyệt',
  ACCEPTED: 'đã tiếp nhận',
};

/**
 * The consolidated report of a unit on a period, issued jointly by the Front's standing committee and
 * the provincial police (as the plan itself is): every organization's part with its figures, provisional
 * where a report it adds up is not yet accepted by both, and who reported on time. A numbered version
 * (numbers.ts: every report accepted, every part in) carries its number and the day it was given; any
 * other is compiled on demand with today's date and no number.
 */
export function consolidatedDocument(
  unitId: string,
  periodId: string,
  parts: readonly DocumentPart[],
  today: IsoDate,
  numbered: ConsolidatedNumber | null = null,
): ReportDocument {
  const period = periodById(periodId)!;
  const unit = territory().unit(unitId)!;
  const words = periodWords(period);
  const where = unit.level === 'PROVINCE' ? 'toàn tỉnh' : unit.name.replace(/^\S+/, (k) => k.toLocaleLowerCase('vi'));
  const ordered = ORGANIZATION_IDS.flatMap((id) => parts.filter((p) => p.org === id));
  const unreachable = ordered.filter((p) => p.unreachableAt);
  const anyProvisional = ordered.some((p) => p.provisional) || unreachable.length > 0;
  const present = ordered.filter((p) => !p.absent && !p.unreachableAt);

  let tables = 0;
  const orgSections = ordered.map((p, i) => {
    const name = chainOn(p.org, period.end).bodyVi;
    if (p.unreachableAt)
      return sect(2, `${i + 1}.`, name, [
        para({
          text: `Chưa có số liệu / không kết nối được: hệ thống của ${name} không trả lời khi tổng hợp (lúc ${vietnamTimeWords(p.unreachableAt)}).`,
          bold: true,
        }),
        para('Số liệu của cơ quan, tổ chức này sẽ được bổ sung khi kết nối lại; báo cáo tổng hợp này chưa đầy đủ.'),
      ]);
    if (p.absent)
      return sect(2, `${i + 1}.`, name, [para(`Không có tổ chức cấp ${unit.kind.toLocaleLowerCase('vi')} tại ${where}: không thuộc đối tượng báo cáo.`)]);
    const rows = p.sections.flatMap((s) => s.figures.map(([label, value]) => [`${s.id}`, label, value] as [string, string, number]));
    const sources = p.reports.length
      ? `Tổng hợp từ ${p.reports.length} báo cáo: ${p.reports.map((r) => `${r.branch} (phiên bản ${r.version}, ${STAGE_VI[r.stage] ?? r.stage})`).join('; ')}.`
      : 'Chưa có báo cáo nào được gửi.';
    if (rows.length) tables++;
    const table: Table = {
      kind: 'table',
      id: `to-chuc-${p.org}`,
      caption: `Biểu ${tables}. Số liệu của ${name}`,
      unit: 'Đơn vị tính: theo từng chỉ tiêu (buổi, lượt người, vụ việc, mô hình...)',
      columns: [
        { kind: 'index', width: 0.6 },
        { kind: 'text', width: 0.9 },
        { kind: 'text', width: 5.2 },
        { kind: 'figure', width: 1.3 },
      ],
      headerRows: [[{ text: 'TT' }, { text: 'Mục' }, { text: 'Chỉ tiêu' }, { text: 'Số liệu' }]],
      rows: rows.map(([s, label, value], k) => ({ cells: [String(k + 1), s, label, p.provisional ? { value, provisional: true } : { value }] })),
    };
    const figures = rows.length ? [table] : p.reports.length ? [para('Trong kỳ không phát sinh số liệu.')] : [];
    return sect(2, `${i + 1}.`, name, [para(sources), ...figures]);
  });

  const standingTable: Table = {
    kind: 'table',
    id: 'tinh-hinh-bao-cao',
    caption: `Biểu ${tables + 1}. Tình hình gửi báo cáo (hạn gửi ${dmy(dueDateOf(period))})`,
    unit: 'Đơn vị tính: đơn vị báo cáo',
    columns: [
      { kind: 'index', width: 0.6 },
      { kind: 'text', width: 3.6 },
      { kind: 'figure', width: 1.1 },
      { kind: 'figure', width: 1.1 },
      { kind: 'figure', width: 1.1 },
      { kind: 'figure', width: 1.1 },
      { kind: 'figure', width: 1.1 },
    ],
    headerRows: [
      [
        { text: 'TT', rowSpan: 2 },
        { text: 'Cơ quan, tổ chức', rowSpan: 2 },
        { text: 'Phải báo cáo', rowSpan: 2 },
        { text: 'Đã gửi', colSpan: 2 },
        { text: 'Chưa gửi', colSpan: 2 },
      ],
      [{ text: 'Đúng hạn' }, { text: 'Chậm' }, { text: 'Quá hạn' }, { text: 'Chưa đến hạn' }],
    ],
    rows: present.map((p, i) => {
      const s = p.standing;
      const owed = s.ON_TIME + s.LATE + s.MISSING + s.NOT_YET_DUE;
      return {
        cells: [
          String(i + 1),
          chainOn(p.org, period.end).bodyVi,
          { value: owed },
          { value: s.ON_TIME },
          { value: s.LATE },
          { value: s.MISSING },
          { value: s.NOT_YET_DUE },
        ],
      };
    }),
  };
  const listed = (names: string[], total: number) => names.join(', ') + (total > names.length ? ` và ${total - names.length} đơn vị khác` : '');
  const stragglers = present.flatMap((p) => {
    const out: Paragraph[] = [];
    const name = chainOn(p.org, period.end).bodyVi;
    if (p.standing.LATE) out.push(para(`- ${name}: ${p.standing.LATE} đơn vị gửi chậm (${listed(p.late, p.standing.LATE)}).`));
    if (p.standing.MISSING) out.push(para(`- ${name}: ${p.standing.MISSING} đơn vị chưa gửi (${listed(p.missing, p.standing.MISSING)}).`));
    return out;
  });
  const notConnected = unreachable.map((p) =>
    para(`- ${chainOn(p.org, period.end).bodyVi}: chưa có số liệu / không kết nối được (thử lúc ${vietnamTimeWords(p.unreachableAt!)}).`),
  );

  const body: Block[] = [
    para(
      `Thực hiện ${PLAN_CITATION}, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh và Công an tỉnh tổng hợp kết quả thực hiện ${words.label} ${words.span} của các cơ quan, tổ chức tại ${where} như sau:`,
    ),
    sect(1, 'I.', 'KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, TỔ CHỨC', orgSections),
    sect(1, 'II.', 'TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO', [standingTable, ...stragglers, ...notConnected]),
    para({
      text: numbered
        ? `Phiên bản ${numbered.version} của báo cáo tổng hợp, vào sổ số ${String(numbered.number).padStart(2, '0')}/BC-MTTQ-CAT lúc ${vietnamTimeWords(numbered.allocatedAt)}.`
        : 'Bản tổng hợp chưa vào sổ: còn báo cáo chưa được tiếp nhận hoặc phần của cơ quan, tổ chức chưa có; số ký hiệu được cấp khi đủ.',
      italic: true,
    }),
    para(`Trên đây là báo cáo tổng hợp kết quả thực hiện ${words.label} tại ${where}./.`),
  ];
  return {
    issuingBody: 'BAN THƯỜNG TRỰC\nỦY BAN MTTQ VN TỈNH\nCÔNG AN TỈNH SƠN LA',
    number: numbered?.number ?? null,
    symbol: 'BC-MTTQ-CAT',
    place: 'Sơn La',
    date: numbered ? vietnamDay(numbered.allocatedAt) : today,
    documentType: 'BÁO CÁO',
    summary: `Tổng hợp kết quả thực hiện Kế hoạch số 155/KH-MTTQ-CAT\n${words.kind} – ${words.label} tại ${where}\n${words.span}`,
    body,
    signatures: [
      { authority: 'TM.', authorityOf: 'BAN THƯỜNG TRỰC', title: 'PHÓ CHỦ TỊCH', name: '' },
      { authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: '' },
    ],
    recipients: [
      'Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam (b/c)',
      'Cục Xây dựng phong trào bảo vệ ANTQ - Bộ Công an (b/c)',
      'Thường trực Tỉnh ủy, HĐND, UBND tỉnh (b/c)',
      'Các cơ quan, tổ chức thành viên',
      ...(unit.level === 'PROVINCE' ? [] : [`Ủy ban MTTQ và Công an ${unit.name.replace(/^\S+/, (k) => k.toLocaleLowerCase('vi'))}`]),
    ],
    archive: ['VT', 'BPT', 'PV05'],
    ...(anyProvisional ? { provisionalNote: PROVISIONAL_NOTE_VI } : {}),
  };
}

export function consolidatedFileName(unitId: string, periodId: string): string {
  return `bao-cao-tong-hop ${territory().unit(unitId)?.name ?? unitId} ${periodId}`;
}
