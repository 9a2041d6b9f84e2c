/**
 * The shared tables alone, without the rest of the kit: drizzle-kit loads each subgraph's
 * src/db/schema.ts, which re-exports these, and must not pull in Apollo or the HTTP server.
 */
export { activities, meta } from './activities/table.js';
export { auditLog } from '@antt/audit/table';
// Only the Front's database has it (the subgraph that issues the consolidated report): its schema.ts re-exports it.
export { consolidatedReportNumbers } from './reports/numbers-table.js';
