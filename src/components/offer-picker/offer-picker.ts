import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { toHostError } from '../../adapter/errors.js';
import type { HostSession } from '../../adapter/session.js';
import type { SpendResult } from '../../adapter/host-adapter.js';
import { MendElement } from '../../base/mend-element.js';
import { baggageFor } from '../../controllers/baggage.js';
import { readContext, readFund, readHistory, readPolicy, type Read } from '../../controllers/reads.js';
import { StorageNotice, storageStrings } from '../../controllers/storage-notice.js';
import { StoredEvent } from '../../controllers/stored-event.js';
import { FormControlController, type FormRestoreState } from '../../controllers/form-control.js';
import { evaluateSpend, remaining, type SpendDecision } from '../../core/fund.js';
import type { BaggageLevel, ChosenOffer, CustomerHistory, Fund, HostContext, Interaction, Offer, RecoveryPolicy, Severity } from '../../core/model.js';
import { formatMoney, parseMoney } from '../../core/money.js';
import { authorityFor, checkBundle, DEFAULT_POLICY, recommend, type Bundle, type BundleCheck, type Recommendation } from '../../core/recovery.js';
import type { OfferReactionDetail } from '../../events/offer-picker.js';
import type { Reason } from '../../core/reasons.js';
import { offerPickerStyles } from './offer-picker.styles.js';

/** Strings this widget adds to the shared set (replaceable through `strings` like the others). */
const localStrings = {
  offerTitle: 'Make it right',
  offerRecommended: 'Recommended',
  offerCompose: 'Compose',
  offerApology: 'Apology',
  offerAssistance: 'Assistance',
  offerCompensation: 'Compensation',
  offerCustomAmount: 'Custom amount',
  offerConfirm: 'Confirm recovery',
  offerRequestApproval: 'Request approval',
  offerDecline: 'Customer declined',
  offerApologyOnly: 'An apology alone is not a recovery: add assistance or compensation.',
  offerFundImpact: 'Leaves {remaining} of {budget} this {period}.',
  offerNeedsApproval: 'Above your limit of {limit}: needs approval.',
  offerRecorded: 'Recovery recorded.',
  offerPending: 'Sent for approval.',
  offerRejected: 'Not approved: {message}',
  offerConflict: 'The fund changed while you were choosing: {message}. Check and confirm again.',
  offerSeverity: 'Severity: {severity}',
  offerNone: 'No compensation',
  offerRemedies: 'Other remedies',
  offerEmpty: 'Choose a recovery first.',
  offerRefused: 'Not possible: {message}',
  offerFundChanged: '{now} left instead of {before}',
  offerDeclined: 'Recorded: the customer declined.',
  offerAccepted: 'Accepted here only: no host is connected, so nothing was recorded.',
  offerFailed: 'Could not complete: {message}',
  offerNotRecorded: 'The spend from the fund went through, but the recovery is not recorded yet: {message} Confirm again to record it; nothing is spent twice.',
  offerBusy: 'Working…',
  offerRaised: 'Raised from {severity}',
  offerTotal: 'Total {amount}',
  offerNeedsApprovalTag: 'Needs approval',
  offerAmountHint: 'In {currency}, e.g. {example}',
  offerAmountEmpty: 'Enter an amount.',
  offerAmountInvalid: 'Enter an amount like {example}.',
  offerAmountNegative: 'The amount cannot be negative.',
  offerAmountDecimals: 'Too many decimals for {currency}.',
  offerAmountLarge: 'The amount is too large.',
  offerRecordUnsupported: 'This console does not record recoveries; the page receives the result as an event.',
  offerFundUnsupported: 'This console does not provide a discretionary fund: compensation from the fund is not available here.',
} as const;

type Tone = 'info' | 'success' | 'warning' | 'danger';
interface Message {
  tone: Tone;
  text: string;
}
/** Keys of one confirm (or decline) intent, kept until it completes so a retry never applies twice. */
interface Intent {
  spendKey: string;
  recordKey: string;
}

