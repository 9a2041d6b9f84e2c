/** The tables of the farmers' association database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { kindTable } from '@antt/subgraph-kit';
import { campaigns, plan447Results } from '../kinds/index.js';

export { activities, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, mediationTeams, mediationCases, atRiskSupports, tipHandovers } from '@antt/casework/tables';

// The farmers' own kinds: their tables follow from their declarations (src/kinds).
export const farmersPlan447Results = kindTable(plan447Results.spec);
export const farmersCampaigns = kindTable(campaigns.spec);
