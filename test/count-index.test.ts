/**
 * A province's activity counts are read from the current versions' index alone (issue 17, the national
 * data set): the index carries what the counts group and sum by (`countedColumns`), so SQLite answers
 * without reading a row. On 100,000 records of one organization the plan year's counts for the province
 * read 6-7 ms instead of 34, five years 27-30 ms instead of 155-170. Nothing in a query plan fails
 * loudly when a later change loses that (a column added to a count, a condition on another column):
 * this test asks SQLite for the plan of every count statement the schema runs and fails if one reads
 * the table. In the women's union's subgraph alone, on an empty database (without ANALYZE, SQLite's plan
 * does not depend on the rows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { subgraph } from '@antt/women';
import { PROVINCE, leadership, openTestSubgraph, type TestSubgraph } from '@antt/testing';

let sg: TestSubgraph;
const ran: { sql: string; params: unknown[] }[] = [];

beforeAll(async () => {
  sg = await openTestSubgraph(subgraph);
  // Every statement prepared from here on, with the parameters it ran with.
  const prepare = sg.sqlite.prepare.bind(sg.sqlite);
  sg.sqlite.prepare = ((sql: string) => {
    const st = prepare(sql);
    const all = st.all.bind(st);
    st.all = ((...params: unknown[]) => {
      ran.push({ sql, params });
      return all(...params);
    }) as typeof st.all;
    return st;
  }) as Database.Database['prepare'];
});
afterAll(() => sg?.sqlite.close());

const Q = `query($u: ID!, $p: ID!) { unit(id: $u) { women {
  activityCounts(periodId: $p, figures: LIVE) { type count participants }
  activityCountsByTask(periodId: $p, figures: LIVE) { count participants }
} } }`;

describe('the activity counts of a province', () => {
  it('read the current versions’ index and never the table', async () => {
    const res = await sg.run(leadership(), Q, { u: PROVINCE, p: '2021-PLAN-Y' });
    expect(res.errors).toBeUndefined();
    const counts = ran.filter((r) => /FROM activities\b/.test(r.sql) && /GROUP BY/.test(r.sql));
    // By type and by task: two statements, both planned.
    expect(counts.length).toBeGreaterThanOrEqual(2);
    for (const { sql, params } of counts) {
      const plan = (sg.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail);
      expect(plan.find((d) => /\bactivities\b/.test(d))).toMatch(/USING COVERING INDEX activities_current_unit_date_idx/);
    }
  });
});
