/**
 * A postMessage bridge for consoles that host apps in an iframe (Zendesk, Genesys, Amazon Connect).
 *
 * - Inside the iframe, {@link BridgeAdapter} is a {@link HostAdapter} whose every call travels to the
 *   parent page: `new BridgeAdapter({ target: window.parent, targetOrigin: 'https://console.example' })`,
 *   then `await adapter.ready` before handing it to `<mend-host>` (the capabilities come from the host).
 * - On the host page, {@link exposeAdapter} wraps the real adapter for exactly one iframe:
 *   `const dispose = exposeAdapter(adapter, { iframe, origin: 'https://widgets.example' })`.
 *
 * Both ends check the exact origin AND the exact window of every message and drop anything else.
 * The host end validates every request (allow-listed method, sane argument shapes, amounts that are
 * safe non-negative integers) before the real adapter sees it. Answers coming back into the iframe
 * are not trusted either: the widgets validate them through `guardHost` as for any adapter; the
 * bridge only checks the envelope.
 *
 * Wire format: `{ type: 'mend-bridge', kind, channel, id, ... }` where `kind` is one of
 * `hello` / `welcome` (handshake; the host picks a random channel id), `call` (`method`, `args`),
 * `result` (`ok`, `value` or a serialized HostError `error`), `cancel`, `event` (`event`, `payload`,
 * `id` = the subscription key), `guard` / `verdict` (wrap-up guard asked by the host), `ping` (a
 * host that (re)starts asks the iframe to say hello again).
 */
import { REMEDY_KINDS } from '../core/model.js';
import { HostError, toHostError } from './errors.js';
import {
  CAPABILITIES,
  type CallOptions,
  type Capabilities,
  type Capability,
  type HostAdapter,
  type HostEventName,
  type HostEvents,
  type WrapUpGuard,
  type WrapUpVerdict,
} from './host-adapter.js';

export const BRIDGE_TYPE = 'mend-bridge';
const DEFAULT_BRIDGE_TIMEOUT_MS = 10_000;
const MAX_TEXT = 20_000;
const MAX_SUBSCRIPTIONS = 100;

type Kind = 'hello' | 'welcome' | 'call' | 'result' | 'cancel' | 'event' | 'guard' | 'verdict' | 'ping';
const KINDS: readonly Kind[] = ['hello', 'welcome', 'call', 'result', 'cancel', 'event', 'guard', 'verdict', 'ping'];

/** One message on the wire. Everything but `type`, `kind` and `id` depends on the kind. */
export interface BridgeMessage {
  type: typeof BRIDGE_TYPE;
  kind: Kind;
  channel: string;
  id: string;
  method?: string;
  args?: unknown[];
  ok?: boolean;
  value?: unknown;
  error?: unknown;
  event?: string;
  payload?: unknown;
  capabilities?: unknown;
}

const EVENTS: readonly HostEventName[] = ['interactionChanged', 'interactionEnded', 'fundChanged'];

/** 128 random bits: request ids and channels are unique and cannot be guessed by another frame. */
function newId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An exact origin such as `https://console.example` (never `*`, never a path). */
function exactOrigin(origin: string, what: string): string {
  let parsed = '';
  try {
    parsed = new URL(origin).origin;
  } catch {
    /* fall through */
  }
  if (!origin || parsed !== origin || parsed === 'null') {
    throw new TypeError(`${what} must be an exact origin such as "https://console.example", not "${origin}".`);
  }
  return origin;
}

/** The envelope check both ends do before looking at a message. */
function envelope(data: unknown): BridgeMessage | null {
  const m = data as Partial<BridgeMessage> | null;
  if (!m || typeof m !== 'object' || m.type !== BRIDGE_TYPE) return null;
  if (!KINDS.includes(m.kind as Kind) || typeof m.id !== 'string' || typeof m.channel !== 'string') return null;
  return m as BridgeMessage;
}

function capabilitiesOf(raw: unknown): Capabilities {
  const caps = {} as Record<Capability, boolean>;
  for (const c of CAPABILITIES) caps[c] = !!raw && typeof raw === 'object' && (raw as Record<string, unknown>)[c] === true;
  return Object.freeze(caps);
}

/** A structured-clone-safe HostError. */
function serialize(error: unknown): ReturnType<HostError['toJSON']> {
  return toHostError(error).toJSON();
}

