/**
 * Writes are checked: each mutation field commits on its own with its audit entry, answers its data
 * only if that commit succeeded, and never hands out an id that was not stored. A full database is
 * simulated here with SQLite's max_page_count (no root needed); test/faults/disk-full.e2e.test.ts
 * fills a real file system.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ApolloServer } from '@apollo/server';
import type { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { AuditTrail, verifyTrail } from '@antt/audit';
import type { Identity } from '@antt/auth';
import {
  contextFor,
  databaseError,
  groupCommitOf,
  openOrganizationDatabase,
  RequestAudit,
  sqliteOf,
  subgraphApolloConfig,
  writesInTransactions,
  type SubgraphContext,
} from '@antt/subgraph-kit';
import { CHIENG_PHA, BINH_THUAN, openTestSubgraph, staff } from '@antt/testing';
import { subgraph as veterans } from '@antt/veterans';

const me = staff('veterans', BINH_THUAN);
const activity = { type: 'PROPAGANDA', topic: 'Phòng, chống lừa đảo qua mạng', date: '2021-08-10', unitId: CHIENG_PHA, participants: 45 };
const RECORD = /* GraphQL */ `
  mutation Record($input: RecordVeteransActivityInput!) {
    recordVeteransActivity(input: $input) {
      id
      topic
    }
  }
`;

interface AuditRow {
  action: string;
  type_name: string | null;
  record_ids: string;
  fields: string;
  outcome: string;
}

const writeRows = (sqlite: { prepare(sql: string): { all(): unknown[] } }) =>
  sqlite.prepare("SELECT action, type_name, record_ids, fields, outcome FROM audit_log WHERE action = 'WRITE' ORDER BY id").all() as AuditRow[];

describe('several mutations in one request', () => {
  const TWO = /* GraphQL */ `
    mutation Two($a: RecordVeteransActivityInput!, $b: RecordVeteransActivityInput!) {
      first: recordVeteransActivity(input: $a) {
        id
        topic
      }
      second: recordVeteransActivity(input: $b) {
        id
        topic
      }
    }
  `;

  it('answers the saved one’s data and the refused one’s error with its path, and keeps the saved one', async () => {
    const s = await openTestSubgraph(veterans);
    const res = await s.run(me, TWO, { a: activity, b: { ...activity, participants: -1 } });
    expect(res.data).toEqual({ first: { id: expect.stringMatching(/^activity:veterans:/), topic: activity.topic }, second: null });
    const id = (res.data!.first as { id: string }).id;
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ path: ['second'], extensions: { code: 'BAD_USER_INPUT', field: 'input.participants', reason: 'NEGATIVE' } });
    expect(s.sqlite.prepare('SELECT record_id AS id, topic FROM activities').all()).toEqual([{ id, topic: activity.topic }]);
    // The saved write's entry was committed with it; the refused one is a failed attempt without ids.
    expect(writeRows(s.sqlite)).toEqual([
      { action: 'WRITE', type_name: 'VeteransActivity', record_ids: JSON.stringify([id]), fields: '["recordVeteransActivity"]', outcome: 'OK' },
      { action: 'WRITE', type_name: null, record_ids: '[]', fields: '["recordVeteransActivity"]', outcome: 'BAD_USER_INPUT' },
    ]);
    expect(verifyTrail(s.sqlite)).toMatchObject({ ok: true, entries: 2 });
  });

  it('still runs and saves the second when the first is refused', async () => {
    const s = await openTestSubgraph(veterans);
    const res = await s.run(me, TWO, { a: { ...activity, topic: ' ' }, b: activity });
    expect(res.data).toEqual({ first: null, second: { id: expect.stringMatching(/^activity:veterans:/), topic: activity.topic } });
    expect(res.errors?.map((e) => e.path)).toEqual([['first']]);
    expect(s.count()).toBe(1);
  });
});

