/** Plans each organization's branches issue under Plan 155 (section V.2): recorded by every organization, counted in its report. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHIENG_PHA, PROVINCE, THUAN_CHAU, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../subgraphs/women/src/subgraph.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test results are read field by field, as the schema answers them
type Data = Record<string, any>;
const women = staff('women', PROVINCE);

const RECORD = /* GraphQL */ `
  mutation ($input: RecordWomenImplementingPlanInput!) {
    r: recordWomenImplementingPlan(input: $input) {
      documentNumber
      planLevel
      documentKind
      implements
      unit {
        id
      }
    }
  }
`;
const plan = (unitId: string, issuedOn: string, documentNumber: string) => ({
  unitId,
  issuedOn,
  documentNumber,
  issuingBody: 'Hội Liên hiệp Phụ nữ',
  title: 'Triển khai Kế hoạch 155.',
});

describe('implementing plans', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await openTestSubgraph(subgraph, { today: '2026-12-01' });
  });

  it('records a plan at each level, its level read from the issuing unit, the provincial plan implemented by default', async () => {
    const res = await s.run(women, RECORD, { input: plan(THUAN_CHAU, '2021-06-20', '45/KH-HPN') });
    expect(res).toMatchObject({
      data: { r: { documentNumber: '45/KH-HPN', planLevel: 'DISTRICT', documentKind: 'PLAN', implements: '155/KH-MTTQ-CAT', unit: { id: THUAN_CHAU } } },
    });
    expect((await s.run(women, RECORD, { input: plan(PROVINCE, '2021-06-01', '30/KH-HPN') })).data).toMatchObject({ r: { planLevel: 'PROVINCE' } });
    expect((await s.run(women, RECORD, { input: plan(CHIENG_PHA, '2021-07-02', '07/KH-PN') })).data).toMatchObject({ r: { planLevel: 'COMMUNE' } });
  });

  it('refuses a district plan after the districts ended, a number that is not one, and another organization writing it', async () => {
    const late = await s.run(women, RECORD, { input: plan(THUAN_CHAU, '2025-08-01', '12/KH-HPN') });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const bad = await s.run(women, RECORD, { input: plan(PROVINCE, '2021-06-01', 'kế hoạch mới') });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.documentNumber' });
    expect(bad.errors?.[0]?.message).toContain('Số, ký hiệu');
    expect(bad.errors?.[0]?.message).not.toContain('kế hoạch mới');
    const other = await s.run(staff('farmers', PROVINCE), RECORD, { input: plan(PROVINCE, '2021-06-02', '31/KH-HPN') });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("counts the plans issued in the period in the organization's report, by level, naming them", async () => {
    const draft = async (periodId: string) => {
      const res = await s.run(
        women,
        `{ d: womenReportDraft(unitId: "${PROVINCE}", periodId: "${periodId}") { sections { id figures { key value detailVi } } } }`,
      );
      expect(res.errors).toBeUndefined();
      const figures = (res.data as Data).d.sections.find((x: Data) => x.id === 'II.1').figures as Data[];
      return Object.fromEntries(figures.filter((f) => f.key.startsWith('WomenImplementingPlan')).map((f) => [f.key, [f.value, f.detailVi]]));
    };
    // 10/6 to 9/12/2021: the district's and the commune's plans; the provincial one (1/6) fell in the window before.
    expect(await draft('2021-PLAN-6M2')).toMatchObject({
      'WomenImplementingPlan.count': [2, 'Kế hoạch số 45/KH-HPN ngày 20/06/2021; Kế hoạch số 07/KH-PN ngày 02/07/2021'],
      'WomenImplementingPlan.planLevel.DISTRICT': [1, null],
      'WomenImplementingPlan.planLevel.COMMUNE': [1, null],
      'WomenImplementingPlan.planLevel.PROVINCE': [0, null],
    });
    expect(await draft('2021-PLAN-6M')).toMatchObject({ 'WomenImplementingPlan.count': [1, 'Kế hoạch số 30/KH-HPN ngày 01/06/2021'] });
  });
});
