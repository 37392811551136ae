import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { toHostError } from '../../adapter/errors.js';
import type { RootCauseLog, WrapUpVerdict } from '../../adapter/host-adapter.js';
import type { OutboxEntry } from '../../adapter/outbox.js';
import type { Interaction, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../../core/model.js';
import { formatMoney } from '../../core/money.js';
import { DEFAULT_POLICY } from '../../core/recovery.js';
import {
  taxonomyIndexSteps,
  recurrence as recurrenceOf,
  route,
  timeLimit,
  type RootCauseMatch,
  type TaxonomyIndex,
} from '../../core/root-cause.js';
import { MendElement } from '../../base/mend-element.js';
import { OutboxWatch } from '../../controllers/outbox.js';
import { DraftController } from '../../controllers/draft.js';
import { readPolicy, readRecurrence, readTaxonomy, type Read } from '../../controllers/reads.js';
import type {} from '../../events/root-cause-logger.js';
import { rootCauseLoggerStyles } from './root-cause-logger.styles.js';

/** Strings this widget adds to the shared ones (replaceable through `strings` like any other). */
export const rootCauseLoggerStrings = {
  rcTitle: 'Root cause',
  rcProblem: 'Problem',
  rcCause: 'Root cause',
  rcDepartment: 'Responsible department',
  rcResolution: 'Resolution',
  rcNotify: 'Notify the department now',
  rcSave: 'Log root cause',
  rcRecurring: 'Logged {count} times in {days} days, routed to {department}.',
  'rcRecurring.one': 'Logged once in {days} days, routed to {department}.',
  rcRequired: 'Required.',
  rcNoMatch: 'No matching root cause.',
  rcWrapUpBlocked: 'Log the root cause before wrap-up.',
  rcOverdue: 'Open for {minutes} minutes without resolution: a manager has been notified.',
  rcResend: 'Resend',
  rcDiscard: 'Discard',
  rcProblemRequired: 'Describe the problem.',
  rcCauseRequired: 'Choose a root cause from the list.',
  rcDepartmentRequired: 'Choose the responsible department.',
  rcResolutionRequired: 'Say how it was resolved.',
  rcFixErrors: 'Check the highlighted fields: {count} to fix.',
  rcChooseDepartment: 'Choose a department',
  rcRouted: 'Routed by the root cause.',
  rcOverridden: 'Changed from {department}, suggested by the root cause.',
  rcPrefilled: 'Pre-filled from the recovery.',
  rcDeclined: '(declined by the customer)',
  rcResults: '{count} root causes found.',
  'rcResults.one': '{count} root cause found.',
  rcWaiting: 'Saved on this device; the console is not answering. It will be sent when it is back.',
  rcLogged: 'Logged.',
  rcSaveFailed: 'Could not save: {message}',
  rcNoWrite: 'This console does not store root-cause logs; the page receives them.',
  rcTaxonomyUnsupported: 'This console does not provide a root-cause taxonomy.',
  rcOverdueNoNotify: 'Open for {minutes} minutes without resolution: past the {limit}-minute limit. Tell a manager.',
  rcTypeToSearch: 'Type to search {count} root causes.',
} as const;
type LoggerKey = keyof typeof rootCauseLoggerStrings;

type Field = 'problem' | 'cause' | 'department' | 'resolution';
const FIELDS: readonly Field[] = ['problem', 'cause', 'department', 'resolution'];
const MAX_OPTIONS = 20;

/** What the agent typed for one interaction (kept across reloads by {@link DraftController}). */
interface LoggerDraft {
  problem: string;
  query: string;
  causeId: string;
  /** '' follows the root cause's routing; otherwise the agent's override. */
  departmentId: string;
  resolution: string;
  resolutionEdited: boolean;
  notify: boolean;
  /** The idempotency key of the current save intent (reused on every retry of it). */
  key?: string;
  /** Set once the log is safe (stored in the outbox, or handed to the page). */
  savedId?: string;
  /** Delivered: the text is no longer kept. */
  sent?: boolean;
}

const EMPTY: LoggerDraft = {
  problem: '', query: '', causeId: '', departmentId: '', resolution: '', resolutionEdited: false, notify: false,
};

/** One index per taxonomy object, shared by every logger on the page. */
const indexes = new WeakMap<Taxonomy, TaxonomyIndex>();
/** Builds under way in idle time: a logger that needs the index sooner finishes the same one. */
const building = new WeakMap<Taxonomy, Generator<void, TaxonomyIndex, void>>();

/** Runs the build's steps to the end, or until the clock passes `until`; the index once done. */
function finish(taxonomy: Taxonomy, steps: Generator<void, TaxonomyIndex, void>, until = Infinity): TaxonomyIndex | null {
  for (;;) {
    const step = steps.next();
    if (step.done) {
      indexes.set(taxonomy, step.value);
      building.delete(taxonomy);
      return step.value;
    }
    if (performance.now() >= until) return null;
  }
}

function indexFor(taxonomy: Taxonomy): TaxonomyIndex {
  return indexes.get(taxonomy) ?? finish(taxonomy, building.get(taxonomy) ?? taxonomyIndexSteps(taxonomy))!;
}

/**
 * Build the index when the page is idle, not inside the first render, a slice at a time within
 * each idle period (at least one slice of about 2,000 causes): over a large taxonomy no single task
 * blocks the agent's typing.
 */
function prepareIndex(taxonomy: Taxonomy): void {
  if (indexes.has(taxonomy) || building.has(taxonomy)) return;
  const steps = taxonomyIndexSteps(taxonomy);
  building.set(taxonomy, steps);
  const later = (run: (budget: number) => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback((deadline) => run(deadline.timeRemaining()), { timeout: 2000 })
      : setTimeout(() => run(8), 16);
  const slice = (budget: number) => {
    if (building.get(taxonomy) !== steps) return; // finished on demand meanwhile
    if (!finish(taxonomy, steps, performance.now() + budget - 2)) later(slice);
  };
  later(slice);
}

interface OfferAcceptDetail {
  interactionId?: unknown;
  accepted?: unknown;
  offers?: unknown;
}

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
 * Saving stores the log in the durable outbox first ("Saved on this device; sending…") and then shows
 * its delivery status; a log the host refused can be edited and resent, or discarded. The draft of
 * each interaction survives a reload. With a host that declares `wrapUpGuard`, wrap-up waits until
 * the log is saved (attribute `guard-wrap-up`, default on).
 *
 * @fires mend-root-cause-log - The log was saved (detail: the `RootCauseLog`).
 * @fires mend-time-limit - The interaction ran past the policy's limit unresolved (once per interaction).
 * @fires mend-wrap-up-check - The host asked whether wrap-up may go on (detail: interactionId, allow, message).
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
export class MendRootCauseLogger extends MendElement {
  static override styles = [...MendElement.styles, rootCauseLoggerStyles];
  static override localStrings = rootCauseLoggerStrings;

  /** The root-cause taxonomy (plain-properties mode; wins over the host's). */
  @property({ attribute: false }) taxonomy?: Taxonomy;

  /** Counts of recently logged root causes (plain-properties mode; wins over the host's). */
  @property({ attribute: false }) recurrence?: RecurrenceCount[];

  /** The recovery policy: recurrence window and threshold, time limit (wins over the host's). */
  @property({ attribute: false }) policy?: RecoveryPolicy;

  /** The active interaction (plain-properties mode; wins over the host's). */
  @property({ attribute: false }) interaction?: Interaction | null;

  /** The resolution to pre-fill (e.g. the recovery recorded in the picker), unless the agent typed one. */
  @property() resolution?: string;

  /**
   * Hold the host's wrap-up until the log is saved (hosts with capability `wrapUpGuard`). On by
   * default; `guard-wrap-up="false"` turns it off.
   */
  @property({ attribute: 'guard-wrap-up', reflect: false, converter: { fromAttribute: (v: string | null) => v !== 'false' } })
  guardWrapUp = true;

  /** The clock for the R10 time limit, in ms since the epoch (tests, replays). Default: now. */
  @property({ type: Number }) now?: number;

  /** How often the time limit is checked, in ms. */
  @property({ type: Number, attribute: 'time-check-interval' }) timeCheckInterval = 30_000;

  @state() private draft: LoggerDraft = EMPTY;
  @state() private open = false;
  @state() private active = -1;
  @state() private results: RootCauseMatch[] = [];
  @state() private errors: ReadonlySet<Field> = new Set();
  @state() private busy = false;
  @state() private saveError = '';
  @state() private wrapUpRefusedFor: string | null = null;

  #drafts = new DraftController<LoggerDraft>(this, 'root-cause-logger');
  #loadedFor: string | null | undefined = undefined;
  #taxonomyRead: Read<Taxonomy> | null = null;
  #policyRead: Read<RecoveryPolicy> | null = null;
  #recurrenceRead: Read<RecurrenceCount[]> | null = null;
  #outbox = new OutboxWatch(this);
  #guardOff: (() => void) | null = null;
  #guardFor: unknown = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #overdue = new Map<string, { minutes: number; limit: number; notified: boolean }>();
  #submitted = false;
  #saving: Promise<void> = Promise.resolve();
  #lastStatus: string | null = null;
  #onOffer = (event: Event) => this.#offerAccepted((event as CustomEvent<OfferAcceptDetail>).detail);

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
    const allow = !!interactionId && this.#isLogged(interactionId);
    const message = allow ? undefined : this.t('rcWrapUpBlocked');
    if (!allow) {
      // Keyed to the contact: shown while it is (or once it becomes) the active one.
      this.wrapUpRefusedFor = interactionId;
      this.announce(message!);
    }
    this.emit('mend-wrap-up-check', { interactionId, allow, message });
    return message ? { allow, message } : { allow };
  }

  /**
   * Check the R10 time limit now (also runs every `timeCheckInterval` ms). When the active
   * interaction is overdue, fires `mend-time-limit` and queues one `notifyManager` write (key
   * `notify:<interactionId>`) when the host can notify. Returns whether it is overdue.
   */
  checkTimeLimit(): boolean {
    const interaction = this.#interaction;
    const policy = this.#policy;
    if (!interaction || !policy) return false;
    if (this.#overdue.has(interaction.id)) return true;
    const limit = policy.unresolvedLimitMinutes;
    const result = timeLimit(
      { startedAt: interaction.startedAt, resolved: interaction.resolved || this.complete },
      this.now ?? Date.now(),
      limit,
    );
    if (!result.overdue) return false;
    const session = this.session;
    const notified = !!session && session.host.can('notifyManager');
    this.#overdue.set(interaction.id, { minutes: result.minutesOpen, limit, notified });
    if (notified) {
      void session!
        .openOutbox()
        .then((outbox) => outbox.enqueue('notifyManager', {
          idempotencyKey: `notify:${interaction.id}`,
          interactionId: interaction.id,
          customerId: interaction.customerId,
          at: new Date().toISOString(),
          minutesOpen: result.minutesOpen,
          limitMinutes: limit,
        }))
        .catch(() => {});
    }
    this.emit('mend-time-limit', {
      interactionId: interaction.id,
      customerId: interaction.customerId,
      minutesOpen: result.minutesOpen,
      limitMinutes: limit,
      notified,
      reasons: result.reasons,
    });
    this.announce(this.#overdueText(interaction.id));
    this.requestUpdate();
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('mend-offer-accept', this.#onOffer);
    this.#restartTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('mend-offer-accept', this.#onOffer);
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#guardOff?.();
    this.#guardOff = null;
    this.#guardFor = null;
  }

  // ---- data --------------------------------------------------------------------------------

  get #interaction(): Interaction | null {
    return this.interaction !== undefined ? this.interaction : (this.session?.interaction ?? null);
  }

  get #taxonomy(): Taxonomy | undefined {
    return this.taxonomy ?? this.#taxonomyRead?.value;
  }

  /** The policy, or undefined while the host's is still loading. */
  get #policy(): RecoveryPolicy | undefined {
    if (this.policy) return this.policy;
    const read = this.#policyRead;
    if (read?.value) return read.value;
    return read && (read.status === 'loading' || read.status === 'idle') ? undefined : DEFAULT_POLICY;
  }

  get #index(): TaxonomyIndex | null {
    const taxonomy = this.#taxonomy;
    return taxonomy ? indexFor(taxonomy) : null;
  }

  get #canWrite(): boolean {
    return !!this.session && this.session.host.can('logRootCause');
  }

  #entry(id = this.draft.savedId): OutboxEntry | undefined {
    return id ? this.#outbox.outbox?.entry(id) : undefined;
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
    return this.#entry(draft.savedId)?.status !== 'needs_attention';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const session = this.session;
    this.#taxonomyRead = this.taxonomy ? null : readTaxonomy(session);
    this.#policyRead = this.policy ? null : readPolicy(session);
    this.#recurrenceRead = this.recurrence ? null : readRecurrence(session);
    this.#outbox.follow(session);

    const id = this.#interaction?.id ?? null;
    if (id !== this.#loadedFor) {
      this.#loadedFor = id;
      const stored = id ? this.#drafts.read(this.#draftId(id)) : undefined;
      this.draft = stored ? { ...EMPTY, ...stored } : { ...EMPTY, resolution: this.resolution ?? '' };
      this.open = false;
      this.active = -1;
      this.results = [];
      this.errors = new Set();
      this.#submitted = false;
      this.saveError = '';
    } else if (changed.has('resolution') && !this.draft.resolutionEdited && !this.#locked) {
      this.#update({ resolution: this.resolution ?? '' });
    }
    // Say delivery changes politely (focus stays where the agent is).
    const entry = this.#entry();
    const status = entry?.status ?? null;
    if (status !== this.#lastStatus) {
      if (this.#lastStatus && status === 'sent') this.announce(this.t('sent'));
      if (status === 'needs_attention') this.announce(this.t('needsAttention', { message: this.failure(entry!.lastError) }));
      this.#lastStatus = status;
    }
    // Delivered: keep only the marker that it was logged (the text is at the host now).
    // A saved log the loaded outbox no longer holds was delivered (by this page before a reload,
    // or by another tab): only confirmed entries leave it.
    const delivered = entry ? entry.status === 'sent' : this.#outbox.loaded && !!this.draft.savedId;
    if (id && delivered && !this.draft.sent) {
      this.draft = { ...this.draft, sent: true };
      this.#drafts.write(this.#draftId(id), { ...EMPTY, savedId: this.draft.savedId, sent: true });
    }
    // R10: checked on every update (new interaction, policy loaded, clock moved) and by the timer.
    if (id && !this.#overdue.has(id)) this.checkTimeLimit();
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#syncGuard();
    const taxonomy = this.#taxonomy;
    if (taxonomy) prepareIndex(taxonomy);
    if (changed.has('timeCheckInterval')) this.#restartTimer();
    if ((changed as Map<PropertyKey, unknown>).has('active') && this.active >= 0)
      this.renderRoot.querySelector(`#cause-opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  #restartTimer(): void {
    clearInterval(this.#timer);
    if (!this.isConnected) return;
    this.#timer = setInterval(() => this.checkTimeLimit(), Math.max(1000, this.timeCheckInterval));
  }

  #syncGuard(): void {
    const session = this.session;
    const want = this.isConnected && this.guardWrapUp && !!session && session.host.can('wrapUpGuard') ? session : null;
    if (want === this.#guardFor) return;
    this.#guardOff?.();
    this.#guardOff = null;
    this.#guardFor = want;
    // A save still being stored when the host asks is waited for, not refused.
    if (want)
      this.#guardOff = want.host.registerWrapUpGuard(async (id) => {
        if (id === this.#loadedFor) await this.#saving;
        return this.checkWrapUp(id);
      });
  }

  #offerAccepted(detail: OfferAcceptDetail | null | undefined): void {
    if (!detail || typeof detail.interactionId !== 'string' || !Array.isArray(detail.offers)) return;
    const labels = (detail.offers as Array<{ label?: unknown; amount?: unknown }>)
      .map((o) =>
        typeof o?.label !== 'string'
          ? ''
          : Number.isSafeInteger(o.amount) && (o.amount as number) > 0
            ? `${o.label} ${formatMoney(o.amount as number, this.resolvedCurrency, this.resolvedLocale)}`
            : o.label,
      )
      .filter(Boolean);
    if (!labels.length) return;
    const text = `${labels.join('; ')}${detail.accepted === false ? ` ${this.t('rcDeclined')}` : ''}`;
    const id = detail.interactionId;
    if (id === this.#loadedFor) {
      if (this.draft.resolutionEdited || this.#locked) return;
      this.#update({ resolution: text });
      this.announce(this.t('rcPrefilled'));
    } else {
      const stored = this.#drafts.read(this.#draftId(id)) ?? EMPTY;
      if (!stored.resolutionEdited && !stored.savedId) this.#drafts.write(this.#draftId(id), { ...EMPTY, ...stored, resolution: text });
    }
  }

  #update(patch: Partial<LoggerDraft>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.#loadedFor) this.#drafts.write(this.#draftId(this.#loadedFor), this.draft);
    if (this.#submitted) this.errors = this.#validate();
  }

  // ---- combobox ----------------------------------------------------------------------------

  #search(query: string, all = false): void {
    const index = this.#index;
    this.results = index && (all || query.trim()) ? index.search(query, MAX_OPTIONS) : [];
    this.open = this.results.length > 0;
    this.active = -1;
    if (index && query.trim()) {
      this.announce(this.results.length ? this.t('rcResults', { count: this.results.length }) : this.t('rcNoMatch'));
    }
  }

  #onCauseInput(event: Event): void {
    const query = (event.target as HTMLInputElement).value;
    const selected = this.draft.causeId ? this.#index?.byId(this.draft.causeId) : undefined;
    this.#update({ query, causeId: selected && selected.label === query ? selected.id : '' });
    this.#search(query);
  }

  #choose(match: RootCauseMatch): void {
    const changed = match.cause.id !== this.draft.causeId;
    this.#update({ query: match.cause.label, causeId: match.cause.id, departmentId: changed ? '' : this.draft.departmentId });
    this.open = false;
    this.active = -1;
  }

  #onCauseKey(event: KeyboardEvent): void {
    const count = this.results.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.open) {
          if (!this.results.length) this.#search(this.draft.query, true);
          if (!this.results.length) return;
          this.open = true;
          if (event.altKey) return;
        }
        const down = event.key === 'ArrowDown';
        this.active = this.active < 0 ? (down ? 0 : count - 1) : (this.active + (down ? 1 : count - 1)) % count;
        break;
      }
      case 'Home':
      case 'End':
        if (!this.open || this.active < 0) return;
        event.preventDefault();
        this.active = event.key === 'Home' ? 0 : count - 1;
        break;
      case 'Enter':
        event.preventDefault();
        if (this.open && this.active >= 0) this.#choose(this.results[this.active]!);
        else this.open = false;
        break;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.open = false;
          this.active = -1;
        } else if (this.draft.query) {
          event.preventDefault();
          this.#update({ query: '', causeId: '' });
          this.results = [];
        }
        break;
      case 'Tab':
        this.open = false;
        break;
    }
  }

  // ---- saving ------------------------------------------------------------------------------

  get #locked(): boolean {
    if (!this.draft.savedId) return false;
    return this.#entry()?.status !== 'needs_attention';
  }

  #validate(): Set<Field> {
    const d = this.draft;
    const errors = new Set<Field>();
    if (!d.problem.trim()) errors.add('problem');
    if (!d.causeId || !this.#index?.byId(d.causeId)) errors.add('cause');
    if (!this.#departmentId) errors.add('department');
    if (!d.resolution.trim()) errors.add('resolution');
    return errors;
  }

  get #routed() {
    // Only a chosen cause needs the index (building it is the idle task's job, not a render's).
    const causeId = this.draft.causeId;
    const index = causeId ? this.#index : null;
    return index ? route(causeId, index).department : undefined;
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
      const first = FIELDS.find((f) => errors.has(f))!;
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    const key = this.draft.key ?? crypto.randomUUID();
    this.#update({ key });
    const d = this.draft;
    const log: RootCauseLog = {
      idempotencyKey: key,
      interactionId: interaction.id,
      customerId: interaction.customerId,
      at: new Date().toISOString(),
      problem: d.problem.trim(),
      causeId: d.causeId,
      departmentId: this.#departmentId,
      resolution: d.resolution.trim(),
      notifyDepartment: d.notify,
    };
    const resend = d.savedId && this.#entry()?.status === 'needs_attention';
    this.busy = true;
    this.saveError = '';
    try {
      const outbox = this.#canWrite ? await this.session!.openOutbox() : null;
      if (outbox && resend) await outbox.resend(key, log);
      else if (outbox) await outbox.enqueue('logRootCause', log);
      if (interaction.id !== this.#loadedFor) return;
      this.#update({ savedId: key, sent: !outbox });
      if (!outbox && this.#loadedFor) this.#drafts.write(this.#draftId(this.#loadedFor), { ...EMPTY, savedId: key, sent: true });
      this.emit('mend-root-cause-log', log);
      this.announce(this.t(outbox ? 'savedLocally' : 'rcLogged'));
    } catch (error) {
      this.saveError = this.t('rcSaveFailed', { message: this.failure(toHostError(error)) });
      this.announce(this.saveError);
    } finally {
      this.busy = false;
    }
  }

  async #discard(): Promise<void> {
    const id = this.draft.savedId;
    if (!id || this.busy) return;
    this.busy = true;
    try {
      await this.#outbox.outbox?.discard(id);
      this.#update({ savedId: undefined, key: undefined, sent: false });
    } finally {
      this.busy = false;
    }
  }

  // ---- render ------------------------------------------------------------------------------

  #overdueText(id: string): string {
    const o = this.#overdue.get(id);
    if (!o) return '';
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
    if (this.draft.query.trim() && !this.draft.causeId && !this.results.length && taxonomy)
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
    const department = this.#index?.department(this.#departmentId)?.name ?? this.#departmentId;
    return html`<p part="recurrence" id="recurrence">
      ${this.t('rcRecurring', { count: result.count, days: result.windowDays, department })}
    </p>`;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    const d = this.draft;
    if (this.saveError) return html`<p part="status" data-status="error">${this.saveError}</p>`;
    if (!d.savedId) return nothing;
    const entry = this.#entry();
    if (!this.#canWrite || (!entry && d.sent))
      return html`<p part="status" data-status="sent">✓ ${this.t(this.#canWrite ? 'sent' : 'rcLogged')}</p>`;
    if (!entry) return html`<p part="status" data-status="queued">${this.t('savedLocally')}</p>`;
    switch (entry.status) {
      case 'sent':
        return html`<p part="status" data-status="sent">✓ ${this.t('sent')}</p>`;
      case 'needs_attention':
        return html`<p part="status" data-status="needs_attention" id="status-attention">
          ⚠ ${this.t('needsAttention', { message: this.failure(entry.lastError) })}
        </p>`;
      default:
        return html`<p part="status" data-status=${entry.status}>
          ${entry.lastError && entry.attempts > 0 ? this.t('rcWaiting') : this.t('savedLocally')}
        </p>`;
    }
  }

  protected override render(): TemplateResult {
    const interaction = this.#interaction;
    const d = this.draft;
    const taxonomy = this.#taxonomy;
    const locked = this.#locked;
    const attention = !!d.savedId && this.#entry()?.status === 'needs_attention';
    const routed = this.#routed;
    const departments = this.#taxonomy?.departments ?? [];
    const departmentId = this.#departmentId;
    const overridden = !!routed && !!d.departmentId && d.departmentId !== routed.id;
    const activeId = this.open && this.active >= 0 ? `cause-opt-${this.active}` : '';
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
        <fieldset part="fields" ?disabled=${locked || !interaction}>
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
                aria-expanded=${this.open ? 'true' : 'false'}
                aria-controls="cause-list"
                aria-activedescendant=${activeId || nothing}
                aria-invalid=${this.errors.has('cause') ? 'true' : 'false'}
                aria-describedby=${this.#describedBy('cause', 'cause-hint', this.#renderRecurrence() === nothing ? '' : 'recurrence')}
                ?disabled=${!taxonomy}
                .value=${live(d.query)}
                @input=${this.#onCauseInput}
                @keydown=${this.#onCauseKey}
                @blur=${() => (this.open = false)}
              />
              <ul id="cause-list" part="listbox" role="listbox" aria-labelledby="cause-label" ?hidden=${!this.open}>
                ${this.open
                  ? this.results.map(
                      (m, i) => html`<li
                        id="cause-opt-${i}"
                        part="option"
                        role="option"
                        aria-selected=${i === this.active ? 'true' : 'false'}
                        @mousedown=${(e: Event) => e.preventDefault()}
                        @click=${() => this.#choose(m)}
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
            aria-disabled=${this.busy || locked || !interaction ? 'true' : 'false'}
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
        ${interaction && this.#overdue.has(interaction.id)
          ? html`<p part="time-limit">⏱ ${this.#overdueText(interaction.id)}</p>`
          : nothing}
        ${interaction && this.wrapUpRefusedFor === interaction.id && !this.complete ? html`<p part="wrap-up">⚠ ${this.t('rcWrapUpBlocked')}</p>` : nothing}
      </form>
      ${this.renderAnnouncer()}
    </section>`;
  }
}
