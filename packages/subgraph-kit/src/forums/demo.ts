/**
 * Demo forums and opinions: this organization's share of the set every organization's demo data agrees
 * on (packages/reference, demoForumsAndOpinions). Forums keep the number the shared registry gave them,
 * so the opinions other organizations keep point at them. Every row goes through the same validation
 * as a user's.
 */
import { demoForumsAndOpinions, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import { forums, opinions } from './table.js';
import { validateForum, validateOpinion } from './validate.js';

export function seedDemoForums(db: Db, org: OrganizationId, today: string): number {
  const all = demoForumsAndOpinions(today);
  const forumRows = all.forums
    .filter((f) => f.org === org)
    .map((f) => ({ ...validateForum(org, { ...f, note: null, branchId: null }, 'demo', today), id: f.n, demo: true, recordedBy: 'demo-data', recordedAt: `${f.date}T15:00:00.000Z` }));
  const opinionRows = all.opinions
    .filter((o) => o.org === org)
    .map((o) => {
      const { forumHost: _host, ...v } = validateOpinion(o, 'demo', today);
      return { ...v, id: o.n, handedOverBy: o.handedOverBy, answer: o.answer, answeredOn: o.answeredOn, answeredBy: o.answeredOn ? 'demo-data' : null, demo: true, recordedBy: 'demo-data', recordedAt: `${o.raisedOn}T16:00:00.000Z` };
    });
  db.transaction((tx) => {
    for (let i = 0; i < forumRows.length; i += 500) tx.insert(forums).values(forumRows.slice(i, i + 500)).run();
    for (let i = 0; i < opinionRows.length; i += 500) tx.insert(opinions).values(opinionRows.slice(i, i + 500)).run();
  });
  return forumRows.length + opinionRows.length;
}
