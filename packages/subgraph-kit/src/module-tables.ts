/**
 * Tables of the shared modules every organization's database has besides activities (models, forums,
 * opinions). Each subgraph's drizzle.config.ts lists this file next to its own src/db/schema.ts, so
 * drizzle-kit writes the same migration into every subgraph; like tables.ts it imports no Apollo code.
 */
export { models } from './models/table.js';
export { forums, opinions } from './forums/table.js';
