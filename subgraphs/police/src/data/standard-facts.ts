/**
 * What the plan's indicators count, per subject of a year, read with two prepared statements instead of
 * mapping every assessment and criterion result into a record: SQLite groups each assessment's current
 * criteria results by the kind of criterion (typed, partly computed from the registration day, partly
 * computed from the household counts) and counts those met; what is left here is the standard's own
 * rule on the decision's day (legal/criteria.ts) and the commune's share of supported recognitions.
 *
 * The facts of a year are kept for the process and read again whenever the database has changed since
 * (any write on this connection, `total_changes()`, or a commit by another one, `PRAGMA data_version`):
 * they are the same for every caller; who sees which units is decided per request by the caller of
 * `StandardReads.indicators`. `StandardReads.indicatorsFromRecords` is the computation over records
 * this replaces, kept as the test oracle (test/standard-facts.test.ts).
 */
import type Database from 'better-sqlite3';
import { sqliteOf, type SubgraphContext } from '@antt/subgraph-kit';
import { recognisedNeeded, windowOf, type CriteriaSet } from '../legal/criteria.js';
import type { Tally } from './standard.js';

/** One standing assessment, as far as the indicators need it. */
export interface SubjectFact {
  id: string;
  subjectKind: string;
  unitId: string | null;
  establishmentId: string | null;
  criteriaSetId: string;
  registeredOn: string | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  selfAssessedOn: string | null;
  householdsTotal: number | null;
  householdsRegistered: number | null;
  /** Of the set's criteria that are typed (wholly or partly), how many have a current result, and how many of each kind say met. */
  present: number;
  typedMet: number;
  registrationMet: number;
  householdsMet: number;
}

/** An establishment of the register, as far as the indicators need it. */
export interface RegisterFact {
  id: string;
  unitId: string;
  subKind: string;
  managedBy: string;
}

/** The counts a criteria set asks for: how many criteria of each kind. */
interface SetShape {
  typed: number;
  registration: number;
  households: number;
  computed: boolean;
}

const ASSESSMENTS_SQL = `
WITH c(set_id, code, how) AS (
  SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(@criteria)
),
r AS (
  SELECT assessment_id, code, met, max(window_ends_on || printf('%020d', id)) AS latest
  FROM criterion_results
  WHERE superseded_at IS NULL AND status = 'ACTIVE' AND window_ends_on BETWEEN @from AND @to
  GROUP BY assessment_id, code
),
t AS (
  SELECT r.assessment_id AS aid, c.set_id AS set_id, count(*) AS present,
    coalesce(sum(c.how = 'T' AND r.met), 0) AS typed_met,
    coalesce(sum(c.how = 'R' AND r.met), 0) AS registration_met,
    coalesce(sum(c.how = 'H' AND r.met), 0) AS households_met
  FROM r JOIN c ON c.code = r.code
  GROUP BY r.assessment_id, c.set_id
)
SELECT a.record_id AS id, a.subject_kind AS subjectKind, a.unit_id AS unitId, a.establishment_id AS establishmentId,
  a.criteria_set_id AS criteriaSetId, a.registered_on AS registeredOn, a.decision_number AS decisionNumber,
  a.decided_on AS decidedOn, a.self_assessed_on AS selfAssessedOn, a.households_total AS householdsTotal,
  a.households_registered AS householdsRegistered, coalesce(t.present, 0) AS present, coalesce(t.typed_met, 0) AS typedMet,
  coalesce(t.registration_met, 0) AS registrationMet, coalesce(t.households_met, 0) AS householdsMet
FROM standard_assessments a LEFT JOIN t ON t.aid = a.record_id AND t.set_id = a.criteria_set_id
WHERE a.superseded_at IS NULL AND a.status = 'ACTIVE' AND a.window_ends_on BETWEEN '0000-01-01' AND '9999-12-31' AND a.year = @year
ORDER BY a.window_ends_on, a.id`;

const REGISTER_SQL = `
SELECT record_id AS id, unit_id AS unitId, sub_kind AS subKind, managed_by AS managedBy
FROM establishments
WHERE superseded_at IS NULL AND status = 'ACTIVE' AND registered_on BETWEEN '0000-01-01' AND '9999-12-31'
ORDER BY record_id`;

type Statements = { assessments: Database.Statement; register: Database.Statement; version: Database.Statement };
const statements = new WeakMap<Database.Database, Statements>();

function prepared(sqlite: Database.Database): Statements {
  let s = statements.get(sqlite);
  if (!s)
    statements.set(
      sqlite,
      (s = {
        assessments: sqlite.prepare(ASSESSMENTS_SQL),
        register: sqlite.prepare(REGISTER_SQL),
        // Prepared once: `sqlite.pragma()` prepares its statement on every call.
        version: sqlite.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck(),
      }),
    );
  return s;
}

/** What a year's figures are computed from; equal versions, equal data. */
function versionOf(sqlite: Database.Database): string {
  return prepared(sqlite).version.get() as string;
}

/** The key of an assessment's subject: the establishment, or the kind and the unit (as data/standard.ts). */
const keyOf = (f: SubjectFact) => (f.establishmentId ? `E:${f.establishmentId}` : `${f.subjectKind}:${f.unitId}`);

/** A year's facts: the standing assessments by subject key, the register, and whether the records support each recognition. */
export class YearFacts {
  readonly bySubject = new Map<string, SubjectFact>();
  /** A unit's counts for the callers who see every unit under it (data/standard.ts fills it). */
  readonly tallies = new Map<string, readonly [Tally, Tally, Tally]>();
  private readonly supported = new Map<string, boolean>();
  private readonly shapes = new Map<string, SetShape | null>();

