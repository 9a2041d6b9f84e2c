/**
 * Tables of the shared kinds every organization's database has besides activities (models, forums,
 * opinions, reports, implementing plans), made from their declarations. Each subgraph's drizzle.config.ts lists this file next to its
 * own src/db/schema.ts, so drizzle-kit writes the same migration into every subgraph; like tables.ts it
 * imports no Apollo code. Whichever organization a kind is made for, its table is the same.
 */
import { kindTable } from './records/table.js';
import { modelKind } from './models/kind.js';
import { forumKind, opinionKind } from './forums/kind.js';
import { reportKind } from './reports/kind.js';
import { implementingPlanKind } from './plans/kind.js';

export const models = kindTable(modelKind('front').spec);
export const forums = kindTable(forumKind('front').spec);
export const opinions = kindTable(opinionKind('front').spec);
export const reports = kindTable(reportKind('front').spec);
export const implementingPlans = kindTable(implementingPlanKind('front').spec);

// References to other organizations' records not yet confirmed by their owner (references/table.ts).
export { referenceChecks, referenceCheckStates } from './references/table.js';
