/** The one error type that crosses the host boundary. */
export const HOST_ERROR_CODES = [
  'timeout',
  'permission',
  'not_found',
  'conflict',
  'unsupported',
  'unavailable',
  'invalid_response',
  'invalid_request',
  'storage',
] as const;
export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

/**
 * Codes a retry can fix (the host was slow or away; this browser's storage was full). `storage` is
 * not the host's: this browser refused to store a write (IndexedDB quota), so nothing was sent.
 */
const RETRYABLE: ReadonlySet<HostErrorCode> = new Set(['timeout', 'unavailable', 'storage']);

export interface HostErrorDetails {
  /** For `invalid_response`: the path of the first bad field, e.g. `incidents.3.severity`. */
  path?: string;
  /** For `conflict`: the version the host has now. */
  currentVersion?: number;
  /** Free-form details from the host (Amazon Connect `errorKey`, `details`...). */
  [key: string]: unknown;
}

/**
 * A typed host failure. Never thrown into a component's render: the shared controllers turn it into
 * an error state with a retry.
 */
export class HostError extends Error {
  override readonly name = 'HostError';
  readonly code: HostErrorCode;
  readonly retryable: boolean;
  readonly details: HostErrorDetails;

  constructor(
    code: HostErrorCode,
    message: string,
    options: { retryable?: boolean; details?: HostErrorDetails; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    this.details = options.details ?? {};
  }

  /** A plain, structured-clone-safe copy (for the outbox and the iframe bridge). */
  toJSON(): { code: HostErrorCode; message: string; retryable: boolean; details: HostErrorDetails } {
    return { code: this.code, message: this.message, retryable: this.retryable, details: this.details };
  }
}

export function isHostError(value: unknown): value is HostError {
  return value instanceof HostError || (value as { name?: unknown } | null)?.name === 'HostError';
}

export function isErrorCode(value: unknown): value is HostErrorCode {
  return typeof value === 'string' && (HOST_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Turn anything a host threw or rejected with into a HostError. Structured host errors with a
 * known `code` keep it; an `AbortError` becomes `timeout` only when the time-out fired it.
 */
export function toHostError(error: unknown, fallback: HostErrorCode = 'unavailable'): HostError {
  if (error instanceof HostError) return error;
  const e = error as { code?: unknown; message?: unknown; retryable?: unknown; details?: unknown; name?: unknown } | null;
  if (e && typeof e === 'object') {
    if (e.name === 'HostError' && isErrorCode(e.code)) {
      return new HostError(e.code, String(e.message ?? e.code), {
        retryable: typeof e.retryable === 'boolean' ? e.retryable : undefined,
        details: (e.details && typeof e.details === 'object' ? e.details : {}) as HostErrorDetails,
        cause: error,
      });
    }
    if (isErrorCode(e.code)) {
      return new HostError(e.code, typeof e.message === 'string' ? e.message : e.code, { cause: error });
    }
    if (e.name === 'TimeoutError') return new HostError('timeout', 'The host did not answer in time.', { cause: error });
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'The host failed.';
  return new HostError(fallback, message || 'The host failed.', { cause: error });
}

/**
 * This browser refused to store a write (IndexedDB full, quota exceeded, storage blocked): a state
 * of the device, not a refusal by the host. The original error stays as `cause` and its name in
 * `details.name`.
 */
export function storageError(error: unknown): HostError {
  if (error instanceof HostError && error.code === 'storage') return error;
  const name = (error as { name?: unknown } | null)?.name;
  return new HostError('storage', 'This browser cannot store work right now.', {
    cause: error,
    details: typeof name === 'string' ? { name } : {},
  });
}
