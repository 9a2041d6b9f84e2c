/** Disclosure control over the published set of sensitive aggregates (SECURITY.md, "Disclosure control"). */
export * from './config.js';
export * from './model.js';
export * from './lp.js';
export * from './published-set.js';
export * from './suppress.js';
export * from './sources.js';
export * from './serving.js';
export * from './solver.js';
