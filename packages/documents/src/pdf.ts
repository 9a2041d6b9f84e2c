/**
 * A `ReportDocument` as a PDF with the layout of the DOCX (REPORT-FORMAT.md). The four Liberation Serif
 * files shipped in `fonts/` are embedded (subset), so every Vietnamese letter prints and extracts as
 * typed on a machine without Times New Roman.
 */
import pdfmake from 'pdfmake';
import type { Content, ContentColumns, ContentStack, ContentText, CustomTableLayout, Margin, TableCell, TDocumentDefinitions } from './pdfmake-types.js';
import {
  END_COLUMNS,
  FIRST_LINE_INDENT_MM,
  FONT_DIR,
  HEADER_COLUMNS,
  LINE_SPACING,
  MARGIN_MM,
  NATIONAL_MOTTO,
  NATIONAL_MOTTO_SUB,
  PARAGRAPH_AFTER_PT,
  SIGNATURE_SPACE_PT,
  SIZE,
  TEXT_WIDTH_MM,
  fontFile,
  mmToPt,
  textWidthPt,
} from './layout.js';
import {
  formatFigure,
  hasProvisional,
  headerGrid,
  isFigure,
  numberLine,
  placeAndDate,
  recipientLines,
  runText,
  signatureLines,
  signerName,
  validateTable,
  type Block,
  type ReportDocument,
  type Run,
  type Signature,
  type Table,
} from './model.js';

export const PDF_FONT = 'LiberationSerif';
const TEXT_WIDTH = mmToPt(TEXT_WIDTH_MM);

let configured = false;
function configure(): void {
  if (configured) return;
  pdfmake.setFonts({ [PDF_FONT]: { normal: fontFile('normal'), bold: fontFile('bold'), italics: fontFile('italics'), bolditalics: fontFile('bolditalics') } });
  // The renderer reads nothing but the shipped fonts and fetches nothing.
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  pdfmake.setUrlAccessPolicy(() => false);
  configured = true;
}

/** A solid rule `width` points wide, centred in a box `box` points wide. */
function rule(width: number, box: number, margin: Margin = [0, 4, 0, 0]): Content {
  const x1 = Math.max(0, (box - width) / 2);
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + width, y2: 0, lineWidth: 0.75 }], margin };
}

const maxWidth = (t: string, size: number) => Math.max(...t.split('\n').map((l) => textWidthPt(l, size, 'bold')));

function header(doc: ReportDocument): ContentColumns {
  const [leftW, rightW] = HEADER_COLUMNS.map((f) => TEXT_WIDTH * f) as [number, number];
  const issuing = doc.issuingBody.toUpperCase();
  const left: Content[] = [
    ...(doc.parentBody ? [{ text: doc.parentBody.toUpperCase(), fontSize: SIZE.parentBody, alignment: 'center', lineHeight: 1 } as ContentText] : []),
    { text: issuing, fontSize: SIZE.issuingBody, bold: true, alignment: 'center', lineHeight: 1 },
    rule(maxWidth(issuing, SIZE.issuingBody) * 0.4, leftW),
    { text: numberLine(doc), fontSize: SIZE.number, alignment: 'center', margin: [0, 6, 0, 0] },
  ];
  const right: Content[] = [
    { text: NATIONAL_MOTTO, fontSize: SIZE.motto, bold: true, alignment: 'center', lineHeight: 1 },
    { text: NATIONAL_MOTTO_SUB, fontSize: SIZE.mottoSub, bold: true, alignment: 'center', lineHeight: 1 },
    rule(textWidthPt(NATIONAL_MOTTO_SUB, SIZE.mottoSub, 'bold'), rightW),
    { text: placeAndDate(doc), fontSize: SIZE.placeDate, italics: true, alignment: 'center', margin: [0, 6, 0, 0] },
  ];
  return {
    columns: [
      { width: leftW, stack: left },
      { width: rightW, stack: right },
    ],
    columnGap: 0,
  };
}

function title(doc: ReportDocument): Content[] {
  return [
    { text: doc.documentType.toUpperCase(), fontSize: SIZE.documentType, bold: true, alignment: 'center', margin: [0, 18, 0, 0], lineHeight: 1 },
    { text: doc.summary, fontSize: SIZE.summary, bold: true, alignment: 'center', lineHeight: 1 },
    rule(maxWidth(doc.summary, SIZE.summary) / 3, TEXT_WIDTH, [0, 4, 0, 12]),
  ];
}

/**
 * Text split so that a word holding "/" or "-" (155/KH-MTTQ-CAT, b/c) is one unbreakable piece: the
 * line breaker would otherwise break after those signs and justification would then widen the gaps
 * inside the word.
 */
function keepWords(t: string, style: Partial<ContentText> = {}): ContentText[] {
  return t
    .split(/(\S*[/-]\S*)/)
    .filter((piece) => piece !== '')
    .map((piece) => ({ text: piece, ...style, ...(/^\S*[/-]\S*$/.test(piece) && piece.length > 1 ? { noWrap: true } : {}) }));
}

function inlines(runs: Run[]): ContentText[] {
  return runs.flatMap((r) => {
    if (typeof r === 'string') return keepWords(r);
    if ('figure' in r) return keepWords(runText(r));
    return keepWords(r.text, { bold: r.bold ?? false, italics: r.italic ?? false });
  });
}

const paragraph = (text: ContentText[], extra: Partial<ContentText> = {}): ContentText => ({
  text,
  alignment: 'justify',
  leadingIndent: mmToPt(FIRST_LINE_INDENT_MM),
  margin: [0, 0, 0, PARAGRAPH_AFTER_PT],
  ...extra,
});

