// The shared form-control suite run against <mend-root-cause-logger>: in a page's <form>, the log's
// fields are one form value (JSON) under the element's name.
import { expect } from '@open-wc/testing';
import '../../src/define/root-cause-logger.js';
import type { MendRootCauseLogger } from '../../src/define/root-cause-logger.js';
import { runFormControlSuite } from '../controllers/form-control-suite.js';
import { $, chooseCause, fill, newInteraction, POLICY, RECURRENCE, TAXONOMY, typeInto } from './helpers.js';

const controls = (el: MendRootCauseLogger) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('textarea, input, select')];

runFormControlSuite<MendRootCauseLogger>({
  tag: 'mend-root-cause-logger',
  create: () => {
    const el = document.createElement('mend-root-cause-logger');
    el.taxonomy = TAXONOMY;
    el.policy = POLICY;
    el.recurrence = RECURRENCE;
    el.interaction = newInteraction();
    return el;
  },
  settle: async (el) => {
    await el.updateComplete;
  },
  makeValid: (el) => fill(el),
  // A problem without its root cause is not a log.
  makeInvalid: (el) => typeInto(el, '#problem', 'Half a log'),
  controlsDisabled: (el) =>
    controls(el).every((c) => c.matches(':disabled')) && $(el, 'button[type="submit"]')!.getAttribute('aria-disabled') === 'true',
});

describe('<mend-root-cause-logger> form value', () => {
  it('is the JSON of the filled-in fields, and setting it fills the form', async () => {
    const el = document.createElement('mend-root-cause-logger');
    el.taxonomy = TAXONOMY;
    el.policy = POLICY;
    el.interaction = newInteraction();
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.value).to.equal('');
      await typeInto(el, '#problem', 'Parcel lost');
      await chooseCause(el, 'lost');
      expect(JSON.parse(el.value)).to.deep.equal({ problem: 'Parcel lost', causeId: 'rc-lost', departmentId: 'shipping', resolution: '', notifyDepartment: false });
      expect(el.validationMessage).to.equal('Say how it was resolved.');
      el.value = JSON.stringify({ problem: 'Wrong item', causeId: 'rc-pick', departmentId: 'billing', resolution: 'Refunded', notifyDepartment: true });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#cause')!.value).to.equal('Wrong item picked');
      expect($<HTMLSelectElement>(el, '#department')!.value).to.equal('billing');
      expect($<HTMLTextAreaElement>(el, '#resolution')!.value).to.equal('Refunded');
      expect(el.checkValidity()).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('set before the logger is on the page, fills the form once it is', async () => {
    const el = document.createElement('mend-root-cause-logger');
    el.taxonomy = TAXONOMY;
    el.policy = POLICY;
    el.interaction = newInteraction();
    el.value = JSON.stringify({ problem: 'Wrong item', causeId: 'rc-pick', departmentId: '', resolution: 'Reshipped', notifyDepartment: false });
    document.body.append(el);
    try {
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#problem')!.value).to.equal('Wrong item');
      expect($<HTMLInputElement>(el, '#cause')!.value).to.equal('Wrong item picked');
      expect($<HTMLSelectElement>(el, '#department')!.value).to.equal('warehouse');
      expect(JSON.parse(el.value)).to.deep.equal({ problem: 'Wrong item', causeId: 'rc-pick', departmentId: 'warehouse', resolution: 'Reshipped', notifyDepartment: false });
      expect(el.checkValidity()).to.equal(true);
    } finally {
      el.remove();
    }
  });
});
