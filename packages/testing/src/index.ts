export * from './users.js';
export * from './subgraph.js';
export * from './suite.js';
export * from './models-forums-suite.js';
export * from './results.js';
