/**
 * The shared tables alone: each member organization's src/db/schema.ts re-exports those it uses, so
 * drizzle-kit writes them into that organization's own migrations. Loaded by drizzle-kit, so nothing
 * here may import Apollo or the rest of the package.
 */
export { reintegrationSupports, reintegrationVisits } from './reintegration/table.js';
export { mediationTeams, mediationCases } from './mediation/table.js';
export { atRiskSupports } from './support/table.js';
export { tipHandovers } from './handovers/table.js';
export { bookkeeping } from './common/columns.js';
