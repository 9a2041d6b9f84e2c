/**
 * Records kept by the code before the three maps under a `@2019` id for a day of the 2025-02 map are moved
 * to the unit of that map at start (records/unit-moves.ts). A kind whose uniqueness key names the unit
 * (one pledge round per residential area and year) must keep a key naming the unit it now lies under.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { moveRecordsToTheirMap } from '@antt/subgraph-kit';
import { openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { familyPledges, pledgeKey } from '../src/kinds/index.js';
import { subgraph } from '../src/subgraph.js';

const OLD_ID = 'commune:03730@2019';
const FEB_ID = 'commune:03730@2025-02';
const me = staff('elderly');

let s: TestSubgraph;
beforeEach(async () => {
  s = await openTestSubgraph(subgraph, { today: '2026-11-27' });
});

async function pledge(signedOn: string): Promise<string> {
  const res = await s.run<{ r: { id: string } }>(
    me,
    `mutation($input: RecordElderlyFamilyPledgeInput!) { r: recordElderlyFamilyPledge(input: $input) { id } }`,
    { input: { signedOn, unitId: 'area:03730-01', familiesSigned: 80, familiesTotal: 100 } },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.r.id;
}

/** Puts a record's every version back under `unitId` with the key the code before computed for it, as a database of then holds it. */
function keptAsBefore(recordId: string, unitId: string, signedOn: string): void {
  s.sqlite
    .prepare(`UPDATE elderly_family_pledges SET unit_id = ?, conflict_key = CASE WHEN conflict_key IS NULL THEN NULL ELSE ? END WHERE record_id = ?`)
    .run(unitId, pledgeKey({ unitId, signedOn }), recordId);
}

const rows = (recordId: string) =>
  s.sqlite.prepare(`SELECT unit_id, conflict_key, superseded_at FROM elderly_family_pledges WHERE record_id = ? ORDER BY version`).all(recordId) as {
    unit_id: string;
    conflict_key: string | null;
    superseded_at: string | null;
  }[];

describe('moving records to the map of their date', () => {
  it('computes every moved version’s uniqueness key again from the unit it now lies under', async () => {
    const id = await pledge('2025-03-08');
    const corrected = await s.run(
      me,
      `mutation { correctElderlyFamilyPledge(id: "${id}", changes: { familiesSigned: 85 }, reason: "Thêm hộ ký bổ sung") { version } }`,
    );
    expect(corrected.errors).toBeUndefined();
    keptAsBefore(id, OLD_ID, '2025-03-08');
    expect(rows(id).map((r) => r.conflict_key)).toEqual([`${OLD_ID}|2025`, `${OLD_ID}|2025`]);

    expect(moveRecordsToTheirMap(s.sqlite, [familyPledges])).toEqual({ moved: 2, listed: 0 });
    expect(rows(id)).toEqual([
      { unit_id: FEB_ID, conflict_key: `${FEB_ID}|2025`, superseded_at: expect.any(String) },
      { unit_id: FEB_ID, conflict_key: `${FEB_ID}|2025`, superseded_at: null },
    ]);
    // Once done, a second start moves nothing and leaves the keys as they are.
    expect(moveRecordsToTheirMap(s.sqlite, [familyPledges])).toEqual({ moved: 0, listed: 0 });
    expect(rows(id).map((r) => r.conflict_key)).toEqual([`${FEB_ID}|2025`, `${FEB_ID}|2025`]);
  });

  it('finds the moved record by the key a second round for the same unit and year would have', async () => {
    const first = await pledge('2025-03-08');
    keptAsBefore(first, OLD_ID, '2025-03-08');
    moveRecordsToTheirMap(s.sqlite, [familyPledges]);
    // The repository refuses a record whose key a standing current record already holds (repository.ts, statement `conflict`).
    const holder = s.sqlite
      .prepare(`SELECT record_id FROM elderly_family_pledges WHERE conflict_key = ? AND superseded_at IS NULL AND status = 'ACTIVE'`)
      .all(pledgeKey({ unitId: FEB_ID, signedOn: '2025-05-01' }));
    expect(holder).toEqual([{ record_id: first }]);
  });

  it('leaves a voided record without a key, and a record that needs no move as it was', async () => {
    const voided = await pledge('2025-04-02');
    const res = await s.run(me, `mutation { voidElderlyFamilyPledge(id: "${voided}", reason: "Ghi nhầm khu dân cư") { version } }`);
    expect(res.errors).toBeUndefined();
    keptAsBefore(voided, OLD_ID, '2025-04-02');
    const before = await pledge('2024-12-01');
    moveRecordsToTheirMap(s.sqlite, [familyPledges]);
    expect(rows(voided).map((r) => [r.unit_id, r.conflict_key])).toEqual([
      [FEB_ID, `${FEB_ID}|2025`],
      [FEB_ID, null],
    ]);
    expect(rows(before).map((r) => [r.unit_id, r.conflict_key])).toEqual([['area:03730-01', 'area:03730-01|2024']]);
  });
});

