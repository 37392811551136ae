/**
 * The team lead's capabilities (issue #17): approving spends above an agent's threshold, and the
 * recovery report. Optional: an adapter declares `approvals` and/or `reports` in its capabilities
 * and implements the methods of {@link LeadAdapter}; a host without them shows the lead widgets'
 * quiet "not available" state.
 *
 * ```ts
 * getApprovals(options)            // the pending spends of the lead's team, oldest first
 * decideApproval(decision, options) // a write: idempotent by its key, through the durable outbox
 * getReport(query, options)         // raw rows for a period; src/core/report.ts aggregates them
 * on('approvalRequested', ...)      // a new spend waits for a lead
 * on('approvalDecided', ...)        // a lead (this one or another) decided
 * ```
 *
 * {@link leadHost} is the validated, time-limited view the widgets use (like `guardHost`).
 */
import type { BaggageLevel } from '../core/model.js';
import type { CauseRow, ReportInput, SpendRow } from '../core/report.js';
import { HostError } from './errors.js';
import { callHost, guardHost, listenValidated, loadSchemas, type GuardedHost } from './guard.js';
import type { CallOptions, HostAdapter, WriteBase, WriteReceipt } from './host-adapter.js';
import type { Outbox } from './outbox.js';

/** The lead capabilities an adapter may declare (missing = false). */
export const LEAD_CAPABILITIES = ['approvals', 'reports'] as const;
export type LeadCapability = (typeof LEAD_CAPABILITIES)[number];

/** One spend waiting for a lead's decision. Amounts are integer minor units in `currency`. */
export interface ApprovalItem {
  /** The ledger entry id of the spend. */
  entryId: string;
  agentId: string;
  agentName: string;
  interactionId: string;
  customerId?: string;
  /** Customer text: render as text only. */
  customerName?: string;
  /** The customer's baggage level (R4), when the host knows the customer. */
  baggage?: BaggageLevel;
  amount: number;
  currency: string;
  /** The agent's approval threshold. */
  threshold: number;
  /** What is left in the agent's fund (pending spends counted). */
  remaining: number;
  /** Reason code, e.g. `item_damaged`. */
  reason: string;
  /** The agent's note (agent text: render as text only). */
  note?: string;
  /** ISO 8601: when the agent asked. */
  requestedAt: string;
  /** ISO 8601: since when the customer has been waiting (the contact's start, else the request). */
  waitingSince: string;
}

/** A lead's decision: a write with an idempotency key (the outbox's entry id). */
export interface ApprovalDecision extends WriteBase {
  leadId: string;
  agentId: string;
  entryId: string;
  approve: boolean;
  note?: string;
}

/** Payload of `approvalRequested`. */
export interface ApprovalRequested {
  item: ApprovalItem;
}

/** Payload of `approvalDecided`: who decided what (a lead's widget drops the item). */
export interface ApprovalDecided {
  entryId: string;
  agentId: string;
  approved: boolean;
  /** The lead who decided. */
  decidedBy: string;
  note?: string;
}

/** The period of a report (ISO 8601, `from` inclusive, `to` exclusive). Default: the current fund period. */
export interface ReportQuery {
  from?: string;
  to?: string;
}

/** One spend of the period. */
export type ReportSpend = SpendRow;
/** One root cause logged in the period. */
export type ReportCause = CauseRow;
/** What a host gives for a report: raw rows; the aggregation is the core's (`src/core/report.ts`). */
export type ReportData = ReportInput;

/** The methods a host with lead capabilities implements. */
export interface LeadAdapter {
  getApprovals?(options?: CallOptions): Promise<ApprovalItem[]>;
  decideApproval?(decision: ApprovalDecision, options?: CallOptions): Promise<{ id: string }>;
  getReport?(query: ReportQuery, options?: CallOptions): Promise<ReportData>;
}

export interface LeadEvents {
  approvalRequested: ApprovalRequested;
  approvalDecided: ApprovalDecided;
}
export type LeadEventName = keyof LeadEvents;

/** The validated view of the lead capabilities. Every method rejects only with HostError. */
export interface LeadHost {
  readonly host: GuardedHost;
  can(capability: LeadCapability): boolean;
  getApprovals(options?: CallOptions): Promise<ApprovalItem[]>;
  getReport(query?: ReportQuery, options?: CallOptions): Promise<ReportData>;
  /** Send a decision now (validated receipt); widgets go through {@link LeadHost.outbox} instead. */
  decide(decision: ApprovalDecision, options?: CallOptions): Promise<WriteReceipt>;
  /**
   * The lead's durable outbox (scope `<adapter scope>:lead`): decisions wait in IndexedDB until the
   * host confirmed them, and a replay sends the same key. Loaded on first use.
   */
  outbox(): Promise<Outbox>;
  /** Subscribe; malformed payloads are dropped. Returns the unsubscribe function. */
  on<E extends LeadEventName>(event: E, handler: (payload: LeadEvents[E]) => void): () => void;
}

