/** The tables of the youth union database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { kindTable } from '@antt/subgraph-kit';
import { crimeForums, legalSessions, teams } from '../kinds/index.js';

export { activities, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, atRiskSupports } from '@antt/casework/tables';

// The youth union's own kinds: their tables follow from their declarations (src/kinds).
export const youthLegalSessions = kindTable(legalSessions.spec);
export const youthCrimeForums = kindTable(crimeForums.spec);
export const youthTeams = kindTable(teams.spec);
