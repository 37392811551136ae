/**
 * One adapter out of two: a console's own adapter (Zendesk, Genesys Cloud, Twilio Flex, Amazon
 * Connect, Webex...) for what the console knows, and the Mend service ({@link ServiceAdapter}) for
 * what consoles lack (the fund, the policy, the taxonomy, recurrence counts and the writes).
 *
 * ```ts
 * import { ServiceAdapter, composeAdapter } from 'mend-widgets/adapter/service';
 * const service = new ServiceAdapter({ baseUrl: 'https://mend.example.com', token: () => getJwt() });
 * host.adapter = composeAdapter(new ZendeskAdapter(client), service);
 * ```
 */
import type { HostContext } from '../core/model.js';
import { HostError } from './errors.js';
import {
  CAPABILITIES,
  type CallOptions,
  type Capabilities,
  type Capability,
  type HostAdapter,
  type HostEventName,
  type HostEvents,
  type WrapUpGuard,
} from './host-adapter.js';
import { canLead, LEAD_CAPABILITIES, type LeadAdapter, type LeadCapability } from './lead.js';

/** Which side serves a capability. */
export type Side = 'host' | 'service';

/** What the console's adapter serves by default; every other capability comes from the service. */
export const HOST_CAPABILITIES: readonly Capability[] = ['history', 'events', 'wrapUpGuard'];

export interface ComposeOptions {
  /** Override who serves a capability (e.g. `{ policy: 'host' }` for a console that keeps its own). */
  from?: Partial<Record<Capability, Side>>;
  /** Outbox scope of the composed adapter (default: the console's, else the service's). */
  storageScope?: string;
}

const unsupported = (what: string) => new HostError('unsupported', `Neither the console nor the service can ${what}.`, { retryable: false });

/**
 * Compose a console's adapter with the service's, capability by capability.
 *
 * - `getContext()` always comes from the console (the agent, the contact, the locale).
 * - history, events (`interactionChanged`, `interactionEnded`) and the wrap-up guard come from the
 *   console; everything else (policy, fund, taxonomy, recurrence, spend and every write) from the
 *   service, and `fundChanged` from whichever side serves the fund.
 * - When the preferred side does not declare a capability and the other does, the other serves it:
 *   a console without history gets the customer's past recoveries from the service.
 * - A capability neither side declares is declared `false` and answers `unsupported`.
 * - The lead capabilities (`approvals`, `reports`: a lead's desk) come from the service when it
 *   declares them (a `ServiceAdapter` with the lead's token), else from the console, else none;
 *   `approvalRequested` / `approvalDecided` from the same side.
 *
 * Neither adapter is changed; the composed one holds no state of its own.
 */
export function composeAdapter(host: HostAdapter, service: HostAdapter, options: ComposeOptions = {}): HostAdapter {
  const owner = {} as Record<Capability, HostAdapter | null>;
  for (const c of CAPABILITIES) {
    const preferred = options.from?.[c] ?? (HOST_CAPABILITIES.includes(c) ? 'host' : 'service');
    const [first, second] = preferred === 'host' ? [host, service] : [service, host];
    owner[c] = first.capabilities[c] ? first : second.capabilities[c] ? second : null;
  }
  // A write kind the service serves but whose optional method is missing is not served.
  if (owner.notifyManager && typeof owner.notifyManager.notifyManager !== 'function') owner.notifyManager = null;
  if (owner.wrapUpGuard && typeof owner.wrapUpGuard.registerWrapUpGuard !== 'function') owner.wrapUpGuard = null;
  const leadOwner = {} as Record<LeadCapability, (HostAdapter & LeadAdapter) | null>;
  for (const c of LEAD_CAPABILITIES) leadOwner[c] = canLead(service, c) ? service : canLead(host, c) ? host : null;
  const capabilities = Object.freeze({
    ...Object.fromEntries(CAPABILITIES.map((c) => [c, owner[c] !== null])),
    ...Object.fromEntries(LEAD_CAPABILITIES.map((c) => [c, leadOwner[c] !== null])),
  }) as Capabilities & Record<LeadCapability, boolean>;
  const lead = (c: LeadCapability, what: string) => {
    const side = leadOwner[c];
    if (!side) throw unsupported(what);
    return side;
  };

  const by = (c: Capability, what: string): HostAdapter => {
    const side = owner[c];
    if (!side) throw unsupported(what);
    return side;
  };
  const call = <T>(c: Capability, what: string, run: (side: HostAdapter) => Promise<T>): Promise<T> => {
    try {
      return run(by(c, what));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  // Contact events from the console; fund events from the side that keeps the fund.
  const eventSource = (event: HostEventName | 'approvalRequested' | 'approvalDecided'): HostAdapter | null => {
    if (event === 'approvalRequested' || event === 'approvalDecided') return leadOwner.approvals;
    const side = event === 'fundChanged' ? (owner.fund ?? owner.events) : (owner.events === service && host.capabilities.events ? host : owner.events);
    return side && side.capabilities.events ? side : null;
  };

  const composed: HostAdapter & LeadAdapter = {
    capabilities,
    storageScope: options.storageScope ?? host.storageScope ?? service.storageScope,
    getContext: (o?: CallOptions): Promise<HostContext> => host.getContext(o),
    getHistory: (customerId, o) => call('history', 'read history', (s) => s.getHistory(customerId, o)),
    getPolicy: (o) => call('policy', 'read the policy', (s) => s.getPolicy(o)),
    getFund: (agentId, o) => call('fund', 'read the fund', (s) => s.getFund(agentId, o)),
    getTaxonomy: (o) => call('taxonomy', 'read the taxonomy', (s) => s.getTaxonomy(o)),
    getRecurrence: (since, o) => call('recurrence', 'read recurrence counts', (s) => s.getRecurrence(since, o)),
    spend: (request, o) => call('spend', 'spend', (s) => s.spend(request, o)),
    recordRecovery: (record, o) => call('recordRecovery', 'record a recovery', (s) => s.recordRecovery(record, o)),
    logRootCause: (log, o) => call('logRootCause', 'log a root cause', (s) => s.logRootCause(log, o)),
    acknowledgeBaggage: (ack, o) => call('acknowledgeBaggage', 'acknowledge baggage', (s) => s.acknowledgeBaggage(ack, o)),
    requestCallback: (request, o) => call('requestCallback', 'request a callback', (s) => s.requestCallback(request, o)),
    notifyManager: (notice, o) => call('notifyManager', 'notify a manager', (s) => s.notifyManager!(notice, o)),
    getApprovals: async (o) => lead('approvals', 'list approvals').getApprovals!(o),
    decideApproval: async (decision, o) => lead('approvals', 'decide on approvals').decideApproval!(decision, o),
    getReport: async (query, o) => lead('reports', 'report').getReport!(query, o),
    on<E extends HostEventName>(event: E, handler: (payload: HostEvents[E]) => void): () => void {
      const side = eventSource(event);
      return side ? side.on(event, handler) : () => {};
    },
    registerWrapUpGuard(guard: WrapUpGuard): () => void {
      const side = owner.wrapUpGuard;
      return side?.registerWrapUpGuard ? side.registerWrapUpGuard(guard) : () => {};
    },
  };
  return composed;
}
