/**
 * A report version as sections and tables, for the documents layer (packages/documents renders a
 * `ReportDocument` as DOCX, PDF or XLSX): `reportVersionSections` is the one function to wire to it.
 * The shape here is plain data (headings, paragraphs, tables of strings and numbers), so that the
 * documents layer maps it onto its own content model without depending on this package's types.
 */
import { ORGANIZATIONS, dmy, periodById, territory, type OrganizationId } from '@antt/reference';
import type { StoredRecord } from '../records/repository.js';
import { basisOf, sectionsOf } from './workflow.js';

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
export function reportVersionSections(org: OrganizationId, v: StoredRecord): ReportVersionSections {
  const period = periodById(v.periodId as string);
  const unit = territory().unit(v.unitId as string);
  const figures: ReportDocumentSection[] = sectionsOf(v).map((s) => ({
    id: s.id,
    heading: `${s.id}. ${s.titleVi}`,
    paragraphs: [],
    tables: [{ columns: ['Chỉ tiêu', 'Số liệu'], rows: s.figures.filter((f) => f.value !== 0).map((f) => [f.labelVi, f.value]) }],
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
