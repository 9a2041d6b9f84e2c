/**
 * Every sensitive family's published set over the demo data, suppressed and audited by linear
 * programming: what the disclosure tests check for one district, and scripts/disclosure-audit.ts for the
 * whole province. AUDITED lists, per organization, the families whose tables its database holds: every
 * family with a source (FAMILY_SOURCES) is audited in every organization that keeps it
 * (test/security/disclosure-audit-coverage.test.ts checks that none is left out).
 */
import { openOrganizationDatabase, type OrganizationSubgraph } from '@antt/subgraph-kit';
import {
  CURRENT,
  FAMILY_SOURCES,
  auditPattern,
  disclosureParameters,
  enumerateFamily,
  suppressSet,
  type DisclosureParameters,
  type Scope,
} from '@antt/disclosure';
import { subgraph as elderly } from '@antt/elderly';
import { subgraph as farmers } from '@antt/farmers';
import { subgraph as police } from '@antt/police';
import { subgraph as veterans } from '@antt/veterans';
import { subgraph as women } from '@antt/women';
import { subgraph as youth } from '@antt/youth';

/** The shared casework module's families, kept by every organization that runs it. */
export const CASEWORK_FAMILIES = [
  'peopleAtRisk',
  'mediation',
  'tipHandovers',
  'reintegrationVisits',
  'reintegrationAssignments',
  'reintegrationOutcomes',
  'reintegrationSupported',
] as const;

/** The organizations whose families are audited, and which. */
export const AUDITED: readonly { org: string; subgraph: OrganizationSubgraph; families: readonly string[] }[] = [
  { org: 'police', subgraph: police, families: ['crimeTips', 'policeReintegration'] },
  // The women's union and the youth union run no mediation and hand over no tips through the module.
  { org: 'women', subgraph: women, families: ['victims', ...CASEWORK_FAMILIES.filter((f) => f !== 'mediation' && f !== 'tipHandovers')] },
  { org: 'youth', subgraph: youth, families: CASEWORK_FAMILIES.filter((f) => f !== 'mediation' && f !== 'tipHandovers') },
  ...(
    [
      ['veterans', veterans],
      ['farmers', farmers],
      ['elderly', elderly],
    ] as const
  ).map(([org, subgraph]) => ({ org, subgraph, families: CASEWORK_FAMILIES })),
];

/** One family's published set in one organization's demo database, suppressed and audited. */
export async function auditFamily(subgraph: OrganizationSubgraph, family: string, scope: Scope, params: DisclosureParameters = disclosureParameters()) {
  const source = FAMILY_SOURCES[family];
  if (!source) throw new Error(`no source for family ${family}`);
  const { sqlite } = openOrganizationDatabase(subgraph, { file: ':memory:', demo: true, today: scope.today });
  try {
    const t0 = performance.now();
    const set = enumerateFamily(source.tables, source.records(sqlite, [CURRENT]), scope);
    const pattern = await suppressSet(set, params);
    const suppressMillis = performance.now() - t0;
    const audit = await auditPattern(set, pattern, params);
    return { set, pattern, audit, suppressMillis, params };
  } finally {
    sqlite.close();
  }
}

/** The women's union's protection counts (the first family audited). */
export function auditVictims(scope: Scope, params = disclosureParameters()) {
  return auditFamily(women, 'victims', scope, params);
}
