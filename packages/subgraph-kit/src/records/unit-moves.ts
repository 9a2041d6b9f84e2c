/**
 * Records kept under a unit of the wrong map, moved to the map in force on their own date, at every
 * start (a no-op once done). Before the territory had three maps, `@2019` ids named the 200 communes of
 * the 2025-02 map and were used from 2021 to 30 June 2025:
 * - a record dated 1 February to 30 June 2025 under a `@2019` id is moved to the 2025-02 unit with its
 *   code (`commune:03730@2019` → `commune:03730@2025-02`), its branch with it;
 * - a record under an id that names a unit existing only from 1 February 2025 (`commune:03980@2019`,
 *   Phường Mộc Lỵ) is moved to the unit it names when dated from then on; dated before, it is moved
 *   back to the 2013-2025 commune when that commune went whole into it, and otherwise stays under the
 *   id, listed for staff to assign (`Unit.inPeriod.toAssign`): nothing is given to a commune by guess.
 * Every version of a record is moved alike, so that a reading as of an earlier time agrees; its
 * uniqueness key (conflict_key) and the content hash that recognises a retried create (content_hash)
 * are computed again from the moved values.
 */
import type Database from 'better-sqlite3';
import { noteRecordsRewritten } from '@antt/disclosure';
import { FIRST_REFORM_DATE, LAST_OLD_DAY, REFORM_DATE, territory } from '@antt/reference';
import { columnOf } from './fields.js';
import type { RecordKind } from './kind.js';
import { contentHashAfter } from './repository.js';

/** The unit a record kept under `unitId` and dated `date` belongs under; the same id when it needs no move or cannot be moved. */
export function unitAfterMove(unitId: string, date: string | null): string {
  const t = territory();
  if (!date) return unitId;
  const alias = t.aliases.get(unitId);
  if (alias) {
    if (date >= FIRST_REFORM_DATE) return alias;
    const from = t.predecessors(alias);
    return from.length === 1 && from[0]!.part === 'FULL' ? from[0]!.predecessor : unitId;
  }
  if (date >= FIRST_REFORM_DATE && date < REFORM_DATE) return t.laterNamesake(unitId, date)?.id ?? unitId;
  return unitId;
}

export interface UnitMoves {
  /** Rows (versions) moved to another unit id. */
  moved: number;
  /** Rows left under a retired id, listed for staff to assign. */
  listed: number;
}

/** Moves the records of `kinds` in one database (see above); returns how many rows moved and how many stay listed. */
export function moveRecordsToTheirMap(sqlite: Database.Database, kinds: readonly RecordKind[]): UnitMoves {
  const t = territory();
  const out: UnitMoves = { moved: 0, listed: 0 };
  const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const aliases = JSON.stringify([...t.aliases.keys()]);
  const seen = new Set<string>();
  sqlite.transaction(() => {
    for (const kind of kinds) {
      const s = kind.spec;
      if (seen.has(s.table) || !tables.has(s.table)) continue;
      seen.add(s.table);
      const columns = new Set((sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(s.table) as { name: string }[]).map((r) => r.name));
      const unit = columnOf(s.unitField, s.fields[s.unitField]);
      const date = columnOf(s.dateField, s.fields[s.dateField]);
      if (!columns.has(unit) || !columns.has(date)) continue;
      const branch = columns.has('branch_id');
      // Only the rows that may need a move are read: dated on the 2025-02 map under a @2019 id, or under an alias.
      const rows = sqlite
        .prepare(
          `SELECT DISTINCT ${unit} AS unit, ${date} AS date FROM ${s.table}
           WHERE (${date} BETWEEN @first AND @last AND ${unit} LIKE '%@2019') OR ${unit} IN (SELECT value FROM json_each(@aliases))`,
        )
        .all({ first: FIRST_REFORM_DATE, last: '2025-06-30', aliases }) as { unit: string; date: string }[];
      const update = sqlite.prepare(
        `UPDATE ${s.table} SET ${unit} = @to${branch ? `, branch_id = CASE WHEN branch_id LIKE '%@2019' AND @date > @lastOld THEN substr(branch_id, 1, length(branch_id) - 4) || '2025-02' ELSE branch_id END` : ''} WHERE ${unit} = @from AND ${date} = @date`,
      );
      // A kind whose uniqueness key names the unit (one pledge round per area and year, one assessment per
      // subject and year) keeps the key of the unit it is moved to: a key left naming the retired id would
      // let a second record for the same unit and year through, and miss the first one's retry.
      const rekey =
        s.unique && columns.has('conflict_key')
          ? {
              rows: sqlite.prepare(`SELECT * FROM ${s.table} WHERE ${unit} = ? AND ${date} = ? AND conflict_key IS NOT NULL`),
              set: sqlite.prepare(`UPDATE ${s.table} SET conflict_key = ? WHERE id = ?`),
            }
          : null;
      // The hash a create keeps to recognise its retry covers the unit and the branch: the first version of
      // a record created with a client key gets the hash a retry of it now computes (the unit it is moved
      // to, the branch with it), or a retry after the move would be refused as another write under that key.
      const rehash = columns.has('content_hash')
        ? {
            rows: sqlite.prepare(`SELECT * FROM ${s.table} WHERE ${unit} = ? AND ${date} = ? AND content_hash IS NOT NULL`),
            set: sqlite.prepare(`UPDATE ${s.table} SET content_hash = ? WHERE id = ?`),
            moved: sqlite.prepare(`SELECT ${unit} AS unit${branch ? ', branch_id' : ''} FROM ${s.table} WHERE id = ?`),
          }
        : null;
      for (const r of rows) {
        const to = unitAfterMove(r.unit, r.date);
        if (to !== r.unit) {
          // No new version is written: the served suppression pattern is told, or it would outlive the move.
          noteRecordsRewritten(sqlite, s.table);
          const hashed = (rehash?.rows.all(r.unit, r.date) ?? []) as Record<string, unknown>[];
          out.moved += update.run({ from: r.unit, to, date: r.date, ...(branch ? { lastOld: LAST_OLD_DAY } : {}) }).changes;
          for (const before of hashed) {
            const moved = rehash!.moved.get(before.id) as Record<string, unknown>;
            const hash = contentHashAfter(kind, before, { [unit]: moved.unit, ...(branch ? { branch_id: moved.branch_id } : {}) });
            if (hash) rehash!.set.run(hash, before.id);
          }
          if (rekey) for (const row of rekey.rows.all(to, r.date) as Record<string, unknown>[]) rekey.set.run(conflictKeyOf(kind, row), row.id);
        } else if (t.aliases.has(r.unit)) {
          out.listed += (sqlite.prepare(`SELECT count(*) AS n FROM ${s.table} WHERE ${unit} = ? AND ${date} = ?`).get(r.unit, r.date) as { n: number }).n;
        }
      }
    }
  })();
  return out;
}

/** The uniqueness key of a stored row (any version), from its fields as the kind reads them. */
export function conflictKeyOf(kind: RecordKind, row: Record<string, unknown>): string | null {
  const values = Object.fromEntries(Object.entries(kind.spec.fields).map(([k, f]) => [k, f.fromDb(row[columnOf(k, f)]) ?? null]));
  return kind.spec.unique?.key(values as never) ?? null;
}
