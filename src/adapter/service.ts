/**
 * The adapter for the Mend service (`service/` in this repository): the fund, the policy, the
 * taxonomy, recurrence counts, the customer's past recoveries and every write, over HTTP, with live
 * fund updates over Server-Sent Events. It uses `fetch` and `EventSource` and nothing else.
 *
 * ```ts
 * import { ServiceAdapter, composeAdapter } from 'mend-widgets/adapter/service';
 * const service = new ServiceAdapter({ baseUrl: 'https://mend.example.com', token: () => auth.getJwt() });
 * host.adapter = service;                                 // the service alone (the demo console)
 * host.adapter = composeAdapter(consoleAdapter, service); // a console's context, history and events
 * lead.adapter = new ServiceAdapter({ baseUrl, token: leadJwt }); // a lead's desk: approvals, reports
 * ```
 *
 * Who calls is the token's subject: with a lead's token the same adapter serves the lead
 * capabilities (`approvals`, `reports`: the approval queue and the recovery report of the lead's
 * team); with an agent's token the service answers `permission` to them.
 */
import type { CustomerHistory, Fund, HostContext, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../core/model.js';
import { HostError, isErrorCode } from './errors.js';
import { HostEventHub } from './event-hub.js';
import {
  CAPABILITIES,
  type BaggageAcknowledgement,
  type CallOptions,
  type CallbackRequest,
  type Capabilities,
  type Capability,
  type HostAdapter,
  type HostEventName,
  type HostEvents,
  type ManagerNotice,
  type RecoveryRecord,
  type RootCauseLog,
  type SpendRequest,
  type SpendResult,
  type WriteReceipt,
} from './host-adapter.js';
import { LEAD_CAPABILITIES, type ApprovalDecision, type ApprovalItem, type LeadAdapter, type LeadCapability, type LeadEvents, type ReportData, type ReportQuery } from './lead.js';

export { composeAdapter, type ComposeOptions } from './compose.js';

export interface ServiceAdapterOptions {
  /** The service's address, e.g. `https://mend.example.com` (no trailing `/v1`). */
  baseUrl: string;
  /** The bearer JWT, or a function giving a fresh one for each call. */
  token: string | (() => string | Promise<string>);
  /** Overrides of the declared capabilities (all true but `wrapUpGuard` by default, the lead ones too). */
  capabilities?: Partial<Capabilities & Record<LeadCapability, boolean>>;
  /** Outbox scope (default `service:<baseUrl>`). */
  storageScope?: string;
  /** Reconnect delay of the event stream after it failed, in ms (default 1000). */
  reconnectMs?: number;
}

/** What the service's event stream sends (the lead events in the shapes of `lead.ts`). */
const STREAM_EVENTS = ['fundChanged', 'approvalRequested', 'approvalDecided'] as const;

const enc = encodeURIComponent;

export class ServiceAdapter implements HostAdapter, LeadAdapter {
  readonly capabilities: Capabilities & Record<LeadCapability, boolean>;
  readonly storageScope: string;
  readonly #base: string;
  readonly #token: ServiceAdapterOptions['token'];
  readonly #reconnectMs: number;
  #hub = new HostEventHub();
  #source: EventSource | null = null;
  #lastEventId: string | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(options: ServiceAdapterOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#token = options.token;
    this.#reconnectMs = options.reconnectMs ?? 1000;
    this.storageScope = options.storageScope ?? `service:${this.#base}`;
    this.capabilities = Object.freeze(
      Object.fromEntries([...CAPABILITIES, ...LEAD_CAPABILITIES].map((c) => [c, options.capabilities?.[c] ?? c !== 'wrapUpGuard'])) as Record<Capability | LeadCapability, boolean>,
    );
  }

  // ---- reads ----

  getContext(options?: CallOptions): Promise<HostContext> {
    return this.#request('GET', '/v1/context', undefined, options);
  }
  getHistory(customerId: string, options?: CallOptions): Promise<CustomerHistory> {
    return this.#request('GET', `/v1/customers/${enc(customerId)}/history`, undefined, options, 'history');
  }
  getPolicy(options?: CallOptions): Promise<RecoveryPolicy> {
    return this.#request('GET', '/v1/policy', undefined, options, 'policy');
  }
  getFund(agentId: string, options?: CallOptions): Promise<Fund> {
    return this.#request('GET', `/v1/funds/${enc(agentId)}`, undefined, options, 'fund');
  }
  getTaxonomy(options?: CallOptions): Promise<Taxonomy> {
    return this.#request('GET', '/v1/taxonomy', undefined, options, 'taxonomy');
  }
  getRecurrence(since: string, options?: CallOptions): Promise<RecurrenceCount[]> {
    return this.#request('GET', `/v1/recurrence?since=${enc(since)}`, undefined, options, 'recurrence');
  }
  /** The recovery records of a customer, oldest first. */
  getRecoveries(customerId: string, options?: CallOptions): Promise<Array<RecoveryRecord & { id: string }>> {
    return this.#request('GET', `/v1/customers/${enc(customerId)}/recoveries`, undefined, options, 'history');
  }

  // ---- writes (each carries its idempotency key as the Idempotency-Key header) ----

  spend(request: SpendRequest, options?: CallOptions): Promise<SpendResult> {
    return this.#request('POST', `/v1/funds/${enc(String(request?.agentId))}/spends`, request, options, 'spend');
  }
  recordRecovery(record: RecoveryRecord, options?: CallOptions): Promise<WriteReceipt> {
    return this.#request('POST', '/v1/recoveries', record, options, 'recordRecovery');
  }
  logRootCause(log: RootCauseLog, options?: CallOptions): Promise<WriteReceipt> {
    return this.#request('POST', '/v1/root-causes', log, options, 'logRootCause');
  }
  acknowledgeBaggage(ack: BaggageAcknowledgement, options?: CallOptions): Promise<WriteReceipt> {
    return this.#request('POST', '/v1/baggage-acknowledgements', ack, options, 'acknowledgeBaggage');
  }
  requestCallback(request: CallbackRequest, options?: CallOptions): Promise<WriteReceipt> {
    return this.#request('POST', '/v1/callbacks', request, options, 'requestCallback');
  }
  notifyManager(notice: ManagerNotice, options?: CallOptions): Promise<WriteReceipt> {
    return this.#request('POST', '/v1/manager-notices', notice, options, 'notifyManager');
  }

  // ---- the lead's desk (a lead's token) ----

  /** The pending spends of the lead's team, oldest first. */
  getApprovals(options?: CallOptions): Promise<ApprovalItem[]> {
    return this.#request('GET', '/v1/approvals', undefined, options, 'approvals');
  }
  /**
   * A lead's decision on a pending spend: once per entry; another lead's earlier decision is a
   * `conflict` whose details name them (`decidedBy`, `approved`).
   */
  decideApproval(decision: ApprovalDecision, options?: CallOptions): Promise<WriteReceipt> {
    return this.#request('POST', `/v1/funds/${enc(String(decision?.agentId))}/spends/${enc(String(decision?.entryId))}/decision`, decision, options, 'approvals');
  }
  /** The report's rows of the lead's team for `[from, to)` (default: the current fund period). */
  getReport(query: ReportQuery = {}, options?: CallOptions): Promise<ReportData> {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => typeof v === 'string') as Array<[string, string]>);
    return this.#request('GET', `/v1/reports${params.size ? `?${params}` : ''}`, undefined, options, 'reports');
  }

  // ---- events ----

  /**
   * `fundChanged`, `approvalRequested` and `approvalDecided` come from the service's event stream
   * (what the token may see: an agent their own, a lead their team's); the service has no contact events.
   */
  on<E extends HostEventName | keyof LeadEvents>(event: E, handler: (payload: (HostEvents & LeadEvents)[E]) => void): () => void {
    const off = this.#hub.on(event, handler);
    this.#follow();
    return () => {
      off();
      this.#follow();
    };
  }

  /** Close the event stream for good. */
  close(): void {
    this.#closed = true;
    this.#stop();
  }

  // ---- internals ----

  async #bearer(): Promise<string> {
    return typeof this.#token === 'function' ? await this.#token() : this.#token;
  }

  /** Keep one event stream open while anyone listens. */
  #follow(): void {
    const wanted = !this.#closed && this.#listening();
    if (!wanted) return this.#stop();
    if (this.#source || this.#retry !== undefined) return;
    void this.#open();
  }

  #listening(): boolean {
    return STREAM_EVENTS.some((e) => this.#hub.count(e) > 0);
  }

  #stop(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#source?.close();
    this.#source = null;
  }

  async #open(): Promise<void> {
    this.#retry = setTimeout(() => {}, 0); // opening: no second stream meanwhile
    let token: string;
    try {
      token = await this.#bearer();
    } catch {
      token = '';
    }
    clearTimeout(this.#retry);
    this.#retry = undefined;
    if (this.#closed || !this.#listening() || this.#source) return;
    // EventSource cannot send headers: the token goes in the query; a reopened stream names the
    // last event it saw, so nothing is missed.
    const query = `access_token=${enc(token)}${this.#lastEventId ? `&lastEventId=${enc(this.#lastEventId)}` : ''}`;
    const source = new EventSource(`${this.#base}/v1/events?${query}`);
    this.#source = source;
    const remember = (e: MessageEvent) => {
      if (e.lastEventId) this.#lastEventId = e.lastEventId;
    };
    for (const type of STREAM_EVENTS)
      source.addEventListener(type, (e) => {
        remember(e as MessageEvent);
        const payload = parse((e as MessageEvent).data);
        if (payload) this.#hub.emit(type, payload);
      });
    source.addEventListener('error', () => {
      // The browser retries by itself unless the stream was refused (closed): then reopen with a
      // fresh token after a pause.
      if (source.readyState !== EventSource.CLOSED || this.#source !== source) return;
      this.#source = null;
      this.#retry = setTimeout(() => {
        this.#retry = undefined;
        this.#follow();
      }, this.#reconnectMs);
    });
  }

  async #request<T>(method: string, path: string, body: unknown, options: CallOptions | undefined, capability?: Capability | LeadCapability): Promise<T> {
    if (capability && !this.capabilities[capability]) throw new HostError('unsupported', `This service adapter does not ${capability}.`, { retryable: false });
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${await this.#bearer()}` };
    const idempotencyKey = (body as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (typeof idempotencyKey === 'string') headers['idempotency-key'] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(this.#base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: options?.signal });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError' && options?.signal?.aborted) throw options.signal.reason ?? error;
      throw new HostError('unavailable', 'The Mend service could not be reached.', { cause: error });
    }
    const text = await response.text();
    const data = parse(text);
    if (response.ok) {
      if (data === undefined) throw new HostError('invalid_response', 'The Mend service sent an answer that is not JSON.', { retryable: true });
      return data as T;
    }
    throw toServiceError(response.status, data);
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A problem+json answer as a HostError (its `code`, `retryable` and `details`). */
function toServiceError(status: number, problem: unknown): HostError {
  const p = (problem ?? {}) as { code?: unknown; detail?: unknown; retryable?: unknown; details?: unknown };
  const code = isErrorCode(p.code) ? p.code : status >= 500 ? 'unavailable' : status === 404 ? 'not_found' : status === 409 ? 'conflict' : status === 401 || status === 403 ? 'permission' : 'invalid_request';
  return new HostError(code, typeof p.detail === 'string' ? p.detail : `The Mend service answered ${status}.`, {
    retryable: typeof p.retryable === 'boolean' ? p.retryable : undefined,
    details: { status, ...(p.details && typeof p.details === 'object' ? (p.details as object) : {}) },
  });
}
