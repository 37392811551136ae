/**
 * The logger's form, one part loaded on demand (src/controllers/on-demand.ts) at the element's first
 * update, at the same moment as the host's data is read, so it adds no wait: the draft of the
 * interaction shown, the saved log's writes and status, the R10 time limit, the type-ahead's loader,
 * the save flow and the templates of the form. The element keeps its properties, its public API,
 * the wrap-up guard and the form association, and shows its loading state until this is in.
 *
 * A helper of the element (typed against `ReactiveControllerHost & HTMLElement`): it adds its
 * controllers to the element when it is made, and the element forwards `willUpdate`, `updated` and
 * `render` to it.
 */
import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { HostSession } from '../../adapter/session.js';
import { lookup } from '../../base/taxonomy-lookup.js';
import type { Invalidity } from '../../controllers/form-control.js';
import { TimeLimitController } from '../../controllers/time-limit.js';
import { WriteAction } from '../../controllers/write-action.js';
import type { RootCauseField } from '../../core/root-cause-form.js';
import { recurrence } from '../../core/root-cause-rules.js';
import { LoggerDraft } from './root-cause-logger.draft.js';
import type { LoggerInputs } from './root-cause-logger.inputs.js';
import { discardLog, renderStatus, saveLog } from './root-cause-logger.save.js';
import { TypeaheadLoader } from './root-cause-logger.search.js';
import type { LoggerKey } from './root-cause-logger.strings.js';
import { overdueText, renderForm, renderOverdue, REQUIRED, type Words } from './root-cause-logger.view.js';

const MAX_OPTIONS = 20;
const LABELS: Record<RootCauseField, LoggerKey> = { problem: 'rcProblem', cause: 'rcCause', department: 'rcDepartment', resolution: 'rcResolution' };

/** The element, as its form sees it. */
export type LoggerElement = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the form needs from the element. */
export interface LoggerHost {
  inputs: LoggerInputs;
  session: () => HostSession | null;
  t: Words;
  failure: (error: { code?: string; message?: string } | null | undefined) => string;
  announce: (message: string) => void;
  /** Work the element's `updateComplete` waits for. */
  wait: (work: Promise<unknown>) => void;
  locale: () => string;
  currency: () => string;
  /** A list in words for the locale ("a, b and c"), a count in its digits. */
  list: (items: string[]) => string;
  number: (n: number) => string;
  /** The page's resolution (the element's `resolution`). */
  resolution: () => string | undefined;
  /** The clock for the time limit, and how often it is checked. */
  now: () => number;
  interval: () => number;
}

export class LoggerReady {
  busy = false;
  readonly d: LoggerDraft;
  readonly limit: TimeLimitController;
  readonly #writes: WriteAction;
  readonly #search: TypeaheadLoader;
  readonly #el: LoggerElement;
  readonly #h: LoggerHost;
  #saving: Promise<void> = Promise.resolve();

