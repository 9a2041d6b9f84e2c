/**
 * The shared casework module's sensitive families under disclosure control (@antt/disclosure; SECURITY.md,
 * "Disclosure control"): help for people at risk, mediation, tips handed to the police and reintegration
 * support, counted by every organization that runs the module. Their sources read exactly what the
 * summaries count, and the resolvers tag each figure with its cell (cellsOf*), so outsiders get the
 * audited pattern. Sums of people (people helped, parties) are tagged `sum(<the count's measure>)`: each
 * record weighs 1 or more, so a sum is shown exactly where its count is shown (serving.ts; SECURITY.md,
 * "Sums of people" says why that cannot reveal a hidden cell).
 *
 * Reintegration has four sources over its two tables, one per way of counting a record: visits by their
 * day (with the kinds of help given), supports by the day they were assigned, supports that ended by the
 * day of their outcome, and the distinct cases supported at some time in a period (casesSupported, and
 * by kind of supporter: supporters), each case counting in every period one of its supports overlaps
 * (distinctSpanSource).
 */
import { distinctSpanSource, recordTableSource, registerFamilySource, tagCell } from '@antt/subgraph-kit';
import {
  HANDOVER_SOURCES,
  HELP_KINDS,
  MEDIATION_CATEGORIES,
  MEDIATION_EXCLUSIONS,
  MEDIATION_RESULTS,
  REINTEGRATION_OUTCOMES,
  REINTEGRATION_SUPPORTER_KINDS,
  SUPPORTED_GROUPS,
} from './catalogues.js';
import type { AtRiskSupportSummary } from './support/kind.js';
import type { MediationSummary } from './mediation/kind.js';
import type { ReintegrationSummary } from './reintegration/kind.js';

const helpKinds = Object.keys(HELP_KINDS);
const groups = Object.keys(SUPPORTED_GROUPS);
const categories = Object.keys(MEDIATION_CATEGORIES).filter((k) => !MEDIATION_EXCLUSIONS[k as keyof typeof MEDIATION_EXCLUSIONS]);
const results = Object.keys(MEDIATION_RESULTS);
const sources = Object.keys(HANDOVER_SOURCES);
const outcomes = Object.keys(REINTEGRATION_OUTCOMES);
const helpFlags = Object.fromEntries(helpKinds.map((k) => [`help:${k}`, `help LIKE '%"${k}"%'`]));

registerFamilySource(
  'peopleAtRisk',
  recordTableSource({
    table: 'at_risk_supports',
    tables: { family: 'peopleAtRisk', breakdowns: groups, total: true, byBreakdown: true, flags: helpKinds.map((k) => `help:${k}`) },
    date: 'date',
    breakdown: 'supported_group',
    flags: helpFlags,
    weight: 'people_helped',
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
    weight: 'parties',
  }),
);

registerFamilySource(
  'tipHandovers',
  recordTableSource({
    table: 'tip_handovers',
    tables: { family: 'tipHandovers', breakdowns: sources, total: true, byBreakdown: true, flags: [] },
    date: 'date',
    breakdown: 'source',
  }),
);

registerFamilySource(
  'reintegrationVisits',
  recordTableSource({
    table: 'reintegration_visits',
    tables: { family: 'reintegrationVisits', breakdowns: ['VISIT'], total: true, byBreakdown: false, flags: helpKinds.map((k) => `help:${k}`) },
    unit: 'commune_id',
    date: 'visited_on',
    breakdown: "'VISIT'",
    flags: helpFlags,
  }),
);

registerFamilySource(
  'reintegrationAssignments',
  recordTableSource({
    table: 'reintegration_supports',
    tables: { family: 'reintegrationAssignments', breakdowns: ['ASSIGNED'], total: true, byBreakdown: false, flags: [] },
    unit: 'commune_id',
    date: 'assigned_on',
    breakdown: "'ASSIGNED'",
  }),
);

