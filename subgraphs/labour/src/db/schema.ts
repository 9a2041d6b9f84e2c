/** The tables of the labour federation's database: the shared ones (activities), then its own. */
import { kindTable } from '@antt/subgraph-kit';
import { boardingHouseChecks, boardingHouses, coreTeams, disputes, participations } from '../kinds/index.js';

export { activities, auditLog, meta } from '@antt/subgraph-kit/tables';

// The labour federation's own kinds: their tables follow from their declarations (src/kinds).
export const labourParticipations = kindTable(participations.spec);
export const labourCoreTeams = kindTable(coreTeams.spec);
export const labourBoardingHouses = kindTable(boardingHouses.spec);
export const labourBoardingHouseChecks = kindTable(boardingHouseChecks.spec);
export const labourDisputes = kindTable(disputes.spec);
