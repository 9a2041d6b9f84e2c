/**
 * One SQLite file per organization (data sovereignty: no subgraph opens another's file).
 *
 * Durability: WAL with synchronous=NORMAL survives a process crash but may lose the last commits on a
 * power loss; FULL does not, at about a sixth of the write rate. Records here are typed in by staff
 * and a lost last second is re-entered, so the embedded default takes NORMAL; set
 * ANTT_SQLITE_SYNCHRONOUS=FULL where the host cannot guarantee power. Back up with `.backup()`, never
 * by copying a live file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { protectChainedTables } from '@antt/audit';

export type Db = BetterSQLite3Database<Record<string, unknown>>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  /** True when the file did not exist before (first start): the caller may load demo data. */
  created: boolean;
}

export interface OpenOptions {
  /** Path of the SQLite file, or ':memory:' for tests. */
  file: string;
  /** The subgraph's committed drizzle migrations. */
  migrationsFolder: string;
  /** Create the file when missing. Off outside first-time setup, so a wrong path is an error, not a new empty database. */
  create?: boolean;
  synchronous?: 'NORMAL' | 'FULL';
}

export function openDatabase(opts: OpenOptions): OpenedDatabase {
  const memory = opts.file === ':memory:';
  const created = memory || !existsSync(opts.file);
  if (created && !memory) {
    if (!opts.create) throw new Error(`Database file ${opts.file} does not exist (start with create enabled for first-time setup).`);
    mkdirSync(dirname(opts.file), { recursive: true });
  }
  const sqlite = new Database(opts.file, { fileMustExist: !created });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${opts.synchronous ?? (process.env.ANTT_SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL')}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite);
  migrate(db, { migrationsFolder: opts.migrationsFolder });
  // Chained tables (identity_reads) are chained by the database itself, on every connection.
  protectChainedTables(sqlite);
  return { sqlite, db, created };
}

/** The better-sqlite3 connection under a drizzle database (for bulk loading and the audit trail). */
export function sqliteOf(db: Db): Database.Database {
  return (db as unknown as { $client: Database.Database }).$client;
}

/**
 * A repository's statements, prepared once per database: drizzle builds SQL afresh for every query
 * that is not prepared, about 14 times the cost of running a prepared one.
 */
export function preparedPerDatabase<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let s = cache.get(db);
    if (!s) cache.set(db, (s = prepare(db)));
    return s;
  };
}
