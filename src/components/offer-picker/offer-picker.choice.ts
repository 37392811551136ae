/**
 * The picker once it is ready (loaded with the ready part, offer-picker.ready.ts): the agent's
 * choice (the selection), Accept, Confirm and Decline (the write path, recovery-actions.ts) with
 * where their outcome is said, and the card and the options rendered from them. The element keeps
 * its properties, lifecycle and frame; what the agent does happens here, once there is something to
 * act on. Typed against a `ReactiveControllerHost & HTMLElement` and the {@link ChoiceOptions} the
 * element fills, never the element class.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { HostSession } from '../../adapter/session.js';
import type { Invalidity } from '../../controllers/form-control.js';
import type { Part } from '../../controllers/on-demand.js';
import type { Offer, RecoveryPolicy } from '../../core/model.js';
import type { Bundle } from '../../core/recovery.js';
import { renderCard } from './card.js';
import type { PickerModel } from './offer-picker.model.js';
import { decisionSaid, invalidity, sentences, type Words } from './offer-words.js';
import type { Sentences } from './options.js';
import { RecoveryActions } from './recovery-actions.js';
import { OfferSelection } from './selection.js';

export interface ChoiceOptions {
  /** The element's words (offer-words.ts). */
  w: Words;
  session: () => HostSession | null;
  /** What the picker shows (derived by the element in willUpdate). */
  model: () => PickerModel;
  /** The picker is disabled (by itself, a fieldset or a form). */
  off: () => boolean;
  /** The console has no fund: compensation is not available. */
  unsupported: () => boolean;
  required: () => boolean;
  failure: (error: { code?: string; message?: string } | null | undefined) => string;
  announce: (message: string) => void;
  /** Recorded: the next step takes focus (the element's FocusStep); false when none took it. */
  handOff: () => boolean;
  /** A failed read or part, with its Retry (the element's error line). */
  error: (read: { error?: unknown; retry(): void }) => TemplateResult;
  /** Behind "Other options" (loaded on demand by the element when they open). */
  options: Part<typeof import('./options.js')>;
  /** Load the options again (their Retry). */
  reloadOptions: () => void;
}

