/**
 * The picker's model: what `<mend-offer-picker>` shows, derived in `willUpdate` from its properties,
 * the session's reads, the agent's selection and the parts loaded so far. No DOM and no words: the
 * element renders it (amount errors stay codes, reasons stay reasons).
 */
import type { HostSession } from '../../adapter/session.js';
import type { baggageFor } from '../../controllers/baggage.js';
import type { Read } from '../../controllers/reads.js';
import type { BaggageAssessment } from '../../core/baggage.js';
import { evaluateSpend, type SpendDecision } from '../../core/fund.js';
import type { BaggageLevel, ChosenOffer, CustomerHistory, Fund, HostContext, Interaction, Offer, RecoveryPolicy, Severity } from '../../core/model.js';
import { authorityFor, checkBundle, DEFAULT_POLICY, offeredOn, recommend, type Bundle, type BundleCheck, type Recommendation } from '../../core/recovery.js';
import { matchingBundle, type OfferSelection, type ParseAmount } from './selection.js';

/** The element's properties the model reads (a property set by the page wins over host data). */
export interface PickerProps {
  severity?: Severity;
  baggage?: BaggageLevel;
  agentRole?: string;
  policy?: RecoveryPolicy;
  fund?: Fund;
  interaction?: Interaction | null;
}

/** The host's reads the model shows (started by the element at each update, before this part is in). */
export interface PickerReads {
  ctx: Read<HostContext>;
  pol: Read<RecoveryPolicy>;
  /** The customer's history (not read when the page sets `baggage`). */
  hist: Read<CustomerHistory>;
  fundRead: Read<Fund>;
}

/** What else the model is derived from: the session, its reads and what the element has loaded. */
export interface PickerInputs {
  session: HostSession | null;
  reads: PickerReads;
  selection: OfferSelection;
  /** Recorded: the fund already holds the spend (shown as it is, not minus the amount again). */
  done: boolean;
  /** The shared baggage assessment, once its part is loaded (host mode, asked for with the reads). */
  assess: () => typeof baggageFor | undefined;
  /** How a typed amount reads in a currency (the composer's parser, once loaded). */
  parser?: (currency: string) => ParseAmount;
  /** The currency when neither the fund nor the policy names one (the element's resolved currency). */
  currency: string;
}

export interface PickerModel extends PickerReads {
  policy: RecoveryPolicy | null;
  fund: Fund | null;
  interaction: Interaction | null;
  role: string;
  /** The fund's currency, else the policy's, else the element's. */
  currency: string;
  baseSeverity: Severity;
  baggage: BaggageLevel;
  /** The shared assessment of the customer's history (host mode, once loaded). */
  assessment?: BaggageAssessment;
  rec: Recommendation | null;
  /** The top recommendation, shown as the card with its Accept. */
  top?: Bundle;
  /** The policy's offers that make sense on the contact's channel (what the composer offers). */
  offered: Offer[];
  /** The recommended bundle the choice is exactly, if any. */
  matching?: Bundle;
  /** What accepting the top recommendation does to the fund. */
  topDecision: SpendDecision | null;
  chosen: ChosenOffer[];
  check: BundleCheck | null;
  amount: number | undefined;
  /** The typed amount's parse error code. */
  amountError: string | null;
  decision: SpendDecision | null;
  /** Bad data, as an error state (never thrown out of render). */
  failure: string | null;
}

/** Derive what the picker shows. */
export function pickerModel(props: PickerProps, loaded: PickerInputs): PickerModel {
  const { session, reads } = loaded;
  const input = { ...loaded, severity: props.severity, baggage: props.baggage, agentRole: props.agentRole, policy: props.policy, fund: props.fund, interaction: props.interaction };
  const { ctx, pol, fundRead } = reads;
  const interaction = input.interaction !== undefined ? input.interaction : (session?.interaction ?? null);
  const policy = input.policy ?? pol.value ?? (pol.status === 'none' || pol.status === 'unsupported' ? DEFAULT_POLICY : null);
  const fund = input.fund ?? fundRead.value ?? null;
  const model: PickerModel = {
    ...reads,
    policy,
    fund,
    interaction,
    role: input.agentRole || ctx.value?.agent.role || 'agent',
    currency: fund?.currency || policy?.currency || input.currency,
    baseSeverity: 'low',
    baggage: 'none',
    rec: null,
    offered: [],
    topDecision: null,
    chosen: [],
    check: null,
    amount: undefined,
    amountError: null,
    decision: null,
    failure: null,
  };
  if (!policy) return model;
  try {
    derive(model, policy, input);
  } catch (error) {
    model.failure = error instanceof Error ? error.message : String(error);
    model.rec = null;
    model.top = undefined;
  }
  return model;
}

function derive(m: PickerModel, policy: RecoveryPolicy, input: PickerInputs & PickerProps): void {
  const severities = policy.severities;
  const wanted = input.severity || m.interaction?.severity;
  m.baseSeverity = wanted && severities.includes(wanted) ? wanted : (severities[0] ?? 'low');
  const history = input.baggage ? undefined : m.hist.value;
  const assess = history && input.assess();
  m.assessment = history && assess ? assess(history, policy.baggage) : undefined;
  m.baggage = input.baggage ?? m.assessment?.level ?? 'none';
  const channel = m.interaction?.channel;
  m.offered = policy.offers.filter((o) => offeredOn(o, channel));
  m.rec = recommend({ severity: m.baseSeverity, baggage: m.baggage, policy, role: m.role, fund: m.fund, channel });
  m.top = m.rec.bundles[0];
  const { chosen, amount, amountError } = input.selection.choice(policy, input.parser?.(m.currency));
  m.chosen = chosen;
  m.amount = amount;
  m.amountError = amountError;
  m.matching = matchingBundle(m.rec.bundles, chosen);
  m.check = chosen.length ? checkBundle(chosen, { severity: m.baseSeverity, baggage: m.baggage, policy }) : null;
  const authority = authorityFor(policy, m.role);
  if (m.fund && !input.done) {
    if (amount !== undefined) m.decision = evaluateSpend(m.fund, amount, authority, policy.currency);
    if (m.top?.total) m.topDecision = evaluateSpend(m.fund, m.top.total, authority, policy.currency);
  }
}

