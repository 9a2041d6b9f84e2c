import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  AuditTrail,
  chainHeads,
  IDENTITY_READS_CHAIN,
  latestAnchors,
  protectChainedTables,
  recordAnchors,
  startAnchoring,
  verifyChainedTable,
  verifyTrail,
  type AuditEntry,
} from '../src/index.js';

function fresh(): Database.Database {
  const db = new Database(':memory:');
  db.exec(
    `CREATE TABLE audit_log (id integer PRIMARY KEY AUTOINCREMENT, at text NOT NULL, request_id text NOT NULL, user_id text NOT NULL, organization text NOT NULL, roles text NOT NULL, operation text NOT NULL, action text NOT NULL, type_name text, data_class text, record_ids text NOT NULL, fields text NOT NULL, outcome text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL)`,
  );
  return db;
}
const entry = (n: number): AuditEntry => ({
  at: `2026-11-0${n}T00:00:00.000Z`,
  requestId: `r${n}`,
  userId: 'u',
  organization: 'police',
  roles: ['INVESTIGATOR'],
  operation: 'op',
  action: 'READ',
  typeName: 'ReporterIdentity',
  dataClass: 'CRIME_SOURCE',
  recordIds: [String(n)],
  fields: ['fullName'],
  outcome: 'OK',
});

describe('the audit trail', () => {
  it("counts the rows it inserted on its connection as SQLite's total_changes() does, rolled back ones too", () => {
    const db = fresh();
    const trail = new AuditTrail(db);
    const total = () => (db.prepare('SELECT total_changes() AS c').get() as { c: number }).c;
    const before = total();
    trail.append([entry(1), entry(2)]);
    trail.append([entry(3)]);
    expect(trail.rowsWritten).toBe(3);
    db.exec('BEGIN');
    trail.append([entry(4)]);
    db.exec('ROLLBACK');
    expect(trail.rowsWritten).toBe(4);
    expect(total() - before).toBe(4);
    // A failing insert adds no row and counts none.
    expect(() => trail.append([{ ...entry(5), userId: null as unknown as string }])).toThrow(/NOT NULL/);
    expect(trail.rowsWritten).toBe(4);
    expect(total() - before).toBe(4);
  });

  it('chains entries and verifies them', () => {
    const db = fresh();
    const trail = new AuditTrail(db);
    trail.append([entry(1), entry(2)]);
    trail.append([entry(3)]);
    expect(verifyTrail(db)).toEqual({ ok: true, entries: 3, firstBroken: null, reason: null });
  });

  it('chains one entry appended inside the caller’s transaction without a savepoint, and adds nothing when its insert fails', () => {
    const db = fresh();
    const trail = new AuditTrail(db);
    trail.append([entry(1)]);
    db.transaction(() => {
      trail.append([entry(2)]);
      trail.append([entry(3)]);
    }).immediate();
    // A failing insert (a NULL in a NOT NULL column) inside a transaction the caller goes on with.
    db.transaction(() => {
      expect(() => trail.append([{ ...entry(4), userId: null as unknown as string }])).toThrow(/NOT NULL/);
      trail.append([entry(5)]);
    }).immediate();
    // A transaction rolled back takes its entry with it.
    expect(() =>
      db.transaction(() => {
        trail.append([entry(6)]);
        throw new Error('the write failed');
      })(),
    ).toThrow('the write failed');
    expect((db.prepare('SELECT request_id FROM audit_log ORDER BY id').all() as { request_id: string }[]).map((r) => r.request_id)).toEqual([
      'r1',
      'r2',
      'r3',
      'r5',
    ]);
    expect(verifyTrail(db)).toEqual({ ok: true, entries: 4, firstBroken: null, reason: null });
  });
  it('is refused UPDATE and DELETE by the database itself', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1)]);
    expect(() => db.exec("UPDATE audit_log SET user_id = 'someone-else'")).toThrow('audit_log is append-only');
    expect(() => db.exec('DELETE FROM audit_log')).toThrow('audit_log is append-only');
  });

  it('reports the first broken link when an entry is changed behind the triggers’ back', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1), entry(2), entry(3), entry(4)]);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec("UPDATE audit_log SET user_id = 'someone-else' WHERE id = 3");
    expect(verifyTrail(db)).toMatchObject({ ok: false, firstBroken: 3, reason: expect.stringContaining('changed') });
  });

  it('reports the first broken link when an entry is removed', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1), entry(2), entry(3)]);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.exec('DELETE FROM audit_log WHERE id = 2');
    expect(verifyTrail(db)).toMatchObject({ ok: false, firstBroken: 3, reason: expect.stringContaining('removed') });
  });
});

