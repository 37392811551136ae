/**
 * What a real CRM server enforces, shared by both fake CRMs (MemoryAdapter, LocalAdapter) so that
 * they behave alike: fund versions (a stale `expectedVersion` is a `conflict`), idempotency (a
 * replayed key returns the first answer and applies nothing, for spends and every write), approval
 * above the threshold, rejection above the per-action cap or of an invalid amount or currency,
 * period roll-over. The money rules themselves are the pure ones of `src/core/fund.ts`.
 *
 * The server runs on a {@link RecordStore}: a key-value store with one atomic read-modify-write
 * (a Map in memory, one IndexedDB transaction in the browser), so two tabs never lose an update.
 */
import type { Agent, CustomerHistory, Fund, Interaction, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../core/model.js';
import { applySpend, evaluateSpend, rollOver, settleSpend } from '../core/fund.js';
import { authorityFor, DEFAULT_POLICY } from '../core/recovery.js';
import { HostError } from './errors.js';
import type { HostWrites, SpendRequest, SpendResult, WriteKind, WriteReceipt } from './host-adapter.js';

/** What one atomic step reads and writes. `undefined` as a value deletes the key. */
export interface Step<T> {
  result: T;
  writes?: Array<[string, unknown]>;
  /** Delete every key before writing (reset). */
  clear?: boolean;
}

/** A key-value store with one atomic read-modify-write. `run` must be synchronous. */
export interface RecordStore {
  get(key: string): Promise<unknown>;
  transact<T>(keys: readonly string[], run: (values: unknown[]) => Step<T>): Promise<T>;
  /** Every [key, value] whose key starts with `prefix`. */
  scan(prefix: string): Promise<Array<[string, unknown]>>;
}

/** In-memory store (values are cloned in and out, as a real server's would be). */
export class MapStore implements RecordStore {
  readonly map = new Map<string, unknown>();
  async get(key: string): Promise<unknown> {
    return structuredClone(this.map.get(key));
  }
  async transact<T>(keys: readonly string[], run: (values: unknown[]) => Step<T>): Promise<T> {
    const step = run(keys.map((k) => structuredClone(this.map.get(k))));
    if (step.clear) this.map.clear();
    for (const [k, v] of step.writes ?? []) v === undefined ? this.map.delete(k) : this.map.set(k, structuredClone(v));
    return step.result;
  }
  async scan(prefix: string): Promise<Array<[string, unknown]>> {
    return [...this.map].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k, structuredClone(v)]);
  }
}

/** The data a fake CRM starts with. */
export interface CrmSeed {
  agents?: Agent[];
  funds?: Fund[];
  policy?: RecoveryPolicy;
  histories?: CustomerHistory[];
  interactions?: Interaction[];
  taxonomy?: Taxonomy;
  /** Root causes logged recently (spread over the last few days). */
  recurrence?: RecurrenceCount[];
}

/** A write the server applied, as stored under its idempotency key. */
export interface AppliedWrite<K extends WriteKind | 'spend' = WriteKind | 'spend'> {
  kind: K;
  payload: K extends WriteKind ? HostWrites[K] : SpendRequest;
  answer: K extends WriteKind ? WriteReceipt : SpendResult;
  /** ISO 8601, when the server applied it. */
  appliedAt: string;
}

/** The answer of a write step, and whether it changed anything (false for a replay). */
export interface Served<T> {
  answer: T;
  applied: boolean;
}

export interface RecurrenceEvent {
  causeId: string;
  at: string;
}

/** The store's keys (shared with the lead's server rules, `lead-crm.ts`). */
export const K = {
  fund: (agentId: string) => `fund:${agentId}`,
  history: (customerId: string) => `history:${customerId}`,
  agent: (agentId: string) => `agent:${agentId}`,
  write: (kind: string, key: string) => `write:${kind}:${key}`,
  decision: (entryId: string) => `decision:${entryId}`,
};

let counter = 0;
/** A unique id (random part so two tabs never collide). */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export const notFound = (what: string) => new HostError('not_found', `${what} was not found.`, { retryable: false });

export function checkKey(payload: { idempotencyKey?: unknown } | null | undefined): string {
  const key = payload?.idempotencyKey;
  if (typeof key !== 'string' || !key || key.length > 256)
    throw new HostError('invalid_request', 'Every write needs an idempotency key (1-256 characters).', { retryable: false });
  return key;
}

