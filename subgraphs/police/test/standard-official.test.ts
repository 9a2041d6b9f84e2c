/**
 * The standard's indicators say whether they are official or live (issue 15): by default those of the
 * approved yearly police report of the unit on the year, as the records stood at its lock, whatever was
 * recognised since; live ones on request, or where no yearly report of the unit is approved.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { territory } from '@antt/reference';
import { CHIENG_PHA, PROVINCE, THUAN_CHAU, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const police = staff('police');
const areas = territory()
  .childrenOn(CHIENG_PHA, '2021-11-15')
  .filter((u) => u.level === 'RESIDENTIAL_AREA')
  .map((u) => u.id);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are read field by field, as the schema answers them
type Data = Record<string, any>;

let s: TestSubgraph;
const locks: Record<string, string> = {};

/** Records a 2021 assessment of a residential area, every criterion met; returns its id. */
async function assessed(area: string): Promise<string> {
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
  return res.data!.recordStandardAssessment.id as string;
}

async function recognise(id: string): Promise<void> {
  const r = await s.run(
    police,
    `mutation ($id: ID!) { recognizeStandardAssessment(id: $id, decisionNumber: "5/QĐ-UBND", decidedOn: "2021-11-20", authority: "UBND xã") { id } }`,
    { id },
  );
  expect(r.errors).toBeUndefined();
}

/** The unit's yearly police report on 2021 submitted by its branch and, when `approver` is given, approved. */
async function yearlyReport(unit: string, approver?: ReturnType<typeof staff>): Promise<void> {
  const sent = await s.run<Data>(
    staff('police', unit),
    `mutation ($u: ID!) { r: submitPoliceReport(unitId: $u, periodId: "2021-PLAN-Y", input: { results: "Kết quả xây dựng phong trào" }) { id } }`,
    { u: unit },
  );
  expect(sent.errors).toBeUndefined();
  if (!approver) return;
  const approved = await s.run<Data>(approver, `mutation ($id: ID!) { r: approvePoliceReport(id: $id) { lockedAt } }`, { id: sent.data!.r.id });
  expect(approved.errors).toBeUndefined();
  locks[unit] = approved.data!.r.lockedAt as string;
}

beforeAll(async () => {
  s = await openTestSubgraph(subgraph);
  expect(areas.length).toBeGreaterThanOrEqual(3);
  await recognise(await assessed(areas[0]!));
  await recognise(await assessed(areas[1]!));
  const third = await assessed(areas[2]!);
  await yearlyReport(CHIENG_PHA, staff('police', THUAN_CHAU));
  await yearlyReport(THUAN_CHAU, police);
  // After both locks: the third area is recognised (a correction of its assessment).
  await new Promise((r) => setTimeout(r, 5));
  await recognise(third);
});
afterAll(() => s?.sqlite.close());

const Q = `query ($u: ID!, $y: Int!) { unit(id: $u) { police {
  official: standardIndicators(year: $y) { asRecordedAt residentialAreas { numerator recognised } }
  officialBasis: standardIndicatorsBasis(year: $y) { kind reportVersion lockedAt asOf noteVi }
  officialRows: standardBreakdown(year: $y) { unit { id } asRecordedAt residentialAreas { numerator } }
  live: standardIndicators(year: $y, figures: LIVE) { asRecordedAt residentialAreas { numerator recognised } }
  liveBasis: standardIndicatorsBasis(year: $y, figures: LIVE) { kind reportVersion lockedAt }
  liveRows: standardBreakdown(year: $y, figures: LIVE) { unit { id } residentialAreas { numerator } }
} } }`;

async function read(unit: string, year = 2021): Promise<Data> {
  const res = await s.run<Data>(leadership(), Q, { u: unit, y: year });
  expect(res.errors).toBeUndefined();
  return (res.data as Data).unit.police;
}

