/** The service-recovery rules as pure functions: no Lit, no DOM. */
export * from './model.js';
