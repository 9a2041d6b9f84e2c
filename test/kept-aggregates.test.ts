/**
 * Counts are kept until the database changes (subgraph-kit records/kept-aggregates.ts): the same count
 * asked again is answered without SQLite, and never stale. A write on the subgraph's connection, a
 * write committed by another connection to the same file, and a write rolled back are each followed by
 * the right count; a count read inside a transaction is not kept. The women's union's subgraph alone,
 * its database in a file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { subgraph } from '@antt/women';
import { todayInVietnam } from '@antt/reference';
import { BINH_THUAN, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';

const dir = mkdtempSync(join(tmpdir(), 'antt-kept-'));
const file = join(dir, 'women.sqlite');
let sg: TestSubgraph;
let countsRead = 0;

beforeAll(async () => {
  sg = await openTestSubgraph(subgraph, { file });
  // Counts every run of the activity counts' statement.
  const prepare = sg.sqlite.prepare.bind(sg.sqlite);
  sg.sqlite.prepare = ((sql: string) => {
    const st = prepare(sql);
    if (/FROM activities\b/.test(sql) && /GROUP BY type/.test(sql)) {
      const all = st.all.bind(st);
      st.all = ((...params: unknown[]) => {
        countsRead++;
        return all(...params);
      }) as typeof st.all;
    }
    return st;
  }) as Database.Database['prepare'];
});
afterAll(() => {
  sg?.sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

const COUNTS = `query($u: ID!) { unit(id: $u) { women { activityCounts(periodId: "${todayInVietnam().slice(0, 4)}", figures: LIVE) { type count participants } } } }`;
const RECORD = 'mutation ($input: RecordWomenActivityInput!) { recordWomenActivity(input: $input) { id } }';
const activity = { type: 'PROPAGANDA', topic: 'Tuyên truyền pháp luật', date: todayInVietnam(), unitId: BINH_THUAN, participants: 40 };

async function propaganda(): Promise<number> {
  const res = await sg.run(leadership(), COUNTS, { u: BINH_THUAN });
  expect(res.errors).toBeUndefined();
  const rows = (res.data as { unit: { women: { activityCounts: { type: string; count: number }[] } } }).unit.women.activityCounts;
  return rows.find((r) => r.type === 'PROPAGANDA')?.count ?? 0;
}

async function record(): Promise<void> {
  const res = await sg.run(staff('women', BINH_THUAN), RECORD, { input: activity });
  expect(res.errors).toBeUndefined();
}

/** The newest activity again under a new record id, written by SQL as another process writing the file would. */
function copyNewest(db: Database.Database, recordId: string): void {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info('activities') WHERE name NOT IN ('id', 'record_id')`).all() as { name: string }[]).map(
    (c) => c.name,
  );
  db.prepare(`INSERT INTO activities (record_id, ${columns.join(', ')}) SELECT ?, ${columns.join(', ')} FROM activities ORDER BY id DESC LIMIT 1`).run(
    recordId,
  );
}

describe('counts kept until the database changes', () => {
  it('answers the same count again without SQLite', async () => {
    await record();
    const before = countsRead;
    expect(await propaganda()).toBe(1);
    expect(await propaganda()).toBe(1);
    expect(await propaganda()).toBe(1);
    expect(countsRead - before).toBe(1);
  });

  it('counts a write on its own connection at once', async () => {
    expect(await propaganda()).toBe(1);
    await record();
    expect(await propaganda()).toBe(2);
  });

  it('counts a write another connection committed to the same file', async () => {
    expect(await propaganda()).toBe(2);
    const other = new Database(file);
    try {
      copyNewest(other, 'other-connection-1');
    } finally {
      other.close();
    }
    expect(await propaganda()).toBe(3);
  });

  it('keeps nothing read inside a transaction, so a write rolled back is never counted', async () => {
    const before = await propaganda();
    sg.sqlite.exec('BEGIN');
    try {
      copyNewest(sg.sqlite, 'rolled-back-1');
      expect(await propaganda()).toBe(before + 1);
    } finally {
      sg.sqlite.exec('ROLLBACK');
    }
    expect(await propaganda()).toBe(before);
  });
});
