export * from './catalogues.js';
export * from './modules.js';
export * from './reintegration/kind.js';
export * from './reintegration/demo.js';
export * from './mediation/kind.js';
export * from './support/kind.js';
export * from './handovers/kind.js';
export * from './disclosure.js';
