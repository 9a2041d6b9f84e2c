/**
 * One threshold decides small counts (SECURITY.md, "Disclosure control"): ANTT_DISCLOSURE_THRESHOLD,
 * read when a count is about to be shown, hides the same fields' counts that the schema marks
 * `suppressSmall` (here the police's tip counts, read by a dashboard), as it sets the published set's
 * pattern and audit (disclosureParameters).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { disclosureParameters } from '@antt/disclosure';
import { dashboard, openTestSubgraph, staff, PROVINCE } from '@antt/testing';
import { subgraph as police } from '@antt/police';

const Q = `{ unit(id: "${PROVINCE}") { police { tipCounts(periodId: "2024-PLAN-Y") { category status count } } } }`;
type Tips = { unit: { police: { tipCounts: { category: string; status: string; count: number | null }[] } } };
const before = process.env.ANTT_DISCLOSURE_THRESHOLD;

describe('ANTT_DISCLOSURE_THRESHOLD', () => {
  afterEach(() => {
    if (before === undefined) delete process.env.ANTT_DISCLOSURE_THRESHOLD;
    else process.env.ANTT_DISCLOSURE_THRESHOLD = before;
  });

  it('hides every count under it from a dashboard, the same counts the police staff read exactly', { timeout: 120_000 }, async () => {
    delete process.env.ANTT_DISCLOSURE_THRESHOLD;
    expect(disclosureParameters().threshold).toBe(5);
    const s = await openTestSubgraph(police, { demo: true, today: '2026-12-02' });
    const exact = (await s.run<Tips>(staff('police', PROVINCE), Q)).data!.unit.police.tipCounts;
    const shown = (await s.run<Tips>(dashboard(), Q)).data!.unit.police.tipCounts;
    const key = (t: { category: string; status: string }) => `${t.category}|${t.status}`;
    const byKey = new Map(exact.map((t) => [key(t), t.count!]));
    const threshold = Math.max(...exact.map((t) => t.count!));
    expect(threshold).toBeGreaterThan(5);
    // The default: 1 to 4 hidden, 5 and more shown.
    for (const t of shown) expect(t.count, key(t)).toBe(byKey.get(key(t))! >= 1 && byKey.get(key(t))! < 5 ? null : byKey.get(key(t)));

    process.env.ANTT_DISCLOSURE_THRESHOLD = String(threshold);
    expect(disclosureParameters().threshold).toBe(threshold);
    const after = (await s.run<Tips>(dashboard(), Q)).data!.unit.police.tipCounts;
    for (const t of after) {
      const n = byKey.get(key(t))!;
      expect(t.count, key(t)).toBe(n >= 1 && n < threshold ? null : n);
    }
    expect(after.some((t) => t.count === null && byKey.get(key(t))! >= 5)).toBe(true);
  });
});
