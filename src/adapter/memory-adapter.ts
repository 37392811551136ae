/**
 * An in-memory host for tests and stories: the same server rules as the embedded CRM
 * ({@link Crm} in `enforce.ts`), plus knobs to make the host slow, failing, malformed, silent or
 * out of order, and to fire host events by hand.
 *
 * ```ts
 * const host = new MemoryAdapter(demoSeed(), { latency: 5 });
 * host.failNext('spend', 'timeout');
 * const held = host.hold('getHistory');      // answers wait until released, in any order
 * host.setInteraction(interaction);          // fires interactionChanged
 * host.received;                             // every write it applied, to assert exactly-once
 * host.log;                                  // every call: method, arguments, abort signal
 * ```
 */
import type { Agent, CustomerHistory, Fund, HostContext, Interaction } from '../core/model.js';
import { Crm, MapStore, type CrmSeed } from './enforce.js';
import { HostEventHub } from './event-hub.js';
import { approvalsOf, decideApproval, reportOf } from './lead-crm.js';
import { LEAD_CAPABILITIES, type ApprovalDecision, type LeadCapability, type ReportQuery } from './lead.js';
import { HostError, isErrorCode, type HostErrorCode } from './errors.js';
import {
  CAPABILITIES,
  type AnyHostEvents,
  type BaggageAcknowledgement,
  type CallOptions,
  type CallbackRequest,
  type Capabilities,
  type Capability,
  type HostAdapter,
  type ManagerNotice,
  type RecoveryRecord,
  type RootCauseLog,
  type SpendRequest,
  type WrapUpGuard,
  type WrapUpVerdict,
  type WriteKind,
} from './host-adapter.js';

export const MEMORY_METHODS = [
  'getContext',
  'getHistory',
  'getPolicy',
  'getFund',
  'getTaxonomy',
  'getRecurrence',
  'spend',
  'recordRecovery',
  'logRootCause',
  'acknowledgeBaggage',
  'requestCallback',
  'notifyManager',
  'getApprovals',
  'decideApproval',
  'getReport',
] as const;
export type MemoryMethod = (typeof MEMORY_METHODS)[number];

const CAPABILITY_OF: Record<MemoryMethod, Capability | LeadCapability | null> = {
  getContext: null,
  getHistory: 'history',
  getPolicy: 'policy',
  getFund: 'fund',
  getTaxonomy: 'taxonomy',
  getRecurrence: 'recurrence',
  spend: 'spend',
  recordRecovery: 'recordRecovery',
  logRootCause: 'logRootCause',
  acknowledgeBaggage: 'acknowledgeBaggage',
  requestCallback: 'requestCallback',
  notifyManager: 'notifyManager',
  getApprovals: 'approvals',
  decideApproval: 'approvals',
  getReport: 'reports',
};

/** Seed data: like the CRM seed, with histories and funds also accepted as records by id. */
export interface MemorySeed extends Omit<CrmSeed, 'histories' | 'funds'> {
  context?: Partial<HostContext>;
  histories?: CustomerHistory[] | Record<string, CustomerHistory>;
  funds?: Fund[] | Record<string, Fund>;
}

export interface MemoryOptions {
  /** Overrides of the declared capabilities (all true by default). */
  capabilities?: Partial<Capabilities>;
  /** Fake latency in ms, for every method or per method. */
  latency?: number | Partial<Record<MemoryMethod, number>>;
  /** The server's clock (period roll-over, timestamps). */
  now?: () => number;
  /** Outbox scope; default a fresh one per adapter, so tests and stories never share queued writes. */
  storageScope?: string;
}

/** One call caught by {@link MemoryAdapter.hold}. */
export interface HeldCall {
  readonly method: MemoryMethod;
  readonly args: readonly unknown[];
  /** Answer now: with no argument the real answer (computed now), else the given raw value. */
  resolve(...value: [] | [unknown]): Promise<void>;
  /** Fail now with an error or a HostError code. */
  reject(error: unknown): void;
}

