import { defineConfig } from 'drizzle-kit';

// The gateway's own database holds only its audit trail.
export default defineConfig({ dialect: 'sqlite', schema: '../packages/audit/src/table.ts', out: './drizzle' });
