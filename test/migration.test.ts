/**
 * A database written by the code before the record framework (test/fixtures/v1) is migrated forward in
 * place when today's code opens it: every record keeps its id, every revision stays readable as
 * history, the audit chain is intact and as long, and counts by unit and year are equal before and after.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyTrail } from '@antt/audit';
import { ApolloServer } from '@apollo/server';
import {
  answerQuestion,
  columnOf,
  contextFor,
  openOrganizationDatabase,
  RequestAudit,
  subgraphApolloConfig,
  unitAfterMove,
  type RecordKind,
  type SubgraphContext,
} from '@antt/subgraph-kit';
import { PROVINCE, frontRatesOneEffectiveModel, leadership } from '@antt/testing';
import { SUBGRAPHS } from '../gateway/src/subgraphs.js';

const dir = mkdtempSync(join(tmpdir(), 'antt-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(org: string): string {
  const file = join(dir, `${org}.sqlite`);
  writeFileSync(file, gunzipSync(readFileSync(new URL(`./fixtures/v1/${org}.sqlite.gz`, import.meta.url))));
  correctAsBefore(file);
  return file;
}

/**
 * Corrections made the way the code before made them: the row as it was kept in activity_revisions,
 * then changed in place. The fixtures' own corrections did not go through (their activity_revisions are
 * empty), so each database gets some here: two activities corrected once, one twice.
 */
function correctAsBefore(file: string): void {
  const db = new Database(file);
  const ids = (db.prepare('SELECT id FROM activities ORDER BY id LIMIT 2').all() as { id: number }[]).map((r) => r.id);
  const correct = (id: number, participants: number, at: string, by: string, reason: string | null) => {
    const row = db.prepare('SELECT * FROM activities WHERE id = ?').get(id) as Record<string, unknown>;
    const previous = {
      id: row.id,
      type: row.type,
      topic: row.topic,
      date: row.date,
      unitId: row.unit_id,
      branchId: row.branch_id,
      participants: row.participants,
      note: row.note,
      planTaskId: row.plan_task_id,
      demo: Boolean(row.demo),
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at,
      correctedBy: row.corrected_by,
      correctedAt: row.corrected_at,
    };
    db.prepare('INSERT INTO activity_revisions (activity_id, previous, reason, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      JSON.stringify(previous),
      reason,
      by,
      at,
    );
    db.prepare('UPDATE activities SET participants = ?, corrected_by = ?, corrected_at = ? WHERE id = ?').run(participants, by, at, id);
  };
  correct(ids[0]!, 77, '2026-12-01T08:00:00.000Z', 'fixture-staff', 'Sửa số người dự theo biên bản');
  correct(ids[0]!, 78, '2026-12-01T09:00:00.000Z', 'fixture-staff-2', null);
  correct(ids[1]!, 77, '2026-12-01T08:30:00.000Z', 'fixture-staff', 'Sửa số người dự theo biên bản');
  db.close();
}

/** The ids records were known by before the framework: numbers, or `<kind>:<org>:<n>` for the records other organizations point at. */
const EXPOSED_AS: Record<string, string> = { models: 'model', forums: 'forum', opinions: 'opinion' };

/**
 * The ids of records kept before the framework in a table without an id column of its own: a
 * criterion's result was known by its assessment and its code, and keeps that as its id.
 */
const OLD_ID: Record<string, { id: string; orderBy: string }> = {
  criterion_results: { id: "CAST(assessment_id AS TEXT) || ':' || code", orderBy: 'assessment_id, code' },
};

/**
 * Tables whose rows a migration folded into a kind's own columns, and the rows to compare before and
 * after (each row of the old table, found whole under the id of the record it belonged to).
 */
const FOLDED: Record<string, { before: string; after: string }> = {
  // Each correction of an activity became a superseded version of it, with its reason, who and when.
  activity_revisions: {
    before:
      "SELECT CAST(r.activity_id AS TEXT) AS id, (SELECT count(*) FROM activity_revisions p WHERE p.activity_id = r.activity_id AND p.id < r.id) + 1 AS version, json_extract(r.previous, '$.participants') AS participants, r.corrected_at AS supersededAt, (SELECT n.reason FROM activity_revisions n WHERE n.activity_id = r.activity_id AND n.id = r.id) AS nextReason, r.corrected_by AS nextBy FROM activity_revisions r ORDER BY r.activity_id, r.id",
    after:
      'SELECT v.record_id AS id, v.version, v.participants, v.superseded_at AS supersededAt, n.reason AS nextReason, n.recorded_by AS nextBy FROM activities v JOIN activities n ON n.record_id = v.record_id AND n.version = v.version + 1 ORDER BY CAST(v.record_id AS INTEGER), v.version',
  },
  // A protection case's victim became fields of the case (one record, versioned, erasable field by field).
  women_protection_victims: {
    before: 'SELECT CAST(case_id AS TEXT) AS id, full_name AS name, year_of_birth AS born, contact FROM women_protection_victims ORDER BY case_id',
    after:
      "SELECT record_id AS id, victim_full_name AS name, victim_year_of_birth AS born, victim_contact AS contact FROM women_protection_cases WHERE superseded_at IS NULL AND record_id GLOB '[0-9]*' AND victim_full_name IS NOT NULL ORDER BY CAST(record_id AS INTEGER)",
  },
  // A police training's participants per organization became a field of the training (participants, JSON).
  training_participants: {
    before: 'SELECT CAST(training_id AS TEXT) AS id, organization, count FROM training_participants ORDER BY training_id, organization',
    after:
      "SELECT t.record_id AS id, json_extract(j.value, '$.organizationId') AS organization, json_extract(j.value, '$.count') AS count FROM police_trainings t, json_each(t.participants) j WHERE t.superseded_at IS NULL AND t.record_id GLOB '[0-9]*' ORDER BY CAST(t.record_id AS INTEGER), organization",
  },
};

