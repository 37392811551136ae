import { fixture, html } from '@open-wc/testing';
import '../../src/define/baggage-banner.js';
import type { MendBaggageBanner } from '../../src/define/baggage-banner.js';
import { runWriteActionSuite } from '../controllers/write-action-suite.js';
import { part, text, until } from './helpers.js';

// The banner's acknowledge and callback go through the shared write-action controller: both run its suite.
for (const [kind, event, name] of [
  ['acknowledgeBaggage', 'mend-baggage-acknowledge', 'acknowledge'],
  ['requestCallback', 'mend-callback-request', 'request-callback'],
] as const) {
  runWriteActionSuite({
    tag: `mend-baggage-banner (${name})`,
    kind,
    event,
    mount: async (adapter) => {
      const el = await fixture<MendBaggageBanner>(html`<mend-baggage-banner .adapter=${adapter}></mend-baggage-banner>`);
      await until(() => part(el, name), `the ${name} button`);
      return el;
    },
    trigger: (el) => part(el as MendBaggageBanner, name).click(),
    status: (el) => text(part(el as MendBaggageBanner, 'status')),
    control: (el) => part<HTMLElement>(el as MendBaggageBanner, name),
  });
}
