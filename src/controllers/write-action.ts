/**
 * The one way a widget runs "an action that goes through the outbox" (acknowledge, request a
 * callback, record a recovery, log a root cause): it stores the write, fires the widget's event once
 * the write is stored (through {@link StoredEvent}), follows the stored entry in the session's
 * durable outbox (through {@link OutboxWatch}), says where the write is in words, announces the
 * states the agent must hear, and resends or discards a write the host refused.
 *
 * One controller per element; it keeps one state per write, keyed by the write's idempotency key
 * (which is also the outbox entry's id). The status of a key:
 *
 * | status            | meaning                                                               | default words (key)      |
 * | ----------------- | --------------------------------------------------------------------- | ------------------------ |
 * | `idle`            | nothing done yet for this key                                          | none                     |
 * | `storing`         | the agent acted; the write is being stored                             | `writeSaving`            |
 * | `stored`          | stored on this device, waiting to be sent (`retrying` after a failure) | `savedLocally`           |
 * | `sending`         | being sent to the host now                                             | `savedLocally`           |
 * | `sent`            | the host confirmed it                                                  | `sent`                   |
 * | `needs_attention` | the host refused it: resend (same key, applied once) or discard        | `needsAttention`         |
 * | `storage_full`    | this browser refused to store it (HostError `storage`); nothing sent   | `writeNotSaved`          |
 * | `failed`          | it could not be stored for another reason; nothing sent                | `writeNotSaved`          |
 * | `done`            | handed over with nothing to follow (the event was the write, or the    | none                     |
 * |                   | entry left the outbox after delivery)                                  |                          |
 *
 * A widget replaces any status's words with its own string key (`words` option), so strings a
 * consumer already overrides keep working. `handled(status)` says whether the action counts as done
 * for the agent (its button is `aria-disabled`, a second click does nothing).
 *
 * Adopting it (the banner is the reference user, `src/components/baggage-banner/`):
 *
 * ```ts
 * #writes = new WriteAction(this, {
 *   session: () => this.session,
 *   t: (key, values) => this.t(key, values),
 *   failure: (error) => this.failure(error),
 *   announce: (message) => this.announce(message),
 * });
 * // willUpdate: which keys the agent sees (their refusals are announced once, in hostUpdate)
 * this.#writes.track([key]);
 * // click
 * await this.#writes.run({ key, kind: 'acknowledgeBaggage', payload, store, event, detail, onStored });
 * // render
 * const { status, text } = this.#writes.state(key);
 * ```
 *
 * `run` never throws: a failure is the key's state (`failed` / `storage_full`, with `error`), and it
 * resolves with that state. WriteAction itself loads with the parts of a widget that write (never in a
 * first render: a widget that is only read never ships it). A key that `needs_attention` is resent by `run` (with the new payload:
 * an edited resend) or by `resend(key)` (the stored payload); `discard(key)` drops it.
 *
 * Its reusable suite is `test/controllers/write-action-suite.ts` (`runWriteActionSuite`): an
 * element that adopts this controller runs it with its tag, a way to mount it on a MemoryAdapter
 * and a way to trigger its action.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toHostError, type HostError } from '../adapter/errors.js';
import type { HostWrites, WRITE_KINDS, WriteKind } from '../adapter/host-adapter.js';
import type { OutboxEntry } from '../adapter/outbox.js';
import type { HostSession } from '../adapter/session.js';
import { OutboxWatch } from './outbox.js';
import { StoredEvent, type StoredEventOptions } from './stored-event.js';

export const WRITE_STATUSES = [
  'idle',
  'storing',
  'stored',
  'sending',
  'sent',
  'needs_attention',
  'storage_full',
  'failed',
  'done',
] as const;
export type WriteStatus = (typeof WRITE_STATUSES)[number];

/** The words this controller adds to a widget's strings (replaceable like any other). */
export const writeStrings = {
  writeSaving: 'Saving…',
  writeNotSaved: 'Not saved: {message}',
} as const;

/** Status → string key; `{message}` is filled with the failure's words. */
export type WriteWords = Partial<Record<WriteStatus, string | null>>;

const DEFAULT_WORDS: Record<WriteStatus, string | null> = {
  idle: null,
  storing: 'writeSaving',
  stored: 'savedLocally',
  sending: 'savedLocally',
  sent: 'sent',
  needs_attention: 'needsAttention',
  storage_full: 'writeNotSaved',
  failed: 'writeNotSaved',
  done: null,
};

/** Whether the action counts as done for the agent: a second click does nothing. */
export function handled(status: WriteStatus): boolean {
  return status === 'storing' || status === 'stored' || status === 'sending' || status === 'sent' || status === 'done';
}

export interface WriteState {
  status: WriteStatus;
  /** The status in words ('' when there is nothing to say). */
  text: string;
  /** The outbox entry, while the outbox holds it. */
  entry?: OutboxEntry;
  /** Why it failed (`needs_attention`: the host's reason; `failed`/`storage_full`: the local one). */
  error?: { code?: string; message?: string };
  /** `stored` after a retryable failure: the outbox is trying again. */
  retrying: boolean;
}

export interface WriteActionOptions {
  session: () => HostSession | null;
  t: (key: string, values?: Record<string, string | number>) => string;
  failure: (error: { code?: string; message?: string } | null | undefined) => string;
  /** Polite announcements (the widget's live region). */
  announce?: (message: string) => void;
  /** Statuses announced when a tracked key enters them (default: the refusals and failures). */
  announced?: readonly WriteStatus[];
  /** Words per status, replacing the defaults. */
  words?: WriteWords;
}

/** The agent's writes (the outbox's kinds; a lead's decision goes through the lead view instead). */
export type AgentWrite = (typeof WRITE_KINDS)[number];

