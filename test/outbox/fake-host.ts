/**
 * A fake host console that behaves like a real server on writes: it dedupes by idempotency key
 * (a replayed key applies nothing and returns the first receipt), counts attempts AND applications,
 * and can be down, lose answers (apply, then time out) or reject for good.
 */
import { until } from '../helpers/until.js';
import type { Fund } from '../../src/core/model.js';
import { makeFund } from '../helpers/fund.js';
import type {
  CallOptions,
  HostAdapter,
  HostWrites,
  SpendRequest,
  SpendResult,
  WriteKind,
  WriteReceipt,
} from '../../src/adapter/host-adapter.js';
import { CAPABILITIES } from '../../src/adapter/host-adapter.js';

export interface Applied {
  kind: WriteKind | 'spend';
  key: string;
  interactionId: string;
  payload: unknown;
}

type Failure = { code: string; message: string };

export class FakeHost implements HostAdapter {
  readonly capabilities = Object.fromEntries(CAPABILITIES.map((c) => [c, true])) as HostAdapter['capabilities'];
  /** Every write/spend the host applied (once per key). */
  readonly applied: Applied[] = [];
  /** Every call that reached the host, replays included. */
  readonly attempts: Array<{ kind: WriteKind | 'spend'; key: string }> = [];
  /** Host away: every write answers `unavailable` without applying. */
  down = false;
  /** The next N writes are applied, but the answer is lost (time-out). */
  loseAnswers = 0;
  /** Fake latency in ms. */
  latency = 0;
  /** Permanent refusal of a payload (e.g. validation), applying nothing. */
  refuse: (kind: WriteKind | 'spend', payload: { idempotencyKey: string }) => Failure | null = () => null;
  /** Called with the payload when a write reaches the host (before anything is applied). */
  onAttempt: (kind: WriteKind | 'spend', payload: { idempotencyKey: string }) => void | Promise<void> = () => {};

  #receipts = new Map<string, unknown>();
  fund: Fund = makeFund({ periodStart: '2026-01-05T00:00:00Z', periodEnd: '2026-01-12T00:00:00Z' });

  appliedKeys(kind?: WriteKind | 'spend'): string[] {
    return this.applied.filter((a) => !kind || a.kind === kind).map((a) => a.key);
  }

  attemptsOf(key: string): number {
    return this.attempts.filter((a) => a.key === key).length;
  }

  async #call<T>(kind: WriteKind | 'spend', payload: { idempotencyKey: string; interactionId: string }, apply: () => T): Promise<T> {
    this.attempts.push({ kind, key: payload.idempotencyKey });
    await this.onAttempt(kind, payload);
    if (this.latency) await new Promise((r) => setTimeout(r, this.latency));
    if (this.down) throw { code: 'unavailable', message: 'Host is down for maintenance.' };
    let answer = this.#receipts.get(payload.idempotencyKey) as T | undefined;
    if (answer === undefined) {
      const refusal = this.refuse(kind, payload);
      if (refusal) throw refusal;
      answer = apply();
      this.#receipts.set(payload.idempotencyKey, answer);
      this.applied.push({ kind, key: payload.idempotencyKey, interactionId: payload.interactionId, payload: structuredClone(payload) });
    }
    if (this.loseAnswers > 0) {
      this.loseAnswers--;
      throw { code: 'timeout', message: 'The answer was lost.' };
    }
    return structuredClone(answer);
  }

  #write<K extends WriteKind>(kind: K) {
    return (payload: HostWrites[K], _options?: CallOptions): Promise<WriteReceipt> =>
      this.#call(kind, payload, () => ({ id: 'r-' + payload.idempotencyKey }));
  }

  recordRecovery = this.#write('recordRecovery');
  logRootCause = this.#write('logRootCause');
  acknowledgeBaggage = this.#write('acknowledgeBaggage');
  requestCallback = this.#write('requestCallback');
  notifyManager = this.#write('notifyManager');

  spend(request: SpendRequest): Promise<SpendResult> {
    return this.#call('spend', request, () => {
      if (request.expectedVersion !== this.fund.version) throw { code: 'conflict', message: 'The fund changed.' };
      this.fund = {
        ...this.fund,
        spent: this.fund.spent + request.amount,
        version: this.fund.version + 1,
        ledger: [
          ...this.fund.ledger,
          { id: 'l-' + request.idempotencyKey, at: request.at, amount: request.amount, reason: request.reason, interactionId: request.interactionId, status: 'done' },
        ],
      };
      return { status: 'done' as const, entryId: 'l-' + request.idempotencyKey, fund: this.fund };
    });
  }

  getContext(): never {
    throw { code: 'unsupported', message: 'not in this fake' };
  }
  getHistory = this.getContext;
  getPolicy = this.getContext;
  getFund = async () => structuredClone(this.fund);
  getTaxonomy = this.getContext;
  getRecurrence = this.getContext;
  on() {
    return () => {};
  }
}

let counter = 0;
/** A unique scope per test (IndexedDB isolation). */
export function uniqueScope(name = 't'): string {
  return `${name}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export function ack(key: string, interactionId = 'i1'): HostWrites['acknowledgeBaggage'] {
  return { idempotencyKey: key, interactionId, customerId: 'c1', at: '2026-01-06T10:00:00Z', incidentIds: ['inc1'] };
}

export function rootCause(key: string, interactionId = 'i1', problem = 'Parcel arrived crushed'): HostWrites['logRootCause'] {
  return {
    idempotencyKey: key,
    interactionId,
    customerId: 'c1',
    at: '2026-01-06T10:00:00Z',
    problem,
    causeId: 'wh-packing',
    departmentId: 'warehouse',
    resolution: 'Replacement shipped',
    notifyDepartment: true,
  };
}

export function spendRequest(key: string, amount = 1500, expectedVersion = 1): SpendRequest {
  return {
    idempotencyKey: key,
    interactionId: 'i1',
    customerId: 'c1',
    at: '2026-01-06T10:00:00Z',
    agentId: 'a1',
    amount,
    currency: 'USD',
    reason: 'goodwill',
    expectedVersion,
  };
}

export { until };
