import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MARGIN_MM, mmToTwip, renderDocx } from '../src/index.js';
import { sampleReport } from './support.js';

let files: Record<string, string>;
let body: string;

/** Each paragraph of a piece of WordprocessingML: its text and the run sizes (pt) and styles in it. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    sizes: [...p.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2),
    bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(p),
    italic: /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(p),
    xml: p,
  }));
}
const find = (xml: string, text: string) => {
  const p = paragraphs(xml).find((x) => x.text === text);
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
};

beforeAll(async () => {
  const zip = unzipSync(new Uint8Array(await renderDocx(sampleReport())));
  files = Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
  body = files['word/document.xml'] ?? '';
});

describe('the DOCX', () => {
  it('is A4 portrait with the decree margins, page numbers from page 2 on', () => {
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(body)?.[1] ?? '';
    expect(margin).toContain(`w:top="${mmToTwip(MARGIN_MM.top)}"`);
    expect(margin).toContain(`w:bottom="${mmToTwip(MARGIN_MM.bottom)}"`);
    expect(margin).toContain(`w:left="${mmToTwip(MARGIN_MM.left)}"`);
    expect(margin).toContain(`w:right="${mmToTwip(MARGIN_MM.right)}"`);
    // 20-25 mm top and bottom, 30-35 left, 15-20 right, in twips.
    expect(mmToTwip(MARGIN_MM.top)).toBeGreaterThanOrEqual(1134);
    expect(mmToTwip(MARGIN_MM.left)).toBeGreaterThanOrEqual(1701);
    expect(body).toContain('<w:titlePg/>');
    const headers = Object.entries(files).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.some(([, xml]) => /PAGE/.test(xml) && /<w:jc w:val="center"\/>/.test(xml))).toBe(true);
  });

  it('names Times New Roman and uses only the decree sizes (11-14 pt)', () => {
    expect(files['word/styles.xml']).toMatch(/w:ascii="Times New Roman"/);
    const fonts = new Set([...body.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    const sizes = new Set(paragraphs(body).flatMap((p) => (p.text ? p.sizes : [])));
    for (const s of sizes) expect(s === 11 || s === 12 || s === 13 || s === 14).toBe(true);
    // Body text is 14 pt and justified with a first-line indent.
    const intro = paragraphs(body).find((p) => p.text.startsWith('Thực hiện Kế hoạch số 155/KH-MTTQ-CAT'));
    expect(intro?.sizes.every((s) => s === 14)).toBe(true);
    expect(intro?.xml).toMatch(/<w:jc w:val="both"\/>/);
    expect(intro?.xml).toMatch(/w:firstLine="720"/);
  });

  it('opens with the header table: issuing body left, national motto right, without borders', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(body)?.[0] ?? '';
    const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(2);
    const [left = '', right = ''] = cells;
    expect(paragraphs(left).map((p) => p.text)).toEqual(['ỦY BAN MTTQ VIỆT NAM', 'TỈNH SƠN LA', 'BAN THƯỜNG TRỰC', '', 'Số: 07/BC-MTTQ-BTT']);
    expect(paragraphs(right).map((p) => p.text)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '',
      'Sơn La, ngày 08 tháng 6 năm 2021',
    ]);
    expect(find(left, 'ỦY BAN MTTQ VIỆT NAM')).toMatchObject({ bold: false, sizes: [13] });
    expect(find(left, 'BAN THƯỜNG TRỰC')).toMatchObject({ bold: true, sizes: [13] });
    expect(find(left, 'Số: 07/BC-MTTQ-BTT')).toMatchObject({ bold: false, italic: false, sizes: [13] });
    expect(find(right, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ bold: true, sizes: [13] });
    expect(find(right, 'Độc lập - Tự do - Hạnh phúc')).toMatchObject({ bold: true, sizes: [14] });
    expect(find(right, 'Sơn La, ngày 08 tháng 6 năm 2021')).toMatchObject({ italic: true, sizes: [14] });
    // The rules under the issuing body and the motto: empty paragraphs with a solid top border.
    expect([left, right].every((c) => /<w:top w:val="single"/.test(paragraphs(c).find((p) => p.text === '')?.xml ?? ''))).toBe(true);
    expect(table).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="none"/);
  });

  it('centres the type and summary, and puts the figures in the tables right-aligned', () => {
    expect(find(body, 'BÁO CÁO')).toMatchObject({ bold: true, sizes: [14] });
    expect(find(body, 'BÁO CÁO').xml).toMatch(/<w:jc w:val="center"\/>/);
    const total = paragraphs(body).find((p) => p.text === '151.355(*)');
    expect(total).toMatchObject({ bold: true, sizes: [12] });
    expect(total?.xml).toMatch(/<w:jc w:val="right"\/>/);
    // Two header rows repeated on each page.
    expect(body.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('ends with the signature block and "Nơi nhận"', () => {
    expect(find(body, 'TM. BAN THƯỜNG TRỰC')).toMatchObject({ bold: true, sizes: [14] });
    expect(find(body, 'PHÓ CHỦ TỊCH')).toMatchObject({ bold: true, sizes: [14] });
    expect(find(body, 'Lò Thị Mai')).toMatchObject({ bold: true, sizes: [14] });
    expect(find(body, 'Nơi nhận:')).toMatchObject({ bold: true, italic: true, sizes: [12] });
    const all = paragraphs(body).map((p) => p.text);
    const recipients = all.slice(all.indexOf('Nơi nhận:') + 1, all.indexOf('Nơi nhận:') + 7);
    expect(recipients[0]).toBe('- Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam (b/c);');
    expect(recipients.at(-1)).toBe('- Lưu: VT, BPT.');
    for (const r of recipients) expect(find(body, r)).toMatchObject({ bold: false, italic: false, sizes: [11] });
  });
});
