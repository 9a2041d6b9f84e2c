/**
 * The content of a report people sign, independent of the file it is written to. The DOCX, the PDF and
 * the XLSX are all rendered from one `ReportDocument`, so that what a person signs, what is filed and
 * what is re-typed into a spreadsheet carry the same figures. The pieces follow Appendix I of Decree
 * 30/2020/NĐ-CP (shared/docs/REPORT-FORMAT.md): header table, number and symbol, place and date, type
 * and summary, body, signature block, "Nơi nhận".
 */
import { isIsoDate, type IsoDate } from '@antt/reference';

/**
 * A figure in the body or a table. `provisional` marks a figure not yet accepted: the last days before a
 * deadline are reported as estimates (số ước) and corrected later, and the reader must see which.
 */
export interface Figure {
  value: number;
  provisional?: boolean;
  /** Digits after the decimal comma (a rate in per cent: 1). Counts have none. */
  decimals?: number;
}

/** A piece of a paragraph: plain text, emphasised text, or a figure written the Vietnamese way (1.234,5). */
export type Run = string | { text: string; bold?: boolean; italic?: boolean } | ({ figure: number; suffix?: string } & Omit<Figure, 'value'>);

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
}

/** A cell of a header row; `colSpan`/`rowSpan` merge cells as in a printed table. */
export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface TableColumn {
  /** Text columns are left-aligned, figures right-aligned (REPORT-FORMAT.md: "figures right-aligned"). */
  kind: 'text' | 'figure' | 'index';
  /** Relative width; the renderers scale the widths to the text width. */
  width: number;
}

export type Cell = string | Figure | null;

export interface TableRow {
  cells: Cell[];
  /** A total row ("Tổng cộng"), set in bold. */
  total?: boolean;
}

export interface Table {
  kind: 'table';
  /** Stable identifier: the XLSX sheet's name and the key tests compare by. At most 31 characters. */
  id: string;
  caption: string;
  /** "Đơn vị tính" stated above the table (REPORT-FORMAT.md: "units stated"). */
  unit: string;
  columns: TableColumn[];
  /** One or more header rows; each row's spans add up to the number of columns. */
  headerRows: HeaderCell[][];
  rows: TableRow[];
}

export type Block = Paragraph | Table | Section;

/**
 * A numbered section, numbered the way the plan numbers them: level 1 "I.", level 2 "1.", level 3 "a)".
 * The label is part of the content so that a section keeps the number it was given.
 */
export interface Section {
  kind: 'section';
  level: 1 | 2 | 3;
  label: string;
  title: string;
  blocks: Block[];
}

/** TM. for a collective body, KT. when a deputy signs, TL. and TUQ. by delegation. */
export type Authority = 'TM.' | 'KT.' | 'TL.' | 'TUQ.';

export interface Signature {
  /** With `authorityOf`: "TM. BAN THƯỜNG TRỰC", "KT. GIÁM ĐỐC". */
  authority?: Authority;
  authorityOf?: string;
  /** The signer's own title: "PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC". */
  title: string;
  /** Rank before the name where the body uses one ("Thượng tá"). */
  rank?: string;
  name: string;
}

export interface ReportDocument {
  /** Cơ quan, tổ chức chủ quản: upper case, not bold; may hold line breaks ("\n"). */
  parentBody?: string;
  /** Cơ quan, tổ chức ban hành: upper case, bold; may hold line breaks. */
  issuingBody: string;
  /**
   * Số: the document's number in its register; under 10 written with a leading zero. Null while the
   * document has none yet (a draft, or a report compiled on demand): the clerk writes it in on signing.
   */
  number: number | null;
  /** Ký hiệu: "BC-MTTQ-BTT", "BC-CAT-PV05". */
  symbol: string;
  place: string;
  date: IsoDate;
  /** Tên loại: "BÁO CÁO". */
  documentType: string;
  /** Trích yếu, may hold line breaks. */
  summary: string;
  body: Block[];
  /** One signer, or two side by side for a joint document (the plan itself is signed by the police and the Front). */
  signatures: Signature[];
  /** "Nơi nhận": each recipient without its leading "-" and trailing ";". */
  recipients: string[];
  /** "Lưu: VT, BPT": the archive and the drafting unit, last line of "Nơi nhận". */
  archive: string[];
  /** Explains the provisional marker; shown under each table and paragraph group that has one. */
  provisionalNote?: string;
}

export const PROVISIONAL_MARK = '(*)';

/** 1234567 → "1.234.567"; 92.5 with one decimal → "92,5" (the Vietnamese way). */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

export function formatFigure(figure: Figure): string {
  return formatNumber(figure.value, figure.decimals ?? 0) + (figure.provisional ? PROVISIONAL_MARK : '');
}

