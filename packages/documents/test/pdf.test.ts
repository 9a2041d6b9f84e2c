import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { MARGIN_MM, TEXT_WIDTH_MM, mmToPt, renderPdf } from '../src/index.js';
import { FIXED_SENTENCE, sampleReport } from './support.js';

let pdf: PDFDocumentProxy;

/** A page's text as read by a person: items joined, a space at each line end, spaces collapsed. */
async function pageText(n: number): Promise<string> {
  const content = await (await pdf.getPage(n)).getTextContent();
  return content.items
    .map((i) => ('str' in i ? i.str + (i.hasEOL ? ' ' : '') : ''))
    .join('')
    .replace(/\s+/g, ' ');
}

beforeAll(async () => {
  const data = new Uint8Array(await renderPdf(sampleReport()));
  pdf = await getDocument({ data, fontExtraProperties: true, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
});

describe('the PDF', () => {
  it('renders one report to the same bytes at any moment, dated by the document itself', async () => {
    const first = await renderPdf(sampleReport());
    await new Promise((r) => setTimeout(r, 1_100));
    const second = await renderPdf(sampleReport());
    expect(second.equals(first)).toBe(true);
    const info = (await pdf.getMetadata()).info as { CreationDate?: string };
    // Midnight of the document's date in Vietnam (UTC+7), written in UTC.
    const midnight = new Date(`${sampleReport().date}T00:00:00+07:00`).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    expect(info.CreationDate).toBe(`D:${midnight}Z`);
  });

  it('is A4 and has more than one page', async () => {
    expect(pdf.numPages).toBeGreaterThan(1);
    const [, , w, h] = (await pdf.getPage(1)).view;
    expect(w).toBeCloseTo(595.28, 1);
    expect(h).toBeCloseTo(841.89, 1);
  });

  it('embeds every font it uses, the shipped Liberation Serif', async () => {
    const fonts = new Map<string, { name: string; missingFile: boolean; data?: Uint8Array }>();
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const ops = await page.getOperatorList();
      ops.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return;
        const id = (ops.argsArray[i] as [string])[0];
        fonts.set(id, page.commonObjs.get(id));
      });
    }
    const styles = new Set<string>();
    for (const f of fonts.values()) {
      expect(f.missingFile, f.name).toBe(false);
      expect(f.data?.length ?? 0, f.name).toBeGreaterThan(1000);
      styles.add(f.name.replace(/^[A-Z]{6}\+/, ''));
    }
    expect([...styles].sort()).toEqual(['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-BoldItalic', 'LiberationSerif-Italic']);
  });

  it('keeps every Vietnamese letter in the extracted text', async () => {
    const first = await pageText(1);
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toContain('Sơn La, ngày 08 tháng 6 năm 2021');
    expect(first).toContain('Số: 07/BC-MTTQ-BTT');
    const all = (await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pageText(i + 1)))).join(' ');
    expect(all.normalize('NFC')).toBe(all);
    expect(all).toContain(FIXED_SENTENCE);
    expect(all).toContain('Nơi nhận:');
    expect(all).toContain('- Lưu: VT, BPT.');
  });

  it('numbers pages from the second on, centred in the top margin', async () => {
    const topmost = async (n: number) => {
      const items = (await (await pdf.getPage(n)).getTextContent()).items.flatMap((i) => ('str' in i && i.str.trim() ? [i] : []));
      return items.reduce((a, b) => ((b.transform[5] as number) > (a.transform[5] as number) ? b : a));
    };
    expect((await topmost(1)).str).toBe('ỦY BAN MTTQ VIỆT NAM');
    const number = await topmost(2);
    expect(number.str).toBe('2');
    // Above the text area (top margin 20 mm = 56.7 pt) and centred on it (left 30 mm, right 15 mm).
    expect(number.transform[5] as number).toBeGreaterThan(841.89 - mmToPt(MARGIN_MM.top));
    const centre = (number.transform[4] as number) + number.width / 2;
    expect(centre).toBeCloseTo(mmToPt(MARGIN_MM.left) + mmToPt(TEXT_WIDTH_MM) / 2, -1);
  });
});
