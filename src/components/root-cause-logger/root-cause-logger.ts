import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { toHostError } from '../../adapter/errors.js';
import type { WrapUpVerdict } from '../../adapter/host-adapter.js';
import type { Incident, Interaction, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../../core/model.js';
import { formatList, formatNumber } from '../../base/format.js';
import { FormAssociated } from '../../base/form-associated.js';
import { FocusStep } from '../../controllers/focus-step.js';
import { MendElement } from '../../base/mend-element.js';
import { FormControlController } from '../../controllers/form-control.js';
import { load, part } from '../../controllers/on-demand.js';
import { StorageNotice, storageStrings } from '../../controllers/storage-notice.js';
import { WrapUpGuardController } from '../../controllers/wrap-up-guard.js';
import type {} from '../../events/root-cause-logger.js';
import { rootCauseLoggerStrings } from './root-cause-logger.strings.js';
import { LoggerInputs } from './root-cause-logger.inputs.js';
import type { LoggerReady } from './root-cause-logger.ready.js';
import { rootCauseLoggerStyles } from './root-cause-logger.styles.js';

export { rootCauseLoggerStrings };

/**
 * The form (draft, save flow, time limit, templates), loaded at the first update while the host's
 * data is read: until it is in, the logger shows its loading state.
 */
const ready = part(() => import('./root-cause-logger.ready.js'));

/**
 * @tagname mend-root-cause-logger
 * @summary Logs the problem, its root cause, the responsible department and the resolution, so the
 * problem goes back to the department that caused it (R8), and tells a manager when a contact runs
 * past the time limit (R10).
 *
 * Data comes from the host adapter (`adapter`, or the nearest `<mend-host>`): the taxonomy, the
 * recurrence counts, the policy and the active interaction. Without an adapter, set the plain
 * properties `taxonomy`, `recurrence`, `policy` and `interaction` (a plain property always wins over
 * host data); saving then only fires `mend-root-cause-log`.
 *
 * The form's code loads on demand at the first update, at the same time as the host's data is
 * read; until it is in, the logger shows its loading state (`aria-busy`), and a failed load says so
 * with a Retry. `updateComplete` waits for it.
 *
 * Known facts are filled, never retyped: the problem from the interaction's `subject`; the root
 * cause suggested from the category of the customer's newest unresolved incident (the history the
 * banner shows, or the `incidents` property), the most logged of the best matches winning; the
 * department routed from the cause; and, with a host, the resolution from the recovery recorded for
 * the interaction through the shared session (the `recordRecovery` write the offer picker stored).
 * Each is a suggestion the agent can change, and none replaces what the agent typed; page events do
 * not change them.
 *
 * Keyboard: in the type-ahead the first match is highlighted as the agent types, so Enter takes it;
 * Enter in any field (Shift+Enter: a new line in the text areas) saves a complete log, and an
 * incomplete one says what is missing and focuses it. Choosing a cause says the cause, its
 * department and how often it was seen; saving says what happened and what comes next, once. With
 * a host, the logger offers the session's focus hand-off for the step `root-cause`: the first field
 * still needing the agent, or Log root cause when the log is complete. It never takes focus itself.
 *
 * Saving stores the log in the durable outbox first ("Saved on this device; sending…") and then shows
 * its delivery status; a log the host refused can be edited and resent, or discarded. The draft of
 * each interaction survives a reload. With a host that declares `wrapUpGuard`, wrap-up waits until
 * the log is saved (attribute `guard-wrap-up`, default on).
 *
 * @fires mend-root-cause-log - The log was saved: fires after it is stored in the durable outbox
 *   (without an adapter: at submit), never when storing failed; once per log, again only for an
 *   edited log resent after the host refused it (detail: the `RootCauseLog`).
 * @fires mend-time-limit - The interaction ran past the policy's limit unresolved: fires after the
 *   manager's notice is stored (`notified: true`) or could not be (`notified: false`), or, when the
 *   host cannot notify, when found overdue; once per interaction.
 * @fires mend-wrap-up-check - The host asked whether wrap-up may go on: fires after the answer is
 *   decided, once per check (detail: interactionId, allow, message).
 *
 * @csspart base - The whole widget.
 * @csspart title - The heading.
 * @csspart fields - The group of form fields.
 * @csspart field - Each field (label, control, messages); also `problem-field`, `cause-field`, `department-field`, `resolution-field`.
 * @csspart problem - The problem text area.
 * @csspart combobox - The root-cause type-ahead (input and list).
 * @csspart input - The root-cause input.
 * @csspart listbox - The list of matching root causes.
 * @csspart option - One matching root cause.
 * @csspart option-meta - The category and department of an option.
 * @csspart department - The department select.
 * @csspart resolution - The resolution text area.
 * @csspart notify - The "notify the department" row.
 * @csspart hint - Helper text under a field.
 * @csspart suggestion - The hint saying the root cause was suggested from the open incident (also `hint`).
 * @csspart quiet - A quiet line (capability not available).
 * @csspart error - A validation or loading error.
 * @csspart recurrence - The recurring-cause message.
 * @csspart actions - The buttons.
 * @csspart save - The save button.
 * @csspart resend - The resend button.
 * @csspart discard - The discard button.
 * @csspart retry - A retry button.
 * @csspart status - The delivery status of the saved log.
 * @csspart storage-notice - The one notice that this browser cannot store work right now (shared by every writing widget).
 * @csspart time-limit - The R10 time-limit message.
 * @csspart icon - The clock drawn in the time-limit message.
 * @csspart wrap-up - The "log before wrap-up" message.
 *
 * @cssprop --mend-root-cause-logger-gap - Space between fields.
 * @cssprop --mend-root-cause-logger-background - Background of the widget.
 * @cssprop --mend-root-cause-logger-field-background - Background of inputs and the list.
 * @cssprop --mend-root-cause-logger-border-color - Borders.
 * @cssprop --mend-root-cause-logger-error-color - Validation errors.
 * @cssprop --mend-root-cause-logger-option-active-background - The highlighted option.
 * @cssprop --mend-root-cause-logger-listbox-max-block-size - Height of the list before it scrolls.
 * @cssprop --mend-root-cause-logger-recurring-background - Background of the recurrence and time-limit messages.
 *
 * @slot - None; the widget renders everything itself.
 */
export class MendRootCauseLogger extends FormAssociated(MendElement) {
  static override styles = [...MendElement.styles, rootCauseLoggerStyles];
  static override localStrings = { ...rootCauseLoggerStrings, ...storageStrings };

  /** The root-cause taxonomy (plain-properties mode; wins over the host's). */
  @property({ attribute: false }) taxonomy?: Taxonomy;

  /** Counts of recently logged root causes (plain-properties mode; wins over the host's). */
  @property({ attribute: false }) recurrence?: RecurrenceCount[];

  /** The recovery policy: recurrence window and threshold, time limit (wins over the host's). */
  @property({ attribute: false }) policy?: RecoveryPolicy;

  /** The active interaction (plain-properties mode; wins over the host's). */
  @property({ attribute: false }) interaction?: Interaction | null;

  /** The customer's past incidents, for the suggested cause (plain-properties mode; wins over the host's history). */
  @property({ attribute: false }) incidents?: Incident[];

  /** The resolution to pre-fill (e.g. the recovery the page recorded), unless the agent typed one. */
  @property() resolution?: string;

  /**
   * Hold the host's wrap-up until the log is saved (hosts with capability `wrapUpGuard`). On by
   * default; `guard-wrap-up="false"` turns it off.
   */
  @property({ attribute: 'guard-wrap-up', reflect: false, converter: { fromAttribute: (v: string | null) => v !== 'false' } })
  guardWrapUp = true;

  /** The clock for the R10 time limit, in ms since the epoch (tests, replays). Default: now. */
  @property({ type: Number }) now?: number;

  /** Form field name: in a `<form>`, the log's fields are submitted under it as JSON. */
  @property({ reflect: true }) name = '';

  /** Disables the whole form (also set by a disabled `<fieldset>` or form around it). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** How often the time limit is checked, in ms. */
  @property({ type: Number, attribute: 'time-check-interval' }) timeCheckInterval = 30_000;

  /** The taxonomy, policy, counts, interaction and incidents: the page's, else the host's. */
  #in = new LoggerInputs(this, () => this.session);
  /** The form once its part is in (made at the first use after). */
  #r: LoggerReady | null = null;
  /** A value set before the form showed a draft: filled in at the first update after. */
  #value: string | undefined;
  #storage = new StorageNotice(this, { session: () => this.session, t: (key) => this.t(key), announce: (m) => this.announce(m) });
  #guard = new WrapUpGuardController(this, {
    session: () => this.session,
    enabled: () => this.guardWrapUp,
    allow: (id) => !!this.#ready?.logged(id),
    // A save still being stored when the host asks is waited for, not refused (and the form, while it loads).
    settle: (id) => load(ready).then(() => this.#ready?.settle(id), () => {}),
    message: () => this.t('rcWrapUpBlocked'),
    announce: (message) => this.announce(message),
  });
  #form = new FormControlController(this, {
    value: () => this.value || null,
    invalidity: () => this.#ready?.invalidity() ?? null,
    anchor: () => this.#ready?.anchor(),
    reset: () => {
      this.#value = undefined;
      this.#ready?.reset();
    },
    restore: (state) => {
      if (typeof state === 'string') this.value = state;
    },
    disabled: () => this.disabled,
  });

  /** The form, once its part is in. */
  get #ready(): LoggerReady | null {
    const loaded = ready.value;
    if (loaded && !this.#r)
      this.#r = new loaded.LoggerReady(this, {
        inputs: this.#in,
        session: () => this.session,
        t: (key, values) => this.t(key, values),
        failure: (error) => this.failure(error),
        announce: (message) => this.announce(message),
        wait: (work) => this.parts.wait(work),
        locale: () => this.resolvedLocale,
        currency: () => this.resolvedCurrency,
        list: (items) => formatList(items, this.resolvedLocale),
        number: (n) => formatNumber(n, this.resolvedLocale),
        resolution: () => this.resolution,
        now: () => this.now ?? Date.now(),
        interval: () => this.timeCheckInterval,
      });
    return this.#r;
  }

  /** JSON of what the agent filled in (`problem`, `causeId`, `departmentId`, `resolution`, `notifyDepartment`); '' when nothing. Setting it fills the form (no event). */
  get value(): string {
    return this.#value ?? this.#r?.d.value ?? '';
  }
  set value(json: string) {
    const r = this.#ready;
    // Before the form shows an interaction's draft, the value waits for it (filled in at the next update).
    if (r && r.d.shown !== undefined) {
      r.d.value = json;
    } else {
      this.#value = json;
      this.requestUpdate();
    }
  }

  protected get formControl(): FormControlController {
    return this.#form;
  }

  /** Whether the root cause is logged (and not refused by the host) for the active interaction. */
  get complete(): boolean {
    return !!this.#ready?.logged(this.#in.interaction?.id);
  }

  /**
   * Whether the agent may wrap up `interactionId` (default: the active one). A refusal shows
   * "Log the root cause before wrap-up." Hosts without `wrapUpGuard` may call this themselves.
   */
  checkWrapUp(interactionId = this.#in.interaction?.id ?? ''): WrapUpVerdict {
    return this.#guard.check(interactionId);
  }

  /**
   * Check the R10 time limit now (also runs every `timeCheckInterval` ms). When the active
   * interaction is overdue, fires `mend-time-limit` and queues one `notifyManager` write (key
   * `notify:<interactionId>`) when the host can notify. Returns whether it is overdue.
   */
  checkTimeLimit(): boolean {
    return !!this.#ready?.limit.check();
  }

  constructor() {
    super();
    // The session's focus hand-off: the picker hands the agent over after an accepted recovery.
    new FocusStep(this, { step: 'root-cause', session: () => this.session, target: () => this.#ready?.nextTarget() ?? null });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#in.read();
    // The form loads with the host's reads (asked for on the same update).
    this.parts.need(ready);
    const r = this.#ready;
    if (!r) return;
    r.willUpdate(changed.has('resolution'));
    if (this.#value === undefined) return;
    r.d.value = this.#value;
    this.#value = undefined;
  }

  protected override updated(): void {
    this.#r?.updated();
  }

  protected override render(): TemplateResult {
    const interaction = this.#in.interaction;
    const context = this.session?.context;
    const status = interaction ? null : context?.state.status;
    const r = this.#ready;
    const failed = ready.error !== undefined;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.t('rcTitle')}</h2>
      ${interaction
        ? nothing
        : status === 'error'
          ? // The host's context failed (unreachable or malformed): say so, with a retry, not "no interaction".
            this.#error(context!.state.error, () => void context!.reload())
          : html`<p part="quiet" aria-busy=${status === 'loading' ? 'true' : 'false'}>
              ${status === 'loading' ? this.t('loading') : this.t('noInteraction')}
            </p>`}
      ${r
        ? r.render(
            this.#form.disabled,
            interaction && this.#guard.refusedFor === interaction.id && !this.complete
              ? html`<p part="wrap-up">⚠ ${this.t('rcWrapUpBlocked')}</p>`
              : nothing,
          )
        : failed
          ? this.#error(toHostError(ready.error), () => this.parts.reload(ready))
          : interaction
            ? html`<p part="quiet" aria-busy="true">${this.t('loading')}</p>`
            : nothing}
      ${this.renderAnnouncer()}${this.#storage.render()}
    </section>`;
  }

  /** What failed, in words, with a Retry. */
  #error(error: { code?: string; message?: string } | undefined, retry: () => void): TemplateResult {
    return html`<p part="error" class="inline" role="alert">
      ${this.t('errorPrefix', { message: this.failure(error) })}
      <button type="button" part="retry" @click=${retry}>${this.t('retry')}</button>
    </p>`;
  }
}
