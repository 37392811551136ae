// A widget defined before <mend-host> still gets the host's adapter (the ContextRoot attached by
// `define`), and a widget with no adapter says that nothing was recorded.
import { expect, fixtureSync, html } from '@open-wc/testing';
import { until } from '../helpers/until.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { RecoveryRecord } from '../../src/adapter/host-adapter.js';
import type { Interaction } from '../../src/core/model.js';
// Only the picker: <mend-host> is defined later, inside the test.
import '../../src/define/offer-picker.js';
import type { MendOfferPicker } from '../../src/define/offer-picker.js';
import { $, checkbox, confirmButton, makeFund, makePolicy, newAgentId, radio, settle, text } from '../offer-picker/fixtures.js';

function adapterFor(interaction: Interaction): MemoryAdapter {
  const agentId = newAgentId();
  return new MemoryAdapter(
    {
      context: { agent: { id: agentId, name: 'Dana Reyes', role: 'agent' }, interaction, locale: 'en-US', currency: 'USD' },
      policy: makePolicy(),
      funds: [makeFund({ agentId })],
      histories: [{ customer: { id: interaction.customerId, name: 'Carmen Ruiz' }, incidents: [] }],
    },
    { latency: 1 },
  );
}

describe('import order', () => {
  it('a picker imported before mend-widgets/host gets the adapter once <mend-host> is defined', async () => {
    expect(customElements.get('mend-host')).to.equal(undefined, 'this file must define <mend-host> itself, late');
    const interaction: Interaction = {
      id: 'int-order-1',
      customerId: 'cust-order-1',
      channel: 'chat',
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      severity: 'high',
    };
    const adapter = adapterFor(interaction);
    const host = fixtureSync<HTMLElement & { adapter?: MemoryAdapter }>(
      html`<mend-host locale="en-US"><mend-offer-picker options-open></mend-offer-picker></mend-host>`,
    );
    host.adapter = adapter; // set on the not-yet-upgraded element, as a page script would
    const el = host.querySelector<MendOfferPicker>('mend-offer-picker')!;
    await settle(el);

    await import('../../src/define/host.js');
    await until(() => text($(el, '[part~="severity"]')).includes('high'), 'the severity of the host\'s interaction (high)');
    await until(() => $(el, '[part~="impact"]') && !text($(el, '[part~="impact"]')).includes('Loading'), 'the fund to load');

    checkbox(el, 'Fix or replace').click();
    radio(el, 'compensation', 'Goodwill credit').click();
    await settle(el);
    const accepted = new Promise<CustomEvent>((resolve) => el.addEventListener('mend-offer-accept', (e) => resolve(e), { once: true }));
    confirmButton(el).click();
    const event = await accepted;
    expect(event.detail.interactionId).to.equal('int-order-1');
    await until(
      () => adapter.received.some((r) => r.kind === 'recordRecovery' && (r.payload as RecoveryRecord).interactionId === 'int-order-1'),
      'the recovery to reach the host',
    );
    expect(text($(el, '[part~="message"]'))).to.equal('Recovery recorded.');
  });

  it('a picker with no adapter says that nothing was recorded, never "Accepted."', async () => {
    const el = fixtureSync<MendOfferPicker>(html`<mend-offer-picker
      options-open
      .policy=${makePolicy()}
      .fund=${makeFund()}
      severity="low"
      locale="en-US"
    ></mend-offer-picker>`);
    await settle(el);
    checkbox(el, 'Fix or replace').click();
    await settle(el);
    const accepted = new Promise<CustomEvent>((resolve) => el.addEventListener('mend-offer-accept', (e) => resolve(e), { once: true }));
    confirmButton(el).click();
    await accepted;
    await settle(el);
    expect(text($(el, '[part~="message"]'))).to.equal('Accepted here only: no host is connected, so nothing was recorded.');
    await expect(el).to.be.accessible();
  });
});
