// The reusable suite of FormControlController (src/controllers/form-control.ts): every
// form-associated Mend widget runs it (Shoelace's runFormControlBaseTests, Lion's run*MixinSuite).
// It drives the element only through what a page and a form see: FormData, validity, submit,
// form.reset(), a disabled fieldset, the element's own `disabled`, and the browser's state restore.
import { expect, fixtureSync, html } from '@open-wc/testing';
import type { FormRestoreState } from '../../src/controllers/form-control.js';

/** What the suite needs of a form-associated widget. */
export interface FormControlElement extends HTMLElement {
  name: string;
  disabled: boolean;
  value: string;
  readonly updateComplete: Promise<boolean>;
  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  formStateRestoreCallback(state: FormRestoreState): void;
}

export interface FormControlSuiteOptions<T extends FormControlElement> {
  /** The element's tag, for the test names. */
  tag: string;
  /** A configured element, not yet in the document (the suite puts it in a form, under a name). */
  create: () => T;
  /** Wait until the element has rendered what the last action changed. */
  settle: (el: T) => Promise<void>;
  /** Make a valid, non-empty choice as a user would. */
  makeValid: (el: T) => Promise<void>;
  /** Make an invalid choice as a user would. */
  makeInvalid: (el: T) => Promise<void>;
  /** Whether every control the user could operate is disabled (for a disabled fieldset or element). */
  controlsDisabled: (el: T) => boolean;
}

export function runFormControlSuite<T extends FormControlElement>(options: FormControlSuiteOptions<T>): void {
  const { tag, create, settle, makeValid, makeInvalid, controlsDisabled } = options;

  async function inForm(): Promise<{ form: HTMLFormElement; fieldset: HTMLFieldSetElement; el: T }> {
    // fixtureSync: a non-Lit root would make fixture() wait for an animation frame (throttled in a background page).
    const form = fixtureSync<HTMLFormElement>(html`<form><fieldset><legend>Wrap-up</legend></fieldset><button>Save</button></form>`);
    const fieldset = form.querySelector('fieldset')!;
    const el = create();
    el.name = 'field';
    fieldset.append(el);
    await settle(el);
    return { form, fieldset, el };
  }

  const submits = (form: HTMLFormElement): (() => number) => {
    let count = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      count++;
    });
    return () => count;
  };

  describe(`${tag}: form control`, () => {
    it('belongs to its form and submits its value under its name', async () => {
      const { form, el } = await inForm();
      expect(el.form).to.equal(form);
      expect(el.willValidate).to.equal(true);
      await makeValid(el);
      await settle(el);
      expect(new FormData(form).get('field'), 'the form data carries the value').to.be.a('string').and.not.equal('');
      expect(el.checkValidity()).to.equal(true);
      const count = submits(form);
      form.requestSubmit();
      expect(count()).to.equal(1);
    });

    it('an invalid value blocks submit, with a message, until it is valid', async () => {
      const { form, el } = await inForm();
      await makeInvalid(el);
      await settle(el);
      expect(el.validity.valid).to.equal(false);
      expect(el.validationMessage).to.not.equal('');
      expect(el.checkValidity()).to.equal(false);
      expect(el.reportValidity()).to.equal(false);
      expect(form.checkValidity()).to.equal(false);
      const count = submits(form);
      form.requestSubmit();
      expect(count(), 'an invalid form is not submitted').to.equal(0);
      await makeValid(el);
      await settle(el);
      expect(el.validity.valid).to.equal(true);
      expect(el.validationMessage).to.equal('');
      form.requestSubmit();
      expect(count()).to.equal(1);
    });

    it('form.reset() restores the initial value without a change event', async () => {
      const { form, el } = await inForm();
      const initial = el.value;
      const initialData = new FormData(form).get('field');
      await makeValid(el);
      await settle(el);
      expect(el.value).to.not.equal(initial);
      let changes = 0;
      el.addEventListener('change', () => changes++);
      form.reset();
      await settle(el);
      expect(el.value).to.equal(initial);
      expect(new FormData(form).get('field')).to.equal(initialData);
      expect(changes).to.equal(0);
    });

    it("the browser's state restore brings a saved value back", async () => {
      const { form, el } = await inForm();
      await makeValid(el);
      await settle(el);
      const saved = el.value;
      const data = new FormData(form).get('field');
      form.reset();
      await settle(el);
      expect(el.value).to.not.equal(saved);
      el.formStateRestoreCallback(saved);
      await settle(el);
      expect(el.value).to.equal(saved);
      expect(new FormData(form).get('field')).to.equal(data);
    });

    it('a disabled fieldset disables every control and leaves the element out of validation', async () => {
      const { form, fieldset, el } = await inForm();
      await makeInvalid(el);
      await settle(el);
      expect(form.checkValidity()).to.equal(false);
      fieldset.disabled = true;
      await settle(el);
      expect(el.willValidate).to.equal(false);
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).has('field'), 'a disabled control submits nothing').to.equal(false);
      expect(controlsDisabled(el)).to.equal(true);
      fieldset.disabled = false;
      await settle(el);
      expect(el.willValidate).to.equal(true);
      expect(form.checkValidity(), 'enabled again: the invalid value counts again').to.equal(false);
      expect(controlsDisabled(el)).to.equal(false);
    });

    it('its own disabled does the same', async () => {
      const { form, el } = await inForm();
      await makeInvalid(el);
      await settle(el);
      el.disabled = true;
      await settle(el);
      expect(el.willValidate).to.equal(false);
      expect(form.checkValidity()).to.equal(true);
      expect(controlsDisabled(el)).to.equal(true);
      el.disabled = false;
      await settle(el);
      expect(form.checkValidity()).to.equal(false);
      expect(controlsDisabled(el)).to.equal(false);
    });
  });
}