describe('a retried write after the move', () => {
  const KEY = 'retry-0001-after-move';
  const ACTIVITY = `mutation($input: RecordElderlyActivityInput!, $k: String) { r: recordElderlyActivity(input: $input, clientKey: $k) { id } }`;
  const input = { type: 'PROPAGANDA', topic: 'Phòng chống lừa đảo qua mạng', date: '2025-03-08', unitId: OLD_ID, participants: 40 };
  const first = (id: string) =>
    s.sqlite.prepare(`SELECT * FROM activities WHERE record_id = ? AND version = 1`).get(id) as Record<string, unknown> & { id: number };
  /** The hash a create keeps (repository.ts), computed here from the fields as the test writes them, not with the framework's code. */
  const hashOf = (row: Record<string, unknown>, unitId: string, branchId: unknown) =>
    createHash('sha256')
      .update(
        JSON.stringify(
          Object.entries({
            type: row.type,
            topic: row.topic,
            date: row.date,
            unitId,
            participants: row.participants,
            note: row.note ?? null,
            planTaskId: row.plan_task_id ?? null,
            branchId: branchId ?? null,
          }).sort(([a], [b]) => (a < b ? -1 : 1)),
        ),
      )
      .digest('hex');

  it('is recognised as the same write: the moved record’s content hash is computed again from the unit it now lies under', async () => {
    const made = await s.run<{ r: { id: string } }>(me, ACTIVITY, { input, k: KEY });
    expect(made.errors).toBeUndefined();
    const id = made.data!.r.id;
    const stored = first(id);
    expect(stored.unit_id).toBe(FEB_ID);
    // The test's own reading of the hash is the framework's: otherwise what follows proves nothing.
    expect(hashOf(stored, FEB_ID, stored.branch_id)).toBe(stored.content_hash);
    // As the code before the three maps kept it: under the @2019 id, its branch and its hash with it.
    const oldBranch = typeof stored.branch_id === 'string' ? stored.branch_id.replace('@2025-02', '@2019') : null;
    s.sqlite
      .prepare(`UPDATE activities SET unit_id = ?, branch_id = ?, content_hash = ? WHERE record_id = ?`)
      .run(OLD_ID, oldBranch, hashOf(stored, OLD_ID, oldBranch), id);
    // Before the move the retry is taken for another write under the same key: the defect the move mends.
    const refused = await s.run(me, ACTIVITY, { input, k: KEY });
    expect(refused.errors?.[0]?.extensions?.reason).toBe('CLIENT_KEY_REUSED');

    expect(moveRecordsToTheirMap(s.sqlite, subgraph.kinds)).toMatchObject({ moved: 1 });
    const moved = first(id);
    expect([moved.unit_id, moved.branch_id, moved.content_hash]).toEqual([FEB_ID, stored.branch_id, stored.content_hash]);
    for (const unitId of [OLD_ID, FEB_ID]) {
      const retry = await s.run<{ r: { id: string } }>(me, ACTIVITY, { input: { ...input, unitId }, k: KEY });
      expect(retry.errors).toBeUndefined();
      expect(retry.data!.r.id).toBe(id);
    }
    expect((s.sqlite.prepare(`SELECT count(*) AS n FROM activities WHERE client_key = ?`).get(KEY) as { n: number }).n).toBe(1);
    // Other content under the same key is still refused after the move.
    const other = await s.run(me, ACTIVITY, { input: { ...input, participants: 41 }, k: KEY });
    expect(other.errors?.[0]?.extensions?.reason).toBe('CLIENT_KEY_REUSED');
  });

  it('leaves a hash it cannot read back as it was (nothing is guessed)', async () => {
    const made = await s.run<{ r: { id: string } }>(me, ACTIVITY, { input, k: KEY });
    const id = made.data!.r.id;
    s.sqlite.prepare(`UPDATE activities SET unit_id = ?, content_hash = 'not-a-hash-of-these-values' WHERE record_id = ?`).run(OLD_ID, id);
    moveRecordsToTheirMap(s.sqlite, subgraph.kinds);
    expect([first(id).unit_id, first(id).content_hash]).toEqual([FEB_ID, 'not-a-hash-of-these-values']);
  });
});
