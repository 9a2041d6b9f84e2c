/**
 * The reports' write hook runs inside the record's transaction: when it, or anything after it, fails, the
 * write and the new report versions it made are rolled back together.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROVINCE, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { registerWriteHook, reportVersions } from '@antt/subgraph-kit';
import { subgraph } from '../subgraphs/women/src/subgraph.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test results are read field by field, as the schema answers them
type Data = Record<string, any>;
const women = staff('women', PROVINCE);
const HOOK = 'test-failing-after-reports';

describe("the reports' write hook", () => {
  let s: TestSubgraph;
  let activityId: string;
  const correct = (reason: string) =>
    s.run(women, `mutation($id: ID!, $r: String!) { r: correctWomenActivity(id: $id, changes: { participants: 41 }, reason: $r) { version } }`, {
      id: activityId,
      r: reason,
    });
  const versionsOf = (periodId: string) => reportVersions(s.db, 'women', PROVINCE, periodId).length;
  const activityVersions = () => (s.sqlite.prepare('SELECT count(*) AS n FROM activities WHERE record_id = ?').get(activityId) as { n: number }).n;

  beforeEach(async () => {
    s = await openTestSubgraph(subgraph, { today: '2026-12-01' });
    const res = await s.run(women, `mutation($i: RecordWomenActivityInput!) { r: recordWomenActivity(input: $i) { id } }`, {
      i: { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo', date: '2021-05-02', unitId: PROVINCE, participants: 40 },
    });
    activityId = (res.data as Data).r.id;
    // A province-level submission is its own approval: the six-month report's figures are locked.
    const sub = await s.run(women, `mutation { r: submitWomenReport(unitId: "${PROVINCE}", periodId: "2021-PLAN-6M", input: {}) { stage } }`);
    expect(sub.data).toEqual({ r: { stage: 'APPROVED' } });
  });
  afterEach(() => registerWriteHook(HOOK, () => undefined));

  it('makes a new version of the locked report when nothing fails (the baseline)', async () => {
    expect((await correct('Sửa theo biên bản')).data).toEqual({ r: { version: 2 } });
    expect(versionsOf('2021-PLAN-6M')).toBe(2);
    expect(activityVersions()).toBe(2);
  });

  it('rolls back the correction and the new report versions when a step after the reports hook fails', async () => {
    registerWriteHook(HOOK, () => () => {
      throw new Error('after-write step failed');
    });
    const res = await correct('Sửa theo biên bản');
    expect(res.errors?.[0]).toBeDefined();
    expect(versionsOf('2021-PLAN-6M')).toBe(1);
    expect(activityVersions()).toBe(1);
  });

  it('writes nothing when a hook refuses before the write', async () => {
    registerWriteHook(HOOK, () => {
      throw new Error('before-write step failed');
    });
    expect((await correct('Sửa theo biên bản')).errors?.[0]).toBeDefined();
    expect(versionsOf('2021-PLAN-6M')).toBe(1);
    expect(activityVersions()).toBe(1);
  });
});
