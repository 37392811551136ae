/**
 * Form association for a Mend widget: the one place that owns `ElementInternals`.
 *
 * A form-associated custom element (`static formAssociated = true`) takes part in a `<form>` like a
 * native control: it has a form value under its `name`, a validity that blocks submit, it is
 * cleared by `form.reset()`, refilled by the browser's state restore (back/forward, autofill) and
 * disabled by a disabled `<fieldset>` or its own `disabled`. This controller does all of that from
 * a few hooks the element gives it, the shape of Material Web's `getFormValue`/`createValidator`:
 *
 * ```ts
 * export class MendOfferPicker extends FormAssociated(MendElement) { // src/base/form-associated.ts
 * #form = new FormControlController(this, {
 *   value: () => (this.#chosen.length ? JSON.stringify(this.#chosen) : null), // null: no entry
 *   state: () => this.value,                      // what the browser gives back on restore
 *   invalidity: () => (this.#off ? null : this.#why()), // { flags, message } or null when valid
 *   anchor: () => this.renderRoot.querySelector('input'), // where reportValidity() points
 *   reset: () => this.#clear(),                   // form.reset(): back to the initial choice
 *   restore: (state) => (this.value = state),     // the browser refills a saved state
 *   disabled: () => this.disabled,                // the element's own switch
 * });
 * protected get formControl() { return this.#form; }  // what the mixin forwards to
 * ```
 *
 * The `FormAssociated` mixin gives the element `formAssociated`, the browser's `form*Callback`s
 * and the public `form`, `validity`, `validationMessage`, `willValidate`, `checkValidity()` and
 * `reportValidity()`, each forwarded here; everything they do is here. After every update (`hostUpdated`, once the DOM is rendered) the controller
 * writes the form value and the validity, so they always match what the agent sees.
 *
 * Typed against {@link FormControlHost} (a reactive host that is an HTMLElement), never against an
 * element class. The behaviour is pinned by `test/controllers/form-control-suite.ts`, which every
 * element using this controller runs.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs of its element. */
export type FormControlHost = ReactiveControllerHost & HTMLElement;

/** The state the browser hands back on restore (as `formStateRestoreCallback` receives it). */
export type FormRestoreState = string | File | FormData | null;

/** Why the value cannot be submitted: validity flags and the message the browser shows. */
export interface Invalidity {
  flags: ValidityStateFlags;
  message: string;
}

export interface FormControlOptions {
  /** The form value under the element's `name`; null leaves no entry in the form data. */
  value: () => string | File | FormData | null;
  /** The state the browser keeps for restore (default: the form value). */
  state?: () => string | File | FormData | null;
  /** Why the current value is invalid, or null when it is valid. */
  invalidity: () => Invalidity | null;
  /** The element `reportValidity()` focuses and points at (default: the element itself). */
  anchor?: () => HTMLElement | null | undefined;
  /** `form.reset()`: back to the initial value (no `change` event: the agent did not change it). */
  reset: () => void;
  /** The browser restores a saved state (back/forward cache, autofill). Default: ignored. */
  restore?: (state: FormRestoreState) => void;
  /** The element's own disabled switch (a disabled fieldset or form is tracked here). */
  disabled?: () => boolean;
}

export class FormControlController implements ReactiveController {
  readonly #host: FormControlHost;
  readonly #options: FormControlOptions;
  readonly #internals: ElementInternals;
  #formDisabled = false;
  /** Between hostUpdate and hostUpdated: a requestUpdate() there is lost (see formDisabledCallback). */
  #updating = false;
  #again = false;

  constructor(host: FormControlHost, options: FormControlOptions) {
    this.#host = host;
    this.#options = options;
    // Must run while the element is being constructed (a field initializer is).
    this.#internals = host.attachInternals();
    host.addController(this);
  }

  /** Disabled by the element itself or by a disabled `<fieldset>`/form around it. */
  get disabled(): boolean {
    return this.#formDisabled || (this.#options.disabled?.() ?? false);
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Write the form value and validity now (also done after every update). */
  sync(): void {
    const options = this.#options;
    const value = options.value();
    this.#internals.setFormValue(value, options.state ? options.state() : value);
    const invalid = this.disabled ? null : options.invalidity();
    if (invalid) this.#internals.setValidity(invalid.flags, invalid.message, options.anchor?.() ?? undefined);
    else this.#internals.setValidity({});
  }

  hostUpdate(): void {
    this.#updating = true;
  }

  hostUpdated(): void {
    this.#updating = false;
    this.sync();
    if (this.#again) {
      this.#again = false;
      this.#host.requestUpdate();
    }
  }

  // The element forwards its form callbacks here.

  formResetCallback(): void {
    this.#options.reset();
    this.#host.requestUpdate();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    // The element's own `disabled` reaches here while Lit reflects it, inside an update that has
    // already rendered and would swallow a new request: render again once that update is done.
    if (this.#updating) this.#again = true;
    else this.#host.requestUpdate();
  }

  formStateRestoreCallback(state: FormRestoreState): void {
    this.#options.restore?.(state);
    this.#host.requestUpdate();
  }
}
