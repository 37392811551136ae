/**
 * What the logger works from: the taxonomy, the policy's root-cause rules, the recurrence counts,
 * the active interaction and the customer's incidents. A plain property always wins over the
 * host's data; the host's are read (shared through the session) once per update.
 */
import type { HostSession } from '../../adapter/session.js';
import { readHistory, readPolicy, readRecurrence, readTaxonomy, type Read } from '../../controllers/reads.js';
import type { Incident, Interaction, RecoveryPolicy, RecurrenceCount, RecurrencePolicy, Taxonomy } from '../../core/model.js';
import { DEFAULT_ROOT_CAUSE_POLICY } from '../../core/root-cause-policy.js';
import type { SuggestionFacts } from './root-cause-logger.typeahead.js';

/** The element's plain properties. */
export interface LoggerProps {
  taxonomy?: Taxonomy;
  recurrence?: RecurrenceCount[];
  policy?: RecoveryPolicy;
  interaction?: Interaction | null;
  incidents?: Incident[];
}

const NO_COUNTS: RecurrenceCount[] = [];

export class LoggerInputs {
  /** The host's taxonomy read (null when the page set `taxonomy`). */
  taxonomyRead: Read<Taxonomy> | null = null;
  #policyRead: Read<RecoveryPolicy> | null = null;
  #recurrenceRead: Read<RecurrenceCount[]> | null = null;
  #historyRead: Read<{ incidents: Incident[] }> | null = null;
  readonly #props: LoggerProps;
  readonly #session: () => HostSession | null;

  constructor(props: LoggerProps, session: () => HostSession | null) {
    this.#props = props;
    this.#session = session;
  }

  /** Read the host's data the page did not set (call in `willUpdate`). */
  read(): void {
    const p = this.#props;
    const session = this.#session();
    this.taxonomyRead = p.taxonomy ? null : readTaxonomy(session);
    this.#policyRead = p.policy ? null : readPolicy(session);
    this.#recurrenceRead = p.recurrence ? null : readRecurrence(session);
    this.#historyRead = p.incidents || !session?.host.can('history') ? null : readHistory(session);
  }

  get interaction(): Interaction | null {
    return this.#props.interaction !== undefined ? this.#props.interaction : (this.#session()?.interaction ?? null);
  }

  get taxonomy(): Taxonomy | undefined {
    return this.#props.taxonomy ?? this.taxonomyRead?.value;
  }

  /** The policy's root-cause rules, or undefined while the host's policy is still loading. */
  get policy(): Pick<RecoveryPolicy, 'recurrence' | 'unresolvedLimitMinutes'> | undefined {
    if (this.#props.policy) return this.#props.policy;
    const read = this.#policyRead;
    if (read?.value) return read.value;
    return read && (read.status === 'loading' || read.status === 'idle') ? undefined : DEFAULT_ROOT_CAUSE_POLICY;
  }

  /** The recurrence rule (R8): the policy's, the default policy's while it loads. */
  get recurrence(): RecurrencePolicy {
    return this.policy?.recurrence ?? DEFAULT_ROOT_CAUSE_POLICY.recurrence;
  }

  get counts(): RecurrenceCount[] | undefined {
    return this.#props.recurrence ?? this.#recurrenceRead?.value;
  }

  /** Whether the host takes the log (else saving only fires the event). */
  get canWrite(): boolean {
    return !!this.#session()?.host.can('logRootCause');
  }

  /** What the suggested cause is made from: the customer's incidents, the recurrence counts, the policy (null while loading). */
  get facts(): SuggestionFacts | null {
    const history = this.#historyRead;
    const incidents = this.#props.incidents ?? (history?.key === this.interaction?.customerId ? history?.value?.incidents : undefined);
    const counts = this.counts ?? (this.#recurrenceRead?.status === 'loading' ? undefined : NO_COUNTS);
    const policy = this.policy?.recurrence;
    return incidents && counts && policy ? { incidents, counts, policy } : null;
  }
}
