/**
 * The assertions of the conformance suites (`contract.ts`, `lead-contract.ts`): framework-free, so
 * the suites run under mocha, jasmine, vitest or node:test alike. A failed check throws
 * {@link ContractError} saying what was expected and what the adapter did.
 */
import { HOST_ERROR_CODES, type HostError } from './errors.js';

/** An assertion error of the suite. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
}

/** The framework functions a suite registers its tests with. */
export interface ContractFramework {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void): void;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractError(message);
}

export const show = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

export function equal(actual: unknown, expected: unknown, what: string): void {
  assert(Object.is(actual, expected), `${what}: expected ${show(expected)}, got ${show(actual)}.`);
}

/** The raw error, checked to be HostError-compatible. */
export function compatible(error: unknown, where: string): HostError {
  const e = error as { code?: unknown; message?: unknown } | null;
  assert(e && typeof e === 'object', `${where}: the adapter rejected with ${show(error)}, not an error object.`);
  assert(
    (HOST_ERROR_CODES as readonly unknown[]).includes(e.code),
    `${where}: the error's code ${show(e.code)} is not one of ${HOST_ERROR_CODES.join(', ')} (got ${show(String(error))}).`,
  );
  return e as HostError;
}

/** The rejection of `promise`, checked to be HostError-compatible; a resolution fails the check. */
export async function rejection(promise: Promise<unknown>, where: string): Promise<HostError> {
  try {
    await promise;
  } catch (error) {
    return compatible(error, where);
  }
  throw new ContractError(`${where}: expected a rejection, but it resolved.`);
}

let seq = 0;
/** A fresh idempotency key, unique across suites and runs. */
export const freshKey = (what: string): string =>
  `contract-${what}-${Date.now().toString(36)}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