describe('a database that has no room left', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers STORAGE_UNAVAILABLE with no id for every write it could not store, and never hands out an id twice', async () => {
    const s = await openTestSubgraph(veterans);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await s.run(me, RECORD, { input: activity });
    const pages = (s.sqlite.pragma('page_count', { simple: true }) as number) + 2;
    s.sqlite.pragma(`max_page_count = ${pages}`);
    const given: string[] = [];
    let failures = 0;
    for (let i = 0; i < 500 && failures < 3; i++) {
      const res = await s.run(me, RECORD, { input: { ...activity, topic: `Buổi tuyên truyền số ${i} ${'x'.repeat(250)}` } });
      const id = (res.data?.recordVeteransActivity as { id: string } | null)?.id;
      if (id) {
        given.push(id);
        continue;
      }
      failures++;
      expect(res).toEqual({
        data: { recordVeteransActivity: null },
        errors: [expect.objectContaining({ path: ['recordVeteransActivity'], extensions: expect.objectContaining({ code: 'STORAGE_UNAVAILABLE' }) })],
      });
      expect(res.errors?.[0]?.message).toBe('Máy chủ không ghi được dữ liệu (hết chỗ hoặc chỉ đọc): bản ghi chưa được lưu.');
    }
    expect(failures).toBe(3);
    expect(given.length).toBeGreaterThan(0);
    const stored = (s.sqlite.prepare('SELECT record_id AS id FROM activities WHERE id > 1').all() as { id: string }[]).map((r) => r.id);
    const first = (s.sqlite.prepare('SELECT record_id AS id FROM activities WHERE id = 1').get() as { id: string }).id;
    expect(new Set(given).size).toBe(given.length);
    expect(stored).toEqual(given);
    // One WRITE entry with OK per stored record, and none for a write that failed.
    const ok = writeRows(s.sqlite)
      .filter((r) => r.outcome === 'OK')
      .flatMap((r) => JSON.parse(r.record_ids) as string[]);
    expect(ok).toEqual([first, ...given]);
    expect(log.mock.calls.some(([m]) => String(m).startsWith('[write] recordVeteransActivity not saved (STORAGE_UNAVAILABLE)'))).toBe(true);

    // Room again: the next write gets a new id, one never handed out before.
    s.sqlite.pragma(`max_page_count = ${pages + 1000}`);
    const again = await s.run(me, RECORD, { input: activity });
    const id = (again.data?.recordVeteransActivity as { id: string }).id;
    expect([first, ...given]).not.toContain(id);
    expect(verifyTrail(s.sqlite).ok).toBe(true);
  });

  it('still answers a refused write with its own error when its failed attempt cannot be recorded', async () => {
    const s = await openTestSubgraph(veterans);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(AuditTrail.prototype, 'append').mockImplementation(() => {
      throw Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' });
    });
    const res = await s.run(me, RECORD, { input: { ...activity, participants: -5 } });
    expect(res.data).toEqual({ recordVeteransActivity: null });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.participants' });
    expect(res.errors).toHaveLength(1);
    expect(log.mock.calls.some(([m]) => String(m).startsWith('[audit]'))).toBe(true);
  });
});

describe('database errors a client may see', () => {
  const err = (code: string, message: string) => Object.assign(new Error(message), { name: 'SqliteError', code });

  it.each([
    ['SQLITE_BUSY', 'SERVICE_BUSY'],
    ['SQLITE_BUSY_SNAPSHOT', 'SERVICE_BUSY'],
    ['SQLITE_LOCKED', 'SERVICE_BUSY'],
    ['SQLITE_FULL', 'STORAGE_UNAVAILABLE'],
    ['SQLITE_IOERR_WRITE', 'STORAGE_UNAVAILABLE'],
    ['SQLITE_READONLY_DBMOVED', 'STORAGE_UNAVAILABLE'],
    ['SQLITE_CORRUPT', 'INTERNAL_SERVER_ERROR'],
  ])('turns %s into %s in Vietnamese, without SQLite’s English text', (sqlite, code) => {
    const e = databaseError(err(sqlite, 'database is locked: table activities'));
    expect(e?.extensions.code).toBe(code);
    expect(e?.message).not.toMatch(/database|table|locked/);
  });

  it('leaves errors that are not SQLite’s alone', () => {
    expect(databaseError(new Error('x'))).toBeNull();
  });
});