registerFamilySource(
  'reintegrationOutcomes',
  recordTableSource({
    table: 'reintegration_supports',
    tables: { family: 'reintegrationOutcomes', breakdowns: outcomes, total: false, byBreakdown: true, flags: [] },
    unit: 'commune_id',
    date: 'outcome_on',
    breakdown: 'outcome',
    where: 'outcome_on IS NOT NULL AND outcome IS NOT NULL',
  }),
);

registerFamilySource(
  'reintegrationSupported',
  distinctSpanSource({
    table: 'reintegration_supports',
    // 'CASES': every case supported; each kind of supporter: the cases it supported (a case with two kinds counts in both).
    tables: {
      family: 'reintegrationSupported',
      breakdowns: ['CASES', ...Object.keys(REINTEGRATION_SUPPORTER_KINDS)],
      total: false,
      byBreakdown: true,
      flags: [],
    },
    key: 'case_id',
    unit: 'commune_id',
    from: 'assigned_on',
    until: 'outcome_on',
    kind: 'supporter_kind',
    all: 'CASES',
  }),
);

interface Where {
  unitId: string;
  periodId: string;
  asRecordedAt?: string | null;
  effectiveOn?: string | null;
}
// Another instant or another day is outside the published set: its figures are hidden from outsiders.
const cellOf = (family: string, w: Where) => ({
  family,
  unitId: String(w.unitId),
  periodId: w.periodId,
  version: w.asRecordedAt || w.effectiveOn ? 'other' : 'current',
});

/** An at-risk summary with each figure tagged by its cell. */
export function cellsOfAtRisk(s: AtRiskSupportSummary, w: Where): AtRiskSupportSummary {
  const cell = cellOf('peopleAtRisk', w);
  return tagCell(
    {
      ...s,
      byGroup: s.byGroup.map((g) => tagCell({ ...g }, { ...cell, measures: { records: `by:${g.group}`, people: `sum(by:${g.group})` } })),
      help: s.help.map((h) => tagCell({ ...h }, { ...cell, measures: { count: `flag:help:${h.kind}` } })),
    },
    { ...cell, measures: { records: 'total', peopleHelped: 'sum(total)' } },
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
    { ...cell, measures: { received: 'total', parties: 'sum(total)' } },
  );
}

/** A handover summary (the generated counts: handovers, bySource) with each figure tagged by its cell. */
export function cellsOfHandovers(s: Record<string, unknown>, w: Where): Record<string, unknown> {
  const cell = cellOf('tipHandovers', w);
  const bySource = (s.bySource as { source: string }[]).map((b) => tagCell({ ...b }, { ...cell, measures: { count: `by:${b.source}` } }));
  return tagCell({ ...s, bySource }, { ...cell, measures: { handovers: 'total', count: 'total' } });
}

/**
 * A reintegration summary with its figures tagged by their cells: visits and the help they gave, new
 * assignments, outcomes, and the cases supported (casesSupported, and by kind of supporter).
 */
export function cellsOfReintegration(s: ReintegrationSummary, w: Where): ReintegrationSummary {
  const visits = cellOf('reintegrationVisits', w);
  const outcome = cellOf('reintegrationOutcomes', w);
  const supported = cellOf('reintegrationSupported', w);
  return tagCell(
    {
      ...s,
      supporters: s.supporters.map((k) => tagCell({ ...k }, { ...supported, measures: { cases: `by:${k.kind}` } })),
      help: s.help.map((h) => tagCell({ ...h }, { ...visits, measures: { count: `flag:help:${h.kind}` } })),
      outcomes: s.outcomes.map((o) => tagCell({ ...o }, { ...outcome, measures: { count: `by:${o.outcome}` } })),
    },
    // New assignments and the cases supported are other families' tables, on the same object.
    {
      ...visits,
      measures: { visits: 'total', newAssignments: 'total', casesSupported: 'by:CASES' },
      familyOf: { newAssignments: 'reintegrationAssignments', casesSupported: 'reintegrationSupported' },
    },
  );
}
