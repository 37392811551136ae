import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toHostError, type HostError } from '../../adapter/errors.js';
import { MendElement } from '../../base/mend-element.js';
import { part, type Part } from '../../controllers/on-demand.js';
import { readContext, readHistory, readPolicy } from '../../controllers/reads.js';
import { StorageNotice, storageStrings } from '../../controllers/storage-notice.js';
import { handled, WriteAction, type WriteStatus } from '../../controllers/write-action.js';
import type { BaggageLevel, BaggagePolicy, Customer, Incident, RecoveryPolicy } from '../../core/model.js';
import { writeKey } from '../../core/write-key.js';
import { ICONS } from './baggage-banner.icons.js';
import { bannerStrings } from './baggage-banner.strings.js';
import { bannerStyles } from './baggage-banner.styles.js';
import type { IncidentWords } from './baggage-banner.incident.js';
import {
  bannerView,
  HISTORY_PAGE,
  LEVEL_KEYS,
  statusLine,
  summary,
  TALK_KEYS,
  type BannerInputs,
  type BannerState,
  type BannerView,
  type BannerWrite,
  type NoneDisplay,
} from './baggage-banner.view.js';

export { BANNER_STATES, HISTORY_PAGE, NONE_DISPLAYS, type BannerState, type NoneDisplay } from './baggage-banner.view.js';
export { bannerStrings };

/**
 * Loaded on demand (once per page; then used at once): the assessment rules and the incident rows
 * when a banner first updates (in parallel with the host's history read, which the first render
 * waits for anyway: neither is needed before there is a history to show), the full history when
 * first opened, the write path at the first action.
 */
const rules = part(() => import('../../controllers/baggage.js'));
const rows = part(() => import('./baggage-banner.incident.js'));
const history = part(() => import('./baggage-banner.history.js'));
const actions = part(() => import('./baggage-banner.actions.js'));
const PARTS: Part<unknown>[] = [rules, rows, history, actions];

/**
 * @summary Pulls the customer's past bad experiences forward at the start of a contact: how heavy
 * the baggage is and why, the incidents worth mentioning with what was already given, what to say,
 * and the acknowledge and callback actions (R4, R5, R11, R12).
 *
 * Follows the host's active interaction (through `adapter` or the nearest `<mend-host>`): an answer
 * for an interaction that is no longer active is never shown. Without an adapter it renders from
 * plain properties (`customer`, `incidents`, `policy`, `now`, `interactionId`), the way a console
 * such as Webex binds its store into widget properties; a plain property wins over host data.
 * It never dismisses itself.
 *
 * @tagname mend-baggage-banner
 * @fires mend-baggage-acknowledge - The agent acknowledged the past issues. Fires after the
 *   `acknowledgeBaggage` write is stored in the durable outbox (without an adapter: at the click),
 *   never when storing failed; once per interaction. Detail: `{ interactionId, customerId, incidentIds, idempotencyKey }`.
 * @fires mend-callback-request - The agent asked for an outbound callback (R5), offered only when
 *   the assessment recommends one. Fires after the `requestCallback` write is stored (without an
 *   adapter: at the click); once per interaction. Detail: `{ interactionId, customerId, reason, incidentId?, idempotencyKey }`.
 *
 * @csspart base - The banner region.
 * @csspart header - Level and title row.
 * @csspart level - The level, in words and with a shape.
 * @csspart level-icon - The level's shape.
 * @csspart title - The title.
 * @csspart customer - The customer's name.
 * @csspart body - Everything under the header.
 * @csspart quiet - A quiet line (no baggage, no history available, no interaction).
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message and its retry.
 * @csspart retry - The retry button.
 * @csspart reasons - Why the baggage has this level.
 * @csspart incidents - The notable past incidents.
 * @csspart incident - One notable incident.
 * @csspart incident-meta - Date, severity, status and survey of an incident.
 * @csspart summary - An incident's summary (customer text, shown as text).
 * @csspart remedies - What was already given for an incident.
 * @csspart talking-points - What to say: acknowledge, take ownership, be transparent.
 * @csspart talking-point - One talking point.
 * @csspart callback - The callback recommendation.
 * @csspart actions - The action buttons.
 * @csspart acknowledge - The Acknowledge button.
 * @csspart request-callback - The Request callback button.
 * @csspart history-toggle - The button that shows or hides the full history.
 * @csspart details-toggle - The button that shows or hides the details (every reason, the resolved incidents, the talking points once acknowledged).
 * @csspart status - What happened to the agent's last action.
 * @csspart storage-notice - The one notice that this browser cannot store work right now (shared by every writing widget).
 * @csspart history - The full history panel.
 * @csspart history-list - The rendered window of the full history.
 * @csspart history-item - One incident of the full history.
 * @csspart show-more - The button that renders more of the history.
 *
 * @cssprop --mend-baggage-banner-min-block-size - Space reserved while loading (and kept), default 6rem.
 * @cssprop --mend-baggage-banner-background - Banner background.
 * @cssprop --mend-baggage-banner-border-color - Banner border.
 * @cssprop --mend-baggage-banner-none-color - Accent of the "none" level.
 * @cssprop --mend-baggage-banner-light-color - Accent of the "light" level.
 * @cssprop --mend-baggage-banner-heavy-color - Accent of the "heavy" level.
 * @cssprop --mend-baggage-banner-heavy-background - Background of a heavy banner.
 * @cssprop --mend-baggage-banner-history-max-block-size - Height of the full history before it scrolls, default 20rem.
 * @cssprop --mend-baggage-banner-summary-max-block-size - Height of an incident's summary before it scrolls (the text is kept whole), default 8lh.
 *
 * @slot - Nothing is slotted; customer data comes from the host or properties.
 */