type LeadSchemas = typeof import('./lead-schemas.js');
let schemas: Promise<LeadSchemas> | undefined;

/** The lead answers' validation, loaded on first use (agent widgets never download it). */
export function loadLeadSchemas(): Promise<LeadSchemas> {
  return (schemas ??= import('./lead-schemas.js').catch((error: unknown) => {
    schemas = undefined;
    throw new HostError('unavailable', 'Could not load the validation of lead answers.', { cause: error });
  }));
}

/** Whether the adapter declares a lead capability (a missing or non-boolean flag is false). */
export function canLead(adapter: HostAdapter, capability: LeadCapability): boolean {
  const caps = (adapter as { capabilities?: unknown }).capabilities as Record<string, unknown> | undefined;
  return !!caps && typeof caps === 'object' && caps[capability] === true;
}

const hosts = new WeakMap<HostAdapter, LeadHost>();

/** The one validated lead view of an adapter (shares the guarded host's time-out). */
export function leadHost(adapter: HostAdapter, timeoutMs?: number): LeadHost {
  const cached = hosts.get(adapter);
  if (cached) return cached;
  const host = guardHost(adapter);
  const raw = adapter as HostAdapter & LeadAdapter;
  const call = <T>(capability: LeadCapability, method: keyof LeadAdapter, name: 'approvals' | 'report', args: unknown[], options?: CallOptions) => {
    const fn = raw[method] as ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (!canLead(adapter, capability) || typeof fn !== 'function')
      return Promise.reject(new HostError('unsupported', `This host cannot ${method}.`, { retryable: false }));
    const validation = loadLeadSchemas();
    return callHost((signal) => fn.call(adapter, ...args, { signal }), { ...options, timeoutMs }).then(
      async (value) => (await validation).parseLeadAnswer(name, value) as T,
    );
  };
  const decide = (decision: ApprovalDecision, options?: CallOptions): Promise<WriteReceipt> => {
    if (!canLead(adapter, 'approvals') || typeof raw.decideApproval !== 'function')
      return Promise.reject(new HostError('unsupported', 'This host cannot decide on approvals.', { retryable: false }));
    const validation = loadSchemas();
    return callHost((signal) => raw.decideApproval!(decision, { signal }), { ...options, timeoutMs }).then(async (value) =>
      (await validation).parseHostAnswer('receipt', value),
    );
  };
  // The outbox delivers through this host: the agent's writes as guardHost does, decisions here.
  const writer: GuardedHost = {
    ...host,
    write: (kind, payload, options) => (kind === 'decideApproval' ? decide(payload as ApprovalDecision, options) : host.write(kind, payload, options)),
  };
  let outbox: Promise<Outbox> | null = null;
  const lead: LeadHost = {
    host,
    decide,
    outbox: () =>
      (outbox ??= import('./outbox.js').then(
        ({ outboxFor }) => outboxFor(writer, `${typeof adapter.storageScope === 'string' && adapter.storageScope ? adapter.storageScope : 'default'}:lead`),
        (error: unknown) => {
          outbox = null;
          throw new HostError('unavailable', 'Could not load the write path.', { cause: error });
        },
      )),
    can: (capability) => canLead(adapter, capability),
    getApprovals: (o) => call<ApprovalItem[]>('approvals', 'getApprovals', 'approvals', [], o),
    getReport: (query = {}, o) => call<ReportData>('reports', 'getReport', 'report', [query], o),
    on: (event, handler) => {
      if (!host.can('events') || !canLead(adapter, 'approvals') || typeof adapter.on !== 'function') return () => {};
      const on = adapter.on as (e: string, h: (p: unknown) => void) => unknown;
      // A malformed event is dropped.
      return listenValidated(
        (listener) => on.call(adapter, event, listener),
        { now: () => null, load: () => loadLeadSchemas().then(({ parseLeadAnswer }) => (payload) => parseLeadAnswer(event, payload) as LeadEvents[typeof event]) },
        handler,
      );
    },
  };
  hosts.set(adapter, lead);
  return lead;
}

/** The idempotency key of a lead's decision on a spend: one decision per lead and entry. */
export function decisionKey(leadId: string, entryId: string): string {
  return `decide:${leadId}:${entryId}`;
}