export function isFigure(cell: Cell): cell is Figure {
  return typeof cell === 'object' && cell !== null;
}

/** Space left for a number written in by hand (non-breaking, so that no renderer collapses it). */
export const NUMBER_BLANK = '\u00a0'.repeat(8);

/** "Số: 05/BC-MTTQ-BTT": numbers under 10 get a leading zero; no number yet: "Số:        /BC-MTTQ-BTT". */
export function numberLine(doc: Pick<ReportDocument, 'number' | 'symbol'>): string {
  return `Số: ${doc.number === null ? NUMBER_BLANK : String(doc.number).padStart(2, '0')}/${doc.symbol}`;
}

/** "Sơn La, ngày 05 tháng 02 năm 2021": days under 10 and months 1-2 get a leading zero. */
export function placeAndDate(doc: Pick<ReportDocument, 'place' | 'date'>): string {
  if (!isIsoDate(doc.date)) throw new Error(`Ngày ban hành không hợp lệ: cần dạng YYYY-MM-DD.`);
  const [y, m, d] = doc.date.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${doc.place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** The signature block's lines above the name: ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH"] or ["GIÁM ĐỐC"]. */
export function signatureLines(s: Signature): string[] {
  const lines: string[] = [];
  if (s.authority) lines.push(`${s.authority} ${s.authorityOf ?? ''}`.trim());
  lines.push(s.title);
  return lines;
}

export function signerName(s: Signature): string {
  return s.rank ? `${s.rank} ${s.name}` : s.name;
}

/** "Nơi nhận" lines: "- X;" for each recipient, then "- Lưu: VT, BPT." */
export function recipientLines(doc: Pick<ReportDocument, 'recipients' | 'archive'>): string[] {
  return [...doc.recipients.map((r) => `- ${r};`), `- Lưu: ${doc.archive.join(', ')}.`];
}

export function runText(run: Run): string {
  if (typeof run === 'string') return run;
  if ('figure' in run) return formatNumber(run.figure, run.decimals ?? 0) + (run.suffix ?? '') + (run.provisional ? PROVISIONAL_MARK : '');
  return run.text;
}

/** Every table in the body, in reading order. */
export function tablesOf(blocks: Block[]): Table[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'section' ? tablesOf(b.blocks) : []));
}

/** True when a paragraph (or, with `tables`, a table) of the document shows a provisional figure. */
export function hasProvisional(blocks: Block[], tables = true): boolean {
  return blocks.some((b) => {
    if (b.kind === 'section') return hasProvisional(b.blocks, tables);
    if (b.kind === 'table') return tables && b.rows.some((r) => r.cells.some((c) => isFigure(c) && c.provisional));
    return b.runs.some((r) => typeof r === 'object' && 'figure' in r && r.provisional);
  });
}

/** Checks what the renderers rely on: spans add up, every row has a cell per column. */
export function validateTable(t: Table): void {
  const n = t.columns.length;
  // Rows covered by rowSpans from above reduce the cells a header row carries.
  const carried = new Array<number>(t.headerRows.length).fill(0);
  t.headerRows.forEach((row, i) => {
    const width = row.reduce((sum, c) => sum + (c.colSpan ?? 1), 0) + (carried[i] ?? 0);
    if (width !== n) throw new Error(`Bảng "${t.caption}": dòng tiêu đề ${i + 1} có ${width} cột, cần ${n}.`);
    for (const c of row) for (let k = 1; k < (c.rowSpan ?? 1); k++) carried[i + k] = (carried[i + k] ?? 0) + (c.colSpan ?? 1);
  });
  t.rows.forEach((r, i) => {
    if (r.cells.length !== n) throw new Error(`Bảng "${t.caption}": dòng ${i + 1} có ${r.cells.length} ô, cần ${n}.`);
  });
  if (t.id.length > 31) throw new Error(`Bảng "${t.caption}": mã bảng dài quá 31 ký tự.`);
}

export interface PlacedHeaderCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** The header rows as a grid: where each cell starts and how far it spans. */
export function headerGrid(t: Table): PlacedHeaderCell[] {
  const taken: boolean[][] = t.headerRows.map(() => new Array<boolean>(t.columns.length).fill(false));
  const placed: PlacedHeaderCell[] = [];
  t.headerRows.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (taken[r]?.[col]) col++;
      const cell = { text: c.text, row: r, col, rowSpan: c.rowSpan ?? 1, colSpan: c.colSpan ?? 1 };
      for (let i = r; i < r + cell.rowSpan; i++) {
        const line = taken[i];
        if (line) for (let j = col; j < col + cell.colSpan; j++) line[j] = true;
      }
      placed.push(cell);
      col += cell.colSpan;
    }
  });
  return placed;
}
