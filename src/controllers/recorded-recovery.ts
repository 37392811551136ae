/**
 * What a widget learns about recoveries from the shared {@link HostSession}, not from page events:
 * a `recordRecovery` write stored in the session's durable outbox (by the offer picker, in this tab
 * or another) is the fact that a recovery was recorded for its interaction. A `mend-offer-accept`
 * event that any script could dispatch is not.
 *
 * The widget follows its session's outbox (an `OutboxWatch`: every change re-renders it) and may
 * add this controller only once the outbox is loaded (it is then on demand, like the outbox);
 * on each update this controller reports each stored recovery once, in the order they were stored,
 * with its offers in words (`Expedited replacement; Refund $25.00`, and the `declined` words when
 * the customer declined). Typed against `ReactiveControllerHost`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RecoveryRecord } from '../adapter/host-adapter.js';
import type { Outbox } from '../adapter/outbox.js';
import { formatMoney } from '../core/money.js';

export interface RecordedRecoveryOptions {
  /** The session's outbox once loaded (e.g. `OutboxWatch.outbox`), or null. */
  outbox: () => Outbox | null;
  /** Money is written in this currency and locale. */
  currency: () => string;
  locale: () => string;
  /** Appended when the customer declined the offers. */
  declined: () => string;
  /**
   * A recovery stored for `interactionId`, in words; `id` is its idempotency key. `fresh`: stored
   * while the widget watched (false for what the outbox already held when the widget first saw it).
   */
  recorded: (interactionId: string, text: string, id: string, fresh: boolean) => void;
}

export class RecordedRecovery implements ReactiveController {
  readonly #options: RecordedRecoveryOptions;
  readonly #seen = new Set<string>();
  readonly #latest = new Map<string, { text: string; id: string }>();
  #first: Outbox | null = null;

  constructor(host: ReactiveControllerHost, options: RecordedRecoveryOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** The newest recovery seen for `interactionId` (in words, with its key), if any. */
  latest(interactionId: string): { text: string; id: string } | undefined {
    return this.#latest.get(interactionId);
  }

  /** The recovery's offers in words ('' when it names none). */
  text(record: RecoveryRecord): string {
    const labels = (Array.isArray(record.offers) ? record.offers : [])
      .map((o) =>
        typeof o?.label !== 'string'
          ? ''
          : Number.isSafeInteger(o.amount) && o.amount! > 0
            ? `${o.label} ${formatMoney(o.amount!, this.#options.currency(), this.#options.locale())}`
            : o.label,
      )
      .filter(Boolean);
    if (!labels.length) return '';
    return `${labels.join('; ')}${record.accepted === false ? ` ${this.#options.declined()}` : ''}`;
  }

  hostUpdate(): void {
    const outbox = this.#options.outbox();
    if (!outbox) return;
    const fresh = this.#first !== null;
    this.#first ??= outbox;
    for (const entry of outbox.entries) {
      if (entry.kind !== 'recordRecovery' || this.#seen.has(entry.id)) continue;
      this.#seen.add(entry.id);
      const text = this.text(entry.payload as RecoveryRecord);
      if (!text) continue;
      this.#latest.set(entry.interactionId, { text, id: entry.id });
      this.#options.recorded(entry.interactionId, text, entry.id, fresh);
    }
  }
}
