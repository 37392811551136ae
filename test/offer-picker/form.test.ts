// <mend-offer-picker> as a form-associated custom element inside a real <form>.
import { expect, fixtureSync, html } from '@open-wc/testing';
import type { ChosenOffer } from '../../src/core/model.js';
import '../../src/define/offer-picker.js';
import type { MendOfferPicker } from '../../src/define/offer-picker.js';
import { $$, bundles, checkbox, confirmButton, makeFund, makePolicy, radio, settle } from './fixtures.js';

async function inForm(severity = 'high', extra: { required?: boolean } = {}): Promise<{ form: HTMLFormElement; el: MendOfferPicker }> {
  // fixtureSync: a non-Lit root would make fixture() wait for an animation frame (throttled in a background page).
  const form = fixtureSync<HTMLFormElement>(html`<form>
    <fieldset>
      <legend>Wrap-up</legend>
      <mend-offer-picker
      options-open
        name="recovery"
        severity=${severity}
        ?required=${extra.required ?? false}
        .policy=${makePolicy()}
        .fund=${makeFund()}
        locale="en-US"
      ></mend-offer-picker>
    </fieldset>
    <button>Save</button>
  </form>`);
  const el = form.querySelector('mend-offer-picker')!;
  await settle(el);
  return { form, el };
}

describe('<mend-offer-picker> in a form', () => {
  it('is form-associated: its name carries the JSON of the chosen offers', async () => {
    const { form, el } = await inForm('high');
    expect(el.form).to.equal(form);
    expect(new FormData(form).has('recovery'), 'nothing chosen: no entry').to.equal(false);
    bundles(el)[0].click();
    await settle(el);
    const data = new FormData(form).get('recovery') as string;
    expect(data).to.equal(el.value);
    const offers = JSON.parse(data) as ChosenOffer[];
    expect(offers.map((o) => o.kind)).to.include.members(['apology', 'assistance', 'compensation']);
    const money = offers.find((o) => o.amount !== undefined)!;
    expect(Number.isInteger(money.amount)).to.equal(true);
    await expect(form).to.be.accessible();
  });

  it('an apology alone on a high-severity issue makes the form invalid, with the message, and blocks submit', async () => {
    const { form, el } = await inForm('high');
    checkbox(el, 'Sincere apology').click();
    await settle(el);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.equal('An apology alone is not a recovery: add assistance or compensation.');
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted++;
    });
    form.requestSubmit();
    expect(submitted).to.equal(0);
    checkbox(el, 'Fix or replace').click();
    radio(el, 'compensation', 'Goodwill credit').click();
    await settle(el);
    expect(form.checkValidity()).to.equal(true);
    form.requestSubmit();
    expect(submitted).to.equal(1);
  });

  it('form.reset() clears the choice without a change event', async () => {
    const { form, el } = await inForm('low');
    bundles(el)[0].click();
    checkbox(el, 'Expedited replacement').click();
    await settle(el);
    expect(el.value).to.not.equal('[]');
    let changes = 0;
    el.addEventListener('change', () => changes++);
    form.reset();
    await settle(el);
    expect(el.value).to.equal('[]');
    expect(new FormData(form).has('recovery')).to.equal(false);
    expect(checkbox(el, 'Sincere apology').checked).to.equal(false);
    expect(bundles(el).every((b) => b.getAttribute('aria-checked') === 'false')).to.equal(true);
    expect(radio(el, 'compensation', 'No compensation').getAttribute('aria-checked')).to.equal('true');
    expect(changes).to.equal(0);
  });

  it('required: an empty choice is valueMissing', async () => {
    const { form, el } = await inForm('low', { required: true });
    expect(el.validity.valueMissing).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    bundles(el)[0].click();
    await settle(el);
    expect(form.checkValidity()).to.equal(true);
  });

  it('a disabled fieldset disables every control and leaves the picker out of validation', async () => {
    const { form, el } = await inForm('high');
    checkbox(el, 'Sincere apology').click();
    await settle(el);
    expect(form.checkValidity()).to.equal(false);
    form.querySelector('fieldset')!.disabled = true;
    await settle(el);
    expect(el.willValidate).to.equal(false);
    expect(form.checkValidity()).to.equal(true);
    expect($$(el, 'input').every((i) => (i as HTMLInputElement).disabled)).to.equal(true);
    expect(confirmButton(el).disabled).to.equal(true);
    expect(bundles(el).every((b) => b.tabIndex === -1 && b.getAttribute('aria-disabled') === 'true')).to.equal(true);
    bundles(el)[0].click();
    await settle(el);
    expect(bundles(el)[0].getAttribute('aria-checked'), 'a click does nothing while disabled').to.equal('false');
    await expect(form).to.be.accessible();
  });

  it('setting value restores a choice (with a custom amount) without a change event', async () => {
    const { el } = await inForm('high');
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.value = JSON.stringify([
      { offerId: 'apology', kind: 'apology', label: 'Sincere apology' },
      { offerId: 'fix', kind: 'assistance', label: 'Fix or replace' },
      { offerId: 'refund', kind: 'compensation', label: 'Refund', amount: 1234 },
    ]);
    await settle(el);
    expect(radio(el, 'compensation', 'Refund').getAttribute('aria-checked')).to.equal('true');
    expect(($$(el, '[part~="amount"] input')[0] as HTMLInputElement).value).to.equal('$12.34');
    expect((JSON.parse(el.value) as ChosenOffer[]).find((o) => o.offerId === 'refund')!.amount).to.equal(1234);
    expect(el.checkValidity()).to.equal(true);
    expect(changes).to.equal(0);
    el.value = 'not json';
    await settle(el);
    expect(el.value).to.equal('[]');
  });
});
