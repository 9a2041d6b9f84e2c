import { defineConfig } from 'drizzle-kit';

// The shared modules' tables (models, forums, opinions) come from the kit, next to the subgraph's own
// schema, so that drizzle-kit writes them into this subgraph's migrations too.
export default defineConfig({ dialect: 'sqlite', schema: ['./src/db/schema.ts', '../../packages/subgraph-kit/src/module-tables.ts'], out: './drizzle' });
