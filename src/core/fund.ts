/**
 * The agent's discretionary fund (R6, R7): what is left, what needs approval, what was given.
 * All amounts are integer minor units; every function returns a new object and never mutates.
 */
import type { AuthorityLimit, Fund, FundPeriod, LedgerEntry, SpendStatus } from './model.js';
import { formatMoney } from './money.js';
import { reason, type Reason } from './reasons.js';

/** budget - spent - pending. Zero or less means nothing is left. */
export function remaining(fund: Fund): number {
  return fund.budget - fund.spent - fund.pending;
}

export const FUND_LEVELS = ['plenty', 'low', 'exhausted'] as const;
export type FundLevel = (typeof FUND_LEVELS)[number];

/** exhausted: nothing left; low: under 25% of the budget or under one per-action cap; else plenty. */
export function fundLevel(fund: Fund): FundLevel {
  const left = remaining(fund);
  if (left <= 0) return 'exhausted';
  if (left * 4 < fund.budget || left < fund.perActionCap) return 'low';
  return 'plenty';
}

export interface SpendDecision {
  status: 'allowed' | 'needs_approval' | 'refused';
  reasons: Reason[];
  /** What would be left after this spend (unchanged when refused). */
  remainingAfter: number;
  /** The agent's effective no-approval limit: min(threshold, authority, remaining, cap), never below 0. */
  limit: number;
}

const money = (fund: Fund, minor: number) => formatMoney(minor, fund.currency, 'en-US');

/** The largest amount this agent may give right now without approval. */
export function spendLimit(fund: Fund, authority?: AuthorityLimit): number {
  return Math.max(
    0,
    Math.min(fund.approvalThreshold, authority?.maxPerAction ?? Infinity, remaining(fund), fund.perActionCap),
  );
}

/**
 * Decides a spend from the fund (R6, R7).
 * - refused: not a positive whole amount, in another currency than the fund, or above the per-action hard cap;
 * - needs_approval: above the approval threshold, the role's authority, or what is left;
 * - allowed otherwise. Never cuts an amount: it says which limit it crosses.
 */
export function evaluateSpend(fund: Fund, amount: number, authority?: AuthorityLimit, currency: string = fund.currency): SpendDecision {
  const left = remaining(fund);
  const limit = spendLimit(fund, authority);
  if (currency !== fund.currency) {
    // No conversion: an amount in one currency never comes out of a fund kept in another.
    return {
      status: 'refused',
      remainingAfter: left,
      limit,
      reasons: [reason('R7', 'wrong_currency', `The amount is in ${currency} but the fund is in ${fund.currency}; it cannot come from this fund.`, { currency, fund: fund.currency })],
    };
  }
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return {
      status: 'refused',
      remainingAfter: left,
      limit,
      reasons: [reason('R7', 'invalid_amount', 'The amount must be a positive whole amount.', { amount: String(amount) })],
    };
  }
  if (amount > fund.perActionCap) {
    return {
      status: 'refused',
      remainingAfter: left,
      limit,
      reasons: [
        reason('R7', 'over_cap', `${money(fund, amount)} is above the per-action cap of ${money(fund, fund.perActionCap)}; it cannot come from this fund.`, {
          amount,
          cap: fund.perActionCap,
        }),
      ],
    };
  }
  const reasons: Reason[] = [];
  if (amount > fund.approvalThreshold) {
    reasons.push(
      reason('R6', 'over_threshold', `${money(fund, amount)} is above the ${money(fund, fund.approvalThreshold)} you can give without approval.`, {
        amount,
        threshold: fund.approvalThreshold,
      }),
    );
  }
  if (authority && amount > authority.maxPerAction) {
    reasons.push(
      reason('R6', 'over_authority', `${money(fund, amount)} is above the ${authority.role} authority of ${money(fund, authority.maxPerAction)} per action.`, {
        amount,
        role: authority.role,
        authority: authority.maxPerAction,
      }),
    );
  }
  if (amount > left) {
    reasons.push(
      reason('R7', 'over_remaining', `${money(fund, amount)} is more than the ${money(fund, Math.max(0, left))} left in your fund.`, {
        amount,
        remaining: left,
      }),
    );
  }
  if (reasons.length) return { status: 'needs_approval', reasons, remainingAfter: left - amount, limit };
  return {
    status: 'allowed',
    remainingAfter: left - amount,
    limit,
    reasons: [
      reason('R6', 'within_authority', `${money(fund, amount)} is within what you can give without approval (${money(fund, limit)}).`, {
        amount,
        limit,
      }),
    ],
  };
}

