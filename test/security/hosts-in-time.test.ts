// Slow, silent, out-of-order and repetitive hosts (issue #11): no widget hangs, shows another
// customer's data, or writes twice.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { loadSchemas } from '../../src/adapter/guard.js';
import type { SpendRequest } from '../../src/adapter/host-adapter.js';
import { MemoryAdapter, type MemoryMethod } from '../../src/adapter/memory-adapter.js';
import { TestHost } from '../helpers/test-host.js';
import type { Incident, Interaction } from '../../src/core/model.js';
import { errorWithRetry, makeFund, makeInteraction, mount, q, qa, settled, text, tick, trap, until, world, type WidgetTag } from './helpers.js';

const TIMEOUT = 60; // the adapter layer's time-out for these hosts, ms

function incident(summary: string): Incident {
  return {
    id: `inc-${summary}`,
    occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    severity: 'high',
    category: 'Delivery',
    summary,
    resolved: false,
    remedies: [],
    surveyScore: 1,
  };
}

const READY: Record<WidgetTag, (el: HTMLElement) => unknown> = {
  'mend-baggage-banner': (el) => el.getAttribute('state') === 'ready',
  'mend-offer-picker': (el) => q(el, '[part~="card-impact"]') && !q(el, '[part~="error"]'),
  'mend-fund-meter': (el) => q(el, '[part~="meter"]') && !q(el, '[part~="error"]'),
  'mend-root-cause-logger': (el) => q(el, '[role="combobox"]:not([disabled])') && !q(el, '[part~="error"]'),
};
const LOADING: Record<WidgetTag, (el: HTMLElement) => unknown> = {
  'mend-baggage-banner': (el) => el.getAttribute('state') === 'loading' || q(el, '[part~="loading"]'),
  'mend-offer-picker': (el) => q(el, '[part~="loading"]') || /Loading/.test(text(el.shadowRoot)),
  'mend-fund-meter': (el) => q(el, '[part~="loading"]'),
  'mend-root-cause-logger': (el) => /Loading/.test(text(el.shadowRoot)),
};

// The chunks widgets load on first use (the validation, the write path) are loaded once here, so
// no time limit below includes compiling them on a busy machine.
before(async () => {
  await loadSchemas();
  await import('../../src/adapter/outbox.js');
});

describe('a host that never answers', () => {
  const cases: Array<[WidgetTag, MemoryMethod]> = [
    ['mend-baggage-banner', 'getContext'],
    ['mend-baggage-banner', 'getHistory'],
    ['mend-offer-picker', 'getContext'],
    ['mend-offer-picker', 'getPolicy'],
    ['mend-offer-picker', 'getFund'],
    ['mend-fund-meter', 'getContext'],
    ['mend-fund-meter', 'getFund'],
    ['mend-root-cause-logger', 'getContext'],
    ['mend-root-cause-logger', 'getTaxonomy'],
  ];
  for (const [tag, method] of cases) {
    it(`${tag}: ${method} never answers -> loading, then a time-out error with Retry that works`, async () => {
      const w = world({}, { latency: 0 }, TIMEOUT);
      w.adapter.never(method);
      const t = trap();
      // What the widget shows at each render, recorded as it happens (a controller added before it
      // connects): on a busy machine the time-out may fire before a test could look.
      let firstShown: string | null = null;
      const el = document.createElement(tag) as HTMLElement & { adapter: unknown; addController(c: object): void };
      el.adapter = w.adapter;
      el.addController({ hostUpdated: () => void (firstShown ??= LOADING[tag](el) ? 'loading' : errorWithRetry(el) ? 'error' : null) });
      await mount(html`${el}`);
      // (The picker previews the policy's recommendations while the context loads: no placeholder then.)
      await until(() => errorWithRetry(el), 'a time-out error');
      if (!(tag === 'mend-offer-picker' && method === 'getContext')) expect(firstShown, 'shows loading first, then the error').to.equal('loading');
      expect(text(errorWithRetry(el)!.region)).to.match(/did not answer/);
      w.adapter.restore(method);
      errorWithRetry(el)!.retry.click();
      await until(() => READY[tag](el), 'ready after Retry', 5000);
      expect(t.release().errors).to.deep.equal([]);
    });
  }
});

