/**
 * The women's six-month report cycle as the gateway's kept-answer tests drive it (stale-reports.e2e,
 * approved-answers.e2e): a commune's staff record and submit, the district approves; each step through
 * the gateway or, with `direct`, on the subgraph itself as its own staff would; and the gateway's audit
 * entries of one outcome read back from its trail.
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { CHIENG_PHA, THUAN_CHAU, staff } from '@antt/testing';
import { post, type Federation, type GraphQLResponse } from './federation.js';

export const commune = staff('women', CHIENG_PHA);
export const district = staff('women', THUAN_CHAU);
export type Report = { id: string; reportVersion: number; stage: string };
type Caller = Parameters<typeof post>[3];
export type Send = <T>(query: string, variables: Record<string, unknown>, who: Caller) => Promise<GraphQLResponse<T>>;

export const READ_REPORTS = `query ($u: ID!, $p: ID!) { r: womenReports(unitId: $u, periodId: $p) { id reportVersion stage } }`;

/** The cycle of one period for Chiềng Pha, on a running federation (`fed()` once started). */
export function womenReportCycle(fed: () => Federation, periodId: string, topic = 'Phòng, chống lừa đảo') {
  const gq: Send = (query, variables, who) => post(fed().gateway.url, query, variables, who);
  const direct: Send = (query, variables, who) => post(fed().subgraphs.women.url, query, variables, who);
  return {
    gq,
    direct,
    /** The commune's reports of the period, as the district (or `who`) reads them. */
    read: (who: Caller = district, send: Send = gq) => send<{ r: Report[] }>(READ_REPORTS, { u: CHIENG_PHA, p: periodId }, who),
    /** An activity of the commune on `date`; `reason` is needed once the period is locked. */
    record: (date: string, reason: string | null, participants: number, send: Send = gq) =>
      send(
        `mutation ($i: RecordWomenActivityInput!, $r: String) { r: recordWomenActivity(input: $i, reason: $r) { id } }`,
        { i: { type: 'PROPAGANDA', topic, date, unitId: CHIENG_PHA, participants }, r: reason },
        commune,
      ),
    /** The commune submits the period's report; its version. */
    submit: async (send: Send = gq): Promise<Report> => {
      const res = await send<{ r: Report }>(
        `mutation ($u: ID!, $p: ID!) { r: submitWomenReport(unitId: $u, periodId: $p, input: { results: "Đã tuyên truyền" }) { id reportVersion stage } }`,
        { u: CHIENG_PHA, p: periodId },
        commune,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.r;
    },
    /** The district approves a version. */
    approve: async (id: string, send: Send = gq) => {
      const res = await send<{ r: { stage: string } }>(`mutation ($id: ID!) { r: approveWomenReport(id: $id) { stage } }`, { id }, district);
      expect(res.data?.r.stage).toBe('APPROVED');
    },
  };
}

/** The gateway's audit entries with one outcome, oldest first: who, and the record ids (JSON). */
export function auditsWithOutcome(auditFile: string, outcome: string): { userId: string; recordIds: string }[] {
  const db = new Database(auditFile, { readonly: true });
  try {
    return db.prepare(`SELECT user_id AS userId, record_ids AS recordIds FROM audit_log WHERE outcome = ? ORDER BY id`).all(outcome) as {
      userId: string;
      recordIds: string;
    }[];
  } finally {
    db.close();
  }
}

/** Waits until the gateway's readiness says the women's subgraph was probed after `since` (ms); returns when. */
export async function probedAfter(fed: Federation, since: number): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const ready = (await (await fetch(new URL('/ready', fed.gateway.url))).json()) as { reportsCheckedAt: Record<string, string | null> };
    const at = ready.reportsCheckedAt.women;
    if (at && Date.parse(at) > since) return Date.parse(at);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The gateway never probed the subgraph.');
}
