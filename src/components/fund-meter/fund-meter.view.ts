/**
 * The fund meter's view of a fund, loaded on demand when a meter first updates (in parallel with the
 * host's fund read, which the first render waits for anyway): the meter bar, the level, the limits
 * and the ledger (its disclosure and its tables), in the full and the compact layout. The element
 * keeps what shows before there is a fund (loading, error, nothing to show) and the words it
 * announces. One part: the ledger's tables alone were a chunk under 1 kB.
 *
 * It imports only types from the element: whatever it imported from the meter's first load would be
 * split out of it into a shared chunk.
 */
import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import { fundLevel, remaining, type FundLevel } from '../../core/fund.js';
import type { Fund } from '../../core/model.js';
import { renderLedger } from './fund-meter.ledger.js';

/** What the view needs from the element. */
export interface MeterContext {
  t(key: string, values?: Record<string, string | number>): string;
  money(minor: number): string;
  date(iso: string, withTime?: boolean): string;
  /** A ledger reason code in words. */
  reason(code: string): string;
  /** "{remaining} left of {budget}". */
  left: string;
  /** The title, as a heading (the element's, shared with its loading and error states). */
  title: TemplateResult;
  /** The title's words (the compact meter's label). */
  titleText: string;
  /** A new period started since the fund was given (the meter shows the new one). */
  rolled: boolean;
  ledgerOpen: boolean;
  toggleLedger(): void;
  /** A shape per level (the element's: its error state shows the exhausted one). */
  shapes: Record<FundLevel, SVGTemplateResult>;
  /** The level in words (only the shown level is worded). */
  levelWord(level: FundLevel): string;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), Math.max(min, max));
}

function renderMeter(fund: Fund, label: { id?: string; text?: string }, ctx: MeterContext): TemplateResult {
  const budget = Math.max(fund.budget, 0);
  const left = remaining(fund);
  const now = clamp(left, 0, budget);
  const pending = clamp(fund.pending, 0, budget - now);
  const pct = (n: number) => (budget > 0 ? `${(n / budget) * 100}%` : '0%');
  return html`<div
    part="meter"
    class="meter"
    role="meter"
    aria-labelledby=${label.id ?? nothing}
    aria-label=${label.text ?? nothing}
    aria-valuemin="0"
    aria-valuemax=${budget}
    aria-valuenow=${now}
    aria-valuetext=${ctx.left}
  >
    <div part="track" class="track">
      <!-- CSSOM (.style), not a style attribute: a strict CSP (style-src without 'unsafe-inline') blocks those. -->
      <div part="bar" class="bar" .style=${`inline-size:${pct(now)}`}></div>
      <div part="pending-bar" class="pending-bar" .style=${`inline-size:${pct(pending)}`}></div>
    </div>
  </div>`;
}

function renderLevel(level: FundLevel, ctx: MeterContext): TemplateResult {
  return html`<span part="level" class="level"
    ><svg part="level-icon" class="shape" viewBox="0 0 16 16" aria-hidden="true">${ctx.shapes[level]}</svg
    ><span>${ctx.levelWord(level)}</span></span
  >`;
}

/** The compact layout: one line for a toolbar. */
export function renderCompact(fund: Fund, ctx: MeterContext): TemplateResult {
  return html`<div class="line">
    ${renderMeter(fund, { text: ctx.titleText }, ctx)}
    <span part="remaining" class="remaining">${ctx.left}</span>
    ${renderLevel(fundLevel(fund), ctx)}
  </div>`;
}

/** The full layout: a side panel. */
export function renderFull(fund: Fund, ctx: MeterContext): TemplateResult {
  const { t, money: m } = ctx;
  const pendingEntries = fund.ledger.filter((e) => e.status === 'pending_approval').length;
  return html`<div part="header" class="header">
      ${ctx.title}
      ${renderLevel(fundLevel(fund), ctx)}
    </div>
    ${renderMeter(fund, { id: 'title' }, ctx)}
    <p part="remaining" class="remaining">${ctx.left}</p>
    ${ctx.rolled ? html`<p part="rollover" class="quiet">${t('fundRolledOver', { date: ctx.date(fund.periodStart) })}</p>` : nothing}
    <ul part="limits" class="limits">
      <li part="limit">${t('fundPerAction', { amount: m(fund.perActionCap) })}</li>
      <li part="limit">${t('fundApproval', { amount: m(fund.approvalThreshold) })}</li>
      ${fund.pending > 0
        ? html`<li part="limit" class="pending">
            ${pendingEntries > 0
              ? t('fundPendingCount', { amount: m(fund.pending), count: pendingEntries })
              : t('fundPending', { amount: m(fund.pending) })}
          </li>`
        : nothing}
      <li part="limit">
        <time datetime=${fund.periodEnd}>${t('fundPeriodEnds', { date: ctx.date(fund.periodEnd) })}</time>
      </li>
    </ul>
    <button
      part="ledger-toggle"
      class="toggle"
      aria-expanded=${ctx.ledgerOpen ? 'true' : 'false'}
      aria-controls="ledger"
      @click=${ctx.toggleLedger}
    >
      <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true"><path d="M6 3l5 5-5 5" /></svg>
      ${t('fundShowLedger', { count: fund.ledger.length })}
    </button>
    <div part="ledger" class="ledger" id="ledger" ?hidden=${!ctx.ledgerOpen}>
      ${ctx.ledgerOpen ? renderLedger(fund, { t, money: m, date: (iso) => ctx.date(iso, true), reason: ctx.reason }) : nothing}
    </div>`;
}
