// The default policy's root-cause rules, apart from the recovery rules (recovery.ts) so that the
// root-cause logger can name them without shipping the recovery rules (and money) to its first render.
import type { RecoveryPolicy } from './model.js';

/** The default policy's root-cause rules (R8 recurrence, R10 time limit), for widgets that need only these. */
export const DEFAULT_ROOT_CAUSE_POLICY: Pick<RecoveryPolicy, 'recurrence' | 'unresolvedLimitMinutes'> = {
  recurrence: { windowDays: 7, threshold: 5 },
  unresolvedLimitMinutes: 30,
};