export interface WriteRequest<K extends AgentWrite, E extends keyof GlobalEventHandlersEventMap>
  extends Omit<StoredEventOptions<K, E>, 'session' | 'resend' | 'onStored' | 'store'> {
  /** The write's idempotency key (default `payload.idempotencyKey`). */
  key?: string;
  /** Whether the write goes through the outbox (default: the session's host takes this kind). */
  store?: boolean;
  /** Runs once stored and before the event fires; `resent` when a refused write was sent again. */
  onStored?: (entry: OutboxEntry | null, resent: boolean) => void;
}

interface Local {
  status: 'storing' | 'failed' | 'done';
  error?: HostError;
}

export class WriteAction implements ReactiveController {
  /** The session's outbox, followed for the widget (shared with the widget's own reads). */
  readonly watch: OutboxWatch;
  #host: ReactiveControllerHost & HTMLElement;
  #options: WriteActionOptions;
  #told: StoredEvent | null = null;
  #local = new Map<string, Local>();
  #tracked: readonly string[] = [];
  #said = new Map<string, string>();

  constructor(host: ReactiveControllerHost & HTMLElement, options: WriteActionOptions) {
    this.#host = host;
    this.#options = options;
    this.watch = new OutboxWatch(host);
    host.addController(this);
  }

  /** Keys whose changes are announced (call from `willUpdate` with the keys the agent sees). */
  track(keys: readonly string[]): void {
    this.#tracked = keys;
  }

  hostUpdate(): void {
    // OutboxWatch follows the session on every update: the entries are current when rendering.
    this.watch.follow(this.#options.session());
    const announced = this.#options.announced ?? ['needs_attention', 'failed', 'storage_full'];
    for (const key of this.#tracked) {
      const { status, text } = this.state(key);
      const said = announced.includes(status) ? text : '';
      if (said && this.#said.get(key) !== said) this.#options.announce?.(said);
      this.#said.set(key, said);
    }
  }

  /** The outbox entry of `key`, while the outbox holds it. */
  entry(key: string): OutboxEntry | undefined {
    return this.watch.outbox?.entry(key);
  }

  /** Where the write of `key` is: the outbox's entry when it has one, otherwise this page's own. */
  state(key: string): WriteState {
    const local = this.#local.get(key);
    if (local?.status === 'storing') return this.#say('storing');
    const entry = this.entry(key);
    if (entry) {
      const status: WriteStatus =
        entry.status === 'queued' ? 'stored' : entry.status === 'needs_attention' ? 'needs_attention' : entry.status;
      return this.#say(status, entry, status === 'needs_attention' ? entry.lastError : undefined, status === 'stored' && !!entry.lastError && entry.attempts > 0);
    }
    if (!local) return this.#say('idle');
    if (local.status === 'failed') return this.#say(local.error?.code === 'storage' ? 'storage_full' : 'failed', undefined, local.error);
    return this.#say('done');
  }

  /** The status's words (a status not worth a word: ''). */
  words(status: WriteStatus, error?: { code?: string; message?: string }): string {
    const key = this.#options.words && status in this.#options.words ? this.#options.words[status] : DEFAULT_WORDS[status];
    return key ? this.#options.t(key, { message: this.#options.failure(error) }) : '';
  }

  #say(status: WriteStatus, entry?: OutboxEntry, error?: { code?: string; message?: string }, retrying = false): WriteState {
    const state: WriteState = { status, text: this.words(status, error), retrying };
    if (entry) state.entry = entry;
    if (error) state.error = error;
    return state;
  }

  /**
   * Run the action once: store the write and fire the event (once per unit), or resend the refused
   * entry of this key with the new payload. Does nothing while the key is already handled (a double
   * click). Never throws: resolves with the key's new state.
   */
  async run<K extends AgentWrite, E extends keyof GlobalEventHandlersEventMap>(request: WriteRequest<K, E>): Promise<WriteState> {
    const key = request.key ?? request.payload.idempotencyKey;
    const before = this.state(key).status;
    if (handled(before)) return this.state(key);
    const resent = before === 'needs_attention';
    const session = this.#options.session();
    this.#set(key, { status: 'storing' });
    try {
      const { onStored, ...rest } = request;
      const told = (this.#told ??= new StoredEvent(this.#host));
      await told.record({
        ...rest,
        session,
        store: request.store ?? (!!session && session.host.can(request.kind)),
        resend: resent,
        onStored: (entry) => {
          this.#set(key, { status: 'done' });
          onStored?.(entry, resent);
        },
      });
    } catch (error) {
      this.#set(key, { status: 'failed', error: toHostError(error) });
    }
    return this.state(key);
  }

  /** Send the refused entry of `key` again with its stored payload (same key: the host applied nothing). */
  async resend(key: string, payload?: HostWrites[WriteKind]): Promise<WriteState> {
    const outbox = this.watch.outbox ?? (await this.#options.session()?.openOutbox());
    if (!outbox) return this.state(key);
    this.#set(key, { status: 'storing' });
    try {
      await outbox.resend(key, payload);
      this.#set(key, { status: 'done' });
    } catch (error) {
      this.#set(key, { status: 'failed', error: toHostError(error) });
    }
    return this.state(key);
  }

  /** Drop the refused entry of `key` on the agent's decision; the key is idle again. */
  async discard(key: string): Promise<void> {
    const outbox = this.watch.outbox ?? (await this.#options.session()?.openOutbox());
    await outbox?.discard(key);
    this.forget(key);
  }

  /** Forget this page's own state of `key` (the outbox's entry, if any, still counts). */
  forget(key: string): void {
    this.#local.delete(key);
    this.#said.delete(key);
    this.#host.requestUpdate();
  }

  #set(key: string, local: Local): void {
    this.#local.set(key, local);
    this.#host.requestUpdate();
  }
}
