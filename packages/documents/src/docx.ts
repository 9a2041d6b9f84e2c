/**
 * A `ReportDocument` as a Word file in the format of REPORT-FORMAT.md: A4, the decree's margins, Times New
 * Roman, the borderless header table with its rules, page numbers centred at the top from page 2 on, the
 * signature block and "Nơi nhận" side by side at the end.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import {
  DOCX_FONT,
  END_COLUMNS,
  FIRST_LINE_INDENT_MM,
  HEADER_COLUMNS,
  LINE_SPACING,
  MARGIN_MM,
  NATIONAL_MOTTO,
  NATIONAL_MOTTO_SUB,
  PAGE_MM,
  PARAGRAPH_AFTER_PT,
  SIGNATURE_SPACE_PT,
  SIZE,
  TEXT_WIDTH_MM,
  mmToTwip,
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
  type Section,
  type Signature,
  type Table as ContentTable,
} from './model.js';

const half = (pt: number) => pt * 2;
const ptToTwip = (pt: number) => Math.round(pt * 20);
const TEXT_WIDTH = mmToTwip(TEXT_WIDTH_MM);
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };

interface TextOptions {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

const text = (t: string, o: TextOptions) => new TextRun({ text: t, font: DOCX_FONT, size: half(o.size), bold: o.bold ?? false, italics: o.italics ?? false });

/** Lines of `t` (split at "\n") as one centred paragraph each. */
function centred(t: string, o: TextOptions): Paragraph[] {
  return t.split('\n').map((line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: TIGHT, children: [text(line, o)] }));
}

/**
 * A solid rule `widthPt` wide, centred in a cell `cellTwip` wide: an empty paragraph with a top border,
 * indented from both sides. Word draws a paragraph border across the paragraph's width, so the indents
 * cut it to the width of the text above it.
 */
function rule(widthPt: number, cellTwip: number): Paragraph {
  const side = Math.max(0, Math.round((cellTwip - ptToTwip(widthPt)) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 60, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    children: [text('', { size: 2 })],
  });
}

const maxWidth = (t: string, size: number, style: 'normal' | 'bold') => Math.max(...t.split('\n').map((l) => textWidthPt(l, size, style)));

function headerTable(doc: ReportDocument): Table {
  const [leftW, rightW] = HEADER_COLUMNS.map((f) => Math.round(TEXT_WIDTH * f)) as [number, number];
  const left: Paragraph[] = [
    ...(doc.parentBody ? centred(doc.parentBody.toUpperCase(), { size: SIZE.parentBody }) : []),
    ...centred(doc.issuingBody.toUpperCase(), { size: SIZE.issuingBody, bold: true }),
    rule(maxWidth(doc.issuingBody.toUpperCase(), SIZE.issuingBody, 'bold') * 0.4, leftW),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 }, children: [text(numberLine(doc), { size: SIZE.number })] }),
  ];
  const right: Paragraph[] = [
    ...centred(NATIONAL_MOTTO, { size: SIZE.motto, bold: true }),
    ...centred(NATIONAL_MOTTO_SUB, { size: SIZE.mottoSub, bold: true }),
    rule(textWidthPt(NATIONAL_MOTTO_SUB, SIZE.mottoSub, 'bold'), rightW),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 0 },
      children: [text(placeAndDate(doc), { size: SIZE.placeDate, italics: true })],
    }),
  ];
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 }, borders: NO_BORDERS });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftW), cell(right, rightW)] })],
  });
}

function titleBlock(doc: ReportDocument): Paragraph[] {
  const summary = centred(doc.summary, { size: SIZE.summary, bold: true });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0 },
      children: [text(doc.documentType.toUpperCase(), { size: SIZE.documentType, bold: true })],
    }),
    ...summary,
    rule(maxWidth(doc.summary, SIZE.summary, 'bold') / 3, TEXT_WIDTH),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

const bodySpacing = { before: 0, after: ptToTwip(PARAGRAPH_AFTER_PT), line: Math.round(240 * LINE_SPACING), lineRule: LineRuleType.AUTO };

function runs(rs: Run[], size: number): ParagraphChild[] {
  return rs.map((r) => {
    if (typeof r === 'string') return text(r, { size });
    if ('figure' in r) return text(runText(r), { size });
    return text(r.text, { size, bold: r.bold ?? false, italics: r.italic ?? false });
  });
}

function bodyParagraph(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mmToTwip(FIRST_LINE_INDENT_MM) }, spacing: bodySpacing, children });
}

function sectionHeading(s: Section): Paragraph {
  const o = { size: SIZE.body, bold: s.level < 3, italics: s.level === 3 };
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwip(FIRST_LINE_INDENT_MM) },
    spacing: bodySpacing,
    keepNext: true,
    children: [text(`${s.label} ${s.title}`, o)],
  });
}

function note(t: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 60, after: 120 }, children: [text(t, { size: SIZE.tableNote, italics: true })] });
}

