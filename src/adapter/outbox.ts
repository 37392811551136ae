/**
 * The durable write path (issue #4). Every write an agent makes (baggage acknowledgement, recovery
 * record, root-cause log, callback request, manager notice) is stored in IndexedDB before it is
 * sent, and removed only after the host confirmed it. A replay after an unconfirmed send is safe:
 * the idempotency key is the entry id and never changes.
 *
 * - Delivery: in order per interaction (by `seq`); different interactions interleave (up to
 *   `concurrency` sends at once). A retryable failure (time-out, host away) pauses delivery with
 *   exponential backoff and jitter; the `online` event, `retryNow()`, `flush()` or a `resend()`
 *   retry at once, and a success after failures drains the rest right away.
 * - A failure retrying cannot fix (validation, permission, conflict...) parks the entry as
 *   `needs_attention` with the host's reason until the agent calls `resend()` or `discard()`.
 *   Later entries of the same interaction still go: the host refused the earlier one, so waiting
 *   behind it would only hold back unrelated records.
 * - Tabs: every page of the origin sees the same queue (IndexedDB + BroadcastChannel
 *   `mend-outbox:<scope>`), and exactly one page sends at a time (Web Lock `mend-outbox:<scope>`,
 *   or a lease record with an expiry in IndexedDB where Web Locks are missing). The lock holder
 *   reloads the queue when it gets the lock and writes everything back before it lets go.
 * - IndexedDB work is batched: `enqueueMany` is one transaction, and status changes of many
 *   entries are coalesced into one transaction.
 * - A write stored by a page that died before it could tell the others (killed between storing and
 *   broadcasting) is found by every visible page's re-scan of the stored keys (every `rescanMs`,
 *   and when the page becomes visible) and sent by whichever page holds the lock.
 * - Storage that refuses writes (quota): `enqueue` rejects with `HostError('storage')` and nothing
 *   is sent or confirmed; the outbox fires `storage` (`detail.ok` false) once, and `storage` with
 *   `ok` true once a later write or {@link Outbox.probeStorage} succeeds.
 */
import { createStore, del, entries as idbEntries, getMany, keys as idbKeys, promisifyRequest, set, setMany, type UseStore } from 'idb-keyval';
import { HostError, storageError, toHostError } from './errors.js';
import type { GuardedHost } from './guard.js';
import { WRITE_KINDS, type HostWrites, type WriteKind } from './host-adapter.js';
import { LEAD_WRITE_KINDS } from './lead-kinds.js';

/** What an outbox stores: the agent's writes and the lead's decisions (sent by the lead view). */
const KINDS: readonly string[] = [...WRITE_KINDS, ...LEAD_WRITE_KINDS];

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'needs_attention'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxEntry<K extends WriteKind = WriteKind> {
  /** The write's idempotency key; also the entry id. */
  id: string;
  kind: K;
  payload: HostWrites[K];
  interactionId: string;
  /** Order of enqueueing (increasing across pages of the origin), for in-order delivery per interaction. */
  seq: number;
  /** ISO 8601. */
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  /** The host's reason when it failed (for needs_attention, shown to the agent; the last retryable failure otherwise). */
  lastError?: { code: string; message: string };
}

export interface OutboxChangeDetail {
  scope: string;
  entries: readonly OutboxEntry[];
  /** Entries not yet confirmed by the host (queued, sending, needs attention). */
  pending: number;
}

export interface OutboxEntryDetail {
  entry: OutboxEntry;
}

/** Detail of the outbox's `storage` event: whether this browser stores writes (again). */
export interface OutboxStorageDetail {
  ok: boolean;
  /** Why it does not (absent when `ok`). */
  error?: HostError;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** Fired on `window` by every outbox when its queue or a status changes. */
    'mend-outbox-change': CustomEvent<OutboxChangeDetail>;
  }
}

