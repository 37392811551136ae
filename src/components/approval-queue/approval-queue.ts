import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { HostError } from '../../adapter/errors.js';
import type { ApprovalItem } from '../../adapter/lead.js';
import { formatDuration, reasonText } from '../../base/format.js';
import { formatMoneyOr } from '../../core/money.js';
import { MendElement } from '../../base/mend-element.js';
import { ApprovalsController, type DecidedApproval, type QueuedApproval } from '../../controllers/approvals.js';
import { Ticker } from '../../controllers/ticker.js';
import type { BaggageLevel } from '../../core/model.js';
import type {} from '../../events/approval-queue.js';
import { approvalQueueStyles } from './approval-queue.styles.js';

/** Strings of this widget, replaceable through `strings` here or on `<mend-host>`. */
export const approvalQueueStrings = {
  approvalTitle: 'Approvals',
  approvalCount: '{count} waiting',
  approvalEmpty: 'No spends wait for approval.',
  approvalUnsupported: 'This console does not provide approvals.',
  approvalNoHost: 'Connect a host to see the approvals of your team.',
  approvalWho: '{agent} for {customer}',
  approvalUnknownCustomer: 'a customer',
  approvalThreshold: 'Threshold {amount}',
  approvalLeft: '{amount} left',
  approvalWaiting: 'Waiting {duration}',
  approvalBaggageNone: 'No baggage',
  approvalBaggageLight: 'Light baggage',
  approvalBaggageHeavy: 'Heavy baggage',
  approvalReason: 'Reason: {reason}',
  approvalAgentNote: 'Agent’s note: {note}',
  approvalNoteLabel: 'Your note (optional)',
  approvalApprove: 'Approve',
  approvalDecline: 'Decline',
  approvalApproveLabel: 'Approve {amount} for {customer}',
  approvalDeclineLabel: 'Decline {amount} for {customer}',
  approvalSending: 'Saved on this device; sending your decision…',
  approvalFailed: 'Not accepted: {message}',
  approvalSendAgain: 'Send again',
  approvalDecidedTitle: 'Decided',
  approvalYouApproved: 'You approved {amount} for {customer}.',
  approvalYouDeclined: 'You declined {amount} for {customer}.',
  approvalTakenApproved: 'Another lead approved {amount} for {customer} first.',
  approvalTakenDeclined: 'Another lead declined {amount} for {customer} first.',
  approvalTaken: 'Another lead decided on {amount} for {customer} first.',
  approvalRequested: 'New approval request: {agent}, {amount}.',
};
type Key = keyof typeof approvalQueueStrings;

const BAGGAGE_KEY: Record<BaggageLevel, Key> = { none: 'approvalBaggageNone', light: 'approvalBaggageLight', heavy: 'approvalBaggageHeavy' };
/** A shape per baggage level, so the level never shows by colour alone. */
const BAGGAGE_SHAPES: Record<BaggageLevel, SVGTemplateResult> = {
  none: svg`<circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" stroke-width="2" />`,
  light: svg`<path d="M3 12h10v2H3zM5 6h6v6H5z" />`,
  heavy: svg`<path d="M2 14h12L12 5H4zM6 5a2 2 0 0 1 4 0" />`,
};

/**
 * The team lead's queue of spends above an agent's threshold (R6): oldest first, with the agent,
 * the customer (and their baggage, R4), the amount beside the agent's threshold and what is left,
 * the reason and the agent's note, and how long the customer has been waiting. Approve or decline,
 * with an optional note; each decision goes through the durable outbox with one idempotency key per
 * lead and spend, so it is applied once even when sent again. A spend another lead decided first
 * leaves the queue and says so. New requests appear live and are announced politely.
 *
 * Needs a host adapter with the `approvals` capability (property or `<mend-host>`); the signed-in
 * agent of the host's context is the lead. The number waiting is reflected as the `count`
 * attribute (for a tab badge).
 *
 * @tagname mend-approval-queue
 * @summary A team lead's approval queue: spends above an agent's threshold, approved or declined live, each decision sent once.
 *
 * @fires mend-approval-requested - A new spend waits for a decision: fires when it arrives live (not for
 *   the ones the first load finds), once per new spend. `detail: { item, count }`.
 * @fires mend-approval-decided - A spend left the queue: fires after this lead's decision reached the host,
 *   or when another lead's decision is heard; once per spend. `detail: { entryId, approved, mine, decidedBy, count }`.
 *
 * @csspart base - The outer region.
 * @csspart header - Title and count.
 * @csspart title - The heading.
 * @csspart count - The number waiting.
 * @csspart list - The list of waiting spends.
 * @csspart item - One waiting spend.
 * @csspart item-heading - Agent, customer and amount.
 * @csspart facts - Threshold, what is left, waiting time, baggage.
 * @csspart baggage - The customer's baggage level (shape and words).
 * @csspart note-input - The lead's optional note.
 * @csspart approve - The Approve button.
 * @csspart decline - The Decline button.
 * @csspart state - Sending or refused.
 * @csspart decided - The list of recent decisions.
 * @csspart empty - A quiet line: nothing waits, unsupported, no host.
 * @csspart loading - The loading line.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 *
 * @cssprop --mend-approval-queue-surface - Background (default: surface token).
 * @cssprop --mend-approval-queue-item-surface - Background of an item (default: raised surface token).
 * @cssprop --mend-approval-queue-gap - Space between items (default: space-2 token).
 * @cssprop --mend-approval-queue-heavy-color - Heavy baggage (default: danger token).
 * @cssprop --mend-approval-queue-taken-color - The mark of a spend another lead decided (default: info token).
 *
 * @slot - None: everything comes from the host.
 */