export class MendBaggageBanner extends MendElement {
  static override styles = [...MendElement.styles, bannerStyles];
  static override localStrings = { ...bannerStrings, ...storageStrings };

  /** Plain-properties mode: the customer (wins over the host's). */
  @property({ attribute: false }) customer?: Customer;

  /** Plain-properties mode: the customer's past incidents. Setting it makes the banner use them instead of the host's history. */
  @property({ attribute: false }) incidents?: Incident[];

  /** A recovery policy or just its baggage part (wins over the host's policy). */
  @property({ attribute: false }) policy?: RecoveryPolicy | Partial<BaggagePolicy>;

  /** The time the assessment is made at (default: now). */
  @property({ attribute: false }) now?: number | Date;

  /** Plain-properties mode: the interaction id carried by the events (default: the host's active interaction). */
  @property({ attribute: 'interaction-id' }) interactionId?: string;

  /** A customer without baggage: a quiet line (`quiet`, default) or nothing at all (`hidden`). */
  @property({ attribute: 'none-display', reflect: true }) noneDisplay: NoneDisplay = 'quiet';

  /** Read-only: the level shown (`none`, `light`, `heavy`), absent until known. */
  @property({ reflect: true }) level?: BaggageLevel;

  /** Read-only: `idle`, `loading`, `ready`, `error` or `unsupported`. */
  @property({ reflect: true }) state: BannerState = 'idle';

  /** Whether the full history is open (the agent's disclosure button toggles it; closes for a new customer). */
  @property({ type: Boolean, reflect: true, attribute: 'history-open' }) historyOpen = false;

  /**
   * Whether the details are open: every reason, the resolved incidents and, once acknowledged, the
   * talking points. Closed, the banner is a summary: the level and its one-line why, the unresolved
   * incidents, the talking points until acknowledged, the callback. Closes for a new customer.
   */
  @property({ type: Boolean, reflect: true, attribute: 'details-open' }) detailsOpen = false;

  @state() private shown = HISTORY_PAGE;