/** Calls held back until the test answers them, in any order. */
export interface Hold {
  readonly calls: readonly HeldCall[];
  /** Resolves once at least `count` calls are held. */
  waitFor(count?: number): Promise<readonly HeldCall[]>;
  /** Stop holding: calls still waiting get their real answers, in arrival order. */
  release(): Promise<void>;
}

/** A write the adapter applied (replays are not logged: this is the exactly-once proof). */
export interface ReceivedWrite {
  kind: WriteKind | 'spend';
  payload: unknown;
  answer: unknown;
}

type Fault = { fail: unknown } | { malform: unknown };

const asError = (e: unknown) =>
  typeof e !== 'string' ? e : isErrorCode(e) ? new HostError(e, `The host failed (${e}).`) : new Error(e);
const aborted = () => new HostError('unavailable', 'The call was cancelled.', { retryable: false, details: { aborted: true } });
const byId = <T>(list: T[] | Record<string, T> | undefined): T[] => (Array.isArray(list) ? list : Object.values(list ?? {}));

export class MemoryAdapter implements HostAdapter {
  readonly capabilities: Capabilities;
  /** The server behind the adapter (the same rules as the embedded CRM). */
  readonly crm: Crm;
  /** Every write it applied, in order. */
  readonly received: ReceivedWrite[] = [];
  /** Each MemoryAdapter keeps its own durable outbox unless `options.storageScope` names a shared one. */
  readonly storageScope: string;
  /** Number of calls per method (including failed and held ones). */
  readonly calls = Object.fromEntries(MEMORY_METHODS.map((m) => [m, 0])) as Record<MemoryMethod, number>;
  /** Every call in order (including failed and held ones): method, arguments, abort signal. */
  readonly log: Array<{ method: MemoryMethod; args: readonly unknown[]; signal?: AbortSignal }> = [];

  #context: HostContext;
  #ready: Promise<unknown>;
  #latency: MemoryOptions['latency'];
  #faults = new Map<MemoryMethod, Fault[]>();
  #holds = new Map<MemoryMethod, Hold & { push(c: HeldCall): void }>();
  #never = new Set<MemoryMethod>();
  #hub = new HostEventHub();

