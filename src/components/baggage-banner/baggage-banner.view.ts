/**
 * The banner's view model: what `<mend-baggage-banner>` shows, computed from its properties and the
 * host's reads, with no DOM. The element gathers the inputs (its properties, the session's reads) in
 * `willUpdate`; this module decides the state (idle, loading, ready, error, unsupported), the
 * customer, the history and the assessment. What a ready banner shows of it (the summary, the
 * talking points' order, the status line) is in baggage-banner.summary.ts, loaded with the ready
 * view. Tested without an element in test/baggage-banner/view.test.ts.
 */
import type { HostError } from '../../adapter/errors.js';
import type { baggageFor } from '../../controllers/baggage.js';
import type { Read } from '../../controllers/reads.js';
import type { BaggageAssessment } from '../../core/baggage.js';
import type { KeyedWrite } from '../../core/write-key.js';
import type {
  BaggagePolicy,
  Customer,
  CustomerHistory,
  HostContext,
  Incident,
  Interaction,
  RecoveryPolicy,
} from '../../core/model.js';

/** What the banner is showing (reflected as the `state` attribute for CSS). */
export const BANNER_STATES = ['idle', 'loading', 'ready', 'error', 'unsupported'] as const;
export type BannerState = (typeof BANNER_STATES)[number];

/** How a customer without baggage is shown (`none-display` attribute). */
export const NONE_DISPLAYS = ['quiet', 'hidden'] as const;
export type NoneDisplay = (typeof NONE_DISPLAYS)[number];

/** History rows rendered per "Show more": the cost follows what is visible, not the history length. */
export const HISTORY_PAGE = 50;

/** The agent's two writes (keyed per interaction, shared with the picker: src/core/write-key.ts). */
export type BannerWrite = KeyedWrite;

export const LEVEL_KEYS = { none: 'baggageNone', light: 'baggageLight', heavy: 'baggageHeavy' } as const;

export interface BannerView {
  state: BannerState;
  /** The interaction the banner shows, or '' (plain properties without an interaction id). */
  interactionId: string;
  customer?: Customer;
  history?: CustomerHistory;
  assessment?: BaggageAssessment;
  error?: { text: string; retry: () => void };
}

/** What the view is computed from: the element's properties and, with a host, its reads. */
export interface BannerInputs {
  interactionId?: string;
  customer?: Customer;
  incidents?: Incident[];
  policy?: RecoveryPolicy | Partial<BaggagePolicy>;
  now?: number | Date;
  /** A part of the banner that could not be loaded (the network failed): the error state, with a Retry. */
  unloaded?: HostError;
  /** The host's side; absent in plain-properties mode without an adapter. */
  host?: {
    interaction: Interaction | null;
    /** Read lazily: plain incidents need no context. */
    context: () => Read<HostContext>;
    /** Whether the host shares customer history. */
    canHistory: boolean;
    /** Read lazily: only when the history is needed (a read starts a load). */
    history: () => Read<CustomerHistory>;
    policy: () => Read<RecoveryPolicy>;
  };
}

/** The assessment (`baggageFor` of src/controllers/baggage.ts, loaded on demand by the element). */
export type Assess = typeof baggageFor;

/** The words the view needs (the element's `t` and `failure`). */
export interface BannerWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  failure: (error: HostError | undefined) => string;
  /** Compute again (the retry of an assessment that failed on malformed page data). */
  refresh: () => void;
}

/** One history object per page-given (customer, incidents) pair: the assessment memo keys on it. */
const plainHistories = new WeakMap<Incident[], { customer: Customer | undefined; fallback: string; history: CustomerHistory }>();

function plainHistory(incidents: Incident[], customer: Customer | undefined, fallback: Customer): CustomerHistory {
  const key = `${fallback.id}|${fallback.name}`;
  const hit = plainHistories.get(incidents);
  if (hit && hit.customer === customer && (customer || hit.fallback === key)) return hit.history;
  const history = { customer: customer ?? fallback, incidents };
  plainHistories.set(incidents, { customer, fallback: key, history });
  return history;
}

const EMPTY: Incident[] = [];

/**
 * The banner's state, customer, history and assessment. Without `assess` (the assessment rules not
 * loaded yet) a banner that has its history is still `loading`.
 */
export function bannerView(input: BannerInputs, words: BannerWords, assess?: Assess): BannerView {
  const host = input.host;
  const interaction = host?.interaction ?? null;
  const interactionId = input.interactionId ?? interaction?.id ?? '';
  if (input.unloaded) {
    return { state: 'error', interactionId, error: { text: words.t('errorPrefix', { message: words.failure(input.unloaded) }), retry: words.refresh } };
  }

  let history: CustomerHistory;
  if (input.incidents !== undefined) {
    const incidents = Array.isArray(input.incidents) ? input.incidents : EMPTY;
    const fallback = { id: interaction?.customerId ?? '', name: interaction?.customerName ?? '' };
    history = plainHistory(incidents, input.customer, fallback);
  } else {
    if (!host) return { state: 'idle', interactionId };
    const context = host.context();
    if (context.status === 'error' && !context.value) {
      return {
        state: 'error',
        interactionId,
        error: {
          // The console answered: only a connection failure is "could not reach".
          text: words.t(context.error?.code === 'invalid_response' ? 'baggageErrorContextInvalid' : 'baggageErrorContext', {
            message: words.failure(context.error),
          }),
          retry: context.retry,
        },
      };
    }
    if (!context.value) return { state: 'loading', interactionId };
    if (!interaction) return { state: 'idle', interactionId };
    const customer = input.customer ?? { id: interaction.customerId, name: interaction.customerName ?? '' };
    if (!host.canHistory) return { state: 'unsupported', interactionId, customer };
    const read = host.history();
    if (read.status === 'unsupported') return { state: 'unsupported', interactionId, customer };
    if (read.status === 'error') {
      return {
        state: 'error',
        interactionId,
        customer,
        error: { text: words.t('baggageErrorHistory', { message: words.failure(read.error) }), retry: read.retry },
      };
    }
    // The read is keyed to the active interaction's customer: never another customer's history.
    if (!read.value || read.key !== interaction.customerId) return { state: 'loading', interactionId, customer };
    history = read.value;
  }

  let policy: Partial<BaggagePolicy> | undefined;
  if (input.policy) {
    policy = 'baggage' in input.policy ? input.policy.baggage : input.policy;
  } else if (host) {
    const read = host.policy();
    // A policy that failed or is not provided falls back to the default baggage rules.
    if ((read.status === 'loading' || read.status === 'idle') && !read.value) {
      return { state: 'loading', interactionId, customer: input.customer ?? history.customer };
    }
    policy = read.value?.baggage;
  }

  const customer = input.customer ?? history.customer;
  if (!assess) return { state: 'loading', interactionId, customer };
  try {
    const now = input.now === undefined ? undefined : +input.now;
    const assessment = assess(history, policy, now);
    return { state: 'ready', interactionId, customer, history, assessment };
  } catch {
    return { state: 'error', interactionId, customer, error: { text: words.t('baggageInvalid'), retry: words.refresh } };
  }
}