/**
 * The unit a record was kept under in the old database: its own column, or, for a record that had none
 * (a boarding-house check, kept under its house), the unit of the record it points at, which the
 * migration gives it; NULL when it had none at all.
 */
function oldUnit(db: Database.Database, kind: RecordKind, unit: string): string {
  const columns = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
  if (columns(kind.spec.table).includes(unit)) return unit;
  for (const [key, f] of Object.entries(kind.spec.fields)) {
    const parent = f.type === 'record' ? f.refKind?.().spec : undefined;
    if (
      !parent ||
      !columns(kind.spec.table).includes(columnOf(key, f)) ||
      !columns(parent.table).includes(columnOf(parent.unitField, parent.fields[parent.unitField]))
    )
      continue;
    return `(SELECT p.${columnOf(parent.unitField, parent.fields[parent.unitField])} FROM ${parent.table} p WHERE p.id = ${kind.spec.table}.${columnOf(key, f)})`;
  }
  return 'NULL';
}

type Row = { u: string | null; y: string | null; d: string | null; n: number };

/** Counts by unit and year, each unit taken as the start-up migration moves it. */
function regroup(rows: Row[]): { u: string | null; y: string | null; n: number }[] {
  const m = new Map<string, { u: string | null; y: string | null; n: number }>();
  for (const r of rows) {
    const u = r.u === null ? null : unitAfterMove(r.u, r.d);
    const k = JSON.stringify([u, r.y]);
    const hit = m.get(k) ?? { u, y: r.y, n: 0 };
    hit.n += r.n;
    m.set(k, hit);
  }
  const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  return [...m.values()].sort((a, b) => order(a.u, b.u) || order(a.y, b.y));
}

