export * from './errors.js';
export * from './identity.js';
export * from './keys.js';
export * from './tokens.js';
export * from './scope.js';
export * from './demo-users.js';
export * from './field-cipher.js';
export * from './data-classes.js';
