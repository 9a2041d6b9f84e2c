/**
 * The content of the documents a report becomes, for the cases the end-to-end cycle does not reach: a
 * province-level report (its recipients), the police's symbol and signer by level, a body renamed by a
 * reform, and a consolidated report on a commune where an organization has no branch.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { describe, expect, it } from 'vitest';
import {
  MAX_COST,
  absentPart,
  consolidatedDocument,
  emptySections,
  operationCost,
  reportVersionDocument,
  type Db,
  type StoredRecord,
} from '@antt/subgraph-kit';
import { numberLine, placeAndDate, recipientLines, signatureLines, tablesOf } from '@antt/documents';
import type { Identity } from '@antt/auth';
import { unitId } from '@antt/reference';

const PROVINCE = unitId.province('14');
const CHIENG_PHA = unitId.oldCommune('03730');
const reader: Identity = { userId: 'reader', name: 'Người đọc', organization: 'province', unitId: PROVINCE, roles: ['LEADERSHIP'] };
/** Not approved: no number is looked up, so no database is needed. */
const NO_DB = {} as Db;

function version(unit: string, periodId: string, dueDate: string, extra: Partial<Record<string, unknown>> = {}): StoredRecord {
  const sections = emptySections();
  sections[1]!.figures.push({ key: 'X.count', kind: 'X', labelVi: 'Số buổi tuyên truyền', value: 7 });
  return {
    id: 'report:test:1',
    unitId: unit,
    periodId,
    dueDate,
    reportVersion: 1,
    stage: 'SUBMITTED',
    submittedOn: dueDate,
    figures: JSON.stringify(sections),
    figuresAsOf: `${dueDate}T02:00:00.000Z`,
    lockedAt: null,
    results: 'Tổ chức tuyên truyền tại các bản.',
    ...extra,
  } as unknown as StoredRecord;
}

describe("a branch's report as a document", () => {
  it('sends a province-level report to the national body and to the other consolidator', () => {
    const doc = reportVersionDocument(NO_DB, 'police', version(PROVINCE, '2021-PLAN-6M', '2021-06-10'), reader);
    expect(doc.parentBody).toBe('BỘ CÔNG AN');
    expect(doc.issuingBody).toBe('CÔNG AN\nTỈNH SƠN LA');
    expect(numberLine(doc)).toMatch(/^Số: \s+\/BC-CAT$/);
    expect(placeAndDate(doc)).toBe('Sơn La, ngày 10 tháng 6 năm 2021');
    expect(signatureLines(doc.signatures[0]!)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(doc.signatures[0]!.name).toBe('');
    expect(recipientLines(doc)).toEqual(['- Bộ Công an (b/c);', '- Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (qua Ban Phong trào);', '- Lưu: VT.']);
    const women = reportVersionDocument(NO_DB, 'women', version(PROVINCE, '2021-PLAN-6M', '2021-06-10'), reader);
    expect(women.recipients).toEqual([
      'Trung ương Hội Liên hiệp Phụ nữ Việt Nam (b/c)',
      'Công an tỉnh (qua Phòng PV05)',
      'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (qua Ban Phong trào)',
    ]);
    expect(women.summary).toBe(
      'Kết quả thực hiện Kế hoạch số 155/KH-MTTQ-CAT\nBáo cáo chuyên đề 6 tháng – 6 tháng đầu năm 2021\n(từ ngày 10/12/2020 đến ngày 09/06/2021)',
    );
    expect(tablesOf(women.body).map((t) => t.rows.map((r) => r.cells))).toEqual([[['1', 'Số buổi tuyên truyền', { value: 7, provisional: true }]]]);
    expect(women.provisionalNote).toContain('(*)');
  });

  it('names the commune police station, its chief and the district police above it', () => {
    const doc = reportVersionDocument(NO_DB, 'police', version(CHIENG_PHA, '2021-05', '2021-06-05'), reader);
    expect(doc.issuingBody).toBe('CÔNG AN\nXÃ CHIỀNG PHA');
    expect(doc.parentBody).toBe('CÔNG AN\nHUYỆN THUẬN CHÂU');
    expect(doc.symbol).toBe('BC-CAX');
    expect(doc.place).toBe('Chiềng Pha');
    expect(signatureLines(doc.signatures[0]!)).toEqual(['TRƯỞNG CÔNG AN XÃ']);
    expect(doc.recipients).toEqual(['Công an huyện Thuận Châu (b/c)']);
    expect(doc.summary).toContain('(từ ngày 01/05/2021 đến ngày 31/05/2021)');
  });

  it('issues a department report under the body answering on the due date', () => {
    const doc = reportVersionDocument(NO_DB, 'infocomm', version(PROVINCE, '2025-Q2', '2025-07-10'), reader);
    expect(doc.issuingBody).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ\nTỈNH SƠN LA');
  });

  it("signs with the approver's name when the approver reads it", () => {
    const approver: Identity = { ...reader, userId: 'u-1', name: 'Lò Thị Mai' };
    const v = version(PROVINCE, '2021-PLAN-6M', '2021-06-10', { approvedBy: 'u-1' });
    expect(reportVersionDocument(NO_DB, 'women', v, approver).signatures[0]!.name).toBe('Lò Thị Mai');
    expect(reportVersionDocument(NO_DB, 'women', v, reader).signatures[0]!.name).toBe('');
  });
});

describe('the consolidated report as a document', () => {
  it('is signed jointly and says which organization has no branch in the commune', () => {
    const parts = (['front', 'police', 'labour'] as const).map((o) => absentPart(o, CHIENG_PHA));
    const doc = consolidatedDocument(CHIENG_PHA, '2021-PLAN-6M', parts, '2021-06-15');
    expect(doc.number).toBeNull();
    expect(doc.signatures.map((s) => signatureLines(s))).toEqual([
      ['TM. BAN THƯỜNG TRỰC', 'PHÓ CHỦ TỊCH'],
      ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ]);
    expect(doc.recipients).toContain('Ủy ban MTTQ và Công an xã Chiềng Pha');
    expect(JSON.stringify(doc.body)).toContain('Không có tổ chức cấp xã tại xã Chiềng Pha');
    expect(tablesOf(doc.body).map((t) => t.id)).toEqual(['tinh-hinh-bao-cao']);
  });
});

describe('the cost of rendering', () => {
  const api = Supergraph.build(readFileSync(new URL('../gateway/supergraph.graphql', import.meta.url), 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
  const cost = (q: string) => operationCost(api, parse(q));

  it('lets a few documents through and refuses a page of them before anything runs', () => {
    expect(cost('{ consolidatedReport(unitId: "province:14", periodId: "2021-PLAN-6M") { document(format: PDF) { base64 } } }')).toBeLessThan(MAX_COST);
    expect(cost('{ womenReports(unitId: "province:14", periodId: "2021-PLAN-6M") { docx: document(format: DOCX) { base64 } } }')).toBeLessThan(MAX_COST);
    expect(cost('{ womenReportVersions(first: 50) { nodes { document(format: PDF) { base64 } } } }')).toBeGreaterThan(MAX_COST);
  });
});
