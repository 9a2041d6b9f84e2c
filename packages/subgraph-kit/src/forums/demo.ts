/**
 * Demo forums and opinions: this organization's share of the set every organization's demo data agrees
 * on (packages/reference, demoForumsAndOpinions). Each keeps the id the shared registry gave it, so the
 * opinions other organizations keep point at its forums. Every record goes through the same checks as
 * a user's.
 */
import { demoForumsAndOpinions, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import { demoWriter } from '../records/demo.js';
import { forumKind, opinionKind } from './kind.js';

export function seedDemoForums(db: Db, org: OrganizationId, today: string): number {
  const all = demoForumsAndOpinions(today);
  const write = demoWriter(db, org, today);
  let n = 0;
  for (const f of all.forums.filter((x) => x.org === org)) {
    write(
      forumKind(org),
      {
        kind: f.kind,
        title: f.title ?? null,
        date: f.date,
        unitId: f.unitId,
        coHostIds: f.coHostIds ?? [],
        attendance: f.attendance,
        opinionsVoiced: f.opinionsVoiced ?? 0,
      },
      { id: f.id, recordedAt: `${f.date}T15:00:00.000Z` },
    );
    n++;
  }
  for (const o of all.opinions.filter((x) => x.org === org)) {
    write(
      opinionKind(org),
      {
        forumId: o.forumId,
        unitId: o.unitId,
        raisedOn: o.raisedOn,
        topic: o.topic,
        summary: o.summary,
        agency: o.agency ?? null,
        dueDate: o.dueDate,
        answer: o.answer ?? null,
        answeredOn: o.answeredOn ?? null,
      },
      { id: o.id, recordedAt: `${o.raisedOn}T16:00:00.000Z`, as: o.handedOverBy },
    );
    n++;
  }
  return n;
}