const note = (t: string): ContentText => ({ text: t, fontSize: SIZE.tableNote, italics: true, margin: [0, 3, 0, 6] });

const GRID: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function table(t: Table, provisionalNote: string | undefined): Content[] {
  validateTable(t);
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  // pdfmake adds the paddings and rules to the widths it is given.
  const inner = TEXT_WIDTH - t.columns.length * 6 - (t.columns.length + 1) * 0.5;
  const widths = t.columns.map((c) => (inner * c.width) / total);
  const head: TableCell[][] = t.headerRows.map(() => t.columns.map(() => ({ text: '' })));
  for (const c of headerGrid(t)) {
    const row = head[c.row];
    if (row) row[c.col] = { text: c.text, bold: true, alignment: 'center', colSpan: c.colSpan, rowSpan: c.rowSpan };
  }
  const rows: TableCell[][] = t.rows.map((row) =>
    row.cells.map((cell, i) => {
      const kind = t.columns[i]?.kind ?? 'text';
      const text = cell === null ? '' : isFigure(cell) ? formatFigure(cell) : cell;
      return { text, bold: row.total ?? false, alignment: kind === 'figure' ? 'right' : kind === 'index' ? 'center' : 'left' };
    }),
  );
  const provisional = t.rows.some((r) => r.cells.some((c) => isFigure(c) && c.provisional));
  return [
    {
      stack: [
        { text: t.caption, fontSize: SIZE.table + 1, bold: true, alignment: 'center', margin: [0, 6, 0, 0] },
        { text: t.unit, fontSize: SIZE.table, italics: true, alignment: 'right', margin: [0, 0, 0, 3] },
      ],
      unbreakable: true,
    },
    {
      table: { headerRows: t.headerRows.length, widths, body: [...head, ...rows], dontBreakRows: true },
      layout: GRID,
      fontSize: SIZE.table,
      lineHeight: 1,
    },
    provisional && provisionalNote ? note(provisionalNote) : { text: '', margin: [0, 0, 0, 6] },
  ];
}

function blocks(bs: Block[], doc: ReportDocument): Content[] {
  return bs.flatMap((b): Content[] => {
    if (b.kind === 'paragraph') return [paragraph(inlines(b.runs))];
    if (b.kind === 'table') return table(b, doc.provisionalNote);
    const heading = paragraph(keepWords(`${b.label} ${b.title}`), { bold: b.level < 3, italics: b.level === 3 });
    return [heading, ...blocks(b.blocks, doc)];
  });
}

function signature(s: Signature): ContentStack {
  return {
    stack: [
      ...signatureLines(s).map((l): ContentText => ({ text: l.toUpperCase(), bold: true, alignment: 'center', fontSize: SIZE.signature, lineHeight: 1 })),
      { text: signerName(s), bold: true, alignment: 'center', fontSize: SIZE.signature, margin: [0, SIGNATURE_SPACE_PT, 0, 0] },
    ],
  };
}

function recipients(doc: ReportDocument): ContentStack {
  return {
    stack: [
      { text: 'Nơi nhận:', bold: true, italics: true, fontSize: SIZE.recipientsHeading, lineHeight: 1 },
      ...recipientLines(doc).map((l): ContentText => ({ text: keepWords(l), fontSize: SIZE.recipients, lineHeight: 1 })),
    ],
  };
}

function ending(doc: ReportDocument): Content {
  const [first, second] = doc.signatures;
  if (!first) throw new Error('Văn bản cần ít nhất một người ký.');
  const [l, r] = END_COLUMNS.map((f) => TEXT_WIDTH * f) as [number, number];
  if (!second)
    return {
      columns: [
        { width: l, ...recipients(doc) },
        { width: r, ...signature(first) },
      ],
      columnGap: 0,
      margin: [0, 6, 0, 0],
      unbreakable: true,
    };
  return {
    stack: [
      {
        columns: [
          { width: TEXT_WIDTH / 2, ...signature(first) },
          { width: TEXT_WIDTH / 2, ...signature(second) },
        ],
        columnGap: 0,
        margin: [0, 6, 0, 12],
      },
      recipients(doc),
    ],
    unbreakable: true,
  };
}

export function reportToPdfDefinition(doc: ReportDocument): TDocumentDefinitions {
  const provisionalInText = hasProvisional(doc.body, false);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(MARGIN_MM.left), mmToPt(MARGIN_MM.top), mmToPt(MARGIN_MM.right), mmToPt(MARGIN_MM.bottom)],
    // Arabic page numbers centred in the top margin, none on the first page.
    header: (currentPage: number) =>
      currentPage === 1
        ? null
        : {
            text: String(currentPage),
            alignment: 'center',
            fontSize: SIZE.pageNumber,
            margin: [mmToPt(MARGIN_MM.left), mmToPt(8), mmToPt(MARGIN_MM.right), 0],
          },
    // The creation date is the document's own date (Vietnam's midnight), not the moment of rendering:
    // the same report renders to the same bytes, so two copies of one version can be compared byte for byte.
    info: {
      title: `${doc.documentType} ${numberLine(doc)}`,
      author: doc.issuingBody.replace(/\n/g, ' '),
      subject: doc.summary.replace(/\n/g, ' '),
      creationDate: new Date(`${doc.date}T00:00:00+07:00`),
    },
    language: 'vi-VN',
    defaultStyle: { font: PDF_FONT, fontSize: SIZE.body, lineHeight: LINE_SPACING },
    content: [
      header(doc),
      ...title(doc),
      ...blocks(doc.body, doc),
      ...(provisionalInText && doc.provisionalNote ? [note(doc.provisionalNote)] : []),
      ending(doc),
    ],
  };
}

export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(reportToPdfDefinition(doc)).getBuffer();
}
