/**
 * Counts outside the reports API say where they come from: a dashboard reading a period covered by an
 * approved report gets that version's locked figures by default, live ones when it asks, and the basis
 * (kind, report version, locked at) with either. In the women's union's subgraph alone.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { subgraph } from '@antt/women';
import { CHIENG_PHA, THUAN_CHAU, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';

let sg: TestSubgraph;
let lockedAt = '';
const commune = staff('women', CHIENG_PHA);

const RECORD = `mutation($i: RecordWomenActivityInput!, $r: String) { r: recordWomenActivity(input: $i, reason: $r) { id } }`;
const activity = (date: string, participants: number) => ({ type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo', date, unitId: CHIENG_PHA, participants });

beforeAll(async () => {
  sg = await openTestSubgraph(subgraph);
  expect((await sg.run(commune, RECORD, { i: activity('2021-03-01', 40) })).errors).toBeUndefined();
  const sent = await sg.run<{ r: { id: string } }>(
    commune,
    `mutation($u: ID!) { r: submitWomenReport(unitId: $u, periodId: "2021-PLAN-6M", input: { results: "Đã tuyên truyền" }) { id } }`,
    { u: CHIENG_PHA },
  );
  expect(sent.errors).toBeUndefined();
  const approved = await sg.run<{ r: { lockedAt: string } }>(staff('women', THUAN_CHAU), `mutation($id: ID!) { r: approveWomenReport(id: $id) { lockedAt } }`, {
    id: sent.data!.r.id,
  });
  expect(approved.errors).toBeUndefined();
  lockedAt = approved.data!.r.lockedAt;
  // After the lock: a record of the period needs a reason, and makes a new version that is not yet approved.
  expect((await sg.run(commune, RECORD, { i: activity('2021-04-01', 25), r: 'Bổ sung hoạt động bị sót' })).errors).toBeUndefined();
});
afterAll(() => sg?.sqlite.close());

const Q = `query($u: ID!, $p: ID!) { unit(id: $u) { women {
  official: activityCounts(periodId: $p) { type count participants }
  officialBasis: activityCountsBasis(periodId: $p) { kind reportVersion lockedAt noteVi }
  byTask: activityCountsByTask(periodId: $p) { count }
  live: activityCounts(periodId: $p, figures: LIVE) { type count participants }
  liveBasis: activityCountsBasis(periodId: $p, figures: LIVE) { kind reportVersion lockedAt }
} } }`;
type Counts = { type: string; count: number; participants: number }[];
type Basis = { kind: string; reportVersion: number | null; lockedAt: string | null; noteVi?: string };
type Answer = { unit: { women: { official: Counts; officialBasis: Basis; byTask: { count: number }[]; live: Counts; liveBasis: Basis } } };

describe('activity counts of a period covered by an approved report', () => {
  it('are the approved version’s locked figures by default, live ones on request, each saying which', async () => {
    const res = await sg.run<Answer>(leadership(), Q, { u: CHIENG_PHA, p: '2021-PLAN-6M' });
    expect(res.errors).toBeUndefined();
    const w = res.data!.unit.women;
    expect(w.official).toEqual([{ type: 'PROPAGANDA', count: 1, participants: 40 }]);
    expect(w.officialBasis).toMatchObject({ kind: 'LOCKED', reportVersion: 1, lockedAt });
    expect(w.officialBasis.noteVi).toContain('phiên bản 1');
    expect(w.byTask.reduce((s, c) => s + c.count, 0)).toBe(1);
    expect(w.live).toEqual([{ type: 'PROPAGANDA', count: 2, participants: 65 }]);
    expect(w.liveBasis).toEqual({ kind: 'LIVE', reportVersion: null, lockedAt: null });
  });

  it('are live where no approved report covers the unit and period', async () => {
    const res = await sg.run<Answer>(leadership(), Q, { u: CHIENG_PHA, p: '2021-PLAN-Y' });
    expect(res.errors).toBeUndefined();
    const w = res.data!.unit.women;
    expect(w.official).toEqual(w.live);
    expect(w.official[0]!.count).toBe(2);
    expect(w.officialBasis).toMatchObject({ kind: 'LIVE', reportVersion: null, lockedAt: null });
  });
});