  constructor(el: LoggerElement, h: LoggerHost) {
    this.#el = el;
    this.#h = h;
    const { inputs, t } = h;
    this.#writes = new WriteAction(el, {
      session: h.session,
      t,
      failure: h.failure,
      announce: h.announce,
      // The save button says the log is being stored (busy); a failure is the logger's own words.
      words: { storing: null, failed: 'rcSaveFailed', storage_full: 'rcSaveFailed' },
    });
    this.d = new LoggerDraft(el, {
      scope: () => h.session()?.host.adapter.storageScope,
      taxonomy: () => inputs.taxonomy,
      writes: this.#writes,
      resolution: h.resolution,
      currency: h.currency,
      locale: h.locale,
      declined: () => t('rcDeclined'),
    });
    /** The type-ahead (search, options, the suggested cause), loaded when the page is idle or the agent starts typing. */
    this.#search = new TypeaheadLoader(el, {
      t,
      announce: h.announce,
      taxonomy: () => inputs.taxonomy,
      draft: () => this.d.draft,
      update: (patch) => this.d.update(patch),
      facts: () => inputs.facts,
      seen: (id) => this.#seen(id),
      department: () => this.d.departmentName,
      limit: MAX_OPTIONS,
    });
    this.limit = new TimeLimitController(el, {
      session: h.session,
      interaction: () => inputs.interaction,
      policy: () => inputs.policy,
      resolved: () => this.logged(inputs.interaction?.id),
      now: h.now,
      interval: h.interval,
      changed: (_id, overdue) => h.announce(overdueText(t, overdue)),
      wait: h.wait,
    });
  }

  /** How often a cause was logged in the window (the R8 rule over the counts, default policy while loading). */
  #seen(causeId: string) {
    const inputs = this.#h.inputs;
    return recurrence(inputs.counts ?? [], causeId, inputs.recurrence);
  }

  /** How often the chosen cause was logged in the window, when that makes it recurring (R8). */
  #recurring(causeId: string): { count: number; days: number } | null {
    const { policy, counts } = this.#h.inputs;
    const result = policy && counts && causeId ? this.#seen(causeId) : null;
    return result?.recurring ? { count: result.count, days: result.windowDays } : null;
  }

  /** Whether the log of `id` is saved and not refused by the host. */
  logged(id: string | undefined): boolean {
    return !!id && this.d.isLogged(id);
  }

  /** A save of `id` still being stored (the wrap-up guard waits for it). */
  settle(id: string): Promise<void> | undefined {
    return id === this.d.shown ? this.#saving : undefined;
  }

  /** The element's `willUpdate` (after the inputs are read). */
  willUpdate(resolutionChanged: boolean): void {
    const h = this.#h;
    this.#writes.watch.follow(h.session());
    const interaction = h.inputs.interaction;
    const id = interaction?.id ?? null;
    const d = this.d;
    // Another contact: its own draft (with the recovery recorded for it). The page's resolution fills one the agent did not write.
    if (d.follow(interaction)) this.#search.typeahead?.search.reset();
    else if (resolutionChanged && !d.draft.resolutionEdited && !d.locked) d.update({ resolution: h.resolution() ?? '' });
    // Known facts fill what the agent has not written: the subject as the problem, the suggested cause.
    if (interaction && !d.locked) {
      d.known(interaction);
      this.#search.typeahead?.fill();
    }
    this.#writes.track(d.draft.key ? [d.draft.key] : []);
    // Delivery is said politely (focus stays where the agent is); refusals are said by the write action.
    d.followDelivery(() => h.announce(h.t('sent')));
    // R10: checked on every update (new interaction, policy loaded, clock moved) and by the timer.
    if (id && !this.limit.overdue(id)) this.limit.check();
  }

  /** The element's `updated`: the type-ahead loads once the page is idle. */
  updated(): void {
    if (this.#h.inputs.taxonomy) this.#search.whenIdle();
  }

  // ---- the form's value --------------------------------------------------------------------

  /** Why the value cannot be submitted: nothing typed yet is no value (the wrap-up guard asks for the log); a started one must be complete. */
  invalidity(): Invalidity | null {
    const first = this.d.value ? this.d.firstMissing : undefined;
    return first ? { flags: { valueMissing: true }, message: this.#h.t(REQUIRED[first]) } : null;
  }

  /** Where `reportValidity()` points: the first field to fix. */
  anchor(): HTMLElement | null {
    return this.#field(this.d.firstMissing);
  }

  /** `form.reset()`: the interaction's fresh draft (not once saved). */
  reset(): void {
    const d = this.d;
    if (d.locked) return;
    d.submitted = false;
    d.errors = new Set();
    d.update(d.fresh(this.#h.inputs.interaction));
    this.#search.typeahead?.search.reset();
  }

  /** The focus hand-off's target: the first field still needing the agent, or Log root cause when the log is complete. */
  nextTarget(): HTMLElement | null {
    if (!this.#h.inputs.interaction || this.d.locked) return null;
    return this.#field(this.d.firstMissing) ?? this.#el.renderRoot.querySelector<HTMLElement>('button[type="submit"]');
  }

  #field(field: RootCauseField | undefined): HTMLElement | null {
    return field ? this.#el.renderRoot.querySelector<HTMLElement>(`#${field}`) : null;
  }

  // ---- saving ------------------------------------------------------------------------------

  #busy(busy: boolean): void {
    this.busy = busy;
    this.#el.requestUpdate();
  }

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
    return (this.#saving = this.#store());
  }

  async #store(): Promise<void> {
    const h = this.#h;
    const interaction = h.inputs.interaction;
    if (this.d.locked || !interaction) return; // #save checked busy
    const missing = this.d.check();
    if (missing.length) {
      h.announce(h.t('rcMissing', { fields: h.list(missing.map((f) => h.t(LABELS[f]))) }));
      await this.#el.updateComplete;
      return void this.#field(missing[0])?.focus();
    }
    await saveLog({ ...this.#saveContext, interaction, outbox: h.inputs.canWrite, t: h.t, announce: h.announce });
  }

  get #saveContext() {
    return { writes: this.#writes, draft: this.d, busy: (busy: boolean) => this.#busy(busy) };
  }

  #discard(): void {
    const id = this.d.draft.savedId;
    if (!id || this.busy) return;
    this.#h.wait(discardLog(this.#saveContext, id));
  }

  // ---- render ------------------------------------------------------------------------------

  /** The form; `disabled`: the element or the form around it is; `wrapUp`: the guard's refusal, if shown. */
  render(disabled: boolean, wrapUp: unknown): TemplateResult {
    const { inputs, t } = this.#h;
    const interaction = inputs.interaction;
    const d = this.d.draft;
    const off = this.d.locked || !interaction || disabled;
    const recurrence = this.#recurring(d.causeId);
    return renderForm({
      t,
      failure: this.#h.failure,
      number: this.#h.number,
      draft: d,
      errors: this.d.errors,
      taxonomy: inputs.taxonomy,
      read: inputs.taxonomyRead,
      typeahead: this.#search.typeahead,
      loading: this.#search.loading,
      off,
      saveOff: off || this.busy,
      busy: this.busy,
      attention: !!d.savedId && this.#writes.entry(d.savedId)?.status === 'needs_attention',
      routed: this.d.routed,
      departmentId: this.d.departmentId,
      recurrence,
      department: recurrence ? this.d.departmentName : '',
      noWrite: !!this.#h.session() && !inputs.canWrite,
      after: [
        d.key || d.savedId ? renderStatus(t, d, this.#writes, inputs.canWrite) : nothing,
        renderOverdue(t, interaction ? this.limit.overdue(interaction.id) : undefined),
        wrapUp,
      ],
      update: (patch) => this.d.update(patch),
      onCauseInput: (e) => this.#search.onInput(e, (id) => inputs.taxonomy && lookup(inputs.taxonomy).byId(id)?.label),
      onCauseKey: (e) => this.#search.onKey(e),
      onSubmit: (e) => void this.#save(e),
      onFormKey: (e) => this.#onFormKey(e),
      onDiscard: () => this.#discard(),
    });
  }
}
