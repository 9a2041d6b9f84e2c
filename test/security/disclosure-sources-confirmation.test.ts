/**
 * A disclosure source counts what the organization's staff count, also when a reference's confirmation
 * changes (pending -> confirmed -> refused) and when a version is read as recorded at an earlier instant
 * (the checks' history, reference_check_states); and the served pattern never outlives a change that
 * adds no row to the record table: a confirmation, or records moved to the unit of their date's map at
 * start (a removal from one cell: nothing non-zero is shown until the new pattern, SECURITY.md).
 * Small hand-made tables over the real migrations of the checks, and the veterans' tip handovers as
 * their staff read them: about 2 s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CURRENT, FAMILY_SOURCES, ServedPatterns, disclosureParameters, recordTableSource, registerFamilySource, type ReportVersion } from '@antt/disclosure';
import { moveRecordsToTheirMap, recheckReferences, unconfirmedExclusion, verdictKey, type RecordKind, type ReferenceClient } from '@antt/subgraph-kit';
import { PROVINCE, openTestSubgraph, staff } from '@antt/testing';
import { subgraph as veterans } from '@antt/veterans';

const DRIZZLE = join(import.meta.dirname, '..', '..', 'subgraphs', 'veterans', 'drizzle');
function migrate(db: Database.Database, name: string): void {
  const f = readdirSync(DRIZZLE).find((x) => x.endsWith(`_${name}.sql`))!;
  for (const stmt of readFileSync(join(DRIZZLE, f), 'utf8').split('--> statement-breakpoint')) if (stmt.trim()) db.prepare(stmt).run();
}

function database(table: string): Database.Database {
  const db = new Database(':memory:');
  migrate(db, 'reference_checks');
  migrate(db, 'reference_check_states');
  db.prepare(
    `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, record_id TEXT NOT NULL, unit_id TEXT NOT NULL, date TEXT NOT NULL, kind TEXT NOT NULL,
       status TEXT NOT NULL DEFAULT 'ACTIVE', recorded_at TEXT NOT NULL, superseded_at TEXT)`,
  ).run();
  return db;
}

const tables = (family: string) => ({ family, breakdowns: ['A'], total: true, byBreakdown: false, flags: [] });
// The part of a record kind the counts' exclusion reads: its table and a field naming another organization's record.
const kindOf = (table: string) => ({ spec: { table, fields: { tipId: { ref: { owner: 'police', table: 'crime_tips' } } } } }) as unknown as RecordKind;

describe('disclosure sources and reference confirmation', () => {
  it('counts what the staff count, today and as recorded at earlier instants, while a confirmation changes', () => {
    const db = database('cases_a');
    const source = recordTableSource({ table: 'cases_a', tables: tables('confirmationA'), date: 'date', breakdown: 'kind' });
    const T0 = '2025-03-01T01:00:00.000Z';
    for (const r of ['r1', 'r2', 'r3'])
      db.prepare(`INSERT INTO cases_a (record_id, unit_id, date, kind, recorded_at) VALUES (?, 'u', '2025-03-01', 'A', ?)`).run(r, T0);
    const note = db.prepare(
      `INSERT INTO reference_checks (record_table, record_id, field, owner, owner_table, within_unit, ref_id, state, noted_at) VALUES ('cases_a', ?, 'tipId', 'police', 'crime_tips', 'u', 'x', 'PENDING', ?)`,
    );
    note.run('r1', T0);
    note.run('r2', T0);
    const kind = kindOf('cases_a');
    // What the organization's own counts read (records/current.ts, repository.ts): the same exclusion.
    const staff = (asOf: string | null) =>
      (
        db
          .prepare(
            `SELECT count(*) AS n FROM cases_a WHERE status = 'ACTIVE' AND ${asOf ? 'recorded_at <= @asOf AND (superseded_at IS NULL OR superseded_at > @asOf)' : 'superseded_at IS NULL AND @asOf IS NULL'}${unconfirmedExclusion(kind, !!asOf)}`,
          )
          .get({ asOf }) as { n: number }
      ).n;
    const served = (versions: readonly ReportVersion[]) => {
      const records = source.records(db, versions);
      return versions.map((_, i) => records.filter((r) => r.standing[0] <= i && i <= r.standing[1]).length);
    };
    const check = db.prepare(`UPDATE reference_checks SET state = ?, checked_at = ? WHERE record_id = ?`);

    const fp0 = source.fingerprint(db);
    expect(served([CURRENT])).toEqual([1]);
    expect(staff(null)).toBe(1);

    const T1 = '2025-03-02T01:00:00.000Z';
    check.run('VERIFIED', T1, 'r1');
    const fp1 = source.fingerprint(db);
    expect(fp1).not.toBe(fp0);
    expect(served([CURRENT])).toEqual([2]);
    expect(staff(null)).toBe(2);

    const T2 = '2025-03-03T01:00:00.000Z';
    check.run('REFUSED', T2, 'r1');
    check.run('VERIFIED', T2, 'r2');
    expect(source.fingerprint(db)).not.toBe(fp1);
    // r1 counted only between its confirmation and its refusal: a version in between reads it, the others do not.
    const versions: ReportVersion[] = [
      { id: 'v0', asOf: '2025-03-01T12:00:00.000Z' },
      { id: 'v1', asOf: '2025-03-02T12:00:00.000Z' },
      { id: 'v2', asOf: '2025-03-03T12:00:00.000Z' },
      CURRENT,
    ];
    expect(served(versions)).toEqual([1, 2, 2, 2]);
    expect(versions.map((v) => staff(v.asOf))).toEqual([1, 2, 2, 2]);
    // Which records: r3 throughout, r1 only in v1, r2 from v2 on.
    expect(source.records(db, versions).map((r) => r.standing)).toEqual([
      [1, 1],
      [2, 3],
      [0, 3],
    ]);
  });

  it('serves no pattern computed before a confirmation, nor before records were moved to the unit of their map', async () => {
    const params = disclosureParameters({});
    const scope = { unitId: PROVINCE, years: [2025], today: '2026-12-02' };
    const db = database('cases_b');
    registerFamilySource('confirmationB', recordTableSource({ table: 'cases_b', tables: tables('confirmationB'), date: 'date', breakdown: 'kind' }));
    const insert = db.prepare(`INSERT INTO cases_b (record_id, unit_id, date, kind, recorded_at) VALUES (?, ?, '2025-03-01', 'A', '2025-03-01T01:00:00.000Z')`);
    // Twenty records under a 2019 id of a commune on the 2025-02 map: moved at start to its 2025-02 id.
    for (let i = 0; i < 20; i++) insert.run(`m${i}`, 'commune:03730@2019');
    insert.run('p1', 'commune:03730@2019');
    db.prepare(
      `INSERT INTO reference_checks (record_table, record_id, field, owner, owner_table, within_unit, ref_id, state, noted_at) VALUES ('cases_b', 'p1', 'tipId', 'police', 'crime_tips', 'u', 'x', 'PENDING', '2025-03-01T01:00:00.000Z')`,
    ).run();
    const patterns = new ServedPatterns(db, { scope, params });
    const provinceTotal = () => patterns.lookup({ family: 'confirmationB', unitId: PROVINCE, periodId: '2025-PLAN-6M', version: 'current', measure: 'total' });
    await patterns.refresh('confirmationB');
    expect(provinceTotal()).toBe('SHOWN');
    const computed = patterns.computations;

    // Confirmed: one more record counts; the pattern of before is not the current one any more.
    db.prepare(`UPDATE reference_checks SET state = 'VERIFIED', checked_at = '2025-03-05T00:00:00.000Z' WHERE record_id = 'p1'`).run();
    expect(patterns.status().find((s) => s.family === 'confirmationB')!.state).not.toBe('READY');
    await patterns.refresh('confirmationB');
    expect(patterns.computations).toBe(computed + 1);
    expect(provinceTotal()).toBe('SHOWN');

    // Moved in place (no new version): a removal from the 2019 id's cells, so nothing non-zero until the new pattern.
    const kind = {
      spec: { table: 'cases_b', unitField: 'unitId', dateField: 'date', fields: { unitId: {}, date: {} } },
    } as unknown as RecordKind;
    expect(moveRecordsToTheirMap(db, [kind]).moved).toBe(21);
    expect((db.prepare(`SELECT DISTINCT unit_id AS u FROM cases_b`).all() as { u: string }[]).map((r) => r.u)).toEqual(['commune:03730@2025-02']);
    expect(provinceTotal()).toBe('HIDDEN');
    await patterns.refresh('confirmationB');
    expect(patterns.computations).toBe(computed + 2);
    expect(provinceTotal()).toBe('SHOWN');
  });

  it('gives the figure the veterans’ staff read for their tip handovers, before and after the police confirm or refuse a receipt', async () => {
    const s = await openTestSubgraph(veterans, { today: '2026-11-27' });
    const kind = veterans.kinds.find((k) => k.spec.table === 'tip_handovers')!;
    const UNIT = 'commune:03730@2019';
    const WRITE = `mutation ($input: Record${kind.spec.type}Input!) { r: ${kind.spec.create}(input: $input) { id } }`;
    const READ = `query ($at: DateTime) { unit(id: "${UNIT}") { veterans { tipHandovers(periodId: "2021-PLAN-6M", asRecordedAt: $at) { handovers } } } }`;
    const me = staff('veterans', PROVINCE);
    const tick = () => new Promise((r) => setTimeout(r, 5));
    // The police answer a re-check by receipt: FOUND, NOT_FOUND, or no answer yet.
    const police = (answers: Record<string, string>) =>
      ({ ask: async (q: { ids: string[] }) => q.ids.map((id) => answers[id] ?? 'UNREACHABLE') }) as unknown as ReferenceClient;
    for (const receiptId of ['BN-A', 'BN-B', 'BN-C']) {
      // BN-C was confirmed when written; the police could not be asked about the others.
      const verdict = receiptId === 'BN-C' ? 'FOUND' : 'UNREACHABLE';
      const res = await s.run(
        me,
        WRITE,
        { input: { ...kind.spec.example, unitId: UNIT, receiptId } },
        { referenceVerdicts: new Map([[verdictKey(kind, 'receiptId', receiptId), verdict as 'FOUND']]) },
      );
      expect(res.errors).toBeUndefined();
    }
    const staffRead = async (at: string | null = null) => {
      const res = await s.run<{ unit: { veterans: { tipHandovers: { handovers: number } } } }>(me, READ, { at });
      expect(res.errors).toBeUndefined();
      return res.data!.unit.veterans.tipHandovers.handovers;
    };
    // The source's figure for the commune's first six months of 2021 in each version.
    const sourceRead = (versions: readonly ReportVersion[]) => {
      const records = FAMILY_SOURCES.tipHandovers!.records(s.sqlite, versions);
      return versions.map(
        (_, i) =>
          records.filter((r) => r.unitId === UNIT && r.date >= '2021-01-01' && r.date <= '2021-06-30' && r.standing[0] <= i && i <= r.standing[1]).length,
      );
    };
    await tick();
    const whilePending = new Date().toISOString();
    await tick();
    expect([await staffRead(), ...sourceRead([CURRENT])]).toEqual([1, 1]);

    expect(await recheckReferences('veterans', s.db, police({ 'BN-A': 'FOUND' }))).toEqual({ verified: 1, refused: 0, pending: 1 });
    await tick();
    const afterConfirmed = new Date().toISOString();
    await tick();
    expect([await staffRead(), ...sourceRead([CURRENT])]).toEqual([2, 2]);

    expect(await recheckReferences('veterans', s.db, police({ 'BN-B': 'NOT_FOUND' }))).toEqual({ verified: 0, refused: 1, pending: 0 });
    expect([await staffRead(), ...sourceRead([CURRENT])]).toEqual([2, 2]);

    // As recorded at earlier instants: each as the checks stood then.
    const versions: ReportVersion[] = [{ id: 'pending', asOf: whilePending }, { id: 'confirmed', asOf: afterConfirmed }, CURRENT];
    expect(sourceRead(versions)).toEqual([1, 2, 2]);
    expect([await staffRead(whilePending), await staffRead(afterConfirmed), await staffRead()]).toEqual([1, 2, 2]);
  });
});
