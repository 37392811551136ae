import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { toHostError, type HostError } from '../../adapter/errors.js';
import { part } from '../../controllers/on-demand.js';
import { formatDate, reasonText } from '../../base/format.js';
import { formatMoneyOr } from '../../core/money.js';
import { MendElement } from '../../base/mend-element.js';
import { readContext, readFund, type Read } from '../../controllers/reads.js';
import { fundLevel, remaining, rollOver, type FundLevel } from '../../core/fund.js';
import type { Fund } from '../../core/model.js';
import type {} from '../../events/fund-meter.js';
import { fundMeterStyles } from './fund-meter.styles.js';
import type { MeterContext } from './fund-meter.view.js';

/** The two layouts: `full` for a side panel, `compact` (one line) for a toolbar. */
export const FUND_METER_VARIANTS = ['full', 'compact'] as const;
export type FundMeterVariant = (typeof FUND_METER_VARIANTS)[number];

/**
 * Strings of this widget that are not (yet) in the shared string table. Replaceable through the
 * widget's or `<mend-host>`'s `strings`, like the shared ones.
 */
export const fundMeterStrings = {
  fundTitle: 'Discretionary fund',
  fundLeft: '{remaining} left of {budget}',
  fundPlenty: 'Plenty left',
  fundLow: 'Running low',
  fundExhausted: 'Exhausted',
  fundPerAction: 'Up to {amount} per action',
  fundApproval: 'Approval above {amount}',
  fundPending: '{amount} pending approval',
  fundPeriodEnds: 'Resets {date}',
  fundLedger: 'What was given',
  fundTotals: 'By reason',
  fundUnsupported: 'This console does not provide a discretionary fund.',
  fundShowLedger: 'What was given ({count})',
  fundNoEntries: 'Nothing given this period.',
  fundNone: 'No fund to show.',
  fundDate: 'Date',
  fundAmount: 'Amount',
  fundReason: 'Reason',
  fundInteraction: 'Interaction',
  fundStatus: 'Status',
  fundCount: 'Times',
  fundStatusDone: 'Given',
  fundStatusPending: 'Pending approval',
  fundStatusRejected: 'Not approved',
  fundPendingCount: '{amount} pending approval ({count})',
  fundRolledOver: 'New period since {date}.',
  fundLevelChanged: '{level}: {left}',
};

/**
 * Loaded on demand when a meter first updates, in parallel with the host's fund read (which the
 * first render waits for anyway): the view of a fund (meter, level, limits) and the ledger's tables.
 */
const view = part(() => import('./fund-meter.view.js'));

const LEVEL_KEY = { plenty: 'fundPlenty', low: 'fundLow', exhausted: 'fundExhausted' } as const;
/** A shape per level so that the level never shows by colour alone. */
const SHAPES: Record<FundLevel, SVGTemplateResult> = {
  plenty: svg`<circle cx="8" cy="8" r="6" />`,
  low: svg`<path d="M8 1.5 15 14.5H1z" />`,
  exhausted: svg`<path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" /><path d="M4 8h8" class="cut" />`,
};

