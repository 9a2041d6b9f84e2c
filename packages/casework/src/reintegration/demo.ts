/**
 * Demo reintegration support: the member organizations support the police's demo cases (same ids, see
 * demoReintegrationCases), each case by one or two organizations, from 2021 to today.
 */
import { addDays, demoReintegrationCases, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { HELP_KINDS, type HelpKind, type ReintegrationOutcome } from '../catalogues.js';
import { DemoRandom, areasOf, communeAsOn, demoRandom } from '@antt/reference';
import { demoMemberName } from '@antt/reference';
import { reintegrationSupportKind, reintegrationVisitKind } from './kind.js';

export const SUPPORTING_ORGANIZATIONS: readonly OrganizationId[] = ['veterans', 'women', 'youth', 'farmers', 'elderly'];

/** Which organizations support a case: the same answer in every organization's database. */
export function demoSupportersOf(caseIndex: number): OrganizationId[] {
  const rng = demoRandom(49_2020 + caseIndex);
  const first = SUPPORTING_ORGANIZATIONS[rng.int(0, SUPPORTING_ORGANIZATIONS.length - 1)]!;
  const second = rng.int(0, 2) === 0 ? SUPPORTING_ORGANIZATIONS[rng.int(0, SUPPORTING_ORGANIZATIONS.length - 1)]! : first;
  return [...new Set([first, second])];
}

export function seedDemoReintegration(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(4920, org);
  const write = demoWriter(db, org, today);
  const kinds = (Object.keys(HELP_KINDS) as HelpKind[]).slice(0, 5);
  let n = 0;
  demoReintegrationCases(today).forEach((c, i) => {
    if (!demoSupportersOf(i).includes(org)) return;
    const assignedOn = addDays(c.returnedOn, r.int(3, 20));
    if (assignedOn > today) return;
    const communeId = communeAsOn(c.communeId, assignedOn);
    const group = r.chance(40);
    const area = areasOf(communeId, assignedOn)[0];
    const v = {
      caseId: c.id,
      communeId,
      assignedOn,
      supporterKind: group ? 'INTER_HOUSEHOLD_GROUP' : 'MENTOR',
      mentorName: group ? null : demoMemberName(r),
      groupName: group ? `Nhóm liên gia tự quản số ${r.int(1, 6)}${area ? `, ${area.name}` : ''}` : null,
    };
    // Some supports end 6 to 20 months in; the rest go on.
    const endsOn = r.chance(75) ? addDays(assignedOn, r.int(180, 600)) : null;
    const ended = endsOn !== null && endsOn <= today;
    const outcome: ReintegrationOutcome = r.chance(82) ? 'STABLE' : r.chance(60) ? 'MOVED_AWAY' : 'REOFFENDED';
    const support = write(reintegrationSupportKind(org), { ...v, outcome: ended ? outcome : null, outcomeOn: ended ? endsOn : null });
    n++;
    for (let d = addDays(assignedOn, r.int(7, 30)); d <= today && (!ended || d <= endsOn!); d = addDays(d, r.int(25, 70))) {
      const help = r.chance(35) ? [] : r.some(kinds, 1, 2);
      write(reintegrationVisitKind(org), { supportId: support.id, visitedOn: d, help });
      n++;
    }
  });
  return n;
}
