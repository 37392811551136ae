/**
 * The domain model shared by the core rules, the host boundary and the widgets.
 *
 * Plain data only: no Lit, no DOM. Money is always an integer number of minor units
 * (cents for USD, yen for JPY, fils for KWD) together with an ISO 4217 currency code.
 * Dates travel as ISO 8601 strings.
 *
 * Every list of allowed values is an `as const` array with a derived union type so that
 * tests, stories and docs enumerate the same list.
 */

/** The three remedies a company has after an error (R1). */
export const REMEDY_KINDS = ['apology', 'assistance', 'compensation'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/** Default severity ladder; a policy may define its own (ordered least to most severe). */
export const DEFAULT_SEVERITIES = ['low', 'medium', 'high'] as const;
/** A severity is one of the policy's levels (`low`, `medium`, `high` by default). */
export type Severity = string;

export const CHANNELS = ['voice', 'chat', 'email', 'messaging', 'social', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const BAGGAGE_LEVELS = ['none', 'light', 'heavy'] as const;
export type BaggageLevel = (typeof BAGGAGE_LEVELS)[number];

export const SPEND_STATUSES = ['done', 'pending_approval', 'rejected'] as const;
export type SpendStatus = (typeof SPEND_STATUSES)[number];

export const FUND_PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export type FundPeriod = (typeof FUND_PERIODS)[number];

/** The agent at the desk. `role` selects the authority limits in the policy (e.g. `agent`, `lead`). */
export interface Agent {
  id: string;
  name: string;
  role: string;
}

/** The contact the agent is handling now (call, chat, email, ticket...). */
export interface Interaction {
  id: string;
  customerId: string;
  channel: Channel;
  /** ISO 8601. */
  startedAt: string;
  /** Display name of the customer, when the host knows it. Customer text: render as text only. */
  customerName?: string;
  /** Subject line or first message. Customer text. */
  subject?: string;
  /** The severity of the current issue, when the host or agent set one. */
  severity?: Severity;
  /** Whether the interaction is resolved (drives the R10 time limit). */
  resolved?: boolean;
}

/** What every host gives a widget up front. */
export interface HostContext {
  agent: Agent;
  interaction: Interaction | null;
  /** BCP 47 locale, e.g. `en-US`, `de-DE`. */
  locale: string;
  /** ISO 4217 currency of the agent's fund and the offers, e.g. `USD`. */
  currency: string;
}

/** A remedy that was given to the customer in a past incident. */
export interface RemedyGiven {
  kind: RemedyKind;
  label: string;
  /** Integer minor units, when the remedy was monetary. */
  amount?: number;
  currency?: string;
}

/** One past bad experience of the customer (R4). */
export interface Incident {
  id: string;
  /** ISO 8601. */
  occurredAt: string;
  severity: Severity;
  category: string;
  /** Customer-facing summary. Customer text: render as text only. */
  summary: string;
  resolved: boolean;
  remedies: RemedyGiven[];
  /** Post-contact survey score from 1 (worst) to 5 (best), or null when not surveyed. */
  surveyScore: number | null;
}

export interface Customer {
  id: string;
  name: string;
  /** Optional value tier (e.g. `standard`, `gold`). */
  tier?: string;
}

export interface CustomerHistory {
  customer: Customer;
  incidents: Incident[];
}

/** One entry of the policy's offer catalog. */
export interface Offer {
  id: string;
  /** What the offer counts as under R1/R3. */
  kind: RemedyKind;
  label: string;
  description?: string;
  /** Whether it draws on the agent's fund. Non-monetary remedies (policy review, expedited replacement) do not. */
  monetary: boolean;
  /** Preset amount in integer minor units, for monetary offers. */
  amount?: number;
  /** The agent may type the amount (bounded by authority and fund). */
  customAmount?: boolean;
  /**
   * Whether this offer counts toward its kind when judging a recovery (default true). A policy can
   * offer a gesture that is nice to have but does not, by itself, satisfy the rule.
   */
  counts?: boolean;
  /** Least severity at which the offer is suggested (default: every severity). */
  minSeverity?: Severity;
  /** Reason code recorded in the fund ledger (e.g. `item_damaged`, `goodwill`). */
  reason?: string;
  /** Channels on which the offer makes no sense (e.g. "Escalate to a voice call" on a voice call): not offered there. */
  notOn?: Channel[];
}

/** Per severity: which remedies together make a sufficient recovery (R3). */
export interface SeverityRule {
  severity: Severity;
  /** `any`: assistance or compensation is enough; `all`: every listed kind is needed. */
  mode: 'any' | 'all';
  requires: Array<'assistance' | 'compensation'>;
}

/** What a role may give without asking (R6, R7). Integer minor units. */
export interface AuthorityLimit {
  role: string;
  /** Largest single action this role may give without approval. */
  maxPerAction: number;
}

export interface BaggagePolicy {
  /** Incidents older than this are not baggage. Default 365. */
  windowDays: number;
  /** Window for "recent" (unresolved or poorly rated) incidents. Default 90. */
  recentDays: number;
  /** Survey score at or below which dissatisfaction is severe (R5). Default 1 (of 5). */
  severeScore: number;
  /** Survey score at or below which the experience counts as bad. Default 2. */
  poorScore: number;
  /** A callback is recommended for severe dissatisfaction within this many days. Default 30. */
  callbackDays: number;
  /** Weighted points at which baggage becomes heavy. Default 4. */
  heavyPoints: number;
}

export interface RecurrencePolicy {
  /** Window for counting repeats of a root cause. Default 7 days. */
  windowDays: number;
  /** Count at which a root cause is recurring. Default 5. */
  threshold: number;
}

/** The recovery policy the host enforces; the widgets show and pre-check it. */
export interface RecoveryPolicy {
  id: string;
  version: number;
  currency: string;
  /** Ordered least to most severe. */
  severities: Severity[];
  rules: SeverityRule[];
  offers: Offer[];
  authority: AuthorityLimit[];
  baggage: BaggagePolicy;
  recurrence: RecurrencePolicy;
  /** R10: minutes after which an unresolved interaction notifies a manager. Default 30. */
  unresolvedLimitMinutes: number;
}

export interface LedgerEntry {
  id: string;
  /** ISO 8601. */
  at: string;
  /** Integer minor units. */
  amount: number;
  reason: string;
  interactionId: string;
  offerId?: string;
  status: SpendStatus;
  /** Free text the agent added. */
  note?: string;
}

/** The agent's discretionary fund for the current period (R6, R7). Integer minor units. */
export interface Fund {
  agentId: string;
  currency: string;
  budget: number;
  spent: number;
  /** Amount awaiting approval. */
  pending: number;
  /** Hard cap per action: above it nothing is given from this fund, even with approval. */
  perActionCap: number;
  /** Above this amount a spend needs approval. */
  approvalThreshold: number;
  period: FundPeriod;
  /** ISO 8601. */
  periodStart: string;
  /** ISO 8601. */
  periodEnd: string;
  /** Increases with every change; a spend names the version it saw. */
  version: number;
  ledger: LedgerEntry[];
}

export interface Department {
  id: string;
  name: string;
}

export interface RootCause {
  id: string;
  label: string;
  category: string;
  departmentId: string;
  /** Extra words the type-ahead matches. */
  keywords?: string[];
}

export interface Taxonomy {
  version: number;
  departments: Department[];
  causes: RootCause[];
}

export interface RecurrenceCount {
  causeId: string;
  count: number;
}

/** An offer as chosen by the agent, with the amount actually given. */
export interface ChosenOffer {
  offerId: string;
  kind: RemedyKind;
  label: string;
  /** Integer minor units, for monetary offers. */
  amount?: number;
}
