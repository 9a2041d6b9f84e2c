/** The tables of the veterans database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { kindTable } from '@antt/subgraph-kit';
import { condemnationForums, patrols } from '../kinds/index.js';

export { activities, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, mediationTeams, mediationCases, atRiskSupports, tipHandovers } from '@antt/casework/tables';

// The veterans' own kinds: their tables follow from their declarations (src/kinds).
export const veteransPatrols = kindTable(patrols.spec);
export const veteransCondemnationForums = kindTable(condemnationForums.spec);
