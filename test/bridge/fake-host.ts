// The real adapter on the host page in the bridge tests: small, with idempotent writes and spends
// (a replayed key returns the first answer and applies nothing), held / failing / never-answering
// calls, events and wrap-up guards it can drive.
import { HostError } from '../../src/adapter/errors.js';
import {
  CAPABILITIES,
  type CallOptions,
  type Capabilities,
  type HostAdapter,
  type HostEventName,
  type HostEvents,
  type SpendRequest,
  type SpendResult,
  type WrapUpGuard,
  type WriteReceipt,
} from '../../src/adapter/host-adapter.js';
import type { Fund, HostContext } from '../../src/core/model.js';

export function fund(version = 1, spent = 0): Fund {
  return {
    agentId: 'agent-1', currency: 'USD', budget: 20000, spent, pending: 0, perActionCap: 15000, approvalThreshold: 5000,
    period: 'week', periodStart: '2026-11-23T00:00:00.000Z', periodEnd: '2026-11-30T00:00:00.000Z', version, ledger: [],
  };
}

type Behaviour = { kind: 'fail'; error: unknown } | { kind: 'never' } | { kind: 'malform'; value: unknown } | { kind: 'hold'; gate: Promise<void> };

export class FakeHost implements HostAdapter {
  capabilities: Capabilities;
  context: HostContext = {
    agent: { id: 'agent-1', name: 'Dana Reyes', role: 'agent' },
    interaction: { id: 'int-A', customerId: 'cust-A', channel: 'voice', startedAt: '2026-11-23T10:00:00.000Z', customerName: 'Ann <b>Lee</b>' },
    locale: 'en-US',
    currency: 'USD',
  };
  current = fund(1);
  /** Every call: method and arguments as the real adapter received them. */
  calls: Array<{ method: string; args: unknown[] }> = [];
  /** Writes and spends actually applied (exactly once per idempotency key). */
  received: Array<{ method: string; payload: unknown }> = [];
  signals: Record<string, AbortSignal> = {};
  guards: WrapUpGuard[] = [];
  #answers = new Map<string, unknown>();
  #behaviour = new Map<string, Behaviour>();
  #listeners = new Map<string, Set<(p: unknown) => void>>();

  constructor(capabilities: Partial<Capabilities> = {}) {
    this.capabilities = { ...Object.fromEntries(CAPABILITIES.map((c) => [c, true])), ...capabilities } as Capabilities;
  }

  fail(method: string, error: unknown): void {
    this.#behaviour.set(method, { kind: 'fail', error });
  }
  never(method: string): void {
    this.#behaviour.set(method, { kind: 'never' });
  }
  malform(method: string, value: unknown): void {
    this.#behaviour.set(method, { kind: 'malform', value });
  }
  /** The next call of `method` waits until the returned function is called. */
  hold(method: string): () => void {
    let release!: () => void;
    this.#behaviour.set(method, { kind: 'hold', gate: new Promise<void>((r) => (release = r)) });
    return release;
  }
  emit(event: HostEventName, payload: unknown): void {
    for (const h of [...(this.#listeners.get(event) ?? [])]) h(payload);
  }
  listenerCount(event: HostEventName): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  async #run<T>(method: string, args: unknown[], options: CallOptions | undefined, answer: () => T): Promise<T> {
    this.calls.push({ method, args });
    if (options?.signal) this.signals[method] = options.signal;
    const b = this.#behaviour.get(method);
    this.#behaviour.delete(method);
    if (b?.kind === 'fail') throw b.error;
    if (b?.kind === 'never') return new Promise<T>(() => {});
    if (b?.kind === 'malform') return b.value as T;
    if (b?.kind === 'hold') await b.gate;
    return answer();
  }

  #write(method: string, payload: { idempotencyKey: string }, options?: CallOptions): Promise<WriteReceipt> {
    return this.#run(method, [payload], options, () => {
      const key = `${method}:${payload.idempotencyKey}`;
      if (!this.#answers.has(key)) {
        this.received.push({ method, payload });
        this.#answers.set(key, { id: `${method}-${this.received.length}` });
      }
      return structuredClone(this.#answers.get(key)) as WriteReceipt;
    });
  }

  getContext = (o?: CallOptions) => this.#run('getContext', [], o, () => structuredClone(this.context));
  getHistory = (customerId: string, o?: CallOptions) =>
    this.#run('getHistory', [customerId], o, () => ({ customer: { id: customerId, name: 'Ann Lee' }, incidents: [] }));
  getPolicy = (o?: CallOptions): Promise<never> =>
    this.#run('getPolicy', [], o, () => {
      throw new HostError('not_found', 'No policy here.');
    });
  getFund = (agentId: string, o?: CallOptions) => this.#run('getFund', [agentId], o, () => structuredClone(this.current));
  getTaxonomy = (o?: CallOptions) => this.#run('getTaxonomy', [], o, () => ({ version: 1, departments: [], causes: [] }));
  getRecurrence = (since: string, o?: CallOptions) => this.#run('getRecurrence', [since], o, () => [{ causeId: 'c1', count: 3 }]);
  recordRecovery: HostAdapter['recordRecovery'] = (r, o) => this.#write('recordRecovery', r, o);
  logRootCause: HostAdapter['logRootCause'] = (r, o) => this.#write('logRootCause', r, o);
  acknowledgeBaggage: HostAdapter['acknowledgeBaggage'] = (r, o) => this.#write('acknowledgeBaggage', r, o);
  requestCallback: HostAdapter['requestCallback'] = (r, o) => this.#write('requestCallback', r, o);
  spend = (request: SpendRequest, o?: CallOptions): Promise<SpendResult> =>
    this.#run('spend', [request], o, () => {
      const key = `spend:${request.idempotencyKey}`;
      if (!this.#answers.has(key)) {
        if (request.expectedVersion !== this.current.version) {
          throw new HostError('conflict', 'The fund changed.', { details: { currentVersion: this.current.version } });
        }
        this.current = fund(this.current.version + 1, this.current.spent + request.amount);
        this.received.push({ method: 'spend', payload: request });
        this.#answers.set(key, { status: 'done', entryId: `entry-${this.received.length}`, fund: this.current });
      }
      return structuredClone(this.#answers.get(key)) as SpendResult;
    });

  on<E extends HostEventName>(event: E, handler: (payload: HostEvents[E]) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, set);
    const h = handler as (p: unknown) => void;
    set.add(h);
    return () => set.delete(h);
  }

  registerWrapUpGuard(guard: WrapUpGuard): () => void {
    this.guards.push(guard);
    return () => {
      this.guards = this.guards.filter((g) => g !== guard);
    };
  }
}
