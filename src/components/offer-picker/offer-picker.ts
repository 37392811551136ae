import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FormAssociated } from '../../base/form-associated.js';
import { MendElement } from '../../base/mend-element.js';
import { FocusStep } from '../../controllers/focus-step.js';
import { FormControlController, type Invalidity } from '../../controllers/form-control.js';
import { part } from '../../controllers/on-demand.js';
import type { RadioGroupController } from '../../controllers/radio-group.js';
import { readContext, readFund, readHistory, readPolicy, type Read } from '../../controllers/reads.js';
import { StorageNotice, storageStrings } from '../../controllers/storage-notice.js';
import type { BaggageLevel, ChosenOffer, CustomerHistory, Fund, Interaction, RecoveryPolicy, Severity } from '../../core/model.js';
import type { PickerChoice } from './offer-picker.choice.js';
import type { PickerModel } from './offer-picker.model.js';
import { RECOVERY_TARGET, renderError, renderPicker } from './offer-picker.view.js';
import { offerPickerStrings } from './offer-picker.strings.js';
import { offerPickerStyles } from './offer-picker.styles.js';
import type { Words } from './offer-words.js';

/**
 * The parts loaded on demand, once per page (not needed before the first render). What shows the
 * host's answer and acts on it (the recommendation rules, the model, the card, the words, the
 * agent's choice, the write path): asked for at the first update, in parallel with the host's reads.
 */
const ready = part(() => import('./offer-picker.ready.js'));
/** Behind "Other options": every bundle and the composer. */
const options = part(() => import('./options.js'));
/** The baggage assessment (host mode, without a `baggage` property): asked for with the history read. */
const assessment = part(() => import('../../controllers/baggage.js'));

const NO_HISTORY = { key: null, status: 'none', retry() {} } as Read<CustomerHistory>;

