/**
 * The logger's draft of the interaction shown: what the agent wrote and what is known already (the
 * subject as the problem, the resolution from a recorded recovery or the page), kept per host and
 * interaction across reloads; which required fields are missing; the department it is routed to;
 * whether it is saved. A known fact fills only what the agent has not written.
 *
 * A helper of the element (typed against `ReactiveControllerHost & HTMLElement`, no lifecycle of
 * its own; it adds the DraftController and, once the outbox is there, the RecordedRecovery): the
 * element renders `draft` and `errors`; a change re-renders it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Department, Interaction, Taxonomy } from '../../core/model.js';
import { route } from '../../core/root-cause-rules.js';
import type { RootCauseLog } from '../../adapter/host-adapter.js';
import { draftFromValue, draftValue, EMPTY_DRAFT, logOf, missingFields, ROOT_CAUSE_FIELDS, type RootCauseDraft, type RootCauseField } from '../../core/root-cause-form.js';
import { lookup } from '../../base/taxonomy-lookup.js';
import { DraftController } from '../../controllers/draft.js';
import { RecordedRecovery } from '../../controllers/recorded-recovery.js';
import type { WriteAction } from '../../controllers/write-action.js';


export interface LoggerDraftOptions {
  /** The host's storage scope (interaction ids are only unique within one host). */
  scope: () => string | undefined;
  taxonomy: () => Taxonomy | undefined;
  /** The writes of saved logs (a refused one is not logged). */
  writes: WriteAction;
  /** The resolution the page gives (the element's `resolution`). */
  resolution: () => string | undefined;
  /** Money in the recovery's words is written in this currency and locale. */
  currency: () => string;
  locale: () => string;
  /** Appended to a recovery the customer declined. */
  declined: () => string;
}

