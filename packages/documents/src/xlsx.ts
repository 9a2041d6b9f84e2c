/**
 * The tables of a `ReportDocument` as an Excel workbook, for those who work on the figures in Excel: one
 * sheet per table with its caption, unit and header rows as printed, the figures as numbers (not text),
 * provisional figures in italics with a note; a first sheet says which document they come from.
 */
import ExcelJS from 'exceljs';
import { DOCX_FONT, SIZE } from './layout.js';
import { headerGrid, isFigure, numberLine, placeAndDate, tablesOf, validateTable, type ReportDocument, type Table } from './model.js';

export const INFO_SHEET = 'Văn bản';
/** The note on a provisional cell. */
export const PROVISIONAL_NOTE = 'Số liệu ước tính, chưa được duyệt';
/** Rows above the header rows on a table's sheet: caption, unit. */
export const TABLE_FIRST_HEADER_ROW = 3;

const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: DOCX_FONT, size: SIZE.table, ...extra });
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function infoSheet(wb: ExcelJS.Workbook, doc: ReportDocument): void {
  const ws = wb.addWorksheet(INFO_SHEET);
  ws.columns = [{ width: 22 }, { width: 90 }];
  const rows: [string, string][] = [
    ['Cơ quan chủ quản', (doc.parentBody ?? '').replace(/\n/g, ' ')],
    ['Cơ quan ban hành', doc.issuingBody.replace(/\n/g, ' ')],
    ['Số, ký hiệu', numberLine(doc).replace(/^Số: /, '')],
    ['Địa danh, ngày', placeAndDate(doc)],
    ['Loại văn bản', doc.documentType],
    ['Trích yếu', doc.summary.replace(/\n/g, ' ')],
    [
      'Các biểu',
      tablesOf(doc.body)
        .map((t) => `${t.id}: ${t.caption}`)
        .join('; '),
    ],
  ];
  if (doc.provisionalNote) rows.push(['Ghi chú', doc.provisionalNote]);
  for (const r of rows) {
    const row = ws.addRow(r);
    row.getCell(1).font = font({ bold: true });
    row.getCell(2).font = font();
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}

function tableSheet(wb: ExcelJS.Workbook, t: Table): void {
  validateTable(t);
  const n = t.columns.length;
  const ws = wb.addWorksheet(t.id, { views: [{ state: 'frozen', ySplit: TABLE_FIRST_HEADER_ROW - 1 + t.headerRows.length }] });
  ws.columns = t.columns.map((c) => ({ width: Math.max(6, c.width * 9) }));

  ws.mergeCells(1, 1, 1, n);
  const caption = ws.getCell(1, 1);
  caption.value = t.caption;
  caption.font = font({ bold: true, size: SIZE.table + 1 });
  caption.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, n);
  const unit = ws.getCell(2, 1);
  unit.value = t.unit;
  unit.font = font({ italic: true });
  unit.alignment = { horizontal: 'right' };

  for (let r = 0; r < t.headerRows.length; r++) for (let c = 1; c <= n; c++) ws.getCell(TABLE_FIRST_HEADER_ROW + r, c).border = box;
  for (const h of headerGrid(t)) {
    const top = TABLE_FIRST_HEADER_ROW + h.row;
    if (h.rowSpan > 1 || h.colSpan > 1) ws.mergeCells(top, h.col + 1, top + h.rowSpan - 1, h.col + h.colSpan);
    const cell = ws.getCell(top, h.col + 1);
    cell.value = h.text;
    cell.font = font({ bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  const first = TABLE_FIRST_HEADER_ROW + t.headerRows.length;
  t.rows.forEach((row, i) => {
    row.cells.forEach((value, j) => {
      const cell = ws.getCell(first + i, j + 1);
      const kind = t.columns[j]?.kind ?? 'text';
      cell.border = box;
      if (isFigure(value)) {
        cell.value = value.value;
        cell.numFmt = value.decimals ? `#,##0.${'0'.repeat(value.decimals)}` : '#,##0';
        cell.font = font({ bold: row.total ?? false, italic: value.provisional ?? false });
        if (value.provisional) cell.note = PROVISIONAL_NOTE;
      } else {
        cell.value = value ?? '';
        cell.font = font({ bold: row.total ?? false });
      }
      cell.alignment = { horizontal: kind === 'figure' ? 'right' : kind === 'index' ? 'center' : 'left', vertical: 'middle', wrapText: kind === 'text' };
    });
  });
}

export function reportToWorkbook(doc: ReportDocument): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = doc.issuingBody.replace(/\n/g, ' ');
  wb.title = `${doc.documentType} ${numberLine(doc)}`;
  infoSheet(wb, doc);
  for (const t of tablesOf(doc.body)) tableSheet(wb, t);
  return wb;
}

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  return Buffer.from(await reportToWorkbook(doc).xlsx.writeBuffer());
}
