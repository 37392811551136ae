/**
 * Recovery recommendations (R1, R2, R3, R7, R11): which remedies, together, make a sufficient
 * recovery for this severity and baggage, and what the agent's authority and fund allow.
 */
import { DEFAULT_BAGGAGE_POLICY } from './baggage-policy.js';
import { evaluateSpend } from './fund.js';
import type { AuthorityLimit, BaggageLevel, Channel, ChosenOffer, Fund, Offer, RecoveryPolicy, Severity, SeverityRule } from './model.js';
import { formatMoney } from './money.js';
import { reason, type Reason } from './reasons.js';
import { DEFAULT_ROOT_CAUSE_POLICY } from './root-cause-policy.js';

type Needed = 'assistance' | 'compensation';

export { DEFAULT_ROOT_CAUSE_POLICY };

/** The default policy (USD): low/medium/high, agent 50.00 and lead 100.00 without approval. */
export const DEFAULT_POLICY: RecoveryPolicy = /* @__PURE__ */ defaultPolicy();

// A function (marked pure above), so a bundle that only needs DEFAULT_ROOT_CAUSE_POLICY drops the rest.
function defaultPolicy(): RecoveryPolicy {
  return {
    id: 'default',
    version: 1,
    currency: 'USD',
    severities: ['low', 'medium', 'high'],
    rules: [
      { severity: 'low', mode: 'any', requires: ['assistance', 'compensation'] },
      { severity: 'medium', mode: 'any', requires: ['assistance', 'compensation'] },
      { severity: 'high', mode: 'all', requires: ['assistance', 'compensation'] },
    ],
    offers: [
      { id: 'apology', kind: 'apology', label: 'Sincere apology', monetary: false, description: 'Acknowledge the error and own it.' },
      { id: 'fix', kind: 'assistance', label: 'Fix or replace now', monetary: false, description: 'Solve the problem during this contact.' },
      { id: 'expedited', kind: 'assistance', label: 'Expedited replacement', monetary: false, description: 'Ship a replacement with priority delivery.' },
      // R9: offered from medium severity, never on a call already.
      {
        id: 'escalate-voice',
        kind: 'assistance',
        label: 'Escalate to a voice call',
        monetary: false,
        description: 'Move a complicated issue to a call.',
        minSeverity: 'medium',
        notOn: ['voice'],
      },
      { id: 'credit-15', kind: 'compensation', label: 'Goodwill credit', monetary: true, amount: 1500, reason: 'goodwill' },
      { id: 'credit-25', kind: 'compensation', label: 'Goodwill credit', monetary: true, amount: 2500, reason: 'goodwill', minSeverity: 'medium' },
      { id: 'refund', kind: 'compensation', label: 'Refund', monetary: true, customAmount: true, reason: 'refund' },
      { id: 'fee-waiver', kind: 'compensation', label: 'Waive a fee', monetary: false, reason: 'fee_waiver' },
      {
        id: 'policy-review',
        kind: 'compensation',
        label: 'Policy review',
        monetary: false,
        counts: true,
        // R11: the ideal resolution is not always money.
        description: 'Ask the policy owner to re-examine the rule that hurt the customer.',
      },
      {
        id: 'loyalty-points',
        kind: 'compensation',
        label: 'Loyalty points',
        monetary: false,
        counts: false,
        description: 'A gesture on top; it does not count as compensation by itself.',
      },
    ],
    authority: [
      { role: 'agent', maxPerAction: 5000 },
      { role: 'lead', maxPerAction: 10000 },
    ],
    baggage: { ...DEFAULT_BAGGAGE_POLICY },
    recurrence: { ...DEFAULT_ROOT_CAUSE_POLICY.recurrence },
    unresolvedLimitMinutes: DEFAULT_ROOT_CAUSE_POLICY.unresolvedLimitMinutes,
  };
}

/** The role's limit in the policy, if the policy names the role. */
export function authorityFor(policy: RecoveryPolicy, role: string): AuthorityLimit | undefined {
  return policy.authority.find((a) => a.role === role);
}

/**
 * Heavy baggage raises the severity one step, capped at the top of the ladder (R4 with R3). A
 * severity the ladder does not know is treated as the most severe, never as the least.
 */
