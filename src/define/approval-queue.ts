import { MendApprovalQueue } from '../components/approval-queue/approval-queue.js';
import { define } from './define.js';

define('mend-approval-queue', MendApprovalQueue);

export { MendApprovalQueue };
export { approvalQueueStrings } from '../components/approval-queue/approval-queue.js';
export { APPROVAL_STATES, type ApprovalState, type DecidedApproval, type QueuedApproval } from '../controllers/approvals.js';
export type { ApprovalItem, ApprovalDecided, ApprovalDecision } from '../adapter/lead.js';
export type { MendApprovalRequestedDetail, MendApprovalDecidedDetail } from '../events/approval-queue.js';

declare global {
  interface HTMLElementTagNameMap {
    'mend-approval-queue': MendApprovalQueue;
  }
}
