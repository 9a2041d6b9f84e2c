/** Demo help for people at risk: a few records a month, in communes and residential areas of the map of the day. */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { HELP_KINDS, SUPPORTED_GROUPS, type HelpKind, type SupportedGroup } from '../catalogues.js';
import { DemoRandom, areasOf, demoMonths } from '@antt/reference';
import { demoMemberName } from '@antt/reference';
import { atRiskSupportKind } from './kind.js';

/** Youth help delinquent young people above all; the others people at risk and people who erred. */
const GROUPS: Partial<Record<OrganizationId, SupportedGroup[]>> = {
  youth: ['DELINQUENT_YOUTH', 'DELINQUENT_YOUTH', 'DELINQUENT_YOUTH', 'AFTER_DRUG_TREATMENT', 'AT_RISK'],
  women: ['AT_RISK', 'AT_RISK', 'ERRED', 'AFTER_DRUG_TREATMENT'],
};

export function seedDemoAtRiskSupport(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(155, org);
  const write = demoWriter(db, org, today);
  const groups = GROUPS[org] ?? (Object.keys(SUPPORTED_GROUPS) as SupportedGroup[]).filter((g) => g !== 'DELINQUENT_YOUTH');
  const kinds = Object.keys(HELP_KINDS) as HelpKind[];
  let n = 0;
  for (const month of demoMonths(today)) {
    for (let i = r.int(2, 6); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      const commune = r.commune(date);
      const areas = areasOf(commune.id, date);
      const unit = areas.length && r.chance(50) ? r.pick(areas) : commune;
      write(atRiskSupportKind(org), {
        date,
        unitId: unit.id,
        supportedGroup: r.pick(groups),
        help: r.some(kinds, 1, 3),
        peopleHelped: r.chance(70) ? 1 : r.int(2, 12),
        givenBy: r.chance(50) ? `Hội viên ${demoMemberName(r)}` : `${ORGANIZATIONS[org].branchPrefixVi} ${unit.name}`,
      });
      n++;
    }
  }
  return n;
}