/**
 * @tagname mend-offer-picker
 * @summary Recommends, composes and records a service recovery: apology, assistance, compensation
 * and non-monetary remedies, within the agent's authority and fund.
 *
 * **The recommendation is one action.** The top bundle (the core's `recommend`, channel-aware) is a
 * card: what it gives, each amount beside its offer and the fund after it, why in one line, and one
 * **Accept** that chooses and confirms it (spend, then record). When the customer's baggage is not
 * acknowledged yet, Accept also stores the `acknowledgeBaggage` write with the banner's key (the
 * banner then shows it as done; a retried write applies once); the card says so first. After Accept
 * the confirmation stays under the card and focus moves to the root cause (`session.handOff`), else
 * stays on Accept. The picker offers focus for the `recovery` step (a console's hotkey lands on Accept).
 *
 * **Other options** (a disclosure, loaded on demand): every bundle with why, and the composer. An
 * apology is always offered and never enough alone. Compensation shows its live impact on the shared
 * fund (the one `<mend-fund-meter>` shows); above the agent's authority, the approval threshold or
 * what is left, Confirm becomes "Request approval"; above the per-action cap it is refused with the
 * reason. Rule codes stay in data and docs (docs/rules.md), never in what the agent reads.
 *
 * **Host mode**: with an `adapter` (or inside `<mend-host>`), policy, severity, customer history
 * (baggage, the banner's assessment) and fund come from the host; Accept and Confirm spend with the
 * fund version seen and record the recovery through the durable outbox.
 *
 * **Plain-properties mode**: without an adapter, set `.policy` (default: the core's
 * `DEFAULT_POLICY`), `.fund`, `severity`, `baggage` and `.interaction`; Accept, Confirm and Decline then
 * only fire `mend-offer-accept` / `mend-offer-reject` for the page to act on. A property set by the
 * page always wins over host data.
 *
 * **Loading**: the first render is the title and the loading state (`aria-busy`). What shows the
 * answer (the recommendation rules, the card, the words, the write path) loads as one part at the
 * first update, in parallel with the host's reads; `updateComplete` waits for it, and a part that
 * could not load is an error line with Retry. A `value` set before then is restored once it is in.
 *
 * **Forms**: a form-associated element. Its `value` (and form value under `name`) is the JSON of the
 * chosen offers (`ChosenOffer[]`); it is invalid when the choice is not a recovery (an apology alone,
 * or not enough for the severity, with the core's reason), when a typed amount is not an amount,
 * or when the fund refuses the amount. `form.reset()` clears the choice.
 *
 * @fires {Event} change - The agent changed the selection (Accept and Decline on the card choose its bundle
 *   first): after the selection changed, once per change by the agent (not when code sets a property).
 * @fires mend-offer-accept - The customer accepted: fires after any spend went through and the
 *   `recordRecovery` write is stored (plain mode or a host without it: at Accept / Confirm), never when either
 *   failed; once per recorded recovery. Without an adapter: accepted on the page only, nothing recorded (the
 *   picker says so). Detail: `OfferReactionDetail` (src/events/offer-picker.ts).
 * @fires mend-offer-reject - The customer declined: fires after the declined reaction is stored
 *   (plain mode: at the click), never when storing failed; once per decline. Detail: `OfferReactionDetail`.
 * @fires mend-baggage-acknowledge - Accept acknowledged the customer's baggage (it was not yet): after the
 *   write is stored; once per interaction, shared with the banner's own (same key).
 *
 * @csspart base - The outer container.
 * @csspart header - Title and severity.
 * @csspart title - The heading.
 * @csspart severity - The effective severity line (said once, with why it was raised).
 * @csspart card - The top recommendation as one action.
 * @csspart card-gives - What the card's bundle gives, each amount beside its offer.
 * @csspart card-impact - The fund after accepting the card's bundle.
 * @csspart card-approval - Why the card's bundle needs approval.
 * @csspart card-why - Why this bundle, in one line.
 * @csspart card-records - What Accept also records (the baggage acknowledgement).
 * @csspart card-actions - Accept and Customer declined.
 * @csspart accept - The card's Accept button.
 * @csspart options-toggle - The "Other options" disclosure button.
 * @csspart options - The other bundles and the composer, once opened.
 * @csspart bundles - The radio group of recommended bundles.
 * @csspart bundle - One recommended bundle.
 * @csspart bundles-why - Why these bundles: the reasons they all share, said once above them.
 * @csspart compose - The composition area (all remedy groups).
 * @csspart group - One remedy group (apology, assistance, compensation, remedies).
 * @csspart option - One option inside a group.
 * @csspart amount - The custom amount field and its hint.
 * @csspart impact - The live fund impact line of the composed choice.
 * @csspart approval - The "needs approval" / "refused" line.
 * @csspart validation - Why the current choice is not a recovery yet.
 * @csspart message - The outcome of the last accept, confirm or decline.
 * @csspart storage-notice - The one notice that this browser cannot store work right now (shared by every writing widget).
 * @csspart actions - The button row of the composed choice.
 * @csspart confirm - The Confirm / Request approval button.
 * @csspart decline - The Customer declined button.
 * @csspart loading - The loading placeholder.
 * @csspart error - An error line with its Retry button.
 * @csspart retry - A Retry button.
 * @csspart unsupported - A quiet "not available in this console" line.
 *
 * @cssprop --mend-offer-picker-surface - Background.
 * @cssprop --mend-offer-picker-border-color - Borders of the widget, groups and bundles.
 * @cssprop --mend-offer-picker-accent - Selected bundle marker, card edge and checkbox colour.
 * @cssprop --mend-offer-picker-selected-surface - Background of a selected bundle or option.
 * @cssprop --mend-offer-picker-gap - Space between regions.
 * @cssprop --mend-offer-picker-radius - Corner radius.
 * @cssprop --mend-offer-picker-min-block-size - Space reserved while loading (no layout jump).
 *
 * @slot - None: the picker renders everything from data.
 */
export class MendOfferPicker extends FormAssociated(MendElement) {
  static override styles = [...MendElement.styles, offerPickerStyles];
  /** Default texts of the strings this widget adds (override any through `strings`). */
  static override localStrings = { ...offerPickerStrings, ...storageStrings };

  /** Form field name. */
  @property({ reflect: true }) name = '';
  /** Severity of the current issue (`low`, `medium`, `high` or the policy's own). Default: the host's interaction, then the policy's lowest. */
  @property() severity?: Severity;
  /** Baggage level (`none`, `light`, `heavy`). Default: the shared assessment of the customer's history. */
  @property() baggage?: BaggageLevel;
  /** Agent role selecting the authority limit. Default: the host's agent, then `agent`. */
  @property({ attribute: 'agent-role' }) agentRole?: string;
  /** The recovery policy. Default: the host's, then the core's `DEFAULT_POLICY`. */
  @property({ attribute: false }) policy?: RecoveryPolicy;
  /** The agent's fund. Default: the host's (shared with `<mend-fund-meter>`). */
  @property({ attribute: false }) fund?: Fund;
  /** The current interaction (plain mode). Default: the host's active interaction. */
  @property({ attribute: false }) interaction?: Interaction | null;
  /** Disables the whole picker (also set by a disabled `<fieldset>` or form). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** With `required`, an empty choice is invalid in a form. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** "Other options" is open: all bundles and the composer (loaded on demand). Always open without a recommendation. */
  @property({ type: Boolean, reflect: true, attribute: 'options-open' }) optionsOpen = false;

