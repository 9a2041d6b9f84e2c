/** Resolvers of help for people at risk beyond what the kind generates: its summary. */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { objectResolvers, recordsOf, type ResolverMap, type UnitRecordsParent } from '@antt/subgraph-kit';
import { atRiskSummary, atRiskSupportKind } from './kind.js';
import { cellsOfAtRisk } from '../disclosure.js';

export function atRiskSupportResolvers(org: OrganizationId): ResolverMap {
  const P = ORGANIZATIONS[org].typePrefix;
  return {
    [`${P}UnitRecords`]: objectResolvers<UnitRecordsParent>({
      atRiskSupport: ({ unitId }, a: { periodId: string; asRecordedAt?: string | null }, ctx) =>
        cellsOfAtRisk(atRiskSummary(recordsOf(ctx, atRiskSupportKind(org)), { unitId, ...a }), { unitId, ...a }),
    }),
  };
}
