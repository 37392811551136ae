// The meter against the project's own hosts: the in-memory host (tests, stories) and the embedded
// CRM in IndexedDB (two instances on one database = two tabs of the same agent).
import { text } from '../helpers/dom.js';
import { tick, until } from '../helpers/until.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sessionFor } from '../../src/adapter/session.js';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { LocalAdapter } from '../../src/adapter/local-adapter.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { SpendRequest } from '../../src/adapter/host-adapter.js';
import '../../src/define/fund-meter.js';
import '../../src/define/host.js';
import '../../src/define/offer-picker.js';
import type { MendFundMeter } from '../../src/define/fund-meter.js';

const meter = (el: MendFundMeter) => el.shadowRoot!.querySelector('[role="meter"]');
const now = (el: MendFundMeter) => meter(el)?.getAttribute('aria-valuenow');

async function mount(adapter: MemoryAdapter | LocalAdapter): Promise<MendFundMeter> {
  const el = await fixture<MendFundMeter>(html`<mend-fund-meter .adapter=${adapter} locale="en-US"></mend-fund-meter>`);
  await until(() => meter(el), 'the meter shows the host fund');
  return el;
}

const spend = (agentId: string, expectedVersion: number, amount = 2500, key: string = crypto.randomUUID()): SpendRequest => ({
  idempotencyKey: key, interactionId: 'int-chat-1', customerId: DEMO_IDS.customers.light, at: new Date().toISOString(),
  agentId, amount, currency: 'USD', reason: 'goodwill', expectedVersion,
});

describe('<mend-fund-meter> with MemoryAdapter', () => {
  it("shows the demo agent's fund, with the pending approval and the ledger totals", async () => {
    const el = await mount(new MemoryAdapter(demoSeed(), { latency: 2 }));
    // Dana: 200.00 budget, 70.00 given, 60.00 pending approval.
    expect(now(el)).to.equal('7000');
    expect(meter(el)!.getAttribute('aria-valuetext')).to.equal('$70.00 left of $200.00');
    expect(el.getAttribute('level')).to.equal('low');
    expect(text(el.shadowRoot!.querySelector('.pending'))).to.equal('$60.00 pending approval (1)');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="ledger-toggle"]')!.click();
    await el.updateComplete;
    const totals = [...el.shadowRoot!.querySelectorAll('[part="totals-table"] tbody tr')].map((r) => [...r.children].map(text));
    expect(totals[0]).to.deep.equal(['Item damaged', '2', '$85.00']);
    expect(totals.map((r) => r[0])).to.deep.equal(['Item damaged', 'Goodwill', 'Wrong item', 'Late delivery', 'Fee waiver']);
    await expect(el).to.be.accessible();
  });

  it('a spend through the shared session applies once and shows at once, even when retried with the same key', async () => {
    const adapter = new MemoryAdapter(demoSeed(), { latency: 2 });
    const el = await mount(adapter);
    const session = sessionFor(adapter);
    const request = spend(DEMO_IDS.agent, 7, 1000, 'fm-spend-once');
    await session.spend(request);
    await session.spend(request);
    await until(() => now(el) === '6000', 'the meter shows the spend');
    expect(adapter.received.filter((w) => w.kind === 'spend')).to.have.length(1);
  });

  it('a slow, older answer that arrives after a newer event never overwrites it', async () => {
    const adapter = new MemoryAdapter(demoSeed(), { latency: 1 });
    const held = adapter.hold('getFund');
    const el = await fixture<MendFundMeter>(html`<mend-fund-meter .adapter=${adapter} locale="en-US"></mend-fund-meter>`);
    const [call] = await held.waitFor(1);
    const older = structuredClone(await adapter.crm.fund(DEMO_IDS.agent));
    adapter.emit('fundChanged', { fund: { ...older, spent: older.spent + 5000, version: older.version + 1 } });
    await until(() => now(el) === '2000', 'the newer event shows');
    await call!.resolve(older);
    await tick(20); // the older answer has its chance to land
    await el.updateComplete;
    expect(now(el)).to.equal('2000');
  });

  it('a lead approving a pending spend moves it from pending to given, live', async () => {
    const adapter = new MemoryAdapter(demoSeed(), { latency: 1 });
    const el = await mount(adapter);
    await adapter.approve(DEMO_IDS.agent, 'led-d6', false);
    await until(() => now(el) === '13000', 'the declined spend frees the fund');
    expect(el.shadowRoot!.querySelector('.pending')).to.equal(null);
    expect(el.getAttribute('level')).to.equal('low');
  });
});

describe('<mend-fund-meter> beside <mend-offer-picker>', () => {
  it('shares one fund load and one host subscription with the picker', async () => {
    const seed = demoSeed();
    const adapter = new MemoryAdapter({ ...seed, context: { interaction: seed.interactions[1]! } }, { latency: 2 });
    const wrap = await fixture<HTMLElement>(
      html`<mend-host .adapter=${adapter} locale="en-US"><mend-offer-picker></mend-offer-picker><mend-fund-meter></mend-fund-meter></mend-host>`,
    );
    const el = wrap.querySelector('mend-fund-meter')!;
    await until(() => meter(el), 'the meter shows');
    await tick(30); // a second load or subscription has its chance to happen
    expect(adapter.calls.getFund).to.equal(1);
    expect(adapter.listenerCount('fundChanged')).to.equal(1);
    const fund = await adapter.crm.fund(DEMO_IDS.agent);
    adapter.emit('fundChanged', { fund: { ...fund, spent: fund.spent + 1000, version: fund.version + 1 } });
    await until(() => now(el) === '6000', 'the meter follows the shared fund');
  });
});

describe('<mend-fund-meter> across tabs (LocalAdapter)', () => {
  it('a spend in one tab of the agent shows in the other tab, without a reload (how fast: npm run bench)', async () => {
    const name = `mend-fm-tabs-${crypto.randomUUID()}`;
    const tabA = new LocalAdapter({ name });
    const tabB = new LocalAdapter({ name });
    const a = await mount(tabA);
    const b = await mount(tabB);
    const before = Number(now(b));
    const version = (await tabA.getFund(DEMO_IDS.agent)).version;
    await sessionFor(tabA).spend(spend(DEMO_IDS.agent, version, 1500));
    await until(() => Number(now(b)) === before - 1500, 'tab B shows the spend of tab A');
    expect(Number(now(a))).to.equal(before - 1500);
  });
});
