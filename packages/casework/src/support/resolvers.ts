/** Resolvers of help for people at risk beyond what the kind generates: its summary. */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { recordsOf, type SubgraphContext } from '@antt/subgraph-kit';
import { atRiskSummary, atRiskSupportKind } from './kind.js';

export function atRiskSupportResolvers(org: OrganizationId) {
  const P = ORGANIZATIONS[org].typePrefix;
  return {
    [`${P}UnitRecords`]: {
      atRiskSupport: ({ unitId }: { unitId: string }, a: { periodId: string; asRecordedAt?: string | null }, ctx: SubgraphContext) =>
        atRiskSummary(recordsOf(ctx, atRiskSupportKind(org)), { unitId, ...a }),
    },
  };
}