/** Exclusive access among every page of the origin. */
export interface OutboxLock {
  /** Wait for the lock `name`, run `task` while holding it. `signal` aborts if the lock is lost. */
  run<T>(name: string, task: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** Web Locks (`navigator.locks`), or null where the browser has none. */
export function webLock(): OutboxLock | null {
  const locks = typeof navigator === 'object' ? (navigator as { locks?: LockManager }).locks : undefined;
  if (!locks || typeof locks.request !== 'function') return null;
  return {
    run: <T>(name: string, task: (signal: AbortSignal) => Promise<T>) =>
      locks.request(name, () => task(new AbortController().signal)) as Promise<T>,
  };
}

export interface LeaseOptions {
  /** How long a lease lasts unless renewed (renewed every third of it while held). Default 5000. */
  ttlMs?: number;
  /** How often a waiting page checks the lease. Default ttl / 10. */
  pollMs?: number;
  now?: () => number;
}

interface Lease {
  owner: string;
  expires: number;
}

/**
 * The fallback lock: a lease record with an expiry in IndexedDB, claimed and renewed inside one
 * read-write transaction each (IndexedDB serialises them across pages). A page that dies without
 * releasing holds it at most `ttlMs`.
 */
export function leaseLock(options: LeaseOptions = {}): OutboxLock {
  const ttl = options.ttlMs ?? 5000;
  const poll = options.pollMs ?? Math.max(10, ttl / 10);
  const now = options.now ?? Date.now;
  return {
    async run<T>(name: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
      const store = createStore('mend-lease-' + name, 'lease');
      const owner = randomId();
      const claim = () =>
        store('readwrite', (s) => {
          const request = s.get('lease');
          return promisifyRequest(request).then((lease: Lease | undefined) => {
            const free = !lease || lease.owner === owner || lease.expires <= now();
            if (free) s.put({ owner, expires: now() + ttl } satisfies Lease, 'lease');
            return promisifyRequest(s.transaction).then(() => free);
          });
        });
      const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('mend-lease:' + name) : null;
      let wake = () => {};
      if (channel) channel.onmessage = () => wake();
      try {
        while (!(await claim())) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, poll);
            wake = () => (clearTimeout(timer), resolve());
          });
        }
        const controller = new AbortController();
        const lost = () => controller.abort();
        const renew = setInterval(() => void claim().then((held) => held || lost(), lost), ttl / 3);
        try {
          return await task(controller.signal);
        } finally {
          clearInterval(renew);
          await store('readwrite', (s) =>
            promisifyRequest(s.get('lease')).then((lease: Lease | undefined) => {
              if (lease?.owner === owner) s.delete('lease');
              return promisifyRequest(s.transaction);
            }),
          ).catch(() => {});
          channel?.postMessage('released');
        }
      } finally {
        channel?.close();
      }
    },
  };
}

export interface OutboxOptions {
  /** First backoff delay after a retryable failure, ms. Default 1000. */
  backoffBaseMs?: number;
  /** Longest backoff delay, ms. Default 60000. */
  backoffMaxMs?: number;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
  /** Clock, ms. Default Date.now. */
  now?: () => number;
  /** The cross-page lock. Default Web Locks, else {@link leaseLock}. */
  lock?: OutboxLock;
  /** Sends in flight at once (always one per interaction). Default 4. */
  concurrency?: number;
  /** Store only, do not deliver until `resume()`. Default false. */
  paused?: boolean;
  /** How long status changes are coalesced before one IndexedDB transaction, ms. Default 16. */
  persistDelayMs?: number;
  /** How many delivered entries stay visible (status `sent`). Default 100. */
  keepSent?: number;
  /**
   * How often the stored keys are re-read for writes another page stored without telling (it died
   * right after storing), ms, while the page is visible; 0 turns it off. Default 2000. Also re-read
   * when the page becomes visible.
   */
  rescanMs?: number;
}

interface Message {
  ids: string[];
  sent?: string[];
  discarded?: string[];
}

/** One write to enqueue. */
export type EnqueueItem = { [K in WriteKind]: { kind: K; payload: HostWrites[K] } }[WriteKind];

type Waiter = { resolve: (entry: OutboxEntry) => void; reject: (error: Error) => void };

/**
 * The queue of durable writes of one scope (usually one agent desktop). An EventTarget firing
 * `change` (CustomEvent<OutboxChangeDetail>), `sent` and `attention` (CustomEvent<OutboxEntryDetail>)
 * and `storage` (CustomEvent<OutboxStorageDetail>, on each change between storing and refusing).
 */
