/**
 * Several writers on one SQLite file: two processes of the veterans' subgraph serve the same database
 * (as two instances behind one address would), three clients write through each, and meanwhile this
 * process takes the write lock itself for a second at a time (as an admin tool would) and takes an
 * online backup (`backupDatabase`, what `pnpm backup` runs).
 *
 * - No client sees HTTP 500, "database is locked" or any error while locks last less than the busy
 *   timeout (5 s): writers wait.
 * - A lock held past the busy timeout answers SERVICE_BUSY (HTTP 200, the Vietnamese message, nothing
 *   stored), and writes go through again once it is released.
 * - The backup, taken while both processes write, holds every write acknowledged before it started,
 *   passes its checks, and restores (test/backup.test.ts covers restore and ids after it, in one process).
 * - Afterwards every acknowledged id is stored once, and the audit trail both processes appended to verifies.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { verifyTrail } from '@antt/audit';
import { backupDatabase, restoreDatabase } from '@antt/subgraph-kit';
import { BINH_THUAN, CHIENG_PHA, user } from '@antt/testing';
import { post, type GraphQLResponse } from '../support/federation.js';
import { freePort, heavyOnly, makeDataDir, startSubgraphProcess, type DataDir, type ServiceProcess } from './support/processes.js';

const RECORD = /* GraphQL */ `
  mutation ($input: RecordVeteransActivityInput!) {
    recordVeteransActivity(input: $input) {
      id
    }
  }
`;
const BUSY = {
  message: 'Cơ sở dữ liệu đang bận: chưa lưu được, vui lòng thử lại.',
  path: ['recordVeteransActivity'],
  extensions: { code: 'SERVICE_BUSY' },
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds the write lock on a connection of this process for `ms`, as an admin tool or a long backup step would. */
async function holdWriteLock(file: string, ms: number): Promise<void> {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    db.exec('BEGIN IMMEDIATE');
    await sleep(ms);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

describe.skipIf(heavyOnly('concurrent-writers'))('two processes writing to one database, beside a lock holder and a backup', () => {
  let data: DataDir;
  let file: string;
  const processes: ServiceProcess[] = [];
  beforeAll(async () => {
    data = await makeDataDir('writers');
    file = join(data.dir, 'veterans.sqlite');
    // The first creates and migrates the file (with demo data, so a backup takes several steps); the second opens it.
    processes.push(await startSubgraphProcess('veterans', { data, file, port: await freePort(), demo: true }));
    processes.push(await startSubgraphProcess('veterans', { data, file, port: await freePort(), demo: true }));
  }, 900_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    data?.remove();
  });

  const acknowledged: { id: string; at: number }[] = [];

  it('delays writers without an error while locks last less than the busy timeout, and the backup holds what came before it', async () => {
    let writing = true;
    const unexpected: GraphQLResponse[] = [];
    const client = async (n: number, url: string) => {
      const token = await data.bearer(user('veterans', BINH_THUAN, ['STAFF'], `writer-${n}`));
      for (let i = 0; writing; i++) {
        const res = await post<{ recordVeteransActivity: { id: string } }>(
          url,
          RECORD,
          { input: { type: 'PROPAGANDA', topic: `Ghi song song ${n}-${i}`, date: '2021-08-10', unitId: CHIENG_PHA, participants: 7 } },
          token,
        );
        if (res.status === 200 && !res.errors && res.data?.recordVeteransActivity?.id)
          acknowledged.push({ id: res.data.recordVeteransActivity.id, at: Date.now() });
        else unexpected.push(res);
      }
    };
    const clients = Promise.all(processes.flatMap((p, k) => [0, 1, 2].map((n) => client(k * 3 + n, p.url))));
    while (acknowledged.length < 20) await sleep(10);
    await holdWriteLock(file, 1_000);
    const backupStarted = Date.now();
    const ackedBeforeBackup = acknowledged.filter((a) => a.at <= backupStarted).map((a) => a.id);
    const copy = join(data.dir, 'backup.sqlite');
    const backup = await backupDatabase(file, copy);
    await holdWriteLock(file, 1_000);
    const ackedDuring = acknowledged.length;
    await sleep(500);
    writing = false;
    await clients;
    console.info(
      `[writers] ${acknowledged.length} writes acknowledged by two processes; backup of ${backup.bytes} bytes in ${backup.ms} ms while ${ackedDuring - ackedBeforeBackup.length} writes went on`,
    );
    expect(unexpected).toEqual([]);
    expect(backup).toMatchObject({ integrity: true, auditChain: true });
    const inCopy = new Database(copy, { readonly: true });
    const copied = new Set((inCopy.prepare('SELECT record_id FROM activities').all() as { record_id: string }[]).map((r) => r.record_id));
    inCopy.close();
    expect(ackedBeforeBackup.filter((id) => !copied.has(id))).toEqual([]);
    // The backup restores as a whole database (here beside the live one).
    const restored = await restoreDatabase(copy, join(data.dir, 'restored.sqlite'));
    expect(restored).toMatchObject({ integrity: true, auditChain: true });
  }, 120_000);

  it('answers SERVICE_BUSY, with nothing stored, only when a lock outlasts the busy timeout, and writes again after it', async () => {
    const token = await data.bearer(user('veterans', BINH_THUAN, ['STAFF'], 'writer-busy'));
    const write = (url: string) =>
      post<{ recordVeteransActivity: { id: string } | null }>(
        url,
        RECORD,
        { input: { type: 'PROPAGANDA', topic: 'Ghi khi bị khoá', date: '2021-08-11', unitId: CHIENG_PHA, participants: 3 } },
        token,
      );
    const lock = holdWriteLock(file, 6_500);
    await sleep(200);
    const t0 = Date.now();
    const busy = await Promise.all(processes.map((p) => write(p.url)));
    const waited = Date.now() - t0;
    await lock;
    for (const res of busy) expect(res).toEqual({ status: 200, data: { recordVeteransActivity: null }, errors: [expect.objectContaining(BUSY)] });
    expect(waited).toBeGreaterThanOrEqual(4_900);
    const again = await Promise.all(processes.map((p) => write(p.url)));
    for (const res of again) {
      expect(res.errors).toBeUndefined();
      acknowledged.push({ id: res.data!.recordVeteransActivity!.id, at: Date.now() });
    }
  }, 60_000);

  it('stored every acknowledged write once, and the trail both processes appended to verifies', () => {
    const db = new Database(file, { readonly: true });
    try {
      const stored = (
        db
          .prepare('SELECT record_id FROM activities WHERE record_id IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify(acknowledged.map((a) => a.id))) as { record_id: string }[]
      ).map((r) => r.record_id);
      expect(stored.sort()).toEqual(acknowledged.map((a) => a.id).sort());
      expect(new Set(stored).size).toBe(stored.length);
      const ok = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'WRITE' AND outcome = 'OK'").get() as { n: number };
      expect(ok.n).toBeGreaterThanOrEqual(acknowledged.length);
      expect(verifyTrail(db)).toMatchObject({ ok: true, firstBroken: null });
    } finally {
      db.close();
    }
  });
});
