export * from './table.js';
export * from './trail.js';
export * from './chain.js';
export * from './anchor.js';