export function effectiveSeverity(
  severity: Severity,
  baggage: BaggageLevel,
  severities: readonly Severity[],
): { severity: Severity; raised: boolean; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const top = severities.length - 1;
  let i = severities.indexOf(severity);
  if (i < 0) {
    if (top < 0) return { severity, raised: false, reasons };
    reasons.push(reason('R3', 'unknown_severity', `"${severity}" is not a severity of this policy; treated as ${severities[top]}.`, { severity, as: severities[top]! }));
    i = top;
  }
  if (baggage === 'heavy' && i < top) {
    const to = severities[i + 1]!;
    reasons.push(reason('R4', 'baggage_raises_severity', `Heavy baggage raises the severity from ${severities[i]} to ${to}.`, { from: severities[i]!, to }));
    return { severity: to, raised: true, reasons };
  }
  if (baggage === 'heavy') {
    reasons.push(reason('R4', 'baggage_at_top', `Heavy baggage; ${severities[i]} is already the highest severity.`, { severity: severities[i]! }));
  }
  return { severity: severities[i]!, raised: false, reasons };
}

/** The policy's rule for a severity; without one, the top severity needs all, the others any. */
export function ruleFor(policy: RecoveryPolicy, severity: Severity): SeverityRule {
  return (
    policy.rules.find((r) => r.severity === severity) ?? {
      severity,
      mode: policy.severities.indexOf(severity) === policy.severities.length - 1 ? 'all' : 'any',
      requires: ['assistance', 'compensation'],
    }
  );
}

function ruleReason(rule: SeverityRule): Reason {
  const list = rule.requires.join(rule.mode === 'all' ? ' and ' : ' or ');
  return reason(
    'R3',
    rule.mode === 'all' ? 'needs_all' : 'needs_any',
    rule.mode === 'all' || rule.requires.length < 2
      ? `A ${rule.severity}-severity error needs ${list}.`
      : `For a ${rule.severity}-severity error, ${list} alone satisfies as much as both.`,
    { severity: rule.severity, mode: rule.mode, requires: rule.requires.join('+') },
  );
}

export interface Bundle {
  /** Offer ids joined by `+`. */
  id: string;
  offers: ChosenOffer[];
  /** Monetary total in integer minor units. */
  total: number;
  needsApproval: boolean;
  approvalReasons: Reason[];
  /** True when the fund cannot pay it even with approval (above the per-action cap). */
  refused: boolean;
  reasons: Reason[];
  /** e.g. `R3:high:assistance+compensation`. */
  strategy: string;
}

export interface Recommendation {
  baseSeverity: Severity;
  severity: Severity;
  raised: boolean;
  rule: SeverityRule;
  /** Best first, at most MAX_BUNDLES. */
  bundles: Bundle[];
  reasons: Reason[];
}

export const MAX_BUNDLES = 4;

const counts = (o: Pick<Offer, 'counts'>) => o.counts !== false;

function chosen(o: Offer): ChosenOffer {
  return o.monetary && o.amount !== undefined ? { offerId: o.id, kind: o.kind, label: o.label, amount: o.amount } : { offerId: o.id, kind: o.kind, label: o.label };
}

export interface RecommendInput {
  severity: Severity;
  baggage: BaggageLevel;
  policy: RecoveryPolicy;
  role?: string;
  fund?: Fund | null;
  /** The contact's channel: offers the policy marks `notOn` it are not recommended. */
  channel?: Channel;
}

/** Whether an offer makes sense on the contact's channel (an unknown channel: every offer does). */
export function offeredOn(offer: Pick<Offer, 'notOn'>, channel: Channel | undefined): boolean {
  return !channel || !offer.notOn?.includes(channel);
}

/** Two bundles that offer the same credit in two sizes ("Goodwill credit" $15 and $25): not a clear choice. */
const twoSizes = (a: Bundle, b: Bundle): boolean =>
  a.offers.some((x) => x.amount !== undefined && b.offers.some((y) => y.amount !== undefined && y.label === x.label && y.kind === x.kind && y.amount !== x.amount));

/**
 * Judges the money in a bundle against the role's authority and the fund; never cuts, only marks.
 * A role the policy does not name needs approval for any money; without a role the fund decides.
 */
