/**
 * R10 for a widget: an interaction open past the policy's limit and unresolved is overdue. Checked
 * on demand ({@link TimeLimitController.check}, the widget calls it on every update) and every
 * `interval()` ms while the widget is connected. When the active interaction becomes overdue it
 * queues one `notifyManager` write (key `notify:<interactionId>`, when the host can notify) and fires
 * `mend-time-limit` once per interaction: after the notice is stored (`notified: true`), when it could
 * not be (`notified: false`), or at once when the host cannot notify.
 *
 * Typed against `ReactiveControllerHost & HTMLElement`; the widget says what to check through
 * callbacks and shows {@link TimeLimitController.overdue}. Storing the notice and telling the page
 * (StoredEvent) is work an element's `updateComplete` may wait for (the `wait` option).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostSession } from '../adapter/session.js';
import type { Interaction, RecoveryPolicy } from '../core/model.js';
import { timeLimit } from '../core/root-cause-rules.js';
import { StoredEvent } from './stored-event.js';

export interface Overdue {
  minutes: number;
  limit: number;
  /** Whether a manager's notice is stored (false: the agent must tell a manager). */
  notified: boolean;
}

export interface TimeLimitOptions {
  session: () => HostSession | null;
  interaction: () => Interaction | null;
  /** The policy, or undefined while it is loading (nothing is checked then). */
  policy: () => Pick<RecoveryPolicy, 'unresolvedLimitMinutes'> | undefined;
  /** Whether the interaction counts as resolved beyond `interaction.resolved` (e.g. its log is saved). */
  resolved: () => boolean;
  /** The clock, ms since the epoch. */
  now: () => number;
  /** How often to check, ms (at least 1000). */
  interval: () => number;
  /** The overdue state of `interactionId` was decided or changed: say it. */
  changed: (interactionId: string, overdue: Overdue) => void;
  /** Work the element's `updateComplete` should cover (telling the page, storing the manager's notice). */
  wait?: (work: Promise<unknown>) => void;
}

export class TimeLimitController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: TimeLimitOptions;
  #told: StoredEvent | null = null;
  readonly #overdue = new Map<string, Overdue>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #every = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: TimeLimitOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The overdue state of an interaction, if it is overdue. */
  overdue(interactionId: string): Overdue | undefined {
    return this.#overdue.get(interactionId);
  }

  /** Check the active interaction now; returns whether it is overdue. */
  check(): boolean {
    const { session: sessionOf, interaction: interactionOf, policy: policyOf } = this.#options;
    const interaction = interactionOf();
    const policy = policyOf();
    if (!interaction || !policy) return false;
    const id = interaction.id;
    if (this.#overdue.has(id)) return true;
    const limit = policy.unresolvedLimitMinutes;
    const result = timeLimit({ startedAt: interaction.startedAt, resolved: interaction.resolved || this.#options.resolved() }, this.#options.now(), limit);
    if (!result.overdue) return false;
    const session = sessionOf();
    const notify = !!session && session.host.can('notifyManager');
    const set = (notified: boolean) => {
      const overdue = { minutes: result.minutesOpen, limit, notified };
      this.#overdue.set(id, overdue);
      return overdue;
    };
    set(notify);
    const detail = (notified: boolean) => ({
      interactionId: id,
      customerId: interaction.customerId,
      minutesOpen: result.minutesOpen,
      limitMinutes: limit,
      notified,
      reasons: result.reasons,
    });
    const said = () => {
      this.#options.changed(id, this.#overdue.get(id)!);
      this.#host.requestUpdate();
    };
    const key = `notify:${id}`;
    const run = (async () => {
      const told = (this.#told ??= new StoredEvent(this.#host));
      const tell = () => told.tell(session, 'mend-time-limit', key, detail(false));
      if (!notify) return void tell();
      // Told once the manager's notice is stored (once per interaction); `notified: false` if it could not be.
      const payload = {
        idempotencyKey: key,
        interactionId: id,
        customerId: interaction.customerId,
        at: new Date().toISOString(),
        minutesOpen: result.minutesOpen,
        limitMinutes: limit,
      };
      await told.record({ session, store: true, kind: 'notifyManager', payload, event: 'mend-time-limit', detail: detail(true) }).catch(() => {
        set(false);
        tell();
      });
    })();
    // Without a notice to store, it is said at once (the page is told once the write path is in).
    if (!notify) said();
    const telling = run.then(
      () => notify && said(),
      () => notify && (set(false), said()),
    );
    this.#options.wait?.(telling);
    return true;
  }

  hostConnected(): void {
    this.#restart();
  }

  hostUpdated(): void {
    if (Math.max(1000, this.#options.interval()) !== this.#every) this.#restart();
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #restart(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (!this.#host.isConnected) return;
    this.#every = Math.max(1000, this.#options.interval());
    this.#timer = setInterval(() => this.check(), this.#every);
  }
}