describe('another connection holding the write lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'antt-writes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

  /** Holds the database's write lock in another thread for `ms`; resolves `locked` once it holds it. */
  function holdWriteLock(file: string, ms: number) {
    const w = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const db = new (require(workerData.module))(workerData.file);
       db.exec('BEGIN IMMEDIATE');
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
       db.exec('COMMIT');
       db.close();`,
      { eval: true, workerData: { module: betterSqlite, file, ms } },
    );
    const locked = new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    const released = new Promise<void>((resolve) => w.once('exit', () => resolve()));
    return { locked, released };
  }

  async function fileSubgraph(name: string) {
    const { db, sqlite } = openOrganizationDatabase(veterans, { file: join(dir, name) });
    const server = new ApolloServer<SubgraphContext>(subgraphApolloConfig(veterans, db));
    const run = async (who: Identity, query: string, variables: Record<string, unknown>) => {
      const res = await server.executeOperation({ query, variables }, { contextValue: contextFor(veterans, db, who, { audit: new RequestAudit() }) });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      return res.body.singleResult;
    };
    return { sqlite, run };
  }

  it('only delays a write while it holds the lock for less than the busy timeout', async () => {
    const s = await fileSubgraph('short.sqlite');
    expect(s.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const hold = holdWriteLock(join(dir, 'short.sqlite'), 300);
    await hold.locked;
    const started = Date.now();
    const res = await s.run(me, RECORD, { input: activity });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ recordVeteransActivity: { id: expect.stringMatching(/^activity:veterans:/), topic: activity.topic } });
    await hold.released;
    s.sqlite.close();
  });

  it('answers SERVICE_BUSY, and stores nothing, when the lock is held past the busy timeout', async () => {
    const s = await fileSubgraph('long.sqlite');
    s.sqlite.pragma('busy_timeout = 100');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const hold = holdWriteLock(join(dir, 'long.sqlite'), 800);
    await hold.locked;
    const res = await s.run(me, RECORD, { input: activity });
    log.mockRestore();
    expect(res.data).toEqual({ recordVeteransActivity: null });
    expect(res.errors?.[0]).toMatchObject({
      message: 'Cơ sở dữ liệu đang bận: chưa lưu được, vui lòng thử lại.',
      path: ['recordVeteransActivity'],
      extensions: { code: 'SERVICE_BUSY' },
    });
    await hold.released;
    expect(s.sqlite.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });
    s.sqlite.close();
  });
});

describe('a mutation resolver that returns a promise', () => {
  it('is refused, and what it wrote before its first await is rolled back', async () => {
    const { db, sqlite } = openOrganizationDatabase(veterans, { file: ':memory:' });
    // The wrapper alone, over a one-field schema (a transaction must not span the resolver's await).
    const later = {
      name: 'later',
      type: { name: 'Int' },
      resolve: async (_: unknown, __: unknown, ctx: SubgraphContext) => {
        sqliteOf(ctx.db).prepare("INSERT INTO meta (key, value) VALUES ('async', 'written')").run();
        await Promise.resolve();
        return 1;
      },
    };
    const mutation = { name: 'Mutation', getFields: () => ({ later }) };
    writesInTransactions({ getMutationType: () => mutation } as unknown as GraphQLSchema);
    const info = { fieldName: 'later', path: { key: 'later' }, operation: undefined } as unknown as GraphQLResolveInfo;
    await expect((later.resolve as unknown as GraphQLFieldResolver<unknown, SubgraphContext>)(null, {}, contextFor(veterans, db, me), info)).rejects.toThrow(
      /returned a promise/,
    );
    expect(sqlite.prepare("SELECT * FROM meta WHERE key = 'async'").all()).toEqual([]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });
});

describe('writes of several requests in the same turn (group commit)', () => {
  const ids = (rs: { data?: Record<string, unknown> | null }[]) => rs.map((r) => (r.data?.recordVeteransActivity as { id: string } | null)?.id ?? null);

  it('share one commit; each answers its own id, and every answered id is stored with its audit entry', async () => {
    const s = await openTestSubgraph(veterans);
    const group = groupCommitOf(s.sqlite);
    const [batches, fields] = [group.batches, group.fields];
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => s.run(me, RECORD, { input: { ...activity, topic: `Buổi ${i}` } })));
    expect(rs.every((r) => r.errors === undefined)).toBe(true);
    const given = ids(rs) as string[];
    expect(new Set(given).size).toBe(20);
    expect(group.fields - fields).toBe(20);
    expect(group.batches - batches).toBeLessThan(20);
    const stored = (s.sqlite.prepare('SELECT record_id AS id FROM activities').all() as { id: string }[]).map((r) => r.id);
    expect(stored.sort()).toEqual([...given].sort());
    const ok = writeRows(s.sqlite).flatMap((r) => JSON.parse(r.record_ids) as string[]);
    expect(ok.sort()).toEqual([...given].sort());
    expect(verifyTrail(s.sqlite)).toMatchObject({ ok: true, entries: 20 });
  });

  it('rolls a refused field back alone, the others of its batch stored', async () => {
    const s = await openTestSubgraph(veterans);
    const group = groupCommitOf(s.sqlite);
    const [batches, fields] = [group.batches, group.fields];
    const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => s.run(me, RECORD, { input: { ...activity, participants: i % 2 ? -1 : 10 + i } })));
    expect(group.batches - batches).toBeLessThan(10);
    // Only the stored ones count as committed.
    expect(group.fields - fields).toBe(5);
    rs.forEach((r, i) => {
      if (i % 2) expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.participants' });
      else expect(r.errors).toBeUndefined();
    });
    expect(
      (s.sqlite.prepare('SELECT participants FROM activities ORDER BY participants').all() as { participants: number }[]).map((r) => r.participants),
    ).toEqual([10, 12, 14, 16, 18]);
    expect(verifyTrail(s.sqlite).ok).toBe(true);
  });

  it('answers no id it did not store when the database fills during batches, and never one id twice', async () => {
    const s = await openTestSubgraph(veterans);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await s.run(me, RECORD, { input: activity });
      s.sqlite.pragma(`max_page_count = ${(s.sqlite.pragma('page_count', { simple: true }) as number) + 3}`);
      const rs = await Promise.all(Array.from({ length: 60 }, (_, i) => s.run(me, RECORD, { input: { ...activity, topic: `Buổi ${i} ${'x'.repeat(240)}` } })));
      const given = ids(rs).filter((id): id is string => id !== null);
      const refused = rs.filter((r) => !r.data?.recordVeteransActivity);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
      expect(new Set(given).size).toBe(given.length);
      const stored = (s.sqlite.prepare('SELECT record_id AS id FROM activities WHERE id > 1').all() as { id: string }[]).map((r) => r.id);
      expect(stored.sort()).toEqual([...given].sort());
      expect(verifyTrail(s.sqlite).ok).toBe(true);
    } finally {
      log.mockRestore();
    }
  });

  /** A fresh database's group commit, a field that inserts a key, and preludes that insert theirs (or fail after), noting which were lost. */
  function withPreludes() {
    const { sqlite } = openOrganizationDatabase(veterans, { file: ':memory:' });
    const insert = (key: string) => () => void sqlite.prepare("INSERT INTO meta (key, value) VALUES (?, 'x')").run(key);
    const lost: string[] = [];
    const prelude = (key: string, fail = false) => ({
      run: () => {
        insert(key)();
        if (fail) throw new Error('cannot append');
      },
      lost: () => lost.push(key),
    });
    return { sqlite, group: groupCommitOf(sqlite), insert, prelude, lost };
  }

  it('keeps what runs before a field (the reference check’s audit) when the field fails, and runs no field whose prelude failed', async () => {
    const { sqlite, group, insert, prelude, lost } = withPreludes();
    const outcomes = await Promise.allSettled([
      group.run(() => {
        insert('field-1')();
        throw new Error('refused');
      }, prelude('prelude-1')),
      group.run(insert('field-2'), prelude('prelude-2', true)),
      group.run(insert('field-3'), prelude('prelude-3')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    const keys = (sqlite.prepare("SELECT key FROM meta WHERE key LIKE 'field-%' OR key LIKE 'prelude-%' ORDER BY key").all() as { key: string }[]).map(
      (r) => r.key,
    );
    expect(keys).toEqual(['field-3', 'prelude-1', 'prelude-3']);
    // Only the one that was not stored is told so.
    expect(lost).toEqual(['prelude-2']);
  });

  it('tells every prelude of a batch SQLite ended that it was lost, once', async () => {
    const { sqlite, group, insert, prelude, lost } = withPreludes();
    const outcomes = await Promise.allSettled([
      group.run(insert('field-1'), prelude('prelude-1')),
      group.run(insert('field-2'), prelude('prelude-2', true)),
      group.run(() => sqlite.exec('ROLLBACK'), prelude('prelude-3')),
      group.run(insert('field-4'), prelude('prelude-4')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(sqlite.prepare("SELECT key FROM meta WHERE key LIKE 'field-%' OR key LIKE 'prelude-%'").all()).toEqual([]);
    expect(lost.sort()).toEqual(['prelude-1', 'prelude-2', 'prelude-3', 'prelude-4']);
  });

  it('fails every field of a batch whose transaction SQLite ended under one of them', async () => {
    const { sqlite } = openOrganizationDatabase(veterans, { file: ':memory:' });
    const group = groupCommitOf(sqlite);
    const insert = (key: string) => () => sqlite.prepare("INSERT INTO meta (key, value) VALUES (?, 'x')").run(key);
    // What SQLite does on some I/O errors: the whole transaction is rolled back, not only the statement.
    const jobs = [group.run(insert('first')), group.run(() => sqlite.exec('ROLLBACK')), group.run(insert('third'))];
    const outcomes = await Promise.allSettled(jobs);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // The first was rolled back with the batch; the third never ran outside it.
    expect(sqlite.prepare("SELECT key FROM meta WHERE key IN ('first', 'third')").all()).toEqual([]);
    expect(sqlite.inTransaction).toBe(false);
    // The next batch works.
    await group.run(insert('later'));
    expect(sqlite.prepare("SELECT key FROM meta WHERE key = 'later'").all()).toEqual([{ key: 'later' }]);
  });
});
