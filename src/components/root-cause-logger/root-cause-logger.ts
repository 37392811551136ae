import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { WrapUpVerdict } from '../../adapter/host-adapter.js';
import type { Incident, Interaction, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../../core/model.js';
import type { RootCauseField } from '../../core/root-cause-form.js';
import { formatList } from '../../base/format.js';
import { FormAssociated } from '../../base/form-associated.js';
import { FocusStep } from '../../controllers/focus-step.js';
import { MendElement } from '../../base/mend-element.js';
import { lookup } from '../../base/taxonomy-lookup.js';
import { FormControlController } from '../../controllers/form-control.js';
import { load, part } from '../../controllers/on-demand.js';
import { StorageNotice, storageStrings } from '../../controllers/storage-notice.js';
import { TimeLimitController } from '../../controllers/time-limit.js';
import { WrapUpGuardController } from '../../controllers/wrap-up-guard.js';
import { WriteAction, writeStrings } from '../../controllers/write-action.js';
import type {} from '../../events/root-cause-logger.js';
import { rootCauseLoggerStrings, type LoggerKey } from './root-cause-logger.strings.js';
import { LoggerDraft } from './root-cause-logger.draft.js';
import { LoggerInputs } from './root-cause-logger.inputs.js';
import { rootCauseLoggerStyles } from './root-cause-logger.styles.js';
import { TypeaheadLoader } from './root-cause-logger.search.js';
import { overdueText, renderForm, renderOverdue, REQUIRED, type LoggerView } from './root-cause-logger.view.js';

export { rootCauseLoggerStrings };

type Field = RootCauseField;
const MAX_OPTIONS = 20;
const LABELS: Record<Field, LoggerKey> = { problem: 'rcProblem', cause: 'rcCause', department: 'rcDepartment', resolution: 'rcResolution' };
/** The save flow and the saved log's status, loaded when the page is idle, at the first save, or for a saved draft. */
const saving = part(() => import('./root-cause-logger.save.js'));

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
  static override localStrings = { ...rootCauseLoggerStrings, ...storageStrings, ...writeStrings };

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

  @state() private busy = false;

  /** The taxonomy, policy, counts, interaction and incidents: the page's, else the host's. */
  #in = new LoggerInputs(this, () => this.session);
  #writes = new WriteAction(this, {
    wait: (work) => this.parts.wait(work),
    session: () => this.session,
    t: (key, values) => this.t(key, values),
    failure: (error) => this.failure(error),
    announce: (message) => this.announce(message),
    words: { failed: 'rcSaveFailed', storage_full: 'rcSaveFailed' },
  });
  #d = new LoggerDraft(this, {
    scope: () => this.session?.host.adapter.storageScope,
    taxonomy: () => this.#in.taxonomy,
    writes: this.#writes,
    resolution: () => this.resolution,
    currency: () => this.resolvedCurrency,
    locale: () => this.resolvedLocale,
    declined: () => this.t('rcDeclined'),
  });
  #storage = new StorageNotice(this, { session: () => this.session, t: (key) => this.t(key), announce: (m) => this.announce(m) });
  /** The type-ahead (search, options, the suggested cause), loaded when the page is idle or the agent starts typing. */
  #search = new TypeaheadLoader(this, {
    t: (key, values) => this.t(key, values),
    announce: (message) => this.announce(message),
    taxonomy: () => this.#in.taxonomy,
    draft: () => this.#d.draft,
    update: (patch) => this.#d.update(patch),
    facts: () => this.#in.facts,
    seen: (id) => this.#in.seen(id),
    department: () => this.#d.departmentName,
    limit: MAX_OPTIONS,
  });
  #limit = new TimeLimitController(this, {
    session: () => this.session,
    interaction: () => this.#in.interaction,
    policy: () => this.#in.policy,
    resolved: () => this.complete,
    now: () => this.now ?? Date.now(),
    interval: () => this.timeCheckInterval,
    changed: (_id, overdue) => this.announce(overdueText((k, v) => this.t(k, v), overdue)),
    wait: (work) => this.parts.wait(work),
  });
  #guard = new WrapUpGuardController(this, {
    session: () => this.session,
    enabled: () => this.guardWrapUp,
    allow: (id) => this.#d.isLogged(id),
    // A save still being stored when the host asks is waited for, not refused.
    settle: (id) => (id === this.#d.shown ? this.#saving : Promise.resolve()),
    message: () => this.t('rcWrapUpBlocked'),
    announce: (message) => this.announce(message),
  });
  #form = new FormControlController(this, {
    value: () => this.#d.value || null,
    // Nothing typed yet is no value (the wrap-up guard asks for the log); a started one must be complete.
    invalidity: () => {
      const first = this.#d.value ? this.#d.firstMissing : undefined;
      return first ? { flags: { valueMissing: true }, message: this.t(REQUIRED[first]) } : null;
    },
    anchor: () => {
      const first = this.#d.firstMissing;
      return first ? this.renderRoot.querySelector<HTMLElement>(`#${first}`) : null;
    },
    reset: () => {
      if (this.#d.locked) return;
      this.#d.submitted = false;
      this.#d.errors = new Set();
      this.#d.update(this.#d.fresh(this.#in.interaction));
      this.#search.typeahead?.search.reset();
    },
    restore: (state) => {
      if (typeof state === 'string') this.value = state;
    },
    disabled: () => this.disabled,
  });
  #saving: Promise<void> = Promise.resolve();

  /** JSON of what the agent filled in (`problem`, `causeId`, `departmentId`, `resolution`, `notifyDepartment`); '' when nothing. Setting it fills the form (no event). */
  get value(): string {
    return this.#d.value;
  }
  set value(json: string) {
    this.#d.value = json;
  }

  protected get formControl(): FormControlController {
    return this.#form;
  }

  /** Whether the root cause is logged (and not refused by the host) for the active interaction. */
  get complete(): boolean {
    const id = this.#in.interaction?.id;
    return !!id && this.#d.isLogged(id);
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
    return this.#limit.check();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#in.read();
    this.#writes.watch.follow(this.session);
    const interaction = this.#in.interaction;
    const id = interaction?.id ?? null;
    const d = this.#d;
    // Another contact: its own draft (with the recovery recorded for it). The page's resolution fills one the agent did not write.
    if (d.follow(interaction)) this.#search.typeahead?.search.reset();
    else if (changed.has('resolution') && !d.draft.resolutionEdited && !d.locked) d.update({ resolution: this.resolution ?? '' });
    // Known facts fill what the agent has not written: the subject as the problem, the suggested cause.
    if (interaction && !d.locked) {
      d.known(interaction);
      this.#search.typeahead?.fill();
    }
    this.#writes.track(d.draft.key ? [d.draft.key] : []);
    // Delivery is said politely (focus stays where the agent is); refusals are said by the write action.
    d.followDelivery(() => this.announce(this.t('sent')));
    // R10: checked on every update (new interaction, policy loaded, clock moved) and by the timer.
    if (id && !this.#limit.overdue(id)) this.#limit.check();
  }

  constructor() {
    super();
    // The session's focus hand-off: the picker hands the agent over after an accepted recovery.
    new FocusStep(this, { step: 'root-cause', session: () => this.session, target: () => this.#nextTarget() });
  }

  protected override updated(): void {
    if (this.#in.taxonomy) this.#search.whenIdle(() => void load(saving).catch(() => {}));
  }

  // ---- saving ------------------------------------------------------------------------------

  /** Enter in a field saves, as a form would (Shift+Enter: a new line in a text area). */
  #onFormKey(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.defaultPrevented || target.localName === 'button') return;
    event.preventDefault();
    void this.#save();
  }

  #save(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.busy) return this.#saving; // a double click: the same intent, already on its way
    const run = this.#store();
    this.#saving = run;
    return run;
  }

  async #store(): Promise<void> {
    const interaction = this.#in.interaction;
    if (this.busy || this.#d.locked || !interaction) return;
    const missing = this.#d.check();
    if (missing.length) {
      this.announce(this.t('rcMissing', { fields: formatList(missing.map((f) => this.t(LABELS[f])), this.resolvedLocale) }));
      await this.updateComplete;
      return void this.renderRoot.querySelector<HTMLElement>(`#${missing[0]}`)?.focus();
    }
    this.busy = true;
    const loading = load(saving);
    this.parts.wait(loading); // updateComplete covers loading the save flow
    const flow = await loading.catch(() => null);
    if (!flow) return void ((this.busy = false), this.announce(this.t('rcSaveFailed', { message: this.failure({ code: 'unavailable' }) })));
    await flow.saveLog({ ...this.#saveContext, interaction, outbox: this.#in.canWrite, t: (k, v) => this.t(k, v), announce: (m) => this.announce(m) });
  }

  get #saveContext() {
    return { writes: this.#writes, draft: this.#d, busy: (busy: boolean) => (this.busy = busy) };
  }

  #discard(): void {
    const id = this.#d.draft.savedId;
    if (!id || this.busy) return;
    this.busy = true;
    this.parts.wait(load(saving).then((flow) => flow.discardLog(this.#saveContext, id), () => (this.busy = false)));
  }

  /** The focus hand-off's target: the first field still needing the agent, or Log root cause when the log is complete. */
  #nextTarget(): HTMLElement | null {
    if (!this.#in.interaction || this.#d.locked) return null;
    const missing = this.#d.firstMissing;
    return this.renderRoot.querySelector<HTMLElement>(missing ? `#${missing}` : 'button[type="submit"]');
  }

  // ---- render ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const interaction = this.#in.interaction;
    const d = this.#d.draft;
    const locked = this.#d.locked;
    const off = locked || !interaction || this.#form.disabled;
    const context = this.session?.context;
    const status = interaction ? null : context?.state.status;
    const t = (key: string, values?: Record<string, string | number>) => this.t(key, values);
    const view: LoggerView = {
      t,
      failure: (error) => this.failure(error),
      locale: this.resolvedLocale,
      draft: d,
      errors: this.#d.errors,
      taxonomy: this.#in.taxonomy,
      read: this.#in.taxonomyRead,
      typeahead: this.#search.typeahead,
      loading: this.#search.loading,
      off,
      saveOff: off || this.busy,
      busy: this.busy,
      attention: !!d.savedId && this.#writes.entry(d.savedId)?.status === 'needs_attention',
      routed: this.#d.routed,
      departmentId: this.#d.departmentId,
      recurrence: this.#in.recurring(d.causeId),
      department: this.#d.departmentName,
      noWrite: !!this.session && !this.#in.canWrite,
      after: [
        d.key || d.savedId ? this.parts.need(saving)?.renderStatus(t, d, this.#writes, this.#in.canWrite) : nothing,
        renderOverdue(t, interaction ? this.#limit.overdue(interaction.id) : undefined),
        interaction && this.#guard.refusedFor === interaction.id && !this.complete ? html`<p part="wrap-up">⚠ ${this.t('rcWrapUpBlocked')}</p>` : nothing,
      ],
      update: (patch) => this.#d.update(patch),
      onCauseInput: (e) => this.#search.onInput(e, (id) => this.#in.taxonomy && lookup(this.#in.taxonomy).byId(id)?.label),
      onCauseKey: (e) => this.#search.onKey(e),
      onSubmit: (e) => void this.#save(e),
      onFormKey: (e) => this.#onFormKey(e),
      onDiscard: () => this.#discard(),
    };
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.t('rcTitle')}</h2>
      ${interaction
        ? nothing
        : status === 'error'
          ? // The host's context failed (unreachable or malformed): say so, with a retry, not "no interaction".
            html`<p part="error" class="inline" role="alert">
              ${this.t('errorPrefix', { message: this.failure(context!.state.error) })}
              <button type="button" part="retry" @click=${() => void context!.reload()}>${this.t('retry')}</button>
            </p>`
          : html`<p part="quiet" aria-busy=${status === 'loading' ? 'true' : 'false'}>
              ${status === 'loading' ? this.t('loading') : this.t('noInteraction')}
            </p>`}
      ${renderForm(view)} ${this.renderAnnouncer()}${this.#storage.render()}
    </section>`;
  }
}
