// A deliberately tiny host adapter for the foundation tests (the full MemoryAdapter lives in src/adapter).
import { CAPABILITIES, type HostAdapter, type HostEventName, type HostEvents } from '../../src/adapter/host-adapter.js';
import type { Fund, HostContext, Interaction } from '../../src/core/model.js';
import { makeFund } from './fund.js';

export const interactionA: Interaction = {
  id: 'int-A', customerId: 'cust-A', channel: 'voice', startedAt: '2026-11-23T10:00:00.000Z', customerName: 'Ann',
};
export const interactionB: Interaction = {
  id: 'int-B', customerId: 'cust-B', channel: 'chat', startedAt: '2026-11-23T10:05:00.000Z', customerName: 'Bo',
};

export function fund(version: number, spent = 0): Fund {
  return makeFund({ agentId: 'agent-1', spent, version, periodStart: '2026-11-23T00:00:00.000Z', periodEnd: '2026-11-30T00:00:00.000Z' });
}

export class TinyAdapter implements HostAdapter {
  capabilities = Object.fromEntries(CAPABILITIES.map((c) => [c, true])) as HostAdapter['capabilities'];
  context: HostContext = { agent: { id: 'agent-1', name: 'Dana', role: 'agent' }, interaction: interactionA, locale: 'en-US', currency: 'USD' };
  funds: Fund[] = [fund(1)];
  calls: Record<string, number> = {};
  spendAnswers: Array<() => Promise<unknown>> = [];
  spends: string[] = [];
  listeners = new Map<string, Set<(p: unknown) => void>>();

  #count(name: string) {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
  fire<E extends HostEventName>(event: E, payload: HostEvents[E] | unknown): void {
    for (const h of [...(this.listeners.get(event) ?? [])]) h(payload);
  }
  async getContext() {
    this.#count('getContext');
    return structuredClone(this.context);
  }
  async getHistory(customerId: string) {
    this.#count('getHistory');
    return { customer: { id: customerId, name: customerId }, incidents: [] };
  }
  async getPolicy(): Promise<never> {
    throw Object.assign(new Error('no policy here'), { code: 'not_found' });
  }
  async getFund() {
    this.#count('getFund');
    return structuredClone(this.funds[this.funds.length - 1]);
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
  async spend(request: { idempotencyKey: string }) {
    this.#count('spend');
    const next = this.spendAnswers.shift();
    if (next) return next() as never;
    if (!this.spends.includes(request.idempotencyKey)) this.spends.push(request.idempotencyKey);
    const f = fund(this.funds.length + 1, 1000);
    this.funds.push(f);
    return { status: 'done' as const, entryId: `e-${request.idempotencyKey}`, fund: f };
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
