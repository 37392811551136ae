import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { SpendRequest } from '../../src/adapter/host-adapter.js';
import { makeFund, mount, q, settled, text, tick, until, world } from './helpers.js';

describe('amounts: a fund in another currency than the offers', () => {
  it('the picker does not spend USD-priced offers from a EUR fund', async () => {
    const w = world(({ agent }) => ({ funds: [makeFund(agent.id, { currency: 'EUR' })] }));
    const c = await mount(html`<mend-offer-picker options-open .adapter=${w.adapter} locale="en-US"></mend-offer-picker>`);
    const el = c.firstElementChild as HTMLElement;
    await until(() => q(el, '[part~="impact"]') && q(el, '[role="radio"][data-id="credit-15"]'), 'picker ready');
    [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('label.check')].find((l) => /Fix or replace/.test(l.textContent ?? ''))!.querySelector('input')!.click();
    q(el, '[role="radio"][data-id="credit-15"]')!.click();
    await settled(c);
    q<HTMLButtonElement>(el, '[part~="confirm"]')!.click();
    await tick(100);
    await settled(c);
    const spent = w.adapter.received.filter((r) => r.kind === 'spend');
    expect(spent.map((r) => (r.payload as SpendRequest).currency), text(el.shadowRoot)).to.deep.equal([]);
    expect(text(q(el, '[part~="message"]')) + text(q(el, '[part~="approval"]'))).to.match(/EUR|USD|currency/);
  });
});
