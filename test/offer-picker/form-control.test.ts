// The shared form-control suite run against <mend-offer-picker>.
import '../../src/define/offer-picker.js';
import type { MendOfferPicker } from '../../src/define/offer-picker.js';
import { runFormControlSuite } from '../controllers/form-control-suite.js';
import { $$, checkbox, confirmButton, makeFund, makePolicy, radio, settle } from './fixtures.js';

runFormControlSuite<MendOfferPicker>({
  tag: 'mend-offer-picker',
  create: () => {
    const el = document.createElement('mend-offer-picker');
    el.severity = 'high';
    el.policy = makePolicy();
    el.fund = makeFund();
    el.locale = 'en-US';
    el.optionsOpen = true; // the composer is behind "Other options"
    return el;
  },
  settle,
  makeValid: async (el) => {
    checkbox(el, 'Sincere apology').click();
    checkbox(el, 'Fix or replace').click();
    radio(el, 'compensation', 'Goodwill credit').click();
    await settle(el);
  },
  // An apology alone is not a recovery for a high-severity issue.
  makeInvalid: async (el) => {
    checkbox(el, 'Sincere apology').click();
    await settle(el);
  },
  controlsDisabled: (el) =>
    confirmButton(el).disabled &&
    $$(el, 'input').every((i) => (i as HTMLInputElement).disabled) &&
    $$(el, '[role="radio"]').every((r) => r.tabIndex === -1 && r.getAttribute('aria-disabled') === 'true'),
});
