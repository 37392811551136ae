/**
 * The picker's sentences about money: the live fund impact, why an amount needs approval or is
 * refused, and why a typed amount is not an amount. Pure functions over the element's words
 * (`t`, money in the fund's currency, a core reason in words), so the element only renders them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { remaining, type SpendDecision } from '../../core/fund.js';
import type { Fund } from '../../core/model.js';
import type { Reason } from '../../core/reasons.js';

export interface Words {
  t: (key: string, values?: Record<string, string | number>) => string;
  money: (minor: number) => string;
  words: (reason: Reason) => string;
  term: (kind: string, id: string) => string;
}

export const reasonText = (w: Words, decision: SpendDecision): string => decision.reasons.map((r) => w.words(r)).join(' ');

export const refusedText = (w: Words, decision: SpendDecision): string => w.t('offerRefused', { message: reasonText(w, decision) });

/** What is left of the fund after the amount (or now, without one). */
export function impactText(w: Words, fund: Fund, decision: SpendDecision | null): string {
  const left = decision ? decision.remainingAfter : remaining(fund);
  return w.t('offerFundImpact', { remaining: w.money(Math.max(0, left)), budget: w.money(fund.budget), period: w.term('period', fund.period) });
}

/** Why the amount needs approval: above the agent's limit (said once), and any other reason. */
export function approvalText(w: Words, decision: SpendDecision, amount: number | undefined): string {
  if ((amount ?? 0) <= decision.limit) return reasonText(w, decision);
  const rest = decision.reasons.filter((r) => r.code !== 'over_threshold' && r.code !== 'over_authority').map((r) => w.words(r));
  return [w.t('offerNeedsApproval', { limit: w.money(decision.limit) }), ...rest].join(' ');
}

/** A typed amount's parse error in words. */
export function amountMessage(w: Words, error: string, currency: string): string {
  const key = ({ empty: 'offerAmountEmpty', negative: 'offerAmountNegative', too_many_decimals: 'offerAmountDecimals', too_large: 'offerAmountLarge' } as Record<string, string>)[error];
  return w.t(key ?? 'offerAmountInvalid', { currency, example: w.money(1250) });
}

/** The fund impact line and, when the amount is not simply allowed, the approval line. */
export function renderImpact(w: Words, fund: Fund, decision: SpendDecision | null, amount: number | undefined): TemplateResult {
  return html`<p part="impact" data-tone=${remaining(fund) <= 0 ? 'warning' : 'info'}><span>${impactText(w, fund, decision)}</span></p>
    ${decision?.status === 'needs_approval'
      ? html`<p part="approval" data-tone="warning"><span class="tag">${w.t('offerNeedsApprovalTag')}:</span><span>${approvalText(w, decision, amount)}</span></p>`
      : decision?.status === 'refused'
        ? html`<p part="approval" data-tone="danger"><span>${refusedText(w, decision)}</span></p>`
        : nothing}`;
}
