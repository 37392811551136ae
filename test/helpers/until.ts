// The one way a test waits: for a condition, never for a length of time. The limit exists only to
// name what never happened before the test runner's own time-out; it is long on purpose, so a busy
// machine (two CPU-bound processes beside the suite) slows a test down but never fails it.

/** How long a condition may take before the test fails with its name, whatever a caller asks for. */
export const WAIT_LIMIT_MS = 20_000;

/**
 * Resolve once `check()` is truthy (polled every 5 ms; it may return a promise). The optional arguments, in either order,
 * are what is awaited (for the failure message) and a longer limit in ms; a shorter limit than
 * {@link WAIT_LIMIT_MS} is raised to it.
 */
export async function until(check: () => unknown | Promise<unknown>, a?: string | number, b?: string | number): Promise<void> {
  const what = typeof a === 'string' ? a : typeof b === 'string' ? b : 'the condition';
  const asked = typeof a === 'number' ? a : typeof b === 'number' ? b : 0;
  const end = Date.now() + Math.max(asked, WAIT_LIMIT_MS);
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Like {@link until}, resolving with the first defined value `read()` returns. */
export async function untilValue<T>(read: () => T | undefined, what = 'a value'): Promise<T> {
  let value: T | undefined;
  await until(() => (value = read()) !== undefined, what);
  return value as T;
}

/**
 * Let `ms` pass. Only for a negative check (give something that must NOT happen its chance to
 * happen, then look); never to wait for something that should happen: use {@link until}.
 */
export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));
