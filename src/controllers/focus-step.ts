/**
 * The one way a widget takes part in the session's focus hand-off (`offerFocus` / `handOff` of
 * src/adapter/session.ts): while connected it offers to take focus for its step of the recovery
 * (the console's hotkey, or the step before it finishing, moves focus there), and it hands focus on
 * to the next step once the agent finished its own. It never moves focus by itself.
 *
 * ```ts
 * #focus = new FocusStep(this, { step: 'recovery', session: () => this.session, target: () => this.#firstThingToDo() });
 * // after the agent's action succeeded (focus moves on, or stays in this widget):
 * this.#focus.handOff('root-cause');
 * ```
 *
 * Typed against a `ReactiveControllerHost & HTMLElement`, never an element class.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostSession, RecoveryStep } from '../adapter/session.js';

export interface FocusStepOptions {
  step: RecoveryStep;
  session: () => HostSession | null;
  /** The widget's first thing to do for its step (in its shadow root), or null when there is none. */
  target: () => HTMLElement | null;
}

export class FocusStep implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #options: FocusStepOptions;
  #session: HostSession | null = null;
  #withdraw?: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, options: FocusStepOptions) {
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
    this.#withdraw = session?.offerFocus(this.#options.step, () => this.focus());
  }

  hostDisconnected(): void {
    this.#withdraw?.();
    this.#withdraw = undefined;
    this.#session = null;
  }

  /** Focus the widget's target; true when it took focus. */
  focus(): boolean {
    const target = this.#host.isConnected ? this.#options.target() : null;
    target?.focus();
    return !!target && this.#host.shadowRoot?.activeElement === target;
  }

  /**
   * After the agent's own action: move focus to another step; when no widget takes it and focus
   * fell out of this widget (its focused control went away), it comes back to the target here.
   * True when another widget took focus.
   */
  handOff(step: RecoveryStep): boolean {
    if (this.#options.session()?.handOff(step)) return true;
    const root = this.#host.shadowRoot;
    if (root && !root.activeElement && document.activeElement === this.#host) this.focus();
    return false;
  }
}
