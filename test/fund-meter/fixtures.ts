// Fund fixtures and a small host for the fund-meter tests (MemoryAdapter covers the full host).
import { CAPABILITIES, type HostAdapter, type HostEventName, type HostEvents, type SpendRequest } from '../../src/adapter/host-adapter.js';
import type { Fund, HostContext, LedgerEntry } from '../../src/core/model.js';

/** "Now" inside the fixtures' period, so no roll-over happens unless a test asks for one. */
export const NOW = Date.parse('2026-11-25T12:00:00.000Z');

let agents = 0;
/** A fresh agent id per test: sessions of one page share the cross-tab channel. */
export const newAgentId = () => `agent-fm-${++agents}-${Math.random().toString(36).slice(2, 8)}`;

export function entry(over: Partial<LedgerEntry> = {}): LedgerEntry {
  return { id: `e-${Math.random().toString(36).slice(2, 9)}`, at: '2026-11-24T09:30:00.000Z', amount: 1500, reason: 'goodwill', interactionId: 'int-1', status: 'done', ...over };
}

export function makeFund(over: Partial<Fund> = {}): Fund {
  return {
    agentId: 'agent-fm', currency: 'USD', budget: 20000, spent: 4000, pending: 0, perActionCap: 15000, approvalThreshold: 5000,
    period: 'week', periodStart: '2026-11-23T00:00:00.000Z', periodEnd: '2026-11-30T00:00:00.000Z', version: 1, ledger: [],
    ...over,
  };
}

type Answer = { fail?: unknown; malformed?: unknown; hold?: boolean };

/** A host console that has an agent fund. Answers can fail, be malformed, or be held. */
export class FundHost implements HostAdapter {
  capabilities = Object.fromEntries(CAPABILITIES.map((c) => [c, true])) as Record<(typeof CAPABILITIES)[number], boolean>;
  context: HostContext;
  fund: Fund;
  calls = { getFund: 0, getContext: 0 };
  next: { getFund: Answer[]; getContext: Answer[] } = { getFund: [], getContext: [] };
  held: Array<() => void> = [];
  listeners = new Map<string, Set<(p: unknown) => void>>();

  constructor(fund: Partial<Fund> = {}, options: { fund?: boolean } = {}) {
    const agentId = fund.agentId ?? newAgentId();
    this.fund = makeFund({ ...fund, agentId });
    this.context = { agent: { id: agentId, name: 'Dana Reyes', role: 'agent' }, interaction: null, locale: 'en-US', currency: this.fund.currency };
    if (options.fund === false) this.capabilities.fund = false;
  }

  listenerCount(event: HostEventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }
  emit<E extends HostEventName>(event: E, payload: HostEvents[E]): void {
    for (const h of [...(this.listeners.get(event) ?? [])]) h(payload);
  }
  async #answer<T>(queue: Answer[], value: () => T): Promise<T> {
    const a = queue.shift();
    if (a?.hold) await new Promise<void>((r) => this.held.push(r));
    if (a?.fail) throw a.fail;
    if (a?.malformed !== undefined) return a.malformed as T;
    return structuredClone(value());
  }
  getContext() {
    this.calls.getContext++;
    return this.#answer(this.next.getContext, () => this.context);
  }
  getFund() {
    this.calls.getFund++;
    return this.#answer(this.next.getFund, () => this.fund);
  }
  async spend(request: SpendRequest) {
    const e = entry({ id: `e-${request.idempotencyKey}`, amount: request.amount, reason: request.reason, interactionId: request.interactionId, at: request.at });
    this.fund = { ...this.fund, spent: this.fund.spent + request.amount, version: this.fund.version + 1, ledger: [...this.fund.ledger, e] };
    return { status: 'done' as const, entryId: e.id, fund: structuredClone(this.fund) };
  }
  async getHistory(customerId: string) {
    return { customer: { id: customerId, name: customerId }, incidents: [] };
  }
  async getPolicy(): Promise<never> {
    throw Object.assign(new Error('no policy'), { code: 'not_found' });
  }
  async getTaxonomy() {
    return { version: 1, departments: [], causes: [] };
  }
  async getRecurrence() {
    return [];
  }
  async recordRecovery() {
    return { id: 'r' };
  }
  async logRootCause() {
    return { id: 'l' };
  }
  async acknowledgeBaggage() {
    return { id: 'a' };
  }
  async requestCallback() {
    return { id: 'c' };
  }
  on<E extends HostEventName>(event: E, handler: (p: HostEvents[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const h = handler as (p: unknown) => void;
    set.add(h);
    return () => set.delete(h);
  }
}

/**
 * The test runner runs two pages at once and one of them is hidden: a hidden page never runs
 * requestAnimationFrame (which the polite announcer and fixture() wait for). While installed,
 * a frame callback also runs after a short timer, whichever comes first, exactly once.
 */
export function installFrameFallback(): () => void {
  const native = window.requestAnimationFrame;
  window.requestAnimationFrame = (callback: FrameRequestCallback): number => {
    let done = false;
    const run = (time: number) => {
      if (done) return;
      done = true;
      callback(time);
    };
    setTimeout(() => run(performance.now()), 32);
    return native.call(window, run);
  };
  return () => {
    window.requestAnimationFrame = native;
  };
}
