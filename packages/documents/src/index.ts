export * from './model.js';
export * from './layout.js';
export * from './six-month-report.js';
export { renderDocx, reportToDocx } from './docx.js';
export { renderPdf, reportToPdfDefinition, PDF_FONT } from './pdf.js';
export { renderXlsx, reportToWorkbook, INFO_SHEET, PROVISIONAL_NOTE, TABLE_FIRST_HEADER_ROW } from './xlsx.js';
