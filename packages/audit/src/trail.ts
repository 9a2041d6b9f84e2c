/**
 * An append-only, hash-chained audit trail in a SQLite database. Each entry's hash covers its content
 * and the previous entry's hash, so changing or removing an entry breaks every link after it; and
 * triggers make the database itself refuse UPDATE and DELETE on the table.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface AuditEntry {
  at: string;
  requestId: string;
  userId: string;
  organization: string;
  roles: string[];
  operation: string;
  action: 'READ' | 'WRITE' | 'DENY';
  typeName: string | null;
  dataClass: string | null;
  recordIds: string[];
  fields: string[];
  outcome: string;
}

export const GENESIS = '0'.repeat(64);

/** The hashed content of an entry: every column but id and hash, in a fixed order. */
export function entryHash(prevHash: string, e: AuditEntry): string {
  const content = [
    e.at,
    e.requestId,
    e.userId,
    e.organization,
    JSON.stringify(e.roles),
    e.operation,
    e.action,
    e.typeName,
    e.dataClass,
    JSON.stringify(e.recordIds),
    JSON.stringify(e.fields),
    e.outcome,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(content)).digest('hex');
}

/** Makes the database refuse changes to the trail (idempotent; run at every open). */
export function protectTrail(sqlite: Database.Database): void {
  sqlite.exec(`
    CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `);
}

export class AuditTrail {
  private readonly last: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly appendMany: (entries: AuditEntry[]) => void;
  private written = 0;

  constructor(private readonly sqlite: Database.Database) {
    protectTrail(sqlite);
    this.last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.insert =
      sqlite.prepare(`INSERT INTO audit_log (at, request_id, user_id, organization, roles, operation, action, type_name, data_class, record_ids, fields, outcome, prev_hash, hash)
      VALUES (@at, @requestId, @userId, @organization, @roles, @operation, @action, @typeName, @dataClass, @recordIds, @fields, @outcome, @prevHash, @hash)`);
    // Reading the last hash and appending in one transaction keeps the chain linear.
    this.appendMany = sqlite.transaction((entries: AuditEntry[]) => this.chain(entries));
  }

  private chain(entries: AuditEntry[]): void {
    let prev = (this.last.get() as { hash: string } | undefined)?.hash ?? GENESIS;
    for (const e of entries) {
      const hash = entryHash(prev, e);
      this.written += this.insert.run({
        ...e,
        roles: JSON.stringify(e.roles),
        recordIds: JSON.stringify(e.recordIds),
        fields: JSON.stringify(e.fields),
        prevHash: prev,
        hash,
      }).changes;
      prev = hash;
    }
  }

  /**
   * Appends entries, chained to the last one. One entry inside a transaction the caller already holds
   * (every mutation field's WRITE entry, writes.ts) needs no savepoint of its own: that transaction
   * keeps the read of the last hash and the insert together, and one INSERT is atomic by itself, so
   * it either adds the whole entry or nothing. The savepoint's two statements were a tenth of the
   * entry's cost.
   */
  append(entries: AuditEntry[]): void {
    if (!entries.length) return;
    if (entries.length === 1 && this.sqlite.inTransaction) this.chain(entries);
    else this.appendMany(entries);
  }

  /**
   * The rows this trail has inserted on its connection, rolled back or not (as SQLite's total_changes()
   * counts them): what the connection wrote that is the trail's, not the organization's records
   * (@antt/disclosure `writesNotRead`).
   */
  get rowsWritten(): number {
    return this.written;
  }

  /** Entries, newest first, optionally only those about records of some types. */
  list(opts: { from?: string; to?: string; limit: number }): (AuditEntry & { id: number })[] {
    const rows = this.sqlite
      .prepare('SELECT * FROM audit_log WHERE at >= ? AND at <= ? ORDER BY id DESC LIMIT ?')
      .all(opts.from ?? '', opts.to ?? '9999', opts.limit) as Record<string, unknown>[];
    return rows.map(toEntry);
  }
}

function toEntry(r: Record<string, unknown>): AuditEntry & { id: number } {
  return {
    id: r.id as number,
    at: r.at as string,
    requestId: r.request_id as string,
    userId: r.user_id as string,
    organization: r.organization as string,
    roles: JSON.parse(r.roles as string) as string[],
    operation: r.operation as string,
    action: r.action as AuditEntry['action'],
    typeName: (r.type_name as string) ?? null,
    dataClass: (r.data_class as string) ?? null,
    recordIds: JSON.parse(r.record_ids as string) as string[],
    fields: JSON.parse(r.fields as string) as string[],
    outcome: r.outcome as string,
  };
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** The first entry whose link is broken (changed content, removed or inserted entry). */
  firstBroken: number | null;
  reason: string | null;
}

/** A chain head recorded outside the database (anchor.ts): how many rows there were, and the last one's hash. */
export interface ChainAnchor {
  count: number;
  head: string;
}

function tableExists(sqlite: Database.Database, table: string): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
}

/**
 * Walks a chain from the start and reports the first broken link; against an anchor, also a chain
 * shorter than it was (its last rows, or all, removed) or rewritten up to the anchor. A missing table
 * is a failure, not a crash.
 */
export function verifyChain(
  sqlite: Database.Database,
  table: string,
  hashOf: (prev: string, row: Record<string, unknown>) => string,
  anchor?: ChainAnchor | null,
): VerifyResult {
  if (!tableExists(sqlite, table)) return { ok: false, entries: 0, firstBroken: null, reason: `table ${table} is missing (dropped?)` };
  let prev = GENESIS;
  let n = 0;
  let atAnchor: string | null = anchor && anchor.count === 0 ? GENESIS : null;
  try {
    for (const r of sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate() as Iterable<Record<string, unknown>>) {
      n++;
      const id = r.id as number;
      if (r.prev_hash !== prev)
        return { ok: false, entries: n, firstBroken: id, reason: 'prev_hash does not match the previous entry (an entry was removed or inserted)' };
      if (hashOf(prev, r) !== r.hash) return { ok: false, entries: n, firstBroken: id, reason: 'content does not match its hash (the entry was changed)' };
      prev = r.hash as string;
      if (anchor && n === anchor.count) atAnchor = prev;
    }
  } catch (e) {
    return { ok: false, entries: n, firstBroken: null, reason: `table ${table} cannot be read: ${(e as Error).message}` };
  }
  if (anchor) {
    if (n < anchor.count)
      return {
        ok: false,
        entries: n,
        firstBroken: n + 1,
        reason: `truncated: ${n} entries, the anchor recorded ${anchor.count} (entries were removed at the end)`,
      };
    if (atAnchor !== anchor.head)
      return { ok: false, entries: n, firstBroken: null, reason: 'the chain does not reach the anchored head (the trail was rewritten)' };
  }
  return { ok: true, entries: n, firstBroken: null, reason: null };
}

/** Walks the audit trail's chain from the start and reports the first broken link (and truncation, against an anchor). */
export function verifyTrail(sqlite: Database.Database, anchor?: ChainAnchor | null): VerifyResult {
  return verifyChain(sqlite, 'audit_log', (prev, r) => entryHash(prev, toEntry(r)), anchor);
}
