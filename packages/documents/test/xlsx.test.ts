import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { INFO_SHEET, PROVISIONAL_NOTE, TABLE_FIRST_HEADER_ROW, headerGrid, isFigure, renderXlsx, tablesOf } from '../src/index.js';
import { sampleReport } from './support.js';

describe('the XLSX', () => {
  it('reads back with the figures of the content model', async () => {
    const doc = sampleReport();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(INFO_SHEET)?.getCell('B3').value).toBe('07/BC-MTTQ-BTT');

    const tables = tablesOf(doc.body);
    expect(tables.length).toBe(2);
    for (const t of tables) {
      const ws = wb.getWorksheet(t.id);
      if (!ws) throw new Error(`no sheet ${t.id}`);
      expect(ws.getCell(1, 1).value).toBe(t.caption);
      for (const h of headerGrid(t)) expect(ws.getCell(TABLE_FIRST_HEADER_ROW + h.row, h.col + 1).value).toBe(h.text);
      const first = TABLE_FIRST_HEADER_ROW + t.headerRows.length;
      t.rows.forEach((row, i) =>
        row.cells.forEach((cell, j) => {
          const x = ws.getCell(first + i, j + 1);
          if (isFigure(cell)) {
            expect(x.value, `${t.id} ${i + 1}:${j + 1}`).toBe(cell.value);
            expect(typeof x.value).toBe('number');
            const note = x.note;
            const noteText = typeof note === 'string' ? note : (note?.texts?.map((r) => r.text).join('') ?? '');
            expect(noteText === PROVISIONAL_NOTE, `${t.id} ${i + 1}:${j + 1} provisional`).toBe(cell.provisional ?? false);
          } else {
            expect(x.value).toBe(cell ?? '');
          }
        }),
      );
      expect(ws.rowCount).toBe(first + t.rows.length - 1);
    }
  });
});
