/**
 * One shared session per host adapter: the active interaction, cached host data, the agent's fund,
 * the durable outbox. Every widget on the page that uses the same adapter uses the same session,
 * so the fund is loaded once and subscribed once, and the banner and the picker see the same
 * baggage.
 *
 * Host subscriptions are reference-counted: they open with the first attached widget and close
 * with the last, so mounting and unmounting a widget leaves nothing behind.
 */
import type { CustomerHistory, Fund, HostContext, Interaction, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../core/model.js';
import { HostError, toHostError } from './errors.js';
import { guardHost, loadSchemas, type GuardedHost, type GuardOptions } from './guard.js';
import type { HostAdapter, SpendRequest, SpendResult } from './host-adapter.js';
import { Resource } from './resource.js';
import type { Outbox, OutboxStorageDetail } from './outbox.js';

const HISTORY_CACHE = 24;
const DAY_MS = 86_400_000;

export interface SessionOptions extends GuardOptions {
  /** Retries of a spend whose answer was lost (same idempotency key each time). Default 2. */
  spendRetries?: number;
  /** While this browser refuses to store writes, how often it is tried again, ms. Default 5000. */
  storageProbeMs?: number;
}

/**
 * The steps of a recovery that can be given focus: the console's hotkey asks for `recovery`, and a
 * finished recovery hands on to `root-cause`.
 */
export type RecoveryStep = 'recovery' | 'root-cause';

/**
 * Whether this browser stores the agent's work. `full` from the first refused write (quota) until a
 * write or a re-probe succeeds; `episode` counts the times it became full (to say it once each time).
 */
export type StorageState = { status: 'ok'; episode: number } | { status: 'full'; episode: number; error: HostError };

const sessions = new WeakMap<HostAdapter, HostSession>();

/** Get the one session of an adapter. */
export function sessionFor(adapter: HostAdapter, options: SessionOptions = {}): HostSession {
  let session = sessions.get(adapter);
  if (!session) {
    session = new HostSession(guardHost(adapter, options), options);
    sessions.set(adapter, session);
  }
  return session;
}

export class HostSession extends EventTarget {
  readonly host: GuardedHost;
  readonly context: Resource<HostContext>;
  readonly policy: Resource<RecoveryPolicy>;
  readonly taxonomy: Resource<Taxonomy>;
  readonly recurrence: Resource<RecurrenceCount[]>;
  /** Interaction ids the host reported as ended (after-call work may still go on). */
  readonly ended = new Set<string>();

  #histories = new Map<string, Resource<CustomerHistory>>();
  #funds = new Map<string, Resource<Fund>>();
  #refs = 0;
  #offs: Array<() => void> = [];
  #channel: BroadcastChannel | null = null;
  #spendRetries: number;
  #outboxModule: Promise<typeof import('./outbox.js')> | null = null;
  #storage: StorageState = { status: 'ok', episode: 0 };
  #storageProbeMs: number;
  #probeTimer: ReturnType<typeof setInterval> | undefined;
  #watched = new WeakSet<Outbox>();
  #probeOutbox: Outbox | null = null;
  #notify = () => this.dispatchEvent(new Event('change'));
  #focusTargets: Array<{ step: RecoveryStep; focus: () => boolean }> = [];

  constructor(host: GuardedHost, options: SessionOptions = {}) {
    super();
    this.host = host;
    this.#spendRetries = options.spendRetries ?? 2;
    this.#storageProbeMs = options.storageProbeMs ?? 5000;
    this.context = this.#own(new Resource((signal) => host.getContext({ signal })));
    this.policy = this.#own(new Resource((signal) => host.getPolicy({ signal })));
    this.taxonomy = this.#own(new Resource((signal) => host.getTaxonomy({ signal })));
    this.recurrence = this.#own(
      new Resource(async (signal) => {
        await this.policy.ensure();
        const days = this.policy.state.value?.recurrence.windowDays ?? 7;
        return host.getRecurrence(new Date(Date.now() - days * DAY_MS).toISOString(), { signal });
      }),
    );
  }

  /** The active interaction, or null. */
  get interaction(): Interaction | null {
    return this.context.state.value?.interaction ?? null;
  }

  /**
   * The durable write path shared by every widget of this host. Loaded on first use, so a widget
   * that only reads (the fund meter) never downloads it; a failed load is tried again next time.
   */
  openOutbox(): Promise<Outbox> {
    // Only the module is cached here: outboxFor keeps the one outbox per host and scope (and makes
    // a new one after a dispose).
    const module = (this.#outboxModule ??= import('./outbox.js').catch((error: unknown) => {
      this.#outboxModule = null; // a failed chunk load may succeed on retry
      throw new HostError('unavailable', 'Could not load the write path.', { cause: error });
    }));
    return module.then(({ outboxFor }) => {
      const scope = this.host.adapter.storageScope;
      const outbox = outboxFor(this.host, typeof scope === 'string' && scope ? scope : 'default');
      this.#watchStorage(outbox);
      return outbox;
    });
  }

  /**
   * Whether this browser stores the agent's work right now (one state for every widget of the
   * session): `full` while IndexedDB refuses writes; it is tried again every `storageProbeMs` and
   * becomes `ok` by itself when a write succeeds.
   */
  get storage(): StorageState {
    return this.#storage;
  }

  #watchStorage(outbox: Outbox): void {
    if (this.#watched.has(outbox)) return;
    this.#watched.add(outbox);
    outbox.addEventListener('storage', (event) => {
      const { ok, error } = (event as CustomEvent<OutboxStorageDetail>).detail;
      const was = this.#storage;
      if (ok && was.status === 'ok') return;
      if (!ok && was.status === 'full') return;
      clearInterval(this.#probeTimer);
      this.#probeTimer = undefined;
      if (ok) {
        this.#storage = { status: 'ok', episode: was.episode };
      } else {
        this.#storage = { status: 'full', episode: was.episode + 1, error: error ?? new HostError('storage', 'This browser cannot store work right now.') };
        this.#probeOutbox = outbox;
        this.#probe();
      }
      this.#notify();
    });
  }

  /**
   * A widget offers to take focus for a step while it is connected (the newest offer is tried first).
   * `focus` moves focus and says whether it could. Returns the withdrawal.
   */
  offerFocus(step: RecoveryStep, focus: () => boolean): () => void {
    const target = { step, focus };
    this.#focusTargets.push(target);
    return () => {
      this.#focusTargets = this.#focusTargets.filter((t) => t !== target);
    };
  }

  /**
   * Move focus to a step of the recovery: only on the agent's request (a hotkey, a finished step),
   * never by itself. True when a widget took focus.
   */
  handOff(step: RecoveryStep): boolean {
    for (const target of [...this.#focusTargets].reverse()) if (target.step === step && target.focus()) return true;
    return false;
  }

  /** Number of attached widgets. */
  get attached(): number {
    return this.#refs;
  }

  /** A widget attaches while connected; host subscriptions live while anyone is attached. */
  attach(): () => void {
    if (this.#refs++ === 0) this.#subscribe();
    void this.context.ensure();
    let attached = true;
    return () => {
      if (!attached) return;
      attached = false;
      if (--this.#refs === 0) this.#unsubscribe();
    };
  }

  /** The history of one customer (cached, shared). */
  history(customerId: string): Resource<CustomerHistory> {
    let resource = this.#histories.get(customerId);
    if (!resource) {
      resource = this.#own(new Resource((signal) => this.host.getHistory(customerId, { signal })));
      this.#histories.set(customerId, resource);
      if (this.#histories.size > HISTORY_CACHE) {
        const [oldest, old] = this.#histories.entries().next().value as [string, Resource<CustomerHistory>];
        old.dispose();
        old.removeEventListener('change', this.#notify);
        this.#histories.delete(oldest);
      }
    }
    return resource;
  }

  /** The fund of one agent (cached, shared, kept at the newest version seen from any source). */
  fund(agentId: string): Resource<Fund> {
    let resource = this.#funds.get(agentId);
    if (!resource) {
      resource = this.#own(new Resource((signal) => this.host.getFund(agentId, { signal })));
      this.#funds.set(agentId, resource);
    }
    return resource;
  }

  /** Offer a fund state from anywhere (event, spend answer, another tab); kept only if newer. */
  acceptFund(fund: Fund, broadcast = false): boolean {
    const accepted = this.fund(fund.agentId).push(fund, (incoming, current) => incoming.version > current.version);
    if (accepted && broadcast) this.#channel?.postMessage({ type: 'fund', fund });
    return accepted;
  }

  /**
   * Spend from the fund now (money never waits in a queue). A lost answer (time-out, host away) is
   * retried with the same idempotency key, so the host applies it at most once. A failed load of the
   * money path is `unavailable`, and nothing was spent.
   */
  async spend(request: SpendRequest): Promise<SpendResult> {
    try {
      // The money path loads with the first spend: a widget that never spends never ships it.
      const { spendOnce } = await import('./spend.js').catch((error: unknown) => {
        throw new HostError('unavailable', 'Could not load the money path.', { cause: error });
      });
      const result = await spendOnce(this.host, request, { retries: this.#spendRetries });
      this.acceptFund(result.fund, true);
      return result;
    } catch (error) {
      const e = toHostError(error);
      if (e.code === 'conflict') void this.fund(request.agentId).reload();
      throw e;
    }
  }

  #own<R extends EventTarget>(resource: R): R {
    resource.addEventListener('change', this.#notify);
    return resource;
  }

  #setInteraction(interaction: Interaction | null): void {
    const context = this.context.state.value;
    if (!context) {
      void this.context.reload();
      return;
    }
    if (sameInteraction(context.interaction, interaction)) return; // duplicate event: nothing changes
    this.context.push({ ...context, interaction });
  }

  #subscribe(): void {
    this.#probe();
    const host = this.host;
    this.#offs = [
      host.on('interactionChanged', ({ interaction }) => this.#setInteraction(interaction)),
      host.on('interactionEnded', ({ interactionId }) => {
        if (this.ended.has(interactionId)) return;
        this.ended.add(interactionId);
        this.#notify();
      }),
      host.on('fundChanged', ({ fund }) => {
        this.acceptFund(fund, true);
      }),
    ];
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel('mend-session');
      this.#channel.onmessage = (event: MessageEvent) => {
        const data = event.data as { type?: string; fund?: unknown } | null;
        if (data?.type !== 'fund') return;
        try {
          // Another tab's fund goes through the same validation as the host's.
          this.#acceptForeignFund(data.fund);
        } catch {
          /* ignore malformed cross-tab messages */
        }
      };
    }
  }

  #acceptForeignFund(value: unknown): void {
    const fund = value as Fund;
    if (!fund || typeof fund !== 'object' || typeof fund.agentId !== 'string' || typeof fund.version !== 'number') return;
    if (!this.#funds.has(fund.agentId)) return;
    loadSchemas()
      .then(({ parseHostAnswer }) => this.acceptFund(parseHostAnswer('fund', fund)))
      .catch(() => {}); // a malformed message from another tab is ignored
  }

  /** Try storing again every `storageProbeMs` while full and while a widget is attached. */
  #probe(): void {
    clearInterval(this.#probeTimer);
    this.#probeTimer = undefined;
    const outbox = this.#probeOutbox;
    if (this.#storage.status !== 'full' || !outbox || this.#refs === 0) return;
    this.#probeTimer = setInterval(() => void outbox.probeStorage(), this.#storageProbeMs);
  }

  #unsubscribe(): void {
    clearInterval(this.#probeTimer);
    this.#probeTimer = undefined;
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#channel?.close();
    this.#channel = null;
  }
}

function sameInteraction(a: Interaction | null, b: Interaction | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.id === b.id &&
    a.customerId === b.customerId &&
    a.severity === b.severity &&
    a.resolved === b.resolved &&
    a.channel === b.channel &&
    a.startedAt === b.startedAt &&
    a.customerName === b.customerName &&
    a.subject === b.subject
  );
}

export { HostError };