describe('the standard’s indicators of a year covered by an approved yearly police report', () => {
  it('are the approved version’s figures as at its lock by default, live ones on request, each saying which', async () => {
    const p = await read(CHIENG_PHA);
    expect(p.officialBasis).toMatchObject({ kind: 'LOCKED', reportVersion: 1, lockedAt: locks[CHIENG_PHA] });
    expect(p.officialBasis.noteVi).toContain('phiên bản 1');
    expect(Date.parse(p.officialBasis.asOf)).toBeLessThanOrEqual(Date.parse(locks[CHIENG_PHA]!));
    expect(p.official).toEqual({ asRecordedAt: p.officialBasis.asOf, residentialAreas: { numerator: 2, recognised: 2 } });
    expect(p.live).toEqual({ asRecordedAt: null, residentialAreas: { numerator: 3, recognised: 3 } });
    expect(p.liveBasis).toEqual({ kind: 'LIVE', reportVersion: null, lockedAt: null });
  });

  it('break down the district as its own approved report locked them', async () => {
    const d = await read(THUAN_CHAU);
    expect(d.officialBasis).toMatchObject({ kind: 'LOCKED', reportVersion: 1, lockedAt: locks[THUAN_CHAU] });
    expect(d.official.residentialAreas.numerator).toBe(2);
    expect(d.live.residentialAreas.numerator).toBe(3);
    const row = (rows: Data[]) => rows.find((r) => r.unit.id === CHIENG_PHA);
    expect(row(d.officialRows)).toEqual({ unit: { id: CHIENG_PHA }, asRecordedAt: d.officialBasis.asOf, residentialAreas: { numerator: 2 } });
    expect(row(d.liveRows)).toEqual({ unit: { id: CHIENG_PHA }, residentialAreas: { numerator: 3 } });
  });

  it('are live where no yearly report of the unit on the year is approved', async () => {
    const province = await read(PROVINCE);
    expect(province.officialBasis).toMatchObject({ kind: 'LIVE', reportVersion: null, lockedAt: null });
    expect(province.official).toEqual(province.live);
    expect(province.official.residentialAreas.numerator).toBe(3);
    const later = await read(CHIENG_PHA, 2022);
    expect(later.officialBasis.kind).toBe('LIVE');
    expect(later.official.asRecordedAt).toBeNull();
  });

  it('read an explicit instant whatever figures says, and refuse a malformed one naming the argument', async () => {
    const at = locks[CHIENG_PHA]!;
    const res = await s.run<Data>(
      leadership(),
      `query ($at: DateTime) { unit(id: "${CHIENG_PHA}") { police { standardIndicators(year: 2021, asRecordedAt: $at, figures: LIVE) { asRecordedAt residentialAreas { numerator } } standardIndicatorsBasis(year: 2021, asRecordedAt: $at) { kind asOf } } } }`,
      { at },
    );
    expect(res.errors).toBeUndefined();
    const p = (res.data as Data).unit.police;
    expect(p.standardIndicators).toEqual({ asRecordedAt: at, residentialAreas: { numerator: 2 } });
    expect(p.standardIndicatorsBasis).toEqual({ kind: 'LIVE', asOf: at });
    const bad = await s.run(
      leadership(),
      `query ($asRecordedAt: DateTime) { unit(id: "${CHIENG_PHA}") { police { standardIndicatorsBasis(year: 2021, asRecordedAt: $asRecordedAt) { kind } } } }`,
      { asRecordedAt: 'hôm qua' },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asRecordedAt', reason: 'INVALID_DATETIME' });
    expect(bad.errors?.[0]?.message).not.toMatch(/hôm qua/);
  });

  it('reach the dashboard through its registered operation, official by default, live on request', async () => {
    const op = readFileSync(new URL('../../../gateway/operations/dashboard/standard-indicators.graphql', import.meta.url), 'utf8');
    const run = async (figures?: string) => {
      const res = await s.run<Data>(leadership(), op, { unit: CHIENG_PHA, year: 2021, view: 'AS_RECORDED', ...(figures ? { figures } : {}) });
      expect(res.errors).toBeUndefined();
      return (res.data as Data).unit.police;
    };
    const official = await run();
    expect(official.standardIndicators.residentialAreas.numerator).toBe(2);
    expect(official.standardIndicatorsBasis).toEqual({ kind: 'LOCKED', reportVersion: 1, lockedAt: locks[CHIENG_PHA] });
    const live = await run('LIVE');
    expect(live.standardIndicators.residentialAreas.numerator).toBe(3);
    expect(live.standardIndicatorsBasis).toEqual({ kind: 'LIVE', reportVersion: null, lockedAt: null });
  });
});
