/**
 * The picker's recommendation card: the top recommended bundle as one action. What it gives (each
 * amount beside its offer, the fund after it), why in one line, what Accept also records (the
 * baggage acknowledgement, when due), and one primary Accept beside "Customer declined". Compact, so
 * that in a 400 px side panel Accept is on the first screen. Renders from a {@link CardView}; no state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Bundle } from '../../core/recovery.js';
import type { PickerModel } from './offer-picker.model.js';
import { bundleName, impactText, type Words } from './offer-words.js';

/** The card's state and actions (the element's). */
export interface CardState {
  /** Accept also acknowledges the customer's baggage. */
  acknowledges: boolean;
  off: boolean;
  /** A write is running, or the choice is settled: the buttons are aria-disabled (they keep focus). */
  blocked: boolean;
  /** The card's bundle was accepted. */
  accepted: boolean;
  busy: boolean;
  /** The fund's read failed: its error line with Retry (the card's money needs it). */
  fundError: TemplateResult | typeof nothing;
  /** The outcome of the last card action, rendered under the buttons (stays in view). */
  message: TemplateResult | typeof nothing;
  accept: () => void;
  decline: () => void;
}

export function renderCard(top: Bundle, m: PickerModel, w: Words, v: CardState): TemplateResult {
  const { t } = w;
  const status = m.topDecision?.status;
  // Why, in one line: the severity rule the bundle meets.
  const why = top.reasons.find((r) => r.rule === 'R3') ?? top.reasons[0];
  const described = ['card-gives', m.fund ? 'card-impact' : '', v.acknowledges ? 'card-records' : ''].filter(Boolean).join(' ');
  return html`<section part="card" aria-labelledby="card-title">
    <h3 id="card-title" class="legend">${t('offerRecommended')}</h3>
    <p part="card-gives" id="card-gives" class="name">${bundleName(top, w.money)}</p>
    ${m.fund
      ? html`<p part="card-impact" id="card-impact" data-tone=${status === 'refused' ? 'danger' : status === 'needs_approval' ? 'warning' : 'info'}>
          ${impactText(w, m.fund, m.topDecision)}
        </p>`
      : v.fundError}
    ${top.needsApproval
      ? html`<p part="card-approval"><span class="tag">${t('offerNeedsApprovalTag')}:</span> ${top.approvalReasons.map((r) => w.words(r)).join(' ')}</p>`
      : nothing}
    ${why ? html`<p part="card-why" class="muted">${w.words(why)}</p>` : nothing}
    ${v.acknowledges ? html`<p part="card-records" id="card-records" class="muted">${t('offerAlsoAcknowledges')}</p>` : nothing}
    <div part="card-actions" class="row">
      <button
        part="accept"
        type="button"
        data-variant="primary"
        ?disabled=${v.off}
        aria-disabled=${v.blocked ? 'true' : 'false'}
        aria-describedby=${described}
        @click=${v.accept}
      >
        ${v.busy ? t('offerBusy') : v.accepted ? t('offerAcceptDone') : t('offerAccept')}
      </button>
      <button part="decline" type="button" ?disabled=${v.off} aria-disabled=${v.blocked ? 'true' : 'false'} @click=${v.decline}>
        ${t('offerDecline')}
      </button>
    </div>
    ${v.message}
  </section>`;
}
