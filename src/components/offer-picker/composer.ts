/**
 * The picker's composer: the agent's own choice of apology, assistance, compensation (with a custom
 * amount) and other remedies, below the recommended bundles behind "Other options". Most recoveries
 * are the recommended card, so this part is loaded on demand with the options (options.ts; the
 * element's `updateComplete` waits for it). It renders from a {@link ComposerView} the element gives it and
 * holds no state of its own; the compensation options are a radio group whose keyboard model is the
 * element's `RadioGroupController`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { parseMoney } from '../../core/money-parse.js';
import type { Offer, RecoveryPolicy } from '../../core/model.js';
import type { ParseAmount } from './selection.js';

/** What the composer reads from the picker and the actions it calls back. */
export interface ComposerView {
  /** The policy, its offers those that make sense on the contact's channel. */
  policy: RecoveryPolicy;
  /** Checked offers (not monetary). */
  picked: ReadonlySet<string>;
  /** The chosen compensation, null for none. */
  comp: string | null;
  /** The whole picker is disabled. */
  off: boolean;
  /** The console has no fund: compensation is not available. */
  unsupported: boolean;
  /** The custom amount field's text and, when it is not an amount, why. */
  amountText: string;
  amountError: string | null;
  t: (key: string, values?: Record<string, string | number>) => string;
  money: (minor: number) => string;
  currency: string;
  toggle: (offer: Offer, on: boolean) => void;
  pickComp: (id: string | null) => void;
  type: (text: string) => void;
}

/** Reads an amount the agent typed, in the currency and locale. */
export const parser =
  (currency: string, locale: string): ParseAmount =>
  (text) =>
    parseMoney(text, currency, locale);

export function renderComposer(view: ComposerView): TemplateResult {
  const { policy, t } = view;
  const of = (test: (o: Offer) => boolean) => policy.offers.filter(test);
  const apology = of((o) => o.kind === 'apology');
  const assistance = of((o) => o.kind === 'assistance' && !o.monetary);
  const monetary = of((o) => o.monetary);
  const remedies = of((o) => o.kind === 'compensation' && !o.monetary);
  return html`
    ${apology.length
      ? html`<fieldset part="group apology"><legend>${t('offerApology')}</legend>
          ${apology.map((o) => check(view, o))}
          <p class="muted">${t('offerApologyOnly')}</p></fieldset>`
      : nothing}
    ${assistance.length
      ? html`<fieldset part="group assistance"><legend>${t('offerAssistance')}</legend>${assistance.map((o) => check(view, o))}</fieldset>`
      : nothing}
    ${monetary.length ? compensation(view, monetary) : nothing}
    ${remedies.length
      ? html`<fieldset part="group remedies"><legend>${t('offerRemedies')}</legend>${remedies.map((o) => check(view, o))}</fieldset>`
      : nothing}
  `;
}

function check(view: ComposerView, offer: Offer): TemplateResult {
  return html`<label class="check" part="option">
    <input
      type="checkbox"
      .checked=${view.picked.has(offer.id)}
      ?disabled=${view.off}
      @change=${(e: Event) => view.toggle(offer, (e.target as HTMLInputElement).checked)}
    />
    <span class="body">
      <span>${offer.label}</span>
      ${offer.description ? html`<span class="muted">${offer.description}</span>` : nothing}
    </span>
  </label>`;
}

function compensation(view: ComposerView, monetary: Offer[]): TemplateResult {
  const { t } = view;
  const off = view.off || view.unsupported;
  const current = view.comp ?? 'none';
  const options: Array<{ id: string; label: string }> = [
    { id: 'none', label: t('offerNone') },
    ...monetary.map((offer) => ({
      id: offer.id,
      label: offer.customAmount || offer.amount === undefined ? offer.label : `${offer.label} · ${view.money(offer.amount)}`,
    })),
  ];
  const custom = view.comp ? monetary.find((o) => o.id === view.comp && o.customAmount) : undefined;
  // Tab stops, arrows and keys: the element's RadioGroupController.
  return html`<div part="group compensation" class="fieldset">
    <span id="comp-title" class="legend">${t('offerCompensation')}</span>
    <div role="radiogroup" aria-labelledby="comp-title" aria-disabled=${off ? 'true' : 'false'}>
      ${options.map(
        (o) => html`<div
          part="option"
          role="radio"
          data-id=${o.id}
          aria-checked=${o.id === current ? 'true' : 'false'}
          aria-disabled=${off ? 'true' : 'false'}
          @click=${() => !off && view.pickComp(o.id === 'none' ? null : o.id)}
        >
          <span class="mark" aria-hidden="true"></span><span class="body">${o.label}</span>
        </div>`,
      )}
    </div>
    ${custom ? amount(view) : nothing}
    ${view.unsupported ? html`<p part="unsupported">${t('offerFundUnsupported')}</p>` : nothing}
  </div>`;
}

function amount(view: ComposerView): TemplateResult {
  const error = view.amountError;
  return html`<div part="amount">
    <label for="amount">${view.t('offerCustomAmount')}</label>
    <input
      id="amount"
      type="text"
      inputmode="decimal"
      autocomplete="off"
      .value=${view.amountText}
      ?disabled=${view.off}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby="amount-hint"
      @input=${(e: Event) => view.type((e.target as HTMLInputElement).value)}
    />
    <span id="amount-hint" class=${error ? 'error-text' : 'muted'}
      >${error ?? view.t('offerAmountHint', { currency: view.currency, example: view.money(1250) })}</span
    >
  </div>`;
}
