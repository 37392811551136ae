/**
 * The picker's two actions, Confirm and Decline, as a controller: busy and done states, the outcome
 * in words, and the write path. With a host, Confirm runs the spend-then-record transaction
 * (`src/adapter/recovery-transaction.ts`, loaded on demand) and Decline records the declined
 * reaction; each event fires only once its write is stored ({@link StoredEvent}). Without a host (or
 * a host that does not record recoveries) the event is the record.
 *
 * Typed against a `ReactiveControllerHost & HTMLElement` and a {@link RecoveryActionsOptions} the
 * element fills from its state, never the element class.
 */
import type { ReactiveControllerHost } from 'lit';
import type { AcceptOutcome, RecoveryTransaction } from '../../adapter/recovery-transaction.js';
import type { HostSession } from '../../adapter/session.js';
import { load, part } from '../../controllers/on-demand.js';
import { StoredEvent } from '../../controllers/stored-event.js';
import { remaining } from '../../core/fund.js';
import type { Fund, Interaction } from '../../core/model.js';
import type { OfferReactionDetail } from '../../events/offer-picker.js';

export type Tone = 'info' | 'success' | 'warning' | 'danger';
export interface Message {
  tone: Tone;
  text: string;
}

/** What the agent chose, as Confirm and Decline need it (taken at the click). */
export interface RecoveryIntent {
  session: HostSession | null;
  interaction: Interaction | null;
  /** Why it cannot be confirmed (invalid, or nothing chosen), or null. */
  invalid: { message: string } | null;
  /** Nothing chosen. */
  empty: boolean;
  reaction: (accepted: boolean) => OfferReactionDetail;
  compensation: { offerId: string; amount: number; reason: string } | null;
  fund: Fund | null;
  agentId?: string;
  fundError: unknown;
}

export interface RecoveryActionsOptions {
  intent: () => RecoveryIntent;
  /** The element is disabled: the actions do nothing. */
  off: () => boolean;
  t: (key: string, values?: Record<string, string | number>) => string;
  failure: (error: { code?: string; message?: string } | null | undefined) => string;
  money: (minor: number) => string;
  announce: (message: string) => void;
}

const transaction = part(() => import('../../adapter/recovery-transaction.js'));