  #view: BannerView = { state: 'idle', interactionId: '' };
  #scope: string | null = null;
  #announced = '';
  #writes = new WriteAction(this, {
    wait: (work) => this.parts.wait(work),
    session: () => this.session,
    t: (key, values) => this.t(key, values),
    failure: (error) => this.failure(error),
    announce: (message) => this.announce(message),
    words: { storing: 'baggageSaving', failed: 'baggageNotSaved', storage_full: 'baggageNotSaved' },
  });
  #storage = new StorageNotice(this, { session: () => this.session, t: (key) => this.t(key), announce: (m) => this.announce(m) });

  /** Why a part could not be loaded (shown with a Retry, which loads it again). */
  get #unloaded(): HostError | undefined {
    const failed = PARTS.find((p) => p.error !== undefined);
    return failed ? toHostError(failed.error) : undefined;
  }

  /** Retry: load what failed to load again, compute again. */
  #refresh(): void {
    for (const p of PARTS) if (p.error !== undefined) this.parts.reload(p);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const words = { t: this.t.bind(this), failure: this.failure.bind(this), refresh: () => this.#refresh() };
    // Ready only once both are here: the rules to assess, the rows to show the incidents.
    const assess = rows.value && rules.value?.baggageFor;
    const view = (this.#view = bannerView({ ...this.#inputs(), unloaded: this.#unloaded }, words, assess || undefined));
    if (!this.#unloaded) for (const p of [rules, rows] as Part<unknown>[]) this.parts.need(p);
    this.state = view.state;
    this.level = view.assessment?.level;
    const scope = `${view.interactionId}|${view.customer?.id ?? ''}`;
    if (view.state === 'ready' && scope !== this.#scope) {
      // A new customer: the full history and the details close again (initial attributes are kept).
      if (this.#scope !== null) this.historyOpen = this.detailsOpen = false;
      this.#scope = scope;
      this.shown = HISTORY_PAGE;
    }
    if (this.historyOpen && !this.#unloaded) this.parts.need(history);
    // A write the host refused is said out loud once (the agent may be looking elsewhere).
    this.#writes.track(view.state === 'ready' ? [writeKey('acknowledgeBaggage', view), writeKey('requestCallback', view)] : []);
    if (view.assessment && view.state === 'ready') {
      const level = view.assessment.level;
      const said = `${scope}|${level}`;
      if (said !== this.#announced) {
        this.#announced = said;
        if (level !== 'none' || this.noneDisplay !== 'hidden') {
          this.announce(
            level === 'none'
              ? this.t('baggageNone')
              : this.t('baggageAnnounce', { level: this.t(LEVEL_KEYS[level]), customer: view.customer?.name ?? '' }),
          );
        }
      }
    }
  }

  /** The view model's inputs: the properties, and the host's side through the session's reads. */
  #inputs(): BannerInputs {
    const { interactionId, customer, incidents, policy, now } = this;
    const session = this.session;
    if (!session) return { interactionId, customer, incidents, policy, now };
    return {
      interactionId,
      customer,
      incidents,
      policy,
      now,
      host: {
        interaction: session.interaction ?? null,
        context: () => readContext(session),
        canHistory: session.host.can('history'),
        history: () => readHistory(session),
        policy: () => readPolicy(session),
      },
    };
  }

  #act(kind: BannerWrite): void {
    const view = this.#view;
    const key = writeKey(kind, view);
    if (view.state !== 'ready' || handled(this.#writes.state(key).status)) return; // once, even on a double click
    this.parts.use(actions, ({ act }) =>
      act(kind, key, view, {
        session: this.session,
        writes: this.#writes,
        t: (key) => this.t(key),
        reason: (reason) => this.words(reason),
        announce: (message) => this.announce(message),
      }),
    );
  }

  #toggleHistory(): void {
    this.historyOpen = !this.historyOpen;
  }

  async #showMore(): Promise<void> {
    const total = this.#view.history?.incidents.length ?? 0;
    this.shown = Math.min(total, this.shown + HISTORY_PAGE);
    this.announce(this.t('baggageShowing', { shown: this.shown, total }));
    if (this.shown >= total) {
      // The button goes away: keep the keyboard user in the list rather than at the top of the page.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="history-list"]')?.focus();
    }
  }

  get #words(): IncidentWords {
    return { t: (key, values) => this.t(key, values), term: (kind, id) => this.term(kind, id), locale: this.resolvedLocale, currency: this.resolvedCurrency };
  }

  protected override render(): TemplateResult {
    const view = this.#view;
    const level = view.assessment?.level;
    const hidden = view.state === 'ready' && level === 'none' && this.noneDisplay === 'hidden';
    return html`
      ${this.renderAnnouncer()}${this.#storage.render()}
      ${hidden
        ? nothing
        : html`<section
            part="base"
            class="base"
            aria-labelledby="title"
            aria-busy=${view.state === 'loading' ? 'true' : 'false'}
          >
            <div part="header" class="header">
              ${level
                ? html`<span part="level" class="level">
                    <svg part="level-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${ICONS[level]}</svg>
                    <span>${this.t(LEVEL_KEYS[level])}</span>
                  </span>`
                : nothing}
              <h2 id="title" part="title" class="title">
                ${this.t('baggageTitle')}${view.customer?.name
                  ? html`<span class="visually-hidden">, </span><span class="sep" aria-hidden="true">·</span><span part="customer">${view.customer.name}</span>`
                  : nothing}
              </h2>
            </div>
            <div part="body" class="body">${this.#renderBody(view)}</div>
          </section>`}
    `;
  }

  #renderBody(view: BannerView): TemplateResult {
    switch (view.state) {
      case 'idle':
        return html`<p part="quiet" class="quiet">${this.t('noInteraction')}</p>`;
      case 'loading':
        return html`<div part="loading" class="loading">
          <span class="visually-hidden">${this.t('loading')}</span>
          <span class="bar" aria-hidden="true"></span><span class="bar short" aria-hidden="true"></span>
        </div>`;
      case 'unsupported':
        return html`<p part="quiet" class="quiet">${this.t('baggageUnsupported')}</p>`;
      case 'error':
        return html`<div part="error" class="error" role="alert">
          <p>${view.error?.text}</p>
          <button part="retry" type="button" @click=${() => view.error?.retry()}>${this.t('retry')}</button>
        </div>`;
      default:
        return this.#renderReady(view);
    }
  }

  #renderReady(view: BannerView): TemplateResult {
    const a = view.assessment!;
    const incidents = view.history?.incidents ?? [];
    const words = this.#words;
    const ack = this.#writes.state(writeKey('acknowledgeBaggage', view));
    const callback = this.#writes.state(writeKey('requestCallback', view));
    const historyToggle = incidents.length
      ? html`<button
          part="history-toggle"
          type="button"
          aria-expanded=${this.historyOpen ? 'true' : 'false'}
          aria-controls="history"
          @click=${this.#toggleHistory}
        >
          ${this.historyOpen ? this.t('baggageHideHistory') : this.t('baggageShowHistory', { count: incidents.length.toLocaleString(words.locale) })}
        </button>`
      : nothing;

    if (a.level === 'none') {
      return html`<p part="quiet" class="quiet">${this.t('baggageNone')}</p>
        ${incidents.length ? html`<div part="actions" class="actions">${historyToggle}</div>` : nothing}
        ${this.#renderHistory(incidents, words)}`;
    }

    const { closed, talk, quietTalk, more, open, controls } = summary(a, this.detailsOpen, handled(ack.status) && ack.status !== 'storing');
    return html`
      ${a.reasons.length
        ? html`<ul id="reasons" part="reasons" class="reasons" aria-label=${this.t('baggageReasons')}>
            ${a.reasons.map((r, i) => html`<li ?hidden=${closed && i > 0}>${this.words(r)}</li>`)}
          </ul>`
        : nothing}
      ${a.notable.length
        ? html`<div id="notable" class="group" ?hidden=${closed && !open}>
            <h3 id="notable-title">${this.t('baggageNotable')}</h3>
            <ul part="incidents" class="incidents" aria-labelledby="notable-title">
              ${a.notable.map((i) => rows.value!.renderIncident(i, words, 'incident', closed && i.resolved))}
            </ul>
          </div>`
        : nothing}
      ${talk.length
        ? html`<div id="talk" class="group" ?hidden=${quietTalk}>
            <h3 id="talk-title">${this.t('baggageTalkingPoints')}</h3>
            <ul part="talking-points" class="talk" aria-labelledby="talk-title">
              ${talk.map(
                (p) => html`<li part="talking-point" data-behaviour=${p.behaviour}>
                  <strong>${this.t(TALK_KEYS[p.behaviour])}:</strong> ${this.words(p, 'talk')}
                </li>`,
              )}
            </ul>
          </div>`
        : nothing}
      ${a.callback.recommended
        ? html`<p part="callback" class="callback">
            <strong>${this.t('baggageCallbackTitle')}:</strong>
            ${a.callback.reasons[0] ? this.words(a.callback.reasons[0]) : this.t('baggageCallbackReason')}
          </p>`
        : nothing}
      <div part="actions" class="actions">
        ${this.#actionButton('acknowledgeBaggage', 'acknowledge', ack.status, 'baggageAcknowledge', 'baggageAcknowledged', true)}
        ${a.callback.recommended
          ? this.#actionButton('requestCallback', 'request-callback', callback.status, 'baggageRequestCallback', 'baggageCallbackRequested', false)
          : nothing}
        ${historyToggle}
        ${more
          ? html`<button
              part="details-toggle"
              type="button"
              aria-expanded=${closed ? 'false' : 'true'}
              aria-controls=${controls}
              @click=${() => (this.detailsOpen = closed)}
            >
              ${this.t(closed ? 'baggageShowDetails' : 'baggageHideDetails')}
            </button>`
          : nothing}
      </div>
      <p part="status" class="status">${statusLine([
        [this.t('baggageAcknowledge'), ack.text],
        [this.t('baggageRequestCallback'), callback.text],
      ])}</p>
      ${this.#renderHistory(incidents, words)}
    `;
  }

  #actionButton(
    kind: BannerWrite,
    part: string,
    status: WriteStatus,
    label: 'baggageAcknowledge' | 'baggageRequestCallback',
    doneLabel: 'baggageAcknowledged' | 'baggageCallbackRequested',
    primary: boolean,
  ): TemplateResult {
    const busy = handled(status);
    // aria-disabled (not disabled) so that focus stays on the button while and after it works.
    return html`<button
      part=${part}
      type="button"
      data-variant=${primary && !busy ? 'primary' : 'default'}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => this.#act(kind)}
    >
      ${busy && status !== 'storing' ? this.t(doneLabel) : this.t(label)}
    </button>`;
  }

  /** The full history: a hidden target for the toggle while closed, its panel (loaded on demand) while open. */
  #renderHistory(incidents: readonly Incident[], words: IncidentWords): TemplateResult | typeof nothing {
    if (!incidents.length) return nothing;
    if (!this.historyOpen) return html`<div id="history" part="history" hidden></div>`;
    if (!history.value) {
      return html`<div id="history" part="history" class="history" aria-busy="true">
        <span class="visually-hidden">${this.t('loading')}</span>
      </div>`;
    }
    return history.value.renderHistory(incidents, this.shown, {
      t: words.t,
      locale: words.locale,
      page: HISTORY_PAGE,
      row: (incident) => rows.value!.renderIncident(incident, words, 'history-item'),
      showMore: () => void this.#showMore(),
    });
  }
}
