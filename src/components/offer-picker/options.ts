/**
 * What the picker shows behind "Other options": every recommended bundle (bundles.ts), the composer
 * (composer.ts), the live fund impact of the composed choice, why it is not a recovery yet, the
 * outcome of its Confirm, and the Confirm button. The agent rarely needs it (the card's Accept is
 * the usual recovery), so it is loaded on demand when the options open (the element's
 * `updateComplete` waits for it). Renders from an {@link OptionsView}; no state of its own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Read } from '../../controllers/reads.js';
import type { SpendDecision } from '../../core/fund.js';
import type { Fund, RecoveryPolicy } from '../../core/model.js';
import type { Bundle } from '../../core/recovery.js';
import { renderBundles, type BundlesView } from './bundles.js';
import { renderComposer, type ComposerView } from './composer.js';
import type { PickerModel } from './offer-picker.model.js';
import type { Words } from './offer-words.js';
import type { OfferSelection } from './selection.js';

export { optionsStyles } from './options.styles.js';

/**
 * The picker's sentences (offer-words.ts, bound by offer-picker.choice.ts): passed in rather than
 * imported, so this part shares no module with the ready part (a shared chunk costs every load).
 */
export interface Sentences {
  impact: (fund: Fund, decision: SpendDecision | null) => string;
  approval: (decision: SpendDecision, amount: number | undefined) => string;
  refused: (decision: SpendDecision) => string;
  amount: (code: string) => string;
  left: (fund: Fund) => number;
  /** A bundle in words, led by `lead`. */
  name: BundlesView['name'];
}

export { parser } from './composer.js';
/** The radio groups' keyboard model (the bundles and the compensation), created by the element with this part. */
export { RadioGroupController } from '../../controllers/radio-group.js';

export interface OptionsView {
  /** What the picker shows, and what the agent chose. */
  m: PickerModel;
  policy: RecoveryPolicy;
  selection: OfferSelection;
  w: Words;
  say: Sentences;
  /** Why the choice is not a recovery yet (null: it is, or nothing to say). */
  validation: string | null;
  /** The outcome of the last Confirm / Decline made here. */
  message: TemplateResult | typeof nothing;
  /** A failed read, with its Retry (the element's error line). */
  error: (read: Read<Fund>) => TemplateResult;
  off: boolean;
  /** The console has no fund: compensation is not available. */
  unsupported: boolean;
  /** A write is running or the choice is settled: the buttons are aria-disabled (they keep focus). */
  blocked: boolean;
  busy: boolean;
  pick: (bundle: Bundle) => void;
  toggle: ComposerView['toggle'];
  pickComp: ComposerView['pickComp'];
  type: ComposerView['type'];
  confirm: () => void;
  decline: () => void;
}

export function renderOptions(v: OptionsView): TemplateResult {
  const { m, w, selection } = v;
  const { t } = w;
  const alone = !m.top;
  const bundles = m.rec?.bundles ?? [];
  return html`${bundles.length
      ? renderBundles({ bundles, name: v.say.name, current: m.matching?.id ?? '', off: v.off, t, words: w.words, pick: v.pick })
      : nothing}
    <div part="compose" role="group" aria-labelledby="compose-title">
      <h3 id="compose-title" class="legend">${t('offerCompose')}</h3>
      ${renderComposer({
        policy: { ...v.policy, offers: m.offered },
        picked: selection.picked,
        comp: selection.comp,
        off: v.off,
        unsupported: v.unsupported,
        amountText: selection.customText ?? (selection.customMinor === undefined ? '' : w.money(selection.customMinor)),
        amountError: m.amountError && v.say.amount(m.amountError),
        t,
        money: w.money,
        currency: m.currency,
        toggle: v.toggle,
        pickComp: v.pickComp,
        type: v.type,
      })}
    </div>
    ${fundLine(v)}
    ${v.validation ? html`<p part="validation" id="validation" data-tone="warning"><span>${v.validation}</span></p>` : nothing}
    ${v.message}
    <div part="actions" class="row">
      <button
        part="confirm"
        type="button"
        data-variant=${alone ? 'primary' : 'default'}
        ?disabled=${v.off}
        aria-disabled=${v.blocked ? 'true' : 'false'}
        aria-describedby=${v.validation ? 'validation' : nothing}
        @click=${v.confirm}
      >
        ${v.busy ? t('offerBusy') : m.decision?.status === 'needs_approval' ? t('offerRequestApproval') : t('offerConfirm')}
      </button>
      ${alone
        ? html`<button part="decline" type="button" ?disabled=${v.off} aria-disabled=${v.blocked ? 'true' : 'false'} @click=${v.decline}>
            ${t('offerDecline')}
          </button>`
        : nothing}
    </div>`;
}

/** The fund impact line and, when the amount is not simply allowed, the approval line. */
function fundLine(v: OptionsView): TemplateResult | typeof nothing {
  const { w, say } = v;
  const { fund, fundRead, decision } = v.m;
  if (!fund) {
    // (With a card, the card shows the fund's error.)
    if (fundRead.status === 'error') return v.m.top ? nothing : v.error(fundRead);
    if (fundRead.status === 'loading' || fundRead.status === 'idle') return html`<p part="impact">${w.t('loading')}</p>`;
    return nothing;
  }
  return html`<p part="impact" data-tone=${say.left(fund) <= 0 ? 'warning' : 'info'}><span>${say.impact(fund, decision)}</span></p>
    ${decision?.status === 'needs_approval'
      ? html`<p part="approval" data-tone="warning"><span class="tag">${w.t('offerNeedsApprovalTag')}:</span><span>${say.approval(decision, v.m.amount)}</span></p>`
      : decision?.status === 'refused'
        ? html`<p part="approval" data-tone="danger"><span>${say.refused(decision)}</span></p>`
        : nothing}`;
}