/**
 * With an adapter (property or `<mend-host>`), the meter shows the session's one shared fund (the
 * offer picker reads the same: one load, one subscription), follows the host's `fundChanged`
 * events and other tabs of the agent, and never shows an older version over a newer one. Without
 * an adapter, set `.fund` (plain-properties mode, e.g. a host store bound into properties); a
 * `fund` set by the page wins over host data.
 *
 * The level (`plenty`, `low`, `exhausted`) is reflected as the `level` attribute, shown in words and
 * by a shape, never by colour alone. When the period has ended, the meter shows the new period.
 *
 * @tagname mend-fund-meter
 * @summary The agent's discretionary fund (R6, R7): what is left, the limits, pending approvals, the period end and what was given, live.
 *
 * @fires mend-fund-level - The level changed because the host's data changed (a spend, an event,
 * another tab): when the widget takes in the new fund state (as it renders it), once per change of level. `detail: { level, previous, remaining, fund }`.
 * Not fired for a `fund` set by code.
 *
 * @csspart base - The outer region.
 * @csspart header - Title and level.
 * @csspart title - The heading "Discretionary fund".
 * @csspart level - The level: shape and words.
 * @csspart level-icon - The level's shape.
 * @csspart meter - The element with `role="meter"`.
 * @csspart track - The meter's track.
 * @csspart bar - What is left.
 * @csspart pending-bar - What is pending approval.
 * @csspart remaining - The "left of" text.
 * @csspart limits - The list of per-action cap, approval threshold, pending, period end.
 * @csspart limit - One item of the list.
 * @csspart rollover - The note that a new period started.
 * @csspart ledger-toggle - The disclosure button of the ledger.
 * @csspart ledger - The ledger region (entries and totals).
 * @csspart ledger-scroll - The focusable region that scrolls the table of entries sideways in a narrow panel.
 * @csspart ledger-table - The table of entries.
 * @csspart totals-table - The table of totals by reason.
 * @csspart empty - A quiet line: nothing given, no fund, unsupported.
 * @csspart loading - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 *
 * @cssprop --mend-fund-meter-bar-color - What is left, plenty (default: accent token).
 * @cssprop --mend-fund-meter-low-color - What is left, running low (default: warning token).
 * @cssprop --mend-fund-meter-exhausted-color - The exhausted marks (default: danger token).
 * @cssprop --mend-fund-meter-pending-color - What is pending approval (default: muted text token).
 * @cssprop --mend-fund-meter-track-color - The empty track (default: raised surface token).
 * @cssprop --mend-fund-meter-track-border - The track's border colour (default: border token).
 * @cssprop --mend-fund-meter-bar-size - Thickness of the bar (default: 0.75rem).
 * @cssprop --mend-fund-meter-gap - Space between regions (default: space-2 token).
 * @cssprop --mend-fund-meter-surface - Background (default: surface token).
 *
 * @slot - None: everything comes from the fund.
 */
export class MendFundMeter extends MendElement {
  static override styles = [...MendElement.styles, fundMeterStyles];
  static override localStrings = fundMeterStrings;

  /** The fund to show (plain-properties mode). When set, it wins over the host's data. */
  @property({ attribute: false }) fund?: Fund;

  /** `full` (side panel) or `compact` (one line for a toolbar). */
  @property({ reflect: true }) variant: FundMeterVariant = 'full';

  /** The time used to detect a period roll-over (default: now). For stories, tests and replays. */
  @property({ attribute: false }) now?: Date | number;

  /** Words for reason codes in the ledger, e.g. `{ item_damaged: 'Item damaged' }`. */
  @property({ attribute: false }) reasonLabels?: Record<string, string>;

  /** The level of the title heading in the page's outline (default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Whether the ledger is expanded (the agent toggles it with the disclosure button). */
  @property({ type: Boolean, attribute: 'ledger-open' }) ledgerOpen = false;

  #read: Read<Fund> | null = null;
  #error: { error?: HostError; retry(): void } | null = null;
  #loading = false;
  #shown: Fund | null = null;
  #rolledFrom: Fund | null = null;
  #lastLevel: FundLevel | null = null;
  #lastKey: string | null = null;

