/**
 * The standard's indicators read as the graph held them at an instant (asRecordedAt): what a report
 * locked then showed, whatever was recognised, corrected or voided since.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { territory } from '@antt/reference';
import { CHIENG_PHA, THUAN_CHAU, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const police = staff('police');
const areas = territory()
  .childrenOn(CHIENG_PHA, '2021-11-15')
  .filter((u) => u.level === 'RESIDENTIAL_AREA')
  .map((u) => u.id);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are read field by field, as the schema answers them
type Data = Record<string, any>;

let s: TestSubgraph;
beforeEach(async () => {
  s = await openTestSubgraph(subgraph);
});

/** Records a 2021 assessment of a residential area, every criterion met, and recognises it. */
async function recognised(area: string): Promise<string> {
  const res = await s.run<Data>(police, `mutation ($input: RecordStandardAssessmentInput!) { recordStandardAssessment(input: $input) { id } }`, {
    input: {
      year: 2021,
      unitId: area,
      registeredOn: '2021-02-01',
      householdsTotal: 100,
      householdsRegistered: 100,
      selfAssessedOn: '2021-10-01',
      chairedBy: 'Trưởng bản',
      criteria: [{ code: 'TT23-KDC-5', met: true }],
    },
  });
  expect(res.errors).toBeUndefined();
  const id = res.data!.recordStandardAssessment.id as string;
  const r = await s.run(
    police,
    `mutation ($id: ID!) { recognizeStandardAssessment(id: $id, decisionNumber: "5/QĐ-UBND", decidedOn: "2021-11-20", authority: "UBND xã") { id } }`,
    { id },
  );
  expect(r.errors).toBeUndefined();
  return id;
}

/** An instant strictly between what was written before and what is written after. */
async function instant(): Promise<string> {
  await new Promise((r) => setTimeout(r, 5));
  const at = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 5));
  return at;
}

const areasOf = async (unit: string, asRecordedAt?: string) =>
  (
    (
      await s.run<Data>(
        leadership(),
        `query ($u: ID!, $at: DateTime) { unit(id: $u) { police { standardIndicators(year: 2021, asRecordedAt: $at) { asRecordedAt residentialAreas { numerator denominator recognised unsupported } } } } }`,
        { u: unit, at: asRecordedAt ?? null },
      )
    ).data as Data
  ).unit.police.standardIndicators;

describe('the standard’s indicators as recorded at an instant', () => {
  it('count what was recorded by then: later recognitions, corrections and voids are not seen', async () => {
    expect(areas.length).toBeGreaterThanOrEqual(4);
    const n = areas.length;
    const before = await instant();
    const first = await recognised(areas[0]!);
    await recognised(areas[1]!);
    const locked = await instant();
    await recognised(areas[2]!);
    await recognised(areas[3]!);
    const voided = await s.run(police, `mutation ($id: ID!) { voidPoliceStandardAssessment(id: $id, reason: "Ghi nhầm khu dân cư") { version } }`, {
      id: first,
    });
    expect(voided.errors).toBeUndefined();

    expect(await areasOf(CHIENG_PHA)).toEqual({ asRecordedAt: null, residentialAreas: { numerator: 3, denominator: n, recognised: 3, unsupported: 0 } });
    expect(await areasOf(CHIENG_PHA, locked)).toEqual({
      asRecordedAt: locked,
      residentialAreas: { numerator: 2, denominator: n, recognised: 2, unsupported: 0 },
    });
    expect(await areasOf(CHIENG_PHA, before)).toEqual({
      asRecordedAt: before,
      residentialAreas: { numerator: 0, denominator: n, recognised: 0, unsupported: 0 },
    });
    // The district rolls up the same reading; the breakdown reads it too.
    expect((await areasOf(THUAN_CHAU, locked)).residentialAreas.numerator).toBe(2);
    const breakdown = (
      (
        await s.run<Data>(
          leadership(),
          `query ($at: DateTime) { unit(id: "${THUAN_CHAU}") { police { standardBreakdown(year: 2021, asRecordedAt: $at) { unit { id } asRecordedAt residentialAreas { numerator } } } } }`,
          { at: locked },
        )
      ).data as Data
    ).unit.police.standardBreakdown as Data[];
    expect(breakdown.find((b) => b.unit.id === CHIENG_PHA)).toEqual({ unit: { id: CHIENG_PHA }, asRecordedAt: locked, residentialAreas: { numerator: 2 } });
  });

  it('reads one instant however it is written, and refuses what is not an instant, naming the argument', async () => {
    await recognised(areas[0]!);
    const at = await instant();
    const plus7 = new Date(Date.parse(at) + 7 * 3600_000).toISOString().replace('Z', '+07:00');
    expect((await areasOf(CHIENG_PHA, plus7)).residentialAreas.numerator).toBe(1);
    const bad = await s.run(
      leadership(),
      `query ($asRecordedAt: DateTime) { unit(id: "${CHIENG_PHA}") { police { standardIndicators(year: 2021, asRecordedAt: $asRecordedAt) { year } } } }`,
      { asRecordedAt: 'hôm qua' },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asRecordedAt', reason: 'INVALID_DATETIME' });
    expect(bad.errors?.[0]?.message).not.toMatch(/hôm qua/);
  });
});
