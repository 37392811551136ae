/**
 * The adapter layer every widget talks through: validation, time-outs, cancellation and one error
 * type, whatever the host adapter does.
 */
import type { Fund, HostContext, CustomerHistory, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../core/model.js';
import { HostError, toHostError } from './errors.js';
import type {
  CallOptions,
  Capabilities,
  Capability,
  HostAdapter,
  HostEventName,
  HostEvents,
  HostWrites,
  SpendRequest,
  SpendResult,
  WrapUpGuard,
  WriteKind,
  WriteReceipt,
} from './host-adapter.js';
import { CAPABILITIES } from './host-adapter.js';
import type { AnswerName, HostAnswers } from './schemas.js';

type Schemas = typeof import('./schemas.js');
let schemas: Promise<Schemas> | undefined;
let loaded: Schemas | undefined;

/**
 * The validation schemas (zod/mini, the largest part of the host boundary) load on first use of a
 * host, in parallel with the first host call: a page that renders widgets from plain properties
 * never downloads them.
 */
export function loadSchemas(): Promise<Schemas> {
  return (schemas ??= import('./schemas.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      schemas = undefined; // a failed chunk load may succeed on retry
      throw new HostError('unavailable', 'Could not load the validation of host answers.', { cause: error });
    },
  ));
}

/** Default time-out of one host call, in ms (Zendesk rejects after 10 s). */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface GuardOptions {
  timeoutMs?: number;
}

/** A validated, time-limited view of a {@link HostAdapter}. Every method rejects only with HostError. */
export interface GuardedHost {
  readonly adapter: HostAdapter;
  readonly capabilities: Capabilities;
  can(capability: Capability): boolean;
  getContext(options?: CallOptions): Promise<HostContext>;
  getHistory(customerId: string, options?: CallOptions): Promise<CustomerHistory>;
  getPolicy(options?: CallOptions): Promise<RecoveryPolicy>;
  getFund(agentId: string, options?: CallOptions): Promise<Fund>;
  getTaxonomy(options?: CallOptions): Promise<Taxonomy>;
  getRecurrence(since: string, options?: CallOptions): Promise<RecurrenceCount[]>;
  spend(request: SpendRequest, options?: CallOptions): Promise<SpendResult>;
  write<K extends WriteKind>(kind: K, payload: HostWrites[K], options?: CallOptions): Promise<WriteReceipt>;
  /** Subscribe; malformed event payloads are dropped (and reported through `onInvalidEvent`). */
  on<E extends HostEventName>(event: E, handler: (payload: HostEvents[E]) => void): () => void;
  registerWrapUpGuard(guard: WrapUpGuard): () => void;
}

/** Read the capabilities defensively: a missing or non-boolean flag is `false`. */
export function readCapabilities(adapter: HostAdapter): Capabilities {
  const raw = (adapter as { capabilities?: unknown }).capabilities;
  const caps = {} as Record<Capability, boolean>;
  for (const c of CAPABILITIES) caps[c] = !!raw && typeof raw === 'object' && (raw as Record<string, unknown>)[c] === true;
  return caps;
}

/**
 * Run one host call with a time-out and the caller's signal. Resolves with the raw answer or
 * rejects with a HostError (`timeout` when our time-out fired, the host's own error otherwise).
 */
export function callHost<T>(
  run: (signal: AbortSignal) => Promise<T> | T,
  options: CallOptions & { timeoutMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const outer = options.signal;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      controller.abort(outer?.reason);
      finish(() => reject(new HostError('unavailable', 'The call was cancelled.', { retryable: false, details: { aborted: true } })));
    };
    const timer = setTimeout(() => {
      controller.abort(new DOMException('timed out', 'TimeoutError'));
      finish(() => reject(new HostError('timeout', `The host did not answer within ${Math.round(timeoutMs / 1000)} s.`)));
    }, timeoutMs);
    if (outer?.aborted) return onAbort();
    outer?.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<T> | T;
    try {
      pending = run(controller.signal);
    } catch (error) {
      return finish(() => reject(toHostError(error)));
    }
    Promise.resolve(pending).then(
      (value) => finish(() => resolve(value)),
      (error) => finish(() => reject(toHostError(error))),
    );
  });
}

const guarded = new WeakMap<HostAdapter, GuardedHost>();

/**
 * Wrap a host adapter. The same adapter always yields the same guarded host (so widgets that share
 * an adapter share everything behind it).
 */
