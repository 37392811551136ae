/**
 * One way for a widget to load code on demand (a chunk only some pages need, such as the report's
 * charts): the module loads once per loader, the widget re-renders when it arrives, and a failed
 * load is a retryable error state instead of an unhandled rejection.
 *
 * Typed against `ReactiveControllerHost & HTMLElement`: it never imports the element using it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HostError, toHostError } from '../adapter/errors.js';

export class LazyModule<M> implements ReactiveController {
  /** The module once loaded. */
  module: M | null = null;
  error: HostError | null = null;
  #host: ReactiveControllerHost & HTMLElement;
  #load: () => Promise<M>;
  #pending: Promise<void> | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, load: () => Promise<M>) {
    this.#host = host;
    this.#load = load;
    host.addController(this);
  }

  hostConnected(): void {
    void this.ensure();
  }

  /** Load (again after a failure). Never rejects. */
  ensure(): Promise<void> {
    if (this.module) return Promise.resolve();
    return (this.#pending ??= this.#load().then(
      (module) => {
        this.module = module;
        this.error = null;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#pending = null;
        this.error = new HostError('unavailable', `Could not load part of this widget: ${toHostError(error).message}`, { cause: error });
        this.#host.requestUpdate();
      },
    ));
  }
}
