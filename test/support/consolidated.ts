/**
 * What the consolidated-report tests share (consolidated-degraded, consolidated-front-down): the
 * veterans' part with figures of the 2021 six-month window, the fields of a document file, and a DOCX's
 * text as a person reads it, paragraph by paragraph.
 */
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { CHIENG_PHA, staff } from '@antt/testing';
import { post, type Federation } from './federation.js';

/** The fields of a `DocumentFile` the tests read. */
export const FILE = 'fileName base64 byteLength';
export type DocumentFile = { fileName: string; base64: string; byteLength: number };

/** The veterans of Chiềng Pha record an activity of the window and send their report: a part with figures. */
export async function veteransPartOfTheWindow(fed: Federation, activity: { topic: string; date: string; participants: number }): Promise<void> {
  const veterans = staff('veterans', CHIENG_PHA);
  const rec = await post(
    fed.gateway.url,
    `mutation($i: RecordVeteransActivityInput!) { r: recordVeteransActivity(input: $i) { id } }`,
    { i: { type: 'PROPAGANDA', ...activity, unitId: CHIENG_PHA } },
    veterans,
  );
  expect(rec.errors).toBeUndefined();
  const sent = await post(
    fed.gateway.url,
    `mutation($u: ID!) { r: submitVeteransReport(unitId: $u, periodId: "2021-PLAN-6M", input: { results: "Đã tuyên truyền" }) { id } }`,
    { u: CHIENG_PHA },
    veterans,
  );
  expect(sent.errors).toBeUndefined();
}

/** A DOCX's text, one line a paragraph. */
export function docxText(f: DocumentFile): string {
  const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(f.base64, 'base64')))['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n');
}
