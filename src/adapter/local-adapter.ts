/**
 * The embedded default host: a small CRM living in the browser, persisted in IndexedDB (idb-keyval),
 * seeded on first use with the demo data. It enforces what a real server would (see `enforce.ts`):
 * fund versions, idempotency, approval above the threshold. Its data survives a reload and
 * {@link LocalAdapter.reset} restores the seed. A spend in one tab fires `fundChanged` in every tab
 * of the origin (BroadcastChannel `mend-local-crm`).
 *
 * ```ts
 * import { LocalAdapter } from 'mend-widgets/adapter/local';
 * const host = new LocalAdapter();
 * hostElement.adapter = host;
 * host.setOnline(false); // the demo's "take the host offline" switch
 * ```
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { Fund, HostContext, Interaction } from '../core/model.js';
import { demoSeed, type DemoSeed } from './demo-data.js';
import { Crm, type AppliedWrite, type CrmSeed, type RecordStore, type Step } from './enforce.js';
import { HostEventHub } from './event-hub.js';
import { approvalsOf, decideApproval, reportOf } from './lead-crm.js';
import { LEAD_CAPABILITIES, type ApprovalDecided, type ApprovalDecision, type ApprovalItem, type ReportQuery } from './lead.js';
import { HostError } from './errors.js';
import {
  CAPABILITIES,
  type AnyHostEvents,
  type Capabilities,
  type HostAdapter,
  type HostWrites,
  type SpendRequest,
  type SpendResult,
  type WrapUpGuard,
  type WrapUpVerdict,
  type WriteKind,
  type WriteReceipt,
} from './host-adapter.js';

export { demoSeed, generateTaxonomy, DEMO_IDS, type DemoSeed } from './demo-data.js';

/** The name of the cross-tab channel. */
export const LOCAL_CHANNEL = 'mend-local-crm';

/** An IndexedDB {@link RecordStore}: each step reads and writes inside ONE readwrite transaction. */
export class IdbStore implements RecordStore {
  constructor(readonly use: UseStore) {}
  get(key: string): Promise<unknown> {
    return this.use('readonly', (s) => promisifyRequest(s.get(key)));
  }
  transact<T>(keys: readonly string[], run: (values: unknown[]) => Step<T>): Promise<T> {
    return this.use('readwrite', (s) =>
      Promise.all(keys.map((k) => promisifyRequest(s.get(k)))).then((values) => {
        const step = run(values); // synchronous: the transaction is still active
        if (step.clear) s.clear();
        for (const [k, v] of step.writes ?? []) v === undefined ? s.delete(k) : s.put(v, k);
        return promisifyRequest(s.transaction).then(() => step.result);
      }),
    );
  }
  scan(prefix: string): Promise<Array<[string, unknown]>> {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    return this.use('readonly', (s) =>
      Promise.all([promisifyRequest(s.getAllKeys(range)), promisifyRequest(s.getAll(range))]).then(([k, v]) =>
        k.map((key, i) => [String(key), v[i]] as [string, unknown]),
      ),
    );
  }
}

export interface LocalOptions {
  /** IndexedDB database name (default `mend-local-crm`); pass another for isolation (tests). */
  name?: string;
  /** The agent at this desk (default Dana Reyes, `agent-dana`). */
  agentId?: string;
  /** The seed written on first use and by `reset()` (default {@link demoSeed}). */
  seed?: () => CrmSeed;
  locale?: string;
  /** The server clock. */
  now?: () => number;
}

type Message =
  | { db: string; type: 'fund'; fund: Fund }
  | { db: string; type: 'reset' }
  | { db: string; type: 'approvalRequested'; item: ApprovalItem }
  | { db: string; type: 'approvalDecided'; decided: ApprovalDecided };

const offline = () => new HostError('unavailable', 'The CRM is offline.', { details: { offline: true } });

export class LocalAdapter implements HostAdapter {
  readonly capabilities: Capabilities = Object.freeze(
    Object.fromEntries([...CAPABILITIES, ...LEAD_CAPABILITIES].map((c) => [c, true])) as Record<(typeof CAPABILITIES)[number], boolean>,
  );
  readonly name: string;
  readonly agentId: string;
  readonly crm: Crm;
  /** The durable outbox of this CRM and agent survives reloads under this scope. */
  readonly storageScope: string;

  #seed: () => CrmSeed;
  #locale: string;
  #ready: Promise<unknown> | null = null;
  #online = true;
  /** The active interaction id; undefined = the first open one. */
  #active: string | null | undefined;
  #hub = new HostEventHub();
  #channel: BroadcastChannel | null = null;
  #closed = false;