const uuid = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

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
export class MendOfferPicker extends MendElement {
  static override styles = [...MendElement.styles, offerPickerStyles];
  static formAssociated = true;
  /** Default texts of the strings this widget adds (override any through `strings`). */
  static override localStrings = { ...localStrings, ...storageStrings };

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

  #form = new FormControlController(this, {
    value: () => (this.#chosen.length ? JSON.stringify(this.#chosen) : null),
    state: () => this.value,
    invalidity: () => this.#invalidity(),
    anchor: () => this.renderRoot.querySelector<HTMLElement>('[part~="compose"] [tabindex="0"], [part~="compose"] input'),
    reset: () => this.#clear(),
    restore: (state) => typeof state === 'string' && this.#restore(state),
    disabled: () => this.disabled,
  });

  // Selection (what the agent chose).
  #picked = new Set<string>();
  #comp: string | null = null;
  /** What the agent typed in the custom amount (null: nothing typed, show `#customMinor`). */
  #customText: string | null = null;
  /** A custom amount set by a bundle or a restored value, in minor units (formatted at render time). */
  #customMinor: number | undefined;

  // Outcome of the last confirm/decline.
  #busy = false;
  #done = false;
  #message: Message | null = null;
  #intent: Intent | null = null;
  #declineKey: string | null = null;
  #preloaded: HostSession | null = null;
  #told = new StoredEvent(this);
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
    this.#restore(json);
    this.requestUpdate();
  }

  /** The chosen offers. */
  get offers(): ChosenOffer[] {
    return this.#chosen.map((o) => ({ ...o }));
  }

  get form(): HTMLFormElement | null {
    return this.#form.form;
  }
  get validity(): ValidityState {
    return this.#form.validity;
  }
  get validationMessage(): string {
    return this.#form.validationMessage;
  }
  get willValidate(): boolean {
    return this.#form.willValidate;
  }
  checkValidity(): boolean {
    return this.#form.checkValidity();
  }
  reportValidity(): boolean {
    return this.#form.reportValidity();
  }
  formResetCallback(): void {
    this.#form.formResetCallback();
  }
  formDisabledCallback(disabled: boolean): void {
    this.#form.formDisabledCallback(disabled);
  }
  formStateRestoreCallback(state: FormRestoreState): void {
    this.#form.formStateRestoreCallback(state);
  }

  get #off(): boolean {
    return this.#form.disabled;
  }

  #clear(): void {
    this.#picked = new Set();
    this.#comp = null;
    this.#customText = null;
    this.#customMinor = undefined;
    this.#message = null;
    this.#done = false;
    this.#intent = null;
    this.#declineKey = null;
  }

  #restore(json: string): void {
    this.#clear();
    let list: unknown;
    try {
      list = JSON.parse(json);
    } catch {
      return;
    }
    if (!Array.isArray(list)) return;
    this.#apply(list.filter((o): o is ChosenOffer => !!o && typeof (o as ChosenOffer).offerId === 'string'));
  }

  /** Put a list of offers (a bundle, a restored value) into the selection. */
  #apply(offers: readonly ChosenOffer[]): void {
    const catalog = this.#policy ?? this.policy ?? DEFAULT_POLICY;
    this.#picked = new Set();
    this.#comp = null;
    this.#customText = null;
    this.#customMinor = undefined;
    for (const chosen of offers) {
      const offer = catalog.offers.find((o) => o.id === chosen.offerId);
      if (!offer) continue;
      if (offer.monetary) {
        this.#comp = offer.id;
        if (offer.customAmount) this.#customMinor = chosen.amount;
      } else this.#picked.add(offer.id);
    }
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
    this.#baggage = this.baggage ?? (this.#hist.value ? baggageFor(this.#hist.value, policy.baggage).level : 'none');
    const role = this.agentRole || this.#ctx.value?.agent.role || 'agent';
    this.#rec = recommend({ severity: this.#baseSeverity, baggage: this.#baggage, policy, role, fund: this.#fund });

    const chosen: ChosenOffer[] = [];
    for (const offer of policy.offers) {
      if (offer.id === this.#comp) {
        let amount = offer.amount;
        if (offer.customAmount) {
          const parsed =
            this.#customText === null
              ? this.#customMinor === undefined
                ? ({ ok: false, error: 'empty' } as const)
                : ({ ok: true, value: this.#customMinor } as const)
              : parseMoney(this.#customText, this.#currency, this.resolvedLocale);
          amount = parsed.ok ? parsed.value : undefined;
          if (!parsed.ok) this.#amountError = this.#amountMessage(parsed.error);
        }
        this.#amount = amount;
        chosen.push({ offerId: offer.id, kind: offer.kind, label: offer.label, ...(amount !== undefined ? { amount } : {}) });
      } else if (this.#picked.has(offer.id)) {
        chosen.push({ offerId: offer.id, kind: offer.kind, label: offer.label });
      }
    }
    this.#chosen = chosen;
    this.#check = chosen.length ? checkBundle(chosen, { severity: this.#baseSeverity, baggage: this.#baggage, policy }) : null;
    // Once recorded, the fund already holds the spend: show it as it is, not minus the amount again.
    if (this.#fund && this.#amount !== undefined && !this.#done) {
      this.#decision = evaluateSpend(this.#fund, this.#amount, authorityFor(policy, role), policy.currency);
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


  #amountMessage(error: string): string {
    const example = this.#money(1250);
    const currency = this.#currency;
    switch (error) {
      case 'empty':
        return this.t('offerAmountEmpty');
      case 'negative':
        return this.t('offerAmountNegative');
      case 'too_many_decimals':
        return this.t('offerAmountDecimals', { currency });
      case 'too_large':
        return this.t('offerAmountLarge');
      default:
        return this.t('offerAmountInvalid', { example });
    }
  }

  /** Why the current choice cannot be submitted, or '' when it can. */
  #invalidity(): { flags: ValidityStateFlags; message: string } | null {
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
      return { flags: { customError: true }, message: this.t('offerRefused', { message: this.#reasonText(this.#decision) }) };
    }
    return null;
  }

  #reasonText(decision: SpendDecision): string {
    return decision.reasons.map((r) => this.#words(r)).join(' ');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The write path loads right after the first render, not at the first confirm: once per session
    // (a failed load is tried again at the next update).
    const session = this.session;
    if (session !== this.#preloaded && session?.host.can('recordRecovery')) {
      this.#preloaded = session;
      session.openOutbox().catch(() => (this.#preloaded = null));
    }
  }

  // ---- user actions ---------------------------------------------------------------------------

  /** The agent changed the selection: a new intent, a `change` event, a polite word on the impact. */
  async #changed(): Promise<void> {
    this.#done = false;
    this.#message = null;
    this.#intent = null;
    this.#declineKey = null;
    this.requestUpdate();
    await this.updateComplete;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const status = this.#decision?.status;
    if (status !== this.#lastStatus) {
      this.#lastStatus = status;
      if (status === 'needs_approval') this.announce(this.#approvalText());
      else if (status === 'refused') this.announce(this.t('offerRefused', { message: this.#reasonText(this.#decision!) }));
      else if (status === 'allowed' && this.#fund) this.announce(this.#impactText());
    }
  }

  #pickBundle(bundle: Bundle): void {
    if (this.#off) return;
    this.#apply(bundle.offers);
    void this.#changed();
  }

  #toggle(offer: Offer, on: boolean): void {
    if (on) this.#picked.add(offer.id);
    else this.#picked.delete(offer.id);
    void this.#changed();
  }

  #pickComp(id: string | null): void {
    if (this.#off || this.#comp === id) return;
    this.#comp = id;
    const offer = id ? this.#policy?.offers.find((o) => o.id === id) : undefined;
    if (offer?.customAmount && this.#customText === null && this.#customMinor === undefined) this.#customMinor = offer.amount;
    void this.#changed();
  }

  #reaction(accepted: boolean, extra: Partial<OfferReactionDetail> = {}): OfferReactionDetail {
    return {
      accepted,
      strategy: this.#strategy(),
      offers: this.offers,
      interactionId: this.#interaction?.id ?? null,
      customerId: this.#interaction?.customerId ?? null,
      severity: this.#rec?.severity ?? this.#baseSeverity,
      ...extra,
    };
  }

  #strategy(): string {
    return this.#matching()?.strategy ?? 'custom';
  }

  #matching(): Bundle | undefined {
    const chosen = this.#chosen;
    return this.#rec?.bundles.find(
      (b) =>
        b.offers.length === chosen.length &&
        b.offers.every((o) => chosen.some((c) => c.offerId === o.offerId && c.amount === o.amount)),
    );
  }

  #say(tone: Tone, text: string): void {
    this.#message = { tone, text };
    this.announce(text);
    this.requestUpdate();
  }

  async #confirm(): Promise<void> {
    if (this.#busy || this.#off || this.#done) return;
    const invalid = this.#invalidity() ?? (this.#chosen.length ? null : { message: this.t('offerEmpty') });
    if (invalid) return this.#say('danger', invalid.message);
    const session = this.session;
    if (!session) {
      this.#done = true;
      this.#say('warning', this.t('offerAccepted'));
      this.#told.tell(null, 'mend-offer-accept', null, this.#reaction(true)); // nothing to store: the event is the record
      return;
    }
    const interaction = this.#interaction;
    if (!interaction) return this.#say('warning', this.t('noInteraction'));

    this.#busy = true;
    this.requestUpdate();
    const intent = (this.#intent ??= { spendKey: uuid(), recordKey: uuid() });
    const offers = this.offers;
    const strategy = this.#strategy();
    const severity = this.#rec?.severity ?? this.#baseSeverity;
    const at = new Date().toISOString();
    const seen = this.#fund;
    let spent = false;
    try {
      let spend: SpendResult | undefined;
      const comp = this.#comp ? this.#policy?.offers.find((o) => o.id === this.#comp) : undefined;
      if (comp && this.#amount) {
        const agentId = this.#ctx.value?.agent.id ?? seen?.agentId;
        if (!seen || !agentId) throw this.#fundRead.error ?? new Error(this.t('loading'));
        try {
          spend = await session.spend({
            idempotencyKey: intent.spendKey,
            agentId,
            interactionId: interaction.id,
            customerId: interaction.customerId,
            at,
            amount: this.#amount,
            currency: seen.currency,
            reason: comp.reason ?? 'goodwill',
            offerId: comp.id,
            expectedVersion: seen.version,
          });
        } catch (error) {
          const e = toHostError(error);
          if (e.code !== 'conflict') throw e;
          this.#intent = null;
          const resource = session.fund(agentId);
          if (resource.state.status !== 'loading') void resource.reload();
          await resource.ensure();
          const now = resource.state.value;
          const text = now
            ? this.t('offerFundChanged', { now: this.#money(remaining(now)), before: this.#money(remaining(seen)) })
            : this.failure(e);
          this.#say('warning', this.t('offerConflict', { message: text }));
          return;
        }
        if (spend.status === 'rejected') {
          this.#intent = null;
          this.#say('danger', this.t('offerRejected', { message: spend.message ?? '' }).trim());
          return;
        }
        spent = true;
      }
      // Stored first, then told (once per recorded recovery); without `recordRecovery` the event is the record.
      await this.#told.record({
        session,
        store: session.host.can('recordRecovery'),
        kind: 'recordRecovery',
        payload: {
          idempotencyKey: intent.recordKey,
          interactionId: interaction.id,
          customerId: interaction.customerId,
          at,
          severity,
          offers,
          accepted: true,
          strategy,
          ...(spend ? { spendId: spend.entryId } : {}),
        },
        event: 'mend-offer-accept',
        detail: this.#reaction(true, spend ? { spendId: spend.entryId, spendStatus: spend.status as 'done' | 'pending_approval' } : {}),
        // Shown as recorded before the event fires, so a page that hears it sees the same.
        onStored: () => {
          this.#intent = null;
          this.#done = true;
          this.#busy = false;
          const pending = spend?.status === 'pending_approval';
          this.#say(pending ? 'warning' : 'success', pending ? this.t('offerPending') : this.t('offerRecorded'));
        },
      });
    } catch (error) {
      const e = toHostError(error);
      if (spent) {
        // The spend went through but the recovery is not stored: keep both keys, whatever the error, so
        // the next Confirm replays the same spend (the host applies it once) and records it.
        this.#say('danger', this.t('offerNotRecorded', { message: this.failure(e) }));
      } else {
        // A retryable failure keeps the keys: the next click replays the same intent.
        if (!e.retryable) this.#intent = null;
        this.#say('danger', this.t('offerFailed', { message: this.failure(e) }));
      }
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  }

  async #decline(): Promise<void> {
    if (this.#busy || this.#off || this.#done) return;
    if (!this.#chosen.length) return this.#say('danger', this.t('offerEmpty'));
    const session = this.session;
    const interaction = this.#interaction;
    const detail = this.#reaction(false);
    if (session && interaction && session.host.can('recordRecovery')) {
      this.#busy = true;
      this.requestUpdate();
      const key = (this.#declineKey ??= uuid());
      try {
        // Stored first, then told (once per recorded decline).
        await this.#told.record({
          session,
          store: true,
          kind: 'recordRecovery',
          payload: {
            idempotencyKey: key,
            interactionId: interaction.id,
            customerId: interaction.customerId,
            at: new Date().toISOString(),
            severity: detail.severity,
            offers: detail.offers,
            accepted: false,
            strategy: detail.strategy,
          },
          event: 'mend-offer-reject',
          detail,
          onStored: () => this.#declined(),
        });
      } catch (error) {
        this.#say('danger', this.t('offerFailed', { message: this.failure(toHostError(error)) }));
      } finally {
        this.#busy = false;
        this.requestUpdate();
      }
    } else {
      this.#declined();
      this.#told.tell(session, 'mend-offer-reject', null, detail); // nothing to store: the event is the record
    }
  }

  /** Shown as declined before the event fires, so a page that hears it sees the same. */
  #declined(): void {
    this.#done = true;
    this.#busy = false;
    this.#declineKey = null;
    this.#say('info', this.t('offerDeclined'));
  }

  // ---- keyboard: radio groups with roving tabindex (ARIA APG radio group) -------------------------

  #onRadioKey(event: KeyboardEvent, ids: readonly string[], current: string, select: (id: string) => void): void {
    const rtl = this.matches(':dir(rtl)');
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
    };
    let index = ids.indexOf(current);
    if (event.key in step) index = (index + step[event.key] + ids.length) % ids.length;
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = ids.length - 1;
    else if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault();
    if (event.key === 'Enter') return;
    const id = ids[index];
    select(id);
    const group = (event.currentTarget as HTMLElement).closest('[role="radiogroup"]');
    void this.updateComplete.then(() =>
      group?.querySelector<HTMLElement>(`[role="radio"][data-id="${CSS.escape(id)}"]`)?.focus(),
    );
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
    return !this.#policy ? busy(this.#pol) || busy(this.#ctx) : busy(this.#hist);
  }

  #renderHeader(): TemplateResult | typeof nothing {
    const rec = this.#rec;
    if (!rec || this.#loading) return nothing;
    const raised = rec.raised ? rec.reasons.filter((r) => r.rule === 'R4' || /baggage|raise/i.test(r.code)) : [];
    return html`<p part="severity">${this.t('offerSeverity', { severity: this.term('severity', rec.severity) })}
        ${rec.raised ? html`<span class="muted">(${this.t('offerRaised', { severity: this.term('severity', rec.baseSeverity) })})</span>` : nothing}</p>
      ${raised.length ? html`<ul class="muted">${raised.map((r) => html`<li>${this.#words(r)}</li>`)}</ul>` : nothing}`;
  }

  #renderError(read: Read<unknown>): TemplateResult {
    return html`<div part="error" data-tone="danger" role="alert">
      <span><span class="tag">${this.t('errorPrefix', { message: this.failure(read.error) })}</span></span>
      <button part="retry" type="button" @click=${() => read.retry()}>${this.t('retry')}</button>
    </div>`;
  }

  #renderBody(): TemplateResult {
    if (this.#loading) {
      return html`<div part="loading"><p>${this.t('loading')}</p><div class="placeholder"></div><div class="placeholder"></div><div class="placeholder"></div></div>`;
    }
    const policy = this.#policy;
    if (!policy) return this.#renderError(this.#pol.status === 'error' ? this.#pol : this.#ctx);
    if (this.#failure || !this.#rec) {
      return html`<div part="error" data-tone="danger" role="alert">${this.t('offerFailed', { message: this.#failure ?? '' })}</div>`;
    }
    const rec = this.#rec;
    const session = this.session;
    return html`
      ${this.#ctx.status === 'error' && !this.#ctx.value ? this.#renderError(this.#ctx) : nothing}
      ${this.#hist.status === 'error' ? this.#renderError(this.#hist) : nothing}
      ${session && this.#ctx.value && !this.#interaction ? html`<p class="muted">${this.t('noInteraction')}</p>` : nothing}
      ${rec.bundles.length ? this.#renderBundles(rec) : nothing}
      <div part="compose" role="group" aria-labelledby="compose-title">
        <h3 id="compose-title" class="legend">${this.t('offerCompose')}</h3>
        ${this.#renderGroups(policy)}
      </div>
      ${this.#renderFund()} ${this.#renderValidation()}
      ${this.#message
        ? html`<p part="message" data-tone=${this.#message.tone}><span>${this.#message.text}</span></p>`
        : nothing}
      ${session && !session.host.can('recordRecovery') ? html`<p part="unsupported">${this.t('offerRecordUnsupported')}</p>` : nothing}
      ${this.#renderActions()}
    `;
  }

  #renderBundles(rec: Recommendation): TemplateResult {
    const current = this.#matching()?.id ?? '';
    const ids = rec.bundles.map((b) => b.id);
    const focusable = current || ids[0];
    // What every bundle shares is said once, above them; each bundle says only what is its own.
    const said = rec.bundles.map((bundle) => bundle.reasons.map((r) => this.#words(r)));
    const [first, ...others] = said;
    const shared = others.length ? first!.filter((text) => others.every((texts) => texts.includes(text))) : [];
    return html`<div part="bundles">
      <h3 id="bundles-title" class="legend">${this.t('offerRecommended')}</h3>
      ${shared.length ? html`<p id="bundles-why" part="bundles-why" class="muted">${shared.join(' ')}</p>` : nothing}
      <div
        role="radiogroup"
        aria-labelledby="bundles-title"
        aria-describedby=${shared.length ? 'bundles-why' : nothing}
        aria-disabled=${this.#off ? 'true' : 'false'}
      >
      ${rec.bundles.map((bundle, i) => {
        const checked = bundle.id === current;
        const title = bundle.offers.map((o) => o.label).join(' + ');
        const why = said[i]!.filter((text) => !shared.includes(text));
        return html`<div
          part="bundle option"
          role="radio"
          data-id=${bundle.id}
          aria-checked=${checked ? 'true' : 'false'}
          aria-disabled=${this.#off ? 'true' : 'false'}
          tabindex=${this.#off ? -1 : bundle.id === focusable ? 0 : -1}
          aria-labelledby="b${i}-name"
          aria-describedby=${why.length || bundle.needsApproval ? `b${i}-why` : nothing}
          @click=${() => this.#pickBundle(bundle)}
          @keydown=${(e: KeyboardEvent) => !this.#off && this.#onRadioKey(e, ids, bundle.id, (id) => this.#pickBundle(rec.bundles.find((b) => b.id === id)!))}
        >
          <span class="mark" aria-hidden="true"></span>
          <span class="body">
            <span class="name" id="b${i}-name">${title}${bundle.total ? ` · ${this.#money(bundle.total)}` : ''}</span>
            <span id="b${i}-why" class="muted">
              ${why.join(' ')}
              ${bundle.needsApproval ? html` <span class="tag">${this.t('offerNeedsApprovalTag')}:</span> ${bundle.approvalReasons.map((r) => this.#words(r)).join(' ')}` : nothing}
            </span>
          </span>
        </div>`;
      })}
      </div>
    </div>`;
  }

  #renderCheck(offer: Offer, disabled = false): TemplateResult {
    return html`<label class="check" part="option">
      <input
        type="checkbox"
        .checked=${this.#picked.has(offer.id)}
        ?disabled=${this.#off || disabled}
        @change=${(e: Event) => this.#toggle(offer, (e.target as HTMLInputElement).checked)}
      />
      <span class="body">
        <span>${offer.label}</span>
        ${offer.description ? html`<span class="muted">${offer.description}</span>` : nothing}
      </span>
    </label>`;
  }

  #renderGroups(policy: RecoveryPolicy): TemplateResult {
    const of = (test: (o: Offer) => boolean) => policy.offers.filter(test);
    const apology = of((o) => o.kind === 'apology');
    const assistance = of((o) => o.kind === 'assistance' && !o.monetary);
    const monetary = of((o) => o.monetary);
    const remedies = of((o) => o.kind === 'compensation' && !o.monetary);
    return html`
      ${apology.length
        ? html`<fieldset part="group apology"><legend>${this.t('offerApology')}</legend>
            ${apology.map((o) => this.#renderCheck(o))}
            <p class="muted">${this.t('offerApologyOnly')}</p></fieldset>`
        : nothing}
      ${assistance.length
        ? html`<fieldset part="group assistance"><legend>${this.t('offerAssistance')}</legend>${assistance.map((o) => this.#renderCheck(o))}</fieldset>`
        : nothing}
      ${monetary.length ? this.#renderCompensation(monetary) : nothing}
      ${remedies.length
        ? html`<fieldset part="group remedies"><legend>${this.t('offerRemedies')}</legend>${remedies.map((o) => this.#renderCheck(o))}</fieldset>`
        : nothing}
    `;
  }

  #renderCompensation(monetary: Offer[]): TemplateResult {
    const unsupported = this.#fundRead.status === 'unsupported' && !this.fund;
    const off = this.#off || unsupported;
    const current = this.#comp ?? 'none';
    const options: Array<{ id: string; label: string; offer?: Offer }> = [
      { id: 'none', label: this.t('offerNone') },
      ...monetary.map((offer) => ({
        id: offer.id,
        offer,
        label: offer.customAmount || offer.amount === undefined ? offer.label : `${offer.label} · ${this.#money(offer.amount)}`,
      })),
    ];
    const ids = options.map((o) => o.id);
    const select = (id: string) => this.#pickComp(id === 'none' ? null : id);
    const custom = this.#comp ? monetary.find((o) => o.id === this.#comp && o.customAmount) : undefined;
    return html`<div part="group compensation" class="fieldset">
      <span id="comp-title" class="legend">${this.t('offerCompensation')}</span>
      <div role="radiogroup" aria-labelledby="comp-title" aria-disabled=${off ? 'true' : 'false'}>
        ${options.map(
          (o) => html`<div
            part="option"
            role="radio"
            data-id=${o.id}
            aria-checked=${o.id === current ? 'true' : 'false'}
            aria-disabled=${off ? 'true' : 'false'}
            tabindex=${off ? -1 : o.id === current ? 0 : -1}
            @click=${() => !off && select(o.id)}
            @keydown=${(e: KeyboardEvent) => !off && this.#onRadioKey(e, ids, o.id, select)}
          >
            <span class="mark" aria-hidden="true"></span><span class="body">${o.label}</span>
          </div>`,
        )}
      </div>
      ${custom ? this.#renderAmount() : nothing}
      ${unsupported ? html`<p part="unsupported">${this.t('offerFundUnsupported')}</p>` : nothing}
    </div>`;
  }

  #renderAmount(): TemplateResult {
    const error = this.#amountError;
    return html`<div part="amount">
      <label for="amount">${this.t('offerCustomAmount')}</label>
      <input
        id="amount"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${this.#customText ?? (this.#customMinor === undefined ? '' : this.#money(this.#customMinor))}
        ?disabled=${this.#off}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="amount-hint"
        @input=${(e: Event) => {
          this.#customText = (e.target as HTMLInputElement).value;
          void this.#changed();
        }}
      />
      <span id="amount-hint" class=${error ? 'error-text' : 'muted'}
        >${error ?? this.t('offerAmountHint', { currency: this.#currency, example: this.#money(1250) })}</span
      >
    </div>`;
  }

  #impactText(): string {
    const fund = this.#fund!;
    const left = this.#decision ? this.#decision.remainingAfter : remaining(fund);
    return this.t('offerFundImpact', { remaining: this.#money(Math.max(0, left)), budget: this.#money(fund.budget), period: this.term('period', fund.period) });
  }

  #approvalText(): string {
    const d = this.#decision!;
    if ((this.#amount ?? 0) <= d.limit) return this.#reasonText(d);
    const rest = d.reasons.filter((r) => r.code !== 'over_threshold' && r.code !== 'over_authority').map((r) => this.#words(r));
    return [this.t('offerNeedsApproval', { limit: this.#money(d.limit) }), ...rest].join(' ');
  }

  #renderFund(): TemplateResult | typeof nothing {
    const fund = this.#fund;
    const read = this.#fundRead;
    if (!fund) {
      if (read.status === 'error') return this.#renderError(read);
      if (read.status === 'loading' || read.status === 'idle') return html`<p part="impact">${this.t('loading')}</p>`;
      return nothing;
    }
    const d = this.#decision;
    return html`<p part="impact" data-tone=${remaining(fund) <= 0 ? 'warning' : 'info'}><span>${this.#impactText()}</span></p>
      ${d?.status === 'needs_approval'
        ? html`<p part="approval" data-tone="warning"><span class="tag">${this.t('offerNeedsApprovalTag')}:</span><span>${this.#approvalText()}</span></p>`
        : d?.status === 'refused'
          ? html`<p part="approval" data-tone="danger"><span>${this.t('offerRefused', { message: this.#reasonText(d) })}</span></p>`
          : nothing}`;
  }

  /** The live "not a recovery yet" hint (a refused amount has its own line). */
  #showsValidation(): string | null {
    if (!this.#chosen.length || this.#done || this.#decision?.status === 'refused') return null;
    return this.#invalidity()?.message ?? null;
  }

  #renderValidation(): TemplateResult | typeof nothing {
    const message = this.#showsValidation();
    return message ? html`<p part="validation" id="validation" data-tone="warning"><span>${message}</span></p>` : nothing;
  }

  #renderActions(): TemplateResult {
    const approval = this.#decision?.status === 'needs_approval';
    const blocked = this.#busy || this.#done;
    return html`<div part="actions">
      <button
        part="confirm"
        type="button"
        data-variant="primary"
        ?disabled=${this.#off}
        aria-disabled=${blocked ? 'true' : 'false'}
        aria-describedby=${this.#showsValidation() ? 'validation' : nothing}
        @click=${() => void this.#confirm()}
      >
        ${this.#busy ? this.t('offerBusy') : approval ? this.t('offerRequestApproval') : this.t('offerConfirm')}
      </button>
      <button part="decline" type="button" ?disabled=${this.#off} aria-disabled=${blocked ? 'true' : 'false'} @click=${() => void this.#decline()}>
        ${this.t('offerDecline')}
      </button>
    </div>`;
  }
}
