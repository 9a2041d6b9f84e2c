/**
 * The write stamp (sources.ts `writeStamp`) changes with every write this connection makes, at once, and
 * with every commit of another connection, from the next run of code on: it reads data_version once per
 * run of synchronous code, not once per count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeStamp, writesNotRead } from '../src/sources.js';

let dir: string;
let own: Database.Database;
let other: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'antt-stamp-'));
  own = new Database(join(dir, 'db.sqlite'));
  own.pragma('journal_mode = WAL');
  own.exec('CREATE TABLE t (x INTEGER)');
  other = new Database(join(dir, 'db.sqlite'));
});
afterEach(() => {
  own.close();
  other.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs of the statement that reads data_version. */
function countVersionReads(db: Database.Database): () => number {
  let n = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const st = prepare(sql);
    if (!sql.includes('data_version')) return st;
    const get = st.get.bind(st);
    st.get = ((...params: unknown[]) => {
      n++;
      return get(...params);
    }) as typeof st.get;
    return st;
  }) as typeof db.prepare;
  return () => n;
}

describe('writeStamp', () => {
  it('changes at once with a write on its own connection, a rolled-back one too', () => {
    const a = writeStamp(own);
    own.exec('INSERT INTO t VALUES (1)');
    const b = writeStamp(own);
    expect(b).not.toBe(a);
    own.exec('BEGIN');
    own.exec('INSERT INTO t VALUES (2)');
    own.exec('ROLLBACK');
    expect(writeStamp(own)).not.toBe(b);
  });

  it("sees another connection's commit from the next run of code on", async () => {
    const a = writeStamp(own);
    other.exec('INSERT INTO t VALUES (1)');
    // The same run of synchronous code: read as of one moment.
    expect(writeStamp(own)).toBe(a);
    await Promise.resolve();
    expect(writeStamp(own)).not.toBe(a);
    const b = writeStamp(own);
    await new Promise((resolve) => setImmediate(resolve));
    other.exec('INSERT INTO t VALUES (2)');
    expect(writeStamp(own)).not.toBe(b);
  });

  it('leaves out the rows writesNotRead names (the audit trail), and changes with any other row written beside them', () => {
    own.exec('CREATE TABLE log (x INTEGER)');
    let logged = 0;
    const log = own.prepare('INSERT INTO log VALUES (1)');
    const logOne = () => (logged += log.run().changes);
    writesNotRead(own, () => logged);
    const a = writeStamp(own);
    logOne();
    logOne();
    expect(writeStamp(own)).toBe(a);
    // A rolled-back one too: total_changes() and the running total both counted it.
    own.exec('BEGIN');
    logOne();
    own.exec('ROLLBACK');
    expect(writeStamp(own)).toBe(a);
    // A record written in the same transaction as an entry changes it.
    own.transaction(() => {
      logOne();
      own.exec('INSERT INTO t VALUES (1)');
    })();
    const b = writeStamp(own);
    expect(b).not.toBe(a);
    logOne();
    expect(writeStamp(own)).toBe(b);
  });

  it('reads data_version once per run of synchronous code', async () => {
    const reads = countVersionReads(own);
    for (let i = 0; i < 10; i++) writeStamp(own);
    expect(reads()).toBe(1);
    await Promise.resolve();
    writeStamp(own);
    writeStamp(own);
    expect(reads()).toBe(2);
  });
});
