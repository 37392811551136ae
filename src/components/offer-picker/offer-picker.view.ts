/**
 * The picker's frame, in the first render: the title, the loading state and an error line with its
 * Retry. What fills the frame once the picker is ready (the severity line, the recommendation card,
 * "Other options") comes with the ready part (offer-picker.ready.ts). No state.
 */
import { html, type TemplateResult } from 'lit';
import type { Words } from './offer-words.js';

/** What the console's recovery key focuses: Accept, or the first choice without a card. */
export const RECOVERY_TARGET =
  '[part~="accept"]:not([disabled]), [part~="bundles"] [tabindex="0"], [part~="compose"] [tabindex="0"], [part~="compose"] input:not([disabled])';

export interface PickerFrame {
  /** Still loading what the first screen needs: aria-busy, and the loading placeholder as the body. */
  loading: boolean;
  /** The severity line (once ready). */
  severity: unknown;
  storage: unknown;
  body: unknown;
  announcer: TemplateResult;
}

/** An async dependency that failed (a host read, a part loaded on demand), with its Retry. */
export function renderError(w: Pick<Words, 't'>, message: string, retry: () => void): TemplateResult {
  return html`<div part="error" data-tone="danger" role="alert">
    <span><span class="tag">${w.t('errorPrefix', { message })}</span></span>
    <button part="retry" type="button" @click=${retry}>${w.t('retry')}</button>
  </div>`;
}

export function renderPicker(w: Pick<Words, 't'>, f: PickerFrame): TemplateResult {
  return html`<section part="base" aria-labelledby="title" aria-busy=${f.loading ? 'true' : 'false'}>
    <div part="header">
      <h2 id="title" part="title">${w.t('offerTitle')}</h2>
      ${f.severity}
    </div>
    ${f.storage}${f.loading
      ? html`<div part="loading"><p>${w.t('loading')}</p><div class="placeholder"></div><div class="placeholder"></div><div class="placeholder"></div></div>`
      : f.body}
    ${f.announcer}
  </section>`;
}
