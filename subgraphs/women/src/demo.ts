/**
 * Demo data of the women's union's own records, 2021 to today, through the same checks as a user's:
 * protection cases (with invented victims, marked as demo data), actions of the 2017-2027 project, and
 * replicas of the Chiềng Sơn model, always one in the plan's model commune Chiềng Pha.
 */
import { DemoRandom, areasOf, communesOn, demoMemberName, demoMonths, demoTipReceipts } from '@antt/reference';
import { addDays, territory, unitId, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import {
  CHIENG_SON_MODEL,
  PROTECTION_CASE_KINDS,
  PROTECTION_SUPPORT,
  SOCIAL_ISSUES,
  SOCIAL_ISSUE_FORMS,
  modelReplicas,
  protectionCases,
  socialIssueActions,
} from './kinds/index.js';

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(2017, org);
  const write = demoWriter(db, org, today);
  const kinds = Object.keys(PROTECTION_CASE_KINDS);
  const supports = Object.keys(PROTECTION_SUPPORT);
  const issues = Object.keys(SOCIAL_ISSUES);
  const forms = Object.keys(SOCIAL_ISSUE_FORMS);
  // Cases handed to the police name the receipts of the police's demo tips (demoTipReceipts), in order.
  const receipts = demoTipReceipts(org, today).map((t) => t.receiptId);
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
      const closedOn = addDays(openedOn, r.int(20, 200));
      write(protectionCases, {
        openedOn,
        unitId: unit.id,
        kind,
        victimIsChild: child,
        victimFullName: demoMemberName(r, kind !== 'CHILD_ABUSE' || r.chance(70)),
        victimYearOfBirth: child ? year - r.int(6, 14) : year - r.int(18, 60),
        victimContact: r.chance(50) ? `09${r.int(10_000_000, 99_999_999)}` : null,
        support: r.some(supports, 1, 3),
        tipReceiptId: kind === 'TRAFFICKING' || kind === 'SEXUAL_ABUSE' || r.chance(20) ? (receipts.shift() ?? null) : null,
        closedOn: closedOn <= today ? closedOn : null,
      });
      n++;
    }
    for (let i = r.int(3, 8); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      write(socialIssueActions, { date, unitId: r.commune(date).id, issue: r.pick(issues), form: r.pick(forms), participants: r.int(10, 150) });
      n++;
    }
  }
  // Replication of the Chiềng Sơn model: the 2021 focus, continued in 2022 and 2023.
  const replicaCommunes = [
    unitId.oldCommune('03730'),
    ...r.some(
      communesOn('2021-01-01')
        .filter((c) => c.code !== '03985')
        .map((c) => c.id),
      14,
      14,
    ),
  ];
  replicaCommunes.forEach((communeId, i) => {
    const startedOn = addDays('2021-06-01', i * 45 + r.int(0, 30));
    if (startedOn > today) return;
    const stoppedOn = addDays(startedOn, r.int(400, 1200));
    const stops = i > 0 && r.chance(20) && stoppedOn <= today;
    write(modelReplicas, {
      startedOn,
      unitId: communeId,
      name: `${CHIENG_SON_MODEL.name} (${territory().unit(communeId)!.name})`,
      peopleSupported: r.int(2, 15),
      discontinuedOn: stops ? stoppedOn : null,
    });
    n++;
  });
  return n;
}
