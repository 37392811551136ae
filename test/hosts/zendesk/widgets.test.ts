// The widgets on the Zendesk kit, end to end: the real ZAF SDK in the app iframe, this page playing
// Zendesk, the root-cause logger holding a solving save until the cause is logged.
import { expect, waitUntil } from '@open-wc/testing';
import { composeAdapter } from '../../../src/adapter/compose.js';
import { DEFAULT_POLICY } from '../../../src/core/index.js';
import type { HostAdapter } from '../../../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { zendeskAdapter, zendeskComposition, type ZendeskAdapter } from '../../../src/hosts/zendesk/index.js';
import { $, RECURRENCE, TAXONOMY, combo, disposeOutboxes, fill, hostedLogger, submit, text } from '../../root-cause-logger/helpers.js';
import { FakeZendesk } from './fake-zendesk.js';

let fake: FakeZendesk;
const kits: ZendeskAdapter[] = [];

/** Open the app on a ticket of its own (drafts and outbox keys are per ticket). */
async function openTicket(): Promise<number> {
  const id = 2000 + Math.floor(Math.random() * 1_000_000);
  fake.tickets.set(id, { ...fake.tickets.get(1001)!, id, tags: [], comments: [], custom_fields: [] });
  fake.ticketId = id;
  await fake.load();
  return id;
}

function adapter(): HostAdapter {
  const kit = zendeskAdapter(fake.client, { storageScope: `zendesk-widgets:${crypto.randomUUID()}`, retry: { sleep: () => Promise.resolve() } });
  kits.push(kit);
  const service = new MemoryAdapter({ agents: [{ id: '9001', name: 'Dana Agent', role: 'agent' }], taxonomy: TAXONOMY, policy: DEFAULT_POLICY, recurrence: RECURRENCE });
  return composeAdapter(kit, service, zendeskComposition);
}

before(async () => {
  fake = new FakeZendesk();
  await fake.ready();
});
beforeEach(() => fake.reset());
afterEach(async () => {
  for (const k of kits.splice(0)) k.dispose();
  await disposeOutboxes();
});
after(() => fake.dispose());

describe('Zendesk app: root-cause logger', () => {
  it('holds a solving ticket.save with the guard message and releases it once the cause is logged', async () => {
    const ticketId = await openTicket();
    const el = await hostedLogger(adapter());
    await waitUntil(() => !combo(el).disabled && !!$(el, '#cause-hint'), 'the logger is ready', { timeout: 5000 });
    await waitUntil(() => fake.subscribers.get('ticket.save') === 1, 'the kit registered the save hook');

    fake.tickets.get(ticketId)!.status = 'solved';
    const held = await fake.save();
    expect(held.error).to.deep.equal({ msg: 'Log the root cause before wrap-up.' });
    await el.updateComplete;
    expect(text(el, '[part="wrap-up"]')).to.contain('Log the root cause before wrap-up.');
    await expect(el).to.be.accessible();

    await fill(el);
    await submit(el);
    await waitUntil(() => fake.notes(ticketId).length === 1, 'the log reached Zendesk as an internal note', { timeout: 5000 });
    expect(fake.notes(ticketId)[0]!.body).to.contain('Problem: Customer received the wrong colour.').and.to.contain('Cause: rc-pick');
    const released = await fake.save();
    expect(released.error).to.equal(undefined);
  });

  it('a malformed ticket answer is an error state with a retry, not an exception', async () => {
    await openTicket();
    fake.overrides.set('ticket.requester', { name: 'no id' });
    const el = await hostedLogger(adapter());
    await waitUntil(() => !!$(el, '[part="error"][role="alert"]'), 'the context error is shown', { timeout: 5000 });
    await expect(el).to.be.accessible();
    expect($<HTMLFieldSetElement>(el, '[part="fields"]')!.disabled).to.equal(true);
    fake.overrides.clear();
    $<HTMLButtonElement>(el, '[part="error"] [part="retry"]')!.click();
    await waitUntil(() => !$<HTMLFieldSetElement>(el, '[part="fields"]')!.disabled, 'the form is usable after the retry', { timeout: 5000 });
    expect($(el, '[part="error"][role="alert"]')).to.equal(null);
  });
});
