/**
 * One rule for a case whose police receipt is not confirmed (references/pending.ts): it is in none of
 * the protection counts, nor in the disclosure source outsiders' pattern is computed from, until the
 * police confirm the receipt; a reading as recorded before the check was noted counts it as it stood
 * then. Over the demo data: about 10 s.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT, FAMILY_SOURCES, victimsRecords } from '@antt/disclosure';
import { openTestSubgraph, staff, PROVINCE } from '@antt/testing';
import { subgraph as women } from '@antt/women';

const Q = `query ($unit: ID!, $period: ID!, $at: DateTime) { unit(id: $unit) { women { protection(periodId: $period, asRecordedAt: $at) { count referredToPolice } } } }`;
type P = { unit: { women: { protection: { count: number; referredToPolice: number } } } };

describe('protection cases with an unconfirmed police receipt', () => {
  it('count nowhere until the police confirm the receipt, in the staff counts and the disclosure source alike', { timeout: 120_000 }, async () => {
    const s = await openTestSubgraph(women, { demo: true, today: '2026-12-02' });
    const c = s.sqlite
      .prepare(
        `SELECT record_id AS id, unit_id AS unit, opened_on AS opened FROM women_protection_cases
          WHERE status = 'ACTIVE' AND superseded_at IS NULL AND tip_receipt_id IS NOT NULL AND substr(opened_on, 6, 2) BETWEEN '02' AND '11'
            AND record_id NOT IN (SELECT record_id FROM reference_checks WHERE record_table = 'women_protection_cases') LIMIT 1`,
      )
      .get() as { id: string; unit: string; opened: string };
    expect(c).toBeDefined();
    const v = { unit: c.unit, period: `${c.opened.slice(0, 4)}-PLAN-Y`, at: null as string | null };
    const read = async (at: string | null = null) => {
      const res = await s.run<P>(staff('women', PROVINCE), Q, { ...v, at });
      expect(res.errors).toBeUndefined();
      return res.data!.unit.women.protection;
    };
    const mine = () => victimsRecords(s.sqlite, [CURRENT]).filter((r) => r.unitId === c.unit && r.date === c.opened).length;
    const before = await read();
    const sourceBefore = mine();
    const fp = FAMILY_SOURCES.victims!.fingerprint(s.sqlite);
    const beforeNoted = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));

    // The receipt is noted unconfirmed (as notePending writes it when the police do not answer).
    const notedAt = new Date().toISOString();
    s.sqlite
      .prepare(
        `INSERT INTO reference_checks (record_table, record_id, field, owner, owner_table, by_field, writer_field, within_unit, ref_id, state, noted_at, attempts)
         VALUES ('women_protection_cases', ?, 'tipReceiptId', 'police', 'crime_tips', 'receiptId', 'handedOverBy', ?, 'BN-X', 'PENDING', ?, 0)`,
      )
      .run(c.id, c.unit, notedAt);
    expect(await read()).toEqual({ count: before.count - 1, referredToPolice: before.referredToPolice - 1 });
    expect(mine()).toBe(sourceBefore - 1);
    // The served pattern is computed again: a confirmation state is part of the family's fingerprint.
    expect(FAMILY_SOURCES.victims!.fingerprint(s.sqlite)).not.toBe(fp);
    // As recorded before the check was noted: counted, as it was then.
    expect(await read(beforeNoted)).toEqual(before);

    // Refused: still out. Confirmed: back in every count.
    const setState = (state: string) => s.sqlite.prepare(`UPDATE reference_checks SET state = ? WHERE record_id = ?`).run(state, c.id);
    setState('REFUSED');
    expect((await read()).count).toBe(before.count - 1);
    setState('CONFIRMED');
    expect(await read()).toEqual(before);
    expect(mine()).toBe(sourceBefore);
  });
});
