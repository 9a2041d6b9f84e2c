/**
 * The shared tables alone, without the rest of the kit: drizzle-kit loads each subgraph's
 * src/db/schema.ts, which re-exports these, and must not pull in Apollo or the HTTP server.
 */
export { activities, meta } from './activities/table.js';
export { auditLog } from '@antt/audit/table';