export function approvalFor(total: number, input: Pick<RecommendInput, 'policy' | 'role' | 'fund'>): { needsApproval: boolean; refused: boolean; reasons: Reason[] } {
  if (total <= 0) return { needsApproval: false, refused: false, reasons: [] };
  const { policy, fund } = input;
  const authority = input.role === undefined ? undefined : authorityFor(policy, input.role);
  const money = (m: number) => formatMoney(m, policy.currency, 'en-US');
  const none = reason('R6', 'no_authority', `No authority for role "${input.role ?? ''}" in this policy: money needs approval.`, { role: input.role ?? '', amount: total });
  if (fund) {
    // Offers are priced in the policy's currency: a fund in another one refuses them (evaluateSpend).
    const d = evaluateSpend(fund, total, authority, policy.currency);
    const reasons = input.role !== undefined && !authority && d.status !== 'refused' ? [none, ...(d.status === 'allowed' ? [] : d.reasons)] : d.reasons;
    if (d.status === 'allowed' && reasons === d.reasons) return { needsApproval: false, refused: false, reasons: [] };
    return { needsApproval: true, refused: d.status === 'refused', reasons };
  }
  if (!authority) return { needsApproval: true, refused: false, reasons: [none] };
  if (total > authority.maxPerAction) {
    return {
      needsApproval: true,
      refused: false,
      reasons: [
        reason('R6', 'over_authority', `${money(total)} is above the ${authority.role} authority of ${money(authority.maxPerAction)} per action.`, {
          amount: total,
          role: authority.role,
          authority: authority.maxPerAction,
        }),
      ],
    };
  }
  return { needsApproval: false, refused: false, reasons: [] };
}

function makeBundle(offers: Offer[], apology: Offer, severity: Severity, input: RecommendInput, rule: SeverityRule): Bundle {
  const all = [apology, ...offers];
  const total = all.reduce((sum, o) => sum + (o.monetary && o.amount ? o.amount : 0), 0);
  const a = approvalFor(total, input);
  const kinds = [...new Set(offers.map((o) => o.kind))].sort();
  const reasons: Reason[] = [
    reason('R1', 'remedies', `Apology with ${kinds.join(' and ')}.`, { kinds: kinds.join('+') }),
    reason('R2', 'apology_with_more', 'An apology alone is the least effective remedy, so it comes with more.', {}),
    ruleReason(rule),
  ];
  for (const o of offers) {
    if (o.kind === 'compensation' && !o.monetary) {
      reasons.push(reason('R11', 'non_monetary', `${o.label}: the ideal resolution is not always money.`, { offerId: o.id, label: o.label }));
    }
  }
  return {
    id: all.map((o) => o.id).join('+'),
    offers: all.map(chosen),
    total,
    needsApproval: a.needsApproval,
    approvalReasons: a.reasons,
    refused: a.refused,
    reasons,
    strategy: `R3:${severity}:${kinds.join('+')}`,
  };
}

/**
 * Ranked remedy bundles for the issue (best first, at most 4). Every bundle carries an apology and
 * something more; low severity takes assistance or compensation, high severity both. Money above
 * the agent's authority or fund is marked needsApproval with reasons, never cut or hidden.
 * Ranking: bundles the fund can pay first, then those that need no approval, then the policy's
 * catalog order (the policy lists offers in its order of preference), then the smaller total; the
 * best bundle of each strategy is kept, then varied offers. Deterministic.
 */