export class PickerChoice {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #o: ChoiceOptions;
  /** What the agent chose. */
  readonly selection = new OfferSelection();
  /** Accept, Confirm and Decline. */
  readonly actions: RecoveryActions;
  /** The picker's sentences, bound to the element's words. */
  readonly #say: Sentences;
  /** Where the last action was made: its outcome is said next to it. */
  #last: 'card' | 'options' = 'card';
  #accepted = false;
  #acting = false;
  #lastStatus: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, o: ChoiceOptions) {
    this.#host = host;
    this.#o = o;
    const { w } = o;
    this.#say = sentences(w, () => o.model().currency);
    this.actions = new RecoveryActions(host, {
      session: o.session,
      model: o.model,
      comp: () => this.selection.comp,
      invalid: () => this.invalidity(),
      off: o.off,
      t: w.t,
      failure: o.failure,
      money: w.money,
      announce: o.announce,
      choose: (bundle) => this.#chooseTop(bundle),
      name: (bundle) => this.#say.name(bundle),
    });
  }

  /** Nothing chosen, nothing said, a new intent. */
  clear(): void {
    this.selection.clear();
    this.actions.reset();
    this.#accepted = false;
  }

  /** Why the current choice cannot be submitted, or null when it can (and while disabled). */
  invalidity(): Invalidity | null {
    return this.#o.off() ? null : invalidity(this.#o.w, this.#o.model(), this.#o.required());
  }

  /** The agent changed the selection: a new intent, a `change` event, a polite word on the impact (unless the action says its own). */
  async #changed(say = true): Promise<void> {
    this.actions.reset();
    this.#accepted = false;
    const host = this.#host;
    host.requestUpdate();
    await host.updateComplete;
    host.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const { decision, fund, amount } = this.#o.model();
    const said = say && decision?.status !== this.#lastStatus && decisionSaid(this.#say, decision, fund, amount);
    this.#lastStatus = decision?.status;
    if (said) this.#o.announce(said);
  }

  pickBundle(bundle: Bundle): void {
    if (this.#o.off()) return;
    this.selection.apply(bundle.offers, this.#o.model().policy!);
    void this.#changed();
  }

  #toggle(offer: Offer, on: boolean): void {
    this.selection.toggle(offer.id, on);
    void this.#changed();
  }

  pickComp(id: string | null): void {
    if (this.#o.off() || !this.selection.pickComp(id, this.#o.model().policy)) return;
    void this.#changed();
  }

  /** The card's bundle becomes the choice (Accept and Decline act on it), said by the action itself. */
  async #chooseTop(top: Bundle): Promise<void> {
    const m = this.#o.model();
    if (m.matching?.id === top.id) return;
    this.selection.apply(top.offers, m.policy!);
    await this.#changed(false);
  }

  /** The agent acts (on the card, or in Other options): its outcome is said there; once recorded, the next step takes focus. */
  async #act(where: 'card' | 'options', act: (actions: RecoveryActions) => Promise<boolean | void>): Promise<void> {
    const actions = this.actions;
    if (this.#acting || this.#o.off() || actions.busy || actions.done) return; // one action at a time: a double click does it once
    this.#acting = true;
    try {
      this.#last = where;
      const recorded = await act(actions);
      this.#accepted = !!recorded && where === 'card';
      if (recorded) {
        // The next step takes focus (agent-initiated); without one, the outcome is in view and focus stays here.
        await this.#host.updateComplete;
        if (!this.#o.handOff()) this.#host.shadowRoot?.querySelector('[part~="message"]')?.scrollIntoView({ block: 'nearest' });
      }
    } finally {
      this.#acting = false;
    }
  }

  #message(where: 'card' | 'options'): TemplateResult | typeof nothing {
    const message = this.actions.message;
    if (!message || (this.#o.model().top && this.#last !== where)) return nothing;
    return html`<p part="message" data-tone=${message.tone}><span>${message.text}</span></p>`;
  }

  /** A write is running, or the choice is settled: the buttons are aria-disabled (they keep focus). */
  get #blocked(): boolean {
    return this.actions.busy || this.actions.done;
  }

  /** The top recommendation as one action (card.ts). */
  renderCard(top: Bundle): TemplateResult {
    const { actions } = this;
    const m = this.#o.model();
    return renderCard(top, m, this.#o.w, {
      acknowledges: !!actions.ackFor(m) && !this.#accepted,
      off: this.#o.off(),
      blocked: this.#blocked,
      accepted: this.#accepted,
      busy: actions.busy && this.#last === 'card',
      message: this.#message('card'),
      fundError: m.fundRead.status === 'error' && !m.fund ? this.#o.error(m.fundRead) : nothing,
      accept: () => void this.#act('card', (a) => a.accept()),
      decline: () => void this.#act('card', (a) => a.decline()),
    });
  }

  /** Behind "Other options" (loaded on demand): every bundle, the composer, the impact and Confirm. */
  renderOptions(policy: RecoveryPolicy): TemplateResult {
    const o = this.#o;
    const loaded = o.options.value;
    if (!loaded) {
      const error = o.options.error;
      return html`<div id="options" part="options">${error ? o.error({ error, retry: o.reloadOptions }) : html`<div class="placeholder"></div>`}</div>`;
    }
    const { selection, actions } = this;
    const m = o.model();
    const t = o.w.t;
    return html`<div id="options" part="options">
      ${loaded.renderOptions({
        m,
        policy,
        selection,
        w: o.w,
        say: this.#say,
        validation: this.#validation(m),
        message: this.#message('options'),
        error: o.error,
        off: o.off(),
        unsupported: o.unsupported(),
        blocked: this.#blocked,
        busy: actions.busy && this.#last === 'options',
        pick: (b) => this.pickBundle(b),
        toggle: (offer, on) => this.#toggle(offer, on),
        pickComp: (id) => this.pickComp(id),
        type: (text) => {
          selection.customText = text;
          void this.#changed();
        },
        confirm: () => void this.#act('options', (a) => a.confirm({ spoken: (text) => `${text} ${t('offerNext')}` })),
        decline: () => void this.#act('options', (a) => a.decline()),
      })}
    </div>`;
  }

  /** The live "not a recovery yet" hint (a refused amount has its own line). */
  #validation(m: PickerModel): string | null {
    if (!m.chosen.length || this.actions.done || m.decision?.status === 'refused') return null;
    return this.invalidity()?.message ?? null;
  }
}