describe('truncation and missing tables, against an anchor kept outside the database', () => {
  const anchored = (db: Database.Database) => {
    const head = chainHeads(db).find((a) => a.table === 'audit_log')!;
    return { count: head.count, head: head.head };
  };

  it('accepts a chain that grew after its anchor', () => {
    const db = fresh();
    const trail = new AuditTrail(db);
    trail.append([entry(1), entry(2)]);
    const a = anchored(db);
    trail.append([entry(3)]);
    expect(verifyTrail(db, a)).toEqual({ ok: true, entries: 3, firstBroken: null, reason: null });
  });

  it('detects the last entries removed', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1), entry(2), entry(3)]);
    const a = anchored(db);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.exec('DELETE FROM audit_log WHERE id = 3');
    expect(verifyTrail(db)).toMatchObject({ ok: true });
    expect(verifyTrail(db, a)).toMatchObject({ ok: false, entries: 2, reason: expect.stringContaining('truncated') });
  });

  it('detects every entry removed', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1), entry(2)]);
    const a = anchored(db);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.exec('DELETE FROM audit_log');
    expect(verifyTrail(db, a)).toMatchObject({ ok: false, entries: 0, reason: expect.stringContaining('truncated') });
  });

  it('detects a chain rewritten consistently from the start', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1), entry(2)]);
    const a = anchored(db);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.exec('DELETE FROM audit_log');
    new AuditTrail(db).append([entry(1), entry(3)]);
    expect(verifyTrail(db)).toMatchObject({ ok: true });
    expect(verifyTrail(db, a)).toMatchObject({ ok: false, reason: expect.stringContaining('rewritten') });
  });

  it('reports a dropped table as broken instead of crashing', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1)]);
    db.exec('DROP TABLE audit_log');
    expect(verifyTrail(db)).toMatchObject({ ok: false, entries: 0, reason: expect.stringContaining('missing') });
  });

  it('keeps anchors in a directory and reads back the latest of each table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anchors-'));
    const db = fresh();
    const trail = new AuditTrail(db);
    trail.append([entry(1)]);
    await recordAnchors({ dir }, 'police', chainHeads(db));
    trail.append([entry(2)]);
    await recordAnchors({ dir }, 'police', chainHeads(db));
    expect(latestAnchors(dir, 'police').get('audit_log')).toMatchObject({ count: 2 });
    expect(latestAnchors(dir, 'women').size).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a chained table (the reasons for reading a reporter’s identity)', () => {
  const reasons = () => {
    const db = new Database(':memory:');
    db.exec(
      `CREATE TABLE identity_reads (id integer PRIMARY KEY AUTOINCREMENT, record_kind text NOT NULL, record_id text NOT NULL, user_id text NOT NULL, organization text NOT NULL, reason text NOT NULL, at text NOT NULL, prev_hash text, hash text)`,
    );
    return db;
  };
  const insert = (db: Database.Database, n: number) =>
    db
      .prepare('INSERT INTO identity_reads (record_kind, record_id, user_id, organization, reason, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('CRIME_TIP', `tip-${n}`, 'u', 'police', 'Xác minh nguồn tin theo kế hoạch', `2026-11-0${n}T00:00:00.000Z`);

  it('chains rows written before it had a chain, then every new row, by the database itself', () => {
    const db = reasons();
    insert(db, 1);
    protectChainedTables(db);
    insert(db, 2);
    expect(db.prepare('SELECT count(*) AS n FROM identity_reads WHERE hash IS NULL').get()).toEqual({ n: 0 });
    expect(verifyChainedTable(db, IDENTITY_READS_CHAIN)).toEqual({ ok: true, entries: 2, firstBroken: null, reason: null });
  });

  it('refuses UPDATE and DELETE, and detects changes behind the triggers’ back and truncation', () => {
    const db = reasons();
    protectChainedTables(db);
    insert(db, 1);
    insert(db, 2);
    insert(db, 3);
    expect(() => db.exec("UPDATE identity_reads SET reason = 'x'")).toThrow('identity_reads is append-only');
    expect(() => db.exec('DELETE FROM identity_reads')).toThrow('identity_reads is append-only');
    const head = chainHeads(db).find((a) => a.table === 'identity_reads')!;
    db.exec('DROP TRIGGER identity_reads_no_update');
    db.exec("UPDATE identity_reads SET reason = 'Tò mò xem thử người này là ai' WHERE id = 2");
    expect(verifyChainedTable(db, IDENTITY_READS_CHAIN)).toMatchObject({ ok: false, firstBroken: 2 });
    const db2 = reasons();
    protectChainedTables(db2);
    insert(db2, 1);
    insert(db2, 2);
    const head2 = chainHeads(db2).find((a) => a.table === 'identity_reads')!;
    db2.exec('DROP TRIGGER identity_reads_no_delete');
    db2.exec('DELETE FROM identity_reads WHERE id = 2');
    expect(verifyChainedTable(db2, IDENTITY_READS_CHAIN, head2)).toMatchObject({ ok: false, reason: expect.stringContaining('truncated') });
    expect(head.count).toBe(3);
    db2.exec('DROP TABLE identity_reads');
    expect(verifyChainedTable(db2, IDENTITY_READS_CHAIN)).toMatchObject({ ok: false, reason: expect.stringContaining('missing') });
  });
});

describe('anchoring while a server runs', () => {
  it('records the heads at start, again when they changed, and not when they did not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anchors-'));
    const db = fresh();
    const trail = new AuditTrail(db);
    trail.append([entry(1)]);
    const anchoring = startAnchoring({ sqlite: db, name: 'gateway', target: { dir }, intervalMs: 3_600_000 });
    await anchoring.flush();
    trail.append([entry(2)]);
    await anchoring.flush();
    await anchoring.stop();
    const lines = readFileSync(join(dir, 'gateway.anchors.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { count: number }).count)).toEqual([1, 2]);
    expect(verifyTrail(db, latestAnchors(dir, 'gateway').get('audit_log'))).toMatchObject({ ok: true, entries: 2 });
    rmSync(dir, { recursive: true, force: true });
  });
});
