import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/baggage-banner.js';
import '../../src/define/host.js';
import type { MendBaggageBanner } from '../../src/define/baggage-banner.js';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { guardHost } from '../../src/adapter/guard.js';
import { MemoryAdapter, type MemoryOptions } from '../../src/adapter/memory-adapter.js';
import { outboxFor } from '../../src/adapter/outbox.js';
import type { Interaction } from '../../src/core/model.js';
import { announced, announcements, part, parts, text, until, $ } from './helpers.js';

const C = DEMO_IDS.customers;
const NAMES: Record<string, string> = { [C.heavy]: 'Carmen Ruiz', [C.light]: 'Benedikt Schäfer', [C.none]: 'Ava Lindqvist' };
let serial = 0;
const run = `${Date.now().toString(36)}`;
const adapters: MemoryAdapter[] = [];

/** A fresh interaction id per test: the outbox is durable, and its keys are per interaction. */
function contact(customerId: string): Interaction {
  return {
    id: `int-bb-${run}-${++serial}`,
    customerId,
    channel: 'voice',
    startedAt: new Date().toISOString(),
    customerName: NAMES[customerId],
  };
}

function host(interaction: Interaction | null, options: MemoryOptions = {}, seed = demoSeed()): MemoryAdapter {
  const adapter = new MemoryAdapter({ ...seed, context: { interaction } }, { latency: 2, ...options });
  adapters.push(adapter);
  return adapter;
}

async function mount(adapter: MemoryAdapter, ready = true): Promise<MendBaggageBanner> {
  const el = await fixture<MendBaggageBanner>(html`<mend-baggage-banner .adapter=${adapter}></mend-baggage-banner>`);
  if (ready) await settled(el, (e) => e.state !== 'loading');
  return el;
}

async function settled(el: MendBaggageBanner, check: (el: MendBaggageBanner) => boolean): Promise<void> {
  await until(() => check(el));
  await el.updateComplete;
}

const acks = (adapter: MemoryAdapter, key: string) =>
  adapter.received.filter((w) => (w.payload as { idempotencyKey?: string }).idempotencyKey === key);

afterEach(async () => {
  // Each adapter's own outbox (its storage scope), stopped so no test's writes outlive it.
  for (const adapter of adapters.splice(0)) await outboxFor(guardHost(adapter), adapter.storageScope).dispose();
});

