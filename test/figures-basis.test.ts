/**
 * Counts beyond the activities say where they come from (issue 15): after a branch's report on a period is
 * approved and a record of the period changes, the official figures (the default) stay those of the lock,
 * with the report version and the lock time, and LIVE ones change. In the women's union's subgraph alone:
 * forums (a list of counts, each with its basis) and opinions (one summary) locked by default; protection
 * cases and at-risk support, sensitive families under disclosure control, live whatever is asked, and saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '@antt/women';
import { CHIENG_PHA, THUAN_CHAU, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';

let sg: TestSubgraph;
let lockedAt = '';
const commune = staff('women', CHIENG_PHA);
const district = staff('women', THUAN_CHAU);

const FORUM = `mutation($i: RecordWomenForumInput!, $r: String) { r: recordWomenForum(input: $i, reason: $r) { id } }`;
const CASE = `mutation($i: RecordWomenProtectionCaseInput!, $r: String) { r: recordWomenProtectionCase(input: $i, reason: $r) { id } }`;
const forum = (date: string, attendance: number) => ({
  kind: 'OTHER',
  title: 'Phụ nữ với an ninh trật tự',
  date,
  unitId: CHIENG_PHA,
  attendance,
  opinionsVoiced: 2,
});
const protection = (openedOn: string) => ({ openedOn, unitId: CHIENG_PHA, kind: 'DOMESTIC_VIOLENCE', victimIsChild: false, victimFullName: 'Lò Thị Mai' });

beforeAll(async () => {
  sg = await openTestSubgraph(subgraph);
  for (const r of [await sg.run(commune, FORUM, { i: forum('2021-03-01', 40) }), await sg.run(commune, CASE, { i: protection('2021-03-02') })])
    expect(r.errors).toBeUndefined();
  const sent = await sg.run<{ r: { id: string } }>(
    commune,
    `mutation($u: ID!) { r: submitWomenReport(unitId: $u, periodId: "2021-PLAN-6M", input: { results: "Đã tổ chức diễn đàn" }) { id } }`,
    { u: CHIENG_PHA },
  );
  expect(sent.errors).toBeUndefined();
  const approved = await sg.run<{ r: { lockedAt: string } }>(district, `mutation($id: ID!) { r: approveWomenReport(id: $id) { lockedAt } }`, {
    id: sent.data!.r.id,
  });
  expect(approved.errors).toBeUndefined();
  lockedAt = approved.data!.r.lockedAt;
  // After the lock: records of the period, with a reason; the approved version stays official.
  for (const r of [
    await sg.run(commune, FORUM, { i: forum('2021-04-01', 25), r: 'Bổ sung diễn đàn bị sót' }),
    await sg.run(commune, CASE, { i: protection('2021-04-02'), r: 'Bổ sung vụ việc bị sót' }),
  ])
    expect(r.errors).toBeUndefined();
});
afterAll(() => sg?.sqlite.close());

const BASIS = 'basis { kind reportVersion lockedAt noteVi }';
const Q = `query($u: ID!, $p: ID!) { unit(id: $u) { women {
  forums: forumCounts(periodId: $p) { kind count attendance ${BASIS} }
  forumsLive: forumCounts(periodId: $p, figures: LIVE) { kind count attendance ${BASIS} }
  opinions: opinionCounts(periodId: $p) { total ${BASIS} }
  protection(periodId: $p) { count ${BASIS} }
  protectionLive: protection(periodId: $p, figures: LIVE) { count ${BASIS} }
  atRisk: atRiskSupport(periodId: $p) { records ${BASIS} }
} } }`;
type Basis = { kind: string; reportVersion: number | null; lockedAt: string | null; noteVi: string };
type Forums = { kind: string; count: number; attendance: number; basis: Basis }[];
type Answer = {
  unit: {
    women: {
      forums: Forums;
      forumsLive: Forums;
      opinions: { total: number; basis: Basis };
      protection: { count: number | null; basis: Basis };
      protectionLive: { count: number | null; basis: Basis };
      atRisk: { records: number | null; basis: Basis };
    };
  };
};

describe('counts of a period covered by an approved report', () => {
  it('are the locked figures by default with the version and lock time, live ones on request', async () => {
    const res = await sg.run<Answer>(district, Q, { u: CHIENG_PHA, p: '2021-PLAN-6M' });
    expect(res.errors).toBeUndefined();
    const w = res.data!.unit.women;
    const locked = { kind: 'LOCKED', reportVersion: 1, lockedAt };
    expect(w.forums).toEqual([{ kind: 'OTHER', count: 1, attendance: 40, basis: expect.objectContaining(locked) }]);
    expect(w.forums[0]!.basis.noteVi).toContain('phiên bản 1');
    expect(w.forumsLive).toEqual([
      { kind: 'OTHER', count: 2, attendance: 65, basis: expect.objectContaining({ kind: 'LIVE', reportVersion: null, lockedAt: null }) },
    ]);
    expect(w.opinions.basis).toMatchObject(locked);
    // Victims' figures are a sensitive family under disclosure control: served live only, and saying so
    // (a locked version beside the published live cells would let a small change be read by difference).
    expect(w.protection).toEqual({ count: 2, basis: expect.objectContaining({ kind: 'LIVE', reportVersion: null, lockedAt: null }) });
    expect(w.protectionLive).toMatchObject({ count: 2, basis: { kind: 'LIVE' } });
    expect(w.atRisk.basis).toMatchObject({ kind: 'LIVE', reportVersion: null });
  });

  it('are live where no approved report covers the unit and period, and the same either way', async () => {
    const res = await sg.run<Answer>(district, Q, { u: CHIENG_PHA, p: '2021-PLAN-Y' });
    expect(res.errors).toBeUndefined();
    const w = res.data!.unit.women;
    const figures = (f: Forums) => f.map(({ kind, count, attendance }) => ({ kind, count, attendance }));
    expect(figures(w.forums)).toEqual(figures(w.forumsLive));
    expect(w.forums[0]).toMatchObject({ count: 2, basis: { kind: 'LIVE', reportVersion: null, lockedAt: null } });
    expect(w.protection.count).toBe(2);
  });

  it('say so to leadership too (the basis is public like the counts)', async () => {
    const res = await sg.run<Answer>(leadership(), Q, { u: CHIENG_PHA, p: '2021-PLAN-6M' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.unit.women.opinions.basis).toMatchObject({ kind: 'LOCKED', reportVersion: 1, lockedAt });
  });
});