function table(t: ContentTable, provisionalNote: string | undefined): (Paragraph | Table)[] {
  validateTable(t);
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.round((TEXT_WIDTH * c.width) / total));
  const cellMargins = { left: 60, right: 60, top: 30, bottom: 30 };
  const cellParagraph = (content: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], o: TextOptions) =>
    new Paragraph({ alignment: align, spacing: TIGHT, children: [text(content, o)] });
  const header = t.headerRows.map(
    (_, r) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headerGrid(t)
          .filter((c) => c.row === r)
          .map(
            (c) =>
              new TableCell({
                children: [cellParagraph(c.text, AlignmentType.CENTER, { size: SIZE.table, bold: true })],
                columnSpan: c.colSpan,
                rowSpan: c.rowSpan,
                width: { size: widths.slice(c.col, c.col + c.colSpan).reduce((s, w) => s + w, 0), type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                margins: cellMargins,
              }),
          ),
      }),
  );
  const body = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map((cell, i) => {
          const kind = t.columns[i]?.kind ?? 'text';
          const content = cell === null ? '' : isFigure(cell) ? formatFigure(cell) : cell;
          const align = kind === 'figure' ? AlignmentType.RIGHT : kind === 'index' ? AlignmentType.CENTER : AlignmentType.LEFT;
          return new TableCell({
            children: [cellParagraph(content, align, { size: SIZE.table, bold: row.total ?? false })],
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: cellMargins,
          });
        }),
      }),
  );
  const provisional = t.rows.some((r) => r.cells.some((c) => isFigure(c) && c.provisional));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 0 },
      children: [text(t.caption, { size: SIZE.table + 1, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      spacing: { before: 0, after: 60 },
      children: [text(t.unit, { size: SIZE.table, italics: true })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: GRID,
      rows: [...header, ...body],
    }),
    ...(provisional && provisionalNote ? [note(provisionalNote)] : [new Paragraph({ spacing: { before: 0, after: 120 }, children: [] })]),
  ];
}

function blocks(bs: Block[], doc: ReportDocument): (Paragraph | Table)[] {
  return bs.flatMap((b) => {
    if (b.kind === 'paragraph') return [bodyParagraph(runs(b.runs, SIZE.body))];
    if (b.kind === 'table') return table(b, doc.provisionalNote);
    return [sectionHeading(b), ...blocks(b.blocks, doc)];
  });
}

function signatureParagraphs(s: Signature): Paragraph[] {
  const lines = signatureLines(s).map(
    (l) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: TIGHT,
        children: [text(l.toUpperCase(), { size: SIZE.signature, bold: true })],
      }),
  );
  return [
    ...lines,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: ptToTwip(SIGNATURE_SPACE_PT), after: 0 },
      children: [text(signerName(s), { size: SIZE.signature, bold: true })],
    }),
  ];
}

function recipientParagraphs(doc: ReportDocument): Paragraph[] {
  return [
    new Paragraph({ spacing: TIGHT, keepNext: true, children: [text('Nơi nhận:', { size: SIZE.recipientsHeading, bold: true, italics: true })] }),
    ...recipientLines(doc).map((l) => new Paragraph({ spacing: TIGHT, keepNext: true, children: [text(l, { size: SIZE.recipients })] })),
  ];
}

function endTable(left: Paragraph[], right: Paragraph[], fractions: readonly [number, number]): Table {
  const widths = fractions.map((f) => Math.round(TEXT_WIDTH * f));
  const cell = (children: Paragraph[], w: number) =>
    new TableCell({ children, width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS, margins: { left: 0, right: 0, top: 0, bottom: 0 } });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, widths[0] ?? 0), cell(right, widths[1] ?? 0)] })],
  });
}

/** The signature block and "Nơi nhận": side by side for one signer; for two, both signatures first, then "Nơi nhận". */
function ending(doc: ReportDocument): (Paragraph | Table)[] {
  const [first, second] = doc.signatures;
  if (!first) throw new Error('Văn bản cần ít nhất một người ký.');
  const gap = new Paragraph({ spacing: { before: 0, after: 120 }, keepNext: true, children: [] });
  if (!second) return [gap, endTable(recipientParagraphs(doc), signatureParagraphs(first), END_COLUMNS)];
  return [gap, endTable(signatureParagraphs(first), signatureParagraphs(second), [0.5, 0.5]), gap, ...recipientParagraphs(doc)];
}

export function reportToDocx(doc: ReportDocument): Document {
  const provisionalInText = hasProvisional(doc.body, false);
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: half(SIZE.pageNumber) })],
  });
  return new Document({
    creator: doc.issuingBody.replace(/\n/g, ' '),
    title: `${doc.documentType} ${numberLine(doc)}`,
    description: doc.summary.replace(/\n/g, ' '),
    styles: { default: { document: { run: { font: DOCX_FONT, size: half(SIZE.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mmToTwip(PAGE_MM.width), height: mmToTwip(PAGE_MM.height), orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mmToTwip(MARGIN_MM.top),
              bottom: mmToTwip(MARGIN_MM.bottom),
              left: mmToTwip(MARGIN_MM.left),
              right: mmToTwip(MARGIN_MM.right),
              header: mmToTwip(8),
              footer: mmToTwip(8),
            },
          },
        },
        headers: { default: new Header({ children: [pageNumber] }), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: [
          headerTable(doc),
          ...titleBlock(doc),
          ...blocks(doc.body, doc),
          ...(provisionalInText && doc.provisionalNote ? [note(doc.provisionalNote)] : []),
          ...ending(doc),
        ],
      },
    ],
  });
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  return Packer.toBuffer(reportToDocx(doc));
}
