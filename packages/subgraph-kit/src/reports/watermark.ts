/**
 * An organization's report watermark: the highest row id of its `reports` table. Every change to a
 * report version (a submission, an approval, a return, an acceptance, the new version a record after the
 * lock makes) writes a new row there (records/table.ts: one row per version of a record, ids never
 * reused), so the watermark advances with each one, whoever made it and through whichever server. A
 * primary-key maximum: one B-tree descent, a few microseconds. Read at every request, not kept as the
 * counts are (kept-aggregates.ts): knowing whether the database changed costs a file read of the same
 * price (data_version), and after every write it has changed.
 *
 * The gateway reads it (and only the gateway: it is given with the gateway's secret) on the subgraph's
 * readiness answer, which it probes regularly, and on each answer the subgraph gives it (the
 * `x-antt-report-watermark` header, read before the request's data), so that it never serves a kept
 * answer about approved report versions older than the newest change it has seen (gateway/src/stale-reports.ts).
 */
import type Database from 'better-sqlite3';

export const REPORT_WATERMARK_HEADER = 'x-antt-report-watermark';

const statements = new WeakMap<Database.Database, Database.Statement | null>();

/** The highest id of the `reports` table's rows, 0 when it is empty or the subgraph keeps no reports. */
export function reportWatermark(sqlite: Database.Database): number {
  let s = statements.get(sqlite);
  if (s === undefined) {
    const exists = !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reports'").get();
    statements.set(sqlite, (s = exists ? sqlite.prepare('SELECT coalesce(max(id), 0) AS w FROM reports').pluck() : null));
  }
  return s ? (s.get() as number) : 0;
}