  /** The level now shown (`plenty`, `low`, `exhausted`), or null without a fund. Reflected as `level`. */
  get level(): FundLevel | null {
    return this.#shown ? fundLevel(this.#shown) : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#error = null;
    this.#loading = false;
    // The view loads with the first update, at the same moment as the host's read (a failed load:
    // the error state, with a Retry that loads it again).
    if (!this.parts.need(view) && view.error !== undefined) this.#error = { error: toHostError(view.error), retry: () => this.parts.reload(view) };
    let fund: Fund | null = this.fund ?? null;
    const fromHost = !fund;
    if (!fund) {
      const read = (this.#read = readFund(this.session));
      if (read.value) fund = read.value;
      if (read.status === 'error') this.#error = read;
      else if (read.status === 'loading' || read.status === 'idle') this.#loading = !fund;
      else if (read.status === 'none' && this.session) {
        // The agent is not known yet: the fund waits for the host's context.
        const context = readContext(this.session);
        if (context.status === 'error') this.#error = context;
        else if (context.status !== 'unsupported') this.#loading = true;
      }
    } else this.#read = null;

    const rolled = fund ? safe(() => rollOver(fund, this.now ?? Date.now()), fund) : null;
    this.#rolledFrom = rolled && rolled !== fund ? fund : null;
    this.#shown = rolled;

    const level = this.level;
    if (level) this.setAttribute('level', level);
    else this.removeAttribute('level');
    const key = rolled ? `${rolled.agentId}:${remaining(rolled)}:${rolled.budget}:${rolled.pending}` : null;
    if (rolled && level && this.#lastLevel && this.#lastKey !== null && key !== this.#lastKey) {
      const left = this.#leftText(rolled);
      // An echo: after a spend, the picker's own words come first and the meter's follow once.
      this.announce(level !== this.#lastLevel ? this.t('fundLevelChanged', { level: this.t(LEVEL_KEY[level]), left }) : left, { echo: true });
      if (level !== this.#lastLevel && fromHost) {
        this.emit('mend-fund-level', { level, previous: this.#lastLevel, remaining: remaining(rolled), fund: rolled });
      }
    }
    this.#lastLevel = level;
    this.#lastKey = key;
  }

  protected override render(): TemplateResult {
    const fund = this.#shown;
    const compact = this.variant === 'compact';
    const title = this.t('fundTitle');
    const loaded = view.value;
    // A fund waits for its view (asked for at the first update): the loading state until then.
    const waiting = this.#loading || (!!fund && !loaded && !this.#error);
    let body: TemplateResult;
    if (fund && loaded) body = (compact ? loaded.renderCompact : loaded.renderFull)(fund, this.#context(fund, title));
    else if (this.#error)
      body = html`${compact ? html`<span class="visually-hidden">${title}</span>` : this.#renderTitle(title)}${this.#renderError(this.#error)}`;
    else if (waiting)
      body = html`<div part="loading" class="loading">
        ${compact ? html`<span class="visually-hidden">${title}</span>` : this.#renderTitle(title)}
        <span class="placeholder-bar"></span>
        <span>${this.t('loading')}</span>
        ${compact ? nothing : html`<span class="placeholder-limits"></span><span class="placeholder-button"></span>`}
      </div>`;
    else if (this.#read?.status === 'unsupported') body = html`<p part="empty" class="quiet">${this.t('fundUnsupported')}</p>`;
    else body = html`<p part="empty" class="quiet">${this.t('fundNone')}</p>`;
    // A failed reload keeps the last fund on screen, and says that it may be out of date.
    const stale = fund && loaded && this.#error ? this.#renderError(this.#error) : nothing;
    return html`<div part="base" class="base" aria-busy=${waiting ? 'true' : 'false'}>${body}${stale}</div>
      ${this.renderAnnouncer()}`;
  }

  /** What the view of a fund needs from the element. */
  #context(fund: Fund, title: string): MeterContext {
    return {
      t: (key, values) => this.t(key, values),
      money: (minor) => this.#money(minor, fund),
      date: (iso, withTime) => this.#date(iso, withTime),
      reason: (code) => this.#reason(code),
      left: this.#leftText(fund),
      title: this.#renderTitle(title),
      titleText: title,
      rolled: !!this.#rolledFrom,
      ledgerOpen: this.ledgerOpen,
      toggleLedger: () => (this.ledgerOpen = !this.ledgerOpen),
      shapes: SHAPES,
      levelWord: (level) => this.t(LEVEL_KEY[level]),
    };
  }

  #renderTitle(title: string): TemplateResult {
    return html`<div part="title" class="title" id="title" role="heading" aria-level=${this.headingLevel}>${title}</div>`;
  }

  #renderError(read: { error?: HostError; retry(): void }): TemplateResult {
    return html`<div part="error" class="error" role="alert">
      <p>
        <svg class="shape" viewBox="0 0 16 16" aria-hidden="true">${SHAPES.exhausted}</svg>
        ${this.t('errorPrefix', { message: this.failure(read.error) })}
      </p>
      <button part="retry" type="button" @click=${() => read.retry()}>${this.t('retry')}</button>
    </div>`;
  }

  #leftText(fund: Fund): string {
    return this.t('fundLeft', { remaining: this.#money(Math.max(remaining(fund), 0), fund), budget: this.#money(fund.budget, fund) });
  }

  #money(minor: number, fund: Fund): string {
    return formatMoneyOr(minor, fund.currency, this.resolvedLocale);
  }

  #date(iso: string, withTime = false): string {
    return formatDate(iso, this.resolvedLocale, withTime);
  }

  #reason(code: string): string {
    return reasonText(code, this.reasonLabels, (kind, id) => this.term(kind, id));
  }
}

/** Never throw from render on bad data (an unknown currency, an unparsable date). */
function safe<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}