export class LoggerDraft {
  draft: RootCauseDraft = EMPTY_DRAFT;
  errors: ReadonlySet<RootCauseField> = new Set();
  /** The agent tried to save: errors follow the fields as they change. */
  submitted = false;
  /** The interaction the draft belongs to (undefined before the first update). */
  shown: string | null | undefined = undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  #recoveries: RecordedRecovery | null = null;
  readonly #options: LoggerDraftOptions;
  readonly #store: DraftController<RootCauseDraft>;
  /** The saved log's outbox status last seen. */
  #status: string | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LoggerDraftOptions) {
    this.#host = host;
    this.#options = options;
    this.#store = new DraftController<RootCauseDraft>(host, 'root-cause-logger');
  }

  /** Drafts are kept per host and interaction: another console's contact of the same id never inherits this one. */
  #key(id: string): string {
    const scope = this.#options.scope();
    return scope ? `${scope}|${id}` : id;
  }

  read(id: string): RootCauseDraft | undefined {
    return id === this.shown ? this.draft : this.#store.read(this.#key(id));
  }

  write(id: string, draft: RootCauseDraft): void {
    this.#store.write(this.#key(id), draft);
  }

  /** What a new interaction's draft starts with: the subject and the page's resolution. */
  fresh(interaction: Interaction | null): RootCauseDraft {
    return { ...EMPTY_DRAFT, problem: interaction?.subject?.trim() ?? '', resolution: this.#options.resolution() ?? '' };
  }

  /**
   * Show the draft of `interaction` (stored, or fresh, with the recovery recorded for it); true when
   * it is another interaction than before. The resolution follows the recoveries recorded through
   * the session (its stored writes), never a page event: followed once the outbox is there.
   */
  follow(interaction: Interaction | null): boolean {
    const { writes } = this.#options;
    if (writes.watch.loaded && !this.#recoveries) {
      this.#recoveries = new RecordedRecovery(this.#host, {
        outbox: () => (writes.watch.loaded ? writes.watch.outbox : null),
        currency: this.#options.currency,
        locale: this.#options.locale,
        declined: this.#options.declined,
        recorded: (id, text, key, fresh) => this.prefill(id, text, key, fresh),
      });
    }
    const id = interaction?.id ?? null;
    if (id === this.shown) return false;
    this.shown = id;
    const stored = id ? this.#store.read(this.#key(id)) : undefined;
    this.draft = stored ? { ...EMPTY_DRAFT, ...stored } : this.fresh(interaction);
    this.errors = new Set();
    this.submitted = false;
    const recovery = id ? this.#recoveries?.latest(id) : undefined;
    if (recovery) this.prefill(id!, recovery.text, recovery.id, false);
    return true;
  }

  /** Change the draft shown (kept at once). */
  update(patch: Partial<RootCauseDraft>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.shown) this.write(this.shown, this.draft);
    if (this.submitted) this.errors = this.validate();
    this.#host.requestUpdate();
  }

  /** The subject fills a problem the agent has not written (nor cleared). */
  known(interaction: Interaction): void {
    const subject = interaction.subject?.trim();
    if (subject && !this.draft.problem && !this.draft.problemEdited) this.update({ problem: subject });
  }

  /** A recovery recorded through the session: the resolution, unless the agent wrote one or saved (another contact's waits in its draft). */
  prefill(interactionId: string, text: string, key: string, fresh: boolean): void {
    if (interactionId === this.shown) {
      if (this.draft.recovery === key || this.draft.resolutionEdited || this.locked) return;
      this.update({ resolution: text, recovery: key });
    } else if (fresh) {
      const stored = this.#store.read(this.#key(interactionId)) ?? EMPTY_DRAFT;
      if (!stored.resolutionEdited && !stored.savedId && stored.recovery !== key) this.write(interactionId, { ...EMPTY_DRAFT, ...stored, resolution: text, recovery: key });
    }
  }

  /** Whether the log of `id` is saved and not refused by the host. */
  isLogged(id: string): boolean {
    const draft = this.read(id);
    return !!draft?.savedId && this.#options.writes.entry(draft.savedId)?.status !== 'needs_attention';
  }

  /** Saved (and not refused): the form is read-only. */
  get locked(): boolean {
    return !!this.shown && this.isLogged(this.shown);
  }

  /** The required fields still missing. */
  validate(): Set<RootCauseField> {
    const taxonomy = this.#options.taxonomy();
    return missingFields(this.draft, this.departmentId, (id) => !!taxonomy && !!lookup(taxonomy).byId(id));
  }

  /** The agent asked to save: the missing fields are marked (and follow the edits from now on), in the form's order. */
  check(): RootCauseField[] {
    this.submitted = true;
    this.errors = this.validate();
    this.#host.requestUpdate();
    return ROOT_CAUSE_FIELDS.filter((f) => this.errors.has(f));
  }

  /** The log of the draft shown, under idempotency key `key`. */
  log(interaction: Interaction, key: string): RootCauseLog {
    return logOf(this.draft, interaction, key, this.departmentId);
  }

  /** Keep only that `id`'s log was saved (`savedId`) and delivered, not its text. */
  delivered(id: string, savedId: string): void {
    this.write(id, { ...EMPTY_DRAFT, savedId, sent: true });
  }

  /** The form value: JSON of what the log holds ('' when nothing). */
  get value(): string {
    return draftValue(this.draft, this.departmentId);
  }

  /** Fill the draft from a form value (a page's `value`, the browser's state restore); not once saved. */
  set value(json: string) {
    const taxonomy = this.#options.taxonomy();
    const cause = (id: string) => (taxonomy && id ? lookup(taxonomy).byId(id) : undefined);
    const patch = draftFromValue(json, (id) => cause(id)?.label, (id) => cause(id)?.departmentId);
    if (patch && !this.locked) this.update(patch);
  }

  /** The first required field missing, if any. */
  get firstMissing(): RootCauseField | undefined {
    const missing = this.validate();
    return ROOT_CAUSE_FIELDS.find((f) => missing.has(f));
  }

  /**
   * Follow the saved log's delivery: `said` when it was delivered after waiting (a prompt delivery
   * was said with the save); once delivered, only the marker that it was logged is kept (the text
   * is at the host now). A saved log the loaded outbox no longer holds was delivered (by this page
   * before a reload, or by another tab): only confirmed entries leave it.
   */
  followDelivery(said: () => void): void {
    const { writes } = this.#options;
    const saved = this.draft.savedId;
    const entry = saved ? writes.entry(saved) : undefined;
    const status = entry?.status ?? null;
    if (status !== this.#status) {
      if (this.#status && status === 'sent' && entry!.attempts > 1) said();
      this.#status = status;
    }
    const delivered = entry ? entry.status === 'sent' : writes.watch.loaded && !!saved;
    if (this.shown && delivered && !this.draft.sent) {
      this.draft = { ...this.draft, sent: true };
      this.delivered(this.shown, saved!);
    }
  }

  /** The chosen cause's department (R8); the search index is not needed for it. */
  get routed(): Department | undefined {
    const causeId = this.draft.causeId;
    const taxonomy = this.#options.taxonomy();
    return causeId && taxonomy ? route(causeId, lookup(taxonomy)).department : undefined;
  }

  /** The agent's department, or the routed one. */
  get departmentId(): string {
    return this.draft.departmentId || this.routed?.id || '';
  }

  get departmentName(): string {
    const taxonomy = this.#options.taxonomy();
    return (taxonomy && lookup(taxonomy).department(this.departmentId)?.name) || this.departmentId;
  }
}
