/** The tables of the women's union database: the shared ones (activities, the duties it shares with other organizations), then its own. */
import { kindTable } from '@antt/subgraph-kit';
import { modelReplicas, protectionCases, socialIssueActions } from '../kinds/index.js';

export { activities, auditLog, meta } from '@antt/subgraph-kit/tables';
export { reintegrationSupports, reintegrationVisits, atRiskSupports } from '@antt/casework/tables';

// The union's own kinds: their tables follow from their declarations (src/kinds). A protection case
// keeps its victim in its own columns (victim_*), erasable field by field; the victims' table of the
// code before was folded into it by migration 0004.
export const womenProtectionCases = kindTable(protectionCases.spec);
export const womenSocialIssueActions = kindTable(socialIssueActions.spec);
export const womenModelReplicas = kindTable(modelReplicas.spec);
