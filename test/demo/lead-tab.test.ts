// The demo's team-lead tab (issue #17): a spend above the agent's threshold made at the agent's
// desk reaches the lead's queue live (badge, notice), the lead approves it by keyboard, and the
// decision reaches the agent's fund meter; the tabs follow the ARIA tabs pattern; axe on both.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_IDS } from '../../src/adapter/demo-data.js';
import { inside, mount, text, unmountAll, until } from './helpers.js';

afterEach(unmountAll);

const tab = (root: ParentNode, id: 'agent' | 'lead') => root.querySelector<HTMLButtonElement>(`#tab-${id}`)!;
const badge = (root: ParentNode) => text(tab(root, 'lead').querySelector('.count'));
const queue = (root: ParentNode) => root.querySelector('mend-approval-queue')!;
const items = (root: ParentNode) => [...queue(root).shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
const pendingLine = (root: ParentNode) => text(inside(root, '.col-tools mend-fund-meter', '.pending'));

describe('demo console: the team lead tab', () => {
  it('a spend above the threshold at the agent desk reaches the lead, whose approval reaches the agent', async () => {
    const { root, demo } = await mount();
    expect(tab(root, 'agent').getAttribute('aria-selected')).to.equal('true');
    expect(root.querySelector('#lead-panel')!.hasAttribute('hidden')).to.equal(true);
    await until(() => badge(root).startsWith('1'), 'the badge counts the seed spend waiting');

    // Dana, at the agent desk, gives $70.00: above her $50.00 threshold.
    const fund = await demo.adapter.getFund(DEMO_IDS.agent);
    const result = await demo.session.spend({
      idempotencyKey: crypto.randomUUID(), interactionId: 'int-voice-1', customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(),
      agentId: DEMO_IDS.agent, amount: 7_000, currency: 'USD', reason: 'item_damaged', note: 'Second broken blender', expectedVersion: fund.version,
    });
    expect(result.status).to.equal('pending_approval');
    await until(() => badge(root).startsWith('2'), 'the lead badge to count the new request');
    await until(() => text(root.querySelector('.notice')).includes('Dana Reyes asks for approval of $70.00'), 'the notice');
    await until(() => pendingLine(root) === '$130.00 pending approval (2)', "the agent's meter shows both pending");

    // The lead's tab, by keyboard: the arrow key moves to it.
    tab(root, 'agent').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(demo.tab).to.equal('lead');
    expect(tab(root, 'lead').getAttribute('aria-selected')).to.equal('true');
    expect(root.querySelector('#agent-panel')!.hasAttribute('hidden')).to.equal(true);
    await until(() => items(root).length === 2, 'both requests in the queue');
    const carmen = items(root).find((i) => text(i).includes('Carmen Ruiz'))!;
    expect(text(carmen)).to.include('$70.00').and.include('Threshold $50.00').and.include('Heavy baggage');
    carmen.querySelector<HTMLButtonElement>('[part="approve"]')!.focus();
    await sendKeys({ press: 'Enter' });

    await until(() => items(root).length === 1, 'the approved request leaves the queue');
    await until(() => badge(root).startsWith('1'), 'the badge follows');
    await until(() => pendingLine(root) === '$60.00 pending approval (1)', "the decision reaches the agent's meter");
    await until(() => text(root.querySelector('.notice')).startsWith('A team lead approved a spend you sent for approval'), 'the agent desk is told');
    const after = await demo.adapter.getFund(DEMO_IDS.agent);
    expect(after.ledger.find((e) => e.id === result.entryId)!.status).to.equal('done');
    await until(() => !!inside(root, 'mend-recovery-report', '[part="chart"]'), 'the report');
    await expect(root).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    tab(root, 'lead').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(demo.tab).to.equal('agent');
    expect(document.activeElement).to.equal(tab(root, 'agent'));
  });
});
