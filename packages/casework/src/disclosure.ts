/**
 * The shared casework module's sensitive families under disclosure control (@antt/disclosure; SECURITY.md,
 * "Disclosure control"): help for people at risk and mediation, counted by every organization that runs
 * the module. Their sources read exactly what atRiskSummary and mediationSummary count, and the resolvers
 * tag each figure with its cell (cellsOf*), so outsiders get the audited pattern. Sums of people (people
 * helped, parties) are not counts of records, which the published set's program is made of: they are
 * outside the set, so outsiders never get them (the organization's staff, leadership and the
 * consolidators do).
 */
import { recordTableSource, registerFamilySource, tagCell } from '@antt/subgraph-kit';
import { HELP_KINDS, MEDIATION_CATEGORIES, MEDIATION_EXCLUSIONS, MEDIATION_RESULTS, SUPPORTED_GROUPS } from './catalogues.js';
import type { AtRiskSupportSummary } from './support/kind.js';
import type { MediationSummary } from './mediation/kind.js';

const helpKinds = Object.keys(HELP_KINDS);
const groups = Object.keys(SUPPORTED_GROUPS);
const categories = Object.keys(MEDIATION_CATEGORIES).filter((k) => !MEDIATION_EXCLUSIONS[k as keyof typeof MEDIATION_EXCLUSIONS]);
const results = Object.keys(MEDIATION_RESULTS);

registerFamilySource(
  'peopleAtRisk',
  recordTableSource({
    table: 'at_risk_supports',
    tables: { family: 'peopleAtRisk', breakdowns: groups, total: true, byBreakdown: true, flags: helpKinds.map((k) => `help:${k}`) },
    date: 'date',
    breakdown: 'supported_group',
    flags: Object.fromEntries(helpKinds.map((k) => [`help:${k}`, `help LIKE '%"${k}"%'`])),
  }),
);

registerFamilySource(
  'mediation',
  recordTableSource({
    table: 'mediation_cases',
    tables: {
      family: 'mediation',
      breakdowns: [],
      total: true,
      byBreakdown: false,
      flags: [],
      // One breakdown value per category and result: both margins are published, and the audit sees them as one table.
      groups: {
        ...Object.fromEntries(categories.map((c) => [`by:${c}`, (b: string) => b.startsWith(`${c}|`)])),
        ...Object.fromEntries(results.map((r) => [`result:${r}`, (b: string) => b.endsWith(`|${r}`)])),
      },
    },
    date: 'received_on',
    breakdown: "category || '|' || coalesce(result, 'PENDING')",
  }),
);

interface Where {
  unitId: string;
  periodId: string;
  asRecordedAt?: string | null;
}
const cellOf = (family: string, w: Where) => ({ family, unitId: String(w.unitId), periodId: w.periodId, version: w.asRecordedAt ? 'other' : 'current' });

/** An at-risk summary with each figure tagged by its cell. */
export function cellsOfAtRisk(s: AtRiskSupportSummary, w: Where): AtRiskSupportSummary {
  const cell = cellOf('peopleAtRisk', w);
  return tagCell(
    {
      ...s,
      byGroup: s.byGroup.map((g) => tagCell({ ...g }, { ...cell, measures: { records: `by:${g.group}`, people: `sum:people:${g.group}` } })),
      help: s.help.map((h) => tagCell({ ...h }, { ...cell, measures: { count: `flag:help:${h.kind}` } })),
    },
    { ...cell, measures: { records: 'total', peopleHelped: 'sum:people' } },
  );
}

/** A mediation summary with each sensitive figure tagged by its cell (teams and mediators are not sensitive). */
export function cellsOfMediation(s: MediationSummary, w: Where): MediationSummary {
  const cell = cellOf('mediation', w);
  return tagCell(
    {
      ...s,
      byCategory: s.byCategory.map((c) => tagCell({ ...c }, { ...cell, measures: { count: `by:${c.category}` } })),
      byResult: s.byResult.map((r) => tagCell({ ...r }, { ...cell, measures: { count: `result:${r.result}` } })),
    },
    { ...cell, measures: { received: 'total', parties: 'sum:parties' } },
  );
}
