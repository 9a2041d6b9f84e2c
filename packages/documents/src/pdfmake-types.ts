/** The shapes of a pdfmake document definition that the renderer builds (pdfmake 0.3's documented keys). */
export type Margin = [number, number, number, number];
export type Alignment = 'left' | 'right' | 'center' | 'justify';

interface Style {
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  alignment?: Alignment;
  lineHeight?: number;
  margin?: Margin;
  noWrap?: boolean;
  /** Indent of a paragraph's first line, in points. */
  leadingIndent?: number;
  unbreakable?: boolean;
}

export interface ContentText extends Style {
  text: string | ContentText[];
}
export interface ContentStack extends Style {
  stack: Content[];
}
export interface ContentColumns extends Style {
  columns: (Content & { width: number })[];
  columnGap?: number;
}
export interface ContentCanvas extends Style {
  canvas: { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth: number }[];
}
export interface TableCell extends ContentText {
  colSpan?: number;
  rowSpan?: number;
}
export interface CustomTableLayout {
  hLineWidth: () => number;
  vLineWidth: () => number;
  paddingLeft: () => number;
  paddingRight: () => number;
  paddingTop: () => number;
  paddingBottom: () => number;
}
export interface ContentTable extends Style {
  table: { headerRows: number; widths: number[]; body: TableCell[][]; dontBreakRows?: boolean };
  layout: CustomTableLayout;
}
export type Content = ContentText | ContentStack | ContentColumns | ContentCanvas | ContentTable;

export interface TDocumentDefinitions {
  pageSize: 'A4';
  pageOrientation: 'portrait' | 'landscape';
  /** Left, top, right, bottom, in points. */
  pageMargins: Margin;
  header: (currentPage: number) => Content | null;
  info: { title: string; author: string; subject: string; creationDate?: Date };
  language: string;
  defaultStyle: { font: string; fontSize: number; lineHeight: number };
  content: Content[];
}
