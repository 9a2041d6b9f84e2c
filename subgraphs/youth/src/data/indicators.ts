/**
 * The youth union's counts the record framework does not make: clubs and teams active on a day (a team
 * lasts from its founding to its dissolution, while the framework counts records dated in a period),
 * and the drug-prevention project's sessions (a count of the sessions with one flag set). They read the
 * kinds' tables as the framework does: current versions (or those standing at `asRecordedAt`), voided
 * records left out, in the unit and below it as far as the caller may see.
 */
import type Database from 'better-sqlite3';
import { authorize, enforce } from '@antt/auth';
import { periodById, territory } from '@antt/reference';
import { Problems, preparedPerDatabase, sqliteOf, type Db, type SubgraphContext, type TimeFilter } from '@antt/subgraph-kit';
import { YOUTH_TEAM_KINDS, type YouthTeamKind } from '../kinds/index.js';

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

/** The window of a count, checked as the framework checks its own: unit, period, instant, then who may read counts. */
function window(ctx: SubgraphContext, unitId: string, a: CountArgs) {
  const p = new Problems();
  if (!territory().unit(unitId)) p.add('unitId', 'không có đơn vị này (ví dụ đúng: commune:03730@2019).', 'UNKNOWN_UNIT');
  const period = periodById(a.periodId);
  if (!period) p.add('periodId', 'không có kỳ này (ví dụ đúng: 2021-05, 2021-Q2, 2021, 2021-PLAN-Y).', 'UNKNOWN_PERIOD');
  if (a.asRecordedAt != null && Number.isNaN(Date.parse(a.asRecordedAt)))
    p.add('asRecordedAt', 'thời điểm phải có dạng ISO 8601, ví dụ 2021-06-10T00:00:00Z.', 'INVALID_DATETIME');
  p.throwIfAny();
  enforce(authorize.readCounts(ctx.scope.principal, { org: 'youth' }, unitId));
  const asOf = a.asRecordedAt ? new Date(a.asRecordedAt).toISOString() : null;
  const params = {
    units: JSON.stringify([...ctx.scope.visibleUnder(unitId)]),
    from: period!.start,
    to: period!.end,
    effectiveOn: a.effectiveOn ?? null,
    asOf,
  };
  return { mode: (asOf ? 'asOf' : 'current') as Mode, params };
}

/** Legal education sessions of the drug-prevention project held in the period, and the young people they reached. */
export function drugPreventionSessions(ctx: SubgraphContext, unitId: string, a: CountArgs): { sessions: number; youthReached: number } {
  const { mode, params } = window(ctx, unitId, a);
  const r = statements(ctx.db).drugPrevention[mode].get(params) as { n: number; youthReached: number };
  return { sessions: Number(r.n), youthReached: Number(r.youthReached) };
}

/** Clubs and teams active on the period's last day (founded by then, not dissolved before it), by kind, every kind listed. */
export function activeTeams(ctx: SubgraphContext, unitId: string, a: CountArgs): { kind: YouthTeamKind; count: number; members: number }[] {
  const { mode, params } = window(ctx, unitId, a);
  const rows = statements(ctx.db).activeTeams[mode].all(params) as { key: string; n: number; members: number }[];
  const byKind = new Map(rows.map((r) => [r.key, r]));
  return (Object.keys(YOUTH_TEAM_KINDS) as YouthTeamKind[]).map((kind) => ({
    kind,
    count: Number(byKind.get(kind)?.n ?? 0),
    members: Number(byKind.get(kind)?.members ?? 0),
  }));
}
