/**
 * A part of a widget loaded on demand (a dynamic `import()`): loaded once per page and then used at
 * once (`value`), so a re-render after the load is synchronous. A failed load is forgotten, so the
 * next `load()` tries again (a flaky network does not break the widget for the rest of the page).
 *
 * ```ts
 * const history = onDemand(() => import('./baggage-banner.history.js'));
 * if (!history.value) void history.load().then(() => this.requestUpdate());
 * ```
 */
export interface OnDemand<T> {
  /** The loaded part, or undefined until it is loaded. */
  readonly value: T | undefined;
  /** While it loads, the load; otherwise null. */
  readonly loading: Promise<T> | null;
  /** Load it (once; again after a failure). */
  load(): Promise<T>;
}

export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let value: T | undefined;
  let pending: Promise<T> | null = null;
  return {
    get value() {
      return value;
    },
    get loading() {
      return value === undefined ? pending : null;
    },
    load() {
      return (pending ??= load().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      ));
    },
  };
}
