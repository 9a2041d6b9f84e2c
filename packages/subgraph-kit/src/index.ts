export * from './db.js';
export * from './config.js';
export * from './http.js';
export * from './node-route.js';
export * from './pages.js';
export * from './tracing.js';
export * from './scalars.js';
export * from './context.js';
export * from './reference-schema.js';
export * from './organization-subgraph.js';
export * from './activities/table.js';
export * from './activities/kind.js';
export * from './models/kind.js';
export * from './forums/kind.js';
export * from './activities/types.js';
export * from './activities/schema.js';
export * from './activities/resolvers.js';
export * from './activities/demo.js';
export * from './validation.js';
export * from './bulk.js';
export * from './data-class.js';
export * from './audit-plugin.js';
export * from './writes.js';
export * from './federation-guard.js';
export * from './edge.js';
export * from './audit-schema.js';
export * from './check.js';
export * from './refs.js';
export * from './resolver-map.js';
export * from './models-and-forums.js';
export * from './models/schema.js';
export * from './models/resolvers.js';
export * from './models/demo.js';
export * from './forums/schema.js';
export * from './forums/resolvers.js';
export * from './forums/demo.js';
export * from './records/index.js';
export * from './errors/contract.js';
export * from './errors/translate.js';
export * from './cost.js';
export * from './backup.js';
export * from './observability.js';
export * from './reports/index.js';
export * from './reports/watermark.js';
export * from './plans/kind.js';
export * from './execution-bound.js';
export * from './service-http.js';
export * from './references/check.js';
export * from './references/services.js';
export * from './references/pending.js';
export * from './references/table.js';
export { POLICE_HOTSPOT } from './references/spec.js';
/** Resolvers tag the figures of the published set with their cells; data-class.ts serves them by the pattern. */
export {
  distinctSpanSource,
  recordTableSource,
  registerFamilySource,
  registerFieldCell,
  tableFingerprint,
  tagCell,
  writeStamp,
  type CellRef,
  type SqlReader,
} from '@antt/disclosure';
