/**
 * The money path. A fund spend never waits in the outbox (the agent needs the host's answer now),
 * but it keeps the same idempotency discipline: a lost answer (time-out, host away) is retried with
 * the SAME key a bounded number of times, so the host applies it at most once, and concurrent calls
 * with one key (a double click) share one request.
 */
import { toHostError } from './errors.js';
import type { GuardedHost } from './guard.js';
import type { SpendRequest, SpendResult } from './host-adapter.js';

export interface SpendOnceOptions {
  /** Retries after a lost answer. Default 2. */
  retries?: number;
  /** First retry delay, ms (doubles each time, with jitter). Default 200. */
  baseMs?: number;
  /** Longest retry delay, ms. Default 2000. */
  maxMs?: number;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
  /** Stop retrying (the call in flight still finishes). */
  signal?: AbortSignal;
}

const inflight = new WeakMap<GuardedHost, Map<string, Promise<SpendResult>>>();

/**
 * Spend once. Rejects with the HostError of the last attempt when retrying cannot help (or the
 * retries are used up). A second call with the key of a spend still in flight returns the same
 * promise, whatever its other fields: the key names the agent's action.
 */
export function spendOnce(host: GuardedHost, request: SpendRequest, options: SpendOnceOptions = {}): Promise<SpendResult> {
  let byKey = inflight.get(host);
  if (!byKey) inflight.set(host, (byKey = new Map()));
  const key = request.idempotencyKey;
  const existing = byKey.get(key);
  if (existing) return existing;
  const { retries = 2, baseMs = 200, maxMs = 2000, random = Math.random, signal } = options;
  const frozen = structuredClone(request);
  const run = (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await host.spend(frozen);
      } catch (error) {
        const e = toHostError(error);
        if (!e.retryable || attempt >= retries || signal?.aborted) throw e;
        const delay = Math.min(maxMs, baseMs * 2 ** attempt) * (0.5 + random() / 2);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  })().finally(() => byKey.delete(key));
  byKey.set(key, run);
  return run;
}
