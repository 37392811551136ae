// The shared radio-group suite run against both of the picker's groups: the recommended bundles and
// the compensation presets.
import { fixtureSync, html } from '@open-wc/testing';
import '../../src/define/offer-picker.js';
import type { MendOfferPicker } from '../../src/define/offer-picker.js';
import { runRadioGroupSuite } from '../controllers/radio-group-suite.js';
import { $$, makeFund, makePolicy, settle } from './fixtures.js';

async function picker(dir: 'ltr' | 'rtl'): Promise<MendOfferPicker> {
  const wrapper = fixtureSync<HTMLElement>(html`<div dir=${dir}>
    <mend-offer-picker options-open .policy=${makePolicy()} .fund=${makeFund()} severity="high" baggage="none" locale="en-US"></mend-offer-picker>
  </div>`);
  const el = wrapper.querySelector('mend-offer-picker')!;
  await settle(el);
  return el;
}

const disable = async (el: MendOfferPicker): Promise<void> => {
  el.disabled = true;
  await settle(el);
};

runRadioGroupSuite<MendOfferPicker>({
  name: 'mend-offer-picker: recommended bundles',
  mount: picker,
  radios: (el) => $$(el, '[part~="bundles"] [role="radio"]'),
  settle,
  disable,
});

runRadioGroupSuite<MendOfferPicker>({
  name: 'mend-offer-picker: compensation',
  mount: picker,
  radios: (el) => $$(el, '[part~="compensation"] [role="radio"]'),
  settle,
  disable,
});