describe('<mend-baggage-banner> with a host adapter', () => {
  it('loading: space is reserved and marked busy, then the host answer shows without shrinking it', async () => {
    const adapter = host(contact(C.heavy));
    const held = adapter.hold('getHistory');
    const el = await mount(adapter, false);
    await held.waitFor(1);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('true');
    expect(text(part(el, 'loading'))).to.equal('Loading…');
    const loadingHeight = el.getBoundingClientRect().height;
    expect(loadingHeight).to.be.at.least(96);
    await expect(el).to.be.accessible();
    await held.release();
    await settled(el, (e) => e.state === 'ready');
    expect(el.level).to.equal('heavy');
    expect(el.getBoundingClientRect().height).to.be.at.least(loadingHeight);
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('false');
  });

  it('heavy from the host: reasons, the callback, and the customer named; announced politely', async () => {
    const el = await mount(host(contact(C.heavy)));
    expect(el.state).to.equal('ready');
    expect(el.getAttribute('level')).to.equal('heavy');
    expect(text(part(el, 'customer'))).to.equal('Carmen Ruiz');
    expect(text(part(el, 'reasons'))).to.contain('unresolved');
    expect(part(el, 'request-callback')).to.not.equal(null);
    expect(await announced(el)).to.equal('Heavy baggage: Carmen Ruiz.');
    await expect(el).to.be.accessible();
  });

  it('follows the active interaction when the host switches contacts', async () => {
    const adapter = host(contact(C.heavy));
    const el = await mount(adapter);
    expect(el.level).to.equal('heavy');
    adapter.setInteraction(contact(C.light));
    await settled(el, (e) => e.level === 'light');
    expect(text(part(el, 'customer'))).to.equal('Benedikt Schäfer');
    expect(await announced(el)).to.equal('Light baggage: Benedikt Schäfer.');
    adapter.setInteraction(contact(C.none));
    await settled(el, (e) => e.level === 'none');
    expect(text(part(el, 'quiet'))).to.equal('No past issues on record.');
  });

  it("stale answers are dropped: A's history arriving after the switch to B never shows under B", async () => {
    const a = contact(C.heavy);
    const b = contact(C.light);
    const adapter = host(a);
    const held = adapter.hold('getHistory');
    const el = await mount(adapter, false);
    await held.waitFor(1);
    adapter.setInteraction(b);
    await held.waitFor(2);
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    // A answers first, while B is active: still loading B, nothing of A.
    await held.calls[0]!.resolve();
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(el.level).to.equal(undefined);
    expect(el.shadowRoot!.textContent).to.not.contain('Carmen');
    await held.calls[1]!.resolve();
    await settled(el, (e) => e.state === 'ready');
    expect(el.level).to.equal('light');
    expect(text(part(el, 'customer'))).to.equal('Benedikt Schäfer');
    expect(el.shadowRoot!.textContent).to.not.contain('Carmen');
    expect(el.shadowRoot!.textContent).to.not.contain('cracked jar');
  });

  it('stale answers are dropped: B answers first, then A late; B stays', async () => {
    const a = contact(C.heavy);
    const b = contact(C.light);
    const adapter = host(a);
    const held = adapter.hold('getHistory');
    const el = await mount(adapter, false);
    await held.waitFor(1);
    adapter.setInteraction(b);
    await held.waitFor(2);
    await held.calls[1]!.resolve();
    await settled(el, (e) => e.state === 'ready');
    expect(el.level).to.equal('light');
    await held.calls[0]!.resolve();
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(el.level).to.equal('light');
    expect(text(part(el, 'customer'))).to.equal('Benedikt Schäfer');
    await expect(el).to.be.accessible();
  });

  it('duplicate host events change nothing: no reload, no second announcement', async () => {
    const interaction = contact(C.heavy);
    const adapter = host(interaction);
    const el = await mount(adapter);
    await announced(el);
    const said = announcements(el).length;
    const loads = adapter.calls.getHistory;
    const before = el.shadowRoot!.innerHTML;
    adapter.emit('interactionChanged', { interaction: { ...interaction } });
    adapter.emit('interactionChanged', { interaction: { ...interaction } });
    adapter.endInteraction(interaction.id);
    adapter.endInteraction(interaction.id);
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(adapter.calls.getHistory).to.equal(loads);
    expect(announcements(el).length).to.equal(said);
    expect(el.shadowRoot!.innerHTML).to.equal(before);
    expect(el.level).to.equal('heavy');
  });

  it('error: says what failed, with a Retry that loads again', async () => {
    const adapter = host(contact(C.heavy));
    adapter.failNext('getHistory', 'unavailable');
    const el = await mount(adapter);
    expect(el.state).to.equal('error');
    const error = part(el, 'error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('Could not load the customer history');
    await expect(el).to.be.accessible();
    part(el, 'retry').click();
    await settled(el, (e) => e.state === 'ready');
    expect(el.level).to.equal('heavy');
  });

  it('a malformed host answer becomes the error state naming the bad field, never an exception', async () => {
    const adapter = host(contact(C.heavy));
    adapter.malformNext('getHistory', { customer: { id: C.heavy, name: 'Carmen' }, incidents: [{ id: 'x', occurredAt: 'yesterday' }] });
    const el = await mount(adapter);
    expect(el.state).to.equal('error');
    expect(text(part(el, 'error'))).to.contain('incidents.0');
    part(el, 'retry').click();
    await settled(el, (e) => e.state === 'ready');
    expect(el.level).to.equal('heavy');
  });

  it('a console that cannot provide history gets a quiet line, not an error', async () => {
    const adapter = host(contact(C.heavy), { capabilities: { history: false } });
    const el = await mount(adapter);
    expect(el.state).to.equal('unsupported');
    expect(text(part(el, 'quiet'))).to.equal('This console does not share customer history.');
    expect(part(el, 'error')).to.equal(null);
    expect($(el, '[role="alert"]')).to.equal(null);
    expect(adapter.calls.getHistory).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('no active interaction: a quiet line', async () => {
    const el = await mount(host(null));
    expect(el.state).to.equal('idle');
    expect(text(part(el, 'quiet'))).to.equal('No active interaction.');
    await expect(el).to.be.accessible();
  });

  it('the console itself failing says so, with a Retry', async () => {
    const adapter = host(contact(C.light));
    adapter.failNext('getContext', 'timeout');
    const el = await mount(adapter);
    expect(el.state).to.equal('error');
    expect(text(part(el, 'error'))).to.contain('Could not reach the console');
    await expect(el).to.be.accessible();
    part(el, 'retry').click();
    await settled(el, (e) => e.state === 'ready');
    expect(el.level).to.equal('light');
  });

  it('Acknowledge is recorded through the durable outbox exactly once, even on a double click', async () => {
    const interaction = contact(C.heavy);
    const adapter = host(interaction);
    const el = await mount(adapter);
    const events: CustomEvent[] = [];
    el.addEventListener('mend-baggage-acknowledge', (e) => events.push(e));
    const button = part(el, 'acknowledge');
    button.click();
    button.click();
    await el.updateComplete;
    button.click();
    const key = `ack:${interaction.id}`;
    await until(() => acks(adapter, key).length > 0);
    await settled(el, () => text(part(el, 'status')).includes('Delivered.'));
    button.click();
    await new Promise((r) => setTimeout(r, 30));
    expect(events.length).to.equal(1);
    const writes = acks(adapter, key);
    expect(writes.length).to.equal(1);
    expect(writes[0]!.kind).to.equal('acknowledgeBaggage');
    expect(writes[0]!.payload).to.deep.include({ interactionId: interaction.id, customerId: C.heavy });
    expect((writes[0]!.payload as { incidentIds: string[] }).incidentIds).to.include('inc-car-1');
    expect(text(button)).to.equal('Acknowledged');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('Request callback is recorded once with the reason from the assessment (R5)', async () => {
    const interaction = contact(C.heavy);
    const adapter = host(interaction);
    const el = await mount(adapter);
    part(el, 'request-callback').click();
    part(el, 'request-callback').click();
    const key = `callback:${interaction.id}`;
    await until(() => acks(adapter, key).length > 0);
    await new Promise((r) => setTimeout(r, 30));
    const writes = acks(adapter, key);
    expect(writes.length).to.equal(1);
    expect(writes[0]!.kind).to.equal('requestCallback');
    expect((writes[0]!.payload as { reason: string }).reason).to.contain('Rated 1 of 5');
  });

  it('a write the host refuses says why, and Acknowledge sends the same write again', async () => {
    const interaction = contact(C.heavy);
    const adapter = host(interaction);
    adapter.failNext('acknowledgeBaggage', 'permission');
    const el = await mount(adapter);
    part(el, 'acknowledge').click();
    await settled(el, () => text(part(el, 'status')).includes('Not accepted'));
    expect(part(el, 'acknowledge').getAttribute('aria-disabled')).to.equal('false');
    expect(announcements(el).some((m) => m.startsWith('Not accepted'))).to.equal(true);
    await expect(el).to.be.accessible();
    part(el, 'acknowledge').click();
    const key = `ack:${interaction.id}`;
    await until(() => acks(adapter, key).length > 0);
    await settled(el, () => text(part(el, 'status')).includes('Delivered.'));
    expect(acks(adapter, key).length).to.equal(1);
  });

  it('acts belong to their interaction: B can be acknowledged, A stays acknowledged', async () => {
    const a = contact(C.heavy);
    const b = contact(C.light);
    const adapter = host(a);
    const el = await mount(adapter);
    part(el, 'acknowledge').click();
    await until(() => acks(adapter, `ack:${a.id}`).length === 1);
    adapter.setInteraction(b);
    await settled(el, (e) => e.level === 'light');
    expect(part(el, 'acknowledge').getAttribute('aria-disabled')).to.equal('false');
    adapter.setInteraction(a);
    await settled(el, (e) => e.level === 'heavy');
    expect(text(part(el, 'acknowledge'))).to.equal('Acknowledged');
  });

  it('a plain property set by the page wins over host data', async () => {
    const adapter = host(contact(C.heavy));
    const el = await fixture<MendBaggageBanner>(html`<mend-baggage-banner .adapter=${adapter} .incidents=${[]}></mend-baggage-banner>`);
    await settled(el, (e) => e.state === 'ready');
    expect(el.level).to.equal('none');
    expect(adapter.calls.getHistory).to.equal(0);
  });

  it("the host's policy drives the assessment; without one the default rules apply", async () => {
    const seed = demoSeed();
    const lenient = { ...seed, policy: { ...seed.policy, baggage: { ...seed.policy.baggage, heavyPoints: 1000 } } };
    const el = await mount(host(contact(C.heavy), {}, lenient));
    expect(el.level).to.equal('light');
    const noPolicy = await mount(host(contact(C.heavy), { capabilities: { policy: false } }));
    expect(noPolicy.level).to.equal('heavy');
  });

  it('inside <mend-host> it takes the adapter from context', async () => {
    const adapter = host(contact(C.light));
    const wrapper = await fixture<HTMLElement>(html`<mend-host .adapter=${adapter}><mend-baggage-banner></mend-baggage-banner></mend-host>`);
    const el = wrapper.querySelector('mend-baggage-banner')!;
    await settled(el, (e) => e.state === 'ready');
    expect(el.level).to.equal('light');
    expect(parts(el, 'incident').length).to.equal(1);
  });
});
