// The baggage policy's defaults, apart from the assessment (baggage.ts) so that the recovery rules can
// name them without shipping the assessment to a page that has none to make yet.
import type { BaggagePolicy } from './model.js';

/** Documented defaults; a host policy overrides any of them. */
export const DEFAULT_BAGGAGE_POLICY: BaggagePolicy = Object.freeze({
  windowDays: 365,
  recentDays: 90,
  severeScore: 1,
  poorScore: 2,
  callbackDays: 30,
  heavyPoints: 4,
});