/** Rebuild the HostError the host page serialized (code, message, retryable, details). */
function errorFrom(raw: unknown): HostError {
  if (!raw || typeof raw !== 'object') return new HostError('invalid_response', 'The host page sent a malformed error.', { retryable: false });
  return toHostError({ ...(raw as object), name: 'HostError' });
}

function send(target: Window | null | undefined, message: Omit<BridgeMessage, 'type'>, origin: string): void {
  if (!target) return;
  const full = { type: BRIDGE_TYPE, ...message };
  try {
    target.postMessage(full, origin);
  } catch {
    // Not cloneable (a function in an answer, a details object with a DOM node...): say so instead.
    if (message.kind === 'result' || message.kind === 'verdict') {
      const error = message.ok === false
        ? { ...serialize(message.error), details: {} }
        : serialize(new HostError('invalid_response', 'The answer cannot cross the iframe boundary.', { retryable: false }));
      try {
        target.postMessage({ ...full, ok: false, value: undefined, error }, origin);
      } catch {
        /* the window is gone */
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Request validation on the host side: the iframe is another origin, its requests are input.

type Check = (value: unknown, path: string) => unknown;

const refuse = (message: string): never => {
  throw new HostError('invalid_request', message, { retryable: false });
};
const str: Check = (v, p) =>
  typeof v === 'string' && v.length <= MAX_TEXT ? v : refuse(`${p} must be text (at most ${MAX_TEXT} characters).`);
const bool: Check = (v, p) => (typeof v === 'boolean' ? v : refuse(`${p} must be true or false.`));
const count: Check = (v, p) =>
  Number.isSafeInteger(v) && (v as number) >= 0 ? v : refuse(`${p} must be a whole number, 0 or more.`);
/** Integer minor units: not negative, not fractional, not beyond safe integers. */
const minor: Check = (v, p) =>
  Number.isSafeInteger(v) && (v as number) >= 0
    ? v
    : refuse(`${p} must be a whole number of minor units (cents), from 0 to ${Number.MAX_SAFE_INTEGER}; got ${String(v)}.`);
const positiveMinor: Check = (v, p) => (minor(v, p) === 0 ? refuse(`${p} must be more than 0.`) : v);
const currencyCode: Check = (v, p) =>
  typeof v === 'string' && /^[A-Z]{3}$/.test(v) ? v : refuse(`${p} must be an ISO 4217 currency code such as "USD".`);
const opt = (check: Check): Check => (v, p) => (v === undefined ? undefined : check(v, p));
const list = (check: Check): Check => (v, p) =>
  Array.isArray(v) && v.length <= 1000 ? v.map((item, i) => check(item, `${p}.${i}`)) : refuse(`${p} must be a list.`);
const oneOf = (values: readonly string[]): Check => (v, p) =>
  values.includes(v as string) ? v : refuse(`${p} must be one of ${values.join(', ')}.`);
/** A plain object with exactly the known keys (anything else is dropped, never forwarded). */
const obj = (shape: Record<string, Check>): Check => (v, p) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return refuse(`${p} must be an object.`);
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(shape)) {
    const value = check((v as Record<string, unknown>)[key], `${p}.${key}`);
    if (value !== undefined) out[key] = value;
  }
  return out;
};
const write = (shape: Record<string, Check>) =>
  obj({ idempotencyKey: str, interactionId: str, customerId: str, at: str, ...shape });

/** The allow-list: method name -> checks of its arguments (exact arity). */
const METHODS = new Map<string, Check[]>([
  ['getContext', []],
  ['getHistory', [str]],
  ['getPolicy', []],
  ['getFund', [str]],
  ['getTaxonomy', []],
  ['getRecurrence', [str]],
  [
    'recordRecovery',
    [
      write({
        severity: str,
        offers: list(obj({ offerId: str, kind: oneOf(REMEDY_KINDS), label: str, amount: opt(minor) })),
        accepted: bool,
        strategy: str,
        spendId: opt(str),
      }),
    ],
  ],
  [
    'spend',
    [
      write({
        agentId: str,
        amount: positiveMinor,
        currency: currencyCode,
        reason: str,
        offerId: opt(str),
        note: opt(str),
        expectedVersion: count,
      }),
    ],
  ],
  ['logRootCause', [write({ problem: str, causeId: str, departmentId: str, resolution: str, notifyDepartment: bool })]],
  ['acknowledgeBaggage', [write({ incidentIds: list(str) })]],
  ['requestCallback', [write({ reason: str })]],
  ['notifyManager', [write({ minutesOpen: count, limitMinutes: count })]],
  ['on', [oneOf(EVENTS), str]],
  ['off', [str]],
  ['registerWrapUpGuard', [str]],
]);

const WRITES = new Set(['recordRecovery', 'spend', 'logRootCause', 'acknowledgeBaggage', 'requestCallback', 'notifyManager']);

/** Check a request from the iframe; returns the cleaned arguments or throws `invalid_request`. */
export function checkBridgeRequest(method: unknown, args: unknown, currency?: string): unknown[] {
  const checks = typeof method === 'string' ? METHODS.get(method) : undefined;
  if (!checks) return refuse(`"${String(method).slice(0, 64)}" is not a method the bridge forwards.`);
  if (!Array.isArray(args) || args.length !== checks.length) return refuse(`${method} takes ${checks.length} argument(s).`);
  const clean = checks.map((check, i) => check(args[i], WRITES.has(method as string) ? 'request' : `argument ${i + 1}`));
  if (method === 'spend' && currency && (clean[0] as { currency: string }).currency !== currency) {
    refuse(`request.currency must be ${currency}, the currency of this host; got ${(clean[0] as { currency: string }).currency}.`);
  }
  return clean;
}

// ---------------------------------------------------------------------------------------------
// Host side

export interface ExposeOptions {
  /** The iframe the widgets run in, or its exact `contentWindow`. */
  iframe: HTMLIFrameElement | Window;
  /** The exact origin of the widget page, e.g. `https://widgets.example`. */
  origin: string;
  /** How long a wrap-up guard waits for the iframe (ms, default 10 s). */
  timeoutMs?: number;
  /** When set, spends in any other currency are refused at the boundary. */
  currency?: string;
}

/**
 * Serve `adapter` to the widgets in one iframe. Returns the dispose function, which stops
 * listening, cancels calls in flight and unsubscribes every event and guard.
 *
 * A wrap-up guard the iframe does not answer in time (or answers with garbage) lets the wrap-up
 * go ahead with a message: a dead widget must never lock the agent in a contact.
 */
export function exposeAdapter(adapter: HostAdapter, options: ExposeOptions): () => void {
  const origin = exactOrigin(options.origin, 'exposeAdapter origin');
  const timeoutMs = options.timeoutMs ?? DEFAULT_BRIDGE_TIMEOUT_MS;
  const frame = options.iframe;
  const peer = (): Window | null =>
    typeof HTMLIFrameElement !== 'undefined' && frame instanceof HTMLIFrameElement ? frame.contentWindow : (frame as Window);
  let channel = '';
  let hello = '';
  let seen = new Set<string>();
  const inflight = new Map<string, AbortController>();
  const subs = new Map<string, () => void>();
  const verdicts = new Map<string, (m: BridgeMessage) => void>();
  const post = (m: Omit<BridgeMessage, 'type' | 'channel'>) => send(peer(), { channel, ...m }, origin);

  const reset = () => {
    for (const c of inflight.values()) c.abort();
    for (const off of subs.values()) safely(off);
    for (const settle of verdicts.values()) settle({ kind: 'verdict', ok: false } as BridgeMessage);
    inflight.clear();
    subs.clear();
    verdicts.clear();
    seen = new Set();
  };

  const askGuard = (key: string, interactionId: string): Promise<WrapUpVerdict> =>
    new Promise((resolve) => {
      const id = newId();
      const fallback = { allow: true, message: 'The recovery widgets did not answer; wrap-up was allowed.' };
      const timer = setTimeout(() => settle({} as BridgeMessage), timeoutMs);
      const settle = (m: BridgeMessage) => {
        clearTimeout(timer);
        verdicts.delete(id);
        const v = m.value as Partial<WrapUpVerdict> | undefined;
        const good = m.ok === true && v && typeof v.allow === 'boolean' && (v.message === undefined || typeof v.message === 'string');
        resolve(good ? { allow: v.allow as boolean, ...(v.message === undefined ? {} : { message: v.message }) } : fallback);
      };
      verdicts.set(id, settle);
      post({ kind: 'guard', id, event: key, args: [interactionId] });
    });

  const call = async (m: BridgeMessage): Promise<unknown> => {
    const args = checkBridgeRequest(m.method, m.args, options.currency);
    const method = m.method as string;
    if (method === 'off') {
      const off = subs.get(args[0] as string);
      subs.delete(args[0] as string);
      if (off) safely(off);
      return null;
    }
    if (method === 'on' || method === 'registerWrapUpGuard') {
      const key = args[method === 'on' ? 1 : 0] as string;
      const fn = adapter[method] as unknown;
      if (subs.size >= MAX_SUBSCRIPTIONS && !subs.has(key)) refuse(`At most ${MAX_SUBSCRIPTIONS} subscriptions per iframe.`);
      if (typeof fn !== 'function') throw new HostError('unsupported', `This host cannot ${method === 'on' ? 'send events' : 'hold a wrap-up'}.`, { retryable: false });
      const sent = channel;
      const off =
        method === 'on'
          ? adapter.on(args[0] as HostEventName, (payload) => {
              if (channel === sent) post({ kind: 'event', id: key, event: args[0] as string, payload });
            })
          : adapter.registerWrapUpGuard!((interactionId) => askGuard(key, interactionId));
      const previous = subs.get(key);
      if (previous) safely(previous);
      subs.set(key, typeof off === 'function' ? off : () => {});
      return null;
    }
    const fn = (adapter as unknown as Record<string, unknown>)[method];
    if (typeof fn !== 'function') throw new HostError('unsupported', `This host cannot ${method}.`, { retryable: false });
    const controller = new AbortController();
    inflight.set(m.id, controller);
    try {
      return await (fn as (...a: unknown[]) => unknown).call(adapter, ...args, { signal: controller.signal } satisfies CallOptions);
    } finally {
      inflight.delete(m.id);
    }
  };

  const onMessage = (event: MessageEvent) => {
    const source = peer();
    if (event.origin !== origin || !source || event.source !== source) return;
    const m = envelope(event.data);
    if (!m) return;
    if (m.kind === 'hello') {
      // A repeated hello (the iframe retries until welcomed) gets the same channel again.
      if (!m.id || m.id !== hello) {
        reset();
        channel = newId();
        hello = m.id;
      }
      post({ kind: 'welcome', id: m.id, capabilities: { ...capabilitiesOf(adapter.capabilities) } });
      return;
    }
    if (!channel || m.channel !== channel) return;
    if (m.kind === 'cancel') inflight.get(m.id)?.abort();
    else if (m.kind === 'verdict') verdicts.get(m.id)?.(m);
    else if (m.kind === 'call' && !seen.has(m.id)) {
      seen.add(m.id);
      const sent = channel;
      call(m).then(
        (value) => channel === sent && post({ kind: 'result', id: m.id, ok: true, value }),
        (error) => channel === sent && post({ kind: 'result', id: m.id, ok: false, error: serialize(error) }),
      );
    }
  };

  addEventListener('message', onMessage);
  // A host that starts after the iframe asks it to say hello (dropped by the browser if the
  // iframe is not at `origin`).
  post({ kind: 'ping', id: '' });
  return () => {
    removeEventListener('message', onMessage);
    reset();
    channel = hello = '';
  };
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    /* a host's unsubscribe that throws must not break the bridge */
  }
}

// ---------------------------------------------------------------------------------------------
// Iframe side

export interface BridgeOptions {
  /** The window of the host page, usually `window.parent`. */
  target: Window;
  /** The exact origin of the host page, e.g. `https://console.example`. Never `*`. */
  targetOrigin: string;
  /** Time-out of one call, handshake included (ms, default 10 s). */
  timeoutMs?: number;
}

interface Pending {
  channel: string;
  settle: (m: BridgeMessage) => void;
}

interface Subscription {
  method: 'on' | 'registerWrapUpGuard';
  event?: HostEventName;
  handler: (payload: never) => unknown;
}

/**
 * The {@link HostAdapter} for widgets in an iframe: every call is forwarded to the host page that
 * ran {@link exposeAdapter}. Rejects only with HostError (`timeout` after `timeoutMs`, the host's
 * own error otherwise, reconstructed with its code, retryable flag and details).
 *
 * @example
 * const adapter = new BridgeAdapter({ target: window.parent, targetOrigin: 'https://console.example' });
 * await adapter.ready;
 * document.querySelector('mend-host').adapter = adapter;
 */
export class BridgeAdapter implements HostAdapter {
  /** The durable outbox inside the iframe is scoped to the console it talks to. */
  get storageScope(): string {
    return `bridge:${this.#origin}`;
  }
  #target: Window;
  #origin: string;
  #timeoutMs: number;
  #capabilities: Capabilities = capabilitiesOf(null);
  #channel = '';
  #hello = '';
  #helloTimer: ReturnType<typeof setTimeout> | undefined;
  #connected!: Promise<string>;
  #resolveConnected!: (channel: string) => void;
  #pending = new Map<string, Pending>();
  #subs = new Map<string, Subscription>();
  #closed = false;

  constructor(options: BridgeOptions) {
    this.#target = options.target;
    this.#origin = exactOrigin(options.targetOrigin, 'BridgeAdapter targetOrigin');
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_BRIDGE_TIMEOUT_MS;
    this.#connected = new Promise((resolve) => (this.#resolveConnected = resolve));
    addEventListener('message', this.#onMessage);
    this.#sayHello(0);
  }

  /** The host's capabilities: all `false` until the handshake is done. */
  get capabilities(): Capabilities {
    return this.#capabilities;
  }

  /** Resolves with the host's capabilities once connected; rejects with HostError('timeout') after `timeoutMs`. */
  get ready(): Promise<Capabilities> {
    return this.#within(this.#connected.then(() => this.#capabilities), undefined);
  }

  getContext = (o?: CallOptions) => this.#call('getContext', [], o) as ReturnType<HostAdapter['getContext']>;
  getHistory = (customerId: string, o?: CallOptions) => this.#call('getHistory', [customerId], o) as ReturnType<HostAdapter['getHistory']>;
  getPolicy = (o?: CallOptions) => this.#call('getPolicy', [], o) as ReturnType<HostAdapter['getPolicy']>;
  getFund = (agentId: string, o?: CallOptions) => this.#call('getFund', [agentId], o) as ReturnType<HostAdapter['getFund']>;
  getTaxonomy = (o?: CallOptions) => this.#call('getTaxonomy', [], o) as ReturnType<HostAdapter['getTaxonomy']>;
  getRecurrence = (since: string, o?: CallOptions) => this.#call('getRecurrence', [since], o) as ReturnType<HostAdapter['getRecurrence']>;
  recordRecovery: HostAdapter['recordRecovery'] = (r, o) => this.#call('recordRecovery', [r], o) as never;
  spend: HostAdapter['spend'] = (r, o) => this.#call('spend', [r], o) as never;
  logRootCause: HostAdapter['logRootCause'] = (r, o) => this.#call('logRootCause', [r], o) as never;
  acknowledgeBaggage: HostAdapter['acknowledgeBaggage'] = (r, o) => this.#call('acknowledgeBaggage', [r], o) as never;
  requestCallback: HostAdapter['requestCallback'] = (r, o) => this.#call('requestCallback', [r], o) as never;
  notifyManager: NonNullable<HostAdapter['notifyManager']> = (r, o) => this.#call('notifyManager', [r], o) as never;

  /** Subscribe through the bridge; the returned function stops delivery at once and unsubscribes on the host. */
  on<E extends HostEventName>(event: E, handler: (payload: HostEvents[E]) => void): () => void {
    return this.#subscribe({ method: 'on', event, handler });
  }

  /** The host asks this guard (through the bridge) before it lets the agent wrap up. */
  registerWrapUpGuard(guard: WrapUpGuard): () => void {
    return this.#subscribe({ method: 'registerWrapUpGuard', handler: guard as (p: never) => unknown });
  }

  /** Stop listening; calls in flight reject with `unavailable`. */
  dispose(): void {
    // Tell the host to drop our subscriptions now (no answer awaited).
    if (!this.#closed && this.#channel) for (const key of this.#subs.keys()) this.#post({ kind: 'call', channel: this.#channel, id: newId(), method: 'off', args: [key] });
    this.#subs.clear();
    this.#closed = true;
    clearTimeout(this.#helloTimer);
    removeEventListener('message', this.#onMessage);
    for (const p of this.#pending.values()) p.settle({ ok: false, error: { code: 'unavailable', message: 'The bridge was closed.' } } as BridgeMessage);
  }

  #subscribe(sub: Subscription): () => void {
    const key = newId();
    this.#subs.set(key, sub);
    this.#register(key, sub);
    return () => this.#unsubscribe(key);
  }

  #register(key: string, sub: Subscription): void {
    this.#call(sub.method, sub.method === 'on' ? [sub.event, key] : [key]).catch(() => {});
  }

  #unsubscribe(key: string): void {
    // Sent even before the handshake: it then follows the pending subscription on the wire.
    if (this.#subs.delete(key)) this.#call('off', [key]).catch(() => {});
  }

  #post(m: Omit<BridgeMessage, 'type'>): void {
    this.#target.postMessage({ type: BRIDGE_TYPE, ...m }, this.#origin);
  }

  /** Say hello until the host welcomes us (the host page may start after the iframe). */
  #sayHello(attempt: number): void {
    if (this.#closed) return;
    clearTimeout(this.#helloTimer);
    if (attempt === 0) this.#hello = newId();
    this.#post({ kind: 'hello', channel: '', id: this.#hello });
    this.#helloTimer = setTimeout(() => this.#sayHello(attempt + 1), Math.min(50 * 2 ** attempt, 1000));
  }

  #onMessage = (event: MessageEvent) => {
    if (event.source !== this.#target || event.origin !== this.#origin) return;
    const m = envelope(event.data);
    if (!m) return;
    if (m.kind === 'ping') return this.#sayHello(0);
    if (m.kind === 'welcome') {
      if (m.id !== this.#hello || !m.channel || m.channel === this.#channel) return;
      clearTimeout(this.#helloTimer);
      this.#hello = '';
      const first = !this.#channel;
      this.#channel = m.channel;
      this.#capabilities = capabilitiesOf(m.capabilities);
      this.#resolveConnected(m.channel);
      // A host that restarted lost our subscriptions: make them again on the new channel.
      if (!first) for (const [key, sub] of this.#subs) this.#register(key, sub);
      return;
    }
    if (m.channel !== this.#channel) return;
    if (m.kind === 'result') {
      const p = this.#pending.get(m.id);
      if (p && p.channel === m.channel) p.settle(m);
    } else if (m.kind === 'event') {
      const sub = this.#subs.get(m.id);
      if (sub?.method === 'on' && sub.event === m.event) sub.handler(m.payload as never);
    } else if (m.kind === 'guard') {
      const sub = this.#subs.get(m.event ?? '');
      const interactionId = Array.isArray(m.args) ? m.args[0] : undefined;
      if (sub?.method !== 'registerWrapUpGuard' || typeof interactionId !== 'string') return;
      const channel = m.channel;
      Promise.resolve()
        .then(() => (sub.handler as WrapUpGuard)(interactionId))
        .then((v) => ({ ok: true, value: { allow: v.allow === true, ...(typeof v.message === 'string' ? { message: v.message } : {}) } }))
        .catch((error: unknown) => ({ ok: false, error: serialize(error) }))
        .then((answer) => channel === this.#channel && this.#post({ kind: 'verdict', channel, id: m.id, ...answer }));
    }
  };

  /** Bound a promise by the time-out and the caller's signal; `onStop` runs when either fires. */
  #within<T>(promise: Promise<T>, signal: AbortSignal | undefined, onStop?: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const finish = (fn: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const fail = (error: HostError) => finish(() => (onStop?.(), reject(error)));
      const onAbort = () =>
        fail(new HostError('unavailable', 'The call was cancelled.', { retryable: false, details: { aborted: true } }));
      const timer = setTimeout(
        () => fail(new HostError('timeout', `The host page did not answer within ${this.#timeoutMs / 1000} s.`)),
        this.#timeoutMs,
      );
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (v) => finish(() => resolve(v)),
        (e) => finish(() => reject(toHostError(e))),
      );
    });
  }

  #call(method: string, args: unknown[], options?: CallOptions): Promise<unknown> {
    if (this.#closed) return Promise.reject(new HostError('unavailable', 'The bridge was closed.', { retryable: false }));
    const id = newId();
    const entry: Pending = { channel: '', settle: () => {} };
    this.#pending.set(id, entry);
    const answer = new Promise<unknown>((resolve, reject) => {
      entry.settle = (m) => (m.ok === true ? resolve(m.value) : reject(errorFrom(m.error)));
      void this.#connected.then(() => {
        if (this.#pending.get(id) !== entry) return;
        entry.channel = this.#channel;
        try {
          this.#post({ kind: 'call', channel: entry.channel, id, method, args });
        } catch (error) {
          reject(new HostError('invalid_request', `The ${method} request cannot be sent to the host page.`, { retryable: false, cause: error }));
        }
      });
    });
    return this.#within(answer, options?.signal, () => {
      this.#pending.delete(id);
      if (entry.channel && entry.channel === this.#channel) this.#post({ kind: 'cancel', channel: entry.channel, id });
    }).finally(() => this.#pending.delete(id));
  }
}