export class RecoveryActions {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: RecoveryActionsOptions;
  readonly #told: StoredEvent;
  #tx: RecoveryTransaction | null = null;
  #preloaded: HostSession | null = null;
  /** A confirm or decline is running. */
  busy = false;
  /** Recorded (or declined): the choice is settled until the agent changes it. */
  done = false;
  /** The outcome of the last action, in words. */
  message: Message | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RecoveryActionsOptions) {
    this.#host = host;
    this.#options = options;
    this.#told = new StoredEvent(host);
  }

  /** The agent changed the choice: nothing said, not done, the next action is a new intent. */
  reset(): void {
    this.message = null;
    this.done = false;
    this.#tx?.reset();
  }

  /** Load the write path ahead of the first Confirm: once per session (again after a failure). */
  preload(session: HostSession | null): void {
    if (session === this.#preloaded || !session?.host.can('recordRecovery')) return;
    this.#preloaded = session;
    Promise.all([session.openOutbox(), this.#transaction()]).catch(() => (this.#preloaded = null));
  }

  say(tone: Tone, text: string): void {
    this.message = { tone, text };
    this.#options.announce(text);
    this.#host.requestUpdate();
  }

  async #transaction(): Promise<RecoveryTransaction> {
    const { RecoveryTransaction } = await load(transaction);
    return (this.#tx ??= new RecoveryTransaction());
  }

  /** Busy while `work` runs (a second click does nothing meanwhile). */
  async #working(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.#host.requestUpdate();
    try {
      await work();
    } finally {
      this.busy = false;
      this.#host.requestUpdate();
    }
  }

  async confirm(): Promise<void> {
    if (this.busy || this.done || this.#options.off()) return;
    const { t, failure } = this.#options;
    const intent = this.#options.intent();
    const invalid = intent.invalid ?? (intent.empty ? { message: t('offerEmpty') } : null);
    if (invalid) return this.say('danger', invalid.message);
    const { session, interaction } = intent;
    if (!session) {
      this.done = true;
      this.say('warning', t('offerAccepted'));
      this.#told.tell(null, 'mend-offer-accept', null, intent.reaction(true)); // nothing to store: the event is the record
      return;
    }
    if (!interaction) return this.say('warning', t('noInteraction'));
    const detail = intent.reaction(true);
    await this.#working(async () => {
      let outcome: AcceptOutcome;
      try {
        const tx = await this.#transaction();
        outcome = await tx.accept({
          session,
          interaction,
          severity: detail.severity,
          offers: detail.offers,
          strategy: detail.strategy,
          compensation: intent.compensation,
          fund: intent.fund,
          agentId: intent.agentId,
          fundError: intent.fundError,
          // Stored first, then told (once per recorded recovery); without `recordRecovery` the event is the record.
          record: (payload, spend) =>
            this.#told.record({
              session,
              store: session.host.can('recordRecovery'),
              kind: 'recordRecovery',
              payload,
              event: 'mend-offer-accept',
              detail: spend ? { ...detail, spendId: spend.entryId, spendStatus: spend.status as 'done' | 'pending_approval' } : detail,
              // Shown as recorded before the event fires, so a page that hears it sees the same.
              onStored: () => {
                this.done = true;
                this.busy = false;
                const pending = spend?.status === 'pending_approval';
                this.say(pending ? 'warning' : 'success', pending ? t('offerPending') : t('offerRecorded'));
              },
            }),
        });
      } catch (error) {
        outcome = { status: 'failed', error: error as never };
      }
      if (outcome.status === 'failed') this.say('danger', t('offerFailed', { message: failure(outcome.error) }));
      else if (outcome.status === 'not_recorded') this.say('danger', t('offerNotRecorded', { message: failure(outcome.error) }));
      else if (outcome.status === 'rejected') this.say('danger', t('offerRejected', { message: outcome.message }).trim());
      else if (outcome.status === 'conflict') {
        const { now, seen } = outcome;
        const money = this.#options.money;
        const text = now ? t('offerFundChanged', { now: money(remaining(now)), before: money(remaining(seen)) }) : failure(outcome.error);
        this.say('warning', t('offerConflict', { message: text }));
      }
    });
  }

  async decline(): Promise<void> {
    if (this.busy || this.done || this.#options.off()) return;
    const { t, failure } = this.#options;
    const intent = this.#options.intent();
    if (intent.empty) return this.say('danger', t('offerEmpty'));
    const { session, interaction } = intent;
    const detail = intent.reaction(false);
    if (!session || !interaction || !session.host.can('recordRecovery')) {
      this.#declined();
      this.#told.tell(session, 'mend-offer-reject', null, detail); // nothing to store: the event is the record
      return;
    }
    await this.#working(async () => {
      try {
        const tx = await this.#transaction();
        const outcome = await tx.decline({
          interaction,
          severity: detail.severity,
          offers: detail.offers,
          strategy: detail.strategy,
          // Stored first, then told (once per recorded decline).
          record: (payload) =>
            this.#told.record({ session, store: true, kind: 'recordRecovery', payload, event: 'mend-offer-reject', detail, onStored: () => this.#declined() }),
        });
        if (outcome.status === 'failed') this.say('danger', t('offerFailed', { message: failure(outcome.error) }));
      } catch (error) {
        this.say('danger', t('offerFailed', { message: failure(error as Error) }));
      }
    });
  }

  /** Shown as declined before the event fires, so a page that hears it sees the same. */
  #declined(): void {
    this.done = true;
    this.busy = false;
    this.say('info', this.#options.t('offerDeclined'));
  }
}
