/** The tables of the elderly association database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { kindTable } from '@antt/subgraph-kit';
import { familyPledges } from '../kinds/index.js';

export { activities, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, mediationTeams, mediationCases, atRiskSupports, tipHandovers } from '@antt/casework/tables';

// The association's own kinds: their tables follow from their declarations (src/kinds).
export const elderlyFamilyPledges = kindTable(familyPledges.spec);
