/**
 * The picker's frame: the title and the severity (said once, with why it was raised), the loading
 * and error states, then the recommendation card, the "Other options" disclosure and, when open,
 * what is behind it. Renders from the model (offer-picker.model.ts) and the element's parts; no state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { HostSession } from '../../adapter/session.js';
import type { Read } from '../../controllers/reads.js';
import type { RecoveryPolicy } from '../../core/model.js';
import type { Bundle } from '../../core/recovery.js';
import type { PickerModel } from './offer-picker.model.js';
import type { Words } from './offer-words.js';

/** What the console's recovery key focuses: Accept, or the first choice without a card. */
export const RECOVERY_TARGET =
  '[part~="accept"]:not([disabled]), [part~="bundles"] [tabindex="0"], [part~="compose"] [tabindex="0"], [part~="compose"] input:not([disabled])';

export interface PickerFrame {
  loading: boolean;
  session: HostSession | null;
  storage: TemplateResult | typeof nothing;
  announcer: TemplateResult;
  /** "Other options" is shown. */
  open: boolean;
  /** The baggage assessment could not be loaded (with its Retry), or null. */
  assessError: { error: unknown; retry(): void } | null;
  error: (read: { error?: unknown; retry(): void }) => TemplateResult;
  card: (top: Bundle) => TemplateResult;
  options: (policy: RecoveryPolicy) => TemplateResult;
  toggle: () => void;
}

/** Still loading what the first screen needs (a history is shown with its baggage: its assessment too). */
export function pickerLoading(m: PickerModel, baggageSet: boolean, assessment: { value?: unknown; error?: unknown }): boolean {
  const busy = (read: Read<unknown>) => (read.status === 'loading' || read.status === 'idle') && read.value === undefined;
  const assessing = !baggageSet && m.hist.value !== undefined && !assessment.value && !assessment.error;
  return !m.policy ? busy(m.pol) || busy(m.ctx) : busy(m.hist) || assessing;
}

/** An async dependency that failed (a host read, a part loaded on demand), with its Retry. */
export function renderError(w: Words, message: string, retry: () => void): TemplateResult {
  return html`<div part="error" data-tone="danger" role="alert">
    <span><span class="tag">${w.t('errorPrefix', { message })}</span></span>
    <button part="retry" type="button" @click=${retry}>${w.t('retry')}</button>
  </div>`;
}

export function renderPicker(m: PickerModel, w: Words, f: PickerFrame): TemplateResult {
  const { rec } = m;
  return html`<section part="base" aria-labelledby="title" aria-busy=${f.loading ? 'true' : 'false'}>
    <div part="header">
      <h2 id="title" part="title">${w.t('offerTitle')}</h2>
      ${rec && !f.loading
        ? html`<p part="severity">
            ${w.t('offerSeverity', { severity: w.term('severity', rec.severity) })}
            ${rec.raised ? html`<span class="muted">(${w.t('offerRaised', { severity: w.term('severity', rec.baseSeverity) })})</span>` : nothing}
          </p>`
        : nothing}
    </div>
    ${f.storage}${body(m, w, f)} ${f.announcer}
  </section>`;
}

function body(m: PickerModel, w: Words, f: PickerFrame): TemplateResult {
  const { t } = w;
  if (f.loading) {
    return html`<div part="loading"><p>${t('loading')}</p><div class="placeholder"></div><div class="placeholder"></div><div class="placeholder"></div></div>`;
  }
  const { policy, pol, ctx, hist, rec, failure, top, interaction } = m;
  if (!policy) return f.error(pol.status === 'error' ? pol : ctx);
  if (f.assessError) return f.error(f.assessError);
  if (failure || !rec) return html`<div part="error" data-tone="danger" role="alert">${t('offerFailed', { message: failure ?? '' })}</div>`;
  const session = f.session;
  return html`
    ${ctx.status === 'error' && !ctx.value ? f.error(ctx) : nothing}
    ${hist.status === 'error' ? f.error(hist) : nothing}
    ${session && ctx.value && !interaction ? html`<p class="muted">${t('noInteraction')}</p>` : nothing}
    ${top ? f.card(top) : nothing}
    ${session && !session.host.can('recordRecovery') ? html`<p part="unsupported">${t('offerRecordUnsupported')}</p>` : nothing}
    ${top
      ? html`<button part="options-toggle" type="button" aria-expanded=${f.open ? 'true' : 'false'} aria-controls="options" @click=${f.toggle}>
          ${t('offerOtherOptions')}
        </button>`
      : nothing}
    ${f.open ? f.options(policy) : html`<div id="options" part="options" hidden></div>`}
  `;
}
