/**
 * The one way a widget reaches its host: the adapter set as a property wins, otherwise the one
 * `<mend-host>` provides through context. The controller attaches the widget to the adapter's
 * shared {@link HostSession} while it is connected and re-renders it when the session changes
 * (active interaction, loaded data, fund, outbox).
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostAdapter } from '../adapter/host-adapter.js';
import { sessionFor, type HostSession } from '../adapter/session.js';
import { adapterContext, settingsContext, type MendSettings } from '../base/context.js';

export interface HostControllerHost extends ReactiveControllerHost, HTMLElement {
  adapter?: HostAdapter;
}

export class HostController implements ReactiveController {
  #host: HostControllerHost;
  #fromContext: HostAdapter | undefined;
  #settings: MendSettings = {};
  #session: HostSession | null = null;
  #detach: (() => void) | null = null;
  #onChange = () => this.#host.requestUpdate();

  constructor(host: HostControllerHost) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: adapterContext,
      subscribe: true,
      callback: (adapter) => {
        this.#fromContext = adapter;
        this.#sync();
        host.requestUpdate();
      },
    });
    new ContextConsumer(host, {
      context: settingsContext,
      subscribe: true,
      callback: (settings) => {
        this.#settings = settings ?? {};
        host.requestUpdate();
      },
    });
  }

  /** The shared session, or null when there is no adapter (plain-properties mode). */
  get session(): HostSession | null {
    return this.#session;
  }

  /** Settings from the nearest `<mend-host>`, or `{}`. */
  get settings(): MendSettings {
    return this.#settings;
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#release();
  }

  #sync(): void {
    if (!this.#host.isConnected) return;
    const adapter = this.#host.adapter ?? this.#fromContext;
    const session = adapter ? sessionFor(adapter) : null;
    if (session === this.#session && (this.#detach || !session)) return;
    this.#release();
    this.#session = session;
    if (session) {
      session.addEventListener('change', this.#onChange);
      this.#detach = session.attach();
    }
  }

  #release(): void {
    if (this.#session) this.#session.removeEventListener('change', this.#onChange);
    this.#detach?.();
    this.#detach = null;
    if (!this.#host.isConnected) this.#session = null;
  }
}
