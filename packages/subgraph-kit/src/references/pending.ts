/**
 * References the owner did not confirm when they were written: kept in `reference_checks`, left out of
 * every count of their kind, checked again on a timer and at start, and listed for the organization's
 * staff to follow up (`<org>UnverifiedReferences`). One rule everywhere: the generated counts, the counts
 * a subgraph writes itself (the women's protection counts) and the disclosure sources all leave such a
 * record out, by this SQL (unconfirmedExclusion, unconfirmedRecordIds); a record handed to the police
 * counts once the police confirmed its receipt (Criminal Procedure Code Art. 145-146).
 */
import type Database from 'better-sqlite3';
import { gql } from 'graphql-tag';
import { authorize, enforce } from '@antt/auth';
import { unconfirmedRecordIds } from '@antt/disclosure';
import { ORGANIZATIONS, territory, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import { sqliteOf, type Db } from '../db.js';
import { trailOf } from '../writes.js';
import type { RecordKind } from '../records/kind.js';
import { inputProblems } from '../records/problems.js';
import { ownerOf, referenceFields } from './spec.js';
import { columnOf } from '../records/fields.js';
import type { ReferenceClient } from './check.js';

/** A reference waiting for its owner's word. */
export interface PendingReference {
  field: string;
  owner: OrganizationId;
  ownerTable: string;
  byField: string | null;
  writerField: string | null;
  withinUnit: string;
  refId: string;
}

/**
 * The SQL that leaves a kind's unconfirmed records out of its counts (empty for a kind without
 * references). `asOf`: as the checks stood at the instant @asOf (their history, reference_check_states),
 * for a reading as recorded then. The same SQL as the disclosure sources read (unconfirmedRecordIds), so
 * that the figures outsiders are served are the figures the staff count.
 */
export function unconfirmedExclusion(kind: RecordKind, asOf = false): string {
  if (!referenceFields(kind).length) return '';
  return ` AND record_id NOT IN (${unconfirmedRecordIds(kind.spec.table, asOf)})`;
}

/**
 * Notes a record's unconfirmed references (inside the write's transaction). A correction passes the
 * fields it changed: what was noted of those before is superseded, the other fields keep their standing.
 */
export function notePending(
  sqlite: Database.Database,
  kind: RecordKind,
  recordId: string,
  pending: PendingReference[],
  changed: readonly string[] | false,
): void {
  if (changed && changed.length)
    sqlite
      .prepare(
        `UPDATE reference_checks SET state = 'SUPERSEDED' WHERE record_table = ? AND record_id = ? AND field IN (SELECT value FROM json_each(?)) AND state IN ('PENDING', 'REFUSED', 'LEGACY', 'DANGLING')`,
      )
      .run(kind.spec.table, recordId, JSON.stringify(changed));
  if (!pending.length) return;
  const insert = sqlite.prepare(
    `INSERT INTO reference_checks (record_table, record_id, field, owner, owner_table, by_field, writer_field, within_unit, ref_id, state, noted_at, attempts)
     VALUES (@recordTable, @recordId, @field, @owner, @ownerTable, @byField, @writerField, @withinUnit, @refId, 'PENDING', @notedAt, 0)`,
  );
  const notedAt = new Date().toISOString();
  for (const p of pending) insert.run({ ...p, recordTable: kind.spec.table, recordId, notedAt });
}

interface Row {
  id: number;
  record_table: string;
  record_id: string;
  field: string;
  owner: OrganizationId;
  owner_table: string;
  by_field: string | null;
  writer_field: string | null;
  within_unit: string;
  ref_id: string;
  state: string;
  noted_at: string;
  checked_at: string | null;
  attempts: number;
}

/**
 * Asks the owners again about every pending reference (at most `limit`): confirmed ones become
 * VERIFIED (the record counts from then on), refused ones REFUSED (listed, still not counted), the
 * others stay PENDING. Each answer goes to the audit trail. Answers how many of each.
 */
export async function recheckReferences(
  org: OrganizationId,
  db: Db,
  client: ReferenceClient,
  limit = 500,
): Promise<{ verified: number; refused: number; pending: number }> {
  const sqlite = sqliteOf(db);
  const rows = sqlite.prepare(`SELECT * FROM reference_checks WHERE state IN ('PENDING', 'LEGACY') ORDER BY id LIMIT ?`).all(limit) as Row[];
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.owner, r.owner_table, r.by_field, r.writer_field, r.within_unit]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out = { verified: 0, refused: 0, pending: 0 };
  const update = sqlite.prepare(
    `UPDATE reference_checks SET state = ?, checked_at = ?, attempts = attempts + 1 WHERE id = ? AND state IN ('PENDING', 'LEGACY')`,
  );
  for (const g of groups.values()) {
    const first = g[0]!;
    const ids = [...new Set(g.map((r) => r.ref_id))];
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const answers = await client.ask({
        owner: first.owner,
        table: first.owner_table,
        by: first.by_field,
        writerField: first.writer_field,
        within: first.within_unit,
        ids: chunk,
      });
      const verdict = new Map(chunk.map((id, j) => [id, answers[j]!]));
      const at = new Date().toISOString();
      const done = g.filter((r) => chunk.includes(r.ref_id));
      sqlite.transaction(() => {
        for (const r of done) {
          const v = verdict.get(r.ref_id);
          // A reference written before references were checked that its owner does not know is DANGLING: listed, never deleted.
          const legacy = r.state === 'LEGACY';
          const state = v === 'FOUND' ? 'VERIFIED' : v === 'NOT_FOUND' ? (legacy ? 'DANGLING' : 'REFUSED') : r.state;
          update.run(state, at, r.id);
          if (state === 'VERIFIED') out.verified++;
          else if (state === 'REFUSED' || state === 'DANGLING') out.refused++;
          else out.pending++;
        }
        trailOf(sqlite).append([
          {
            at,
            requestId: '',
            userId: `service:${org}`,
            organization: org,
            roles: [],
            operation: 'referenceRecheck',
            action: 'READ',
            typeName: null,
            dataClass: 'INTERNAL',
            recordIds: done.map((r) => r.record_id),
            fields: [...new Set(done.map((r) => r.field))],
            outcome: `${first.owner}:${done.map((r) => verdict.get(r.ref_id)).join(',')}`,
          },
        ]);
      })();
    }
  }
  return out;
}

