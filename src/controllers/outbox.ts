/**
 * One way for a widget to follow the durable outbox of its session: it loads the outbox when the
 * widget first needs it (after the first render, never before), re-renders the widget on every
 * change of the queue, and says when the stored entries have been read (a saved entry the outbox
 * then no longer holds was delivered). Used by the banner and the root-cause logger.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Outbox } from '../adapter/outbox.js';
import type { HostSession } from '../adapter/session.js';

export class OutboxWatch implements ReactiveController {
  /** The session's outbox once loaded, otherwise null. */
  outbox: Outbox | null = null;
  /** Whether the outbox has read what this device stored. */
  loaded = false;
  #host: ReactiveControllerHost;
  #session: HostSession | null = null;
  #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Follow the widget's session (call from `willUpdate`). */
  follow(session: HostSession | null): void {
    if (session === this.#session) return;
    this.#bind(null);
    this.#session = session;
    session?.openOutbox().then(
      (outbox) => {
        if (this.#session === session) this.#bind(outbox);
      },
      () => {
        if (this.#session === session) this.#session = null; // the next update tries again
      },
    );
  }

  hostConnected(): void {
    this.#host.requestUpdate(); // moved in the page: the next update follows the session again
  }

  hostDisconnected(): void {
    this.#bind(null);
    this.#session = null;
  }

  #bind(outbox: Outbox | null): void {
    if (outbox === this.outbox) return;
    this.outbox?.removeEventListener('change', this.#onChange);
    this.outbox = outbox;
    this.loaded = false;
    if (!outbox) return;
    outbox.addEventListener('change', this.#onChange);
    void outbox.ready.then(() => {
      if (outbox !== this.outbox) return;
      this.loaded = true;
      this.#host.requestUpdate();
    });
    this.#host.requestUpdate();
  }
}