  constructor(options: LocalOptions = {}) {
    this.name = options.name ?? 'mend-local-crm';
    this.agentId = options.agentId ?? 'agent-dana';
    this.storageScope = `local:${this.name}:${this.agentId}`;
    this.#seed = options.seed ?? ((): DemoSeed => demoSeed(options.now?.()));
    this.#locale = options.locale ?? 'en-US';
    // Nothing opens here (server rendering imports and constructs this in Node): IndexedDB opens at
    // the first read or write (idb-keyval's store is lazy), the tabs' channel at the first
    // subscription or broadcast.
    this.crm = new Crm(new IdbStore(createStore(this.name, 'records')), options.now);
  }

  /** The channel to this CRM's other tabs, opened on first use; null after `close()` or without one. */
  #tabs(): BroadcastChannel | null {
    if (this.#channel || this.#closed || typeof BroadcastChannel !== 'function') return this.#channel;
    this.#channel = new BroadcastChannel(LOCAL_CHANNEL);
    this.#channel.onmessage = ({ data }: MessageEvent<Message>) => {
      if (data?.db !== this.name) return;
      if (data.type === 'fund') this.#emit('fundChanged', { fund: data.fund });
      else if (data.type === 'approvalRequested') this.#emit('approvalRequested', { item: data.item });
      else if (data.type === 'approvalDecided') this.#emit('approvalDecided', data.decided);
      else void this.#announceReset();
    };
    return this.#channel;
  }

  // ---- the demo's controls ----

  get online(): boolean {
    return this.#online;
  }

  /** Take the CRM offline (every call rejects `unavailable`) or back online. */
  setOnline(online: boolean): void {
    this.#online = online;
  }

  /** The open interactions (concurrent contacts). */
  interactions(): Promise<Interaction[]> {
    return this.#run(() => this.crm.interactions());
  }

  /** Switch the active contact: fires `interactionChanged`. */
  async setActive(interactionId: string | null): Promise<void> {
    const interaction = interactionId === null ? null : ((await this.#find(interactionId)) ?? null);
    if (interactionId !== null && !interaction) throw new HostError('not_found', `Interaction "${interactionId}" is not open.`, { retryable: false });
    this.#active = interactionId;
    this.#emit('interactionChanged', { interaction });
  }

  /**
   * Wrap up a contact: the registered wrap-up guards decide first; on allow it is closed, fires
   * `interactionEnded`, and (if it was active) `interactionChanged` with no contact.
   */
  async endInteraction(interactionId: string): Promise<WrapUpVerdict> {
    const verdict = await this.#hub.askGuards(interactionId);
    if (!verdict.allow) return verdict;
    const list = await this.interactions();
    await this.crm.setInteractions(list.filter((i) => i.id !== interactionId));
    this.#emit('interactionEnded', { interactionId });
    if ((await this.#activeId(list)) === interactionId) {
      this.#active = null;
      this.#emit('interactionChanged', { interaction: null });
    }
    return { allow: true };
  }

  /** Another lead (`decidedBy`) approves or declines a spend pending approval. A second decision is a `conflict`. */
  approve(agentId: string, entryId: string, approved = true, decidedBy = 'lead-elsewhere'): Promise<Fund> {
    return this.#run(async () => {
      const fund = this.#fundChanged(await this.crm.decide(agentId, entryId, approved));
      this.#tell({ db: this.name, type: 'approvalDecided', decided: { entryId, agentId, approved, decidedBy } });
      return fund;
    });
  }

  /** Every write the CRM applied, oldest first (optionally of one kind). */
  writes(kind?: WriteKind | 'spend'): Promise<AppliedWrite[]> {
    return this.#run(() => this.crm.writes(kind));
  }

  /** Restore the seed (in every tab of this CRM). */
  async reset(): Promise<void> {
    await this.crm.seed(this.#seed, true);
    this.#ready = Promise.resolve();
    this.#tabs()?.postMessage({ db: this.name, type: 'reset' } satisfies Message);
    await this.#announceReset();
  }

  /** Stop listening to other tabs. */
  close(): void {
    this.#closed = true;
    this.#channel?.close();
    this.#channel = null;
  }

  // ---- HostAdapter ----

  getContext(): Promise<HostContext> {
    return this.#run(async () => {
      const agent = await this.crm.agent(this.agentId);
      if (!agent) throw new HostError('not_found', `Agent "${this.agentId}" is not in this CRM.`, { retryable: false });
      const list = await this.crm.interactions();
      const id = await this.#activeId(list);
      const policy = await this.crm.policy();
      return { agent, interaction: list.find((i) => i.id === id) ?? null, locale: this.#locale, currency: policy.currency };
    });
  }
  getHistory(customerId: string) {
    return this.#run(() => this.crm.history(customerId));
  }
  getPolicy() {
    return this.#run(() => this.crm.policy());
  }
  getFund(agentId: string) {
    return this.#run(() => this.crm.fund(agentId));
  }
  getTaxonomy() {
    return this.#run(() => this.crm.taxonomy());
  }
  getRecurrence(since: string) {
    return this.#run(() => this.crm.recurrence(since));
  }
  spend(request: SpendRequest): Promise<SpendResult> {
    return this.#run(async () => {
      const { answer, applied } = await this.crm.spend(request);
      if (applied && answer.status !== 'rejected') this.#fundChanged(answer.fund);
      if (applied && answer.status === 'pending_approval') {
        const item = (await approvalsOf(this.crm)).find((i) => i.entryId === answer.entryId);
        if (item) this.#tell({ db: this.name, type: 'approvalRequested', item });
      }
      return answer;
    });
  }
  getApprovals() {
    return this.#run(() => approvalsOf(this.crm));
  }
  decideApproval(decision: ApprovalDecision) {
    return this.#run(async () => {
      const { answer, applied, fund, decided } = await decideApproval(this.crm, decision);
      if (applied && fund) this.#fundChanged(fund);
      if (applied && decided) this.#tell({ db: this.name, type: 'approvalDecided', decided });
      return answer;
    });
  }
  getReport(query: ReportQuery = {}) {
    return this.#run(() => reportOf(this.crm, query));
  }
  recordRecovery(record: HostWrites['recordRecovery']) {
    return this.#write('recordRecovery', record);
  }
  logRootCause(log: HostWrites['logRootCause']) {
    return this.#write('logRootCause', log);
  }
  acknowledgeBaggage(ack: HostWrites['acknowledgeBaggage']) {
    return this.#write('acknowledgeBaggage', ack);
  }
  requestCallback(request: HostWrites['requestCallback']) {
    return this.#write('requestCallback', request);
  }
  notifyManager(notice: HostWrites['notifyManager']) {
    return this.#write('notifyManager', notice);
  }

  on<E extends keyof AnyHostEvents>(event: E, handler: (payload: AnyHostEvents[E]) => void): () => void {
    this.#tabs();
    return this.#hub.on(event, handler);
  }

  registerWrapUpGuard(guard: WrapUpGuard): () => void {
    return this.#hub.registerWrapUpGuard(guard);
  }

  // ---- internals ----

  #write<K extends WriteKind>(kind: K, payload: HostWrites[K]): Promise<WriteReceipt> {
    return this.#run(async () => (await this.crm.write(kind, payload)).answer);
  }

  async #run<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.#online) throw offline();
    await (this.#ready ??= this.crm.seed(this.#seed).catch((e: unknown) => {
      this.#ready = null;
      throw e;
    }));
    if (!this.#online) throw offline();
    return fn();
  }

  async #activeId(list: Interaction[]): Promise<string | null> {
    return this.#active === undefined ? (list[0]?.id ?? null) : this.#active;
  }

  async #find(id: string): Promise<Interaction | undefined> {
    return (await this.interactions()).find((i) => i.id === id);
  }

  #fundChanged(fund: Fund): Fund {
    this.#emit('fundChanged', { fund });
    this.#tabs()?.postMessage({ db: this.name, type: 'fund', fund } satisfies Message);
    return fund;
  }

  async #announceReset(): Promise<void> {
    this.#active = undefined;
    try {
      const fund = await this.crm.fund(this.agentId);
      this.#emit('fundChanged', { fund });
    } catch {
      /* this agent has no fund in the seed */
    }
    const ctx = await this.getContext().catch(() => null);
    this.#emit('interactionChanged', { interaction: ctx?.interaction ?? null });
  }

  #emit<E extends keyof AnyHostEvents>(event: E, payload: AnyHostEvents[E]): void {
    this.#hub.emit(event, payload);
  }

  /** Fire a lead event here and in every other tab (and adapter) of this CRM. */
  #tell(message: Message & { type: 'approvalRequested' | 'approvalDecided' }): void {
    if (message.type === 'approvalRequested') this.#emit('approvalRequested', { item: message.item });
    else this.#emit('approvalDecided', message.decided);
    this.#channel?.postMessage(message);
  }
}
