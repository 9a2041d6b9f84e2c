/**
 * Online backup and restore of an organization's database: a backup taken while staff keep writing
 * holds everything committed before it; a restore gives that back whole, refuses a database in use,
 * and no id handed out after the backup is handed out again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { backupDatabase, checkCopy, restoreDatabase } from '@antt/subgraph-kit';
import { ok, openTestSubgraph, staff } from '@antt/testing';
import { SUBGRAPHS } from '../gateway/src/subgraphs.js';

const dir = mkdtempSync(join(tmpdir(), 'antt-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const veterans = SUBGRAPHS.find((s) => s.name === 'veterans')!;
const patrol = veterans.kinds.find((k) => k.spec.type === 'VeteransPatrol')!.spec;
const me = staff('veterans');
const CREATE = `mutation($input: Record${patrol.type}Input!) { r: ${patrol.create}(input: $input) { id } }`;

const idsIn = (file: string): Set<string> => {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare(`SELECT DISTINCT record_id AS id FROM ${patrol.table}`).all() as { id: string }[];
  db.close();
  return new Set(rows.map((r) => r.id));
};

describe('backup and restore', () => {
  it('takes a backup while staff keep writing, and restores everything committed before it, with no id given twice', async () => {
    const live = join(dir, 'veterans.sqlite');
    const sg = await openTestSubgraph(veterans, { file: live });
    const write = async () => ok<{ id: string }>(await sg.run(me, CREATE, { input: patrol.example }), 'r').id;
    const before: string[] = [];
    for (let i = 0; i < 30; i++) before.push(await write());

    // Writers keep going while the backup copies pages in steps.
    const copy = join(dir, 'veterans-backup.sqlite');
    const during: string[] = [];
    const writing = (async () => {
      for (let i = 0; i < 30; i++) {
        during.push(await write());
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backup = await backupDatabase(sg.sqlite, copy);
    await writing;
    expect(backup).toMatchObject({ integrity: true, auditChain: true });
    const after: string[] = [];
    for (let i = 0; i < 10; i++) after.push(await write());

    const inBackup = idsIn(copy);
    for (const id of before) expect(inBackup.has(id), `${id} committed before the backup`).toBe(true);
    for (const id of after) expect(inBackup.has(id), `${id} written after the backup`).toBe(false);

    // A database in use is refused; the live one is left as it was.
    await expect(restoreDatabase(copy, live)).rejects.toThrow(/in use/);
    sg.sqlite.close();

    const restored = await restoreDatabase(copy, live);
    expect(restored).toMatchObject({ integrity: true, auditChain: true });
    expect(idsIn(live)).toEqual(inBackup);

    // Staff go on after the restore: no id handed out since the backup comes back.
    const again = await openTestSubgraph(veterans, { file: live });
    const handedOutSince = new Set([...during, ...after].filter((id) => !inBackup.has(id)));
    for (let i = 0; i < 40; i++) {
      const id = ok<{ id: string }>(await again.run(me, CREATE, { input: patrol.example }), 'r').id;
      expect(handedOutSince.has(id), `${id} was handed out before the restore`).toBe(false);
    }
    again.sqlite.close();
  });

  it('refuses a damaged backup and leaves the database as it was', async () => {
    const good = join(dir, 'good.sqlite');
    const sg = await openTestSubgraph(veterans, { file: good });
    ok(await sg.run(me, CREATE, { input: patrol.example }), 'r');
    sg.sqlite.close();
    const damaged = join(dir, 'damaged.sqlite');
    await backupDatabase(good, damaged);
    // Someone edits the audit trail in the copy: the chain no longer verifies.
    const db = new Database(damaged);
    db.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; UPDATE audit_log SET operation = 'x' WHERE id = (SELECT min(id) FROM audit_log)`);
    db.close();
    expect(checkCopy(damaged).auditChain).toBe(false);
    const target = join(dir, 'target.sqlite');
    await backupDatabase(good, target);
    const beforeIds = idsIn(target);
    await expect(restoreDatabase(damaged, target)).rejects.toThrow(/failed its checks/);
    expect(idsIn(target)).toEqual(beforeIds);
  });
});
