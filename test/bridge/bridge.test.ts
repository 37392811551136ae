import { expect } from '@open-wc/testing';
import { BridgeAdapter, exposeAdapter } from '../../src/adapter/bridge.js';
import { HostError } from '../../src/adapter/errors.js';
import type { RecoveryRecord, SpendRequest } from '../../src/adapter/host-adapter.js';
import { FakeHost, fund } from './fake-host.js';
import { type Frame, openFrame, otherOrigin, pageOrigin, tick, until } from './frames.js';

// The test page is the HOST console (one origin); fixtures/child.html is the WIDGET page in an
// iframe on another origin (localhost vs 127.0.0.1 on the same port).
const TIMEOUT = 300;

const base = { interactionId: 'int-A', customerId: 'cust-A', at: '2026-11-23T10:10:00.000Z' };
const spendRequest = (key: string, extra: Partial<SpendRequest> = {}): SpendRequest => ({
  ...base, idempotencyKey: key, agentId: 'agent-1', amount: 2500, currency: 'USD', reason: 'item_damaged', expectedVersion: 1, ...extra,
});
const recovery = (key: string): RecoveryRecord => ({
  ...base, idempotencyKey: key, severity: 'high', accepted: true, strategy: 'R3:high',
  offers: [{ offerId: 'refund', kind: 'compensation', label: 'Refund', amount: 2500 }],
});

let frames: Frame[] = [];
let disposers: Array<() => void> = [];
let host: FakeHost;
let child: Frame;

async function connected(options: { expose?: boolean; capabilities?: ConstructorParameters<typeof FakeHost>[0] } = {}) {
  host = new FakeHost(options.capabilities);
  child = await openFrame();
  frames.push(child);
  if (options.expose !== false) disposers.push(exposeAdapter(host, { iframe: child.element, origin: otherOrigin, timeoutMs: TIMEOUT }));
  await child.value('connect', { targetOrigin: pageOrigin, timeoutMs: TIMEOUT });
}

afterEach(() => {
  for (const d of disposers) d();
  for (const f of frames) f.remove();
  disposers = [];
  frames = [];
});

describe('bridge: widgets in an iframe on another origin', () => {
  it('hands over the host capabilities after the handshake (none before)', async () => {
    await connected({ expose: false, capabilities: { notifyManager: false, wrapUpGuard: false } });
    const before = await child.value<Record<string, boolean>>('capabilities' in {} ? 'x' : 'connect', {
      targetOrigin: pageOrigin, timeoutMs: TIMEOUT,
    });
    expect(Object.values(before).every((v) => v === false)).to.equal(true);
    disposers.push(exposeAdapter(host, { iframe: child.element, origin: otherOrigin }));
    const caps = await child.value<Record<string, boolean>>('ready');
    expect(caps.history).to.equal(true);
    expect(caps.spend).to.equal(true);
    expect(caps.notifyManager).to.equal(false);
    expect(caps.wrapUpGuard).to.equal(false);
  });

  it('round-trips reads through guardHost in the iframe, arguments included', async () => {
    await connected();
    const context = await child.value('call', { method: 'getContext', guarded: true });
    expect(context).to.deep.equal(host.context);
    const history = await child.value<{ customer: { id: string } }>('call', { method: 'getHistory', args: ['cust-A'], guarded: true });
    expect(history.customer.id).to.equal('cust-A');
    expect(host.calls.map((c) => c.method)).to.deep.equal(['getContext', 'getHistory']);
    expect(host.calls[1].args).to.deep.equal(['cust-A']);
  });
});