export class Outbox extends EventTarget {
  /** Resolves once the persisted queue is loaded (never rejects). */
  readonly ready: Promise<void>;
  #entries = new Map<string, OutboxEntry>();
  /** Ids of the sent entries still kept, oldest delivery first (trimmed to `keepSent`). */
  #sent = new Set<string>();
  /** The last entry added to #entries; a new one ordered before it means the map needs a sort. */
  #last: OutboxEntry | undefined;
  #unsorted = false;
  #snapshot: readonly OutboxEntry[] | null = null;
  #store: UseStore;
  #channel: BroadcastChannel | null = null;
  #lock: OutboxLock;
  #base: number;
  #max: number;
  #random: () => number;
  #now: () => number;
  #concurrency: number;
  #persistDelay: number;
  #keepSent: number;
  #paused: boolean;
  #disposed = false;
  #failures = 0;
  #retryAt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #inflight = new Set<string>();
  #busy = new Set<string>();
  #leading = false;
  #running: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #dirty = new Map<string, OutboxEntry | null>();
  #dirtySent: string[] = [];
  #persistTimer: ReturnType<typeof setTimeout> | undefined;
  #persisting: Promise<void> = Promise.resolve();
  #changeQueued = false;
  #waiters = new Map<string, Waiter[]>();
  #seq = 0;
  #storageError: HostError | null = null;
  #rescanTimer: ReturnType<typeof setInterval> | undefined;
  #onOnline = () => this.retryNow();
  #onVisible = () => {
    if (globalThis.document?.visibilityState === 'visible') void this.#rescan();
  };

  constructor(readonly host: GuardedHost, readonly scope = 'default', options: OutboxOptions = {}) {
    super();
    this.#base = options.backoffBaseMs ?? 1000;
    this.#max = options.backoffMaxMs ?? 60_000;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
    this.#concurrency = Math.max(1, options.concurrency ?? 4);
    this.#persistDelay = options.persistDelayMs ?? 16;
    this.#keepSent = options.keepSent ?? 100;
    this.#paused = options.paused ?? false;
    this.#lock = options.lock ?? webLock() ?? leaseLock();
    this.#store = createStore('mend-outbox-' + scope, 'entries');
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel('mend-outbox:' + scope);
      this.#channel.onmessage = (event: MessageEvent) => void this.#refresh(event.data as Message);
    }
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.document?.addEventListener('visibilitychange', this.#onVisible);
    const rescan = options.rescanMs ?? 2000;
    // A hidden page does not re-read (it does when it becomes visible): a console left open in
    // background tabs costs no IndexedDB reads.
    if (rescan > 0) this.#rescanTimer = setInterval(() => globalThis.document?.hidden || void this.#rescan(), rescan);
    this.ready = this.#reloadAll().then(() => this.#kick());
  }

  /**
   * Try whether this browser stores writes again (a small write and delete in the outbox's store).
   * Resolves with the answer; fires `storage` when it changed. Never rejects.
   */
  async probeStorage(): Promise<boolean> {
    const key = '\u0000probe:' + randomId();
    try {
      await set(key, { probe: 'x'.repeat(1024) }, this.#store);
      await del(key, this.#store);
      this.#stored();
      return true;
    } catch (error) {
      this.#refused(error);
      return false;
    }
  }

  /** Every entry in enqueue order (copies): queued, sending, needs attention, and recently sent. */
  get entries(): readonly OutboxEntry[] {
    return (this.#snapshot ??= [...this.#inOrder()]);
  }

  /** Entries not yet confirmed by the host. */
  get pending(): number {
    return this.#entries.size - this.#sent.size;
  }

  /** When delivery resumes after a retryable failure (clock ms), or 0 when it is not backing off. */
  get nextRetryAt(): number {
    return this.#retryAt;
  }

  entry(id: string): OutboxEntry | undefined {
    const e = this.#entries.get(id);
    return e && { ...e };
  }

  /** Store durably, then try to send. Resolves when stored (not when sent). */
  async enqueue<K extends WriteKind>(kind: K, payload: HostWrites[K]): Promise<OutboxEntry<K>> {
    const [entry] = await this.enqueueMany([{ kind, payload } as EnqueueItem]);
    return entry as OutboxEntry<K>;
  }

  /**
   * Store many writes in one IndexedDB transaction, then try to send. A key already in the queue
   * is not stored twice (the existing entry is returned).
   */
  async enqueueMany(list: readonly EnqueueItem[]): Promise<OutboxEntry[]> {
    await this.ready;
    const fresh: OutboxEntry[] = [];
    const result: OutboxEntry[] = [];
    const seen = new Map<string, OutboxEntry>();
    for (const { kind, payload } of list) {
      const id = payload?.idempotencyKey;
      if (!KINDS.includes(kind) || typeof id !== 'string' || !id || typeof payload.interactionId !== 'string') {
        throw new HostError('invalid_request', `Not a write the outbox can store: ${String(kind)}.`, { retryable: false });
      }
      const existing = seen.get(id) ?? this.#entries.get(id);
      if (existing) {
        result.push(existing);
        continue;
      }
      const entry: OutboxEntry = {
        id,
        kind,
        payload: structuredClone(payload),
        interactionId: payload.interactionId,
        seq: (this.#seq = Math.max(this.#now() * 1000, this.#seq + 1)),
        createdAt: new Date(this.#now()).toISOString(),
        status: 'queued',
        attempts: 0,
      };
      seen.set(id, entry);
      fresh.push(entry);
      result.push(entry);
    }
    if (fresh.length) {
      await this.#storing(setMany(fresh.map((e) => [e.id, e]), this.#store));
      for (const e of fresh) this.#put(e);
      this.#post({ ids: fresh.map((e) => e.id) });
      this.#changed();
      this.#kick();
    }
    return result.map((e) => ({ ...e }));
  }

  /** Resolves with the entry once the host confirmed it; rejects if it is discarded or unknown. */
  async whenSent(id: string): Promise<OutboxEntry> {
    await this.ready;
    const e = this.#entries.get(id);
    if (!e) throw new HostError('not_found', `No outbox entry ${id}.`, { retryable: false });
    if (e.status === 'sent') return { ...e };
    return new Promise((resolve, reject) => {
      const list = this.#waiters.get(id) ?? [];
      list.push({ resolve, reject });
      this.#waiters.set(id, list);
    });
  }

  /**
   * Send an entry that needs attention again, optionally with an edited payload. The idempotency
   * key stays the same: the host refused the first attempt, so it applied nothing.
   */
  async resend<K extends WriteKind>(id: string, payload?: HostWrites[K]): Promise<OutboxEntry> {
    await this.ready;
    const e = this.#entries.get(id);
    if (!e || e.status !== 'needs_attention') {
      throw new HostError('conflict', 'Only an entry that needs attention can be resent.', { retryable: false });
    }
    const next: OutboxEntry = {
      ...e,
      payload: payload ? { ...structuredClone(payload), idempotencyKey: e.id, interactionId: e.interactionId } : e.payload,
      status: 'queued',
      lastError: undefined,
    };
    delete next.lastError;
    await this.#storing(set(id, next, this.#store));
    this.#put(next);
    this.#post({ ids: [id] });
    this.#changed();
    this.retryNow();
    return { ...next };
  }

  /** Drop an entry that needs attention, on the agent's decision. */
  async discard(id: string): Promise<void> {
    await this.ready;
    const e = this.#entries.get(id);
    if (!e || e.status !== 'needs_attention') {
      throw new HostError('conflict', 'Only an entry that needs attention can be discarded.', { retryable: false });
    }
    await this.#storing(del(id, this.#store));
    this.#drop(id);
    this.#post({ ids: [id], discarded: [id] });
  }

  /** Retry now, ignoring the backoff (the host or the network is back). */
  retryNow(): void {
    this.#retryAt = 0;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#kick();
  }

  /** Retry now and resolve when this page has nothing more it can send at the moment. */
  async flush(): Promise<void> {
    await this.ready;
    this.retryNow();
    while (this.#running) await this.#running;
  }

  /** Stop delivering (entries keep being stored). */
  pause(): void {
    this.#paused = true;
    this.#wake?.();
  }

  resume(): void {
    this.#paused = false;
    this.#kick();
  }

  /** Remove listeners and timers; finishes writing to IndexedDB. Idempotent. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.document?.removeEventListener('visibilitychange', this.#onVisible);
    clearInterval(this.#rescanTimer);
    clearTimeout(this.#retryTimer);
    this.#channel?.close();
    this.#channel = null;
    this.#wake?.();
    await this.ready;
    while (this.#running) await this.#running;
    await this.#persist();
    clearTimeout(this.#persistTimer);
    const byScope = outboxes.get(this.host);
    if (byScope?.get(this.scope) === this) byScope.delete(this.scope);
  }

  stop(): Promise<void> {
    return this.dispose();
  }

  // ---- storage ----

  /** Run one IndexedDB write of the agent's work: a refusal becomes `HostError('storage')`. */
  async #storing<T>(write: Promise<T>): Promise<T> {
    try {
      const value = await write;
      this.#stored();
      return value;
    } catch (error) {
      throw this.#refused(error);
    }
  }

  #stored(): void {
    if (!this.#storageError) return;
    this.#storageError = null;
    this.dispatchEvent(new CustomEvent<OutboxStorageDetail>('storage', { detail: { ok: true } }));
  }

  #refused(error: unknown): HostError {
    const e = storageError(error);
    const first = !this.#storageError;
    this.#storageError = e;
    if (first) this.dispatchEvent(new CustomEvent<OutboxStorageDetail>('storage', { detail: { ok: false, error: e } }));
    return e;
  }

  // ---- delivery ----

  #hasWork(): boolean {
    for (const e of this.#entries.values()) if (e.status === 'queued' && !this.#inflight.has(e.id)) return true;
    return false;
  }

  #kick(): void {
    if (this.#disposed || this.#paused) return;
    if (this.#leading) {
      this.#wake?.();
      return;
    }
    if (this.#running || !this.#hasWork()) return;
    if (this.#now() < this.#retryAt) return this.#arm();
    const run = this.#lock.run('mend-outbox:' + this.scope, (signal) => this.#lead(signal)).then(
      () => {
        this.#running = null;
        if (this.#hasWork()) queueMicrotask(() => this.#kick());
      },
      () => {
        // The lock or the store failed (storage refused, database closed): try again after the
        // backoff, never at once, or a failure that repeats would spin the page.
        this.#running = null;
        this.#retryAt = Math.max(this.#retryAt, this.#now() + this.#base);
        this.#arm();
      },
    );
    this.#running = run;
  }

  /** Holding the lock: reload, send until nothing is ready, write everything back. */
  async #lead(signal: AbortSignal): Promise<void> {
    this.#leading = true;
    try {
      await this.#reloadAll();
      for (;;) {
        if (!this.#disposed && !this.#paused && !signal.aborted) this.#startSends();
        if (this.#inflight.size === 0) break;
        await new Promise<void>((resolve) => (this.#wake = resolve));
        this.#wake = null;
      }
      await this.#persist();
    } finally {
      this.#leading = false;
      this.#wake = null;
    }
  }

  #startSends(): void {
    if (this.#now() < this.#retryAt) return this.#arm();
    const heads = new Set<string>();
    for (const e of this.#inOrder()) {
      if (this.#inflight.size >= this.#concurrency) break;
      if (e.status === 'sent' || e.status === 'needs_attention' || heads.has(e.interactionId)) continue;
      heads.add(e.interactionId);
      if (this.#inflight.has(e.id) || this.#busy.has(e.interactionId)) continue;
      void this.#send(e);
    }
  }

  async #send(entry: OutboxEntry): Promise<void> {
    this.#inflight.add(entry.id);
    this.#busy.add(entry.interactionId);
    let next: OutboxEntry = { ...entry, status: 'sending', attempts: entry.attempts + 1 };
    this.#put(next);
    this.#changed();
    try {
      await this.host.write(next.kind, next.payload);
      next = { ...next, status: 'sent' };
      delete next.lastError;
      this.#failures = 0;
      this.#retryAt = 0;
      this.#dirty.set(next.id, null);
      this.#dirtySent.push(next.id);
    } catch (error) {
      const e = toHostError(error);
      const lastError = { code: e.code, message: e.message };
      if (e.retryable) {
        next = { ...next, status: 'queued', lastError };
        const delay = Math.min(this.#max, this.#base * 2 ** this.#failures++) * (0.5 + this.#random() / 2);
        this.#retryAt = Math.max(this.#retryAt, this.#now() + delay);
        this.#arm();
      } else {
        next = { ...next, status: 'needs_attention', lastError };
      }
      this.#dirty.set(next.id, next);
    } finally {
      this.#inflight.delete(entry.id);
      this.#busy.delete(entry.interactionId);
    }
    this.#apply(next);
    this.#schedulePersist();
    this.#wake?.();
  }

  /** Add or replace an entry, noting when a new one breaks the map's seq order. */
  #put(entry: OutboxEntry): void {
    // Frozen once stored: snapshots and events can share the objects without copying them.
    Object.freeze(entry);
    if (!this.#entries.has(entry.id)) {
      if (this.#last && bySeq(entry, this.#last) < 0) this.#unsorted = true;
      else this.#last = entry;
    }
    this.#entries.set(entry.id, entry);
    if (entry.status === 'sent') this.#sent.add(entry.id);
    else this.#sent.delete(entry.id);
  }

  /** The entries in seq order: the map keeps insertion order, sorted again only when needed. */
  #inOrder(): IterableIterator<OutboxEntry> {
    if (this.#unsorted) {
      this.#entries = new Map([...this.#entries].sort(([, a], [, b]) => bySeq(a, b)));
      this.#unsorted = false;
      let last: OutboxEntry | undefined;
      for (const e of this.#entries.values()) last = e;
      this.#last = last;
    }
    return this.#entries.values();
  }

  /** Wake up when the backoff ends. */
  #arm(): void {
    if (this.#retryTimer !== undefined || this.#disposed) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.#kick();
    }, Math.max(0, this.#retryAt - this.#now()));
  }

  // ---- state ----

  /** Set an entry, firing `sent` / `attention` on transitions and settling waiters. */
  #apply(next: OutboxEntry): void {
    const before = this.#entries.get(next.id)?.status;
    this.#put(next);
    this.#seq = Math.max(this.#seq, next.seq);
    this.#changed();
    if (before === next.status) return;
    if (next.status === 'sent') {
      this.dispatchEvent(new CustomEvent<OutboxEntryDetail>('sent', { detail: { entry: { ...next } } }));
      for (const w of this.#waiters.get(next.id) ?? []) w.resolve({ ...next });
      this.#waiters.delete(next.id);
      this.#trimSent();
    } else if (next.status === 'needs_attention') {
      this.dispatchEvent(new CustomEvent<OutboxEntryDetail>('attention', { detail: { entry: { ...next } } }));
    }
  }

  #drop(id: string): void {
    this.#entries.delete(id);
    this.#sent.delete(id);
    for (const w of this.#waiters.get(id) ?? []) w.reject(new HostError('not_found', 'The write was discarded.', { retryable: false }));
    this.#waiters.delete(id);
    this.#changed();
  }

  #trimSent(): void {
    for (const id of this.#sent) {
      if (this.#sent.size <= this.#keepSent) break;
      this.#sent.delete(id);
      this.#entries.delete(id);
    }
  }

  /** Take a persisted entry as the truth unless this page is sending it or already saw it delivered. */
  #merge(value: unknown): void {
    if (!isEntry(value) || this.#inflight.has(value.id) || this.#entries.get(value.id)?.status === 'sent') return;
    this.#apply(value.status === 'sending' ? { ...value, status: 'queued' } : value);
  }

  /** An entry this page knew is gone from IndexedDB: another page delivered it (or discarded it). */
  #gone(id: string, discarded: boolean): void {
    const e = this.#entries.get(id);
    if (!e || e.status === 'sent' || this.#inflight.has(id)) return;
    if (discarded) this.#drop(id);
    else this.#apply({ ...e, status: 'sent' });
  }

  async #reloadAll(): Promise<void> {
    await this.#persist();
    const known = [...this.#entries.keys()];
    let rows: Array<[IDBValidKey, unknown]>;
    try {
      rows = await idbEntries(this.#store);
    } catch {
      return; // storage unavailable: keep what this page has
    }
    const seen = new Set<unknown>();
    for (const [key, value] of rows) {
      seen.add(key);
      this.#merge(value);
    }
    for (const id of known) if (!seen.has(id)) this.#gone(id, false);
  }

  /** Writes another page stored without telling (it died right after): read the keys this page does not know. */
  async #rescan(): Promise<void> {
    if (this.#disposed) return;
    let stored: IDBValidKey[];
    try {
      await this.#persist(); // this page's own deletions first: a delivered entry is not read back
      stored = await idbKeys(this.#store);
    } catch {
      return;
    }
    const unknown = stored.filter(
      (key): key is string => typeof key === 'string' && !this.#entries.has(key) && !this.#dirty.has(key) && !key.startsWith('\u0000'),
    );
    if (unknown.length) await this.#refresh({ ids: unknown });
  }

  /** Another page changed entries: read just those. */
  async #refresh(message: Message): Promise<void> {
    if (!message || !Array.isArray(message.ids) || this.#disposed) return;
    const ids = message.ids.filter((id): id is string => typeof id === 'string');
    let values: unknown[];
    try {
      values = await getMany(ids, this.#store);
    } catch {
      return;
    }
    ids.forEach((id, i) => {
      if (values[i] !== undefined) this.#merge(values[i]);
      else this.#gone(id, !!message.discarded?.includes(id));
    });
    this.#kick();
  }

  #schedulePersist(): void {
    if (this.#persistTimer !== undefined) return;
    this.#persistTimer = setTimeout(() => void this.#persist(), this.#persistDelay);
  }

  /** Write every coalesced change in one transaction, then tell the other pages. */
  #persist(): Promise<void> {
    clearTimeout(this.#persistTimer);
    this.#persistTimer = undefined;
    this.#persisting = this.#persisting.then(async () => {
      if (this.#dirty.size === 0) return;
      const batch = [...this.#dirty];
      const sent = this.#dirtySent;
      this.#dirty = new Map();
      this.#dirtySent = [];
      try {
        await this.#store('readwrite', (s) => {
          for (const [id, value] of batch) value ? s.put(value, id) : s.delete(id);
          return promisifyRequest(s.transaction);
        });
      } catch (error) {
        this.#refused(error);
        // Keep the changes for the next attempt (newer changes of the same entries win).
        for (const [id, value] of batch) if (!this.#dirty.has(id)) this.#dirty.set(id, value);
        this.#dirtySent.push(...sent);
        return;
      }
      this.#post({ ids: batch.map(([id]) => id), sent });
    });
    return this.#persisting;
  }

  #post(message: Message): void {
    this.#channel?.postMessage(message);
  }

  /** Coalesce change notifications to one per microtask. */
  #changed(): void {
    this.#snapshot = null;
    if (this.#changeQueued) return;
    this.#changeQueued = true;
    queueMicrotask(() => {
      this.#changeQueued = false;
      const detail: OutboxChangeDetail = { scope: this.scope, entries: this.entries, pending: this.pending };
      this.dispatchEvent(new CustomEvent('change', { detail }));
      globalThis.dispatchEvent?.(new CustomEvent('mend-outbox-change', { detail, bubbles: true, composed: true }));
    });
  }
}

function bySeq(a: OutboxEntry, b: OutboxEntry): number {
  return a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function isEntry(value: unknown): value is OutboxEntry {
  const e = value as OutboxEntry | null;
  return (
    !!e &&
    typeof e === 'object' &&
    typeof e.id === 'string' &&
    KINDS.includes(e.kind) &&
    !!e.payload &&
    typeof e.payload === 'object' &&
    e.payload.idempotencyKey === e.id &&
    typeof e.interactionId === 'string' &&
    typeof e.seq === 'number' &&
    (OUTBOX_STATUSES as readonly string[]).includes(e.status) &&
    typeof e.attempts === 'number'
  );
}

function randomId(): string {
  return typeof crypto === 'object' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random()).slice(2);
}

const outboxes = new WeakMap<GuardedHost, Map<string, Outbox>>();

/** The one outbox of a host and scope (options apply when it is first created). */
export function outboxFor(host: GuardedHost, scope = 'default', options?: OutboxOptions): Outbox {
  let byScope = outboxes.get(host);
  if (!byScope) outboxes.set(host, (byScope = new Map()));
  let outbox = byScope.get(scope);
  if (!outbox) byScope.set(scope, (outbox = new Outbox(host, scope, options)));
  return outbox;
}
