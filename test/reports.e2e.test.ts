/**
 * The reporting regime end to end over HTTP: commune branches of two organizations submit their
 * six-month reports (10/12/2020 – 09/06/2021), the level above returns one and approves the other,
 * the police and the Front accept, and the consolidated report comes out with the figures of the records
 * they came from, provisional markers and timeliness; a correction after the lock makes new versions of
 * every covering report, the old one official until re-approval.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIENG_PHA, THUAN_CHAU, consolidator, leadership, staff } from '@antt/testing';
import { dueDateOf } from '@antt/subgraph-kit';
import { periodById, periodContaining } from '@antt/reference';
import { post, startFederation, type Federation } from './support/federation.js';

let fed: Federation;
/** The women's commune report of the cycle below, downloaded as documents afterwards. */
let womenReportId = '';
const url = () => fed.gateway.url;
const gq = async <T = Record<string, unknown>>(q: string, v: Record<string, unknown>, who: Parameters<typeof post>[3]) => post<T>(url(), q, v, who);

beforeAll(async () => {
  fed = await startFederation();
}, 60000);
afterAll(async () => fed?.stop());

const commune = (org: 'women' | 'veterans') => staff(org, CHIENG_PHA);
const district = (org: 'women' | 'veterans') => staff(org, THUAN_CHAU);

