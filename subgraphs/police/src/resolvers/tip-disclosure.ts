/**
 * Crime tips under disclosure control (@antt/disclosure; SECURITY.md, "Disclosure control"): the tip
 * counts (Unit.police.tipCounts, by category and status) are one table of category × status, whose
 * source reads what the resolver counts (tips received in the period, current active versions, by their
 * status now). Outsiders get the audited pattern; a pair the resolver leaves out is a zero they see.
 */
import { recordTableSource, registerFamilySource, tagCell } from '@antt/subgraph-kit';
import { crimeTips, TIP_STATUSES } from '../kinds/index.js';

const categories = Object.keys((crimeTips.spec.fields.category as unknown as { catalogue: Record<string, string> }).catalogue);
const statuses = Object.keys(TIP_STATUSES);

registerFamilySource(
  'crimeTips',
  recordTableSource({
    table: 'crime_tips',
    tables: { family: 'crimeTips', breakdowns: categories.flatMap((c) => statuses.map((s) => `${c}|${s}`)), total: false, byBreakdown: true, flags: [] },
    date: 'received_on',
    breakdown: "category || '|' || tip_status",
  }),
);

/** The tip counts of a unit and period, each tagged with its cell. */
export function tipCountCells<T extends { category: string; status: string }>(rows: T[], unitId: string, periodId: string): T[] {
  return rows.map((r) => tagCell({ ...r }, { family: 'crimeTips', unitId, periodId, version: 'current', measures: { count: `by:${r.category}|${r.status}` } }));
}