/** Re-checks at start and then every `everyMs` (ANTT_REFERENCE_RECHECK_MS, default 5 minutes); answers a stop function. */
export function startRechecks(
  org: OrganizationId,
  db: Db,
  client: ReferenceClient,
  everyMs = Number(process.env.ANTT_REFERENCE_RECHECK_MS ?? 300_000),
): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    recheckReferences(org, db, client)
      .catch((e) => console.error(`[${org}] reference recheck failed`, e))
      .finally(() => (running = false));
  };
  const first = setTimeout(run, Math.min(everyMs, 5_000));
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** The follow-up list's SDL for an organization (a module added by defineOrganizationSubgraph when a kind has references). */
export function unverifiedReferencesTypeDefs(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  return gql`
    "Where a reference to another organization's record stands (tình trạng xác minh tham chiếu)."
    enum ReferenceCheckState {
      "Its owner has not answered yet (chưa xác minh): the record is kept but not counted."
      PENDING
      "Its owner confirmed it after the record was written (đã xác minh): the record counts."
      VERIFIED
      "Its owner does not know it within the area (không tìm thấy): to be corrected or voided; not counted."
      REFUSED
      "A later version of the record names something else (đã thay thế)."
      SUPERSEDED
      "Written before references were checked, not asked yet (ghi trước khi có kiểm tra): counted as before."
      LEGACY
      "Written before references were checked, and its owner does not know it (tham chiếu treo): listed for follow-up, never deleted, counted as before."
      DANGLING
    }

    "A record of the ${P} naming another organization's record that its owner has not confirmed (tham chiếu chưa xác minh)."
    type ${P}UnverifiedReference @dataClass(class: INTERNAL) {
      "The kind of record (its type), e.g. ${P}TipHandover."
      recordType: String!
      "The record's id."
      recordId: ID!
      "The field naming the other record (trường)."
      field: String!
      "The organization that keeps the record named (tổ chức giữ hồ sơ)."
      owner: String!
      "The id named (mã được ghi)."
      refId: ID!
      "Where the check stands (tình trạng)."
      state: ReferenceCheckState!
      "When it was written unconfirmed."
      notedAt: DateTime!
      "When the owner was last asked again, if it was."
      checkedAt: DateTime
      "How many times the owner was asked again (số lần hỏi lại)."
      attempts: Int!
    }

    extend type Query {
      "References of the ${P} to other organizations' records not confirmed by their owner, in your jurisdiction, oldest first (tham chiếu cần theo dõi): PENDING, REFUSED and DANGLING unless a state is given."
      ${org}UnverifiedReferences("Only this state." state: ReferenceCheckState, "At most this many, 1 to 200." first: Int = 50): [${P}UnverifiedReference!]!
        @dataClass(class: INTERNAL)
    }
  `;
}

