/**
 * The picker's actions, Accept / Confirm and Decline, as a controller: busy and done states, the
 * outcome in words, and the write path. Loaded on demand with the picker's ready part
 * (offer-picker.ready.ts: the first render does not need it). With a host, Confirm runs the spend-then-record transaction (`src/adapter/recovery-transaction.ts`,
 * loaded with this part) and Decline records the declined reaction; the writes go through the shared
 * {@link WriteAction} (stored in the outbox first, each event told once its write is stored). Accept
 * may also acknowledge the customer's baggage: the same `acknowledgeBaggage` write, with the same key
 * (`writeKey` of src/core/write-key.ts), as the banner's Acknowledge, so it is stored once. Without
 * a host (or a host that does not record recoveries) the event is the record.
 *
 * Typed against a `ReactiveControllerHost & HTMLElement` and a {@link RecoveryActionsOptions} the
 * element fills from its state, never the element class.
 */
import type { ReactiveControllerHost } from 'lit';
import { RecoveryTransaction, type AcceptOutcome } from '../../adapter/recovery-transaction.js';
import type { HostSession } from '../../adapter/session.js';
import { StoredEvent } from '../../controllers/stored-event.js';
import { handled, WriteAction, type WriteRequest, type WriteState } from '../../controllers/write-action.js';
import { remaining } from '../../core/fund.js';
import type { Fund, Interaction } from '../../core/model.js';
import type { Bundle } from '../../core/recovery.js';
import { writeKey } from '../../core/write-key.js';
import type { OfferReactionDetail } from '../../events/offer-picker.js';
import type { PickerModel } from './offer-picker.model.js';

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

/** The baggage acknowledgement an Accept also makes (the banner's write, with its key). */
export interface AckIntent {
  key: string;
  interactionId: string;
  customerId: string;
  incidentIds: string[];
}

/** How a confirm is made: from the card's Accept (with the acknowledgement, if due) or the options' Confirm. */
export interface ConfirmOptions {
  ack?: AckIntent | null;
  /** What is announced once it is recorded (default: the message itself). */
  spoken?: (message: string, pending: boolean) => string;
}

export interface RecoveryActionsOptions {
  session: () => HostSession | null;
  /** What the picker shows (offer-picker.model.ts) and the compensation chosen. */
  model: () => PickerModel;
  comp: () => string | null;
  /** Why the choice cannot be confirmed, or null. */
  invalid: () => { message: string } | null;
  /** Make a bundle the choice (the card's Accept and Decline act on its bundle). */
  choose: (bundle: Bundle) => Promise<void>;
  /** A bundle in words (offer-words.ts `bundleName`). */
  name: (bundle: Bundle) => string;
  /** The element is disabled: the actions do nothing. */
  off: () => boolean;
  t: (key: string, values?: Record<string, string | number>) => string;
  failure: (error: { code?: string; message?: string } | null | undefined) => string;
  money: (minor: number) => string;
  announce: (message: string) => void;
}


