/**
 * A worker thread that renders one document and ends (`renderDocumentFile` in document.ts starts it from
 * the built service): the renderers (pdfmake, fontkit, docx, exceljs), the fonts they read and what a
 * document leaves behind live in the worker's heap, which is freed when it ends, not in the service's
 * (issue 17: the Front's subgraph held 148-158 MiB after one PDF when it rendered in its own heap).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderDocx, renderPdf, renderXlsx, type ReportDocument } from '@antt/documents';

const { doc, format } = workerData as { doc: ReportDocument; format: 'DOCX' | 'PDF' | 'XLSX' };
const bytes = format === 'DOCX' ? await renderDocx(doc) : format === 'PDF' ? await renderPdf(doc) : await renderXlsx(doc);
// Copied to the service (tens of kB): a Buffer may share its memory with others, which cannot be transferred.
parentPort!.postMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
