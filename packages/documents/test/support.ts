import { buildSixMonthReport, demoSixMonthFigures, type ReportDocument } from '../src/index.js';

/** Contains Ộ, ậ, ự and ơ: it must come out of the PDF as typed. */
export const FIXED_SENTENCE = 'CỘNG ĐỒNG các dân tộc tỉnh Sơn La tự giác tập trung xây dựng phong trào.';

/** The Front's demo report with the fixed sentence as its last paragraph. */
export function sampleReport(): ReportDocument {
  const doc = buildSixMonthReport(demoSixMonthFigures('front'));
  return { ...doc, body: [...doc.body, { kind: 'paragraph', runs: [FIXED_SENTENCE] }] };
}
