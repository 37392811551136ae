/**
 * What `<mend-offer-picker>` needs to show a host's answer (or its properties) and act on it: the
 * recommendation rules (src/core/recovery.ts), the model derived from them, the severity line, the
 * frame's body, and the agent's choice with its card, options and write path (offer-picker.choice.ts:
 * the selection, the picker's sentences, Accept, Confirm and Decline). One part, loaded on demand at
 * the element's first update, in parallel with the host's reads (the first render shows the loading
 * state until both are in; a failed load is the error line with Retry).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { HostSession } from '../../adapter/session.js';
import type { Read } from '../../controllers/reads.js';
import type { RecoveryPolicy } from '../../core/model.js';
import type { Bundle } from '../../core/recovery.js';
import type { PickerModel } from './offer-picker.model.js';
import type { Words } from './offer-words.js';

export { DEFAULT_POLICY } from '../../core/recovery.js';
export { formatMoney } from '../../core/money.js';
export { pickerModel } from './offer-picker.model.js';
export { PickerChoice } from './offer-picker.choice.js';
export { readyStyles } from './ready.styles.js';

export interface PickerBody {
  session: HostSession | null;
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

/** The effective severity, said once, with why it was raised. */
export function renderSeverity(m: PickerModel, w: Words): TemplateResult | typeof nothing {
  const { rec } = m;
  return rec
    ? html`<p part="severity">
        ${w.t('offerSeverity', { severity: w.term('severity', rec.severity) })}
        ${rec.raised ? html`<span class="muted">(${w.t('offerRaised', { severity: w.term('severity', rec.baseSeverity) })})</span>` : nothing}
      </p>`
    : nothing;
}

/** Under the title once loaded: the errors, the recommendation card, the "Other options" disclosure and, when open, what is behind it. */
export function renderBody(m: PickerModel, w: Words, f: PickerBody): TemplateResult {
  const { t } = w;
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
