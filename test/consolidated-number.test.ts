/**
 * The consolidated report's number and symbol (số ký hiệu), in the Front's subgraph that issues it: a
 * version every report of which is accepted is numbered once in the joint register of the year; the same
 * content keeps its number, new content is a new version with the next number, and a version with a
 * report not yet accepted or a part missing gets none. The register refuses a number given twice.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subgraph } from '@antt/front';
import { ORGANIZATION_IDS } from '@antt/reference';
import { consolidatedNumbers, encodeDocumentPart, type DocumentPart } from '@antt/subgraph-kit';
import { leadership, openTestSubgraph, type TestSubgraph } from '@antt/testing';

const UNIT = 'district:119@2019';
const PERIOD = '2021-PLAN-6M';
let sg: TestSubgraph;
beforeEach(async () => {
  sg = await openTestSubgraph(subgraph);
});
afterEach(() => sg.sqlite.close());

/** The part an organization's subgraph would send: one report of Chiềng Pha at `stage`, with `value` sessions. */
function part(org: (typeof ORGANIZATION_IDS)[number], stage: string, value = 3): DocumentPart {
  return {
    org,
    unitId: UNIT,
    provisional: stage !== 'ACCEPTED',
    reports: [{ branch: `Chi hội xã Chiềng Pha (${org})`, version: 1, stage }],
    sections: [{ id: 'II.2', title: 'Tuyên truyền', figures: [['Số buổi tuyên truyền', value]] }],
    standing: { ON_TIME: 1, LATE: 0, MISSING: 0, NOT_YET_DUE: 0 },
    late: [],
    missing: [],
  };
}

/** The document as the gateway asks the Front for it, with the other organizations' parts given (null: did not come). */
async function numberLineOf(parts: Partial<Record<string, DocumentPart | null>>, unitId = UNIT): Promise<{ number: string; text: string }> {
  const rep: Record<string, unknown> = { __typename: 'ConsolidatedReport', unitId, periodId: PERIOD };
  for (const org of ORGANIZATION_IDS.filter((o) => o !== 'front')) {
    const p = parts[org] === undefined ? part(org, 'ACCEPTED') : parts[org];
    rep[`${org}DocumentPart`] = p ? encodeDocumentPart({ ...p, unitId }) : null;
  }
  const res = await sg.run<{ _entities: { document: { base64: string } | null }[] }>(
    leadership(),
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ConsolidatedReport { document(format: DOCX) { base64 } } } }`,
    { r: [rep] },
  );
  expect(res.errors).toBeUndefined();
  const xml = strFromU8(unzipSync(new Uint8Array(Buffer.from(res.data!._entities[0]!.document!.base64, 'base64')))['word/document.xml']!);
  const texts = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  return { number: texts.find((t) => t.startsWith('Số: '))!, text: texts.join('\n') };
}

describe('the consolidated report’s number', () => {
  it('is given once per version: the same content keeps it, new content gets the next one', async () => {
    const first = await numberLineOf({});
    expect(first.number).toBe('Số: 01/BC-MTTQ-CAT');
    expect(first.text).toContain('Phiên bản 1 của báo cáo tổng hợp, vào sổ số 01/BC-MTTQ-CAT');
    expect((await numberLineOf({})).number).toBe('Số: 01/BC-MTTQ-CAT');

    // A correction re-approved and accepted: the women's figure changed, a new version with the next number.
    const second = await numberLineOf({ women: part('women', 'ACCEPTED', 4) });
    expect(second.number).toBe('Số: 02/BC-MTTQ-CAT');
    expect(second.text).toContain('Phiên bản 2 của báo cáo tổng hợp');
    // Both versions stay in the register; another unit's report takes the register's next number, as its version 1.
    expect((await numberLineOf({}, 'commune:03730@2019')).number).toBe('Số: 03/BC-MTTQ-CAT');
    expect(consolidatedNumbers(sg.db, UNIT, PERIOD).map((n) => [n.version, n.number])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('is not given while a report is not accepted or a part did not come', async () => {
    const submitted = await numberLineOf({ veterans: part('veterans', 'SUBMITTED') });
    expect(submitted.number).toMatch(/^Số: \s+\/BC-MTTQ-CAT$/);
    expect(submitted.text).toContain('Bản tổng hợp chưa vào sổ');
    const down = await numberLineOf({ youth: null });
    expect(down.number).toMatch(/^Số: \s+\/BC-MTTQ-CAT$/);
    expect(down.text).toContain('chưa có số liệu / không kết nối được');
    expect(sg.count('consolidated_report_numbers')).toBe(0);
  });

  it('is never given twice: the register refuses a second row with the same number or version', async () => {
    await numberLineOf({});
    const insert = sg.sqlite.prepare(
      'INSERT INTO consolidated_report_numbers (unit_id, period_id, version, fingerprint, year, number, allocated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const [n] = consolidatedNumbers(sg.db, UNIT, PERIOD);
    expect(() => insert.run('commune:03730@2019', PERIOD, 1, 'x', n!.year, n!.number, n!.allocatedAt)).toThrow(/UNIQUE/);
    expect(() => insert.run(UNIT, PERIOD, 1, 'y', n!.year, 99, n!.allocatedAt)).toThrow(/UNIQUE/);
  });
});
