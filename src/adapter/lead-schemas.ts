/**
 * Validation of the lead capabilities' answers and events (zod/mini), loaded on first use by
 * {@link leadHost}: a page with only agent widgets never downloads it. A malformed answer becomes
 * `HostError('invalid_response')` naming the first bad field, like `parseHostAnswer`.
 */
import * as z from 'zod/mini';
import { BAGGAGE_LEVELS } from '../core/model.js';
import { AgentSchema, fields, parseWith } from './schemas.js';
import type { ApprovalDecided, ApprovalDecision, ApprovalItem, ApprovalRequested, ReportData } from './lead.js';

const { id, text, isoDate, minor, currency } = fields;

export const ApprovalItemSchema = z.object({
  entryId: id,
  agentId: id,
  agentName: text(200),
  interactionId: id,
  customerId: z.optional(id),
  customerName: z.optional(text(200)),
  baggage: z.optional(z.enum(BAGGAGE_LEVELS)),
  amount: minor,
  currency,
  threshold: minor,
  remaining: z.int(),
  reason: text(200),
  note: z.optional(text(1000)),
  requestedAt: isoDate,
  waitingSince: isoDate,
});

export const ApprovalDecidedSchema = z.object({
  entryId: id,
  agentId: id,
  approved: z.boolean(),
  decidedBy: id,
  note: z.optional(text(1000)),
});

/** What a host receives (for hosts that validate writes with the same schema, e.g. the service). */
export const ApprovalDecisionSchema = z.object({
  idempotencyKey: id,
  interactionId: id,
  customerId: z.string().check(z.maxLength(256)),
  at: isoDate,
  leadId: id,
  agentId: id,
  entryId: id,
  approve: z.boolean(),
  note: z.optional(text(1000)),
});

export const ReportDataSchema = z.object({
  from: isoDate,
  to: isoDate,
  currency,
  budget: minor,
  agents: z.array(AgentSchema),
  departments: z.array(z.object({ id, name: text(200) })),
  spends: z.array(
    z.object({ agentId: id, at: isoDate, amount: minor, reason: text(200), status: z.enum(['done', 'pending_approval']) }),
  ),
  causes: z.array(z.object({ at: isoDate, causeId: id, label: text(300), departmentId: id })),
});

export const leadSchemas = {
  approvals: z.array(ApprovalItemSchema),
  report: ReportDataSchema,
  approvalRequested: z.object({ item: ApprovalItemSchema }),
  approvalDecided: ApprovalDecidedSchema,
  decision: ApprovalDecisionSchema,
} as const;

export interface LeadAnswers {
  approvals: ApprovalItem[];
  report: ReportData;
  approvalRequested: ApprovalRequested;
  approvalDecided: ApprovalDecided;
  decision: ApprovalDecision;
}
export type LeadAnswerName = keyof LeadAnswers;

type Yields<N extends LeadAnswerName> = z.infer<(typeof leadSchemas)[N]> extends LeadAnswers[N] ? true : never;
const _proof: { [N in LeadAnswerName]: Yields<N> } = { approvals: true, report: true, approvalRequested: true, approvalDecided: true, decision: true };
void _proof;

/** Validate a lead answer or event; throws `HostError('invalid_response')` naming the bad field. */
export function parseLeadAnswer<N extends LeadAnswerName>(name: N, value: unknown): LeadAnswers[N] {
  return parseWith(leadSchemas[name], name, value) as LeadAnswers[N];
}
