/**
 * One SQLite file per organization (data sovereignty: no subgraph opens another's file).
 *
 * Durability: WAL with synchronous=NORMAL survives a process crash but may lose the last commits on a
 * power loss; FULL does not, at a lower write rate (an fsync per commit; writes.ts shares a commit among
 * concurrent writes: 8 writers here, 1,850 creates/s against 2,050 at NORMAL). Records here are typed in by staff
 * and a lost last second is re-entered, so the embedded default takes NORMAL; set
 * ANTT_SQLITE_SYNCHRONOUS=FULL where the host cannot guarantee power. Back up with `.backup()`, never
 * by copying a live file.
 *
 * At start an existing file is checked before it is used: `PRAGMA quick_check` (the structure of every
 * page and index, without comparing index contents with their tables: about 1.4 s on 100 MB here), and
 * its applied migrations against the code's: a database migrated by a newer version of the code is
 * refused rather than run by code that does not know its tables (migrations are forward-only).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { protectChainedTables } from '@antt/audit';
import { StartRefused } from './config.js';
import { traceStatements } from './tracing.js';

/** EX_DATAERR of sysexits.h: the data, not the program or its settings, is what must be looked at. */
export const DATABASE_REFUSED_EXIT_CODE = 65;

/** A database the service will not use: damaged, or migrated by newer code. The message names the file, never its content. */
export class DatabaseRefused extends StartRefused {
  constructor(message: string) {
    super(message, DATABASE_REFUSED_EXIT_CODE);
    this.name = 'DatabaseRefused';
  }
}

/** `PRAGMA quick_check`: throws DatabaseRefused unless the file's pages and indexes are sound. */
export function checkIntegrity(sqlite: Database.Database, file: string): void {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  if (rows.length === 1 && rows[0]!.quick_check === 'ok') return;
  throw new DatabaseRefused(
    `Cơ sở dữ liệu ${basename(file)} bị hỏng (PRAGMA quick_check: ${rows.length} lỗi): dịch vụ không khởi động. Hãy khôi phục bản sao lưu gần nhất (OPERATIONS.md, "Restore"). ` +
      `(The database ${file} failed its integrity check; restore the latest backup.)`,
  );
}

/**
 * Refuses a database whose applied migrations (`__drizzle_migrations`) include one the code does not
 * have: drizzle would otherwise skip the code's migrations silently and run against tables it does not know.
 */
export function checkMigrationsKnown(sqlite: Database.Database, file: string, migrationsFolder: string): void {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return;
  const known = readMigrationFiles({ migrationsFolder });
  const hashes = new Set(known.map((m) => m.hash));
  const newest = Math.max(0, ...known.map((m) => m.folderMillis));
  const applied = sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations').all() as { hash: string; created_at: number | string }[];
  const unknown = applied.filter((m) => !hashes.has(m.hash) || Number(m.created_at) > newest);
  if (!unknown.length) return;
  throw new DatabaseRefused(
    `Cơ sở dữ liệu ${basename(file)} đã được nâng cấp bởi một phiên bản phần mềm mới hơn (${unknown.length} bước nâng cấp mà bản này không biết): ` +
      `dịch vụ không khởi động để không làm hỏng dữ liệu. Hãy chạy phiên bản mới hơn, hoặc khôi phục bản sao lưu làm trước khi nâng cấp. ` +
      `(The database ${file} was migrated by newer code: ${unknown.length} applied migration(s) unknown to this version. Run the newer version or restore a backup taken before the upgrade.)`,
  );
}

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
  try {
    // Set first: a backup or an admin tool holding a lock delays the checks below rather than failing them.
    sqlite.pragma('busy_timeout = 5000');
    if (!created) {
      checkIntegrity(sqlite, opts.file);
      checkMigrationsKnown(sqlite, opts.file, opts.migrationsFolder);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${opts.synchronous ?? (process.env.ANTT_SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL')}`);
    sqlite.pragma('foreign_keys = ON');
  } catch (e) {
    sqlite.close();
    // A file that is not a database at all, or whose header is damaged, fails before quick_check can say so.
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new DatabaseRefused(
        `Tệp ${basename(opts.file)} không phải cơ sở dữ liệu SQLite hoặc đã hỏng: dịch vụ không khởi động. Hãy khôi phục bản sao lưu gần nhất (OPERATIONS.md, "Restore"). ` +
          `(${opts.file} is not a readable SQLite database; restore the latest backup.)`,
      );
    throw e;
  }
  const db = drizzle(sqlite);
  migrate(db, { migrationsFolder: opts.migrationsFolder });
  // Chained tables (identity_reads) are chained by the database itself, on every connection.
  protectChainedTables(sqlite);
  // A span per SQL statement, when tracing is on (tracing.ts).
  traceStatements(sqlite);
  return { sqlite, db, created };
}

/** The better-sqlite3 connection under a drizzle database (for bulk loading and the audit trail). */
export function sqliteOf(db: Db): Database.Database {
  return (db as unknown as { $client: Database.Database }).$client;
}

/**
 * A value made once per key and kept as long as the key lives (a connection's statements, audit trail,
 * group commit): `onceEach(make)(key)` calls `make` on a key's first use only.
 */
export function onceEach<K extends object, T>(make: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    if (made.has(key)) return made.get(key)!;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}

const statementsOf = onceEach((_sqlite: Database.Database) => new Map<string, Database.Statement>());

/** A statement prepared once per database and SQL text (for SQL built from a kind's fields, a handful each). */
export function statementOf(db: Db, sql: string): Database.Statement {
  const sqlite = sqliteOf(db);
  const m = statementsOf(sqlite);
  let st = m.get(sql);
  if (!st) m.set(sql, (st = sqlite.prepare(sql)));
  return st;
}

/**
 * A repository's statements, prepared once per database: drizzle builds SQL afresh for every query
 * that is not prepared, about 14 times the cost of running a prepared one.
 */
export function preparedPerDatabase<T>(prepare: (db: Db) => T): (db: Db) => T {
  return onceEach(prepare);
}
