export * from './users.js';
export * from './subgraph.js';
export * from './suite.js';
export * from './movement-suite.js';