describe.each(SUBGRAPHS.map((sg) => [sg.name, sg] as const))('the %s database of the code before', (org, sg) => {
  it('opens migrated, with every record, history row and audit entry, and equal counts', () => {
    const file = fixture(org);
    const before = new Database(file, { readonly: true });
    // A kind whose table came after these databases were written (the reports) has nothing to migrate.
    const existed = (t: string) => !!before.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t);
    const kinds = sg.kinds
      .filter((k) => existed(k.spec.table))
      .map((k) => ({
        kind: k,
        unit: columnOf(k.spec.unitField, k.spec.fields[k.spec.unitField]),
        date: columnOf(k.spec.dateField, k.spec.fields[k.spec.dateField]),
      }));
    // A kind that gained its unit or date column in the port (a plan, kept for the province; a task,
    // dated by its plan) had none before: its counts are compared without that dimension.
    const had = (t: string, c: string) => (before.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).some((r) => r.name === c);
    const dims = kinds.map(({ kind, unit, date }) => {
      const u = oldUnit(before, kind, unit);
      const y = had(kind.spec.table, date) ? `substr(${date}, 1, 4)` : 'NULL';
      // The record's own date as the old database had it: its column, or the instant it was derived from (a tip's day of receipt, in Vietnam).
      const at = date.replace(/_on$/, '_at');
      const oldDate = had(kind.spec.table, date) ? date : had(kind.spec.table, at) ? `date(${at}, '+7 hours')` : 'NULL';
      return { before: { u, y }, after: { u: u === 'NULL' ? 'NULL' : unit, y }, oldDate };
    });
    const old = kinds.map(({ kind }, i) => ({
      ids: (
        before
          .prepare(`SELECT ${OLD_ID[kind.spec.table]?.id ?? 'id'} AS id FROM ${kind.spec.table} ORDER BY ${OLD_ID[kind.spec.table]?.orderBy ?? 'id'}`)
          .all() as { id: number | string }[]
      ).map((r) => (EXPOSED_AS[kind.spec.table] ? `${EXPOSED_AS[kind.spec.table]}:${org}:${r.id}` : String(r.id))),
      // Counted by the unit each record belongs under on the map of its own date (see unitAfterMove).
      counts: regroup(
        before
          .prepare(
            `SELECT ${dims[i]!.before.u} AS u, ${dims[i]!.before.y} AS y, ${dims[i]!.oldDate} AS d, count(*) AS n FROM ${kind.spec.table} GROUP BY 1, 2, 3`,
          )
          .all() as Row[],
      ),
    }));
    const audit = before.prepare('SELECT count(*) AS n, max(hash) AS h FROM audit_log').get() as { n: number; h: string };
    const tables = (
      before.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const rows = Object.fromEntries(tables.map((t) => [t, (before.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
    const folded = Object.fromEntries(tables.filter((t) => FOLDED[t]).map((t) => [t, before.prepare(FOLDED[t]!.before).all()]));
    const revisions = before
      .prepare(
        'SELECT CAST(a.id AS TEXT) AS id, (SELECT count(*) FROM activity_revisions r WHERE r.activity_id = a.id) + 1 AS versions FROM activities a ORDER BY a.id',
      )
      .all();
    before.close();
    copyFileSync(file, `${file}.orig`);

    const { sqlite, moves } = openOrganizationDatabase(sg, { file, demo: true, today: '2026-11-30' });
    console.log(`${org}: ${moves.moved} rows moved to the map of their date, ${moves.listed} listed for staff`);
    expect(moves.moved + moves.listed, 'the fixtures hold records of the 2025-02 map under @2019 ids').toBeGreaterThan(0);
    try {
      kinds.forEach(({ kind }, i) => {
        const t = kind.spec.table;
        const now = (
          sqlite.prepare(`SELECT record_id FROM ${t} WHERE superseded_at IS NULL AND status = 'ACTIVE' ORDER BY id`).all() as { record_id: string }[]
        ).map((r) => r.record_id);
        expect(now, `${t}: every record under its id`).toEqual(old[i]!.ids);
        expect(
          sqlite
            .prepare(
              `SELECT ${dims[i]!.after.u} AS u, ${dims[i]!.after.y} AS y, count(*) AS n FROM ${t} WHERE superseded_at IS NULL AND status = 'ACTIVE' GROUP BY 1, 2 ORDER BY 1, 2`,
            )
            .all(),
          `${t}: counts by unit and year`,
        ).toEqual(old[i]!.counts);
      });
      // Nothing else lost: every table of the old database still has at least its rows (demo data is not loaded again).
      for (const t of tables) {
        if (FOLDED[t]) {
          expect(sqlite.prepare(FOLDED[t].after).all(), `${t}: every row in the record it belongs to`).toEqual(folded[t]);
          continue;
        }
        const n = (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number } | undefined)?.n ?? 0;
        expect(n, t).toBeGreaterThanOrEqual(rows[t]!);
      }
      // Every activity has one version more than it had revisions: its first version, then one per correction.
      expect(
        sqlite.prepare('SELECT record_id AS id, count(*) AS versions FROM activities GROUP BY record_id ORDER BY CAST(record_id AS INTEGER)').all(),
        'activities: a version per revision',
      ).toEqual(revisions);
      const v = verifyTrail(sqlite);
      expect(v.ok, v.reason ?? '').toBe(true);
      expect(v.entries).toBe(audit.n);
    } finally {
      sqlite.close();
    }
  });
});

/**
 * The standard's recognitions the code before stored are kept as decided: read with today's rules
 * (computed criteria, each decision read effectiveOn its own day), those the records do not support are
 * flagged and left out of the indicators, and not one stored value changes.
 */
describe('the police database of the code before: recognitions against the records', () => {
  it('flags the decisions the records do not support, counts only the supported ones, and changes nothing', async () => {
    const sg = SUBGRAPHS.find((s) => s.name === 'police')!;
    const file = fixture('police');
    const stored = (db: Database.Database, id: string) =>
      db
        .prepare(
          `SELECT ${id} AS id, decision_number AS d, decided_on AS on_, authority AS a, households_total AS t, households_registered AS r FROM standard_assessments${id === 'record_id' ? ' WHERE superseded_at IS NULL' : ''} ORDER BY CAST(${id} AS INTEGER)`,
        )
        .all()
        .map((r) => ({ ...(r as Record<string, unknown>), id: String((r as { id: unknown }).id) }));
    const before = new Database(file, { readonly: true });
    const decided = stored(before, 'id');
    before.close();
    const { db, sqlite } = openOrganizationDatabase(sg, { file, demo: true, today: '2026-11-30' });
    try {
      const server = new ApolloServer<SubgraphContext>(subgraphApolloConfig(sg, db));
      const totals = {
        communes: { recognised: 0, unsupported: 0 },
        residentialAreas: { recognised: 0, unsupported: 0 },
        establishments: { recognised: 0, unsupported: 0 },
      };
      for (let year = 2021; year <= 2026; year++) {
        const res = await server.executeOperation(
          {
            query: `{ unit(id: "${PROVINCE}") { police { standardIndicators(year: ${year}) { residentialAreas { numerator recognised unsupported unknown } communes { numerator recognised unsupported unknown } establishments { numerator recognised unsupported unknown } } } } }`,
          },
          // The Front rates a model effective in every commune: the decisions are read against the police's own records.
          { contextValue: contextFor(sg, db, leadership(), { fromGateway: true, audit: new RequestAudit(), services: frontRatesOneEffectiveModel() }) },
        );
        const body = res.body.kind === 'single' ? res.body.singleResult : null;
        expect(body?.errors).toBeUndefined();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer is read field by field
        const i = (body!.data as any).unit.police.standardIndicators;
        for (const k of ['communes', 'residentialAreas', 'establishments'] as const) {
          expect(i[k].unknown, `${k} ${year}`).toBe(0);
          expect(i[k].numerator, `${k} ${year}`).toBe(i[k].recognised - i[k].unsupported);
          totals[k].recognised += i[k].recognised;
          totals[k].unsupported += i[k].unsupported;
        }
      }
      console.log('police: recognitions the records do not support', JSON.stringify(totals));
      // 834 commune decisions are stored; 9 are kept under ids of communes that exist only from 1 February
      // 2025 (Phường Mộc Lỵ, Bình Minh, Cờ Đỏ, listed for staff) and count for no indicator, as before. Of
      // the others, 261 were signed before 70% of the commune's areas were recognised, each area counted
      // from its own decision day.
      expect(totals.communes).toEqual({ recognised: 825, unsupported: 261 });
      // The code before recognised no area that the records contradict.
      expect(totals.residentialAreas).toEqual({ recognised: 7842, unsupported: 0 });
      expect(totals.establishments).toEqual({ recognised: 627, unsupported: 0 });
      // Nothing stored changed: every decision is kept as decided, every count as typed.
      expect(stored(sqlite as unknown as Database.Database, 'record_id')).toEqual(decided);
    } finally {
      sqlite.close();
    }
  });
});

/**
 * References written before they were checked: a migrated database lists each one (LEGACY) for the
 * re-check to ask its owner, deletes none, and those the owner's database does not have are found
 * dangling (the tip receipts the veterans', farmers' and elderly associations recorded name no tip of
 * the police register).
 */
describe('references in the databases of the code before', () => {
  it('are listed for the owners to confirm, none deleted, and the dangling ones found', () => {
    const police = openOrganizationDatabase(
      SUBGRAPHS.find((s) => s.name === 'police')!,
      { file: fixture('police'), today: '2026-11-30' },
    );
    let dangling = 0;
    try {
      for (const org of ['veterans', 'farmers', 'elderly'] as const) {
        const sg = SUBGRAPHS.find((s) => s.name === org)!;
        const file = fixture(org);
        const before = new Database(file, { readonly: true });
        const receipts = (before.prepare(`SELECT count(*) AS n FROM tip_handovers WHERE receipt_id IS NOT NULL AND receipt_id != ''`).get() as { n: number }).n;
        before.close();
        const { sqlite, noted } = openOrganizationDatabase(sg, { file, today: '2026-11-30' });
        try {
          const rows = sqlite.prepare(`SELECT * FROM reference_checks WHERE record_table = 'tip_handovers' AND state = 'LEGACY'`).all() as {
            ref_id: string;
            within_unit: string;
          }[];
          expect(noted).toBeGreaterThanOrEqual(rows.length);
          expect(rows.length).toBe(receipts);
          expect((sqlite.prepare(`SELECT count(*) AS n FROM tip_handovers WHERE superseded_at IS NULL`).get() as { n: number }).n).toBe(receipts);
          // What the police would answer the re-check, from their migrated register.
          for (let i = 0; i < rows.length; i += 100) {
            const chunk = rows.slice(i, i + 100);
            const answer = answerQuestion(SUBGRAPHS.find((s) => s.name === 'police')!.kinds, police.db, {
              table: 'crime_tips',
              by: 'receiptId',
              writerField: 'handedOverBy',
              writer: org,
              within: chunk[0]!.within_unit,
              ids: chunk.map((r) => r.ref_id),
            })!;
            dangling += answer.filter((x) => !x).length;
          }
          // A second opening lists nothing again.
          sqlite.close();
          const again = openOrganizationDatabase(sg, { file, today: '2026-11-30' });
          expect(again.noted).toBe(0);
          again.sqlite.close();
        } finally {
          if (sqlite.open) sqlite.close();
        }
      }
    } finally {
      police.sqlite.close();
    }
    expect(dangling).toBe(462);
  });
});
