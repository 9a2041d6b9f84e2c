/**
 * The page and type of shared/docs/REPORT-FORMAT.md (Decree 30/2020/NĐ-CP, Appendix I), in one place so
 * that the DOCX and the PDF agree and the tests check the same numbers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

export const PAGE_MM = { width: 210, height: 297 } as const;
/** Top and bottom 20-25 mm, left 30-35 mm (binding), right 15-20 mm. */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
export const TEXT_WIDTH_MM = PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right;

/** Sizes in points. */
export const SIZE = {
  parentBody: 13,
  issuingBody: 13,
  motto: 13,
  mottoSub: 14,
  number: 13,
  placeDate: 14,
  documentType: 14,
  summary: 14,
  body: 14,
  table: 12,
  tableNote: 12,
  signature: 14,
  recipientsHeading: 12,
  recipients: 11,
  pageNumber: 13,
} as const;

/** Header table: issuing body left (about 40%), national motto right (about 60%). */
export const HEADER_COLUMNS = [0.4, 0.6] as const;
/** "Nơi nhận" left, signature right, in the same band. */
export const END_COLUMNS = [0.45, 0.55] as const;
export const FIRST_LINE_INDENT_MM = 12.7;
export const PARAGRAPH_AFTER_PT = 6;
/** Line spacing as a multiple of single spacing (single to 1.5 allowed). */
export const LINE_SPACING = 1.15;
/** Vertical room left for the signature and the stamp, in points. */
export const SIGNATURE_SPACE_PT = 80;

export const NATIONAL_MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';
/** Times New Roman in the DOCX (the reader's Word has it); the PDF embeds the metric-compatible Liberation Serif. */
export const DOCX_FONT = 'Times New Roman';

export const PT_PER_MM = 72 / 25.4;
export const TWIP_PER_MM = 1440 / 25.4;
export const mmToPt = (mm: number) => mm * PT_PER_MM;
export const mmToTwip = (mm: number) => Math.round(mm * TWIP_PER_MM);

export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';
const FILES: Record<FontStyle, string> = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
};

export const FONT_DIR = fileURLToPath(new URL('../fonts/', import.meta.url));
export const fontFile = (style: FontStyle) => FONT_DIR + FILES[style];

const fonts = new Map<FontStyle, fontkit.Font>();
function font(style: FontStyle): fontkit.Font {
  let f = fonts.get(style);
  if (!f) {
    f = fontkit.create(readFileSync(fontFile(style))) as fontkit.Font;
    fonts.set(style, f);
  }
  return f;
}

/**
 * Width of a line of text in points. Liberation Serif has Times New Roman's advance widths, so this is
 * also the width Word gives it: the rules under the issuing body and the motto are cut to it.
 */
export function textWidthPt(text: string, sizePt: number, style: FontStyle = 'normal'): number {
  const f = font(style);
  return (f.layout(text).advanceWidth / f.unitsPerEm) * sizePt;
}
