/**
 * Parts of a widget loaded on demand (a dynamic `import()`): what an agent rarely needs, or needs
 * only after the first render, stays out of the bundle a page loads first (issue #14's budgets).
 *
 * ```ts
 * const composer = part(() => import('./composer.js'));   // module scope: loaded once per page
 * // willUpdate / render (every MendElement has one OnDemand, `this.parts`): the module, or
 * // undefined while it loads (the host updates again when it is in)
 * const loaded = this.parts.need(composer);
 * // a failed load: render the error with a Retry that calls this.parts.reload(composer)
 * ```
 *
 * MendElement's `updateComplete` waits for `settle()`: it resolves once the parts it asked for
 * (and the work given to `wait`) are done and rendered, so a page or
 * a test that awaits it sees the whole widget. A failed load is not tried again by itself (no loop):
 * `reload` (a Retry button) or `load` tries again.
 */
import type { ReactiveControllerHost } from 'lit';

/** One part: how to load it and, once tried, its module or why it failed (shared by every element). */
export interface Part<T> {
  readonly importer: () => Promise<T>;
  promise?: Promise<T>;
  value?: T;
  error?: unknown;
}

export const part = <T>(importer: () => Promise<T>): Part<T> => ({ importer });

/** Load a part (once; again after a failure). */
export function load<T>(p: Part<T>): Promise<T> {
  if (!p.promise || p.error !== undefined) {
    p.error = undefined;
    p.promise = p.importer().then(
      (value) => (p.value = value),
      (error: unknown) => {
        p.error = error ?? new Error('Could not load a part of the widget.');
        throw error;
      },
    );
  }
  return p.promise;
}

/** The parts one element waits for (a helper of the element, it needs no lifecycle hook). */
export class OnDemand {
  readonly #host: ReactiveControllerHost;
  readonly #asked = new Set<Part<unknown>>();
  readonly #waiting = new Set<Promise<void>>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** The part's module; undefined while it loads (the host updates once it is in) or when it failed (`p.error`). */
  need<T>(p: Part<T>): T | undefined {
    if (p.value !== undefined || p.error !== undefined || this.#asked.has(p)) return p.value;
    this.#asked.add(p);
    void this.#track(load(p)).then(() => this.#asked.delete(p));
    return undefined;
  }

  /**
   * Run an action with a part (loaded first when it is not yet): the host's `updateComplete` waits
   * for the action too. A failed load updates the host (`p.error` says why).
   */
  use<T>(p: Part<T>, action: (value: T) => unknown): void {
    void this.#track(p.value !== undefined ? Promise.resolve(action(p.value)) : load(p).then(action));
  }

  /** Other work the host's `updateComplete` waits for (an action under way, a notice being stored). */
  wait(work: Promise<unknown>): void {
    void this.#track(work);
  }

  /** Try a failed part again (a Retry button). */
  reload(p: Part<unknown>): void {
    p.error = undefined;
    p.promise = undefined;
    this.#host.requestUpdate();
  }

  /** Wait for the parts being loaded and the actions running; true when there were any (the host has updated again since). */
  async settle(): Promise<boolean> {
    if (!this.#waiting.size) return false;
    await Promise.all(this.#waiting);
    return true;
  }

  #track(work: Promise<unknown>): Promise<void> {
    const done: Promise<void> = work
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.#waiting.delete(done);
        this.#host.requestUpdate();
      });
    this.#waiting.add(done);
    return done;
  }
}
