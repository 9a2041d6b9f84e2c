export * from './dates.js';
export * from './territory.js';
export * from './organizations.js';
export * from './periods.js';
export * from './plan-tasks.js';
export * from './demo-registry.js';
