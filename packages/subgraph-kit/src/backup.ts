/**
 * Online backup and restore of an organization's database, with SQLite's backup API (never a file
 * copy: a copy of a live WAL database can miss committed pages or tear between the file and its WAL).
 *
 * A backup runs beside the live service: the API copies pages in steps and restarts a step that a
 * writer changed, so writers are delayed, never refused (the busy timeout covers the short lock each
 * step holds). The copy is checked before it is called a backup: `PRAGMA integrity_check`, and the
 * audit trail's hash chain. A restore checks the backup the same way, then replaces the target through
 * a temporary file and a rename, so a restore cut short leaves the old database whole.
 *
 * Ids after a restore: records' ids are a time and 80 random bits (records/ids.ts), never a sequence a
 * restore would rewind, so no id handed out after the backup is handed out again.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { verifyTrail } from '@antt/audit';

export interface CopyCheck {
  /** `PRAGMA integrity_check` said ok. */
  integrity: boolean;
  /** The audit trail's chain verified (or the database has no trail yet). */
  auditChain: boolean;
  /** Entries of the audit trail. */
  auditEntries: number;
  /** Size of the copy in bytes. */
  bytes: number;
}

export interface BackupResult extends CopyCheck {
  file: string;
  /** When the copy was taken: everything committed before this instant is in it. */
  takenAt: string;
  /** Milliseconds the backup took. */
  ms: number;
}

/** Checks a database file (a backup, or a restored database): integrity and the audit chain. */
export function checkCopy(file: string): CopyCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) === 'ok';
    const hasTrail = !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'`).get();
    const trail = hasTrail ? verifyTrail(db) : { ok: true, entries: 0 };
    return { integrity, auditChain: trail.ok, auditEntries: trail.entries, bytes: statSync(file).size };
  } finally {
    db.close();
  }
}

/**
 * Copies the database at `source` (a path, or an open connection: the live service's own) to `dest`
 * with the online backup API, then checks the copy. Throws if the copy fails its checks.
 */
export async function backupDatabase(source: string | Database.Database, dest: string): Promise<BackupResult> {
  const started = Date.now();
  const own = typeof source === 'string';
  const db = own ? new Database(source, { fileMustExist: true }) : source;
  if (own) db.pragma('busy_timeout = 5000');
  const takenAt = new Date().toISOString();
  try {
    // 100 pages a step: other connections write between steps.
    await db.backup(dest, { progress: () => 100 });
  } finally {
    if (own) db.close();
  }
  const check = checkCopy(dest);
  if (!check.integrity || !check.auditChain)
    throw new Error(`The copy ${dest} failed its checks: integrity ${check.integrity}, audit chain ${check.auditChain}.`);
  return { file: dest, takenAt, ms: Date.now() - started, ...check };
}

/**
 * Replaces the database at `target` with the backup `from`. The service using `target` must be
 * stopped: a restore refuses a database another connection holds a lock on.
 */
export async function restoreDatabase(from: string, target: string): Promise<CopyCheck> {
  const source = checkCopy(from);
  if (!source.integrity || !source.auditChain)
    throw new Error(`The backup ${from} failed its checks: integrity ${source.integrity}, audit chain ${source.auditChain}.`);
  if (existsSync(target)) {
    const live = new Database(target, { fileMustExist: true });
    try {
      live.pragma('busy_timeout = 0');
      // In WAL mode an exclusive locking mode cannot be had while any other connection has the
      // database open, even idle: a running service makes this fail at once.
      live.pragma('locking_mode = EXCLUSIVE');
      live.exec('BEGIN EXCLUSIVE; ROLLBACK;');
      live.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      throw new Error(`The database ${target} is in use: stop its service before restoring.`);
    } finally {
      live.close();
    }
  }
  const tmp = `${target}.restoring`;
  rmSync(tmp, { force: true });
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await db.backup(tmp);
  } finally {
    db.close();
  }
  const restored = checkCopy(tmp);
  if (!restored.integrity || !restored.auditChain) {
    rmSync(tmp, { force: true });
    throw new Error(`The restored copy failed its checks; ${target} was left as it was.`);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(tmp, target);
  return restored;
}
