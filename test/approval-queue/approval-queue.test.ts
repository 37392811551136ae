import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_IDS } from '../../src/adapter/demo-data.js';
import { leadHost } from '../../src/adapter/lead.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { until } from '../helpers/until.js';
import type { MendApprovalQueue } from '../../src/define/approval-queue.js';
import { items, leadAdapter, mountQueue, spendAbove, text } from './helpers.js';

const button = (item: HTMLElement, part: 'approve' | 'decline') => item.querySelector<HTMLButtonElement>(`[part="${part}"]`)!;
const decisions = (adapter: MemoryAdapter) => adapter.received.filter((w) => w.kind === 'decideApproval');

describe('<mend-approval-queue>', () => {
  it('lists the pending spends of the team: agent, customer, amount beside threshold and what is left, reason, note, baggage, waiting', async () => {
    const adapter = leadAdapter();
    const el = await mountQueue(adapter);
    const [first] = items(el);
    expect(items(el)).to.have.length(1);
    expect(text(first!.querySelector('[part="item-heading"]'))).to.equal('Dana Reyes for Dmitri Volkov $60.00');
    const facts = text(first!.querySelector('[part="facts"]'));
    expect(facts).to.match(/^Threshold \$50\.00 \$70\.00 left Waiting \d+ (min|hr)/);
    expect(first!.querySelector('[part="baggage"]')!.getAttribute('data-level')).to.be.oneOf(['light', 'heavy']);
    expect(text(first!.querySelector('.reason'))).to.equal('Reason: Item damaged');
    expect(text(first!.querySelector('.note'))).to.equal('Agent’s note: Charged twice; refund of the second charge');
    expect(el.getAttribute('count')).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it('a new request appears live, oldest first, is announced and fires mend-approval-requested', async () => {
    const adapter = leadAdapter();
    const el = await mountQueue(adapter);
    const event = oneEvent(el, 'mend-approval-requested');
    const entryId = await spendAbove(adapter);
    const { detail } = await event;
    expect(detail.item.entryId).to.equal(entryId);
    expect(detail.count).to.equal(2);
    await until(() => items(el).length === 2, 'the new request shows');
    expect(items(el).map((i) => i.dataset.entry)).to.deep.equal(['led-d6', entryId]);
    expect(text(items(el)[1]!.querySelector('[part="item-heading"]'))).to.equal('Dana Reyes for Carmen Ruiz $70.00');
    expect(el.getAttribute('count')).to.equal('2');
    await until(() => text(el.shadowRoot!.querySelector('[role="status"]')) === 'New approval request: Dana Reyes, $70.00.', 'the announcement');
  });

  it('a request and a decision heard while the queue loads are not lost (the answer may predate them)', async () => {
    const adapter = leadAdapter();
    const before = await adapter.getApprovals(); // what the host answers, computed before the events below
    const held = adapter.hold('getApprovals');
    const el = await fixture<MendApprovalQueue>(html`<mend-approval-queue .adapter=${adapter} locale="en-US"></mend-approval-queue>`);
    const [call] = await held.waitFor(1);
    const entryId = await spendAbove(adapter); // approvalRequested while loading
    await adapter.approve(DEMO_IDS.agent, 'led-d6', true, 'agent-kim'); // approvalDecided while loading
    await call!.resolve(before);
    await until(() => items(el).map((i) => i.dataset.entry).join() === entryId, 'the new request in, the decided one out');
  });

  it('approves by keyboard through the outbox, once, even when pressed twice', async () => {
    const adapter = leadAdapter();
    const el = await mountQueue(adapter);
    const before = await adapter.crm.fund(DEMO_IDS.agent);
    const decided = oneEvent(el, 'mend-approval-decided');
    button(items(el)[0]!, 'approve').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    const { detail } = await decided;
    expect(detail).to.include({ entryId: 'led-d6', approved: true, mine: true, count: 0 });
    await until(() => items(el).length === 0, 'the item leaves the queue');
    const after = await adapter.crm.fund(DEMO_IDS.agent);
    expect(after.spent).to.equal(before.spent + 6_000);
    expect(after.pending).to.equal(before.pending - 6_000);
    const outbox = await leadHost(adapter).outbox();
    await outbox.flush();
    expect(decisions(adapter)).to.have.length(1);
    expect(text(el.shadowRoot!.querySelector('[part="decided"]'))).to.equal('You approved $60.00 for Dmitri Volkov.');
    expect(el.getAttribute('count')).to.equal('0');
  });

  it('declines with a note typed in the item; Enter in the note approves, so the pointer declines', async () => {
    const adapter = leadAdapter();
    const el = await mountQueue(adapter);
    const input = items(el)[0]!.querySelector<HTMLInputElement>('[part="note-input"]')!;
    input.focus();
    await sendKeys({ type: 'Please offer a replacement instead' });
    button(items(el)[0]!, 'decline').click();
    await until(() => decisions(adapter).length === 1, 'the decision reaches the host');
    const payload = decisions(adapter)[0]!.payload as { approve: boolean; note: string; leadId: string; idempotencyKey: string };
    expect(payload).to.include({ approve: false, note: 'Please offer a replacement instead', leadId: DEMO_IDS.lead });
    const fund = await adapter.crm.fund(DEMO_IDS.agent);
    expect(fund.pending).to.equal(0);
    expect(fund.ledger.find((e) => e.id === 'led-d6')!.status).to.equal('rejected');
  });

  it('another lead decided first: the item says so and leaves the queue, no error', async () => {
    const adapter = leadAdapter();
    const el = await mountQueue(adapter);
    const decided = oneEvent(el, 'mend-approval-decided');
    await adapter.approve(DEMO_IDS.agent, 'led-d6', false, 'agent-lee');
    expect((await decided).detail).to.include({ mine: false, approved: false, decidedBy: 'agent-lee' });
    await until(() => items(el).length === 0, 'the item leaves');
    expect(text(el.shadowRoot!.querySelector('[part="decided"]'))).to.equal('Another lead declined $60.00 for Dmitri Volkov first.');
    expect(el.shadowRoot!.querySelector('[part="error"], [data-state="failed"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a decision racing another lead: the host answers conflict, the item says who was first, nothing is applied twice', async () => {
    const adapter = leadAdapter();
    const el = await mountQueue(adapter);
    const held = adapter.hold('decideApproval');
    button(items(el)[0]!, 'approve').click();
    await held.waitFor(1);
    expect(text(items(el)[0]!.querySelector('[part="state"]'))).to.equal('Saved on this device; sending your decision…');
    // The other lead's decision lands first, and its event is lost on the way.
    await adapter.crm.decide(DEMO_IDS.agent, 'led-d6', false);
    await held.release();
    await until(() => items(el).length === 0, 'the item leaves');
    expect(text(el.shadowRoot!.querySelector('[part="decided"]'))).to.equal('Another lead decided on $60.00 for Dmitri Volkov first.');
    expect(decisions(adapter)).to.have.length(0);
    const outbox = await leadHost(adapter).outbox();
    await until(() => outbox.pending === 0, 'the refused decision is dropped from the outbox');
    expect((await adapter.crm.fund(DEMO_IDS.agent)).ledger.find((e) => e.id === 'led-d6')!.status).to.equal('rejected');
  });

  it('empty, unsupported, failing with a retry, and a malformed answer never shown', async () => {
    const empty = leadAdapter();
    await empty.crm.decide(DEMO_IDS.agent, 'led-d6', true);
    expect(text((await mountQueue(empty)).shadowRoot!.querySelector('[part="empty"]'))).to.equal('No spends wait for approval.');

    const none = leadAdapter({ capabilities: { approvals: false } });
    expect(text((await mountQueue(none)).shadowRoot!.querySelector('[part="empty"]'))).to.equal('This console does not provide approvals.');

    const failing = leadAdapter().failNext('getApprovals', 'unavailable');
    const el = await mountQueue(failing);
    expect(text(el.shadowRoot!.querySelector('[part="error"] span'))).to.match(/^Could not load: /);
    expect(el.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role'), 'the failure is announced').to.equal('alert');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await until(() => items(el).length === 1, 'the retry loads the queue');

    const malformed = leadAdapter().malformNext('getApprovals', [{ entryId: 'x', amount: -5 }]);
    const bad = await mountQueue(malformed);
    expect(text(bad.shadowRoot!.querySelector('[part="error"] span'))).to.contain('malformed approvals');
    expect(items(bad)).to.have.length(0);
  });

  it('a customer name or note longer than usual is shown whole, not refused with the whole queue', async () => {
    const adapter = leadAdapter();
    const [item] = await adapter.getApprovals();
    const name = `Marie-${'Louise '.repeat(60)}Okonkwo`;
    const note = 'Second broken blender. '.repeat(60);
    adapter.malformNext('getApprovals', [{ ...item, customerName: name, note }]);
    const el = await mountQueue(adapter);
    expect(items(el)).to.have.length(1);
    expect(text(items(el)[0])).to.contain(name.trim()).and.contain(note.trim());
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it("a lead's own spend is not in their queue (another lead decides it)", async () => {
    const adapter = leadAdapter();
    const fund = await adapter.crm.fund(DEMO_IDS.lead);
    await adapter.spend({ idempotencyKey: 'own', interactionId: 'int-chat-1', customerId: DEMO_IDS.customers.light, at: new Date().toISOString(), agentId: DEMO_IDS.lead, amount: 12_000, currency: 'USD', reason: 'goodwill', expectedVersion: fund.version });
    const el = await mountQueue(adapter);
    expect(items(el).map((i) => i.dataset.entry)).to.deep.equal(['led-d6']);
  });
});
