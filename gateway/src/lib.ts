export * from './server.js';
export * from './paths.js';
export { SUBGRAPHS } from './subgraphs.js';
export { compose, composeOrThrow } from './compose.js';
export * from './data-classes.js';
export * from './dashboard-operations.js';
export * from './policy.js';
export * from './fallback.js';
export * from './config.js';
