// A widget that only reads never downloads the write path: the outbox module is loaded on the
// first write (or by a widget that shows delivery), not with the meter. Its own file, so no other
// test has loaded the module into this page first.
import { tick, until } from '../helpers/until.js';
import { expect, fixture, html } from '@open-wc/testing';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sessionFor } from '../../src/adapter/session.js';
import '../../src/define/fund-meter.js';
import '../../src/define/offer-picker.js';
import type { MendFundMeter } from '../../src/define/fund-meter.js';

const loaded = () => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === '/src/adapter/outbox.ts');
const stores = async () => (await indexedDB.databases()).map((d) => d.name);

describe('<mend-fund-meter> and the write path', () => {
  it('shows the fund without loading the outbox; a widget that writes loads it after its first render', async () => {
    const scope = `meter-only-${crypto.randomUUID()}`;
    const adapter = new MemoryAdapter(demoSeed(), { latency: 1, storageScope: scope });
    const el = await fixture<MendFundMeter>(html`<mend-fund-meter .adapter=${adapter} locale="en-US"></mend-fund-meter>`);
    await until(() => el.shadowRoot!.querySelector('[role="meter"]'), 'the meter shows the host fund');
    await tick(50); // a stray load of the write path has its chance to happen
    expect(loaded(), 'outbox module loaded').to.equal(false);
    expect(await stores()).not.to.include(`mend-outbox-${scope}`);

    // The picker records recoveries: the outbox loads once it has rendered, before any click.
    await fixture(html`<mend-offer-picker .adapter=${adapter} locale="en-US"></mend-offer-picker>`);
    await until(loaded, 'the picker loads the write path');
    const outbox = await sessionFor(adapter).openOutbox();
    expect(await sessionFor(adapter).openOutbox()).to.equal(outbox);
    await outbox.enqueue('acknowledgeBaggage', {
      idempotencyKey: crypto.randomUUID(), interactionId: 'int-chat-1', customerId: DEMO_IDS.customers.light, at: new Date().toISOString(), incidentIds: [],
    });
    expect(loaded(), 'outbox module loaded').to.equal(true);
    expect(await stores()).to.include(`mend-outbox-${scope}`);
    await outbox.dispose();
  });
});
