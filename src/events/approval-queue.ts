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
    'mend-approval-requested': CustomEvent<MendApprovalRequestedDetail>;
    'mend-approval-decided': CustomEvent<MendApprovalDecidedDetail>;
  }
}
