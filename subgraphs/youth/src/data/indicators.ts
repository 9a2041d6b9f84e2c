/**
 * The youth union's counts the record framework does not make: clubs and teams active on a day (a team
 * lasts from its founding to its dissolution, while the framework counts records dated in a period),
 * and the drug-prevention project's sessions (a count of the sessions with one flag set). They read the
 * kinds' tables as the framework does: current versions (or those standing at `asRecordedAt`), voided
 * records left out, in the unit and below it as far as the caller may see.
 */
import type Database from 'better-sqlite3';
import { preparedPerDatabase, sqliteOf, windowOf, type Db, type RecordKind, type SubgraphContext, type TimeFilter, type Window } from '@antt/subgraph-kit';
import { legalSessions, teams, YOUTH_TEAM_KINDS, type YouthTeamKind } from '../kinds/index.js';

export interface CountArgs extends TimeFilter {
  periodId: string;
}

/** Which versions count: the current ones, or those standing at an instant; never a voided record. */
const WHEN = {
  current: `status = 'ACTIVE' AND superseded_at IS NULL`,
  asOf: `status = 'ACTIVE' AND recorded_at <= @asOf AND (superseded_at IS NULL OR superseded_at > @asOf)`,
};
type Mode = keyof typeof WHEN;
const UNITS = `unit_id IN (SELECT value FROM json_each(@units))`;

const statements = preparedPerDatabase((db: Db) => {
  const sqlite: Database.Database = sqliteOf(db);
  const both = (sql: (when: string) => string) => ({ current: sqlite.prepare(sql(WHEN.current)), asOf: sqlite.prepare(sql(WHEN.asOf)) });
  return {
    drugPrevention: both(
      (when) =>
        `SELECT count(*) AS n, coalesce(sum(youth_reached), 0) AS youthReached FROM youth_legal_sessions WHERE ${when} AND ${UNITS} AND drug_prevention = 1 AND date BETWEEN @from AND @to AND (@effectiveOn IS NULL OR date <= @effectiveOn)`,
    ),
    activeTeams: both(
      (when) =>
        `SELECT kind AS key, count(*) AS n, coalesce(sum(members), 0) AS members FROM youth_teams WHERE ${when} AND ${UNITS} AND founded_on <= @to AND (dissolved_on IS NULL OR dissolved_on >= @to) AND (@effectiveOn IS NULL OR founded_on <= @effectiveOn) GROUP BY kind`,
    ),
  };
});

/** The window of a count of `kind`, checked and cut as the framework's own counts are (windowOf). */
function window(ctx: SubgraphContext, kind: RecordKind, unitId: string, a: CountArgs): { mode: Mode; params: Window } {
  const params = windowOf(ctx, kind, unitId, a);
  return { mode: params.asOf ? 'asOf' : 'current', params };
}

/** Legal education sessions of the drug-prevention project held in the period, and the young people they reached. */
export function drugPreventionSessions(ctx: SubgraphContext, unitId: string, a: CountArgs): { sessions: number; youthReached: number } {
  const { mode, params } = window(ctx, legalSessions, unitId, a);
  const r = statements(ctx.db).drugPrevention[mode].get(params) as { n: number; youthReached: number };
  return { sessions: Number(r.n), youthReached: Number(r.youthReached) };
}

/** Clubs and teams active on the period's last day (founded by then, not dissolved before it), by kind, every kind listed. */
export function activeTeams(ctx: SubgraphContext, unitId: string, a: CountArgs): { kind: YouthTeamKind; count: number; members: number }[] {
  const { mode, params } = window(ctx, teams, unitId, a);
  const rows = statements(ctx.db).activeTeams[mode].all(params) as { key: string; n: number; members: number }[];
  const byKind = new Map(rows.map((r) => [r.key, r]));
  return (Object.keys(YOUTH_TEAM_KINDS) as YouthTeamKind[]).map((kind) => ({
    kind,
    count: Number(byKind.get(kind)?.n ?? 0),
    members: Number(byKind.get(kind)?.members ?? 0),
  }));
}
