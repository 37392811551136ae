import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { HostError } from '../../src/adapter/errors.js';
import { guardHost } from '../../src/adapter/guard.js';
import { Resource } from '../../src/adapter/resource.js';
import { sessionFor } from '../../src/adapter/session.js';
import { MendElement } from '../../src/base/mend-element.js';
import { readContext, readFund, readHistory, readPolicy } from '../../src/controllers/reads.js';
import '../../src/define/host.js';
import type { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { deskFund as fund, deskHost, interactionA, interactionB } from '../helpers/test-host.js';
import { until } from '../helpers/until.js';

const settle = () => new Promise((r) => setTimeout(r, 0));

class ProbeWidget extends MendElement {
  renders = 0;
  override render() {
    this.renders++;
    const customer = readHistory(this.session);
    return html`<p>${this.t('errorPrefix', { message: '<b>x</b>' })}</p>
      <span id="customer">${customer.value?.customer.id ?? customer.status}</span>`;
  }
}
customElements.define('probe-widget', ProbeWidget);

describe('HostSession: one shared session per adapter', () => {
  it('the same adapter always gives the same session and guarded host', () => {
    const adapter = deskHost();
    expect(sessionFor(adapter)).to.equal(sessionFor(adapter));
    expect(sessionFor(adapter).host).to.equal(guardHost(adapter));
  });

  it('loads the context once however many widgets read it', async () => {
    const adapter = deskHost();
    const session = sessionFor(adapter);
    const offA = session.attach();
    const offB = session.attach();
    await until(() => readContext(session).value, 'the context');
    expect(readContext(session).value?.agent.id).to.equal('agent-1');
    readContext(session);
    expect(adapter.calls.getContext).to.equal(1);
    offA();
    offB();
  });

  it('subscribes to host events once and unsubscribes when the last widget leaves', () => {
    const adapter = deskHost();
    const session = sessionFor(adapter);
    const offs = [session.attach(), session.attach(), session.attach()];
    expect(adapter.listenerCount()).to.equal(3); // interactionChanged, interactionEnded, fundChanged
    offs[0]();
    offs[0](); // detaching twice is harmless
    expect(adapter.listenerCount()).to.equal(3);
    offs[1]();
    offs[2]();
    expect(adapter.listenerCount()).to.equal(0);
  });

  it('follows interactionChanged and ignores duplicate events', async () => {
    const adapter = deskHost();
    const session = sessionFor(adapter);
    const off = session.attach();
    await until(() => session.context.state.value, 'the context');
    const before = session.context.state.value;
    adapter.emit('interactionChanged', { interaction: { ...interactionA } });
    expect(session.context.state.value).to.equal(before);
    adapter.emit('interactionChanged', { interaction: interactionB });
    expect(session.interaction?.id).to.equal('int-B');
    expect(session.context.state.value).not.to.equal(before); // replaced, never mutated
    expect(before?.interaction?.id).to.equal('int-A');
    off();
  });

  it('records ended interactions once', async () => {
    const adapter = deskHost();
    const session = sessionFor(adapter);
    const off = session.attach();
    let changes = 0;
    session.addEventListener('change', () => changes++);
    adapter.emit('interactionEnded', { interactionId: 'int-A' });
    adapter.emit('interactionEnded', { interactionId: 'int-A' });
    expect(session.ended.has('int-A')).to.equal(true);
    expect(changes).to.equal(1);
    off();
  });

  it('a read keyed to customer B never shows customer A, even when A answers last', async () => {
    const adapter = deskHost();
    const held = adapter.hold('getHistory');
    const session = sessionFor(adapter);
    const off = session.attach();
    await until(() => session.context.state.value, 'the context');
    expect(readHistory(session).status).to.equal('loading');
    const [forA] = await held.waitFor(1);
    expect(forA!.args).to.deep.equal(['cust-A']);
    adapter.emit('interactionChanged', { interaction: interactionB });
    await until(() => readHistory(session).key === 'cust-B', 'the read keyed to B');
    const [, forB] = await held.waitFor(2);
    await forB!.resolve();
    await until(() => readHistory(session).value, 'B answered');
    await forA!.resolve(); // A answers last
    await settle();
    const read = readHistory(session);
    expect(read.key).to.equal('cust-B');
    expect(read.value?.customer.id).to.equal('cust-B');
    off();
  });

  it('keeps the newest fund version whatever order states arrive in', async () => {
    const adapter = deskHost();
    const session = sessionFor(adapter);
    const off = session.attach();
    await until(() => session.context.state.value && readFund(session).value, 'the fund');
    adapter.emit('fundChanged', { fund: fund(5, 500) });
    expect(readFund(session).value?.version).to.equal(5);
    adapter.emit('fundChanged', { fund: fund(3, 300) });
    expect(readFund(session).value?.version).to.equal(5);
    expect(readFund(session).value?.spent).to.equal(500);
    off();
  });

  it('another tab’s newer fund reaches this tab (BroadcastChannel)', async () => {
    const tab1 = sessionFor(deskHost());
    const tab2 = sessionFor(deskHost());
    const offs = [tab1.attach(), tab2.attach()];
    await until(() => tab1.context.state.value && tab2.context.state.value && readFund(tab1).value && readFund(tab2).value, 'both funds');
    tab1.acceptFund(fund(9, 900), true);
    await until(() => readFund(tab2).value?.version === 9, 'the other tab’s fund');
    expect(readFund(tab2).value?.spent).to.equal(900);
    offs.forEach((off) => off());
  });

  it('a spend whose answer was lost is retried with the same key and applied once', async () => {
    const adapter = deskHost();
    adapter.failNext('spend', new HostError('unavailable', 'gateway lost'));
    const session = sessionFor(adapter, {});
    const result = await session.spend({
      idempotencyKey: 'spend-1', agentId: 'agent-1', interactionId: 'int-A', customerId: 'cust-A', at: new Date().toISOString(),
      amount: 1000, currency: 'USD', reason: 'goodwill', expectedVersion: 1,
    });
    expect(result.status).to.equal('done');
    expect(adapter.calls.spend).to.equal(2);
    expect(adapter.received.map((w) => (w.payload as { idempotencyKey: string }).idempotencyKey)).to.deep.equal(['spend-1']);
  });

  it('a permanent failure is not retried and keeps its code', async () => {
    const adapter = deskHost();
    adapter.failNext('spend', { code: 'permission', message: 'not allowed' });
    const session = sessionFor(adapter);
    let error: HostError | undefined;
    try {
      await session.spend({
        idempotencyKey: 'spend-2', agentId: 'agent-1', interactionId: 'int-A', customerId: 'cust-A', at: new Date().toISOString(),
        amount: 1000, currency: 'USD', reason: 'goodwill', expectedVersion: 1,
      });
    } catch (e) {
      error = e as HostError;
    }
    expect(error?.code).to.equal('permission');
    expect(adapter.calls.spend).to.equal(1);
  });

  it('a failed read is an error state with a retry, never an exception', async () => {
    const adapter = deskHost();
    adapter.failNext('getPolicy', 'not_found');
    const session = sessionFor(adapter);
    readPolicy(session);
    await until(() => readPolicy(session).status === 'error', 'the failed read');
    const read = readPolicy(session);
    expect(read.status).to.equal('error');
    expect(read.error?.code).to.equal('not_found');
    adapter.malformNext('getPolicy', { nope: true });
    read.retry();
    await until(() => readPolicy(session).error?.code === 'invalid_response', 'the malformed answer');
    expect(readPolicy(session).error?.code).to.equal('invalid_response');
  });
});

describe('Resource', () => {
  it('a pushed newer value wins over a load that started before it', async () => {
    let resolve!: (v: number) => void;
    const r = new Resource<number>(() => new Promise((res) => (resolve = res)));
    void r.ensure();
    expect(r.state.status).to.equal('loading');
    r.push(2);
    resolve(1);
    await settle();
    expect(r.state).to.deep.include({ status: 'ready', value: 2 });
  });

  it('an unsupported capability is its own quiet state', async () => {
    const r = new Resource<number>(() => Promise.reject(new HostError('unsupported', 'no')));
    await r.ensure();
    expect(r.state.status).to.equal('unsupported');
  });
});

describe('<mend-host> and the widget base', () => {
  it('provides the adapter to widgets inside it; a widget’s own adapter wins', async () => {
    const shared = deskHost();
    const own = deskHost(interactionB);
    const el = await fixture<HTMLElement>(html`<mend-host .adapter=${shared}>
      <probe-widget id="a"></probe-widget>
      <probe-widget id="b" .adapter=${own}></probe-widget>
    </mend-host>`);
    const a = el.querySelector<ProbeWidget>('#a')!;
    const b = el.querySelector<ProbeWidget>('#b')!;
    const text = (w: ProbeWidget) => w.shadowRoot!.querySelector('#customer')!.textContent;
    await until(() => text(a) === 'cust-A' && text(b) === 'cust-B', 'both customers');
    expect(text(a)).to.equal('cust-A');
    expect(text(b)).to.equal('cust-B');
  });

  it('without an adapter a widget renders from nothing, quietly', async () => {
    const el = await fixture<ProbeWidget>(html`<probe-widget></probe-widget>`);
    expect(el.shadowRoot!.querySelector('#customer')!.textContent).to.equal('none');
  });

  it('replacement strings come through <mend-host>, and values are text, not markup', async () => {
    const el = await fixture<HTMLElement>(html`<mend-host .strings=${{ errorPrefix: 'Fehler: {message}' }}>
      <probe-widget></probe-widget>
    </mend-host>`);
    const w = el.querySelector<ProbeWidget>('probe-widget')!;
    await w.updateComplete;
    const p = w.shadowRoot!.querySelector('p')!;
    expect(p.textContent).to.equal('Fehler: <b>x</b>');
    expect(p.querySelector('b')).to.equal(null);
  });

  it('mounting and unmounting 200 widgets leaves no host subscription behind', async () => {
    const adapter = deskHost();
    const host = await fixture<HTMLElement & { adapter: MemoryAdapter }>(html`<mend-host .adapter=${adapter}></mend-host>`);
    for (let i = 0; i < 200; i++) {
      const w = document.createElement('probe-widget');
      host.append(w);
      await (w as ProbeWidget).updateComplete;
      w.remove();
    }
    expect(adapter.listenerCount()).to.equal(0);
    expect(sessionFor(adapter).attached).to.equal(0);
  });

  it('two copies of the package meet through the global context keys', async () => {
    // A second copy would create its own context objects; Symbol.for keys make them equal.
    const { adapterContext } = await import('../../src/base/context.js');
    expect(adapterContext).to.equal(Symbol.for('mend.host.adapter'));
    expect(LitElement).to.be.a('function');
  });
});
