// The demo console on the Mend service (what `npm start` runs): the agent desk and the Team lead
// tab each on their own ServiceAdapter (the agent's token, the lead's). A spend above the threshold
// made at the agent desk reaches the lead's queue over the service's event stream; the lead's
// decision, by keyboard, reaches the agent's meter and the agent desk's notice.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_IDS } from '../../src/adapter/demo-data.js';
import { inside, mount, text, unmountAll, until } from '../demo/helpers.js';

afterEach(unmountAll);

before(async function () {
  this.timeout(180_000);
  await fetch('/__mend-service/session?db=pglite');
});

const tab = (root: ParentNode, id: 'agent' | 'lead') => root.querySelector<HTMLButtonElement>(`#tab-${id}`)!;
const badge = (root: ParentNode) => text(tab(root, 'lead').querySelector('.count'));
const items = (root: ParentNode) => [...(root.querySelector('mend-approval-queue')?.shadowRoot?.querySelectorAll<HTMLElement>('[part="item"]') ?? [])];
const pendingLine = (root: ParentNode) => text(inside(root, '.col-tools mend-fund-meter', '.pending'));

describe('the demo console on the service: the Team lead tab', () => {
  it("a spend above the threshold reaches the lead's queue; the lead's approval reaches the agent's meter", async () => {
    const s = await (await fetch('/__mend-service/session?db=pglite')).json();
    const { root, demo } = await mount({ url: s.url, token: s.token, leadToken: s.leadToken });
    expect(demo.service).to.not.equal(null);
    expect(demo.lead.adapter).to.not.equal(demo.hostAdapter);
    await until(() => pendingLine(root) === '$60.00 pending approval (1)', 'the seeded pending spend on the meter');
    await until(() => badge(root).startsWith('1'), "the lead's badge counts the seeded spend waiting");

    // Dana, at the agent desk, gives $70.00: above her $50.00 threshold.
    const fund = await demo.hostAdapter.getFund(DEMO_IDS.agent);
    const result = await demo.session.spend({
      idempotencyKey: crypto.randomUUID(), interactionId: 'int-voice-1', customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(),
      agentId: DEMO_IDS.agent, amount: 7_000, currency: 'USD', reason: 'item_damaged', note: 'Second broken blender', expectedVersion: fund.version,
    });
    expect(result.status).to.equal('pending_approval');
    await until(() => badge(root).startsWith('2'), 'the lead badge to count the new request');
    await until(() => text(root.querySelector('.notice')).includes('Dana Reyes asks for approval of $70.00'), 'the notice');
    await until(() => pendingLine(root) === '$130.00 pending approval (2)', "the agent's meter shows both pending");

    tab(root, 'agent').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(demo.tab).to.equal('lead');
    await until(() => items(root).length === 2, 'both requests in the queue');
    const carmen = items(root).find((i) => text(i).includes('Carmen Ruiz') && text(i).includes('$70.00'))!;
    expect(text(carmen)).to.include('Threshold $50.00').and.include('Heavy baggage').and.include('Second broken blender');
    carmen.querySelector<HTMLButtonElement>('[part="approve"]')!.focus();
    await sendKeys({ press: 'Enter' });

    await until(() => items(root).length === 1, 'the approved request leaves the queue');
    await until(() => badge(root).startsWith('1'), 'the badge follows');
    await until(() => pendingLine(root) === '$60.00 pending approval (1)', "the decision reaches the agent's meter");
    await until(() => text(root.querySelector('.notice')).startsWith('A team lead approved a spend you sent for approval'), 'the agent desk is told');
    const after = await demo.hostAdapter.getFund(DEMO_IDS.agent);
    expect(after.ledger.find((e) => e.id === result.entryId)!.status).to.equal('done');
    // The recovery report of the lead's team, from the service.
    await until(() => !!inside(root, 'mend-recovery-report', '[part="chart"]'), 'the report');
    await expect(root).to.be.accessible();
  });
});
