/**
 * What the Front's established queries and mutations need beyond the record framework's own: reads
 * under the Front's rules of who sees what (the police, the proposing organization, the inspected
 * organizations, every organization for the plans), and writes by the police and the other
 * organizations through the same repository and checks as the Front's staff.
 */
import {
  currentPage,
  currentRecords,
  recordsOf,
  snake,
  standingRecord,
  standing,
  statement,
  writerFor as writerOf,
  type RecordKind,
  type RecordRepository,
  type StoredRecord,
  type SubgraphContext,
} from '@antt/subgraph-kit';

export { currentPage, currentRecords, standingRecord };

/** The Front's staff write with their own scope; another organization's only where a Front mutation's own rule allowed it. */
export function writerFor(ctx: SubgraphContext, kind: RecordKind): RecordRepository {
  return writerOf(ctx, kind, ctx.scope.identity.organization === 'front');
}

/** The current version of a record by id, voided or not, whoever asks (an entity reference reads a voided record's history too). */
export function currentVersion(ctx: SubgraphContext, kind: RecordKind, id: string | null | undefined): StoredRecord | null {
  if (!id || id.length > 96) return null;
  const row = statement(ctx, `SELECT * FROM ${kind.spec.table} WHERE record_id = ? AND superseded_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return row ? recordsOf(ctx, kind).toRecord(row) : null;
}

/** Counts of the standing records of a kind by some of its columns (enum values, never a personal field). */
export function countsBy(
  ctx: SubgraphContext,
  kind: RecordKind,
  units: Iterable<string>,
  from: string,
  to: string,
  keys: string[],
  /** The versions standing at this instant (a locked report's), the current ones when null. */
  asRecordedAt: string | null = null,
): Record<string, unknown>[] {
  const cols = keys.map((k) => `${snake(k)} AS ${k}`).join(', ');
  const group = keys.map(snake).join(', ');
  const t = kind.spec.table;
  const sql = `SELECT ${cols}, count(*) AS count FROM ${t} WHERE ${standing(t)} AND ${snake(kind.spec.unitField)} IN (SELECT value FROM json_each(@units)) AND ${snake(kind.spec.dateField)} BETWEEN @from AND @to GROUP BY ${group} ORDER BY ${group}`;
  const asOf = asRecordedAt ? new Date(asRecordedAt).toISOString() : null;
  return statement(ctx, sql).all({ units: JSON.stringify([...units]), from, to, asOf }) as Record<string, unknown>[];
}
