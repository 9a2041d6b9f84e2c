/**
 * The reporting regime end to end over HTTP: commune branches of two organizations submit their
 * six-month reports (10/12/2020 – 09/06/2021), the level above returns one and approves the other,
 * the police and the Front accept, and the consolidated report comes out with the figures of the records
 * they came from, provisional markers and timeliness; a correction after the lock makes new versions of
 * every covering report, the old one official until re-approval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIENG_PHA, THUAN_CHAU, consolidator, leadership, staff } from '@antt/testing';
import { dueDateOf } from '@antt/subgraph-kit';
import { periodById, periodContaining } from '@antt/reference';
import { post, startFederation, type Federation } from './support/federation.js';

let fed: Federation;
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