/** The records a seed becomes. Recurrence counts become events spread over the last 6 days. */
export function seedRecords(seed: CrmSeed, now: number): Array<[string, unknown]> {
  const records: Array<[string, unknown]> = [
    ['policy', seed.policy ?? DEFAULT_POLICY],
    ['taxonomy', seed.taxonomy ?? { version: 1, departments: [], causes: [] }],
    ['interactions', seed.interactions ?? []],
    ['meta', { seededAt: new Date(now).toISOString() }],
  ];
  for (const a of seed.agents ?? []) records.push([K.agent(a.id), a]);
  for (const f of seed.funds ?? []) records.push([K.fund(f.agentId), f]);
  for (const h of seed.histories ?? []) records.push([K.history(h.customer.id), h]);
  const events: RecurrenceEvent[] = [];
  for (const { causeId, count } of seed.recurrence ?? [])
    for (let i = 0; i < count; i++) events.push({ causeId, at: new Date(now - ((i * 6 * 86_400_000) / count + 60_000)).toISOString() });
  records.push(['recurrence', events]);
  return records;
}

/**
 * Pure: the answer of a spend given the fund, the first answer under its key (if any), the agent's
 * authority, and the time. Throws `conflict` (stale version) or `not_found` (no fund).
 */
export function decideSpend(
  fund: Fund | undefined,
  first: AppliedWrite<'spend'> | undefined,
  request: SpendRequest,
  policy: RecoveryPolicy | undefined,
  agent: Agent | undefined,
  now: number,
): Step<Served<SpendResult>> {
  if (first) return { result: { answer: first.answer, applied: false } };
  const key = checkKey(request);
  if (!fund) throw notFound(`The fund of agent "${String(request.agentId)}"`);
  const current = rollOver(fund, now);
  if (request.expectedVersion !== current.version)
    throw new HostError('conflict', `The fund changed (version ${current.version}, you saw ${String(request.expectedVersion)}). Reload it and try again.`, {
      retryable: false,
      details: { currentVersion: current.version },
    });
  const entryId = newId('spend');
  const amount = request.amount;
  let status: SpendResult['status'];
  let message: string | undefined;
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    status = 'rejected';
    message = 'The amount must be a whole number of minor units above zero.';
  } else if (request.currency !== current.currency) {
    status = 'rejected';
    message = `This fund is in ${current.currency}; a spend in ${String(request.currency)} is refused.`;
  } else {
    const decision = evaluateSpend(current, amount, policy && agent ? authorityFor(policy, agent.role) : undefined);
    status = decision.status === 'allowed' ? 'done' : decision.status === 'needs_approval' ? 'pending_approval' : 'rejected';
    if (status !== 'done') message = decision.reasons.map((r) => r.text).join(' ') || undefined;
  }
  // A rejection gives nothing and leaves the fund as it was (its answer is still kept under the key).
  const after =
    status === 'rejected'
      ? current
      : applySpend(
          current,
          { id: entryId, at: new Date(now).toISOString(), amount, reason: request.reason, interactionId: request.interactionId, offerId: request.offerId, note: request.note },
          status,
        );
  const answer: SpendResult = { status, entryId, fund: after, ...(message ? { message } : {}) };
  const record: AppliedWrite<'spend'> = { kind: 'spend', payload: request, answer, appliedAt: new Date(now).toISOString() };
  const writes: Array<[string, unknown]> = [[K.write('spend', key), record]];
  if (after !== fund) writes.push([K.fund(fund.agentId), after]);
  return { result: { answer, applied: true }, writes };
}

/**
 * The server: reads, writes and spends over a {@link RecordStore}. Both fake CRMs use it; they add
 * only their transport (test knobs, IndexedDB, tabs).
 */
export class Crm {
  constructor(
    readonly store: RecordStore,
    readonly now: () => number = Date.now,
  ) {}

  /** Write the seed unless the store already holds one (or always, with `force`: reset). */
  seed(seed: CrmSeed | (() => CrmSeed), force = false): Promise<boolean> {
    const build = () => (typeof seed === 'function' ? seed() : seed);
    // First use: the seed is built only when the store holds none (not on every start).
    if (!force) {
      return this.store.transact(['meta'], ([meta]) => (meta ? { result: false } : { result: true, writes: seedRecords(build(), this.now()) }));
    }
    const s = build();
    const fundKeys = (s.funds ?? []).map((f) => K.fund(f.agentId));
    return this.store.transact(fundKeys, (funds) => {
      // A reset never reuses a fund version: every tab keeps only newer versions, so the seeded
      // fund must be newer than whatever it replaces.
      const old = new Map(fundKeys.map((key, i) => [key, funds[i] as Fund | undefined]));
      const writes = seedRecords(s, this.now()).map(([key, value]): [string, unknown] => {
        const before = old.get(key);
        return before ? [key, { ...(value as Fund), version: Math.max((value as Fund).version, before.version + 1) }] : [key, value];
      });
      return { result: true, clear: true, writes };
    });
  }

