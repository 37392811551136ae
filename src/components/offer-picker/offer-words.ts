/**
 * The picker's sentences about money: the live fund impact, why an amount needs approval or is
 * refused, and why a typed amount is not an amount. Pure functions over the element's words
 * (`t`, money in the fund's currency, a core reason in words), so the element only renders them;
 * and a bundle's name as the agent reads it.
 */
import { remaining, type SpendDecision } from '../../core/fund.js';
import type { Sentences } from './options.js';
import type { Fund } from '../../core/model.js';
import type { Reason } from '../../core/reasons.js';
import type { Bundle } from '../../core/recovery.js';
import type { Invalidity } from '../../controllers/form-control.js';
import type { PickerModel } from './offer-picker.model.js';

export interface Words {
  t: (key: string, values?: Record<string, string | number>) => string;
  money: (minor: number) => string;
  words: (reason: Reason) => string;
  term: (kind: string, id: string) => string;
}

const decisionReasons = (w: Words, decision: SpendDecision): string => decision.reasons.map((r) => w.words(r)).join(' ');

const refusedText = (w: Words, decision: SpendDecision): string => w.t('offerRefused', { message: decisionReasons(w, decision) });

/** What is left of the fund after the amount (or now, without one). */
export function impactText(w: Words, fund: Fund, decision: SpendDecision | null): string {
  const left = decision ? decision.remainingAfter : remaining(fund);
  return w.t('offerFundImpact', { remaining: w.money(Math.max(0, left)), budget: w.money(fund.budget), period: w.term('period', fund.period) });
}

/** Why the amount needs approval: above the agent's limit (said once), and any other reason. */
function approvalText(w: Words, decision: SpendDecision, amount: number | undefined): string {
  if ((amount ?? 0) <= decision.limit) return decisionReasons(w, decision);
  const rest = decision.reasons.filter((r) => r.code !== 'over_threshold' && r.code !== 'over_authority').map((r) => w.words(r));
  return [w.t('offerNeedsApproval', { limit: w.money(decision.limit) }), ...rest].join(' ');
}

/** A typed amount's parse error in words. */
function amountMessage(w: Words, error: string, currency: string): string {
  const key = ({ empty: 'offerAmountEmpty', negative: 'offerAmountNegative', too_many_decimals: 'offerAmountDecimals', too_large: 'offerAmountLarge' } as Record<string, string>)[error];
  return w.t(key ?? 'offerAmountInvalid', { currency, example: w.money(1250) });
}

/**
 * A bundle as the agent reads it: what it gives first, each amount beside its offer, the apology
 * (every bundle has one) last. `lead`: the offer to say first (the list of bundles picks one per
 * bundle, so that no two names start with the same words).
 */
export function bundleName(bundle: Bundle, money: (minor: number) => string, lead?: Bundle['offers'][number]): string {
  const said = (o: Bundle['offers'][number]) => (o.amount ? `${o.label} · ${money(o.amount)}` : o.label);
  const rest = bundle.offers.filter((o) => o.kind !== 'apology');
  const first = lead ?? rest[0];
  return [...rest.filter((o) => o === first), ...rest.filter((o) => o !== first), ...bundle.offers.filter((o) => o.kind === 'apology')].map(said).join(' + ');
}

/** Why the choice cannot be submitted, or null when it can. */
export function invalidity(w: Words, m: PickerModel, required: boolean): Invalidity | null {
  const { chosen, amountError, check, decision } = m;
  if (!chosen.length) return required ? { flags: { valueMissing: true }, message: w.t('offerEmpty') } : null;
  if (amountError) return { flags: { badInput: true }, message: amountMessage(w, amountError, m.currency) };
  if (check && !check.sufficient) {
    const apologyOnly = chosen.every((o) => o.kind === 'apology');
    return { flags: { customError: true }, message: apologyOnly || !check.reasons[0] ? w.t('offerApologyOnly') : w.words(check.reasons[0]) };
  }
  if (decision?.status === 'refused') return { flags: { customError: true }, message: refusedText(w, decision) };
  return null;
}

/** The sentences the on-demand options need, bound to the element's words (passed in, never imported there). */
export function sentences(w: Words, currency: () => string): Sentences {
  return {
    impact: (fund, decision) => impactText(w, fund, decision),
    approval: (decision, amount) => approvalText(w, decision, amount),
    refused: (decision) => refusedText(w, decision),
    amount: (code) => amountMessage(w, code, currency()),
    left: remaining,
    name: (bundle, lead) => bundleName(bundle, w.money, lead),
  };
}

/** What the agent hears when the amount's standing changes: the approval it needs, why it is refused, or what it leaves. */
export function decisionSaid(say: Sentences, decision: SpendDecision | null, fund: Fund | null, amount: number | undefined): string {
  if (decision?.status === 'needs_approval') return say.approval(decision, amount);
  if (decision?.status === 'refused') return say.refused(decision);
  return decision?.status === 'allowed' && fund ? say.impact(fund, decision) : '';
}
