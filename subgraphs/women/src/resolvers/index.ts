/**
 * Resolvers of what schema.graphql adds to the generated types: counts of protection cases (served to
 * outsiders by the audited disclosure pattern; cases with an unconfirmed police receipt left out), replicas running at a period's end, the original model, one case by id,
 * and the later events of a case or a replica, recorded as corrections through the record framework.
 */
import type Database from 'better-sqlite3';
import { territory } from '@antt/reference';
import { fmtDate, inputProblems, recordsOf, sqliteOf, tagCell, unconfirmedExclusion, windowOf, type SubgraphContext } from '@antt/subgraph-kit';
import type { Resolvers } from '../generated/resolvers.js';
import { CHIENG_SON_MODEL, PROTECTION_CASE_KINDS, modelReplicas, protectionCases } from '../kinds/index.js';

// The versions that count: the current ones, or those standing at @asOf; voided records never count.
const STANDING = `((@asOf IS NULL AND superseded_at IS NULL) OR (@asOf IS NOT NULL AND recorded_at <= @asOf AND (superseded_at IS NULL OR superseded_at > @asOf))) AND status = 'ACTIVE' AND unit_id IN (SELECT value FROM json_each(@units))`;

/**
 * Protection cases by kind. A case whose police receipt (tipReceiptId) the police have not confirmed
 * (pending or refused) is left out of every count, as every kind's counts leave out records with an
 * unconfirmed reference (subgraph-kit references/pending.ts): a case handed to the police counts once
 * the receiving body confirmed its receipt (Criminal Procedure Code Art. 145-146), and until then the
 * union's staff follow it up in womenUnverifiedReferences.
 */
function protectionSql(asOf: boolean): string {
  return `SELECT kind, count(*) AS n, coalesce(sum(victim_is_child), 0) AS children, coalesce(sum(tip_receipt_id IS NOT NULL), 0) AS referred, coalesce(sum(closed_on IS NOT NULL AND (@effectiveOn IS NULL OR closed_on <= @effectiveOn)), 0) AS closed
         FROM women_protection_cases WHERE ${STANDING} AND opened_on BETWEEN @from AND @to AND (@effectiveOn IS NULL OR opened_on <= @effectiveOn)${unconfirmedExclusion(protectionCases, asOf)} GROUP BY kind`;
}

interface Statements {
  /** Today's counts, and counts as recorded at @asOf (the reference checks as they stood then). */
  protection: Database.Statement;
  protectionAsOf: Database.Statement;
  started: Database.Statement;
  running: Database.Statement;
}
const prepared = new WeakMap<Database.Database, Statements>();
function statements(ctx: SubgraphContext): Statements {
  const sqlite = sqliteOf(ctx.db);
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      protection: sqlite.prepare(protectionSql(false)),
      protectionAsOf: sqlite.prepare(protectionSql(true)),
      started: sqlite.prepare(
        `SELECT count(*) AS n FROM women_model_replicas WHERE ${STANDING} AND started_on BETWEEN @from AND @to AND (@effectiveOn IS NULL OR started_on <= @effectiveOn)`,
      ),
      running: sqlite.prepare(
        `SELECT count(*) AS n, coalesce(sum(people_supported), 0) AS people FROM women_model_replicas
         WHERE ${STANDING} AND started_on <= @to AND (discontinued_on IS NULL OR discontinued_on >= @to) AND (@effectiveOn IS NULL OR started_on <= @effectiveOn)`,
      ),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

export const resolvers: Resolvers = {
  Query: {
    womenProtectionCase: (_, { id }, ctx) => recordsOf(ctx, protectionCases).byId(id),
  },
  Mutation: {
    updateWomenProtectionCase: (_, a, ctx) => {
      const repo = recordsOf(ctx, protectionCases);
      const current = repo.byId(a.id);
      // The end of support is recorded once; a wrong day is a correction of the record, said as such.
      if (current?.closedOn && a.input.closedOn != null) {
        throw inputProblems([
          {
            field: 'input.closedOn',
            message: `vụ việc đã kết thúc ngày ${fmtDate(current.closedOn as string)}; nếu ngày đó ghi sai, hãy đính chính bằng correctWomenProtectionCase.`,
            reason: 'ALREADY_CLOSED',
          },
        ]);
      }
      return repo.correct(a.id, a.input, a.reason);
    },
    discontinueWomenModelReplica: (_, a, ctx) => {
      const repo = recordsOf(ctx, modelReplicas);
      const current = repo.byId(a.id);
      if (current?.discontinuedOn)
        throw inputProblems([
          {
            field: 'on',
            message: `mô hình đã dừng từ ${fmtDate(current.discontinuedOn as string)}; nếu ngày đó ghi sai, hãy đính chính bằng correctWomenModelReplica.`,
            reason: 'ALREADY_CLOSED',
          },
        ]);
      return repo.correct(a.id, { discontinuedOn: a.on }, a.reason);
    },
  },
  WomenModelReplica: {
    original: () => ({ ...CHIENG_SON_MODEL, unit: territory().unit(CHIENG_SON_MODEL.unitId) }),
  },
  WomenUnitRecords: {
    protection: ({ unitId }, a, ctx) => {
      const w = windowOf(ctx, protectionCases, String(unitId), a);
      const st = statements(ctx);
      const rows = (w.asOf === null ? st.protection : st.protectionAsOf).all(w) as {
        kind: string;
        n: number;
        children: number;
        referred: number;
        closed: number;
      }[];
      const byKind = new Map(rows.map((r) => [r.kind, r]));
      const total = (k: 'n' | 'children' | 'referred' | 'closed') => rows.reduce((s, r) => s + Number(r[k]), 0);
      // The cells of the published set these figures are (@antt/disclosure's victims family): outsiders get its pattern.
      const cell = { family: 'victims', unitId: String(unitId), periodId: a.periodId, version: a.asRecordedAt || a.effectiveOn ? 'other' : 'current' };
      return tagCell(
        {
          count: total('n'),
          children: total('children'),
          referredToPolice: total('referred'),
          closed: total('closed'),
          byKind: Object.keys(PROTECTION_CASE_KINDS).map((kind) =>
            tagCell({ kind, count: Number(byKind.get(kind)?.n ?? 0) }, { ...cell, measures: { count: `by:${kind}` } }),
          ),
        },
        { ...cell, measures: { count: 'total', children: 'flag:children', referredToPolice: 'flag:referredToPolice', closed: 'flag:closed' } },
      );
    },
    modelReplicas: ({ unitId }, a, ctx) => {
      const w = windowOf(ctx, modelReplicas, String(unitId), a);
      const st = statements(ctx);
      const running = st.running.get(w) as { n: number; people: number };
      return { started: (st.started.get(w) as { n: number }).n, active: running.n, peopleSupported: running.people };
    },
  },
};
