/**
 * The demo's team-lead tab, beside the agent's: Sam Okafor's approval queue and recovery report on
 * their own host adapter: the Mend service with the lead's token (`npm start`), else the same
 * embedded CRM signed in as the lead. A spend above Dana's threshold in the agent's tab reaches the
 * lead's queue through the service's event stream (or the CRM's cross-tab channel); the lead's
 * decision reaches Dana's fund meter and offer picker the same way.
 *
 * Built with Lit templates only (no inline script or style), like the rest of the console.
 */
import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';
import { formatMoney } from '../src/core/money.js';
import '../src/define/approval-queue.js';
import '../src/define/recovery-report.js';
import type { HostAdapter } from '../src/adapter/host-adapter.js';
import type { ApprovalDecided, MendApprovalDecidedDetail, MendApprovalRequestedDetail } from '../src/define/approval-queue.js';

export const DESK_TABS = ['agent', 'lead'] as const;
export type DeskTab = (typeof DESK_TABS)[number];

const REASONS = { item_damaged: 'Item damaged', wrong_item: 'Wrong item', late_delivery: 'Late delivery', goodwill: 'Goodwill', fee_waiver: 'Fee waived' };

/** What the agent desk says when a lead decided one of its spends (the picker's pending "Sent for approval."). */
export function decisionNotice(decided: ApprovalDecided): string {
  return decided.approved
    ? 'A team lead approved a spend you sent for approval: it is paid from your fund.'
    : 'A team lead declined a spend you sent for approval: nothing was paid.';
}

export class LeadTab {
  /** Spends waiting for the lead (the tab's badge). */
  count = 0;
  #generation = 0;
  #observed: Element | null = null;
  // The queue reflects how many wait as its `count` attribute: the badge follows it.
  #observer = new MutationObserver(() => this.#sync());

  constructor(
    readonly adapter: HostAdapter,
    private readonly changed: (notice?: string) => void,
  ) {}

  /** New elements after the demo data is restored (the queue and the report load again). */
  reset(): void {
    this.#generation++;
    this.count = 0;
  }

  /** The tab list: Agent desk, Team lead (with the number waiting). Arrow keys move between tabs. */
  tabs(active: DeskTab, select: (tab: DeskTab) => void): TemplateResult {
    const onKey = (event: KeyboardEvent) => {
      const i = DESK_TABS.indexOf(active);
      const next = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: DESK_TABS.length - 1 - i }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const tab = DESK_TABS[(i + next + DESK_TABS.length) % DESK_TABS.length]!;
      select(tab);
      (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
    };
    const tab = (id: DeskTab, label: TemplateResult | string) => html`<button
      type="button"
      role="tab"
      class="desk-tab"
      id=${`tab-${id}`}
      aria-selected=${active === id ? 'true' : 'false'}
      aria-controls=${`${id}-panel`}
      tabindex=${active === id ? '0' : '-1'}
      @click=${() => select(id)}
    >${label}</button>`;
    return html`<div class="desk-tabs" role="tablist" aria-label="Desks" @keydown=${onKey}>
      ${tab('agent', 'Agent desk')}
      ${tab('lead', html`Team lead <span class="count" data-count=${this.count}>${this.count}<span class="visually-hidden"> waiting</span></span>`)}
    </div>`;
  }

  /** The lead's panel; kept on the page when hidden, so the queue stays live and the badge counts. */
  panel(hidden: boolean): TemplateResult {
    return html`<section id="lead-panel" class="lead-desk" role="tabpanel" aria-labelledby="tab-lead" ?hidden=${hidden}>
      ${keyed(
        this.#generation,
        html`<mend-host .adapter=${this.adapter}>
          <div class="lead-cols">
            <mend-approval-queue
              ${ref((el) => this.#observe(el ?? null))}
              .reasonLabels=${REASONS}
              @mend-approval-requested=${(e: CustomEvent<MendApprovalRequestedDetail>) => this.#onRequested(e.detail)}
              @mend-approval-decided=${(e: CustomEvent<MendApprovalDecidedDetail>) => this.#onDecided(e.detail)}
            ></mend-approval-queue>
            <mend-recovery-report .reasonLabels=${REASONS}></mend-recovery-report>
          </div>
        </mend-host>`,
      )}
    </section>`;
  }

  /** Stop following the queue. */
  destroy(): void {
    this.#observer.disconnect();
  }

  #observe(el: Element | null): void {
    if (el === this.#observed) return;
    this.#observer.disconnect();
    this.#observed = el;
    if (el) this.#observer.observe(el, { attributes: true, attributeFilter: ['count'] });
  }

  #sync(): void {
    const count = Number(this.#observed?.getAttribute('count') ?? 0);
    if (count === this.count) return;
    this.count = count;
    this.changed();
  }

  #onRequested(detail: MendApprovalRequestedDetail): void {
    this.count = detail.count;
    this.changed(`${detail.item.agentName} asks for approval of ${formatMoney(detail.item.amount, detail.item.currency, 'en-US')} (Team lead tab).`);
  }

  #onDecided(detail: MendApprovalDecidedDetail): void {
    this.count = detail.count;
    this.changed();
  }
}
