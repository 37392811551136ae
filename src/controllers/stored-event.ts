/**
 * The one rule for the events that report an agent's write (`mend-baggage-acknowledge`,
 * `mend-callback-request`, `mend-offer-accept`, `mend-offer-reject`, `mend-root-cause-log`): the
 * event fires only after the write is stored (in the durable outbox, or, without one, when the event
 * itself is the write the page records), and at most once per documented unit (by default the
 * write's idempotency key). A write that could not be stored fires nothing: the caller gets the
 * HostError (`storage` when this browser refused it) and the agent may try again; the event then
 * fires once, after that attempt is stored. Used by the banner, the picker and the logger.
 */
import type { HostWrites, WriteKind } from '../adapter/host-adapter.js';
import type { OutboxEntry } from '../adapter/outbox.js';
import type { HostSession } from '../adapter/session.js';
import { toHostError } from '../adapter/errors.js';
import type { DetailOf } from '../base/mend-element.js';

type EventName = keyof GlobalEventHandlersEventMap;

export interface StoredEventOptions<K extends WriteKind, E extends EventName> {
  /** The widget's session; null (plain-properties mode) or `store: false`: the event is the write. */
  session: HostSession | null;
  /** Whether the write goes through the outbox (the host takes this kind of write). */
  store: boolean;
  kind: K;
  payload: HostWrites[K];
  /** Send the refused entry of this key again (with `payload`) instead of storing a new one. */
  resend?: boolean;
  event: E;
  detail: DetailOf<E>;
  /**
   * The documented unit: the event fires at most once per unit in this session (default: the
   * write's idempotency key). `null`: every stored write fires.
   */
  once?: string | null;
  /** Runs once the write is stored and before the event fires: the widget shows the new state first. */
  onStored?: (entry: OutboxEntry | null) => void;
}

/** Units already reported, per session (or per element without one). */
const told = new WeakMap<object, Set<string>>();

export class StoredEvent {
  #element: HTMLElement;

  constructor(element: HTMLElement) {
    this.#element = element;
  }

  /**
   * Store the write (or resend it), then fire the event once per unit. Resolves with the outbox
   * entry (null when nothing was stored: the event is the write); rejects with a HostError and fires
   * nothing when the write could not be stored.
   */
  async record<K extends WriteKind, E extends EventName>(options: StoredEventOptions<K, E>): Promise<OutboxEntry | null> {
    const { session, kind, payload, event } = options;
    let entry: OutboxEntry | null = null;
    if (session && options.store) {
      try {
        const outbox = await session.openOutbox();
        entry = options.resend ? await outbox.resend(payload.idempotencyKey, payload) : await outbox.enqueue(kind, payload);
      } catch (error) {
        throw toHostError(error);
      }
    }
    options.onStored?.(entry);
    const unit = options.once === undefined ? payload.idempotencyKey : options.once;
    this.tell(session, event, unit, options.detail);
    return entry;
  }

  /**
   * Fire `event` for a fact that needs no storing (or whose storing failed and that is reported as
   * such), at most once per `unit` (null: every call). Returns whether it fired.
   */
  tell<E extends EventName>(session: HostSession | null, event: E, unit: string | null, detail: DetailOf<E>): boolean {
    if (unit !== null) {
      const owner = session ?? this.#element;
      let units = told.get(owner);
      if (!units) told.set(owner, (units = new Set()));
      if (units.has(`${event}|${unit}`)) return false;
      units.add(`${event}|${unit}`);
    }
    this.#element.dispatchEvent(new CustomEvent(event, { detail, bubbles: true, composed: true }));
    return true;
  }
}