export type SpendEntry = Omit<LedgerEntry, 'status'>;

/**
 * Records a spend and returns a NEW fund: done adds to spent, pending_approval to pending, rejected
 * only goes to the ledger. A replayed entry id (same id already in the ledger) returns the fund
 * unchanged, so a retried write never applies twice.
 */
export function applySpend(fund: Fund, entry: SpendEntry, status: SpendStatus): Fund {
  if (fund.ledger.some((e) => e.id === entry.id)) return fund;
  return {
    ...fund,
    spent: fund.spent + (status === 'done' ? entry.amount : 0),
    pending: fund.pending + (status === 'pending_approval' ? entry.amount : 0),
    version: fund.version + 1,
    ledger: [...fund.ledger, { ...entry, status }],
  };
}

/**
 * Settles a spend that was pending approval: approved moves it from pending to spent, rejected
 * releases it. Unknown or already-settled ids return the fund unchanged (idempotent).
 */
export function settleSpend(fund: Fund, entryId: string, outcome: 'done' | 'rejected'): Fund {
  const entry = fund.ledger.find((e) => e.id === entryId);
  if (!entry || entry.status !== 'pending_approval') return fund;
  return {
    ...fund,
    pending: fund.pending - entry.amount,
    spent: fund.spent + (outcome === 'done' ? entry.amount : 0),
    version: fund.version + 1,
    ledger: fund.ledger.map((e) => (e === entry ? { ...e, status: outcome } : e)),
  };
}

/** Adds one period to a UTC instant (months clamp to the month's last day). */
export function addPeriod(ms: number, period: FundPeriod): number {
  const d = new Date(ms);
  if (period === 'day' || period === 'week') return ms + (period === 'day' ? 1 : 7) * 86_400_000;
  const months = period === 'month' ? 1 : 3;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/**
 * Starts a new period when `now` has reached the end of the current one: the new period begins at
 * the old end (repeated until `now` is inside), spent returns to 0 and the old period's ledger is
 * dropped, except spends still pending approval, which stay (with their amount in `pending`).
 * Returns the same object when the period is still running or the dates are unreadable.
 */
export function rollOver(fund: Fund, now: Date | number): Fund {
  const t = typeof now === 'number' ? now : now.getTime();
  let start = Date.parse(fund.periodStart);
  let end = Date.parse(fund.periodEnd);
  if (!Number.isFinite(t) || !Number.isFinite(end) || t < end) return fund;
  for (let i = 0; t >= end && i < 100_000; i++) {
    start = end;
    end = addPeriod(end, fund.period);
  }
  return {
    ...fund,
    spent: 0,
    periodStart: new Date(start).toISOString(),
    periodEnd: new Date(end).toISOString(),
    version: fund.version + 1,
    ledger: fund.ledger.filter((e) => e.status === 'pending_approval'),
  };
}

/** What was given per reason ("without giving away the farm"), largest first, then by reason. */
export function totalsByReason(
  ledger: readonly LedgerEntry[],
  statuses: readonly SpendStatus[] = ['done', 'pending_approval'],
): Array<{ reason: string; amount: number; count: number }> {
  const byReason = new Map<string, { reason: string; amount: number; count: number }>();
  for (const e of ledger) {
    if (!statuses.includes(e.status)) continue;
    const t = byReason.get(e.reason) ?? { reason: e.reason, amount: 0, count: 0 };
    t.amount += e.amount;
    t.count += 1;
    byReason.set(e.reason, t);
  }
  return [...byReason.values()].sort((a, b) => b.amount - a.amount || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}