export function unverifiedReferencesResolvers(org: OrganizationId, kinds: readonly RecordKind[]) {
  const typeOf = new Map(kinds.map((k) => [k.spec.table, k.spec.type]));
  return {
    Query: {
      [`${org}UnverifiedReferences`]: (_: unknown, a: { state?: string | null; first?: number }, ctx: SubgraphContext) => {
        const p = ctx.scope.principal;
        enforce(authorize.listReferenceFollowUps(p, org));
        const first = a.first ?? 50;
        if (!Number.isInteger(first) || first < 1 || first > 200)
          throw inputProblems([{ field: 'first', message: 'số bản ghi phải từ 1 đến 200.', reason: 'PAGE_SIZE' }]);
        const states = a.state ? [a.state] : ['PENDING', 'REFUSED', 'DANGLING'];
        const rows = sqliteOf(ctx.db)
          .prepare(`SELECT * FROM reference_checks WHERE state IN (SELECT value FROM json_each(?)) ORDER BY id`)
          .all(JSON.stringify(states)) as Row[];
        // A reference that may lie anywhere in the province (a replica's origin) is followed up by whoever
        // covers the record that names it; any other by whoever covers the area it had to lie in.
        const province = territory().provinceId;
        const unitOfRecord = (r: Row): string | null => {
          const kind = kinds.find((k) => k.spec.table === r.record_table);
          if (!kind) return null;
          const col = columnOf(kind.spec.unitField, kind.spec.fields[kind.spec.unitField]);
          const row = sqliteOf(ctx.db)
            .prepare(`SELECT ${col} AS unit FROM ${kind.spec.table} WHERE record_id = ? AND superseded_at IS NULL`)
            .get(r.record_id) as { unit: string | null } | undefined;
          return row?.unit ?? null;
        };
        return rows
          .filter((r) => p.covers(r.within_unit) || (r.within_unit === province && p.covers(unitOfRecord(r) ?? province)))
          .slice(0, first)
          .map((r) => ({
            recordType: typeOf.get(r.record_table) ?? r.record_table,
            recordId: r.record_id,
            field: r.field,
            owner: r.owner,
            refId: r.ref_id,
            state: r.state,
            notedAt: r.noted_at,
            checkedAt: r.checked_at,
            attempts: r.attempts,
          }));
      },
    },
  };
}

/**
 * References already in a database when references began to be checked (a migrated database): each is
 * noted LEGACY once (meta `references_noted_at`), then asked of its owner by the re-check like any
 * other; those the owner does not know become DANGLING, listed for follow-up and never deleted. Their
 * records count as before. A new database notes nothing (it is empty when this runs, before demo data).
 * Answers how many were noted.
 */
export function noteExistingReferences(sqlite: Database.Database, kinds: readonly RecordKind[]): number {
  const KEY = 'references_noted_at';
  if (sqlite.prepare('SELECT 1 FROM meta WHERE key = ?').get(KEY)) return 0;
  let n = 0;
  const notedAt = new Date().toISOString();
  const province = territory().provinceId;
  const insert = sqlite.prepare(
    `INSERT INTO reference_checks (record_table, record_id, field, owner, owner_table, by_field, writer_field, within_unit, ref_id, state, noted_at, attempts)
     VALUES (@recordTable, @recordId, @field, @owner, @ownerTable, @byField, @writerField, @withinUnit, @refId, 'LEGACY', @notedAt, 0)`,
  );
  sqlite.transaction(() => {
    for (const kind of kinds) {
      const refs = referenceFields(kind);
      if (!refs.length) continue;
      const unitCol = columnOf(kind.spec.unitField, kind.spec.fields[kind.spec.unitField]);
      const rows = sqlite
        .prepare(
          `SELECT * FROM ${kind.spec.table} WHERE superseded_at IS NULL AND status = 'ACTIVE' AND record_id NOT IN (SELECT record_id FROM reference_checks WHERE record_table = ?)`,
        )
        .all(kind.spec.table) as Record<string, unknown>[];
      for (const r of rows)
        for (const [key, f] of refs) {
          const id = r[columnOf(key, f)];
          if (typeof id !== 'string' || !id) continue;
          const owner = ownerOf(f.ref, id);
          // Who wrote it is not known any more: the owner is asked whether the id exists in the province (or in the record's unit).
          const within = f.ref.within === 'record' ? (r[unitCol] as string) : province;
          if (!owner || !within) continue;
          insert.run({
            recordTable: kind.spec.table,
            recordId: r.record_id,
            field: key,
            owner,
            ownerTable: f.ref.table,
            byField: f.ref.by ?? null,
            writerField: f.ref.writerField ?? null,
            withinUnit: within,
            refId: id,
            notedAt,
          });
          n++;
        }
    }
    sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(KEY, notedAt);
  })();
  return n;
}
