import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FormAssociated } from '../../base/form-associated.js';
import { MendElement } from '../../base/mend-element.js';
import { FormControlController, type Invalidity } from '../../controllers/form-control.js';
import { OnDemand, part } from '../../controllers/on-demand.js';
import { RadioGroupController } from '../../controllers/radio-group.js';
import { readContext, readFund, readHistory, readPolicy, type Read } from '../../controllers/reads.js';
import { StorageNotice, storageStrings } from '../../controllers/storage-notice.js';
import { evaluateSpend, type SpendDecision } from '../../core/fund.js';
import type { BaggageLevel, ChosenOffer, CustomerHistory, Fund, HostContext, Interaction, Offer, RecoveryPolicy, Severity } from '../../core/model.js';
import { formatMoney } from '../../core/money.js';
import type { Reason } from '../../core/reasons.js';
import { authorityFor, checkBundle, DEFAULT_POLICY, recommend, type Bundle, type BundleCheck, type Recommendation } from '../../core/recovery.js';
import type { OfferReactionDetail } from '../../events/offer-picker.js';
import { offerPickerStrings } from './offer-picker.strings.js';
import { offerPickerStyles } from './offer-picker.styles.js';
import { renderBundles } from './bundles.js';
import { amountMessage, approvalText, impactText, refusedText, renderImpact, type Words } from './offer-words.js';
import { RecoveryActions } from './recovery-actions.js';
import { matchingBundle, OfferSelection } from './selection.js';

/** The parts loaded on demand, once per page: not needed before the first render. */
const composer = part(() => import('./composer.js'));
/** The baggage assessment: only once a customer's history has arrived (host mode). */
const assessment = part(() => import('../../controllers/baggage.js'));