async function activity(org: 'women' | 'veterans', date: string, participants: number, reason?: string) {
  const P = org === 'women' ? 'Women' : 'Veterans';
  const res = await gq(
    `mutation($i: Record${P}ActivityInput!, $r: String) { r: record${P}Activity(input: $i, reason: $r) { id } }`,
    { i: { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo', date, unitId: CHIENG_PHA, participants }, r: reason ?? null },
    commune(org),
  );
  return res;
}

const SUBMIT = (P: string) =>
  `mutation($u: ID!, $p: ID!) { r: submit${P}Report(unitId: $u, periodId: $p, input: { results: "Đã tuyên truyền" }) { id reportVersion stage timeliness } }`;

describe('period arithmetic', () => {
  it('tiles a year boundary and the 2025 reforms', () => {
    expect(periodContaining('PLAN_SIX_MONTH', '2020-12-10')!.id).toBe('2021-PLAN-6M');
    expect(periodContaining('PLAN_SIX_MONTH', '2020-12-09')!.id).toBe('2020-PLAN-6M2');
    expect(periodContaining('PLAN_YEAR', '2020-12-31')!.id).toBe('2021-PLAN-Y');
    expect(dueDateOf(periodById('2021-PLAN-6M')!)).toBe('2021-06-10');
    expect(dueDateOf(periodById('2021-PLAN-Y')!)).toBe('2021-12-10');
    expect(periodContaining('QUARTER', '2025-06-30')!.id).toBe('2025-Q2');
    expect(periodContaining('MONTH', '2025-02-01')!.id).toBe('2025-02');
  });
});

describe('the six-month report ending 9 June 2021', () => {
  it('goes from submission to acceptance and consolidation', async () => {
    expect((await activity('women', '2021-03-01', 40)).errors).toBeUndefined();
    expect((await activity('women', '2021-05-02', 25)).errors).toBeUndefined();
    expect((await activity('veterans', '2021-04-01', 30)).errors).toBeUndefined();
    // Outside the window: must not count.
    expect((await activity('women', '2021-06-10', 99)).errors).toBeUndefined();

    const draft = await gq(
      `query($u: ID!) { d: womenReportDraft(unitId: $u, periodId: "2021-PLAN-6M") { dueDate basis { kind } sections { id figures { key value } } } }`,
      { u: CHIENG_PHA },
      commune('women'),
    );
    expect(draft.errors).toBeUndefined();
    const d = (draft.data as { d: { dueDate: string; basis: { kind: string }; sections: { id: string; figures: { key: string; value: number }[] }[] } }).d;
    expect(d.dueDate).toBe('2021-06-10');
    expect(d.basis.kind).toBe('LIVE');
    const ii2 = d.sections.find((s) => s.id === 'II.2')!;
    expect(ii2.figures.find((f) => f.key === 'WomenActivity.type.PROPAGANDA')!.value).toBe(2);
    expect(ii2.figures.find((f) => f.key === 'WomenActivity.type.PROPAGANDA.participants')!.value).toBe(65);

    const w = (await gq<{ r: { id: string; stage: string; timeliness: string } }>(SUBMIT('Women'), { u: CHIENG_PHA, p: '2021-PLAN-6M' }, commune('women')))
      .data!.r;
    womenReportId = w.id;
    const v = (await gq<{ r: { id: string; stage: string } }>(SUBMIT('Veterans'), { u: CHIENG_PHA, p: '2021-PLAN-6M' }, commune('veterans'))).data!.r;
    expect(w.stage).toBe('SUBMITTED');
    expect(w.timeliness).toBe('LATE'); // submitted today, long after 10 June 2021
    // Another commune's staff or the commune itself cannot approve; the district returns one and approves the other.
    const selfApprove = await gq(`mutation($id: ID!) { r: approveWomenReport(id: $id) { id } }`, { id: w.id }, commune('women'));
    expect(selfApprove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ret = await gq<{ r: { stage: string } }>(
      `mutation($id: ID!) { r: returnVeteransReport(id: $id, comment: "Bổ sung số liệu tuần tra") { stage } }`,
      { id: v.id },
      district('veterans'),
    );
    expect(ret.data!.r.stage).toBe('RETURNED');
    const appr = await gq<{ r: { stage: string; basis: { kind: string; reportVersion: number } } }>(
      `mutation($id: ID!) { r: approveWomenReport(id: $id) { stage basis { kind reportVersion } } }`,
      { id: w.id },
      district('women'),
    );
    expect(appr.errors).toBeUndefined();
    expect(appr.data!.r).toMatchObject({ stage: 'APPROVED', basis: { kind: 'LOCKED', reportVersion: 1 } });
    // The veterans resubmit: version 2.
    const v2 = (await gq<{ r: { id: string; reportVersion: number } }>(SUBMIT('Veterans'), { u: CHIENG_PHA, p: '2021-PLAN-6M' }, commune('veterans'))).data!.r;
    expect(v2.reportVersion).toBe(2);
    await gq(`mutation($id: ID!) { r: approveVeteransReport(id: $id) { stage } }`, { id: v2.id }, district('veterans'));
    // The police and the Front accept the women's report; only the police the veterans'.
    const ACCEPT = (P: string) => `mutation($id: ID!) { r: accept${P}Report(id: $id) { stage } }`;
    expect((await gq(ACCEPT('Women'), { id: w.id }, staff('women'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gq<{ r: { stage: string } }>(ACCEPT('Women'), { id: w.id }, consolidator('police'))).data!.r.stage).toBe('APPROVED');
    expect((await gq<{ r: { stage: string } }>(ACCEPT('Women'), { id: w.id }, consolidator('front'))).data!.r.stage).toBe('ACCEPTED');
    expect((await gq<{ r: { stage: string } }>(ACCEPT('Veterans'), { id: v2.id }, consolidator('police'))).data!.r.stage).toBe('APPROVED');

    const CONSOLIDATED = `query($u: ID!) { c: consolidatedReport(unitId: $u, periodId: "2021-PLAN-6M") {
      period { id } unit { id }
      women { provisional reports { reportVersion stage } sections { id figures { key value provisional } } missing { unit { id } } late { unit { id } timeliness } }
      veterans { provisional reports { reportVersion } sections { id figures { key value provisional } } }
    } }`;
    type Part = {
      provisional: boolean;
      reports: { reportVersion: number }[];
      sections: { id: string; figures: { key: string; value: number; provisional: boolean }[] }[];
      late?: { unit: { id: string } }[];
      missing?: unknown[];
    };
    const c = await gq<{ c: { women: Part; veterans: Part } }>(CONSOLIDATED, { u: THUAN_CHAU }, leadership());
    expect(c.errors).toBeUndefined();
    const fig = (p: Part, key: string) => p.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;
    expect(c.data!.c.women.provisional).toBe(false);
    expect(fig(c.data!.c.women, 'WomenActivity.type.PROPAGANDA')).toMatchObject({ value: 2, provisional: false });
    expect(c.data!.c.veterans.provisional).toBe(true);
    expect(fig(c.data!.c.veterans, 'VeteransActivity.type.PROPAGANDA')).toMatchObject({ value: 1, provisional: true });
    expect(c.data!.c.women.late!.map((l) => l.unit.id)).toContain(CHIENG_PHA);
    expect(c.data!.c.women.missing!.length).toBeGreaterThan(0);

    // A record added after the lock needs a reason and makes a new version of every covering report.
    const noReason = await activity('women', '2021-04-15', 10);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await activity('women', '2021-04-15', 10, 'Bổ sung buổi tuyên truyền bị sót')).errors).toBeUndefined();
    const versions = await gq<{
      r: { reportVersion: number; stage: string; official: boolean; cause: string | null; sections: { figures: { key: string; value: number }[] }[] }[];
    }>(
      `query($u: ID!) { r: womenReports(unitId: $u, periodId: "2021-PLAN-6M") { reportVersion stage official cause sections { figures { key value } } } }`,
      { u: CHIENG_PHA },
      district('women'),
    );
    expect(versions.errors).toBeUndefined();
    const list = versions.data!.r;
    expect(list.map((x) => [x.reportVersion, x.stage, x.official])).toEqual([
      [1, 'ACCEPTED', true],
      [2, 'SUBMITTED', false],
    ]);
    expect(list[1]!.cause).toContain('Bổ sung buổi tuyên truyền bị sót');
    const val = (x: (typeof list)[number]) => x.sections.flatMap((s) => s.figures).find((f) => f.key === 'WomenActivity.type.PROPAGANDA')!.value;
    expect([val(list[0]!), val(list[1]!)]).toEqual([2, 3]);
    // The consolidated report keeps the official (accepted) figures until the new version is approved.
    const again = await gq<{ c: { women: Part } }>(CONSOLIDATED, { u: THUAN_CHAU }, leadership());
    expect(fig(again.data!.c.women, 'WomenActivity.type.PROPAGANDA').value).toBe(2);
  }, 60000);
});

type DocumentFile = { fileName: string; mediaType: string; base64: string; byteLength: number };
type Figures = { id: string; figures: { key: string; labelVi: string; value: number; provisional: boolean }[] }[];
const FILE = 'fileName mediaType base64 byteLength';
const bytesOf = (f: DocumentFile) => {
  const b = Buffer.from(f.base64, 'base64');
  expect(b.length).toBe(f.byteLength);
  return new Uint8Array(b);
};

/** The DOCX's body as WordprocessingML, and the text of each paragraph (runs joined). */
function docxParagraphs(f: DocumentFile): { xml: string; texts: string[] } {
  const xml = strFromU8(unzipSync(bytesOf(f))['word/document.xml']!);
  const texts = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  return { xml, texts };
}

/** Every page's text as a reader gets it (a space at line ends), and the fonts the pages use. */
async function pdfContent(f: DocumentFile): Promise<{ text: string; fonts: { name: string; missingFile: boolean; data?: Uint8Array }[] }> {
  const pdf = await getDocument({ data: bytesOf(f), fontExtraProperties: true, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const texts: string[] = [];
  const fonts = new Map<string, { name: string; missingFile: boolean; data?: Uint8Array }>();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    texts.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? ' ' : '') : '')).join(''));
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.setFont) return;
      const id = (ops.argsArray[i] as [string])[0];
      fonts.set(id, page.commonObjs.get(id));
    });
  }
  return { text: texts.join(' ').replace(/\s+/g, ' '), fonts: [...fonts.values()] };
}

