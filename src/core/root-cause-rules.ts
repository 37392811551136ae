/**
 * Root-cause rules (R8, R10): routing to the department that caused the problem, recurrence, and
 * the time limit after which a manager is notified. Without the type-ahead (`taxonomy-search.ts`),
 * so a widget can load that on demand; `root-cause.ts` exports both.
 */
import type { Department, Interaction, RecurrenceCount, RecurrencePolicy } from './model.js';
import type { TaxonomyIndex } from './taxonomy-search.js';
import { plural, reason, type Reason } from './reasons.js';

/** R8: the department the problem is sent back to, so that it is fixed upstream. */
export function route(causeId: string, index: Pick<TaxonomyIndex, 'byId' | 'department'>): { department: Department | undefined; reasons: Reason[] } {
  const cause = index.byId(causeId);
  if (!cause) return { department: undefined, reasons: [reason('R8', 'unknown_cause', 'This root cause is not in the taxonomy.', { causeId })] };
  const department = index.department(cause.departmentId);
  if (!department) {
    return {
      department,
      reasons: [reason('R8', 'unknown_department', `No department is responsible for "${cause.label}" in the taxonomy.`, { causeId, departmentId: cause.departmentId })],
    };
  }
  return {
    department,
    reasons: [
      reason('R8', 'routed', `Sent back to ${department.name}, where "${cause.label}" is fixed upstream.`, {
        causeId,
        departmentId: department.id,
        department: department.name,
      }),
    ],
  };
}

/** R8: a root cause logged at least `threshold` times in the window is recurring. */
export function recurrence(
  counts: readonly RecurrenceCount[],
  causeId: string,
  policy: RecurrencePolicy,
): { recurring: boolean; count: number; windowDays: number; reasons: Reason[] } {
  let count = 0;
  for (const c of counts) if (c.causeId === causeId && Number.isFinite(c.count) && c.count > 0) count += c.count;
  const recurring = count >= policy.threshold;
  const facts = { causeId, count, windowDays: policy.windowDays, threshold: policy.threshold };
  return {
    recurring,
    count,
    windowDays: policy.windowDays,
    reasons: [
      recurring
        ? reason('R8', 'recurring', `Logged ${plural(count, 'time')} in ${policy.windowDays} days: this keeps happening; we repeat what we don't repair.`, facts)
        : reason('R8', 'not_recurring', `Logged ${plural(count, 'time')} in ${policy.windowDays} days (recurring at ${policy.threshold}).`, facts),
    ],
  };
}

/** R10: an interaction open past the limit and unresolved notifies a manager. */
export function timeLimit(
  interaction: Pick<Interaction, 'startedAt' | 'resolved'>,
  now: Date | number,
  limitMinutes: number,
): { overdue: boolean; minutesOpen: number; reasons: Reason[] } {
  const start = Date.parse(interaction.startedAt);
  const t = typeof now === 'number' ? now : now.getTime();
  if (!Number.isFinite(start) || !Number.isFinite(t)) {
    return { overdue: false, minutesOpen: 0, reasons: [reason('R10', 'unknown_start', 'The start time of this contact is unknown.', {})] };
  }
  const minutesOpen = Math.max(0, Math.floor((t - start) / 60_000));
  const facts = { minutesOpen, limitMinutes };
  if (interaction.resolved) return { overdue: false, minutesOpen, reasons: [reason('R10', 'resolved', 'Resolved.', facts)] };
  const overdue = minutesOpen > limitMinutes;
  return {
    overdue,
    minutesOpen,
    reasons: [
      overdue
        ? reason('R10', 'over_time_limit', `Open ${minutesOpen} minutes unresolved, over the ${limitMinutes}-minute limit: a manager is notified.`, facts)
        : reason('R10', 'within_time_limit', `Open ${minutesOpen} of ${limitMinutes} minutes.`, facts),
    ],
  };
}