export class RecoveryActions {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: RecoveryActionsOptions;
  readonly #told: StoredEvent;
  /** The picker's writes through the outbox (shared controller; it follows the session's outbox). */
  readonly writes: WriteAction;
  /** The spend-then-record transaction (its keys live as long as one intent). */
  readonly #tx = new RecoveryTransaction();
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
    this.writes = new WriteAction(host, {
      session: options.session,
      t: options.t,
      failure: options.failure,
      announce: options.announce,
    });
  }

  /** Whether the write of `key` is stored or done (on this page or in the session's outbox). */
  stored(key: string): boolean {
    return handled(this.writes.state(key).status);
  }

  /** The acknowledgement an Accept also makes: baggage to acknowledge, a host that takes it, not stored yet (once the outbox is read). */
  ackFor(m: PickerModel): AckIntent | null {
    const { interaction, assessment } = m;
    const session = this.#options.session();
    if (!session || !interaction || !assessment || assessment.level === 'none' || !session.host.can('acknowledgeBaggage')) return null;
    const key = writeKey('acknowledgeBaggage', { interactionId: interaction.id, customer: { id: interaction.customerId } });
    if (!this.writes.watch.loaded || this.stored(key)) return null;
    return { key, interactionId: interaction.id, customerId: interaction.customerId, incidentIds: assessment.notable.map((i) => i.id) };
  }

  /** What the agent chose, taken at the click. */
  #intent(): RecoveryIntent {
    const m = this.#options.model();
    const { policy, interaction, amount, fund, ctx, fundRead } = m;
    const id = this.#options.comp();
    const comp = id ? policy?.offers.find((o) => o.id === id) : undefined;
    return {
      session: this.#options.session(),
      interaction,
      invalid: this.#options.invalid(),
      empty: !m.chosen.length,
      reaction: (accepted) => reactionOf(m, accepted),
      compensation: comp && amount ? { offerId: comp.id, amount, reason: comp.reason ?? 'goodwill' } : null,
      fund,
      agentId: ctx.value?.agent.id ?? fund?.agentId,
      fundError: fundRead.error ?? new Error(this.#options.t('loading')),
    };
  }

  /** Store a write through the WriteAction; rejects with the error when it could not be stored. */
  async #write<E extends 'mend-offer-accept' | 'mend-offer-reject'>(request: WriteRequest<'recordRecovery', E>): Promise<WriteState> {
    const state = await this.writes.run(request);
    if (state.status === 'failed' || state.status === 'storage_full') throw state.error ?? new Error(state.text);
    return state;
  }

  /** The agent changed the choice: nothing said, not done, the next action is a new intent. */
  reset(): void {
    this.message = null;
    this.done = false;
    this.#tx.reset();
  }

  /** Open the outbox ahead of the first Confirm: once per session (again after a failure). */
  preload(session: HostSession | null): void {
    if (session === this.#preloaded || !session?.host.can('recordRecovery')) return;
    this.#preloaded = session;
    session.openOutbox().catch(() => (this.#preloaded = null));
  }

  say(tone: Tone, text: string, spoken = text): void {
    this.message = { tone, text };
    this.#options.announce(spoken);
    this.#host.requestUpdate();
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

  /**
   * The card's Accept: choose the top bundle and confirm it, acknowledging the baggage when due, with
   * one announcement (what was accepted, what comes next). True once recorded.
   */
  async accept(): Promise<boolean> {
    const top = this.#options.model().top;
    if (!top || this.busy || this.done || this.#options.off()) return false;
    await this.#options.choose(top);
    const ack = this.ackFor(this.#options.model());
    const { t, name } = this.#options;
    const offers = name(top);
    const spoken = (_: string, pending: boolean) =>
      [t(pending ? 'offerPendingSay' : 'offerAcceptedSay', { offers }), ack ? t('offerAckSaid') : '', t('offerNext')].filter(Boolean).join(' ');
    return this.confirm({ ack, spoken });
  }

  /** Confirm the choice: true once it is recorded (or, without a host, accepted on the page). */
  async confirm(how: ConfirmOptions = {}): Promise<boolean> {
    if (this.busy || this.done || this.#options.off()) return false;
    const { t, failure } = this.#options;
    let intent = this.#intent();
    const invalid = intent.invalid ?? (intent.empty ? { message: t('offerEmpty') } : null);
    if (invalid) return this.#said('danger', invalid.message);
    const { session, interaction } = intent;
    if (!session) {
      this.done = true;
      this.say('warning', t('offerAccepted'));
      this.#told.tell(null, 'mend-offer-accept', null, intent.reaction(true)); // nothing to store: the event is the record
      return true;
    }
    if (!interaction) return this.#said('warning', t('noInteraction'));
    const detail = intent.reaction(true);
    const ack = how.ack;
    let recorded = false;
    await this.#working(async () => {
      // Accepted before the agent's fund arrived (it is being read): wait for it, then spend from it.
      if (intent.compensation && !intent.fund && intent.agentId) {
        await session.fund(intent.agentId).ensure();
        await this.#host.updateComplete;
        intent = this.#intent();
      }
      // The banner's acknowledgement, with its key: stored once whoever makes it (its state is the key's).
      if (ack && !this.stored(ack.key)) {
        const { key, interactionId, customerId, incidentIds } = ack;
        await this.writes.run({
          key,
          kind: 'acknowledgeBaggage',
          payload: { idempotencyKey: key, interactionId, customerId, at: new Date().toISOString(), incidentIds },
          event: 'mend-baggage-acknowledge',
          detail: { interactionId, customerId, incidentIds, idempotencyKey: key },
        });
      }
      let outcome: AcceptOutcome;
      try {
        const tx = this.#tx;
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
            this.#write({
              store: session.host.can('recordRecovery'),
              kind: 'recordRecovery',
              payload,
              event: 'mend-offer-accept',
              detail: spend ? { ...detail, spendId: spend.entryId, spendStatus: spend.status as 'done' | 'pending_approval' } : detail,
              // Shown as recorded before the event fires, so a page that hears it sees the same.
              onStored: () => {
                this.done = recorded = true;
                this.busy = false;
                const pending = spend?.status === 'pending_approval';
                const text = pending ? t('offerPending') : t('offerRecorded');
                this.say(pending ? 'warning' : 'success', text, how.spoken?.(text, pending) ?? text);
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
    return recorded;
  }

  #said(tone: Tone, text: string): false {
    this.say(tone, text);
    return false;
  }

  /** Decline what was offered: the choice, or the card's bundle when nothing is chosen. */
  async decline(): Promise<void> {
    if (this.busy || this.done || this.#options.off()) return;
    const { t, failure } = this.#options;
    const top = this.#options.model().top;
    if (!this.#options.model().chosen.length && top) await this.#options.choose(top);
    const intent = this.#intent();
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
        const tx = this.#tx;
        const outcome = await tx.decline({
          interaction,
          severity: detail.severity,
          offers: detail.offers,
          strategy: detail.strategy,
          // Stored first, then told (once per recorded decline).
          record: (payload) =>
            this.#write({ store: true, kind: 'recordRecovery', payload, event: 'mend-offer-reject', detail, onStored: () => this.#declined() }),
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
    const { t } = this.#options;
    this.say('info', t('offerDeclined'), `${t('offerDeclined')} ${t('offerNext')}`);
  }
}

/** The customer's reaction to what the model shows as chosen (the events' detail). */
function reactionOf(m: PickerModel, accepted: boolean): OfferReactionDetail {
  return {
    accepted,
    strategy: m.matching?.strategy ?? 'custom',
    offers: m.chosen.map((o) => ({ ...o })),
    interactionId: m.interaction?.id ?? null,
    customerId: m.interaction?.customerId ?? null,
    severity: m.rec?.severity ?? m.baseSeverity,
  };
}
