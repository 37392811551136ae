// The tests' host: MemoryAdapter (the same server rules as the embedded CRM, idempotent writes,
// failNext / malformNext / hold / never / emit) plus the knobs only the write-path tests need: a log
// of every attempt that reached the host, a host that is down, answers lost after applying, refusals
// per write, a hook when a write arrives and a latency that can change mid-test.
import { MemoryAdapter, type MemoryOptions, type MemorySeed } from '../../src/adapter/memory-adapter.js';
import type { AnyHostEvents, CallOptions, HostWrites, SpendRequest, WriteKind } from '../../src/adapter/host-adapter.js';
import type { Fund, Interaction } from '../../src/core/model.js';
import { makeFund } from './fund.js';

export type WriteName = WriteKind | 'spend';
type Keyed = { idempotencyKey: string; interactionId?: string };

/** A write the host applied (once per key). */
export interface Applied {
  kind: WriteName;
  key: string;
  interactionId: string;
  payload: unknown;
}

/** What a refusing host throws: a plain `{ code, message }` (the adapter layer types it). */
export type Refusal = { code: string; message: string };

/** The agent and fund a TestHost starts with: agent `a1`, a fund whose period runs at {@link TEST_NOW}. */
export const TEST_AGENT = 'a1';
export const TEST_NOW = Date.parse('2026-01-06T10:00:00Z');

export class TestHost extends MemoryAdapter {
  /** Every write/spend that reached the host, replays and failures included. */
  readonly attempts: Array<{ kind: WriteName; key: string }> = [];
  /** Host away: every write answers `unavailable` without applying. */
  down = false;
  /** The next N writes are applied, but the answer is lost (`timeout`). */
  loseAnswers = 0;
  /** Latency of writes and spends in ms, changeable at any time (reads: `options.latency`). */
  latency = 0;
  /** Permanent refusal of a write not yet applied (e.g. validation), applying nothing. */
  refuse: (kind: WriteName, payload: Keyed) => Refusal | null = () => null;
  /** Called with the payload when a write reaches the host (before anything is applied). */
  onAttempt: (kind: WriteName, payload: Keyed) => void | Promise<void> = () => {};
  /** Events this host never fires (a host that drops `fundChanged`, say). */
  readonly muted = new Set<keyof AnyHostEvents>();

  constructor(seed: MemorySeed = {}, options: MemoryOptions = {}) {
    super(
      { agents: [{ id: TEST_AGENT, name: 'Dana', role: 'agent' }], funds: [makeFund({ periodStart: '2026-01-05T00:00:00Z', periodEnd: '2026-01-12T00:00:00Z' })], ...seed },
      { now: () => TEST_NOW, ...options },
    );
  }

  /** Writes and spends applied, in order. */
  get applied(): Applied[] {
    return this.received.map(({ kind, payload }) => {
      const p = payload as Keyed;
      return { kind, key: p.idempotencyKey, interactionId: p.interactionId ?? '', payload };
    });
  }

  appliedKeys(kind?: WriteName): string[] {
    return this.applied.filter((a) => !kind || a.kind === kind).map((a) => a.key);
  }

  attemptsOf(key: string): number {
    return this.attempts.filter((a) => a.key === key).length;
  }

  /** The server's fund of `agentId` now. */
  fund(agentId = TEST_AGENT): Promise<Fund> {
    return this.crm.fund(agentId);
  }

  override emit<E extends keyof AnyHostEvents>(event: E, payload: AnyHostEvents[E] | unknown): void {
    if (!this.muted.has(event)) super.emit(event, payload);
  }

  override spend(request: SpendRequest, options?: CallOptions) {
    return this.#attempt('spend', request, () => super.spend(request, options));
  }
  override recordRecovery(payload: HostWrites['recordRecovery'], options?: CallOptions) {
    return this.#attempt('recordRecovery', payload, () => super.recordRecovery(payload, options));
  }
  override logRootCause(payload: HostWrites['logRootCause'], options?: CallOptions) {
    return this.#attempt('logRootCause', payload, () => super.logRootCause(payload, options));
  }
  override acknowledgeBaggage(payload: HostWrites['acknowledgeBaggage'], options?: CallOptions) {
    return this.#attempt('acknowledgeBaggage', payload, () => super.acknowledgeBaggage(payload, options));
  }
  override requestCallback(payload: HostWrites['requestCallback'], options?: CallOptions) {
    return this.#attempt('requestCallback', payload, () => super.requestCallback(payload, options));
  }
  override notifyManager(payload: HostWrites['notifyManager'], options?: CallOptions) {
    return this.#attempt('notifyManager', payload, () => super.notifyManager(payload, options));
  }

  async #attempt<T>(kind: WriteName, payload: Keyed, apply: () => Promise<T>): Promise<T> {
    this.attempts.push({ kind, key: payload.idempotencyKey });
    await this.onAttempt(kind, payload);
    if (this.latency) await new Promise((r) => setTimeout(r, this.latency)); // a slow host, not a wait in a test
    if (this.down) throw { code: 'unavailable', message: 'Host is down for maintenance.' };
    if (!this.appliedKeys(kind).includes(payload.idempotencyKey)) {
      const refusal = this.refuse(kind, payload);
      if (refusal) throw refusal;
    }
    const answer = await apply();
    if (this.loseAnswers > 0) {
      this.loseAnswers--;
      throw { code: 'timeout', message: 'The answer was lost.' };
    }
    return answer;
  }
}

// ---- one agent at a desk: the foundation tests' world -------------------------------------------

export const interactionA: Interaction = {
  id: 'int-A', customerId: 'cust-A', channel: 'voice', startedAt: '2026-11-23T10:00:00.000Z', customerName: 'Ann',
};
export const interactionB: Interaction = {
  id: 'int-B', customerId: 'cust-B', channel: 'chat', startedAt: '2026-11-23T10:05:00.000Z', customerName: 'Bo',
};
/** "Now" inside {@link deskFund}'s week, so no roll-over happens. */
export const DESK_NOW = Date.parse('2026-11-25T12:00:00.000Z');

/** Agent `agent-1`'s fund at `version` with `spent` (week of 2026-11-23). */
export function deskFund(version: number, spent = 0): Fund {
  return makeFund({ agentId: 'agent-1', spent, version, periodStart: '2026-11-23T00:00:00.000Z', periodEnd: '2026-11-30T00:00:00.000Z' });
}

/** A host with agent `agent-1` (Dana) on `interaction`, customers A and B, and a fund at version 1. */
export function deskHost(interaction: Interaction | null = interactionA, options: MemoryOptions = {}): MemoryAdapter {
  return new MemoryAdapter(
    {
      context: { agent: { id: 'agent-1', name: 'Dana', role: 'agent' }, interaction, locale: 'en-US', currency: 'USD' },
      funds: [deskFund(1)],
      histories: [interactionA, interactionB].map((i) => ({ customer: { id: i.customerId, name: i.customerName ?? i.customerId }, incidents: [] })),
    },
    { now: () => DESK_NOW, ...options },
  );
}