describe('slow and out-of-order answers', () => {
  it('banner: the history of the previous customer, answering last, is never shown', async () => {
    const a = makeInteraction({ customerName: 'Ann A' });
    const b = makeInteraction({ customerName: 'Bo B' });
    const w = world(({ agent }) => ({
      context: { agent, interaction: a, locale: 'en-US', currency: 'USD' },
      histories: [
        { customer: { id: a.customerId, name: 'Ann A' }, incidents: [incident('Ann-only summary')] },
        { customer: { id: b.customerId, name: 'Bo B' }, incidents: [incident('Bo-only summary')] },
      ],
    }));
    const held = w.adapter.hold('getHistory');
    const c = await mount(html`<mend-baggage-banner .adapter=${w.adapter}></mend-baggage-banner>`);
    const el = c.firstElementChild as HTMLElement;
    await held.waitFor(1);
    w.adapter.setInteraction(b);
    const [forA, forB] = await held.waitFor(2);
    expect(forA!.args[0]).to.equal(a.customerId);
    await forB!.resolve();
    await until(() => el.getAttribute('state') === 'ready', 'B shown');
    await forA!.resolve(); // A's answer arrives late
    await settled(c);
    await tick(10);
    const shown = el.shadowRoot!.textContent!;
    expect(shown).to.include('Bo-only summary');
    expect(shown).not.to.include('Ann');
  });

  it('banner: while the new customer loads, the previous customer is not shown', async () => {
    const a = makeInteraction({ customerName: 'Ann A' });
    const b = makeInteraction({ customerName: 'Bo B' });
    const w = world(({ agent }) => ({
      context: { agent, interaction: a, locale: 'en-US', currency: 'USD' },
      histories: [
        { customer: { id: a.customerId, name: 'Ann A' }, incidents: [incident('Ann-only summary')] },
        { customer: { id: b.customerId, name: 'Bo B' }, incidents: [incident('Bo-only summary')] },
      ],
    }));
    const c = await mount(html`<mend-baggage-banner .adapter=${w.adapter}></mend-baggage-banner>`);
    const el = c.firstElementChild as HTMLElement;
    await until(() => el.getAttribute('state') === 'ready', 'A shown');
    // B's history is held (not merely slow), so "while it loads" lasts as long as the test looks.
    const held = w.adapter.hold('getHistory');
    w.adapter.setInteraction(b);
    await held.waitFor(1);
    await settled(c);
    expect(el.getAttribute('state')).to.equal('loading');
    expect(el.shadowRoot!.textContent).not.to.include('Ann-only summary');
    await held.release();
    await until(() => el.getAttribute('state') === 'ready', 'B shown');
    expect(el.shadowRoot!.textContent).to.include('Bo-only summary');
  });

  it('fund meter: a slow first answer older than a pushed fund never replaces it', async () => {
    const w = world({}, { latency: 0 });
    const held = w.adapter.hold('getFund');
    const c = await mount(html`<mend-fund-meter .adapter=${w.adapter}></mend-fund-meter>`);
    const el = c.firstElementChild as HTMLElement;
    const [call] = await held.waitFor(1);
    w.adapter.emit('fundChanged', { fund: makeFund(w.agent.id, { version: 9, spent: 19_000 }) });
    await until(() => /\$10\.00 left/.test(text(el.shadowRoot)), 'the pushed fund ($10.00 left)');
    await call!.resolve(makeFund(w.agent.id, { version: 1, spent: 0 })); // stale, answering last
    await settled(c);
    expect(text(el.shadowRoot)).to.match(/\$10\.00 left/);
    expect(text(el.shadowRoot)).not.to.match(/\$200\.00 left/);
  });
});

