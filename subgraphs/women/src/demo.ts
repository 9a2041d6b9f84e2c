/**
 * Demo data of the women's union's own records, 2021 to today: protection cases (with invented victims,
 * marked as demo data), actions of the 2017-2027 project, and replicas of the Chiềng Sơn model, always
 * one in the plan's model commune Chiềng Pha.
 */
import { eq } from 'drizzle-orm';
import { Check, DemoRandom, areasOf, communesOn, demoMemberName, demoMonths } from '@antt/duties';
import { addDays, unitId, type OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { womenModelReplicas, womenProtectionCases, womenProtectionVictims, womenSocialIssueActions } from './db/schema.js';
import { PROTECTION_CASE_KINDS, PROTECTION_SUPPORT, SOCIAL_ISSUES, SOCIAL_ISSUE_FORMS, type ProtectionCaseKind, type ProtectionSupport, type SocialIssue, type SocialIssueForm } from './data/catalogues.js';
import { validateProtectionCase, validateVictim } from './data/protection-repository.js';
import { validateSocialIssueAction } from './data/social-issue-repository.js';
import { validateModelReplica } from './data/model-replica-repository.js';

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(2017, org);
  const check = new Check('input', today);
  const mark = (d: string) => ({ demo: true, recordedBy: 'demo-data', recordedAt: `${d}T09:30:00.000Z` });
  const kinds = Object.keys(PROTECTION_CASE_KINDS) as ProtectionCaseKind[];
  const supports = Object.keys(PROTECTION_SUPPORT) as ProtectionSupport[];
  const issues = Object.keys(SOCIAL_ISSUES) as SocialIssue[];
  const forms = Object.keys(SOCIAL_ISSUE_FORMS) as SocialIssueForm[];
  let n = 0;
  for (const month of demoMonths(today)) {
    for (let i = r.int(1, 5); i > 0; i--) {
      const openedOn = r.dayOf(month, today);
      if (!openedOn) continue;
      const commune = r.commune(openedOn);
      const unit = r.pick(areasOf(commune.id, openedOn).concat(commune));
      const kind = r.pick(kinds);
      const child = kind === 'CHILD_ABUSE' || r.chance(15);
      const year = Number(openedOn.slice(0, 4));
      const input = {
        openedOn, unitId: unit.id, kind, victimIsChild: child,
        victim: { fullName: demoMemberName(r, kind !== 'CHILD_ABUSE' || r.chance(70)), yearOfBirth: child ? year - r.int(6, 14) : year - r.int(18, 60), contact: r.chance(50) ? `09${r.int(10_000_000, 99_999_999)}` : null },
        support: r.some(supports, 1, 3),
        tipReceiptId: kind === 'TRAFFICKING' || kind === 'SEXUAL_ABUSE' || r.chance(20) ? `DEMO-BN-WOMEN-${openedOn.replaceAll('-', '')}-${i}` : null,
      };
      const v = validateProtectionCase(org, input, check);
      const victim = validateVictim(input.victim, openedOn, child, check);
      const closedOn = addDays(openedOn, r.int(20, 200));
      const row = db.insert(womenProtectionCases).values({ ...v, closedOn: closedOn <= today ? closedOn : null, ...mark(openedOn) }).returning().get();
      db.insert(womenProtectionVictims).values({ caseId: row.id, ...victim }).run();
      n += 2;
    }
    const actions = [];
    for (let i = r.int(3, 8); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      actions.push(validateSocialIssueAction(org, { date, unitId: r.commune(date).id, issue: r.pick(issues), form: r.pick(forms), participants: r.int(10, 150) }, check));
    }
    if (actions.length) db.insert(womenSocialIssueActions).values(actions.map((v) => ({ ...v, ...mark(v.date) }))).run();
    n += actions.length;
  }
  // Replication of the Chiềng Sơn model: the 2021 focus, continued in 2022 and 2023.
  const replicaCommunes = [unitId.oldCommune('03730'), ...r.some(communesOn('2021-01-01').filter((c) => c.code !== '03985').map((c) => c.id), 14, 14)];
  replicaCommunes.forEach((communeId, i) => {
    const startedOn = addDays('2021-06-01', i * 45 + r.int(0, 30));
    if (startedOn > today) return;
    const row = db.insert(womenModelReplicas).values({ ...validateModelReplica(org, { startedOn, unitId: communeId, peopleSupported: r.int(2, 15) }, check), ...mark(startedOn) }).returning().get();
    const stoppedOn = addDays(startedOn, r.int(400, 1200));
    if (i > 0 && r.chance(20) && stoppedOn <= today) db.update(womenModelReplicas).set({ discontinuedOn: stoppedOn }).where(eq(womenModelReplicas.id, row.id)).run();
    n++;
  });
  return n;
}
