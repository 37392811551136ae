/**
 * Events of `<mend-root-cause-logger>`. All bubble and are composed.
 */
import type { RootCauseLog } from '../adapter/host-adapter.js';
import type { Reason } from '../core/reasons.js';

/**
 * `mend-time-limit`: the interaction ran past the policy's limit unresolved (R10).
 *
 * When: with a host that takes `notifyManager`, after the manager's notice is stored in the outbox
 * (`notified: true`) or found it could not be (`notified: false`); otherwise when the check finds it
 * overdue. How often: once per interaction (per session; per element without an adapter).
 */
export interface MendTimeLimitDetail {
  interactionId: string;
  customerId: string;
  minutesOpen: number;
  limitMinutes: number;
  /** Whether a `notifyManager` write is stored for the host (capability `notifyManager`). */
  notified: boolean;
  reasons: Reason[];
}

/**
 * `mend-wrap-up-check`: the host asked whether the agent may wrap up, and what the logger answered.
 * When: after the answer is decided, each time `checkWrapUp()` runs (the host's wrap-up guard or the page).
 */
export interface MendWrapUpCheckDetail {
  interactionId: string;
  allow: boolean;
  message?: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * A root-cause log was saved. When: after it is stored in the durable outbox (host `logRootCause`),
     * or, without one, at submit (the event is the log). Not when storing failed. How often: once per
     * log (idempotency key); again only for an edited log the agent resends after the host refused it.
     */
    'mend-root-cause-log': CustomEvent<RootCauseLog>;
    'mend-time-limit': CustomEvent<MendTimeLimitDetail>;
    'mend-wrap-up-check': CustomEvent<MendWrapUpCheckDetail>;
  }
}
