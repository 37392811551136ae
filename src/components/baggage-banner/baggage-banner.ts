import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toHostError, type HostError } from '../../adapter/errors.js';
import { MendElement } from '../../base/mend-element.js';
import { part, type Part } from '../../controllers/on-demand.js';
import { readContext, readHistory, readPolicy } from '../../controllers/reads.js';
import { StorageNotice, storageStrings } from '../../controllers/storage-notice.js';
import type { WriteAction } from '../../controllers/write-action.js';
import type { BaggageLevel, BaggagePolicy, Customer, Incident, RecoveryPolicy } from '../../core/model.js';
import { writeKey } from '../../core/write-key.js';
import { bannerStrings } from './baggage-banner.strings.js';
import { bannerStyles } from './baggage-banner.styles.js';
import type { ReadyContext } from './baggage-banner.ready.js';
import {
  bannerView,
  HISTORY_PAGE,
  LEVEL_KEYS,
  type BannerInputs,
  type BannerState,
  type BannerView,
  type BannerWrite,
  type NoneDisplay,
} from './baggage-banner.view.js';

export { BANNER_STATES, HISTORY_PAGE, NONE_DISPLAYS, type BannerState, type NoneDisplay } from './baggage-banner.view.js';
export { bannerStrings };

/**
 * Loaded on demand (once per page; then used at once) when a banner first updates, in parallel with
 * the host's history read, which the first render waits for anyway: the assessment rules (shared
 * with the offer picker: one chunk in any page) and the ready view (the summary, the incident rows,
 * the actions and their writes, the full history).
 */
const rules = part(() => import('../../controllers/baggage.js'));
const ready = part(() => import('./baggage-banner.ready.js'));
const PARTS: Part<unknown>[] = [rules, ready];

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
  /** The agent's writes: created with the ready view, the only state that writes. */
  #writes?: WriteAction;
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
    const loaded = ready.value;
    // Ready only once both are here: the rules to assess, the ready view to show the assessment.
    const assess = loaded && rules.value?.baggageFor;
    const view = (this.#view = bannerView({ ...this.#inputs(), unloaded: this.#unloaded }, words, assess || undefined));
    if (!this.#unloaded) for (const p of [rules, ready] as Part<unknown>[]) this.parts.need(p);
    this.state = view.state;
    this.level = view.assessment?.level;
    const scope = `${view.interactionId}|${view.customer?.id ?? ''}`;
    if (view.state === 'ready' && scope !== this.#scope) {
      // A new customer: the full history and the details close again (initial attributes are kept).
      if (this.#scope !== null) this.historyOpen = this.detailsOpen = false;
      this.#scope = scope;
      this.shown = HISTORY_PAGE;
    }
    if (loaded) {
      this.#writes ??= new loaded.WriteAction(this, {
        session: () => this.session,
        t: (key, values) => this.t(key, values),
        failure: (error) => this.failure(error),
        announce: (message) => this.announce(message),
        words: { storing: 'baggageSaving', failed: 'baggageNotSaved', storage_full: 'baggageNotSaved' },
      });
      // A write the host refused is said out loud once (the agent may be looking elsewhere).
      this.#writes.track(view.state === 'ready' ? Object.values(this.#keys(view)) : []);
    }
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

  /** The idempotency keys of the agent's two writes for a view (one write of each kind per interaction). */
  #keys(view: BannerView): Record<BannerWrite, string> {
    return { acknowledgeBaggage: writeKey('acknowledgeBaggage', view), requestCallback: writeKey('requestCallback', view) };
  }

  /** The agent's write for the view shown (the ready view calls it once per key). */
  #act(kind: BannerWrite, key: string): void {
    const view = this.#view;
    const writes = this.#writes;
    if (view.state !== 'ready' || !writes) return;
    this.parts.use(ready, ({ act }) =>
      act(kind, key, view, {
        session: this.session,
        writes,
        t: (key) => this.t(key),
        reason: (reason) => this.words(reason),
        announce: (message) => this.announce(message),
      }),
    );
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

  /** What the ready view needs from the element. */
  #ready(): ReadyContext {
    return {
      t: (key, values) => this.t(key, values),
      term: (kind, id) => this.term(kind, id),
      words: (item, kind) => this.words(item, kind),
      locale: this.resolvedLocale,
      currency: this.resolvedCurrency,
      writes: this.#writes!,
      keys: this.#keys(this.#view),
      detailsOpen: this.detailsOpen,
      historyOpen: this.historyOpen,
      shown: this.shown,
      page: HISTORY_PAGE,
      act: (kind, key) => this.#act(kind, key),
      toggleDetails: (open) => (this.detailsOpen = open),
      toggleHistory: () => (this.historyOpen = !this.historyOpen),
      showMore: () => void this.#showMore(),
    };
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
              ${level && ready.value ? ready.value.renderLevel(level, this.t(LEVEL_KEYS[level])) : nothing}
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
        // Ready: the ready view's module is in (the view is ready only with its rules).
        return ready.value!.renderReady(view, this.#ready());
    }
  }
}
