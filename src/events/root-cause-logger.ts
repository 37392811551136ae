/**
 * Events of `<mend-root-cause-logger>`. All bubble and are composed.
 */
import type { RootCauseLog } from '../adapter/host-adapter.js';
import type { Reason } from '../core/reasons.js';

/** `mend-time-limit`: the interaction ran past the policy's limit unresolved (R10). Once per interaction. */
export interface MendTimeLimitDetail {
  interactionId: string;
  customerId: string;
  minutesOpen: number;
  limitMinutes: number;
  /** Whether a `notifyManager` write was queued for the host (capability `notifyManager`). */
  notified: boolean;
  reasons: Reason[];
}

/** `mend-wrap-up-check`: the host asked whether the agent may wrap up, and what the logger answered. */
export interface MendWrapUpCheckDetail {
  interactionId: string;
  allow: boolean;
  message?: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A root-cause log was saved (stored in the outbox, or handed to the page without an adapter). */
    'mend-root-cause-log': CustomEvent<RootCauseLog>;
    'mend-time-limit': CustomEvent<MendTimeLimitDetail>;
    'mend-wrap-up-check': CustomEvent<MendWrapUpCheckDetail>;
  }
}
