/**
 * End to end over HTTP: the consolidated report still comes out when the Front's own subgraph is down
 * (issue 15). The Front hosts the joint document and its register of numbers; with it stopped, the
 * police's subgraph issues the same document provisionally (`provisionalDocument`): the police's and the
 * other organizations' parts from their reports, the Front's part named as "chưa có số liệu / không kết
 * nối được" with the time it was tried, the whole marked provisional, and no number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainOn, periodById } from '@antt/reference';
import { leadership } from '@antt/testing';
import { docxText, FILE, veteransPartOfTheWindow, type DocumentFile } from './support/consolidated.js';
import { post, startFederation, type Federation } from './support/federation.js';

const THUAN_CHAU = 'district:119@2019';

let fed: Federation;
beforeAll(async () => {
  fed = await startFederation();
  await veteransPartOfTheWindow(fed, { topic: 'Phòng, chống ma túy', date: '2021-04-02', participants: 35 });
});
afterAll(async () => fed?.stop());

const Q = `query($u: ID!) { c: consolidatedReport(unitId: $u, periodId: "2021-PLAN-6M") {
  document(format: DOCX) { ${FILE} }
  provisional: provisionalDocument(format: DOCX) { ${FILE} }
} }`;

describe("the consolidated report with the Front's subgraph down", () => {
  it('comes out from the police, the Front’s part named as not connected, provisional and unnumbered', async () => {
    const end = periodById('2021-PLAN-6M')!.end;
    const front = chainOn('front', end).bodyVi;
    await fed.subgraphs.front.stop();
    let res;
    try {
      res = await post<{ c: { document: DocumentFile | null; provisional: DocumentFile | null } }>(fed.gateway.url, Q, { u: THUAN_CHAU }, leadership());
    } finally {
      await fed.restart('front');
    }
    expect(res.status).toBe(200);
    // The host's document cannot come out; the error names the Front, in Vietnamese.
    expect(res.data!.c.document).toBeNull();
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const e of res.errors ?? []) expect(e.extensions?.organization).toBe(front);
    const provisional = res.data!.c.provisional;
    expect(provisional, JSON.stringify(res.errors)).not.toBeNull();
    const text = docxText(provisional!);
    expect(text).toMatch(new RegExp(`${front}: chưa có số liệu / không kết nối được \\(thử lúc \\d\\d giờ \\d\\d ngày [\\d/]+\\)`));
    expect(text).toContain(`Chưa có số liệu / không kết nối được: hệ thống của ${front} không trả lời khi tổng hợp`);
    expect(text).toContain('(*) Số liệu tạm thời');
    // The police's and the other organizations' parts are there.
    for (const org of ['police', 'veterans', 'women', 'farmers'] as const) expect(text).toContain(chainOn(org, end).bodyVi);
    // Never numbered by the standby: the joint register is the Front's.
    expect(text).not.toMatch(/vào sổ số \d+\/BC-MTTQ-CAT/);
  }, 90_000);

  it('is issued by the Front as usual once it is back', async () => {
    const res = await post<{ c: { document: DocumentFile | null } }>(fed.gateway.url, Q, { u: THUAN_CHAU }, leadership());
    expect(res.errors).toBeUndefined();
    expect(docxText(res.data!.c.document!)).not.toContain('không kết nối được');
  }, 60_000);
});
