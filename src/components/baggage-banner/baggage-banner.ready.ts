/**
 * The banner's ready view, loaded on demand when a banner first updates, in parallel with the host's
 * history read (which the first render waits for anyway) and the assessment rules (a part of their
 * own, shared with the offer picker): the level's shape, the summary (reasons, incidents, talking
 * points, callback), the two actions with their write state and their writes, and the full history.
 * One part: none of it is needed before there is a history to assess, and the writes and the history
 * as a part of their own were a chunk under 1 kB that the agent's first action (Acknowledge) waited
 * for; in this one they cost 0.3 kB less in all and no wait.
 *
 * It imports only types from the element: whatever it imported from the banner's first load would
 * be split out of it into a shared chunk.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { handled, type WriteAction, type WriteStatus } from '../../controllers/write-action.js';
import type { BaggageLevel, Incident } from '../../core/model.js';
import type { Reason } from '../../core/reasons.js';
import type { TalkingPoint } from '../../core/baggage.js';
import { ICONS } from './baggage-banner.icons.js';
import { renderIncident, type IncidentWords } from './baggage-banner.incident.js';
import { statusLine, summary, TALK_KEYS } from './baggage-banner.summary.js';
import type { BannerView, BannerWrite } from './baggage-banner.view.js';
import { renderHistory as renderHistoryPanel } from './baggage-banner.history.js';

/** The element's write controller, created with the ready view (only the ready view writes). */
export { WriteAction } from '../../controllers/write-action.js';
/** The agent's two writes. */
export { act } from './baggage-banner.actions.js';

/** The level, in words and with its shape (the header of a ready banner). */
export function renderLevel(level: BaggageLevel, words: string): TemplateResult {
  return html`<span part="level" class="level">
    <svg part="level-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${ICONS[level]}</svg>
    <span>${words}</span>
  </span>`;
}

/** What the ready view needs from the element. */
export interface ReadyContext extends IncidentWords {
  /** A core reason or talking point in words. */
  words: (item: Reason | TalkingPoint, kind?: 'reason' | 'talk') => string;
  writes: WriteAction;
  /** The idempotency keys of the two writes for the view shown (src/core/write-key.ts). */
  keys: Record<BannerWrite, string>;
  detailsOpen: boolean;
  historyOpen: boolean;
  /** Rows of the full history shown so far. */
  shown: number;
  page: number;
  /** Run the agent's write (called once per key: a handled write is not run again). */
  act: (kind: BannerWrite, key: string) => void;
  toggleDetails: (open: boolean) => void;
  toggleHistory: () => void;
  showMore: () => void;
}

/** The body of a ready banner. */
export function renderReady(view: BannerView, ctx: ReadyContext): TemplateResult {
  const { t } = ctx;
  const a = view.assessment!;
  const incidents = view.history?.incidents ?? [];
  const { acknowledgeBaggage: ackKey, requestCallback: callbackKey } = ctx.keys;
  const ack = ctx.writes.state(ackKey);
  const callback = ctx.writes.state(callbackKey);
  const historyToggle = incidents.length
    ? html`<button
        part="history-toggle"
        type="button"
        aria-expanded=${ctx.historyOpen ? 'true' : 'false'}
        aria-controls="history"
        @click=${ctx.toggleHistory}
      >
        ${ctx.historyOpen ? t('baggageHideHistory') : t('baggageShowHistory', { count: incidents.length.toLocaleString(ctx.locale) })}
      </button>`
    : nothing;

  if (a.level === 'none') {
    return html`<p part="quiet" class="quiet">${t('baggageNone')}</p>
      ${incidents.length ? html`<div part="actions" class="actions">${historyToggle}</div>` : nothing}
      ${renderHistory(incidents, ctx)}`;
  }

  const action = (kind: BannerWrite, key: string, part: string, status: WriteStatus, label: string, doneLabel: string, primary: boolean) => {
    const busy = handled(status);
    // aria-disabled (not disabled) so that focus stays on the button while and after it works.
    return html`<button
      part=${part}
      type="button"
      data-variant=${primary && !busy ? 'primary' : 'default'}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => {
        // Once, even on a double click.
        if (!handled(ctx.writes.state(key).status)) ctx.act(kind, key);
      }}
    >
      ${t(busy && status !== 'storing' ? doneLabel : label)}
    </button>`;
  };

  const { closed, talk, quietTalk, more, open, controls } = summary(a, ctx.detailsOpen, handled(ack.status) && ack.status !== 'storing');
  return html`
    ${a.reasons.length
      ? html`<ul id="reasons" part="reasons" class="reasons" aria-label=${t('baggageReasons')}>
          ${a.reasons.map((r, i) => html`<li ?hidden=${closed && i > 0}>${ctx.words(r)}</li>`)}
        </ul>`
      : nothing}
    ${a.notable.length
      ? html`<div id="notable" class="group" ?hidden=${closed && !open}>
          <h3 id="notable-title">${t('baggageNotable')}</h3>
          <ul part="incidents" class="incidents" aria-labelledby="notable-title">
            ${a.notable.map((i) => renderIncident(i, ctx, 'incident', closed && i.resolved))}
          </ul>
        </div>`
      : nothing}
    ${talk.length
      ? html`<div id="talk" class="group" ?hidden=${quietTalk}>
          <h3 id="talk-title">${t('baggageTalkingPoints')}</h3>
          <ul part="talking-points" class="talk" aria-labelledby="talk-title">
            ${talk.map(
              (p) => html`<li part="talking-point" data-behaviour=${p.behaviour}>
                <strong>${t(TALK_KEYS[p.behaviour])}:</strong> ${ctx.words(p, 'talk')}
              </li>`,
            )}
          </ul>
        </div>`
      : nothing}
    ${a.callback.recommended
      ? html`<p part="callback" class="callback">
          <strong>${t('baggageCallbackTitle')}:</strong>
          ${a.callback.reasons[0] ? ctx.words(a.callback.reasons[0]) : t('baggageCallbackReason')}
        </p>`
      : nothing}
    <div part="actions" class="actions">
      ${action('acknowledgeBaggage', ackKey, 'acknowledge', ack.status, 'baggageAcknowledge', 'baggageAcknowledged', true)}
      ${a.callback.recommended
        ? action('requestCallback', callbackKey, 'request-callback', callback.status, 'baggageRequestCallback', 'baggageCallbackRequested', false)
        : nothing}
      ${historyToggle}
      ${more
        ? html`<button
            part="details-toggle"
            type="button"
            aria-expanded=${closed ? 'false' : 'true'}
            aria-controls=${controls}
            @click=${() => ctx.toggleDetails(closed)}
          >
            ${t(closed ? 'baggageShowDetails' : 'baggageHideDetails')}
          </button>`
        : nothing}
    </div>
    <p part="status" class="status">${statusLine([
      [t('baggageAcknowledge'), ack.text],
      [t('baggageRequestCallback'), callback.text],
    ])}</p>
    ${renderHistory(incidents, ctx)}
  `;
}

/** The full history: a hidden target for the toggle while closed, its panel while open. */
function renderHistory(incidents: readonly Incident[], ctx: ReadyContext): TemplateResult | typeof nothing {
  if (!incidents.length) return nothing;
  if (!ctx.historyOpen) return html`<div id="history" part="history" hidden></div>`;
  return renderHistoryPanel(incidents, ctx.shown, {
    t: ctx.t,
    locale: ctx.locale,
    page: ctx.page,
    row: (incident) => renderIncident(incident, ctx, 'history-item'),
    showMore: ctx.showMore,
  });
}
