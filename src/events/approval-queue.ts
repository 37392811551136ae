import type { ApprovalItem } from '../adapter/lead.js';

/** Detail of `mend-approval-requested`: a new spend waits for a lead. */
export interface MendApprovalRequestedDetail {
  item: ApprovalItem;
  /** Spends now waiting. */
  count: number;
}

/** Detail of `mend-approval-decided`: a spend left the queue. */
export interface MendApprovalDecidedDetail {
  entryId: string;
  /** Approved or declined; null when the host only said another lead was first. */
  approved: boolean | null;
  /** Decided here (false: another lead was first). */
  mine: boolean;
  decidedBy?: string;
  /** Spends still waiting. */
  count: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A new spend waits for a decision. When: it arrives live (not for the first load). How often: once per new spend. */
    'mend-approval-requested': CustomEvent<MendApprovalRequestedDetail>;
    /**
     * A spend left the queue. When: after this lead's decision reached the host, or when another
     * lead's decision is heard. How often: once per spend.
     */
    'mend-approval-decided': CustomEvent<MendApprovalDecidedDetail>;
  }
}
