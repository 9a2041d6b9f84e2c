/**
 * The demo data a new user sees in `pnpm start` includes steering committees (Ban Chỉ đạo: the
 * consolidation, its members, a meeting, a decision) and implementing plans (kế hoạch triển khai): each
 * loaded by its own named demo, so that a database made before them gets them on its next start, and the
 * same on every run (no random draw).
 */
import { describe, expect, it } from 'vitest';
import { subgraph as police } from '@antt/police';
import { subgraph as women } from '@antt/women';
import { openTestSubgraph } from '@antt/testing';
import type { OrganizationSubgraph } from '@antt/subgraph-kit';

const TODAY = '2026-12-02';

/** A migrated database without demo data, loaded with one named demo only. */
async function withDemo(sg: OrganizationSubgraph, name: string) {
  const t = await openTestSubgraph(sg);
  const demo = sg.demos.find((d) => d.name === name);
  expect(demo, `${sg.name} has no demo named ${name}`).toBeDefined();
  const n = demo!.seed(t.db, sg.name, TODAY);
  return { t, n };
}

const content = (t: Awaited<ReturnType<typeof openTestSubgraph>>, sql: string) => t.sqlite.prepare(sql).all();

describe('demo steering committees', () => {
  it('gives the province and Huyện Thuận Châu a consolidated committee with members, a meeting and a decision, the same each run', async () => {
    const { t, n } = await withDemo(police, 'steering');
    expect(t.count('steering_consolidations')).toBe(2);
    expect(t.count('steering_members')).toBe(11);
    expect(t.count('steering_meetings')).toBe(2);
    expect(t.count('steering_decisions')).toBe(2);
    expect(n).toBe(2 + 11 + 2 + 2);
    const heads = content(t, "SELECT unit_id AS u FROM steering_members WHERE superseded_at IS NULL AND committee_role = 'HEAD' ORDER BY unit_id");
    expect(heads).toEqual([{ u: 'district:119@2019' }, { u: 'province:14' }]);
    const sql = 'SELECT unit_id, decided_on, decision_number FROM steering_consolidations WHERE superseded_at IS NULL ORDER BY unit_id';
    const again = await withDemo(police, 'steering');
    expect(content(again.t, sql)).toEqual(content(t, sql));
    t.sqlite.close();
    again.t.sqlite.close();
  });
});

describe('demo implementing plans', () => {
  it("gives each organization's provincial branch and its branch in Huyện Thuận Châu a plan under Plan 155", async () => {
    const { t, n } = await withDemo(women, 'implementing-plans');
    expect(n).toBe(2);
    expect(
      content(t, 'SELECT unit_id AS u, document_number AS d, plan_level AS l FROM implementing_plans WHERE superseded_at IS NULL ORDER BY issued_on'),
    ).toEqual([
      { u: 'province:14', d: '45/KH-HPN', l: 'PROVINCE' },
      { u: 'district:119@2019', d: '12/KH-HPN', l: 'DISTRICT' },
    ]);
    t.sqlite.close();
  });
});