  constructor(seed: MemorySeed = {}, options: MemoryOptions = {}) {
    this.capabilities = Object.freeze(
      Object.fromEntries([...CAPABILITIES, ...LEAD_CAPABILITIES].map((c) => [c, options.capabilities?.[c] ?? true])) as Record<Capability | LeadCapability, boolean>,
    );
    this.#latency = options.latency;
    this.storageScope = options.storageScope ?? `memory:${crypto.randomUUID()}`;
    const agent: Agent = seed.context?.agent ?? seed.agents?.[0] ?? { id: 'agent-1', name: 'Agent', role: 'agent' };
    this.#context = {
      agent,
      interaction: seed.context && 'interaction' in seed.context ? (seed.context.interaction ?? null) : (seed.interactions?.[0] ?? null),
      locale: seed.context?.locale ?? 'en-US',
      currency: seed.context?.currency ?? seed.policy?.currency ?? 'USD',
    };
    this.crm = new Crm(new MapStore(), options.now);
    const agents = [...(seed.agents ?? [])];
    if (!agents.some((a) => a.id === agent.id)) agents.push(agent);
    this.#ready = this.crm.seed({ ...seed, agents, histories: byId(seed.histories), funds: byId(seed.funds) });
  }

  // ---- knobs for tests and stories ----

  /** The next call of `method` fails with this error (a HostError code or any value, thrown as is). */
  failNext(method: MemoryMethod, error: HostErrorCode | unknown = 'unavailable'): this {
    return this.#fault(method, { fail: asError(error) });
  }

  /** The next call of `method` answers `value` (raw, unvalidated). A write is still applied first. */
  malformNext(method: MemoryMethod, value: unknown): this {
    return this.#fault(method, { malform: value });
  }

  /** Hold every call of `method` until the test answers it (see {@link Hold}). */
  hold(method: MemoryMethod): Hold {
    const calls: HeldCall[] = [];
    const waiters: Array<() => void> = [];
    const hold = {
      calls,
      push: (call: HeldCall) => {
        calls.push(call);
        waiters.splice(0).forEach((w) => w());
      },
      waitFor: async (count = 1) => {
        while (calls.length < count) await new Promise<void>((r) => waiters.push(r));
        return calls;
      },
      release: async () => {
        if (this.#holds.get(method) === hold) this.#holds.delete(method);
        for (const call of calls) await call.resolve();
      },
    };
    this.#holds.set(method, hold);
    return hold;
  }

  /** `method` never answers (until {@link restore}); the adapter layer's time-out or signal ends it. */
  never(method: MemoryMethod): this {
    this.#never.add(method);
    return this;
  }

  /** Undo `never`, `hold` and pending `failNext`/`malformNext` for one method or all. */
  restore(method?: MemoryMethod): this {
    for (const m of method ? [method] : MEMORY_METHODS) {
      this.#never.delete(m);
      this.#faults.delete(m);
      this.#holds.delete(m);
    }
    return this;
  }

  /** The agent switches to another contact (or none): fires `interactionChanged`. */
  setInteraction(interaction: Interaction | null): void {
    this.#context = { ...this.#context, interaction };
    this.emit('interactionChanged', { interaction });
  }

  /** The host ends a contact: fires `interactionEnded` (the context keeps it, as in after-call work). */
  endInteraction(interactionId: string): void {
    this.emit('interactionEnded', { interactionId });
  }

  /** The agent asks to wrap up: the registered guards decide; on allow, the contact ends. */
  async wrapUp(interactionId = this.#context.interaction?.id ?? ''): Promise<WrapUpVerdict> {
    const verdict = await this.#hub.askGuards(interactionId);
    if (!verdict.allow) return verdict;
    this.endInteraction(interactionId);
    return { allow: true };
  }

  /** Fire a host event with any payload, even a malformed or duplicate one. */
  emit<E extends keyof AnyHostEvents>(event: E, payload: AnyHostEvents[E] | unknown): void {
    this.#hub.emit(event, payload);
  }

  /** The context the host holds now (what `getContext` answers). */
  get context(): HostContext {
    return structuredClone(this.#context);
  }

  /** The wrap-up guards registered now, in order (to call one directly, or prove it is gone). */
  get guards(): WrapUpGuard[] {
    return this.#hub.guards();
  }

  /** Handlers currently subscribed to `event`, or to any event (to prove unsubscription). */
  listenerCount(event?: keyof AnyHostEvents): number {
    return this.#hub.count(event);
  }

  /** Another lead (`decidedBy`) approves or declines a spend; fires `fundChanged` and `approvalDecided`. */
  async approve(agentId: string, entryId: string, approved = true, decidedBy = 'lead-elsewhere'): Promise<Fund> {
    await this.#ready;
    const fund = await this.crm.decide(agentId, entryId, approved);
    this.emit('fundChanged', { fund });
    this.emit('approvalDecided', { entryId, agentId, approved, decidedBy });
    return fund;
  }

  // ---- HostAdapter ----

  getContext(options?: CallOptions): Promise<HostContext> {
    return this.#call('getContext', [], options, async () => structuredClone(this.#context));
  }
  getHistory(customerId: string, options?: CallOptions): Promise<CustomerHistory> {
    return this.#call('getHistory', [customerId], options, () => this.crm.history(customerId));
  }
  getPolicy(options?: CallOptions) {
    return this.#call('getPolicy', [], options, () => this.crm.policy());
  }
  getFund(agentId: string, options?: CallOptions) {
    return this.#call('getFund', [agentId], options, () => this.crm.fund(agentId));
  }
  getTaxonomy(options?: CallOptions) {
    return this.#call('getTaxonomy', [], options, () => this.crm.taxonomy());
  }
  getRecurrence(since: string, options?: CallOptions) {
    return this.#call('getRecurrence', [since], options, () => this.crm.recurrence(since));
  }
  spend(request: SpendRequest, options?: CallOptions) {
    return this.#call('spend', [request], options, async () => {
      const { answer, applied } = await this.crm.spend(request);
      if (applied) {
        this.received.push({ kind: 'spend', payload: structuredClone(request), answer });
        if (answer.status !== 'rejected') this.emit('fundChanged', { fund: answer.fund });
        if (answer.status === 'pending_approval') {
          const item = (await approvalsOf(this.crm)).find((i) => i.entryId === answer.entryId);
          if (item) this.emit('approvalRequested', { item });
        }
      }
      return answer;
    });
  }
  getApprovals(options?: CallOptions) {
    return this.#call('getApprovals', [], options, () => approvalsOf(this.crm));
  }
  decideApproval(decision: ApprovalDecision, options?: CallOptions) {
    return this.#call('decideApproval', [decision], options, async () => {
      const { answer, applied, fund, decided } = await decideApproval(this.crm, decision);
      if (applied) {
        this.received.push({ kind: 'decideApproval', payload: structuredClone(decision), answer });
        if (fund) this.emit('fundChanged', { fund });
        if (decided) this.emit('approvalDecided', decided);
      }
      return answer;
    });
  }
  getReport(query: ReportQuery = {}, options?: CallOptions) {
    return this.#call('getReport', [query], options, () => reportOf(this.crm, query));
  }
  recordRecovery(record: RecoveryRecord, options?: CallOptions) {
    return this.#write('recordRecovery', record, options);
  }
  logRootCause(log: RootCauseLog, options?: CallOptions) {
    return this.#write('logRootCause', log, options);
  }
  acknowledgeBaggage(ack: BaggageAcknowledgement, options?: CallOptions) {
    return this.#write('acknowledgeBaggage', ack, options);
  }
  requestCallback(request: CallbackRequest, options?: CallOptions) {
    return this.#write('requestCallback', request, options);
  }
  notifyManager(notice: ManagerNotice, options?: CallOptions) {
    return this.#write('notifyManager', notice, options);
  }

  on<E extends keyof AnyHostEvents>(event: E, handler: (payload: AnyHostEvents[E]) => void): () => void {
    return this.#hub.on(event, handler);
  }

  registerWrapUpGuard(guard: WrapUpGuard): () => void {
    return this.#hub.registerWrapUpGuard(guard);
  }

  // ---- internals ----

  #fault(method: MemoryMethod, fault: Fault): this {
    const list = this.#faults.get(method) ?? [];
    list.push(fault);
    this.#faults.set(method, list);
    return this;
  }

  #write<K extends WriteKind>(kind: K, payload: unknown, options?: CallOptions) {
    return this.#call(kind, [payload], options, async () => {
      const { answer, applied } = await this.crm.write(kind, payload as never);
      if (applied) this.received.push({ kind, payload: structuredClone(payload), answer });
      return answer;
    });
  }

  // The knobs return raw values on purpose (malformed answers): the adapter layer validates.
  #call<T>(method: MemoryMethod, args: unknown[], options: CallOptions | undefined, run: () => Promise<T>): Promise<T> {
    this.calls[method]++;
    const signal = options?.signal;
    this.log.push({ method, args, signal });
    const capability = CAPABILITY_OF[method];
    if (capability && !this.capabilities[capability])
      return Promise.reject(new HostError('unsupported', `This host cannot ${method}.`, { retryable: false }));
    const fault = this.#faults.get(method)?.shift();
    const answer = async (): Promise<T> => {
      if (fault && 'fail' in fault) throw fault.fail;
      const value = await run();
      return (fault && 'malform' in fault ? fault.malform : value) as T;
    };
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(aborted());
      signal?.addEventListener('abort', () => reject(aborted()), { once: true });
      const latency = typeof this.#latency === 'number' ? this.#latency : (this.#latency?.[method] ?? 0);
      setTimeout(async () => {
        await this.#ready;
        if (this.#never.has(method)) return;
        const hold = this.#holds.get(method);
        if (!hold) return answer().then(resolve, reject);
        let done = false;
        hold.push({
          method,
          args,
          resolve: async (...value) => {
            if (done) return;
            done = true;
            await (value.length ? Promise.resolve(value[0] as T) : answer()).then(resolve, reject);
          },
          reject: (error) => {
            if (done) return;
            done = true;
            reject(asError(error));
          },
        });
      }, latency);
    });
  }
}
