/** The service-recovery rules as pure functions: no Lit, no DOM. */
export * from './model.js';
export * from './reasons.js';
export * from './money.js';
export * from './money-parse.js';
export * from './fund.js';
export * from './baggage.js';
export * from './recovery.js';
export * from './root-cause.js';
export * from './report.js';
