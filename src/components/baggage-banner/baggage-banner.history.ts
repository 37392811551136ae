/**
 * The banner's full history, loaded on demand with the ready view (baggage-banner.ready.ts), never
 * in the first load: every past incident, newest first, rendered a page at a time ("Show more"), so
 * the cost follows what is visible and not the length of the history.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Incident } from '../../core/model.js';

// Imports only types: whatever this module imported from the banner would be split out of the
// banner's first load into a shared chunk.

export interface HistoryContext {
  t: (key: string, values?: Record<string, string | number>) => string;
  locale: string;
  /** Rows per page ("Show more" adds one). */
  page: number;
  /** One incident as a history row. */
  row: (incident: Incident) => TemplateResult;
  showMore: () => void;
}

const sortedCache = new WeakMap<readonly Incident[], Incident[]>();

/** Newest first, computed once per incidents array and only when the full history is opened. */
function newestFirst(incidents: readonly Incident[]): Incident[] {
  let sorted = sortedCache.get(incidents);
  if (!sorted) {
    const time = (i: Incident) => {
      const t = Date.parse(i?.occurredAt);
      return Number.isNaN(t) ? -Infinity : t;
    };
    sorted = incidents
      .map((incident) => [time(incident), incident] as const)
      .sort((a, b) => b[0] - a[0])
      .map(([, incident]) => incident);
    sortedCache.set(incidents, sorted);
  }
  return sorted;
}

/** The open history panel: the first `shown` incidents, newest first, and "Show more" while some are left. */
export function renderHistory(incidents: readonly Incident[], shown: number, context: HistoryContext): TemplateResult {
  const { t, locale, page } = context;
  const total = incidents.length;
  const count = Math.min(shown, total);
  const rows = newestFirst(incidents).slice(0, count);
  return html`<div id="history" part="history" class="history">
    <ol part="history-list" class="history-list" tabindex="0" aria-label=${t('baggageHistoryLabel')}>
      ${rows.map(context.row)}
    </ol>
    <p class="showing">${t('baggageShowing', { shown: count.toLocaleString(locale), total: total.toLocaleString(locale) })}</p>
    ${count < total
      ? html`<button part="show-more" type="button" @click=${context.showMore}>
          ${t('baggageShowMore', { count: Math.min(page, total - count) })}
        </button>`
      : nothing}
  </div>`;
}
