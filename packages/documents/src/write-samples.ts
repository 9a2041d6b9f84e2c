/**
 * Writes sample documents (the Front's and the police's six-month report on 10/12/2020 – 09/06/2021, as
 * DOCX, PDF and XLSX) to a folder, by default a new temporary one, and prints their paths:
 *   npx pnpm@12.4.2 --filter @antt/documents samples [folder]
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSixMonthReport, demoSixMonthFigures, renderDocx, renderPdf, renderXlsx } from './index.js';

const arg = process.argv[2];
const dir = arg ? resolve(arg) : mkdtempSync(join(tmpdir(), 'antt-documents-'));
mkdirSync(dir, { recursive: true });

for (const issuer of ['front', 'police'] as const) {
  const doc = buildSixMonthReport(demoSixMonthFigures(issuer));
  const base = join(dir, `bao-cao-6-thang-2021-${issuer === 'front' ? 'mttq' : 'cong-an'}`);
  writeFileSync(`${base}.docx`, await renderDocx(doc));
  writeFileSync(`${base}.pdf`, await renderPdf(doc));
  writeFileSync(`${base}.xlsx`, await renderXlsx(doc));
  console.log(`${base}.{docx,pdf,xlsx}`);
}