/**
 * @tagname mend-offer-picker
 * @summary Recommends, composes and records a service recovery: apology, assistance, compensation
 * and non-monetary remedies, within the agent's authority and fund (R1, R2, R3, R7, R11).
 *
 * The recommended bundles (from the core's `recommend`) come first, each with why; below, the agent
 * composes their own. An apology is always offered and never enough alone. Compensation shows its
 * live impact on the discretionary fund (the same shared fund state `<mend-fund-meter>` shows);
 * above the agent's authority, the approval threshold or what is left, Confirm becomes
 * "Request approval"; above the per-action cap it is refused with the reason.
 *
 * **Host mode**: with an `adapter` (or inside `<mend-host>`), policy, severity, customer history
 * (baggage, the same assessment the baggage banner uses) and fund come from the host; Confirm spends
 * through the fund with the version it saw and records the recovery through the durable outbox.
 *
 * **Plain-properties mode**: without an adapter, set `.policy` (default: the core's
 * `DEFAULT_POLICY`), `.fund`, `severity`, `baggage` and `.interaction`; Confirm and Decline then
 * only fire `mend-offer-accept` / `mend-offer-reject` for the page to act on. A property set by the
 * page always wins over host data.
 *
 * **Forms**: a form-associated element. Its `value` (and form value under `name`) is the JSON of the
 * chosen offers (`ChosenOffer[]`); it is invalid when the choice is not a recovery (an apology alone,
 * or not enough for the severity, with the core's reason), when a typed amount is not an amount,
 * or when the fund refuses the amount. `form.reset()` clears the choice.
 *
 * @fires change - The agent changed the selection: after the selection changed, once per change by
 *   the agent (not when code sets a property).
 * @fires mend-offer-accept - The customer accepted: fires after any spend went through and the
 *   `recordRecovery` write is stored (plain mode or a host without it: at Confirm), never when either
 *   failed; once per recorded recovery. Without an adapter: accepted on the page only, nothing recorded (the
 *   picker says so). Detail: {@link OfferReactionDetail}.
 * @fires mend-offer-reject - The customer declined: fires after the declined reaction is stored
 *   (plain mode: at the click), never when storing failed; once per decline. Detail: {@link OfferReactionDetail}.
 *
 * @csspart base - The outer container.
 * @csspart header - Title, severity and why.
 * @csspart title - The heading.
 * @csspart severity - The effective severity line.
 * @csspart bundles - The radio group of recommended bundles.
 * @csspart bundle - One recommended bundle.
 * @csspart bundles-why - Why these bundles: the reasons they all share, said once above them.
 * @csspart compose - The composition area (all remedy groups).
 * @csspart group - One remedy group (apology, assistance, compensation, remedies).
 * @csspart option - One option inside a group.
 * @csspart amount - The custom amount field and its hint.
 * @csspart impact - The live fund impact line.
 * @csspart approval - The "needs approval" / "refused" line.
 * @csspart validation - Why the current choice is not a recovery yet.
 * @csspart message - The outcome of the last confirm or decline.
 * @csspart storage-notice - The one notice that this browser cannot store work right now (shared by every writing widget).
 * @csspart actions - The button row.
 * @csspart confirm - The Confirm / Request approval button.
 * @csspart decline - The Customer declined button.
 * @csspart loading - The loading placeholder.
 * @csspart error - An error line with its Retry button.
 * @csspart retry - A Retry button.
 * @csspart unsupported - A quiet "not available in this console" line.
 *
 * @cssprop --mend-offer-picker-surface - Background.
 * @cssprop --mend-offer-picker-border-color - Borders of the widget, groups and bundles.
 * @cssprop --mend-offer-picker-accent - Selected bundle outline and checkbox colour.
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

  // The two radio groups' keyboard models (before the form control: its anchor reads their tab stop).
  protected readonly bundleKeys = new RadioGroupController(this, {
    elements: () => this.#radios('bundles'),
    focusInIndex: (radios) => Math.max(0, radios.findIndex((r) => r.getAttribute('aria-checked') === 'true')),
    isFocusableElement: () => !this.#off,
    elementEnterAction: (radio) => {
      const bundle = this.#rec?.bundles.find((b) => b.id === radio.dataset.id);
      if (bundle) this.#pickBundle(bundle);
    },
  });
  protected readonly compKeys = new RadioGroupController(this, {
    elements: () => this.#radios('compensation'),
    focusInIndex: (radios) => Math.max(0, radios.findIndex((r) => r.getAttribute('aria-checked') === 'true')),
    isFocusableElement: () => !this.#compOff,
    elementEnterAction: (radio) => this.#pickComp(radio.dataset.id === 'none' ? null : radio.dataset.id!),
  });
  #form = new FormControlController(this, {
    value: () => (this.#chosen.length ? JSON.stringify(this.#chosen) : null),
    state: () => this.value,
    invalidity: () => this.#invalidity(),
    anchor: () => this.renderRoot.querySelector<HTMLElement>('[part~="compose"] [tabindex="0"], [part~="compose"] input'),
    reset: () => this.#clear(),
    restore: (state) => typeof state === 'string' && (this.value = state),
    disabled: () => this.disabled,
  });

  /** What the agent chose. */
  #selection = new OfferSelection();

  // Outcome of the last confirm/decline.
  #actions = new RecoveryActions(this, {
    intent: () => {
      const comp = this.#selection.comp ? this.#policy?.offers.find((o) => o.id === this.#selection.comp) : undefined;
      const amount = this.#amount;
      return {
        session: this.session,
        interaction: this.#interaction,
        invalid: this.#invalidity(),
        empty: !this.#chosen.length,
        reaction: (accepted) => this.#reaction(accepted),
        compensation: comp && amount ? { offerId: comp.id, amount, reason: comp.reason ?? 'goodwill' } : null,
        fund: this.#fund,
        agentId: this.#ctx.value?.agent.id ?? this.#fund?.agentId,
        fundError: this.#fundRead.error ?? new Error(this.t('loading')),
      };
    },
    off: () => this.#off,
    t: (key, values) => this.t(key, values),
    failure: (error) => this.failure(error),
    money: (minor) => this.#money(minor),
    announce: (message) => this.announce(message),
  });
  #storage = new StorageNotice(this, { session: () => this.session, t: (key) => this.t(key), announce: (m) => this.announce(m) });
  #lastInteraction: string | null = null;
  #lastStatus: string | undefined;

  // Derived in willUpdate.
  #ctx!: Read<HostContext>;
  #pol!: Read<RecoveryPolicy>;
  #hist!: Read<CustomerHistory>;
  #fundRead!: Read<Fund>;
  #policy: RecoveryPolicy | null = null;
  #fund: Fund | null = null;
  #interaction: Interaction | null = null;
  #baseSeverity: Severity = 'low';
  #baggage: BaggageLevel = 'none';
  #rec: Recommendation | null = null;
  #chosen: ChosenOffer[] = [];
  #check: BundleCheck | null = null;
  #amount: number | undefined;
  #amountError: string | null = null;
  #decision: SpendDecision | null = null;
  #failure: string | null = null;

  /** JSON of the chosen offers (`ChosenOffer[]`); `[]` when nothing is chosen. Setting it restores a choice (no `change`). */
  get value(): string {
    return JSON.stringify(this.#chosen);
  }
  set value(json: string) {
    this.#clear();
    this.#selection.restore(json, this.#catalog);
    this.requestUpdate();
  }

  /** The chosen offers. */
  get offers(): ChosenOffer[] {
    return this.#chosen.map((o) => ({ ...o }));
  }

  // Form association: FormAssociated forwards the form API to FormControlController.
  protected get formControl(): FormControlController {
    return this.#form;
  }

  get #off(): boolean {
    return this.#form.disabled;
  }
  get #unsupported(): boolean {
    return this.#fundRead.status === 'unsupported' && !this.fund;
  }
  /** The compensation group is off with the picker, or when the console has no fund. */
  get #compOff(): boolean {
    return this.#off || this.#unsupported;
  }
  get #catalog(): RecoveryPolicy {
    return this.#policy ?? this.policy ?? DEFAULT_POLICY;
  }
  #radios(group: 'bundles' | 'compensation'): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(`[part~="${group}"] [role="radio"]`)];
  }

  /** Nothing chosen, nothing said, a new intent. */
  #clear(): void {
    this.#selection.clear();
    this.#actions.reset();
  }

  #parts = new OnDemand(this);

  /** Rendered, with the parts it loads on demand for what it shows. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (await this.#parts.settle()) done = await super.getUpdateComplete();
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const session = this.session;
    this.#ctx = readContext(session);
    this.#pol = readPolicy(session);
    this.#fundRead = readFund(session);
    this.#hist = this.baggage ? ({ key: null, status: 'none', retry() {} } as Read<CustomerHistory>) : readHistory(session);
    this.#interaction = this.interaction !== undefined ? this.interaction : (session?.interaction ?? null);
    const id = this.#interaction?.id ?? null;
    if (id !== this.#lastInteraction) {
      // Another interaction: nothing chosen for the previous one carries over.
      if (this.#lastInteraction !== null) this.#clear();
      this.#lastInteraction = id;
    }
    this.#policy = this.policy ?? this.#pol.value ?? (this.#pol.status === 'none' || this.#pol.status === 'unsupported' ? DEFAULT_POLICY : null);
    this.#fund = this.fund ?? this.#fundRead.value ?? null;
    this.#failure = null;
    this.#rec = null;
    this.#check = null;
    this.#decision = null;
    this.#amount = undefined;
    this.#amountError = null;
    const policy = this.#policy;
    if (!policy) {
      this.#chosen = [];
      return;
    }
    try {
      this.#derive(policy);
    } catch (error) {
      // Bad data never throws out of render: it becomes an error state.
      this.#failure = error instanceof Error ? error.message : String(error);
      this.#rec = null;
    }
  }

  #derive(policy: RecoveryPolicy): void {
    const severities = policy.severities;
    const wanted = this.severity || this.#interaction?.severity;
    this.#baseSeverity = wanted && severities.includes(wanted) ? wanted : (severities[0] ?? 'low');
    const history = this.baggage ? undefined : this.#hist.value;
    const assess = history && this.#parts.need(assessment)?.baggageFor;
    this.#baggage = this.baggage ?? (history && assess ? assess(history, policy.baggage).level : 'none');
    const role = this.agentRole || this.#ctx.value?.agent.role || 'agent';
    this.#rec = recommend({ severity: this.#baseSeverity, baggage: this.#baggage, policy, role, fund: this.#fund });
    const { chosen, amount, amountError } = this.#selection.choice(policy, this.#parts.need(composer)?.parser(this.#currency, this.resolvedLocale));
    this.#chosen = chosen;
    this.#amount = amount;
    this.#amountError = amountError && amountMessage(this.#w, amountError, this.#currency);
    this.#check = chosen.length ? checkBundle(chosen, { severity: this.#baseSeverity, baggage: this.#baggage, policy }) : null;
    // Once recorded, the fund already holds the spend: show it as it is, not minus the amount again.
    if (this.#fund && amount !== undefined && !this.#actions.done) {
      this.#decision = evaluateSpend(this.#fund, amount, authorityFor(policy, role), policy.currency);
    }
  }

  get #currency(): string {
    return (this.#fund ?? this.fund)?.currency || (this.#policy ?? this.policy)?.currency || this.resolvedCurrency;
  }

  #money(minor: number): string {
    return formatMoney(minor, this.#currency, this.resolvedLocale);
  }
  /** A core reason in words (replaceable as `reason.<code>`), amounts in the fund's currency. */
  #words(reason: Reason): string {
    return this.words(reason, 'reason', (minor) => this.#money(minor));
  }
  /** The element's words, for the sentence helpers (offer-words.ts). */
  #w: Words = {
    t: (key, values) => this.t(key, values),
    money: (minor) => this.#money(minor),
    words: (reason) => this.#words(reason),
    term: (kind, id) => this.term(kind, id),
  };



  /** Why the current choice cannot be submitted, or null when it can (and while disabled). */
  #invalidity(): Invalidity | null {
    if (this.#off) return null;
    if (!this.#chosen.length) return this.required ? { flags: { valueMissing: true }, message: this.t('offerEmpty') } : null;
    if (this.#amountError) return { flags: { badInput: true }, message: this.#amountError };
    const check = this.#check;
    if (check && !check.sufficient) {
      const apologyOnly = this.#chosen.every((o) => o.kind === 'apology');
      return {
        flags: { customError: true },
        message: apologyOnly || !check.reasons[0] ? this.t('offerApologyOnly') : this.#words(check.reasons[0]),
      };
    }
    if (this.#decision?.status === 'refused') {
      return { flags: { customError: true }, message: refusedText(this.#w, this.#decision) };
    }
    return null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The write path loads right after the first render, not at the first confirm: once per session
    // (a failed load is tried again at the next update).
    this.#actions.preload(this.session);
  }

  // ---- user actions ---------------------------------------------------------------------------

  /** The agent changed the selection: a new intent, a `change` event, a polite word on the impact. */
  async #changed(): Promise<void> {
    this.#actions.reset();
    this.requestUpdate();
    await this.updateComplete;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const status = this.#decision?.status;
    if (status !== this.#lastStatus) {
      this.#lastStatus = status;
      const d = this.#decision!;
      if (status === 'needs_approval') this.announce(approvalText(this.#w, d, this.#amount));
      else if (status === 'refused') this.announce(refusedText(this.#w, d));
      else if (status === 'allowed' && this.#fund) this.announce(impactText(this.#w, this.#fund, d));
    }
  }

  #pickBundle(bundle: Bundle): void {
    if (this.#off) return;
    this.#selection.apply(bundle.offers, this.#catalog);
    void this.#changed();
  }

  #toggle(offer: Offer, on: boolean): void {
    this.#selection.toggle(offer.id, on);
    void this.#changed();
  }

  #pickComp(id: string | null): void {
    if (this.#off || !this.#selection.pickComp(id, this.#policy)) return;
    void this.#changed();
  }

  #reaction(accepted: boolean, extra: Partial<OfferReactionDetail> = {}): OfferReactionDetail {
    return {
      accepted,
      strategy: this.#matching()?.strategy ?? 'custom',
      offers: this.offers,
      interactionId: this.#interaction?.id ?? null,
      customerId: this.#interaction?.customerId ?? null,
      severity: this.#rec?.severity ?? this.#baseSeverity,
      ...extra,
    };
  }

  #matching(): Bundle | undefined {
    return this.#rec ? matchingBundle(this.#rec.bundles, this.#chosen) : undefined;
  }

  // ---- rendering ------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.#loading ? 'true' : 'false'}>
      <div part="header">
        <h2 id="title" part="title">${this.t('offerTitle')}</h2>
        ${this.#renderHeader()}
      </div>
      ${this.#storage.render()}${this.#renderBody()} ${this.renderAnnouncer()}
    </section>`;
  }

  get #loading(): boolean {
    const busy = (read: Read<unknown>) => (read.status === 'loading' || read.status === 'idle') && read.value === undefined;
    // A history is shown with its baggage: wait for the assessment too (unless it failed: an error).
    const assessing = !this.baggage && this.#hist.value !== undefined && !assessment.value && !assessment.error;
    return !this.#policy ? busy(this.#pol) || busy(this.#ctx) : busy(this.#hist) || assessing;
  }

  #renderHeader(): TemplateResult | typeof nothing {
    const rec = this.#rec;
    if (!rec || this.#loading) return nothing;
    const raised = rec.raised ? rec.reasons.filter((r) => r.rule === 'R4' || /baggage|raise/i.test(r.code)) : [];
    return html`<p part="severity">${this.t('offerSeverity', { severity: this.term('severity', rec.severity) })}
        ${rec.raised ? html`<span class="muted">(${this.t('offerRaised', { severity: this.term('severity', rec.baseSeverity) })})</span>` : nothing}</p>
      ${raised.length ? html`<ul class="muted">${raised.map((r) => html`<li>${this.#words(r)}</li>`)}</ul>` : nothing}`;
  }

  /** An async dependency that failed (a host read, a part loaded on demand), with its Retry. */
  #renderError(read: { error?: unknown; retry(): void }): TemplateResult {
    return html`<div part="error" data-tone="danger" role="alert">
      <span><span class="tag">${this.t('errorPrefix', { message: this.failure(read.error as Error) })}</span></span>
      <button part="retry" type="button" @click=${() => read.retry()}>${this.t('retry')}</button>
    </div>`;
  }

  #renderBody(): TemplateResult {
    if (this.#loading) {
      return html`<div part="loading"><p>${this.t('loading')}</p><div class="placeholder"></div><div class="placeholder"></div><div class="placeholder"></div></div>`;
    }
    const policy = this.#policy;
    if (!policy) return this.#renderError(this.#pol.status === 'error' ? this.#pol : this.#ctx);
    if (assessment.error && !this.baggage && this.#hist.value) return this.#renderError({ error: assessment.error, retry: () => this.#parts.reload(assessment) });
    if (this.#failure || !this.#rec) {
      return html`<div part="error" data-tone="danger" role="alert">${this.t('offerFailed', { message: this.#failure ?? '' })}</div>`;
    }
    const rec = this.#rec;
    const session = this.session;
    return html`
      ${this.#ctx.status === 'error' && !this.#ctx.value ? this.#renderError(this.#ctx) : nothing}
      ${this.#hist.status === 'error' ? this.#renderError(this.#hist) : nothing}
      ${session && this.#ctx.value && !this.#interaction ? html`<p class="muted">${this.t('noInteraction')}</p>` : nothing}
      ${rec.bundles.length
        ? renderBundles({
            bundles: rec.bundles,
            current: this.#matching()?.id ?? '',
            off: this.#off,
            t: (key) => this.t(key),
            words: (r) => this.#words(r),
            money: (minor) => this.#money(minor),
            pick: (bundle) => this.#pickBundle(bundle),
          })
        : nothing}
      <div part="compose" role="group" aria-labelledby="compose-title">
        <h3 id="compose-title" class="legend">${this.t('offerCompose')}</h3>
        ${this.#renderComposer(policy)}
      </div>
      ${this.#renderFund()} ${this.#renderValidation()}
      ${this.#actions.message
        ? html`<p part="message" data-tone=${this.#actions.message.tone}><span>${this.#actions.message.text}</span></p>`
        : nothing}
      ${session && !session.host.can('recordRecovery') ? html`<p part="unsupported">${this.t('offerRecordUnsupported')}</p>` : nothing}
      ${this.#renderActions()}
    `;
  }



  #renderComposer(policy: RecoveryPolicy): TemplateResult {
    const loaded = composer.value;
    if (!loaded) {
      if (composer.error) return this.#renderError({ error: composer.error, retry: () => this.#parts.reload(composer) });
      return html`<div class="placeholder"></div>`;
    }
    const selection = this.#selection;
    return loaded.renderComposer({
      policy,
      picked: selection.picked,
      comp: selection.comp,
      off: this.#off,
      unsupported: this.#unsupported,
      amountText: selection.customText ?? (selection.customMinor === undefined ? '' : this.#money(selection.customMinor)),
      amountError: this.#amountError,
      t: (key, values) => this.t(key, values),
      money: (minor) => this.#money(minor),
      currency: this.#currency,
      toggle: (offer, on) => this.#toggle(offer, on),
      pickComp: (id) => this.#pickComp(id),
      type: (text) => {
        selection.customText = text;
        void this.#changed();
      },
    });
  }

  #renderFund(): TemplateResult | typeof nothing {
    const fund = this.#fund;
    const read = this.#fundRead;
    if (!fund) {
      if (read.status === 'error') return this.#renderError(read);
      if (read.status === 'loading' || read.status === 'idle') return html`<p part="impact">${this.t('loading')}</p>`;
      return nothing;
    }
    return renderImpact(this.#w, fund, this.#decision, this.#amount);
  }

  /** The live "not a recovery yet" hint (a refused amount has its own line). */
  #showsValidation(): string | null {
    if (!this.#chosen.length || this.#actions.done || this.#decision?.status === 'refused') return null;
    return this.#invalidity()?.message ?? null;
  }

  #renderValidation(): TemplateResult | typeof nothing {
    const message = this.#showsValidation();
    return message ? html`<p part="validation" id="validation" data-tone="warning"><span>${message}</span></p>` : nothing;
  }

  #renderActions(): TemplateResult {
    const approval = this.#decision?.status === 'needs_approval';
    const blocked = this.#actions.busy || this.#actions.done;
    return html`<div part="actions">
      <button
        part="confirm"
        type="button"
        data-variant="primary"
        ?disabled=${this.#off}
        aria-disabled=${blocked ? 'true' : 'false'}
        aria-describedby=${this.#showsValidation() ? 'validation' : nothing}
        @click=${() => void this.#actions.confirm()}
      >
        ${this.#actions.busy ? this.t('offerBusy') : approval ? this.t('offerRequestApproval') : this.t('offerConfirm')}
      </button>
      <button part="decline" type="button" ?disabled=${this.#off} aria-disabled=${blocked ? 'true' : 'false'} @click=${() => void this.#actions.decline()}>
        ${this.t('offerDecline')}
      </button>
    </div>`;
  }
}
