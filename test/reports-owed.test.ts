/**
 * What a branch owes: each standing names its period with the label and map every Period carries,
 * however the resolver that answers it holds the period (a calendar entry has no label of its own).
 */
import { describe, expect, it } from 'vitest';
import { CHIENG_PHA, openTestSubgraph, staff } from '@antt/testing';
import { subgraph } from '../subgraphs/women/src/subgraph.js';

describe('womenReportsOwed', () => {
  it('answers each period with its label stating the first and last day, and its map', async () => {
    const s = await openTestSubgraph(subgraph, { today: '2021-06-01' });
    const res = await s.run(
      staff('women', CHIENG_PHA),
      `{ womenReportsOwed(from: "2021-06-01", to: "2021-06-10") { period { id label map start end } dueDate timeliness } }`,
    );
    expect(res.errors).toBeUndefined();
    const owed = (res.data as { womenReportsOwed: { period: { id: string; label: string; map: string; start: string; end: string } }[] }).womenReportsOwed;
    const sixMonths = owed.find((o) => o.period.id === '2021-PLAN-6M');
    expect(sixMonths?.period).toMatchObject({ start: '2020-12-10', end: '2021-06-09', map: '2013-2025' });
    expect(sixMonths?.period.label).toContain('10/12/2020');
    expect(sixMonths?.period.label).toContain('09/06/2021');
  });
});
