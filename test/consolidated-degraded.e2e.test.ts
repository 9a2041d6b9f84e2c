/**
 * End to end over HTTP: the consolidated report still comes out when one organization's subgraph is
 * down. The women's union's subgraph is stopped; the joint document (hosted by the Front's subgraph)
 * names the union as "chưa có số liệu / không kết nối được" with the time it was tried, and prints every
 * other organization's figures as their own parts give them.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainOn, periodById } from '@antt/reference';
import { leadership } from '@antt/testing';
import { docxText, FILE, veteransPartOfTheWindow, type DocumentFile } from './support/consolidated.js';
import { post, startFederation, type Federation } from './support/federation.js';

const THUAN_CHAU = 'district:119@2019';
type Part = { sections: { figures: { labelVi: string; value: number }[] }[] };

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation();
  await veteransPartOfTheWindow(fed, { topic: 'Phòng, chống lừa đảo', date: '2021-04-01', participants: 30 });
});
afterAll(async () => fed?.stop());

const Q = `query($u: ID!) { c: consolidatedReport(unitId: $u, periodId: "2021-PLAN-6M") {
  veterans { sections { figures { labelVi value } } }
  docx: document(format: DOCX) { ${FILE} } xlsx: document(format: XLSX) { ${FILE} }
} }`;

/** "14 giờ 05 ngày 02/12/2026" of an instant, in Vietnam (UTC+7). */
function inVietnam(ms: number): string {
  const d = new Date(ms + 7 * 3600_000).toISOString();
  return `${d.slice(11, 13)} giờ ${d.slice(14, 16)} ngày ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

describe("the consolidated report with the women's union's subgraph down", () => {
  it('comes out, naming the union as not connected with the time tried, with every other part', async () => {
    const women = chainOn('women', periodById('2021-PLAN-6M')!.end).bodyVi;
    const up = await post<{ c: { docx: DocumentFile } }>(fed.gateway.url, Q, { u: THUAN_CHAU }, leadership());
    expect(up.errors).toBeUndefined();
    expect(docxText(up.data!.c.docx)).not.toContain('không kết nối được');

    await fed.subgraphs.women.stop();
    let res;
    const before = Date.now();
    try {
      res = await post<{ c: { veterans: Part; docx: DocumentFile; xlsx: DocumentFile } }>(fed.gateway.url, Q, { u: THUAN_CHAU }, leadership());
    } finally {
      await fed.restart('women');
    }
    const after = Date.now();
    expect(res.status).toBe(200);
    const c = res.data!.c;
    expect(c.docx, JSON.stringify(res.errors)).not.toBeNull();
    expect(c.xlsx).not.toBeNull();
    // The only errors name the union, in Vietnamese, never a service.
    for (const e of res.errors ?? []) expect(e.extensions?.organization).toBe('Hội Liên hiệp Phụ nữ tỉnh Sơn La');

    const text = docxText(c.docx);
    const tried = [inVietnam(before), inVietnam(after)];
    const said = new RegExp(`${women}: chưa có số liệu / không kết nối được \\(thử lúc (\\d\\d giờ \\d\\d ngày [\\d/]+)\\)`).exec(text);
    expect(said, text.slice(0, 3000)).not.toBeNull();
    expect(tried).toContain(said![1]);
    expect(text).toContain(`Chưa có số liệu / không kết nối được: hệ thống của ${women} không trả lời khi tổng hợp`);
    // Incomplete: marked provisional, and the other organizations are all there.
    expect(text).toContain('(*) Số liệu tạm thời');
    for (const org of ['police', 'front', 'veterans', 'farmers'] as const) expect(text).toContain(chainOn(org, periodById('2021-PLAN-6M')!.end).bodyVi);

    // The veterans' figures in the workbook are their part's, as the API gives it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(c.xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('to-chuc-veterans');
    const expected = new Map(c.veterans.sections.flatMap((s) => s.figures.filter((f) => f.value !== 0).map((f) => [f.labelVi, f.value] as const)));
    expect(expected.size).toBeGreaterThan(0);
    const got = new Map<string, number>();
    sheet!.eachRow((row) => {
      const v = row.getCell(sheet!.columnCount).value;
      const label = row.getCell(3).value;
      if (typeof v === 'number' && typeof label === 'string') got.set(label, v);
    });
    expect(got).toEqual(expected);
    expect(wb.getWorksheet('to-chuc-women')).toBeUndefined();
  }, 60000);
});
