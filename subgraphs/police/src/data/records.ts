/**
 * What the police's established queries and mutations need beyond the record framework's own: reads of
 * the current, standing versions under the police's rules of who sees what (src/access.ts), and writes
 * by other organizations' staff (a tip handed over, a hotspot reported) through the same repository
 * and checks as the police's, recorded under their own user id.
 */
import {
  columnOf,
  currentRecords as currentOf,
  recordsOf,
  standingRecord,
  writerFor as writerOf,
  type CurrentQuery,
  type RecordKind,
  type RecordRepository,
  type StoredRecord,
  type SubgraphContext,
} from '@antt/subgraph-kit';
import { isPoliceStaff } from '../access.js';

export type { CurrentQuery };

/** The column of a kind's field. */
export function col(kind: RecordKind, key: string): string {
  return columnOf(key, kind.spec.fields[key]);
}

/** The police's staff write with their own scope; another organization's where a police mutation's own rule lets them. */
export function writerFor(ctx: SubgraphContext, kind: RecordKind): RecordRepository {
  return writerOf(ctx, kind, isPoliceStaff(ctx.scope));
}

/** The current, standing records of a police kind, oldest first unless asked otherwise. */
export function currentRecords(ctx: SubgraphContext, kind: RecordKind, q: CurrentQuery = {}): StoredRecord[] {
  return currentOf(ctx, kind, { orderBy: `${col(kind, kind.spec.dateField)}, id`, ...q });
}

export { standingRecord };

/**
 * The fields of `next` that differ from the record's: a follow-up mutation that changes nothing
 * returns the record as it is instead of a correction refused for want of a change.
 */
export function changesFrom(r: StoredRecord, next: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(r[k] ?? null)));
}

/** Corrects a record with the changes that differ, or returns it unchanged. */
export function follow(ctx: SubgraphContext, kind: RecordKind, r: StoredRecord, next: Record<string, unknown>, reason: string): StoredRecord {
  const changes = changesFrom(r, next);
  return Object.keys(changes).length ? recordsOf(ctx, kind).correct(r.id, changes, reason) : r;
}
