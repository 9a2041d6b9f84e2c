/**
 * One threshold decides small counts (SECURITY.md, "Disclosure control"): ANTT_DISCLOSURE_THRESHOLD
 * sets the primary cells of the published set's pattern and its audit (disclosureParameters), read when
 * a subgraph's patterns are made: here the police's reintegration cases (reintegrationCases, a field the
 * schema marks `suppressSmall` and serves through the pattern), read by a dashboard, with the default
 * and with a raised threshold (a new database: a pattern keeps the parameters it was made with).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { disclosureParameters, servedPatterns } from '@antt/disclosure';
import { territory } from '@antt/reference';
import { dashboard, openTestSubgraph, staff, PROVINCE } from '@antt/testing';
import { subgraph as police } from '@antt/police';

const Q = `query ($unit: ID!, $period: ID!) { unit(id: $unit) { police { reintegrationCases(periodId: $period) } } }`;
type Cases = { unit: { police: { reintegrationCases: number | null } } };
const before = process.env.ANTT_DISCLOSURE_THRESHOLD;
const today = '2026-12-02';
const years = [2022, 2023, 2024];

describe('ANTT_DISCLOSURE_THRESHOLD', () => {
  afterEach(() => {
    if (before === undefined) delete process.env.ANTT_DISCLOSURE_THRESHOLD;
    else process.env.ANTT_DISCLOSURE_THRESHOLD = before;
  });

  it('hides every count under it from a dashboard, the same counts the police staff read exactly', { timeout: 180_000 }, async () => {
    const units = [
      PROVINCE,
      ...territory()
        .unitsOn('2023-12-31', 'DISTRICT')
        .map((u) => u.id),
    ];
    const asks = units.flatMap((unit) => years.map((y) => ({ unit, period: `${y}-PLAN-Y` })));
    const open = async () => {
      const s = await openTestSubgraph(police, { demo: true, today });
      // The pattern made with the parameters in force now, over the years asked.
      await servedPatterns(s.sqlite, { scope: { unitId: PROVINCE, years, today } }).refresh('policeReintegration');
      return s;
    };
    const read = async (s: Awaited<ReturnType<typeof open>>, who: ReturnType<typeof staff>) => {
      const out: (number | null)[] = [];
      for (const v of asks) out.push((await s.run<Cases>(who, Q, v)).data!.unit.police.reintegrationCases);
      return out;
    };
    delete process.env.ANTT_DISCLOSURE_THRESHOLD;
    expect(disclosureParameters().threshold).toBe(5);
    const s = await open();
    const exact = (await read(s, staff('police', PROVINCE))) as number[];
    const threshold = Math.max(...exact);
    expect(threshold).toBeGreaterThan(5);
    // The default: 1 to 4 always hidden; what is shown is exact (a larger count may be hidden to protect a small one).
    const shown = await read(s, dashboard());
    shown.forEach((n, i) => {
      if (exact[i]! >= 1 && exact[i]! < 5) expect(n, JSON.stringify(asks[i])).toBeNull();
      if (n !== null) expect(n).toBe(exact[i]);
    });
    expect(shown.some((n, i) => n !== null && exact[i]! >= 5)).toBe(true);

    process.env.ANTT_DISCLOSURE_THRESHOLD = String(threshold);
    expect(disclosureParameters().threshold).toBe(threshold);
    const raised = await read(await open(), dashboard());
    raised.forEach((n, i) => {
      if (exact[i]! >= 1 && exact[i]! < threshold) expect(n, JSON.stringify(asks[i])).toBeNull();
      if (n !== null) expect(n).toBe(exact[i]);
    });
    expect(raised.some((n, i) => n === null && exact[i]! >= 5 && shown[i] !== null)).toBe(true);
  });
});
