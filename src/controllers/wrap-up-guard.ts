/**
 * Holds the host's wrap-up of an interaction until the widget's work for it is done: registers a
 * wrap-up guard with hosts that declare `wrapUpGuard` while the widget is connected and `enabled()`,
 * and unregisters when it leaves the page or is switched off. Every check (the host's, or the page
 * calling {@link WrapUpGuardController.check}) fires `mend-wrap-up-check` once the answer is decided,
 * and a refusal is kept (per interaction) so the widget can show it.
 *
 * Typed against `ReactiveControllerHost & HTMLElement`; the widget says what "done" is.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WrapUpVerdict } from '../adapter/host-adapter.js';
import type { HostSession } from '../adapter/session.js';

export interface WrapUpGuardOptions {
  session: () => HostSession | null;
  /** The widget's switch (e.g. its `guard-wrap-up` attribute). */
  enabled: () => boolean;
  /** Whether `interactionId` may be wrapped up. */
  allow: (interactionId: string) => boolean;
  /** Work for `interactionId` still being stored: the host's check waits for it instead of refusing. */
  settle: (interactionId: string) => Promise<unknown>;
  /** The refusal's words. */
  message: () => string;
  /** Say the refusal (the widget's live region). */
  announce: (message: string) => void;
}

export class WrapUpGuardController implements ReactiveController {
  /** The interaction whose wrap-up was last refused, or null. */
  refusedFor: string | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: WrapUpGuardOptions;
  #off: (() => void) | null = null;
  #for: HostSession | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: WrapUpGuardOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Decide whether `interactionId` may be wrapped up, fire `mend-wrap-up-check`, keep a refusal. */
  check(interactionId: string): WrapUpVerdict {
    const allow = !!interactionId && this.#options.allow(interactionId);
    const message = allow ? undefined : this.#options.message();
    if (!allow) {
      // Keyed to the contact: shown while it is (or once it becomes) the active one.
      this.refusedFor = interactionId;
      this.#options.announce(message!);
      this.#host.requestUpdate();
    }
    this.#host.dispatchEvent(
      new CustomEvent('mend-wrap-up-check', { detail: { interactionId, allow, message }, bubbles: true, composed: true }),
    );
    return message ? { allow, message } : { allow };
  }

  hostUpdated(): void {
    const session = this.#options.session();
    const want = this.#host.isConnected && this.#options.enabled() && !!session && session.host.can('wrapUpGuard') ? session : null;
    if (want === this.#for) return;
    this.hostDisconnected();
    this.#for = want;
    if (want)
      this.#off = want.host.registerWrapUpGuard(async (id) => {
        await this.#options.settle(id);
        return this.check(id);
      });
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = null;
    this.#for = null;
  }
}
