/**
 * Reviews as reports of their own kind (sơ kết yearly, tổng kết of the plan, Programme 09's ten-year
 * review in 2023): built from the records of their window, due on the calendar, through the same
 * workflow and documents as every report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE, THUAN_CHAU, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { configureReportDueDates, dueDateOf, reportPeriod, reportVersionDocument, reportVersions } from '@antt/subgraph-kit';
import { subgraph } from '../subgraphs/women/src/subgraph.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test results are read field by field, as the schema answers them
type Data = Record<string, any>;
const women = staff('women', PROVINCE);

describe('reviews as reports', () => {
  let s: TestSubgraph;
  const plan = async (unitId: string, issuedOn: string, documentNumber: string) => {
    const res = await s.run(women, `mutation($i: RecordWomenImplementingPlanInput!) { r: recordWomenImplementingPlan(input: $i) { id } }`, {
      i: { unitId, issuedOn, documentNumber, issuingBody: 'Hội LHPN', title: 'Triển khai Kế hoạch 155.' },
    });
    expect(res.errors).toBeUndefined();
  };
  const submit = async (periodId: string) => {
    const res = await s.run(
      women,
      `mutation { r: submitWomenReport(unitId: "${PROVINCE}", periodId: "${periodId}", input: { results: "Kết quả sơ kết." }) { id stage dueDate timeliness sections { id figures { key value } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const r = (res.data as Data).r;
    const plans = r.sections.find((x: Data) => x.id === 'II.1').figures.find((f: Data) => f.key === 'WomenImplementingPlan.count').value as number;
    return { id: r.id as string, stage: r.stage as string, dueDate: r.dueDate as string, timeliness: r.timeliness as string, plans };
  };

  beforeAll(async () => {
    s = await openTestSubgraph(subgraph, { today: '2026-12-01' });
    await plan(PROVINCE, '2021-06-01', '30/KH-HPN');
    await plan(THUAN_CHAU, '2022-03-01', '12/KH-HPN');
    await plan(PROVINCE, '2024-02-01', '5/KH-HPN');
  });

  it('makes a yearly review, the final review and the ten-year review from the records of their windows, due on the calendar', async () => {
    expect(await submit('2021-SO-KET')).toMatchObject({ stage: 'APPROVED', dueDate: '2021-12-29', timeliness: 'LATE', plans: 1 });
    expect(await submit('2022-SO-KET')).toMatchObject({ plans: 1 });
    // The plan's span, 10/12/2020 to 09/12/2023: the 2024 plan is outside it.
    expect(await submit('PLAN155-TONG-KET')).toMatchObject({ dueDate: '2024-01-08', plans: 2 });
    expect(await submit('P09-TONG-KET-10-NAM')).toMatchObject({ dueDate: '2024-01-08', plans: 2 });
    const bad = await s.run(women, `mutation { r: submitWomenReport(unitId: "${PROVINCE}", periodId: "2021-TONG-KET", input: {}) { id } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('prints a review as a document of its kind, and lets its due date be configured', async () => {
    const v = reportVersions(s.db, 'women', PROVINCE, 'P09-TONG-KET-10-NAM').at(-1)!;
    expect(v.stage).toBe('APPROVED');
    const doc = reportVersionDocument(s.db, 'women', v, leadership());
    expect(doc.summary).toContain('Báo cáo tổng kết 10 năm Chương trình phối hợp 09');
    expect(doc.summary).toContain('10/12/2013');
    // The approver's name was stored at approval (a province's submission is its approval): another reader's copy carries it too.
    expect(v.approvedByName).toBe(women.name);
    expect(doc.signatures[0]!.name).toBe(women.name);

    const before = configureReportDueDates({ REVIEW_YEAR: 45 });
    try {
      expect(dueDateOf(reportPeriod('2021-SO-KET')!)).toBe('2022-01-23');
      expect(() => configureReportDueDates({ REVIEW_PLAN: -1 })).toThrow();
    } finally {
      configureReportDueDates(before);
    }
    expect(dueDateOf(reportPeriod('2021-SO-KET')!)).toBe('2021-12-29');
  });
});
