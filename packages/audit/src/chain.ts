/**
 * Hash chains over other append-only tables than the trail (the police's reasons for reading a
 * reporter's identity): the database itself chains each row as it is inserted (an AFTER INSERT
 * trigger calling a SQL function registered on every connection the federation opens) and refuses
 * UPDATE and DELETE, so the code that inserts the rows needs no change and cannot forget it.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { GENESIS, verifyChain, type ChainAnchor, type VerifyResult } from './trail.js';

export interface ChainSpec {
  table: string;
  /** The hashed columns, in a fixed order (never id, prev_hash, hash). */
  columns: readonly string[];
}

/** The police's reasons for reading a reporter's identity (identity_reads). */
export const IDENTITY_READS_CHAIN: ChainSpec = {
  table: 'identity_reads',
  columns: ['record_kind', 'record_id', 'user_id', 'organization', 'reason', 'at'],
};

/** Every chained table the federation keeps besides audit_log; protected wherever it exists. */
export const CHAINED_TABLES: readonly ChainSpec[] = [IDENTITY_READS_CHAIN];

export const CHAIN_FUNCTION = 'antt_chain_hash';

export function rowHash(prevHash: string, values: readonly unknown[]): string {
  return createHash('sha256')
    .update(prevHash)
    .update(JSON.stringify(values.map((v) => v ?? null)))
    .digest('hex');
}

const hasTable = (sqlite: Database.Database, table: string) => !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);

/**
 * Registers the chaining function, creates the triggers and chains rows written before the table had
 * a chain (idempotent; run at every open, after the migrations).
 */
export function protectChainedTables(sqlite: Database.Database, specs: readonly ChainSpec[] = CHAINED_TABLES): void {
  sqlite.function(CHAIN_FUNCTION, { varargs: true, deterministic: true }, (prev: unknown, ...values: unknown[]) => rowHash(String(prev), values));
  for (const { table, columns } of specs) {
    if (!hasTable(sqlite, table)) continue;
    const cols = (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
    if (!cols.includes('hash') || !cols.includes('prev_hash')) continue;
    const prev = `COALESCE((SELECT hash FROM ${table} WHERE id < NEW.id ORDER BY id DESC LIMIT 1), '${GENESIS}')`;
    sqlite.exec(`
      CREATE TRIGGER IF NOT EXISTS ${table}_no_update BEFORE UPDATE ON ${table} WHEN OLD.hash IS NOT NULL BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS ${table}_chain AFTER INSERT ON ${table} WHEN NEW.hash IS NULL BEGIN
        UPDATE ${table} SET prev_hash = ${prev} WHERE id = NEW.id;
        UPDATE ${table} SET hash = ${CHAIN_FUNCTION}(prev_hash, ${columns.join(', ')}) WHERE id = NEW.id;
      END;
    `);
    const unchained = sqlite.prepare(`SELECT id FROM ${table} WHERE hash IS NULL ORDER BY id`).all() as { id: number }[];
    if (!unchained.length) continue;
    const setPrev = sqlite.prepare(
      `UPDATE ${table} SET prev_hash = COALESCE((SELECT hash FROM ${table} WHERE id < @id ORDER BY id DESC LIMIT 1), '${GENESIS}') WHERE id = @id`,
    );
    const setHash = sqlite.prepare(`UPDATE ${table} SET hash = ${CHAIN_FUNCTION}(prev_hash, ${columns.join(', ')}) WHERE id = @id`);
    sqlite.transaction(() => {
      for (const { id } of unchained) {
        setPrev.run({ id });
        setHash.run({ id });
      }
    })();
  }
}

/** Verifies a chained table (see verifyChain), e.g. identity_reads. */
export function verifyChainedTable(sqlite: Database.Database, spec: ChainSpec, anchor?: ChainAnchor | null): VerifyResult {
  return verifyChain(
    sqlite,
    spec.table,
    (prev, r) =>
      rowHash(
        prev,
        spec.columns.map((c) => r[c]),
      ),
    anchor,
  );
}