/** Each table sheet of the XLSX as label → value (the label in `labelCol`, the value in the last column). */
async function xlsxFigures(f: DocumentFile, labelCol: number): Promise<Map<string, Map<string, number>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
  const out = new Map<string, Map<string, number>>();
  wb.eachSheet((ws) => {
    const m = new Map<string, number>();
    ws.eachRow((row) => {
      const v = row.getCell(ws.columnCount).value;
      const label = row.getCell(labelCol).value;
      if (typeof v === 'number' && typeof label === 'string') m.set(label, v);
    });
    out.set(ws.name, m);
  });
  return out;
}

describe('the six-month report as documents people sign', () => {
  const VERSION = `query($id: ID!) { r: womenReportVersion(id: $id) {
    reportVersion stage sections { id figures { key labelVi value provisional } }
    docx: document(format: DOCX) { ${FILE} } pdf: document(format: PDF) { ${FILE} } xlsx: document(format: XLSX) { ${FILE} }
  } }`;
  type Version = { reportVersion: number; stage: string; sections: Figures; docx: DocumentFile; pdf: DocumentFile; xlsx: DocumentFile };
  let version: Version;

  beforeAll(async () => {
    expect(womenReportId).not.toBe('');
    const res = await gq<{ r: Version }>(VERSION, { id: womenReportId }, district('women'));
    expect(res.errors).toBeUndefined();
    version = res.data!.r;
  }, 60000);

  const nonZero = (sections: Figures) => sections.flatMap((s) => s.figures.filter((f) => f.value !== 0));

  it("gives the women's commune report as DOCX with its header, number, figures and recipients", () => {
    expect(version).toMatchObject({ reportVersion: 1, stage: 'ACCEPTED' });
    expect(version.docx.fileName).toBe('bao-cao-hoi-lien-hiep-phu-nu-xa-chieng-pha-2021-plan-6m-v1.docx');
    expect(version.docx.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { xml, texts } = docxParagraphs(version.docx);
    // The header table: the superior body and the branch left, the motto right, place and date of approval.
    const header = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    const headerText = [...header.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    expect(headerText).toContain('HỘI LIÊN HIỆP PHỤ NỮ HUYỆN THUẬN CHÂU');
    expect(headerText).toContain('HỘI LIÊN HIỆP PHỤ NỮ XÃ CHIỀNG PHA');
    expect(headerText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // The first document the branch issued this year: number 01 in its register.
    expect(texts).toContain('Số: 01/BC-HLHPN');
    expect(texts.some((t) => /^Chiềng Pha, ngày \d\d tháng \d+ năm \d{4}$/.test(t))).toBe(true);
    expect(texts).toContain('BÁO CÁO');
    expect(texts.join('\n')).toContain('(từ ngày 10/12/2020 đến ngày 09/06/2021)');
    expect(texts).toContain('Nơi nhận:');
    expect(texts).toContain('- Hội Liên hiệp Phụ nữ huyện Thuận Châu (b/c);');
    expect(texts).toContain('- Lưu: VT.');
    // Signed by the approver, whose name the graph knows when they download it; the title by level.
    expect(texts).toContain('TM. BAN CHẤP HÀNH');
    expect(texts).toContain(district('women').name);
    // Every figure the API gives, in the tables; none provisional: the version was accepted by both.
    const figures = nonZero(version.sections);
    expect(figures.find((f) => f.key === 'WomenActivity.type.PROPAGANDA')!.value).toBe(2);
    const cells = new Set(texts);
    for (const f of figures) {
      expect(cells.has(f.labelVi), f.labelVi).toBe(true);
      expect(f.provisional).toBe(false);
    }
    expect(texts).toContain('65');
    expect(xml).not.toContain('(*)');
  });

  it('prints a version not yet approved without a number, dated its submission, its figures provisional', async () => {
    const res = await gq<{ r: { reportVersion: number; stage: string; submittedOn: string; document: DocumentFile }[] }>(
      `query($u: ID!) { r: womenReports(unitId: $u, periodId: "2021-PLAN-6M") { reportVersion stage submittedOn document(format: DOCX) { ${FILE} } } }`,
      { u: CHIENG_PHA },
      district('women'),
    );
    expect(res.errors).toBeUndefined();
    const v2 = res.data!.r.find((x) => x.reportVersion === 2)!;
    expect(v2.stage).toBe('SUBMITTED');
    const { texts } = docxParagraphs(v2.document);
    expect(texts.some((t) => /^Số: \s+\/BC-HLHPN$/.test(t))).toBe(true);
    const [y, m, d] = v2.submittedOn.split('-');
    expect(texts.some((t) => t.startsWith(`Chiềng Pha, ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`))).toBe(true);
    expect(texts).toContain('3(*)');
    expect(texts.join('\n')).toContain('(*) Số liệu tạm thời');
    // The downloads are in the women's audit trail as reads of the report versions.
    const reads = fed.databases.women.prepare("SELECT record_ids AS ids FROM audit_log WHERE action = 'READ' AND fields LIKE '%\"document\"%'").all() as {
      ids: string;
    }[];
    expect(reads.some((r) => r.ids.includes(womenReportId))).toBe(true);
  });

  it('gives it as PDF with the figures, Vietnamese text intact and every font embedded', async () => {
    expect(version.pdf.mediaType).toBe('application/pdf');
    const { text, fonts } = await pdfContent(version.pdf);
    expect(text.normalize('NFC')).toBe(text);
    expect(text).toContain('Số: 01/BC-HLHPN');
    expect(text).toContain('Hội Liên hiệp Phụ nữ xã Chiềng Pha báo cáo kết quả thực hiện 6 tháng đầu năm 2021');
    expect(text).toContain('Nơi nhận:');
    for (const f of nonZero(version.sections)) expect(text).toContain(f.labelVi);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.missingFile, f.name).toBe(false);
      expect(f.name).toMatch(/LiberationSerif/);
    }
  });

  it('gives its tables as XLSX with the figures equal to the API', async () => {
    const sheets = await xlsxFigures(version.xlsx, 2);
    for (const s of version.sections) {
      const expected = new Map(s.figures.filter((f) => f.value !== 0).map((f) => [f.labelVi, f.value]));
      if (!expected.size) {
        expect(sheets.has(`muc-${s.id}`)).toBe(false);
        continue;
      }
      expect(sheets.get(`muc-${s.id}`), s.id).toEqual(expected);
    }
  });

  it('gives the consolidated report of the district, signed jointly, as DOCX, PDF and XLSX', async () => {
    const Q = `query($u: ID!) { c: consolidatedReport(unitId: $u, periodId: "2021-PLAN-6M") {
      women { provisional sections { id figures { key labelVi value provisional } } }
      veterans { provisional sections { id figures { key labelVi value provisional } } }
      docx: document(format: DOCX) { ${FILE} } pdf: document(format: PDF) { ${FILE} } xlsx: document(format: XLSX) { ${FILE} }
    } }`;
    type Part = { provisional: boolean; sections: Figures };
    const res = await gq<{ c: { women: Part; veterans: Part; docx: DocumentFile; pdf: DocumentFile; xlsx: DocumentFile } }>(Q, { u: THUAN_CHAU }, leadership());
    expect(res.errors).toBeUndefined();
    const c = res.data!.c;
    expect(c.pdf.fileName).toBe('bao-cao-tong-hop-huyen-thuan-chau-2021-plan-6m.pdf');

    const { xml, texts } = docxParagraphs(c.docx);
    const header = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect(header).toContain('CÔNG AN TỈNH SƠN LA');
    expect(header).toContain('ỦY BAN MTTQ VN TỈNH');
    // Compiled on demand: the number is left for the clerk.
    expect(texts.some((t) => /^Số: \s+\/BC-MTTQ-CAT$/.test(t))).toBe(true);
    expect(texts).toContain('TM. BAN THƯỜNG TRỰC');
    expect(texts).toContain('KT. GIÁM ĐỐC');
    expect(texts).toContain('Nơi nhận:');
    expect(texts).toContain('- Lưu: VT, BPT, PV05.');
    // The veterans' part is provisional (accepted by the police only): its figures carry the marker.
    expect(c.veterans.provisional).toBe(true);
    expect(texts.join('\n')).toContain('(*) Số liệu tạm thời');
    expect(texts.join('\n')).toMatch(/Biểu \d+\. Tình hình gửi báo cáo/);

    const { text, fonts } = await pdfContent(c.pdf);
    for (const f of fonts) expect(f.missingFile, f.name).toBe(false);
    expect(text).toContain('Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh và Công an tỉnh tổng hợp kết quả thực hiện 6 tháng đầu năm 2021');
    expect(text).toContain('Hội Liên hiệp Phụ nữ xã Chiềng Pha (phiên bản 1, đã tiếp nhận)');

    const sheets = await xlsxFigures(c.xlsx, 3);
    for (const [org, part] of [
      ['women', c.women],
      ['veterans', c.veterans],
    ] as const) {
      const expected = new Map(part.sections.flatMap((s) => s.figures.filter((f) => f.value !== 0).map((f) => [f.labelVi, f.value] as const)));
      expect(expected.size).toBeGreaterThan(0);
      expect(sheets.get(`to-chuc-${org}`), org).toEqual(expected);
    }
  }, 60000);

  it("gives the province's consolidated report, every branch's standing carried to the Front's subgraph", async () => {
    const res = await gq<{ c: { xlsx: DocumentFile } }>(
      `{ c: consolidatedReport(unitId: "province:14", periodId: "2021-PLAN-6M") { xlsx: document(format: XLSX) { ${FILE} } } }`,
      {},
      consolidator('police'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.c.xlsx.fileName).toBe('bao-cao-tong-hop-tinh-son-la-2021-plan-6m.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data!.c.xlsx.base64, 'base64') as unknown as ArrayBuffer);
    // Nine organizations in the standing table; the police owe reports from every commune of the 2019 map.
    const standing = wb.getWorksheet('tinh-hinh-bao-cao')!;
    const rows = standing.getRows(5, 9)!.map((r) => [r.getCell(2).value, r.getCell(3).value]);
    expect(rows.length).toBe(9);
    expect(rows.find(([name]) => name === 'Công an tỉnh Sơn La')![1]).toBeGreaterThan(200);
  }, 60000);

  it('gives no file to another organization or a commune that may not read every part', async () => {
    const other = await gq<{ r: { document: DocumentFile | null } | null }>(
      `query($id: ID!) { r: womenReportVersion(id: $id) { document(format: PDF) { ${FILE} } } }`,
      { id: womenReportId },
      staff('veterans', CHIENG_PHA),
    );
    expect(other.data?.r?.document ?? null).toBeNull();
    const listed = await gq<{ r: { document: DocumentFile | null }[] | null }>(
      `query($u: ID!) { r: womenReports(unitId: $u, periodId: "2021-PLAN-6M") { document(format: PDF) { ${FILE} } } }`,
      { u: CHIENG_PHA },
      staff('veterans', CHIENG_PHA),
    );
    expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(listed)).not.toContain('base64":"');

    const commune = await gq<{ c: { document: DocumentFile | null } | null }>(
      `query($u: ID!) { c: consolidatedReport(unitId: $u, periodId: "2021-PLAN-6M") { document(format: PDF) { ${FILE} } } }`,
      { u: THUAN_CHAU },
      staff('women', CHIENG_PHA),
    );
    expect(commune.data?.c?.document ?? null).toBeNull();
    expect(commune.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(commune)).not.toContain('base64":"');
  }, 60000);
});