export class MendApprovalQueue extends MendElement {
  static override styles = [...MendElement.styles, approvalQueueStyles];
  static override localStrings = approvalQueueStrings;

  /** The number of spends waiting for this lead (reflected as `count`; read-only in practice). */
  @property({ type: Number, reflect: true }) count = 0;

  /** The level of the title heading in the page's outline (default 2); items are one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The time used for waiting durations (default: now). For stories, tests and replays. */
  @property({ attribute: false }) now?: Date | number;

  /** Words for reason codes, e.g. `{ item_damaged: 'Item damaged' }`. */
  @property({ attribute: false }) reasonLabels?: Record<string, string>;

  /** The queue's state and actions (for tests and stories). @internal */
  readonly approvals = new ApprovalsController(this, {
    requested: (item) => {
      this.announce(this.t('approvalRequested', { agent: item.agentName, amount: this.#money(item.amount, item.currency) }));
      this.emit('mend-approval-requested', { item, count: this.approvals.items.length });
    },
    decided: (d) => {
      this.announce(this.#decidedText(d));
      this.emit('mend-approval-decided', { entryId: d.item.entryId, approved: d.approved, mine: d.mine, decidedBy: d.decidedBy, count: this.approvals.items.length });
    },
  });

  #notes = new Map<string, string>();

  constructor() {
    super();
    new Ticker(this); // waiting times move on every minute
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.approvals.follow(this.session);
    this.count = this.approvals.items.length;
  }

  protected override render(): TemplateResult {
    const a = this.approvals;
    let body: TemplateResult;
    if (a.status === 'none') body = html`<p part="empty" class="quiet">${this.t('approvalNoHost')}</p>`;
    else if (a.status === 'unsupported') body = html`<p part="empty" class="quiet">${this.t('approvalUnsupported')}</p>`;
    else if (a.status === 'error') body = this.#renderError(a.error, () => a.retry());
    else if (a.status === 'loading') body = html`<p part="loading" class="quiet">${this.t('loading')}</p>`;
    else if (!a.items.length) body = html`<p part="empty" class="quiet">${this.t('approvalEmpty')}</p>`;
    else body = html`<ol part="list" aria-labelledby="title">${a.items.map((q, i) => this.#renderItem(q, i))}</ol>`;
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${a.status === 'loading' ? 'true' : 'false'}>
        <div part="header" class="header">
          <div part="title" class="title" id="title" role="heading" aria-level=${this.headingLevel}>${this.t('approvalTitle')}</div>
          ${a.status === 'ready' ? html`<span part="count" class="count">${this.t('approvalCount', { count: a.items.length })}</span>` : nothing}
        </div>
        ${body} ${this.#renderDecided(a.decided)}
      </section>
      ${this.renderAnnouncer()}`;
  }

  #renderItem(q: QueuedApproval, i: number): TemplateResult {
    const { item } = q;
    const m = (n: number) => this.#money(n, item.currency);
    const customer = this.#customer(item);
    const id = `item-${i}`;
    const sending = q.state === 'sending';
    const decide = (approve: boolean) => void this.approvals.decide(item.entryId, approve, this.#notes.get(item.entryId) ?? '');
    return html`<li part="item" class="item" data-entry=${item.entryId} data-state=${q.state} aria-labelledby=${id}>
      <div part="item-heading" class="item-head" role="heading" aria-level=${this.headingLevel + 1} id=${id}>
        <span dir="auto">${this.t('approvalWho', { agent: item.agentName, customer })}</span>
        <span class="amount">${m(item.amount)}</span>
      </div>
      <p part="facts" class="facts">
        <span>${this.t('approvalThreshold', { amount: m(item.threshold) })}</span>
        <span>${this.t('approvalLeft', { amount: m(Math.max(0, item.remaining)) })}</span>
        <span><time datetime=${item.waitingSince}>${this.t('approvalWaiting', { duration: this.#waited(item.waitingSince) })}</time></span>
        ${item.baggage
          ? html`<span part="baggage" class="baggage" data-level=${item.baggage}
              ><svg class="shape" viewBox="0 0 16 16" aria-hidden="true">${BAGGAGE_SHAPES[item.baggage]}</svg>${this.t(BAGGAGE_KEY[item.baggage])}</span
            >`
          : nothing}
      </p>
      <p class="reason">${this.t('approvalReason', { reason: this.#reason(item.reason) })}</p>
      ${item.note ? html`<p class="note" dir="auto">${this.t('approvalAgentNote', { note: item.note })}</p>` : nothing}
      <div class="actions">
        <label
          ><span>${this.t('approvalNoteLabel')}</span
          ><input
            part="note-input"
            type="text"
            maxlength="1000"
            .value=${this.#notes.get(item.entryId) ?? ''}
            ?disabled=${sending}
            @input=${(e: Event) => this.#notes.set(item.entryId, (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && !e.isComposing && (e.preventDefault(), decide(true))}
        /></label>
        <button part="approve" data-variant="primary" aria-disabled=${sending ? 'true' : 'false'} aria-label=${this.t('approvalApproveLabel', { amount: m(item.amount), customer })} @click=${() => decide(true)}>
          ${this.t('approvalApprove')}
        </button>
        <button part="decline" aria-disabled=${sending ? 'true' : 'false'} aria-label=${this.t('approvalDeclineLabel', { amount: m(item.amount), customer })} @click=${() => decide(false)}>
          ${this.t('approvalDecline')}
        </button>
      </div>
      ${sending ? html`<p part="state" class="state" data-state="sending">${this.t('approvalSending')}</p>` : nothing}
      ${q.state === 'failed'
        ? html`<p part="state" class="state" data-state="failed">
            ${this.t('approvalFailed', { message: this.failure(q.error) })}
            <button @click=${() => void this.approvals.resend(item.entryId)}>${this.t('approvalSendAgain')}</button>
          </p>`
        : nothing}
    </li>`;
  }

  #renderDecided(list: readonly DecidedApproval[]): TemplateResult | typeof nothing {
    if (!list.length) return nothing;
    return html`<div class="decided">
      <div class="title" id="decided-title" role="heading" aria-level=${this.headingLevel + 1}>${this.t('approvalDecidedTitle')}</div>
      <ul part="decided" aria-labelledby="decided-title">
        ${list.map((d) => html`<li data-entry=${d.item.entryId} data-mine=${d.mine ? 'true' : 'false'} dir="auto">${this.#decidedText(d)}</li>`)}
      </ul>
    </div>`;
  }

  #renderError(error: HostError | undefined, retry: () => void): TemplateResult {
    return html`<p part="error" class="error" role="alert">
      <span>${this.t('errorPrefix', { message: this.failure(error) })}</span>
      <button part="retry" type="button" @click=${retry}>${this.t('retry')}</button>
    </p>`;
  }

  #decidedText(d: DecidedApproval): string {
    const values = { amount: this.#money(d.item.amount, d.item.currency), customer: this.#customer(d.item) };
    if (d.mine) return this.t(d.approved ? 'approvalYouApproved' : 'approvalYouDeclined', values);
    return this.t(d.approved === null ? 'approvalTaken' : d.approved ? 'approvalTakenApproved' : 'approvalTakenDeclined', values);
  }

  #customer(item: ApprovalItem): string {
    return item.customerName || this.t('approvalUnknownCustomer');
  }

  #waited(since: string): string {
    const now = this.now === undefined ? Date.now() : typeof this.now === 'number' ? this.now : this.now.getTime();
    return formatDuration(now - Date.parse(since), this.resolvedLocale);
  }

  #money(minor: number, currency: string): string {
    return formatMoneyOr(minor, currency, this.resolvedLocale);
  }

  #reason(code: string): string {
    return reasonText(code, this.reasonLabels, (kind, id) => this.term(kind, id));
  }
}
