/**
 * The form-associated half of a widget, once: the public form API (`form`, `validity`,
 * `validationMessage`, `willValidate`, `checkValidity()`, `reportValidity()`) and the three
 * callbacks the browser calls (`formResetCallback`, `formDisabledCallback`,
 * `formStateRestoreCallback`), all forwarded to the element's {@link FormControlController}.
 *
 * ```ts
 * export class MendOfferPicker extends FormAssociated(MendElement) {
 *   #form = new FormControlController(this, { value, invalidity, reset, ... });
 *   protected get formControl() { return this.#form; }
 * }
 * ```
 *
 * The browser reads `formAssociated` and the callbacks from the class when the element is defined;
 * both are inherited from here.
 */
import type { FormControlController, FormRestoreState } from '../controllers/form-control.js';
import type { MendElement } from './mend-element.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern's constructor type
type ElementClass = abstract new (...args: any[]) => MendElement;

/** What the mixin adds (declared apart, so that declaration files can name it). */
export declare abstract class FormAssociatedMembers {
  static formAssociated: boolean;
  protected abstract get formControl(): FormControlController;
  get form(): HTMLFormElement | null;
  get validity(): ValidityState;
  get validationMessage(): string;
  get willValidate(): boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  formResetCallback(): void;
  formDisabledCallback(disabled: boolean): void;
  formStateRestoreCallback(state: FormRestoreState): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern's constructor type
export function FormAssociated<Base extends ElementClass>(base: Base): Base & (abstract new (...args: any[]) => FormAssociatedMembers) {
  abstract class FormAssociatedElement extends base {
    static formAssociated = true;

    /** The controller that owns the element's `ElementInternals`. */
    protected abstract get formControl(): FormControlController;

    /** The `<form>` the element belongs to, or null. */
    get form(): HTMLFormElement | null {
      return this.formControl.form;
    }
    /** The element's validity, as a native control's. */
    get validity(): ValidityState {
      return this.formControl.validity;
    }
    /** What the browser says when the value cannot be submitted ('' when valid). */
    get validationMessage(): string {
      return this.formControl.validationMessage;
    }
    /** Whether the element takes part in constraint validation. */
    get willValidate(): boolean {
      return this.formControl.willValidate;
    }
    /** Whether the value can be submitted (fires `invalid` when not). */
    checkValidity(): boolean {
      return this.formControl.checkValidity();
    }
    /** As `checkValidity()`, and shows the browser's message at the first field to fix. */
    reportValidity(): boolean {
      return this.formControl.reportValidity();
    }
    formResetCallback(): void {
      this.formControl.formResetCallback();
    }
    formDisabledCallback(disabled: boolean): void {
      this.formControl.formDisabledCallback(disabled);
    }
    formStateRestoreCallback(state: FormRestoreState): void {
      this.formControl.formStateRestoreCallback(state);
    }
  }
  return FormAssociatedElement as unknown as Base & (abstract new (...args: any[]) => FormAssociatedMembers); // eslint-disable-line @typescript-eslint/no-explicit-any
}
