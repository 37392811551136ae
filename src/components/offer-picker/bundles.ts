/**
 * The picker's recommended bundles behind "Other options" (loaded on demand with the composer): a
 * radio group (its keyboard model is the element's RadioGroupController; Enter and Space choose),
 * each bundle with its own reasons; what every bundle shares is said once, above them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Reason } from '../../core/reasons.js';
import type { Bundle } from '../../core/recovery.js';

export interface BundlesView {
  bundles: readonly Bundle[];
  /** The id of the bundle the choice matches ('' for none). */
  current: string;
  off: boolean;
  t: (key: string) => string;
  words: (reason: Reason) => string;
  /** A bundle in words, led by `lead` (offer-words.ts `bundleName`, passed in: this part shares no module with the ready part). */
  name: (bundle: Bundle, lead?: Bundle['offers'][number]) => string;
  pick: (bundle: Bundle) => void;
}

export function renderBundles(view: BundlesView): TemplateResult {
  const { bundles, current, off, t, words, pick } = view;
  const names = bundleNames(bundles, view.name);
  // What every bundle shares is said once, above them; each bundle says only what is its own.
  const said = bundles.map((bundle) => bundle.reasons.map((r) => words(r)));
  const [first, ...others] = said;
  const shared = others.length ? first!.filter((text) => others.every((texts) => texts.includes(text))) : [];
  return html`<div part="bundles">
    <h3 id="bundles-title" class="legend">${t('offerAllBundles')}</h3>
    ${shared.length ? html`<p id="bundles-why" part="bundles-why" class="muted">${shared.join(' ')}</p>` : nothing}
    <div
      role="radiogroup"
      aria-labelledby="bundles-title"
      aria-describedby=${shared.length ? 'bundles-why' : nothing}
      aria-disabled=${off ? 'true' : 'false'}
    >
    ${bundles.map((bundle, i) => {
      const checked = bundle.id === current;
      const why = said[i]!.filter((text) => !shared.includes(text));
      return html`<div
        part="bundle option"
        role="radio"
        data-id=${bundle.id}
        aria-checked=${checked ? 'true' : 'false'}
        aria-disabled=${off ? 'true' : 'false'}
        aria-labelledby="b${i}-name"
        aria-describedby=${why.length || bundle.needsApproval ? `b${i}-why` : nothing}
        @click=${() => pick(bundle)}
      >
        <span class="mark" aria-hidden="true"></span>
        <span class="body">
          <span class="name" id="b${i}-name">${names[i]}</span>
          <span id="b${i}-why" class="muted">
            ${why.join(' ')}
            ${bundle.needsApproval ? html` <span class="tag">${t('offerNeedsApprovalTag')}:</span> ${bundle.approvalReasons.map((r) => words(r)).join(' ')}` : nothing}
          </span>
        </span>
      </div>`;
    })}
    </div>
  </div>`;
}

/**
 * The bundles' names: each led by an offer no other bundle is led by (what sets it apart), where
 * that is possible (a tiny search: at most four bundles of a few offers), so no two names start
 * with the same words.
 */
function bundleNames(bundles: readonly Bundle[], name: BundlesView['name']): string[] {
  type Offered = Bundle['offers'][number];
  const rests = bundles.map((b) => b.offers.filter((o) => o.kind !== 'apology'));
  const pick = (i: number, used: Set<string>): Offered[] | null => {
    if (i === rests.length) return [];
    for (const o of rests[i]!) {
      if (used.has(o.label)) continue;
      const next = pick(i + 1, new Set(used).add(o.label));
      if (next) return [o, ...next];
    }
    return null;
  };
  const leads = pick(0, new Set()) ?? [];
  return bundles.map((b, i) => name(b, leads[i]));
}