  constructor(
    readonly year: number,
    rows: readonly SubjectFact[],
    readonly register: readonly RegisterFact[],
    private readonly setOf: (id: string) => CriteriaSet | null,
    private readonly subjectsOf: (communeId: string) => string[],
  ) {
    for (const r of rows) this.bySubject.set(keyOf(r), r);
  }

  private shape(setId: string): SetShape | null {
    if (!this.shapes.has(setId)) this.shapes.set(setId, shapeOf(this.setOf(setId)));
    return this.shapes.get(setId)!;
  }

  /** Whether the records, read effectiveOn the decision's own day, support a signed recognition (false when none was signed). */
  isSupported(f: SubjectFact): boolean {
    if (!f.decisionNumber || !f.decidedOn) return false;
    let hit = this.supported.get(f.id);
    if (hit === undefined) this.supported.set(f.id, (hit = this.metOn(f, f.decidedOn)));
    return hit;
  }

  /** The assessment's result on a day is MET: self-assessed, every typed criterion recorded and met, the computed parts met on that day. */
  private metOn(f: SubjectFact, on: string): boolean {
    const s = this.shape(f.criteriaSetId);
    if (!s || !f.selfAssessedOn) return false;
    if (f.present !== s.typed + s.registration + s.households || f.typedMet !== s.typed) return false;
    if (s.registration + s.households > 0) {
      const y = this.year;
      const r = f.registeredOn;
      const registered = !!r && r >= `${y}-01-01` && r <= `${y}-03-31` && r <= on;
      if (!registered) return false;
      if (f.registrationMet !== s.registration || f.householdsMet !== s.households) return false;
      if (s.households > 0 && (f.householdsTotal == null || f.householdsRegistered == null || f.householdsRegistered < f.householdsTotal)) return false;
    }
    return !s.computed || this.shareMetOn(f.unitId as string, on);
  }

  /** The commune's criterion on a day: enough of its subjects recognised by a supported decision by then, and (from 2022) every one registered. */
  private shareMetOn(communeId: string, on: string): boolean {
    const subjects = this.subjectsOf(communeId);
    let registered = 0;
    let recognised = 0;
    for (const k of subjects) {
      const r = this.bySubject.get(k);
      if (!r) continue;
      if (typeof r.registeredOn === 'string' && r.registeredOn <= on) registered++;
      if (r.decisionNumber && typeof r.decidedOn === 'string' && r.decidedOn <= on && this.isSupported(r)) recognised++;
    }
    return recognised >= recognisedNeeded(subjects.length) && (this.year < 2022 || registered === subjects.length);
  }
}

function shapeOf(set: CriteriaSet | null): SetShape | null {
  if (!set) return null;
  const s: SetShape = { typed: 0, registration: 0, households: 0, computed: false };
  for (const c of set.criteria) {
    if (c.computation === 'COMPUTED') s.computed = true;
    else if (c.computation === 'TYPED') s.typed++;
    else if (c.computedFrom === 'HOUSEHOLDS') s.households++;
    else s.registration++;
  }
  return s;
}

/** The criteria of every set in force in a year, as [set, code, how] for the statement: T typed, R registration day, H households. */
function criteriaParam(sets: readonly CriteriaSet[]): string {
  const out: [string, string, string][] = [];
  for (const set of sets)
    for (const c of set.criteria)
      if (c.computation !== 'COMPUTED') out.push([set.id, c.code, c.computation === 'TYPED' ? 'T' : c.computedFrom === 'HOUSEHOLDS' ? 'H' : 'R']);
  return JSON.stringify(out);
}

const cache = new WeakMap<Database.Database, Map<number, { version: string; facts: YearFacts }>>();

/**
 * The facts of a year, read afresh when the database changed since they were last read.
 * `sets` gives the criteria sets with the province's additions in force that year (every set, by id);
 * `subjectsOf` a commune's subject keys given the register.
 */
export function yearFacts(
  ctx: SubgraphContext,
  year: number,
  sets: { all: () => CriteriaSet[]; byId: (id: string) => CriteriaSet | null },
  subjectsOf: (communeId: string, register: readonly RegisterFact[]) => string[],
): YearFacts {
  const sqlite = sqliteOf(ctx.db);
  let perYear = cache.get(sqlite);
  if (!perYear) cache.set(sqlite, (perYear = new Map()));
  const version = versionOf(sqlite);
  const hit = perYear.get(year);
  if (hit && hit.version === version) return hit.facts;
  const st = prepared(sqlite);
  const rows = st.assessments.all({
    criteria: criteriaParam(sets.all()),
    year,
    from: windowOf('RESIDENTIAL_AREA', year).end,
    to: windowOf('COMMUNE', year).end,
  }) as SubjectFact[];
  const register = st.register.all() as RegisterFact[];
  const subjects = new Map<string, string[]>();
  const facts = new YearFacts(year, rows, register, sets.byId, (c) => {
    let s = subjects.get(c);
    if (!s) subjects.set(c, (s = subjectsOf(c, register)));
    return s;
  });
  // Read inside a transaction, the facts may include writes that are then rolled back (which leaves total_changes() as it is): not kept.
  if (!sqlite.inTransaction) perYear.set(year, { version, facts });
  return facts;
}
