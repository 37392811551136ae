import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { WrapUpVerdict } from '../../adapter/host-adapter.js';
import type { Interaction, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../../core/model.js';
import { DEFAULT_ROOT_CAUSE_POLICY } from '../../core/recovery.js';
import { recurrence as recurrenceOf, route } from '../../core/root-cause-rules.js';
import {
  draftFromValue,
  draftValue,
  EMPTY_DRAFT,
  logOf,
  missingFields,
  ROOT_CAUSE_FIELDS,
  type RootCauseDraft,
  type RootCauseField,
} from '../../core/root-cause-form.js';
import type { RootCauseMatch } from '../../core/taxonomy-search.js';
import { FormAssociated } from '../../base/form-associated.js';
import { MendElement } from '../../base/mend-element.js';
import { lookup } from '../../base/taxonomy-lookup.js';
import type { CauseSearchController } from '../../controllers/cause-search.js';
import { DraftController } from '../../controllers/draft.js';
import { FormControlController } from '../../controllers/form-control.js';
import { readPolicy, readRecurrence, readTaxonomy, type Read } from '../../controllers/reads.js';
import { StorageNotice, storageStrings } from '../../controllers/storage-notice.js';
import { TimeLimitController, type Overdue } from '../../controllers/time-limit.js';
import { WrapUpGuardController } from '../../controllers/wrap-up-guard.js';
import type { RecordedRecovery } from '../../controllers/recorded-recovery.js';
import { WriteAction, writeStrings } from '../../controllers/write-action.js';
import type {} from '../../events/root-cause-logger.js';
import { rootCauseLoggerStrings, type LoggerKey } from './root-cause-logger.strings.js';
import { rootCauseLoggerStyles } from './root-cause-logger.styles.js';

export { rootCauseLoggerStrings };

type LoggerDraft = RootCauseDraft;
type Field = RootCauseField;
const EMPTY = EMPTY_DRAFT;
const MAX_OPTIONS = 20;
const REQUIRED: Record<Field, LoggerKey> = {
  problem: 'rcProblemRequired',
  cause: 'rcCauseRequired',
  department: 'rcDepartmentRequired',
  resolution: 'rcResolutionRequired',
};

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
 * With a host, the resolution is pre-filled from the recovery recorded for the interaction through
 * the shared session (the `recordRecovery` write the offer picker stored), unless the agent typed
 * one; page events do not change it.
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

  @state() private draft: LoggerDraft = EMPTY;
  @state() private errors: ReadonlySet<Field> = new Set();
  @state() private busy = false;

  #drafts = new DraftController<LoggerDraft>(this, 'root-cause-logger');
  #loadedFor: string | null | undefined = undefined;
  #taxonomyRead: Read<Taxonomy> | null = null;
  #policyRead: Read<RecoveryPolicy> | null = null;
  #recurrenceRead: Read<RecurrenceCount[]> | null = null;
  #writes = new WriteAction(this, {
    session: () => this.session,
    t: (key, values) => this.t(key, values),
    failure: (error) => this.failure(error),
    announce: (message) => this.announce(message),
    words: { failed: 'rcSaveFailed', storage_full: 'rcSaveFailed' },
  });
  #storage = new StorageNotice(this, { session: () => this.session, t: (key) => this.t(key), announce: (m) => this.announce(m) });
  /** The type-ahead, loaded when the page is idle or the agent starts typing. */
  #causes: CauseSearchController | null = null;
  #typeahead: Promise<CauseSearchController> | null = null;
  /** The agent typed before the type-ahead was loaded. */
  @state() private loading = false;
  #limit = new TimeLimitController(this, {
    session: () => this.session,
    interaction: () => this.#interaction,
    policy: () => this.#policy,
    resolved: () => this.complete,
    now: () => this.now ?? Date.now(),
    interval: () => this.timeCheckInterval,
    changed: (_id, overdue) => this.announce(this.#overdueText(overdue)),
  });
  #guard = new WrapUpGuardController(this, {
    session: () => this.session,
    enabled: () => this.guardWrapUp,
    allow: (id) => this.#isLogged(id),
    // A save still being stored when the host asks is waited for, not refused.
    settle: (id) => (id === this.#loadedFor ? this.#saving : Promise.resolve()),
    message: () => this.t('rcWrapUpBlocked'),
    announce: (message) => this.announce(message),
  });
  #recovered: Promise<unknown> | null = null;
  #recoveries: RecordedRecovery | null = null;
  #form = new FormControlController(this, {
    value: () => draftValue(this.draft, this.#departmentId) || null,
    invalidity: () => {
      // Nothing typed yet is no value (the wrap-up guard asks for the log); a started one must be complete.
      if (!draftValue(this.draft, this.#departmentId)) return null;
      const first = ROOT_CAUSE_FIELDS.find((f) => this.#validate().has(f));
      return first ? { flags: { valueMissing: true }, message: this.t(REQUIRED[first]) } : null;
    },
    anchor: () => {
      const first = ROOT_CAUSE_FIELDS.find((f) => this.#validate().has(f));
      return first ? this.renderRoot.querySelector<HTMLElement>(`#${first}`) : null;
    },
    reset: () => {
      if (this.#locked) return;
      this.#update({ ...EMPTY, resolution: this.resolution ?? '' });
      this.#causes?.reset();
      this.errors = new Set();
      this.#submitted = false;
    },
    restore: (state) => {
      if (typeof state === 'string') this.value = state;
    },
    disabled: () => this.disabled,
  });
  #submitted = false;
  #saving: Promise<void> = Promise.resolve();
  #lastStatus: string | null = null;

  /** JSON of what the agent filled in (`problem`, `causeId`, `departmentId`, `resolution`, `notifyDepartment`); '' when nothing. Setting it fills the form (no event). */
  get value(): string {
    return draftValue(this.draft, this.#departmentId);
  }
  set value(json: string) {
    const taxonomy = this.#taxonomy;
    const cause = (id: string) => (taxonomy && id ? lookup(taxonomy).byId(id) : undefined);
    const patch = draftFromValue(json, (id) => cause(id)?.label, (id) => cause(id)?.departmentId);
    if (patch && !this.#locked) this.#update(patch);
  }

  protected get formControl(): FormControlController {
    return this.#form;
  }

  /** Whether the root cause is logged (and not refused by the host) for the active interaction. */
  get complete(): boolean {
    const id = this.#interaction?.id;
    return !!id && this.#isLogged(id);
  }

  /**
   * Whether the agent may wrap up `interactionId` (default: the active one). A refusal shows
   * "Log the root cause before wrap-up." Hosts without `wrapUpGuard` may call this themselves.
   */
  checkWrapUp(interactionId = this.#interaction?.id ?? ''): WrapUpVerdict {
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

  // ---- data --------------------------------------------------------------------------------

  get #interaction(): Interaction | null {
    return this.interaction !== undefined ? this.interaction : (this.session?.interaction ?? null);
  }

  get #taxonomy(): Taxonomy | undefined {
    return this.taxonomy ?? this.#taxonomyRead?.value;
  }

  /** The policy's root-cause rules, or undefined while the host's policy is still loading. */
  get #policy(): Pick<RecoveryPolicy, 'recurrence' | 'unresolvedLimitMinutes'> | undefined {
    if (this.policy) return this.policy;
    const read = this.#policyRead;
    if (read?.value) return read.value;
    return read && (read.status === 'loading' || read.status === 'idle') ? undefined : DEFAULT_ROOT_CAUSE_POLICY;
  }

  get #canWrite(): boolean {
    return !!this.session && this.session.host.can('logRootCause');
  }

  /**
   * Drafts are kept per host and interaction: interaction ids are only unique within one host, so
   * another console's (or a reset demo CRM's) contact of the same id never inherits this draft.
   */
  #draftId(id: string): string {
    const scope = this.session?.host.adapter.storageScope;
    return scope ? `${scope}|${id}` : id;
  }

  #isLogged(id: string): boolean {
    const draft = id === this.#loadedFor ? this.draft : this.#drafts.read(this.#draftId(id));
    if (!draft?.savedId) return false;
    return this.#writes.entry(draft.savedId)?.status !== 'needs_attention';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const session = this.session;
    this.#taxonomyRead = this.taxonomy ? null : readTaxonomy(session);
    this.#policyRead = this.policy ? null : readPolicy(session);
    this.#recurrenceRead = this.recurrence ? null : readRecurrence(session);
    this.#writes.watch.follow(session);
    // The resolution follows the recovery recorded through the session (its stored write), never a
    // page event; the code for it loads once the session's outbox is there.
    if (this.#writes.watch.loaded && !this.#recovered) this.#recovered = this.#followRecoveries();

    const id = this.#interaction?.id ?? null;
    if (id !== this.#loadedFor) {
      this.#loadedFor = id;
      const stored = id ? this.#drafts.read(this.#draftId(id)) : undefined;
      this.draft = stored ? { ...EMPTY, ...stored } : { ...EMPTY, resolution: this.resolution ?? '' };
      this.#causes?.reset();
      this.errors = new Set();
      this.#submitted = false;
      const recovery = id ? this.#recoveries?.latest(id) : undefined;
      if (recovery) this.#prefill(id!, recovery.text, recovery.id, false);
    } else if (changed.has('resolution') && !this.draft.resolutionEdited && !this.#locked) {
      this.#update({ resolution: this.resolution ?? '' });
    }
    const saved = this.draft.savedId;
    this.#writes.track(this.draft.key ? [this.draft.key] : []);
    // Say delivery politely (focus stays where the agent is); refusals are said by the write action.
    const entry = saved ? this.#writes.entry(saved) : undefined;
    const status = entry?.status ?? null;
    if (status !== this.#lastStatus) {
      if (this.#lastStatus && status === 'sent') this.announce(this.t('sent'));
      this.#lastStatus = status;
    }
    // Delivered: keep only the marker that it was logged (the text is at the host now).
    // A saved log the loaded outbox no longer holds was delivered (by this page before a reload,
    // or by another tab): only confirmed entries leave it.
    const delivered = entry ? entry.status === 'sent' : this.#writes.watch.loaded && !!saved;
    if (id && delivered && !this.draft.sent) {
      this.draft = { ...this.draft, sent: true };
      this.#drafts.write(this.#draftId(id), { ...EMPTY, savedId: saved, sent: true });
    }
    // R10: checked on every update (new interaction, policy loaded, clock moved) and by the timer.
    if (id && !this.#limit.overdue(id)) this.#limit.check();
  }

  protected override updated(): void {
    if (this.#taxonomy && !this.#typeahead) {
      const load = () => void this.#loadTypeahead().catch(() => {});
      if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 500 });
      else setTimeout(load, 16);
    }
  }

  #loadTypeahead(): Promise<CauseSearchController> {
    return (this.#typeahead ??= import('../../controllers/cause-search.js').then(
      ({ CauseSearchController }) => {
        this.#causes ??= new CauseSearchController(this, {
          id: 'cause-opt',
          taxonomy: () => this.#taxonomy,
          query: () => this.draft.query,
          choose: (match) => this.#choose(match),
          clear: () => {
            if (!this.draft.query) return false;
            this.#update({ query: '', causeId: '' });
            return true;
          },
          found: (count) => this.announce(count ? this.t('rcResults', { count }) : this.t('rcNoMatch')),
          limit: MAX_OPTIONS,
        });
        this.requestUpdate(); // its index is prepared after the next update, in idle time
        return this.#causes;
      },
      (error: unknown) => {
        this.#typeahead = null; // a failed chunk load is tried again
        throw error;
      },
    ));
  }

  /** Run `task` on the type-ahead, loading it first if the agent is quicker than the idle time. */
  #withCauses(task: (causes: CauseSearchController) => void): void {
    if (this.#causes) return task(this.#causes);
    this.loading = true;
    this.#loadTypeahead().then(
      (causes) => {
        this.loading = false;
        task(causes);
      },
      () => (this.loading = false),
    );
  }

  #onCauseKey(event: KeyboardEvent): void {
    // Keys the list owns must not reach the form (Enter would submit it) while it loads.
    if (!this.#causes && ['ArrowDown', 'ArrowUp', 'Enter'].includes(event.key)) event.preventDefault();
    this.#withCauses((causes) => causes.onKeyDown(event));
  }

  async #followRecoveries(): Promise<void> {
    try {
      const { RecordedRecovery } = await import('../../controllers/recorded-recovery.js');
      if (this.#recoveries) return;
      this.#recoveries = new RecordedRecovery(this, {
        outbox: () => (this.#writes.watch.loaded ? this.#writes.watch.outbox : null),
        currency: () => this.resolvedCurrency,
        locale: () => this.resolvedLocale,
        declined: () => this.t('rcDeclined'),
        recorded: (id, text, key, fresh) => this.#prefill(id, text, key, fresh),
      });
      this.requestUpdate();
    } catch {
      this.#recovered = null; // a failed chunk load is tried again on the next update
    }
  }

  /** A recovery recorded through the session: the resolution, unless the agent wrote one or saved. */
  #prefill(interactionId: string, text: string, key: string, fresh: boolean): void {
    if (interactionId === this.#loadedFor) {
      if (this.draft.recovery === key || this.draft.resolutionEdited || this.#locked) return;
      this.#update({ resolution: text, recovery: key });
      this.announce(this.t('rcPrefilled'));
    } else if (fresh) {
      const stored = this.#drafts.read(this.#draftId(interactionId)) ?? EMPTY;
      if (!stored.resolutionEdited && !stored.savedId && stored.recovery !== key)
        this.#drafts.write(this.#draftId(interactionId), { ...EMPTY, ...stored, resolution: text, recovery: key });
    }
  }

  #update(patch: Partial<LoggerDraft>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.#loadedFor) this.#drafts.write(this.#draftId(this.#loadedFor), this.draft);
    if (this.#submitted) this.errors = this.#validate();
  }

  // ---- combobox ----------------------------------------------------------------------------

  #onCauseInput(event: Event): void {
    const query = (event.target as HTMLInputElement).value;
    const causeId = this.draft.causeId;
    const selected = causeId && this.#taxonomy ? lookup(this.#taxonomy).byId(causeId) : undefined;
    this.#update({ query, causeId: selected && selected.label === query ? selected.id : '' });
    this.#withCauses((causes) => causes.search(query));
  }

  #choose(match: RootCauseMatch): void {
    const changed = match.cause.id !== this.draft.causeId;
    this.#update({ query: match.cause.label, causeId: match.cause.id, departmentId: changed ? '' : this.draft.departmentId });
  }

  // ---- saving ------------------------------------------------------------------------------

  get #locked(): boolean {
    if (!this.draft.savedId) return false;
    return this.#writes.entry(this.draft.savedId)?.status !== 'needs_attention';
  }

  #validate(): Set<Field> {
    const taxonomy = this.#taxonomy;
    return missingFields(this.draft, this.#departmentId, (id) => !!taxonomy && !!lookup(taxonomy).byId(id));
  }

  get #routed() {
    // The chosen cause's department; the search index is not needed for it.
    const causeId = this.draft.causeId;
    const taxonomy = this.#taxonomy;
    return causeId && taxonomy ? route(causeId, lookup(taxonomy)).department : undefined;
  }

  get #departmentId(): string {
    return this.draft.departmentId || this.#routed?.id || '';
  }

  #save(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.busy) return this.#saving; // a double click: the same intent, already on its way
    const run = this.#store();
    this.#saving = run;
    return run;
  }

  async #store(): Promise<void> {
    if (this.busy || this.#locked) return;
    const interaction = this.#interaction;
    if (!interaction) return;
    this.#submitted = true;
    const errors = this.#validate();
    this.errors = errors;
    if (errors.size) {
      this.announce(this.t('rcFixErrors', { count: errors.size }));
      await this.updateComplete;
      const first = ROOT_CAUSE_FIELDS.find((f) => errors.has(f))!;
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    const key = this.draft.key ?? crypto.randomUUID();
    this.#update({ key });
    const d = this.draft;
    const log = logOf(d, interaction, key, this.#departmentId);
    const outbox = this.#canWrite;
    this.busy = true;
    // Stored first, then told: once per stored version of the log (an edited resend of a refused
    // log is stored again, so it is told again, with the same idempotency key).
    await this.#writes.run({
      kind: 'logRootCause',
      payload: log,
      store: outbox,
      event: 'mend-root-cause-log',
      detail: log,
      once: d.savedId ? null : key,
      // Shown as saved before the event fires, so a page that hears it sees the same.
      onStored: () => {
        if (interaction.id !== this.#loadedFor) return;
        this.#update({ savedId: key, sent: !outbox });
        if (!outbox && this.#loadedFor) this.#drafts.write(this.#draftId(this.#loadedFor), { ...EMPTY, savedId: key, sent: true });
        this.busy = false;
        this.announce(this.t(outbox ? 'savedLocally' : 'rcLogged'));
      },
    });
    this.busy = false;
  }

  async #discard(): Promise<void> {
    const id = this.draft.savedId;
    if (!id || this.busy) return;
    this.busy = true;
    try {
      await this.#writes.discard(id);
      this.#update({ savedId: undefined, key: undefined, sent: false });
    } finally {
      this.busy = false;
    }
  }

  // ---- render ------------------------------------------------------------------------------

  #overdueText(o: Overdue): string {
    return o.notified
      ? this.t('rcOverdue', { minutes: o.minutes })
      : this.t('rcOverdueNoNotify', { minutes: o.minutes, limit: o.limit });
  }

  #describedBy(field: Field, ...more: string[]): string | typeof nothing {
    return [this.errors.has(field) ? `${field}-error` : '', ...more].filter(Boolean).join(' ') || nothing;
  }

  #error(field: Field, key: LoggerKey): TemplateResult | typeof nothing {
    return this.errors.has(field)
      ? html`<p id="${field}-error" part="error">${this.t(key)}</p>`
      : nothing;
  }

  #renderCauseHint(): TemplateResult | typeof nothing {
    const read = this.#taxonomyRead;
    if (!this.taxonomy && read) {
      if (read.status === 'loading' || read.status === 'idle')
        return html`<p id="cause-hint" part="hint" aria-busy="true">${this.t('loading')}</p>`;
      if (read.status === 'unsupported') return html`<p id="cause-hint" part="quiet">${this.t('rcTaxonomyUnsupported')}</p>`;
      if (read.status === 'error')
        return html`<p id="cause-hint" part="error" class="inline">
          ${this.t('errorPrefix', { message: this.failure(read.error) })}
          <button type="button" part="retry" @click=${() => read.retry()}>${this.t('retry')}</button>
        </p>`;
    }
    const taxonomy = this.#taxonomy;
    if (this.draft.query.trim() && !this.draft.causeId && !this.#causes?.results.length && taxonomy)
      return html`<p id="cause-hint" part="hint">${this.t('rcNoMatch')}</p>`;
    if (taxonomy && !this.draft.causeId)
      return html`<p id="cause-hint" part="hint">${this.t('rcTypeToSearch', { count: taxonomy.causes.length.toLocaleString(this.resolvedLocale) })}</p>`;
    return nothing;
  }

  #renderRecurrence(): TemplateResult | typeof nothing {
    const policy = this.#policy;
    const counts = this.recurrence ?? this.#recurrenceRead?.value;
    const causeId = this.draft.causeId;
    if (!policy || !counts || !causeId) return nothing;
    const result = recurrenceOf(counts, causeId, policy.recurrence);
    if (!result.recurring) return nothing;
    const department = (this.#taxonomy && lookup(this.#taxonomy).department(this.#departmentId)?.name) || this.#departmentId;
    return html`<p part="recurrence" id="recurrence">
      ${this.t('rcRecurring', { count: result.count, days: result.windowDays, department })}
    </p>`;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    const d = this.draft;
    const failed = d.key && !d.savedId ? this.#writes.state(d.key) : null;
    if (failed && (failed.status === 'failed' || failed.status === 'storage_full'))
      return html`<p part="status" data-status="error">${failed.text}</p>`;
    if (!d.savedId) return nothing;
    const state = this.#writes.state(d.savedId);
    const entry = state.entry;
    if (!this.#canWrite || (!entry && d.sent))
      return html`<p part="status" data-status="sent">${this.#canWrite ? `✓ ${this.t('sent')}` : this.t('rcLogged')}</p>`;
    if (!entry) return html`<p part="status" data-status="queued">${this.t('savedLocally')}</p>`;
    const attention = entry.status === 'needs_attention';
    const mark = entry.status === 'sent' ? '✓ ' : attention ? '⚠ ' : '';
    return html`<p part="status" data-status=${entry.status} id=${attention ? 'status-attention' : nothing}>
      ${mark}${state.retrying ? this.t('rcWaiting') : state.text}
    </p>`;
  }

  protected override render(): TemplateResult {
    const interaction = this.#interaction;
    const d = this.draft;
    const taxonomy = this.#taxonomy;
    const locked = this.#locked;
    const attention = !!d.savedId && this.#writes.entry(d.savedId)?.status === 'needs_attention';
    const routed = this.#routed;
    const departments = this.#taxonomy?.departments ?? [];
    const departmentId = this.#departmentId;
    const overridden = !!routed && !!d.departmentId && d.departmentId !== routed.id;
    const combo = this.#causes?.combo;
    const open = !!combo?.open;
    const contextLoading = !interaction && this.session && this.session.context.state.status === 'loading';
    // The host's context failed (unreachable or malformed): say so, with a retry, not "no interaction".
    const context = !interaction && this.session?.context.state.status === 'error' ? this.session.context : null;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" part="title">${this.t('rcTitle')}</h2>
      ${interaction
        ? nothing
        : context
          ? html`<p part="error" class="inline" role="alert">
              ${this.t('errorPrefix', { message: this.failure(context.state.error) })}
              <button type="button" part="retry" @click=${() => void context.reload()}>${this.t('retry')}</button>
            </p>`
          : html`<p part="quiet" aria-busy=${contextLoading ? 'true' : 'false'}>
            ${contextLoading ? this.t('loading') : this.t('noInteraction')}
          </p>`}
      <form part="form" novalidate @submit=${this.#save}>
        <fieldset part="fields" ?disabled=${locked || !interaction || this.#form.disabled}>
          <div part="field problem-field">
            <label for="problem">${this.t('rcProblem')}</label>
            <textarea
              id="problem"
              part="problem"
              .value=${live(d.problem)}
              aria-invalid=${this.errors.has('problem') ? 'true' : 'false'}
              aria-describedby=${this.#describedBy('problem')}
              @input=${(e: Event) => this.#update({ problem: (e.target as HTMLTextAreaElement).value })}
            ></textarea>
            ${this.#error('problem', 'rcProblemRequired')}
          </div>
          <div part="field cause-field">
            <label for="cause" id="cause-label">${this.t('rcCause')}</label>
            <div part="combobox">
              <input
                id="cause"
                part="input"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls="cause-list"
                aria-activedescendant=${combo?.activeId || nothing}
                aria-busy=${this.loading || this.#causes?.searching ? 'true' : 'false'}
                aria-invalid=${this.errors.has('cause') ? 'true' : 'false'}
                aria-describedby=${this.#describedBy('cause', 'cause-hint', this.#renderRecurrence() === nothing ? '' : 'recurrence')}
                ?disabled=${!taxonomy}
                .value=${live(d.query)}
                @input=${this.#onCauseInput}
                @keydown=${this.#onCauseKey}
                @blur=${() => combo?.close()}
              />
              <ul id="cause-list" part="listbox" role="listbox" aria-labelledby="cause-label" ?hidden=${!open}>
                ${combo && open
                  ? this.#causes!.results.map(
                      (m, i) => html`<li
                        id=${combo.optionId(i)}
                        part="option"
                        role="option"
                        aria-selected=${i === combo.active ? 'true' : 'false'}
                        @mousedown=${combo.keepFocus}
                        @click=${() => combo.pick(i)}
                      >
                        <span>${m.cause.label}</span>
                        <span part="option-meta">${m.cause.category} · ${m.department?.name ?? m.cause.departmentId}</span>
                      </li>`,
                    )
                  : nothing}
              </ul>
            </div>
            ${this.#renderCauseHint()} ${this.#error('cause', 'rcCauseRequired')} ${this.#renderRecurrence()}
          </div>
          <div part="field department-field">
            <label for="department">${this.t('rcDepartment')}</label>
            <select
              id="department"
              part="department"
              aria-invalid=${this.errors.has('department') ? 'true' : 'false'}
              aria-describedby=${this.#describedBy('department', routed ? 'department-hint' : '')}
              @change=${(e: Event) => {
                const value = (e.target as HTMLSelectElement).value;
                this.#update({ departmentId: value === routed?.id ? '' : value });
              }}
            >
              <option value="" ?selected=${!departmentId}>${this.t('rcChooseDepartment')}</option>
              ${departments.map((dep) => html`<option value=${dep.id} ?selected=${dep.id === departmentId}>${dep.name}</option>`)}
            </select>
            ${routed
              ? html`<p id="department-hint" part="hint">
                  ${overridden ? this.t('rcOverridden', { department: routed.name }) : this.t('rcRouted')}
                </p>`
              : nothing}
            ${this.#error('department', 'rcDepartmentRequired')}
          </div>
          <div part="field resolution-field">
            <label for="resolution">${this.t('rcResolution')}</label>
            <textarea
              id="resolution"
              part="resolution"
              .value=${live(d.resolution)}
              aria-invalid=${this.errors.has('resolution') ? 'true' : 'false'}
              aria-describedby=${this.#describedBy('resolution')}
              @input=${(e: Event) => this.#update({ resolution: (e.target as HTMLTextAreaElement).value, resolutionEdited: true })}
            ></textarea>
            ${this.#error('resolution', 'rcResolutionRequired')}
          </div>
          <div part="notify">
            <input
              id="notify"
              type="checkbox"
              .checked=${live(d.notify)}
              @change=${(e: Event) => this.#update({ notify: (e.target as HTMLInputElement).checked })}
            />
            <label for="notify">${this.t('rcNotify')}</label>
          </div>
        </fieldset>
        ${this.session && !this.session.host.can('logRootCause')
          ? html`<p part="quiet">${this.t('rcNoWrite')}</p>`
          : nothing}
        <div part="actions">
          <button
            type="submit"
            part=${attention ? 'resend' : 'save'}
            data-variant="primary"
            aria-disabled=${this.busy || locked || !interaction || this.#form.disabled ? 'true' : 'false'}
            aria-describedby=${attention ? 'status-attention' : nothing}
          >
            ${attention ? this.t('rcResend') : this.t('rcSave')}
          </button>
          ${attention
            ? html`<button type="button" part="discard" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#discard}>
                ${this.t('rcDiscard')}
              </button>`
            : nothing}
        </div>
        ${this.#renderStatus()}
        ${interaction && this.#limit.overdue(interaction.id)
          ? html`<p part="time-limit">⏱ ${this.#overdueText(this.#limit.overdue(interaction.id)!)}</p>`
          : nothing}
        ${interaction && this.#guard.refusedFor === interaction.id && !this.complete ? html`<p part="wrap-up">⚠ ${this.t('rcWrapUpBlocked')}</p>` : nothing}
      </form>
      ${this.renderAnnouncer()}${this.#storage.render()}
    </section>`;
  }
}
