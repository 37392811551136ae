/**
 * Support API calls through the ZAF proxy (`client.request`, with the agent's own session), with
 * Zendesk's failures mapped to {@link HostError} codes and rate limits retried with backoff.
 */
import { HostError } from '../../adapter/errors.js';
import type { ZafClient, ZafRequestOptions } from './types.js';

/** How rate limits and outages are retried. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  attempts?: number;
  /** First delay, ms; doubled on each retry. Default 1000. */
  baseMs?: number;
  /** Longest delay, ms (a longer `Retry-After` is not waited for: the error goes to the outbox). Default 30000. */
  maxMs?: number;
  /** Waits `ms` (tests pass a function that records the delay and resolves at once). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });

/** What a failed `client.request` rejects with: a jqXHR-like object (status, responseText...). */
interface ZafFailure {
  status?: unknown;
  statusText?: unknown;
  responseText?: unknown;
  responseJSON?: unknown;
  name?: unknown;
  message?: unknown;
  getResponseHeader?: unknown;
  headers?: unknown;
}

function retryAfterSeconds(failure: ZafFailure): number | undefined {
  let value: unknown;
  if (typeof failure.getResponseHeader === 'function') {
    try {
      value = (failure.getResponseHeader as (name: string) => unknown)('Retry-After');
    } catch {
      value = undefined;
    }
  }
  if (value == null && failure.headers && typeof failure.headers === 'object') {
    const headers = failure.headers as Record<string, unknown>;
    value = headers['retry-after'] ?? headers['Retry-After'];
  }
  const seconds = Number(value);
  return value != null && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function describe(failure: ZafFailure): string {
  const json = failure.responseJSON as { error?: unknown; description?: unknown; details?: unknown } | undefined;
  const text = [json?.description, typeof json?.error === 'string' ? json.error : (json?.error as { message?: unknown } | undefined)?.message]
    .find((v) => typeof v === 'string' && v);
  return (text as string | undefined) ?? (typeof failure.statusText === 'string' && failure.statusText ? failure.statusText : '');
}

/**
 * Map what `client.request` rejected with to a HostError: 429 and 5xx (and a lost connection) are
 * retryable `unavailable`, 401/403 `permission`, 404 `not_found`, 409 (a concurrent ticket update)
 * retryable, 400/422 `invalid_request`; the SDK's own time-out is `timeout`.
 */
export function zendeskError(error: unknown, what: string): HostError {
  if (error instanceof HostError) return error;
  const failure = (error && typeof error === 'object' ? error : {}) as ZafFailure;
  if (failure.name === 'TimeoutError') return new HostError('timeout', `Zendesk did not answer (${what}).`, { cause: error });
  const status = typeof failure.status === 'number' ? failure.status : Number(failure.status);
  const said = describe(failure);
  const details = { status: Number.isFinite(status) ? status : undefined, retryAfter: retryAfterSeconds(failure), zendesk: said || undefined };
  const message = (text: string) => `${text} (${what}${said ? `: ${said}` : ''}).`;
  if (status === 429) return new HostError('unavailable', message('Zendesk is rate-limiting this app'), { details, cause: error });
  if (status >= 500 || status === 0 || !Number.isFinite(status)) {
    return new HostError('unavailable', message('Zendesk is not answering'), { details, cause: error });
  }
  if (status === 401 || status === 403) return new HostError('permission', message('Zendesk refused this for the signed-in agent'), { details, cause: error });
  if (status === 404) return new HostError('not_found', message('Zendesk does not know it'), { details, cause: error });
  if (status === 409) return new HostError('unavailable', message('The ticket was being updated at the same time'), { details, retryable: true, cause: error });
  return new HostError('invalid_request', message('Zendesk refused the request'), { details, cause: error });
}

/**
 * Run `op` (a whole read, or a whole keyed write: look-up then write), retrying it while it fails
 * with a retryable error, with exponential backoff that honours `Retry-After`. After the last
 * attempt the retryable error is thrown, so the outbox keeps the write and retries later.
 */
export async function withRetry<T>(op: () => Promise<T>, retry: RetryOptions = {}, signal?: AbortSignal): Promise<T> {
  const attempts = Math.max(1, retry.attempts ?? 4);
  const base = retry.baseMs ?? 1000;
  const max = retry.maxMs ?? 30_000;
  const sleep = retry.sleep ?? sleepFor;
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      const e = error instanceof HostError ? error : zendeskError(error, 'request');
      if (!e.retryable || attempt >= attempts || signal?.aborted) throw e;
      const after = typeof e.details.retryAfter === 'number' ? e.details.retryAfter * 1000 : 0;
      const delay = Math.max(after, base * 2 ** (attempt - 1));
      if (delay > max) throw e;
      try {
        await sleep(delay, signal);
      } catch {
        throw e; // cancelled while waiting: the last failure stands
      }
    }
  }
}

/** One Support API call through the proxy; failures become HostErrors (not retried here). */
export async function zendeskRequest<T = unknown>(client: ZafClient, options: ZafRequestOptions, what: string): Promise<T> {
  try {
    return (await client.request({ type: 'GET', contentType: 'application/json', ...options })) as T;
  } catch (error) {
    throw zendeskError(error, what);
  }
}
