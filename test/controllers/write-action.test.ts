// WriteAction on its own, on a bare reactive element: what the suite cannot see from outside
// (the once-guard before the lower layers, the words per status, resend and discard by key).
import { expect } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { guardHost } from '../../src/adapter/guard.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { outboxFor } from '../../src/adapter/outbox.js';
import { sessionFor, type HostSession } from '../../src/adapter/session.js';
import { defaultStrings, fill } from '../../src/base/strings.js';
import { handled, WRITE_STATUSES, WriteAction, writeStrings } from '../../src/controllers/write-action.js';
import { until } from '../helpers/until.js';

const words: Record<string, string> = { ...defaultStrings, ...writeStrings };

class WriteProbe extends ReactiveElement {
  session: HostSession | null = null;
  said: string[] = [];
  writes = new WriteAction(this, {
    session: () => this.session,
    t: (key, values) => fill(words[key] ?? key, values),
    failure: (error) => error?.message ?? '',
    announce: (message) => this.said.push(message),
  });
}
customElements.define('mend-write-probe', WriteProbe);

let serial = 0;
const run = Date.now().toString(36);
const adapters: MemoryAdapter[] = [];

async function probe(withHost = true): Promise<{ el: WriteProbe; adapter: MemoryAdapter; key: string; payload: { idempotencyKey: string; interactionId: string; customerId: string; at: string; incidentIds: string[] } }> {
  const interactionId = `int-wap-${run}-${++serial}`;
  const adapter = new MemoryAdapter({ ...demoSeed(), context: { interaction: { id: interactionId, customerId: DEMO_IDS.customers.heavy, channel: 'voice', startedAt: new Date().toISOString() } } }, { latency: 2 });
  adapters.push(adapter);
  const el = document.createElement('mend-write-probe') as WriteProbe;
  if (withHost) el.session = sessionFor(adapter);
  document.body.append(el);
  await el.updateComplete;
  const key = `ack:${interactionId}`;
  return { el, adapter, key, payload: { idempotencyKey: key, interactionId, customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(), incidentIds: [] } };
}

afterEach(async () => {
  document.querySelectorAll('mend-write-probe').forEach((el) => el.remove());
  for (const adapter of adapters.splice(0)) await outboxFor(guardHost(adapter), adapter.storageScope).dispose();
});

describe('WriteAction', () => {
  it('runs an action once: a second run while it is handled stores and tells nothing', async () => {
    const { el, adapter, key, payload } = await probe();
    let stored = 0;
    const request = { kind: 'acknowledgeBaggage' as const, payload, event: 'mend-baggage-acknowledge' as const, detail: { ...payload }, onStored: () => stored++ };
    const first = el.writes.run(request);
    expect(el.writes.state(key)).to.include({ status: 'storing', text: 'Saving…' });
    const second = await el.writes.run(request);
    expect(handled(second.status)).to.equal(true);
    await first;
    await until(() => el.writes.state(key).status === 'sent', 'sent');
    expect(el.writes.state(key).text).to.equal('Delivered.');
    await el.writes.run(request);
    expect(stored).to.equal(1);
    expect(adapter.received.filter((w) => w.kind === 'acknowledgeBaggage').length).to.equal(1);
  });

  it('a refused write needs attention (announced once), resend(key) sends it again, discard(key) drops it', async () => {
    const { el, adapter, key, payload } = await probe();
    adapter.failNext('acknowledgeBaggage', 'permission');
    el.writes.track([key]);
    await el.writes.run({ kind: 'acknowledgeBaggage', payload, event: 'mend-baggage-acknowledge', detail: { ...payload } });
    await until(() => el.writes.state(key).status === 'needs_attention', 'the refusal');
    const state = el.writes.state(key);
    expect(state.text).to.match(/^Not accepted: /);
    expect(state.entry?.id).to.equal(key);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.said.filter((m) => m === state.text).length).to.equal(1);
    await el.writes.resend(key);
    await until(() => el.writes.state(key).status === 'sent', 'the resent write delivered');
    expect(adapter.received.filter((w) => w.kind === 'acknowledgeBaggage').length).to.equal(1);

    const other = { ...payload, idempotencyKey: `${key}-2` };
    adapter.failNext('acknowledgeBaggage', 'permission');
    await el.writes.run({ kind: 'acknowledgeBaggage', payload: other, event: 'mend-baggage-acknowledge', detail: { ...other } });
    await until(() => el.writes.state(other.idempotencyKey).status === 'needs_attention', 'the second refusal');
    await el.writes.discard(other.idempotencyKey);
    expect(el.writes.state(other.idempotencyKey).status).to.equal('idle');
    expect(el.writes.entry(other.idempotencyKey)).to.equal(undefined);
  });

  it('without a session the event is the write: done at once, told once, nothing to follow', async () => {
    const { el, key, payload } = await probe(false);
    const events: Event[] = [];
    el.addEventListener('mend-baggage-acknowledge', (e) => events.push(e));
    const state = await el.writes.run({ kind: 'acknowledgeBaggage', payload, event: 'mend-baggage-acknowledge', detail: { ...payload } });
    expect(state).to.include({ status: 'done', text: '' });
    expect(events.length).to.equal(1);
    expect(el.writes.state(key).status).to.equal('done');
  });

  it('every status has words or deliberately none, replaceable per widget', () => {
    const el = document.createElement('mend-write-probe') as WriteProbe;
    const said = WRITE_STATUSES.map((s) => [s, el.writes.words(s, { message: 'why' })]);
    expect(Object.fromEntries(said)).to.deep.equal({
      idle: '',
      storing: 'Saving…',
      stored: 'Saved on this device; sending…',
      sending: 'Saved on this device; sending…',
      sent: 'Delivered.',
      needs_attention: 'Not accepted: why',
      storage_full: 'Not saved: why',
      failed: 'Not saved: why',
      done: '',
    });
  });
});
