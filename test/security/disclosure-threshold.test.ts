/**
 * One threshold decides small counts (SECURITY.md, "Disclosure control"): ANTT_DISCLOSURE_THRESHOLD,
 * read when a count is about to be shown, hides the counts of the fields the schema marks
 * `suppressSmall` (here the police's reintegration cases, read by a dashboard), as it sets the published
 * set's pattern and audit (disclosureParameters).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { disclosureParameters } from '@antt/disclosure';
import { territory } from '@antt/reference';
import { dashboard, openTestSubgraph, staff, PROVINCE } from '@antt/testing';
import { subgraph as police } from '@antt/police';

const Q = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { police { reintegrationCases(periodId: $period) } } }`;
type Cases = { unit: { police: { reintegrationCases: number | null } } };
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
    const units = [
      PROVINCE,
      ...territory()
        .unitsOn('2023-12-31', 'DISTRICT')
        .map((u) => u.id),
    ];
    const asks = units.flatMap((unit) => ['2022', '2023', '2024'].map((period) => ({ unit, period })));
    const read = async (who: ReturnType<typeof staff>) => {
      const out: (number | null)[] = [];
      for (const v of asks) out.push((await s.run<Cases>(who, Q, v)).data!.unit.police.reintegrationCases);
      return out;
    };
    const exact = (await read(staff('police', PROVINCE))) as number[];
    const threshold = Math.max(...exact);
    expect(threshold).toBeGreaterThan(5);
    // The default: 1 to 4 hidden, 5 and more shown.
    expect(await read(dashboard())).toEqual(exact.map((n) => (n >= 1 && n < 5 ? null : n)));

    process.env.ANTT_DISCLOSURE_THRESHOLD = String(threshold);
    expect(disclosureParameters().threshold).toBe(threshold);
    const raised = await read(dashboard());
    expect(raised).toEqual(exact.map((n) => (n >= 1 && n < threshold ? null : n)));
    expect(raised.some((n, i) => n === null && exact[i]! >= 5)).toBe(true);
  });
});
