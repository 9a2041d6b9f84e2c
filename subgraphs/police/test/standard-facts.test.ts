/**
 * The standard's indicators read from the facts SQLite groups (data/standard-facts.ts) give exactly what
 * the computation over every record gave (StandardReads.indicatorsFromRecords, the oracle), on the demo
 * data for every year and every unit a breakdown shows; and the facts kept between requests are read
 * again after any write.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { territory, todayInVietnam } from '@antt/reference';
import { leadership, PROVINCE, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { contextFor, RequestAudit } from '@antt/subgraph-kit';
import { subgraph } from '../src/subgraph.js';
import { standardOf } from '../src/data/standard.js';
import { windowOf } from '../src/legal/criteria.js';

const t = territory();
const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];

/** A fresh request's reads (nothing remembered from another request but the shared facts). */
const reads = (s: TestSubgraph, who = leadership()) => standardOf(contextFor(subgraph, s.db, who, { fromGateway: true, audit: new RequestAudit() }));

/** The units a breakdown of the province shows in a year, on both maps, and the province itself. */
function unitsOf(year: number): string[] {
  const asRecorded = t.childrenOn(PROVINCE, windowOf('COMMUNE', year).end).filter((u) => u.level !== 'RESIDENTIAL_AREA');
  const districts = asRecorded.flatMap((d) => t.childrenOn(d.id, windowOf('COMMUNE', year).end).filter((u) => u.level === 'COMMUNE'));
  return [PROVINCE, ...asRecorded.map((u) => u.id), ...districts.map((u) => u.id), ...t.unitsOn(todayInVietnam(), 'COMMUNE').map((u) => u.id)];
}

describe('the standard indicators from grouped facts', () => {
  let s: TestSubgraph;
  beforeAll(async () => {
    s = await openTestSubgraph(subgraph, { demo: true });
  }, 120_000);

  it('equal the computation over every record, for every year and unit of the demo data', () => {
    let compared = 0;
    for (const year of YEARS) {
      const oracle = reads(s);
      const fast = reads(s);
      for (const unitId of new Set(unitsOf(year))) {
        const run = (f: () => unknown) => {
          try {
            return f();
          } catch (e) {
            return { refused: (e as Error).message };
          }
        };
        expect(
          run(() => fast.indicatorsRead(unitId, year)),
          `${unitId} ${year}`,
        ).toEqual(run(() => oracle.indicatorsFromRecords(unitId, year)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(600);
    // The comparison covers supported and unsupported recognitions of every kind of subject.
    const all = YEARS.map((y) => reads(s).indicatorsRead(PROVINCE, y));
    for (const kind of ['residentialAreas', 'communes', 'establishments'] as const)
      expect(
        all.reduce((n, i) => n + i[kind].numerator, 0),
        kind,
      ).toBeGreaterThan(0);
    expect(all.reduce((n, i) => n + i.communes.unsupported + i.establishments.unsupported, 0)).toBeGreaterThan(0);
  }, 60_000);

  it('count for the caller: a commune staff member gets their own commune only', () => {
    const commune = t.unitsOn(todayInVietnam(), 'COMMUNE')[0]!.id;
    const own = reads(s, staff('police', commune));
    expect(own.indicatorsRead(commune, 2025)).toEqual(reads(s).indicatorsFromRecords(commune, 2025));
    expect(() => own.indicatorsRead(PROVINCE, 2025)).toThrow();
  });

  it('are read again after a write, and follow every reason a recognition is not supported', () => {
    const same = (year: number) => {
      const oracle = reads(s);
      const fast = reads(s);
      for (const unitId of new Set(unitsOf(year)))
        expect(fast.indicatorsRead(unitId, year), `${unitId} ${year}`).toEqual(oracle.indicatorsFromRecords(unitId, year));
    };
    const before = reads(s).indicatorsRead(PROVINCE, 2024);
    const recognised = s.sqlite
      .prepare(
        `SELECT id, record_id AS recordId FROM standard_assessments WHERE superseded_at IS NULL AND status = 'ACTIVE' AND year = 2024 AND subject_kind = 'RESIDENTIAL_AREA' AND decision_number IS NOT NULL ORDER BY id LIMIT 4`,
      )
      .all() as { id: number; recordId: string }[];
    s.sqlite.prepare('UPDATE standard_assessments SET decision_number = NULL, decided_on = NULL WHERE id = ?').run(recognised[0]!.id);
    const after = reads(s).indicatorsRead(PROVINCE, 2024);
    expect(after.residentialAreas.recognised).toBe(before.residentialAreas.recognised - 1);
    same(2024);
    // A typed criterion not met, a household short, a registration after the first quarter.
    s.sqlite
      .prepare(`UPDATE criterion_results SET met = 0 WHERE id = (SELECT max(id) FROM criterion_results WHERE assessment_id = ? AND superseded_at IS NULL)`)
      .run(recognised[1]!.recordId);
    s.sqlite.prepare('UPDATE standard_assessments SET households_registered = households_total - 1 WHERE id = ?').run(recognised[2]!.id);
    s.sqlite.prepare(`UPDATE standard_assessments SET registered_on = '2024-05-02' WHERE id = ?`).run(recognised[3]!.id);
    expect(reads(s).indicatorsRead(PROVINCE, 2024).residentialAreas.unsupported).toBe(3);
    same(2024);
  }, 60_000);

  it('are not kept when read inside a transaction that is rolled back', () => {
    const before = reads(s).indicatorsRead(PROVINCE, 2023);
    const rollBack = new Error('roll back');
    expect(() =>
      s.sqlite.transaction(() => {
        s.sqlite
          .prepare(`UPDATE standard_assessments SET decision_number = NULL WHERE superseded_at IS NULL AND year = 2023 AND subject_kind = 'RESIDENTIAL_AREA'`)
          .run();
        expect(reads(s).indicatorsRead(PROVINCE, 2023).residentialAreas.recognised).toBe(0);
        throw rollBack;
      })(),
    ).toThrow(rollBack);
    expect(reads(s).indicatorsRead(PROVINCE, 2023)).toEqual(before);
  });
});