export function recommend(input: RecommendInput): Recommendation {
  const { policy } = input;
  const eff = effectiveSeverity(input.severity, input.baggage, policy.severities);
  const rule = ruleFor(policy, eff.severity);
  const level = policy.severities.indexOf(eff.severity);
  const eligible = policy.offers.filter((o) => {
    const min = o.minSeverity === undefined ? -1 : policy.severities.indexOf(o.minSeverity);
    // Monetary offers without a preset amount are typed by the agent, not recommended.
    return min <= level && !(o.monetary && o.amount === undefined) && offeredOn(o, input.channel);
  });
  const apology = eligible.find((o) => o.kind === 'apology') ?? { id: 'apology', kind: 'apology' as const, label: 'Apology', monetary: false };
  const byKind = (k: Needed) => eligible.filter((o) => o.kind === k && counts(o));
  const requires = rule.requires.length ? rule.requires : (['assistance', 'compensation'] as Needed[]);

  let sets: Offer[][];
  if (rule.mode === 'all') {
    sets = [[]];
    for (const k of requires) {
      const options = byKind(k).slice(0, 4);
      sets = sets.flatMap((s) => options.map((o) => [...s, o]));
    }
  } else {
    sets = requires.flatMap((k) => byKind(k).map((o) => [o]));
  }
  const order = new Map(policy.offers.map((o, i) => [o.id, i]));
  const rank = (s: Offer[]) => s.reduce((n, o) => n + order.get(o.id)!, 0);
  const ranked = sets
    .filter((s) => s.length)
    .map((s) => ({ b: makeBundle(s, apology, eff.severity, input, rule), s }))
    .sort(
      (x, y) =>
        Number(x.b.refused) - Number(y.b.refused) ||
        Number(x.b.needsApproval) - Number(y.b.needsApproval) ||
        rank(x.s) - rank(y.s) ||
        x.b.total - y.b.total ||
        (x.b.id < y.b.id ? -1 : x.b.id > y.b.id ? 1 : 0),
    );
  // Variety: the best bundle of each strategy, then bundles sharing no offer with those picked,
  // then the rest in rank order; never the same credit in two sizes (a clear choice).
  const picked: typeof ranked = [];
  const used = new Set<string>();
  const take = (x: (typeof ranked)[number]) => {
    if (picked.length < MAX_BUNDLES && !picked.includes(x) && !picked.some((p) => twoSizes(p.b, x.b))) {
      picked.push(x);
      x.s.forEach((o) => used.add(o.id));
    }
  };
  const strategies = new Set<string>();
  for (const x of ranked) {
    if (strategies.has(x.b.strategy)) continue;
    strategies.add(x.b.strategy);
    take(x);
  }
  for (const x of ranked) if (x.s.every((o) => !used.has(o.id))) take(x);
  for (const x of ranked) take(x);
  const bundles = ranked.filter((x) => picked.includes(x)).map((x) => x.b);

  const reasons: Reason[] = [...eff.reasons, ruleReason(rule)];
  if (!bundles.length) {
    reasons.push(reason('R1', 'no_remedy', `The policy offers no ${requires.join(' or ')} remedy for ${eff.severity} severity; an apology alone is not enough.`, { severity: eff.severity }));
  }
  return { baseSeverity: input.severity, severity: eff.severity, raised: eff.raised, rule, bundles, reasons };
}

export interface BundleCheck {
  sufficient: boolean;
  missing: Needed[];
  reasons: Reason[];
}

/**
 * Checks a bundle the agent composed by hand against the rule for the effective severity. Offers
 * the policy marks `counts: false` do not count; an apology alone is never enough (R2).
 */
export function checkBundle(offers: readonly ChosenOffer[], input: { severity: Severity; baggage: BaggageLevel; policy: RecoveryPolicy }): BundleCheck {
  const { policy } = input;
  const eff = effectiveSeverity(input.severity, input.baggage, policy.severities);
  const rule = ruleFor(policy, eff.severity);
  const reasons: Reason[] = [...eff.reasons];
  const present = new Set<string>();
  for (const c of offers) {
    const o = policy.offers.find((x) => x.id === c.offerId);
    if (o && !counts(o)) {
      reasons.push(reason('R3', 'does_not_count', `${o.label} is a gesture that does not count as ${o.kind} by itself.`, { offerId: o.id, label: o.label, kind: o.kind }));
      continue;
    }
    present.add(o?.kind ?? c.kind);
  }
  const requires = rule.requires;
  const missing: Needed[] =
    rule.mode === 'all' ? requires.filter((k) => !present.has(k)) : requires.some((k) => present.has(k)) ? [] : [...requires];
  if (!offers.length) {
    reasons.push(reason('R1', 'nothing_chosen', 'Nothing chosen yet: apologize, and assist or compensate.', {}));
  } else if (offers.every((o) => o.kind === 'apology')) {
    reasons.push(reason('R2', 'apology_alone', 'An apology alone is the least effective remedy: add assistance or compensation.', {}));
  }
  if (offers.length && !offers.some((o) => o.kind === 'apology')) {
    reasons.push(reason('R1', 'no_apology', 'Start with an apology: it goes with every recovery.', {}));
  }
  if (missing.length) {
    reasons.push(
      reason('R3', 'missing', `A ${eff.severity}-severity error still needs ${missing.join(rule.mode === 'all' ? ' and ' : ' or ')}.`, {
        severity: eff.severity,
        missing: missing.join('+'),
      }),
    );
  } else {
    reasons.push(reason('R3', 'sufficient', `Enough for a ${eff.severity}-severity error.`, { severity: eff.severity }));
  }
  return { sufficient: missing.length === 0 && (present.has('assistance') || present.has('compensation')), missing, reasons };
}
