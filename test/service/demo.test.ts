// The demo console on the Mend service (what `npm start` runs): a spend above the threshold is
// pending, and a lead's approval through the API reaches the agent's open fund meter, live.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { mountDemo, type DemoConsole } from '../../demo/console.js';
import { DEMO_IDS } from '../../src/adapter/demo-data.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const meter = (root: ParentNode, part: string) => root.querySelector('.col-tools mend-fund-meter')?.shadowRoot?.querySelector(`[part~="${part}"]`) ?? null;
const pendingLine = (root: ParentNode) =>
  [...(root.querySelector('.col-tools mend-fund-meter')?.shadowRoot?.querySelectorAll('[part~="limit"]') ?? [])].map(text).find((t) => t.includes('pending')) ?? '';

let demo: DemoConsole | null = null;
afterEach(() => {
  demo?.destroy();
  demo = null;
});

before(async function () {
  this.timeout(180_000);
  await fetch('/__mend-service/session?db=pglite');
});

describe('the demo console on the service', () => {
  it("a pending spend, approved by a lead through the API, updates the agent's meter", async () => {
    const s = await (await fetch('/__mend-service/session?db=pglite')).json();
    const page = await fixture<HTMLElement>(html`<div><div class="root"></div></div>`);
    const root = page.querySelector<HTMLElement>('.root')!;
    demo = mountDemo(root, { db: `mend-demo-service-${crypto.randomUUID()}`, page, remember: false, service: { url: s.url, token: s.token } });
    await demo.ready;
    expect(demo.hostAdapter.capabilities.spend).to.equal(true);
    await waitUntil(() => text(meter(root, 'remaining')) !== '', 'the fund from the service', { timeout: 15_000 });
    await waitUntil(() => pendingLine(root).includes('(1)'), 'the seeded pending spend', { timeout: 15_000 });

    const fund = await demo.hostAdapter.getFund(DEMO_IDS.agent);
    const result = await demo.hostAdapter.spend({
      idempotencyKey: crypto.randomUUID(), interactionId: 'int-voice-1', customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(),
      agentId: DEMO_IDS.agent, amount: fund.approvalThreshold + 1, currency: fund.currency, reason: 'goodwill', expectedVersion: fund.version,
    });
    expect(result.status).to.equal('pending_approval');
    await waitUntil(() => pendingLine(root).includes('(2)'), 'the new pending spend on the meter', { timeout: 15_000 });
    const before = text(meter(root, 'remaining'));

    const res = await fetch(`${s.url}/v1/funds/${DEMO_IDS.agent}/spends/${result.entryId}/decision`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.leadToken}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ approve: true }),
    });
    expect(res.status).to.equal(200);
    await waitUntil(() => pendingLine(root).includes('(1)'), 'the approval on the open meter', { timeout: 15_000 });
    // Approved: it moved from pending to spent, so what is left is what it was (it was reserved).
    expect(text(meter(root, 'remaining'))).to.equal(before);
  });
});
