/**
 * Aggregates kept until the database changes (issue 17). A count over a kind's records is a function of
 * its statement, its bound values (the window: units, days, the instant read as of, filters) and the rows
 * of the database; the rows change only by a write. So an aggregate already read is answered again from
 * memory while the database's write stamp stands (@antt/disclosure `writeStamp`: nothing written on this
 * connection, rolled back or not, and nothing committed by another): the dashboard's
 * many viewers asking the province's counts, which at ten million records is a scan of a million index
 * entries per organization, ask SQLite once per write instead of once per request.
 *
 * Nothing is kept or served inside a transaction: a mutation's own uncommitted rows must not outlive it.
 * Each caller gets its own copies of the rows (resolvers sort and tag them). At most KEPT_PER_DATABASE
 * results, all forgotten when full or at the first change.
 */
import type Database from 'better-sqlite3';
import { writeStamp } from '@antt/disclosure';

const KEPT_PER_DATABASE = 4096;

const kept = new WeakMap<Database.Database, { at: string; rows: Map<string, Record<string, unknown>[]> }>();

/** `read()`'s rows, from memory when the same `key` was read since the database last changed. */
export function keptAggregate<T>(sqlite: Database.Database, key: string, read: () => T[]): T[] {
  if (sqlite.inTransaction) return read();
  let k = kept.get(sqlite);
  if (!k) kept.set(sqlite, (k = { at: '', rows: new Map() }));
  const at = writeStamp(sqlite);
  if (at !== k.at) {
    k.at = at;
    k.rows.clear();
  }
  let rows = k.rows.get(key);
  if (!rows) {
    rows = read() as Record<string, unknown>[];
    if (k.rows.size >= KEPT_PER_DATABASE) k.rows.clear();
    k.rows.set(key, rows);
  }
  return rows.map((r) => ({ ...r })) as T[];
}

const unitSets = new WeakMap<ReadonlySet<string>, { json: string; id: number }>();
let nextUnitSet = 0;

/**
 * A set of units (a caller's visible part of a unit, made once per post and unit, or the territory's own)
 * as the JSON array a statement binds, made once per set, and a short id for keys: at the province the
 * array is thousands of ids, stringified on every count before.
 */
export function unitSet(units: ReadonlySet<string>): { json: string; id: number } {
  let u = unitSets.get(units);
  if (!u) unitSets.set(units, (u = { json: JSON.stringify([...units]), id: nextUnitSet++ }));
  return u;
}
