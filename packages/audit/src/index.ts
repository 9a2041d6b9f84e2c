export * from './table.js';
export * from './trail.js';
