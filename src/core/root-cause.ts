/**
 * Root causes (R8, R10): the type-ahead over the taxonomy (`taxonomy-search.ts`), routing to the
 * department that caused the problem, recurrence, and the time limit after which a manager is
 * notified (`root-cause-rules.ts`), and the cause suggested from an open incident (`root-cause-suggest.ts`).
 */
export * from './root-cause-rules.js';
export * from './taxonomy-search.js';
export * from './root-cause-suggest.js';
