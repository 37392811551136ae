/**
 * What the logger works from: the taxonomy, the policy's root-cause rules, the recurrence counts,
 * the active interaction and the customer's incidents. A plain property always wins over the
 * host's data; the host's are read (shared through the session) once per update.
 */
import type { HostSession } from '../../adapter/session.js';
import { readHistory, readPolicy, readRecurrence, readTaxonomy, type Read } from '../../controllers/reads.js';
import type { Incident, Interaction, RecoveryPolicy, RecurrenceCount, RecurrencePolicy, Taxonomy } from '../../core/model.js';
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

  /**
   * The policy's root-cause rules; undefined while the host's policy is still loading, null when
   * there is none to use (the default policy's rules apply: the form knows them).
   */
  get policy(): Pick<RecoveryPolicy, 'recurrence' | 'unresolvedLimitMinutes'> | null | undefined {
    if (this.#props.policy) return this.#props.policy;
    const read = this.#policyRead;
    if (read?.value) return read.value;
    return read && (read.status === 'loading' || read.status === 'idle') ? undefined : null;
  }

  get counts(): RecurrenceCount[] | undefined {
    return this.#props.recurrence ?? this.#recurrenceRead?.value;
  }

  /** Whether the host takes the log (else saving only fires the event). */
  get canWrite(): boolean {
    return !!this.#session()?.host.can('logRootCause');
  }

  /** What the suggested cause is made from: the customer's incidents, the recurrence counts, the `policy` (null while loading). */
  facts(policy: RecurrencePolicy | undefined): SuggestionFacts | null {
    const history = this.#historyRead;
    const incidents = this.#props.incidents ?? (history?.key === this.interaction?.customerId ? history?.value?.incidents : undefined);
    const counts = this.counts ?? (this.#recurrenceRead?.status === 'loading' ? undefined : NO_COUNTS);
    return incidents && counts && policy ? { incidents, counts, policy } : null;
  }
}
