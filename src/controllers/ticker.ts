/**
 * Re-renders a widget every `ms` while it is connected, for what changes with time alone (how long
 * a customer has been waiting). Typed against `ReactiveControllerHost & HTMLElement`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Ticker implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #ms: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, ms = 60_000) {
    this.#host = host;
    this.#ms = ms;
    host.addController(this);
  }

  hostConnected(): void {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => this.#host.requestUpdate(), this.#ms);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