export function guardHost(adapter: HostAdapter, options: GuardOptions = {}): GuardedHost {
  const cached = guarded.get(adapter);
  if (cached) return cached;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const capabilities = readCapabilities(adapter);
  void loadSchemas().catch(() => {});

  const unsupported = (what: string) =>
    Promise.reject(new HostError('unsupported', `This host cannot ${what}.`, { retryable: false }));

  const read = <N extends AnswerName>(
    capability: Capability | null,
    name: N,
    what: string,
    run: (signal: AbortSignal) => Promise<unknown>,
    options?: CallOptions,
  ): Promise<HostAnswers[N]> => {
    if (capability && !capabilities[capability]) return unsupported(what);
    const validation = loadSchemas();
    return callHost(run, { ...options, timeoutMs }).then(async (value) => (await validation).parseHostAnswer(name, value));
  };

  const host: GuardedHost = {
    adapter,
    capabilities,
    can: (c) => capabilities[c],
    getContext: (o) => read(null, 'context', 'give its context', (signal) => adapter.getContext({ signal }), o),
    getHistory: (customerId, o) =>
      read('history', 'history', 'provide customer history', (signal) => adapter.getHistory(customerId, { signal }), o),
    getPolicy: (o) => read('policy', 'policy', 'provide a recovery policy', (signal) => adapter.getPolicy({ signal }), o),
    getFund: (agentId, o) => read('fund', 'fund', 'provide a fund', (signal) => adapter.getFund(agentId, { signal }), o),
    getTaxonomy: (o) => read('taxonomy', 'taxonomy', 'provide a root-cause taxonomy', (signal) => adapter.getTaxonomy({ signal }), o),
    getRecurrence: (since, o) =>
      read('recurrence', 'recurrence', 'count recurring causes', (signal) => adapter.getRecurrence(since, { signal }), o),
    spend: (request, o) => read('spend', 'spend', 'spend from a fund', (signal) => adapter.spend(request, { signal }), o),
    write: (kind, payload, o) => {
      const method = adapter[kind] as ((p: unknown, o: CallOptions) => Promise<unknown>) | undefined;
      // A lead's decision (not a Capability) is refused here: the lead view sends it (lead.ts).
      if (!capabilities[kind as Capability] || typeof method !== 'function') return unsupported(`accept ${kind}`);
      return read(kind as Capability, 'receipt', kind, (signal) => method.call(adapter, payload, { signal }), o);
    },
    on: (event, handler) => {
      if (!capabilities.events || typeof adapter.on !== 'function') return () => {};
      const parse = (validation: Schemas) => (payload: unknown) => validation.parseHostAnswer(event, payload) as HostEvents[typeof event];
      return listenValidated(
        (listener) => adapter.on!(event, listener),
        { now: () => (loaded ? parse(loaded) : null), load: () => loadSchemas().then(parse) },
        handler,
        (error) => onInvalidEvent(adapter, event, error),
      );
    },
    registerWrapUpGuard: (guard) => {
      if (!capabilities.wrapUpGuard || typeof adapter.registerWrapUpGuard !== 'function') return () => {};
      const off = adapter.registerWrapUpGuard(guard);
      return typeof off === 'function' ? off : () => {};
    },
  };
  guarded.set(adapter, host);
  return host;
}

/** How a listener validates a payload: at once when the validation is loaded, else after loading it. */
export interface EventParser<T> {
  now(): ((payload: unknown) => T) | null;
  load(): Promise<(payload: unknown) => T>;
}

/**
 * Listen to a host's event with every payload validated before `handler` sees it, in the order the
 * host sent them (synchronously once the validation is loaded, queued until then). A malformed
 * payload goes to `invalid`, never to the handler; a host whose subscribe or unsubscribe throws
 * breaks nothing. Returns the unsubscribe.
 */
export function listenValidated<T>(
  subscribe: (listener: (payload: unknown) => void) => unknown,
  parser: EventParser<T>,
  handler: (value: T) => void,
  invalid: (error: HostError) => void = () => {},
): () => void {
  let active = true;
  let off: unknown;
  let queue: Promise<void> | null = null;
  const deliver = (parse: (payload: unknown) => T, payload: unknown) => {
    if (!active) return;
    let value: T;
    try {
      value = parse(payload);
    } catch (error) {
      invalid(toHostError(error));
      return;
    }
    handler(value);
  };
  try {
    off = subscribe((payload) => {
      if (!active) return;
      const parse = parser.now();
      if (parse && !queue) return deliver(parse, payload);
      const next: Promise<void> = (queue ?? Promise.resolve())
        .then(() => parser.load())
        .then((p) => deliver(p, payload), () => {})
        .finally(() => {
          if (queue === next) queue = null;
        });
      queue = next;
    });
  } catch {
    off = undefined;
  }
  return () => {
    active = false;
    try {
      if (typeof off === 'function') off();
    } catch {
      /* a host's unsubscribe that throws must not break the widget */
    }
  };
}

/** Malformed events are dropped; the page can hear about them. */
function onInvalidEvent(adapter: HostAdapter, event: string, error: HostError): void {
  void adapter;
  if (typeof globalThis.dispatchEvent === 'function' && typeof CustomEvent === 'function') {
    globalThis.dispatchEvent(new CustomEvent('mend-host-invalid-event', { detail: { event, error } }));
  }
}