describe('duplicate and missing events', () => {
  it('duplicate interactionChanged / interactionEnded / fundChanged: one load each, nothing written, nothing thrown', async () => {
    const w = world({}, { latency: 0 });
    const t = trap();
    const c = await mount(html`<mend-host .adapter=${w.adapter}>
      <mend-baggage-banner></mend-baggage-banner><mend-offer-picker options-open></mend-offer-picker>
      <mend-fund-meter></mend-fund-meter><mend-root-cause-logger></mend-root-cause-logger>
    </mend-host>`);
    const [banner, picker, meter, logger] = [...c.querySelectorAll<HTMLElement>('mend-baggage-banner, mend-offer-picker, mend-fund-meter, mend-root-cause-logger')];
    await until(() => READY['mend-baggage-banner'](banner!) && READY['mend-offer-picker'](picker!) && READY['mend-fund-meter'](meter!) && READY['mend-root-cause-logger'](logger!), 'all ready');
    const loads = { ...w.adapter.calls };
    const fund = makeFund(w.agent.id, { version: 5, spent: 5_000 });
    for (let i = 0; i < 3; i++) {
      w.adapter.setInteraction({ ...w.interaction });
      w.adapter.endInteraction(w.interaction.id);
      w.adapter.emit('fundChanged', { fund });
      w.adapter.emit('interactionChanged', { interaction: 'garbage' }); // malformed: dropped
    }
    await settled(c);
    await tick(20);
    expect(w.adapter.calls.getHistory).to.equal(loads.getHistory);
    expect(w.adapter.calls.getFund).to.equal(loads.getFund);
    expect(w.adapter.calls.getContext).to.equal(loads.getContext);
    expect(w.adapter.received).to.deep.equal([]);
    expect(text(meter!.shadowRoot)).to.match(/\$150\.00 left/);
    expect(t.release().errors).to.deep.equal([]);
  });

  it('a host that drops fundChanged: the spend answer still updates the meter beside the picker', async () => {
    const base = world();
    const adapter = new TestHost(
      {
        context: { agent: base.agent, interaction: base.interaction, locale: 'en-US', currency: 'USD' },
        agents: [base.agent],
        funds: [makeFund(base.agent.id)],
        histories: [{ customer: { id: base.interaction.customerId, name: 'Carmen' }, incidents: [] }],
      },
      { latency: 1, now: Date.now },
    );
    adapter.muted.add('fundChanged');
    const c = await mount(html`<mend-host .adapter=${adapter}><mend-offer-picker options-open></mend-offer-picker><mend-fund-meter></mend-fund-meter></mend-host>`);
    const picker = c.querySelector('mend-offer-picker')!;
    const meter = c.querySelector('mend-fund-meter')!;
    await until(() => READY['mend-offer-picker'](picker) && READY['mend-fund-meter'](meter), 'ready');
    expect(text(meter.shadowRoot)).to.match(/\$160\.00 left/);
    q(picker, '[part~="bundle"]')!.click();
    await settled(c);
    q<HTMLButtonElement>(picker, '[part~="confirm"]')!.click();
    await until(() => adapter.received.some((r) => r.kind === 'recordRecovery'), 'recorded', 2000);
    const spend = adapter.received.find((r) => r.kind === 'spend')!.payload as SpendRequest;
    const left = (16_000 - spend.amount) / 100;
    await until(() => text(meter.shadowRoot).includes(`$${left.toFixed(2)} left`), 'the meter follows the spend answer');
  });
});

