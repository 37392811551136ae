/**
 * One past incident as the banner shows it, in the notable list and in the full history: date,
 * severity, resolved or not, survey, the summary (customer text, whole, as text) and what was
 * already given.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../base/format.js';
import { formatMoneyOr } from '../../core/money.js';
import type { Incident, RemedyGiven } from '../../core/model.js';

/** Characters beyond which a summary may pass its visual limit (it then scrolls and takes focus). */
const LONG_SUMMARY = 400;

/** What rendering an incident needs from the element. */
export interface IncidentWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  term: (kind: string, id: string) => string;
  locale: string;
  currency: string;
}

/** One incident as a list item (`hidden`: kept in the list, out of sight while the banner is a summary). */
export function renderIncident(incident: Incident, words: IncidentWords, part: string, hidden = false): TemplateResult {
  const { t, locale } = words;
  const remedies: RemedyGiven[] = Array.isArray(incident.remedies) ? incident.remedies : [];
  const given = remedies.map((r) => remedy(r, words)).join(', ');
  const summary = String(incident.summary ?? '');
  return html`<li part=${part} class="incident" ?hidden=${hidden}>
    <div part="incident-meta" class="meta">
      <time datetime=${String(incident.occurredAt ?? '')}>${formatDate(incident.occurredAt, locale)}</time>
      <span>${t('baggageSeverity', { severity: words.term('severity', String(incident.severity ?? '')) })}</span>
      <span class=${incident.resolved ? 'resolved' : 'unresolved'}>
        <span aria-hidden="true">${incident.resolved ? '✓' : '!'}</span>
        ${incident.resolved ? t('baggageResolved') : t('baggageUnresolved')}
      </span>
      ${typeof incident.surveyScore === 'number' ? html`<span>${t('baggageSurvey', { score: incident.surveyScore })}</span>` : nothing}
    </div>
    <p part="summary" class="summary" tabindex=${summary.length > LONG_SUMMARY ? '0' : nothing}>${summary}</p>
    <p part="remedies" class="remedies">${given ? t('baggageRemediesGiven', { remedies: given }) : t('baggageNoRemedies')}</p>
  </li>`;
}

function remedy(remedy: RemedyGiven, words: IncidentWords): string {
  const label = String(remedy?.label ?? remedy?.kind ?? '');
  return typeof remedy?.amount === 'number' ? `${label} (${formatMoneyOr(remedy.amount, remedy.currency ?? words.currency, words.locale)})` : label;
}
