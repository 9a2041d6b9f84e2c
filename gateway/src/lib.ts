export * from './server.js';
export * from './paths.js';
export { SUBGRAPHS } from './subgraphs.js';
export { compose, composeOrThrow } from './compose.js';