describe('writes never apply twice', () => {
  async function pickerWorld(adapter?: MemoryAdapter) {
    const a = adapter ?? world().adapter;
    const c = await mount(html`<mend-offer-picker options-open .adapter=${a}></mend-offer-picker>`);
    const el = c.firstElementChild as HTMLElement;
    await until(() => READY['mend-offer-picker'](el), 'picker ready');
    q(el, '[part~="bundle"]')!.click();
    await settled(c);
    return { el, adapter: a };
  }

  it('picker: Confirm clicked three times while the spend answer is held spends and records once', async () => {
    const { el, adapter } = await pickerWorld();
    const held = adapter.hold('spend');
    const confirm = q<HTMLButtonElement>(el, '[part~="confirm"]')!;
    confirm.click();
    confirm.click();
    await held.waitFor(1);
    confirm.click();
    await held.release();
    await until(() => adapter.received.some((r) => r.kind === 'recordRecovery'), 'recorded', 2000);
    confirm.click();
    await tick(20);
    expect(adapter.received.filter((r) => r.kind === 'spend')).to.have.length(1);
    expect(adapter.received.filter((r) => r.kind === 'recordRecovery')).to.have.length(1);
    expect(held.calls).to.have.length(1);
  });

  it('picker: a spend applied by the host whose answer is lost is retried with the same key and applied once', async () => {
    const base = world();
    const adapter = new TestHost(
      {
        context: { agent: base.agent, interaction: base.interaction, locale: 'en-US', currency: 'USD' },
        agents: [base.agent],
        funds: [makeFund(base.agent.id)],
        histories: [{ customer: { id: base.interaction.customerId, name: 'Carmen' }, incidents: [] }],
      },
      { latency: 1, now: Date.now },
    );
    adapter.loseAnswers = 1; // the first write to arrive, the spend, is applied and its answer lost
    const { el } = await pickerWorld(adapter);
    q<HTMLButtonElement>(el, '[part~="confirm"]')!.click();
    await until(() => adapter.received.some((r) => r.kind === 'recordRecovery'), 'recorded', 3000);
    expect(adapter.calls.spend).to.equal(2);
    expect(adapter.received.filter((r) => r.kind === 'spend')).to.have.length(1);
    expect(text(q(el, '[part~="message"]'))).to.match(/recorded/i);
  });

  it('banner: Acknowledge and Request callback clicked repeatedly write once each', async () => {
    const w = world(({ agent, interaction }) => ({
      context: { agent, interaction, locale: 'en-US', currency: 'USD' },
      histories: [{ customer: { id: interaction.customerId, name: 'Carmen' }, incidents: [incident('Blender cracked')] }],
    }));
    const c = await mount(html`<mend-baggage-banner .adapter=${w.adapter}></mend-baggage-banner>`);
    const el = c.firstElementChild as HTMLElement;
    await until(() => q(el, '[part~="request-callback"]'), 'callback offered');
    for (let i = 0; i < 3; i++) {
      q<HTMLButtonElement>(el, '[part~="acknowledge"]')!.click();
      q<HTMLButtonElement>(el, '[part~="request-callback"]')!.click();
    }
    await until(() => w.adapter.received.length >= 2, 'both written', 2000);
    await tick(30);
    expect(w.adapter.received.map((r) => r.kind).sort()).to.deep.equal(['acknowledgeBaggage', 'requestCallback']);
  });

  it('switching customers mid-write: the write is for the customer it was made for', async () => {
    const a = makeInteraction({ customerName: 'Ann A' });
    const b: Interaction = makeInteraction({ customerName: 'Bo B' });
    const w = world(({ agent }) => ({
      context: { agent, interaction: a, locale: 'en-US', currency: 'USD' },
      histories: [
        { customer: { id: a.customerId, name: 'Ann A' }, incidents: [incident('Ann-only summary')] },
        { customer: { id: b.customerId, name: 'Bo B' }, incidents: [] },
      ],
    }));
    const held = w.adapter.hold('acknowledgeBaggage');
    const c = await mount(html`<mend-baggage-banner .adapter=${w.adapter}></mend-baggage-banner>`);
    const el = c.firstElementChild as HTMLElement;
    await until(() => q(el, '[part~="acknowledge"]'), 'A ready');
    q<HTMLButtonElement>(el, '[part~="acknowledge"]')!.click();
    await held.waitFor(1);
    w.adapter.setInteraction(b);
    await held.release();
    await until(() => w.adapter.received.length === 1, 'written');
    const payload = w.adapter.received[0]!.payload as { interactionId: string; customerId: string };
    expect(payload).to.include({ interactionId: a.id, customerId: a.customerId });
    await until(() => el.getAttribute('state') === 'ready' && !qa(el, '[part~="incident"]').length, 'B shown');
    expect(el.shadowRoot!.textContent).not.to.include('Ann');
  });
});
