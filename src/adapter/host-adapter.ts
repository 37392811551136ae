/**
 * The one boundary between the widgets and a host console (Zendesk, Salesforce, Genesys, Amazon
 * Connect, Webex, a home-grown CRM...). Shaped after the host SDKs: a context up front, events that
 * return their unsubscribe function, async reads and idempotent async writes, declared
 * capabilities instead of failures.
 *
 * An adapter may be written loosely: everything it returns is validated by {@link guardHost}
 * before a widget sees it, and every failure becomes a {@link HostError}.
 */
import type {
  Customer,
  CustomerHistory,
  ChosenOffer,
  Fund,
  HostContext,
  Interaction,
  RecoveryPolicy,
  RecurrenceCount,
  Severity,
  SpendStatus,
  Taxonomy,
} from '../core/model.js';
import type { ApprovalDecision, LeadAdapter, LeadCapability, LeadEvents } from './lead.js';

/** What the host can do. A widget checks these and shows a quiet "not available" state instead of failing. */
export const CAPABILITIES = [
  'history',
  'policy',
  'fund',
  'taxonomy',
  'recurrence',
  'recordRecovery',
  'spend',
  'logRootCause',
  'acknowledgeBaggage',
  'requestCallback',
  'notifyManager',
  'wrapUpGuard',
  'events',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The required capabilities, plus the optional lead ones (`approvals`, `reports`: see `lead.ts`). */
export type Capabilities = Readonly<Record<Capability, boolean>> & Readonly<Partial<Record<LeadCapability, boolean>>>;

/** Options every call takes. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Every write carries a key: a replayed key must return the first answer and apply nothing. */
export interface WriteBase {
  idempotencyKey: string;
  interactionId: string;
  customerId: string;
  /** ISO 8601, when the agent did it. */
  at: string;
}

export interface RecoveryRecord extends WriteBase {
  severity: Severity;
  offers: ChosenOffer[];
  /** Accepted by the customer (or rejected), as a next-best-action reaction. */
  accepted: boolean;
  /** The rule or strategy the recommendation came from, e.g. `R3:high`. */
  strategy: string;
  /** Ledger id of the fund spend for the compensation, if any. */
  spendId?: string;
}

export interface RootCauseLog extends WriteBase {
  problem: string;
  causeId: string;
  departmentId: string;
  resolution: string;
  notifyDepartment: boolean;
}

export interface BaggageAcknowledgement extends WriteBase {
  incidentIds: string[];
}

export interface CallbackRequest extends WriteBase {
  reason: string;
}

export interface ManagerNotice extends WriteBase {
  /** Minutes the interaction has been open. */
  minutesOpen: number;
  limitMinutes: number;
}

export interface SpendRequest extends WriteBase {
  agentId: string;
  /** Integer minor units, > 0. */
  amount: number;
  currency: string;
  reason: string;
  offerId?: string;
  note?: string;
  /** The fund version the agent saw; a different current version is a `conflict`. */
  expectedVersion: number;
}

export interface SpendResult {
  status: SpendStatus;
  /** Ledger entry id (the same for a replayed key). */
  entryId: string;
  /** The fund after the spend. */
  fund: Fund;
  /** Why it is pending or rejected, in the host's words. */
  message?: string;
}

export interface WriteReceipt {
  id: string;
}

/** Events a host fires. Handlers must tolerate duplicates. */
export interface HostEvents {
  interactionChanged: { interaction: Interaction | null };
  interactionEnded: { interactionId: string };
  fundChanged: { fund: Fund };
}
/** Every event an adapter may fire: the agent's, and the optional lead ones (`lead.ts`). */
export interface AnyHostEvents extends HostEvents, LeadEvents {}
export type HostEventName = keyof HostEvents;

/** Answer of a wrap-up guard: whether the host may let the agent wrap up now. */
export interface WrapUpVerdict {
  allow: boolean;
  message?: string;
}
export type WrapUpGuard = (interactionId: string) => Promise<WrapUpVerdict> | WrapUpVerdict;

/** The write operations, by name; the durable outbox stores these. */
export interface HostWrites {
  recordRecovery: RecoveryRecord;
  logRootCause: RootCauseLog;
  acknowledgeBaggage: BaggageAcknowledgement;
  requestCallback: CallbackRequest;
  notifyManager: ManagerNotice;
  /**
   * A lead's decision on a spend pending approval (capability `approvals`). Not in WRITE_KINDS:
   * `guardHost().write` refuses it; the lead view (`leadHost`) sends it, through its own outbox.
   */
  decideApproval: ApprovalDecision;
}
export type WriteKind = keyof HostWrites;
export const WRITE_KINDS = [
  'recordRecovery',
  'logRootCause',
  'acknowledgeBaggage',
  'requestCallback',
  'notifyManager',
] as const satisfies readonly WriteKind[];

/**
 * The interface an integrator implements for their host console. Small and async. Methods for
 * capabilities the host lacks may throw `HostError('unsupported')` or be left out (optional ones).
 */
export interface HostAdapter extends LeadAdapter {
  readonly capabilities: Capabilities;
  /**
   * A stable name for what this adapter connects to (e.g. the console and agent), used to scope the
   * durable outbox in IndexedDB: writes stored under a scope are delivered by the next page with
   * an adapter of the same scope. Default `default`.
   */
  readonly storageScope?: string;
  getContext(options?: CallOptions): Promise<HostContext>;
  getHistory(customerId: string, options?: CallOptions): Promise<CustomerHistory>;
  getPolicy(options?: CallOptions): Promise<RecoveryPolicy>;
  getFund(agentId: string, options?: CallOptions): Promise<Fund>;
  getTaxonomy(options?: CallOptions): Promise<Taxonomy>;
  /** Counts of root causes logged since `since` (ISO 8601). */
  getRecurrence(since: string, options?: CallOptions): Promise<RecurrenceCount[]>;
  recordRecovery(record: RecoveryRecord, options?: CallOptions): Promise<WriteReceipt>;
  spend(request: SpendRequest, options?: CallOptions): Promise<SpendResult>;
  logRootCause(log: RootCauseLog, options?: CallOptions): Promise<WriteReceipt>;
  acknowledgeBaggage(ack: BaggageAcknowledgement, options?: CallOptions): Promise<WriteReceipt>;
  requestCallback(request: CallbackRequest, options?: CallOptions): Promise<WriteReceipt>;
  notifyManager?(notice: ManagerNotice, options?: CallOptions): Promise<WriteReceipt>;
  /** Subscribe to a host event; returns the unsubscribe function. */
  on<E extends HostEventName>(event: E, handler: (payload: HostEvents[E]) => void): () => void;
  /** Hosts that can hold a save or a wrap-up (Zendesk `ticket.save`, Flex `before*`) call the guard first. */
  registerWrapUpGuard?(guard: WrapUpGuard): () => void;
}

export type { Customer };
