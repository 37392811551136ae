/**
 * HTTP statuses and host SDK failures as {@link HostError}s, for every host kit (Genesys Cloud's
 * platform client, Zendesk's `client.request`, a Twilio Function...). One table, so two kits never
 * disagree on what a 409 or a 429 means.
 */
import { HostError, isErrorCode, isHostError, type HostErrorCode } from '../../adapter/errors.js';

/** The error code of an HTTP status (0 or none: the network is away). */
export function codeForStatus(status: number): HostErrorCode {
  if (status === 401 || status === 403) return 'permission';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'invalid_request';
  if (status === 501) return 'unsupported';
  return 'unavailable'; // 0 (network), 429 (rate limited), 500, 502, 503 and anything unknown
}

/** What the failure said, from the shapes host SDKs reject with. */
export interface HttpFailure {
  /** The HTTP status, when one was found (0: none). */
  status: number;
  /** The host's message, when it gave one. */
  message: string;
  /** The host's own error code (Genesys `code`, Zendesk `error`), when it gave one. */
  hostCode?: string;
  /** `Retry-After` in seconds, when the host sent it. */
  retryAfter?: number;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);

/**
 * Read the status and message out of what an SDK rejected with: an axios-style
 * `{ response: { status, data } }`, an extended response `{ status, body }`, a plain error body
 * `{ status, code, message }` (Genesys' default), a `Response`, or `{ statusCode }`.
 */
export function readHttpFailure(error: unknown): HttpFailure {
  const e = obj(error) ?? {};
  const response = obj(e.response);
  const body = obj(response?.data) ?? obj(e.body) ?? obj(e.responseJSON) ?? obj(e.data) ?? e;
  const status = num(response?.status) ?? num(e.status) ?? num(e.statusCode) ?? num(body.status) ?? 0;
  const message =
    str(body.message) ?? str(body.description) ?? str(obj(body.error)?.message) ?? str(body.error) ?? str(e.message) ?? str(e.statusText) ?? '';
  const headers = obj(response?.headers) ?? obj(e.headers);
  const retryAfter = num(headers?.['retry-after'] ?? headers?.['Retry-After']);
  const hostCode = str(body.code) ?? str(body.error);
  return { status, message, ...(hostCode ? { hostCode } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) };
}

/** Options of {@link httpHostError}. */
export interface HttpErrorOptions {
  /** The host's name in messages and details (`Genesys Cloud`, `Zendesk`). */
  host: string;
  /** What was being done, for the message (`read the conversation`). */
  doing?: string;
}

/**
 * Turn anything an HTTP-backed SDK rejected with into a HostError. A HostError (or a structured
 * one with a known code) passes through; a status maps by {@link codeForStatus}; no status at all
 * is `unavailable` (retryable). 401 is marked `details.reason = 'token_expired'`.
 */
export function httpHostError(error: unknown, { host, doing }: HttpErrorOptions): HostError {
  if (isHostError(error)) return error as HostError;
  const e = obj(error);
  if (e && isErrorCode(e.code) && !num(e.status)) return new HostError(e.code, str(e.message) ?? e.code, { cause: error });
  const failure = readHttpFailure(error);
  const code = codeForStatus(failure.status);
  const what = doing ? `${host} could not ${doing}` : `${host} failed`;
  const message = failure.status ? `${what} (HTTP ${failure.status}${failure.message ? `: ${failure.message}` : ''}).` : `${what}${failure.message ? `: ${failure.message}` : '.'}`;
  return new HostError(code, message, {
    cause: error,
    details: {
      host,
      status: failure.status,
      ...(failure.hostCode ? { hostCode: failure.hostCode } : {}),
      ...(failure.retryAfter !== undefined ? { retryAfter: failure.retryAfter } : {}),
      ...(failure.status === 401 ? { reason: 'token_expired' } : {}),
    },
  });
}
