/**
 * The one way a widget takes part in the session's focus hand-off (`offerFocus` / `handOff` of
 * src/adapter/session.ts): while connected it offers to take focus for its step of the recovery
 * (the console's hotkey, or the step before it finishing, moves focus there), and it hands focus on
 * to the next step once the agent finished its own. It never moves focus by itself.
 *
 * ```ts
 * #focus = new FocusStep(this, { step: 'recovery', session: () => this.session, focus: () => this.#focusFirst() });
 * // after the agent's action succeeded:
 * if (!this.#focus.handOff('root-cause')) keepFocusHere();
 * ```
 *
 * Typed against a `ReactiveControllerHost`, never an element class.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostSession, RecoveryStep } from '../adapter/session.js';

export interface FocusStepOptions {
  step: RecoveryStep;
  session: () => HostSession | null;
  /** Move focus to the widget's first thing to do; true when it took focus. */
  focus: () => boolean;
}

export class FocusStep implements ReactiveController {
  #host: ReactiveControllerHost;
  #options: FocusStepOptions;
  #session: HostSession | null = null;
  #withdraw?: () => void;

  constructor(host: ReactiveControllerHost, options: FocusStepOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.requestUpdate(); // offer again (for the session it has now)
  }

  hostUpdate(): void {
    const session = this.#options.session();
    if (session === this.#session) return;
    this.hostDisconnected();
    this.#session = session;
    this.#withdraw = session?.offerFocus(this.#options.step, this.#options.focus);
  }

  hostDisconnected(): void {
    this.#withdraw?.();
    this.#withdraw = undefined;
    this.#session = null;
  }

  /** Move focus to another step (only after the agent's own action); true when a widget took it. */
  handOff(step: RecoveryStep): boolean {
    return this.#options.session()?.handOff(step) ?? false;
  }
}
