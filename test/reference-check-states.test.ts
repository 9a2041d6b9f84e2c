/**
 * The migration that keeps the history of reference checks (reference_check_states), in every
 * subgraph: the checks of a database migrated forward get their history inferred once, and from then on
 * the database itself records every state a check takes, and only a change of state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', 'subgraphs');
const ORGS = readdirSync(ROOT).filter((o) => readdirSync(join(ROOT, o)).includes('drizzle'));

/** Runs a migration file's statements as drizzle's migrator does (one statement per breakpoint). */
function apply(db: Database.Database, file: string): void {
  for (const stmt of readFileSync(file, 'utf8').split('--> statement-breakpoint')) if (stmt.trim()) db.prepare(stmt).run();
}
const migration = (org: string, name: string) => {
  const f = readdirSync(join(ROOT, org, 'drizzle')).find((x) => x.endsWith(`_${name}.sql`));
  expect(f, `${org}: migration ${name}`).toBeDefined();
  return join(ROOT, org, 'drizzle', f!);
};

describe.each(ORGS)('reference_check_states in %s', (org) => {
  it('infers the history of the checks already there, then keeps every change of state with its instant', () => {
    const db = new Database(':memory:');
    apply(db, migration(org, 'reference_checks'));
    const insert = db.prepare(
      `INSERT INTO reference_checks (record_table, record_id, field, owner, owner_table, within_unit, ref_id, state, noted_at, checked_at) VALUES ('t', ?, 'f', 'women', 'models', 'province:14', 'x', ?, ?, ?)`,
    );
    const before = [
      ['r1', 'PENDING', '2025-01-01T00:00:00.000Z', null],
      ['r2', 'VERIFIED', '2025-01-02T00:00:00.000Z', '2025-01-05T00:00:00.000Z'],
      ['r3', 'REFUSED', '2025-01-03T00:00:00.000Z', '2025-01-06T00:00:00.000Z'],
      ['r4', 'DANGLING', '2025-01-04T00:00:00.000Z', '2025-01-07T00:00:00.000Z'],
    ] as const;
    for (const r of before) insert.run(...r);
    apply(db, migration(org, 'reference_check_states'));
    const history = () =>
      db
        .prepare(`SELECT c.record_id AS r, h.state, h.since FROM reference_check_states h JOIN reference_checks c ON c.id = h.check_id ORDER BY c.id, h.id`)
        .all();
    expect(history()).toEqual([
      { r: 'r1', state: 'PENDING', since: '2025-01-01T00:00:00.000Z' },
      { r: 'r2', state: 'PENDING', since: '2025-01-02T00:00:00.000Z' },
      { r: 'r2', state: 'VERIFIED', since: '2025-01-05T00:00:00.000Z' },
      { r: 'r3', state: 'PENDING', since: '2025-01-03T00:00:00.000Z' },
      { r: 'r3', state: 'REFUSED', since: '2025-01-06T00:00:00.000Z' },
      { r: 'r4', state: 'LEGACY', since: '2025-01-04T00:00:00.000Z' },
      { r: 'r4', state: 'DANGLING', since: '2025-01-07T00:00:00.000Z' },
    ]);
    const last = (db.prepare(`SELECT max(id) AS id FROM reference_check_states`).get() as { id: number }).id;
    // Asked again without an answer: attempts change, the state does not, and no history is added.
    db.prepare(`UPDATE reference_checks SET attempts = attempts + 1, checked_at = '2025-02-01T00:00:00.000Z' WHERE record_id = 'r1'`).run();
    expect(history()).toHaveLength(before.length + 3);
    // Confirmed: from the instant of the check.
    db.prepare(`UPDATE reference_checks SET state = 'VERIFIED', checked_at = '2025-02-02T00:00:00.000Z' WHERE record_id = 'r1'`).run();
    // Superseded by a correction (no instant of its own in the table): from now.
    const now = new Date().toISOString().slice(0, 10);
    db.prepare(`UPDATE reference_checks SET state = 'SUPERSEDED' WHERE record_id = 'r3'`).run();
    insert.run('r5', 'PENDING', '2025-03-01T00:00:00.000Z', null);
    const added = db
      .prepare(
        `SELECT c.record_id AS r, h.state, h.since FROM reference_check_states h JOIN reference_checks c ON c.id = h.check_id WHERE h.id > ? ORDER BY h.id`,
      )
      .all(last) as { r: string; state: string; since: string }[];
    expect(added.map((h) => [h.r, h.state])).toEqual([
      ['r1', 'VERIFIED'],
      ['r3', 'SUPERSEDED'],
      ['r5', 'PENDING'],
    ]);
    expect(added[0]!.since).toBe('2025-02-02T00:00:00.000Z');
    expect(added[1]!.since.slice(0, 10)).toBe(now);
    expect(added[2]!.since).toBe('2025-03-01T00:00:00.000Z');
    db.close();
  });
});