  #form = new FormControlController(this, {
    value: () => (this.#m?.chosen.length ? JSON.stringify(this.#m.chosen) : null),
    state: () => this.value,
    invalidity: () => this.#invalidity(),
    anchor: () =>
      this.renderRoot.querySelector<HTMLElement>('[part~="compose"] [tabindex="0"], [part~="compose"] input, [part~="accept"], [part~="options-toggle"]'),
    reset: () => this.#clear(),
    restore: (state) => typeof state === 'string' && (this.value = state),
    disabled: () => this.disabled,
  });

  /** The keyboard models of the two radio groups behind "Other options" (bundles, compensation), created with that part. */
  #keys?: RadioGroupController[];
  /** What the agent chose and does with it (offer-picker.choice.ts), once the ready part is in. */
  #choice?: PickerChoice;
  /** A `value` set before the ready part was in: restored when it is. */
  #restoring?: string;
  #storage = new StorageNotice(this, { session: () => this.session, t: (key) => this.t(key), announce: (m) => this.announce(m) });
  #lastInteraction: string | null = null;
  /** The console's recovery hotkey lands on Accept (session.handOff('recovery')); Accept hands off to the root cause. */
  #focus = new FocusStep(this, { step: 'recovery', session: () => this.session, target: () => this.renderRoot.querySelector<HTMLElement>(RECOVERY_TARGET) });
  /** Derived in willUpdate (offer-picker.model.ts), once the ready part is in. */
  #m?: PickerModel;

  /**
   * JSON of the chosen offers (`ChosenOffer[]`); `[]` when nothing is chosen. Setting it restores a
   * choice (no `change`) and opens "Other options", where a restored choice is shown.
   */
  get value(): string {
    return JSON.stringify(this.#m?.chosen ?? []);
  }
  set value(json: string) {
    this.#clear();
    this.#restoring = json;
    this.#restore();
    this.requestUpdate();
  }

  /** The chosen offers. */
  get offers(): ChosenOffer[] {
    return (this.#m?.chosen ?? []).map((o) => ({ ...o }));
  }

  // Form association: FormAssociated forwards the form API to FormControlController.
  protected get formControl(): FormControlController {
    return this.#form;
  }

  get #off(): boolean {
    return this.#form.disabled;
  }
  get #unsupported(): boolean {
    return this.#m?.fundRead.status === 'unsupported' && !this.fund;
  }
  /** Other options are shown: opened, or the only way (no recommendation). */
  get #open(): boolean {
    return this.optionsOpen || !this.#m?.top;
  }
  #radios(group: 'bundles' | 'compensation'): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(`[part~="${group}"] [role="radio"]`)];
  }

  /** Nothing chosen, nothing said, a new intent. */
  #clear(): void {
    this.#choice?.clear();
    this.#restoring = undefined;
  }

  /** A `value` set before the ready part was in, restored once it is. */
  #restore(): void {
    const selection = this.#choice?.selection;
    if (!selection || this.#restoring === undefined) return;
    selection.restore(this.#restoring, this.#m?.policy ?? this.policy ?? ready.value!.DEFAULT_POLICY);
    this.#restoring = undefined;
    if (selection.picked.size || selection.comp) this.optionsOpen = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const session = this.session;
    // The host's reads start here, in parallel with the parts that show their answers.
    const reads = {
      ctx: readContext(session),
      pol: readPolicy(session),
      fundRead: readFund(session),
      hist: this.baggage ? NO_HISTORY : readHistory(session),
    };
    if (session && !this.baggage) this.parts.need(assessment);
    const r = this.parts.need(ready);
    const interaction = this.interaction !== undefined ? this.interaction : (session?.interaction ?? null);
    const id = interaction?.id ?? null;
    if (id !== this.#lastInteraction) {
      // Another interaction: nothing chosen for the previous one carries over.
      if (this.#lastInteraction !== null) this.#clear();
      this.#lastInteraction = id;
    }
    if (!r) return;
    const choice = (this.#choice ??= new r.PickerChoice(this, {
      w: this.#w,
      session: () => this.session,
      model: () => this.#m!,
      off: () => this.#off,
      unsupported: () => this.#unsupported,
      required: () => this.required,
      failure: (error) => this.failure(error),
      announce: (message) => this.announce(message),
      handOff: () => this.#focus.handOff('root-cause'),
      error: (read) => this.#renderError(read),
      options,
      reloadOptions: () => this.parts.reload(options),
    }));
    this.#restore();
    const parser = options.value?.parser;
    this.#m = r.pickerModel(this, {
      session,
      reads,
      selection: choice.selection,
      done: choice.actions.done,
      assess: () => assessment.value?.baggageFor,
      parser: parser && ((currency) => parser(currency, this.resolvedLocale)),
      currency: this.resolvedCurrency,
    });
    if (this.#m.policy && this.#open) this.parts.need(options);
    if (options.value && !this.#keys) this.#keys = this.#radioGroups(options.value.RadioGroupController, choice);
  }

  #radioGroups(Keys: typeof RadioGroupController, choice: PickerChoice): RadioGroupController[] {
    return [
      new Keys(this, {
        elements: () => this.#radios('bundles'),
        isFocusableElement: () => !this.#off,
        elementEnterAction: (radio) => {
          const bundle = this.#m?.rec?.bundles.find((b) => b.id === radio.dataset.id);
          if (bundle) choice.pickBundle(bundle);
        },
      }),
      new Keys(this, {
        elements: () => this.#radios('compensation'),
        // The compensation group is off with the picker, or when the console has no fund.
        isFocusableElement: () => !this.#off && !this.#unsupported,
        elementEnterAction: (radio) => choice.pickComp(radio.dataset.id === 'none' ? null : radio.dataset.id!),
      }),
    ];
  }

  /** The element's words for the sentence helpers (offer-words.ts): money in the fund's currency, the page's locale. */
  #w: Words = {
    t: (key, values) => this.t(key, values),
    money: (minor) => ready.value!.formatMoney(minor, this.#m!.currency, this.resolvedLocale),
    words: (reason) => this.words(reason, 'reason', this.#w.money),
    term: (kind, id) => this.term(kind, id),
  };

  /** Why the current choice cannot be submitted, or null when it can (and while disabled). */
  #invalidity(): Invalidity | null {
    if (this.#choice) return this.#choice.invalidity();
    return this.required && !this.#off ? { flags: { valueMissing: true }, message: this.t('offerEmpty') } : null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The outbox opens once the write path is in, not at the first confirm: once per session (a
    // failed open is tried again at the next update).
    this.#choice?.actions.preload(this.session);
    // The styles of the ready state and of the options come with their parts: adopted once they are in.
    const root = this.shadowRoot;
    for (const sheet of [ready.value?.readyStyles.styleSheet, options.value?.optionsStyles.styleSheet]) {
      if (sheet && root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  // ---- rendering ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const r = ready.value;
    const m = this.#m;
    const choice = this.#choice;
    const loading = !r || !m || r.pickerLoading(m, !!this.baggage, assessment);
    return renderPicker(this.#w, {
      loading: loading && !ready.error,
      severity: r && m && !loading ? r.renderSeverity(m, this.#w) : '',
      storage: this.#storage.render(),
      announcer: this.renderAnnouncer(),
      body:
        r && m && choice
          ? r.renderBody(m, this.#w, {
              session: this.session,
              open: this.#open,
              assessError: assessment.error && !this.baggage && m.hist.value ? { error: assessment.error, retry: () => this.parts.reload(assessment) } : null,
              error: (read) => this.#renderError(read),
              card: (top) => choice.renderCard(top),
              options: (policy) => choice.renderOptions(policy),
              toggle: () => (this.optionsOpen = !this.optionsOpen),
            })
          : ready.error
            ? this.#renderError({ error: ready.error, retry: () => this.parts.reload(ready) })
            : nothing,
    });
  }

  /** An async dependency that failed (a host read, a part loaded on demand), with its Retry. */
  #renderError(read: { error?: unknown; retry(): void }): TemplateResult {
    return renderError(this.#w, this.failure(read.error as Error), () => read.retry());
  }
}