  async #get<T>(key: string): Promise<T | undefined> {
    return (await this.store.get(key)) as T | undefined;
  }

  async history(customerId: string): Promise<CustomerHistory> {
    return (await this.#get<CustomerHistory>(K.history(customerId))) ?? Promise.reject(notFound(`Customer "${customerId}"`));
  }

  async policy(): Promise<RecoveryPolicy> {
    return (await this.#get<RecoveryPolicy>('policy')) ?? DEFAULT_POLICY;
  }

  async taxonomy(): Promise<Taxonomy> {
    return (await this.#get<Taxonomy>('taxonomy')) ?? { version: 1, departments: [], causes: [] };
  }

  async agent(agentId: string): Promise<Agent | undefined> {
    return this.#get<Agent>(K.agent(agentId));
  }

  async interactions(): Promise<Interaction[]> {
    return (await this.#get<Interaction[]>('interactions')) ?? [];
  }

  /** Replace the stored list of open interactions. */
  setInteractions(list: Interaction[]): Promise<void> {
    return this.store.transact([], () => ({ result: undefined, writes: [['interactions', list]] }));
  }

  /** The fund for the current period (rolled over, and stored so, when the period ended). */
  fund(agentId: string): Promise<Fund> {
    const key = K.fund(agentId);
    return this.store.transact([key], ([f]) => {
      if (!f) throw notFound(`The fund of agent "${agentId}"`);
      const rolled = rollOver(f as Fund, this.now());
      return { result: rolled, writes: rolled !== f ? [[key, rolled]] : [] };
    });
  }

  /** Counts of root causes logged since `since`. */
  async recurrence(since: string): Promise<RecurrenceCount[]> {
    const from = Date.parse(since);
    const counts = new Map<string, number>();
    for (const e of (await this.#get<RecurrenceEvent[]>('recurrence')) ?? [])
      if (!(Date.parse(e.at) < from)) counts.set(e.causeId, (counts.get(e.causeId) ?? 0) + 1);
    return [...counts].map(([causeId, count]) => ({ causeId, count }));
  }

  /** Spend from a fund: done, pending approval or rejected; a replayed key answers the first answer. */
  async spend(request: SpendRequest): Promise<Served<SpendResult>> {
    const agentId = String(request?.agentId);
    const key = K.write('spend', checkKey(request));
    return this.store.transact([K.fund(agentId), key, 'policy', K.agent(agentId)], ([fund, first, policy, agent]) =>
      decideSpend(fund as Fund, first as AppliedWrite<'spend'>, request, policy as RecoveryPolicy, agent as Agent, this.now()),
    );
  }

  /** Apply a write once; a replayed key answers the first receipt and applies nothing. */
  async write<W extends WriteKind>(kind: W, payload: HostWrites[W]): Promise<Served<WriteReceipt>> {
    const key = K.write(kind, checkKey(payload));
    const logsCause = kind === 'logRootCause';
    return this.store.transact<Served<WriteReceipt>>(logsCause ? [key, 'recurrence'] : [key], ([first, events]) => {
      if (first) return { result: { answer: (first as AppliedWrite).answer as WriteReceipt, applied: false } };
      const at = new Date(this.now()).toISOString();
      const answer: WriteReceipt = { id: newId(kind) };
      const writes: Array<[string, unknown]> = [[key, { kind, payload, answer, appliedAt: at } satisfies AppliedWrite]];
      if (logsCause) writes.push(['recurrence', [...((events as RecurrenceEvent[]) ?? []), { causeId: (payload as HostWrites['logRootCause']).causeId, at }]]);
      return { result: { answer, applied: true }, writes };
    });
  }

  /**
   * A lead's decision on a spend pending approval: approved moves it to spent, declined releases it.
   * A second decision on the same entry is a `conflict` (real refund tools refuse a second approval).
   */
  decide(agentId: string, entryId: string, approve: boolean): Promise<Fund> {
    const key = K.fund(agentId);
    return this.store.transact([key], ([f]) => {
      const fund = f as Fund | undefined;
      const entry = fund?.ledger.find((e) => e.id === entryId);
      if (!fund || !entry) throw notFound(`Spend "${entryId}"`);
      if (entry.status !== 'pending_approval')
        throw new HostError('conflict', 'This spend was already decided.', { retryable: false, details: { currentVersion: fund.version } });
      const next = settleSpend(fund, entryId, approve ? 'done' : 'rejected');
      return { result: next, writes: [[key, next]] };
    });
  }

  /** Every write the server applied (oldest first), optionally of one kind. */
  async writes(kind?: WriteKind | 'spend'): Promise<AppliedWrite[]> {
    const all = (await this.store.scan(kind ? `write:${kind}:` : 'write:')).map(([, v]) => v as AppliedWrite);
    return all.sort((a, b) => a.appliedAt.localeCompare(b.appliedAt));
  }
}
