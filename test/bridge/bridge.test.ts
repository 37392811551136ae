import { expect } from '@open-wc/testing';
import { BridgeAdapter, exposeAdapter } from '../../src/adapter/bridge.js';
import { HostError } from '../../src/adapter/errors.js';
import type { RecoveryRecord, SpendRequest } from '../../src/adapter/host-adapter.js';
import type { Capabilities } from '../../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { deskFund as fund, deskHost } from '../helpers/test-host.js';
import { type Frame, openFrame, otherOrigin, pageOrigin, tick, until } from './frames.js';

// The test page is the HOST console (one origin); fixtures/child.html is the WIDGET page in an
// iframe on another origin (localhost vs 127.0.0.1 on the same port): two real origins.
const TIMEOUT = 300;

const base = { interactionId: 'int-A', customerId: 'cust-A', at: '2026-11-23T10:10:00.000Z' };
const spendRequest = (key: string, extra: Record<string, unknown> = {}): SpendRequest => ({
  ...base, idempotencyKey: key, agentId: 'agent-1', amount: 2500, currency: 'USD', reason: 'item_damaged', expectedVersion: 1, ...extra,
});
const recovery = (key: string): RecoveryRecord => ({
  ...base, idempotencyKey: key, severity: 'high', accepted: true, strategy: 'R3:high',
  offers: [{ offerId: 'refund', kind: 'compensation', label: 'Refund', amount: 2500 }],
});

let frames: Frame[] = [];
let disposers: Array<() => void> = [];
let host: MemoryAdapter;
let child: Frame;

async function frame(origin = otherOrigin): Promise<Frame> {
  const f = await openFrame(origin);
  frames.push(f);
  return f;
}

function expose(options: { origin?: string; currency?: string; timeoutMs?: number } = {}): () => void {
  const dispose = exposeAdapter(host, { iframe: child.element, origin: otherOrigin, timeoutMs: TIMEOUT, ...options });
  disposers.push(dispose);
  return dispose;
}

/** A host page with the fake adapter and a widget iframe on the other origin, connected. */
/** The real adapter on the host page: agent-1 on customer A's contact, a fund at version 1. */
const bridgeHost = (capabilities: Partial<Capabilities> = {}) => deskHost(undefined, { capabilities });
/** The methods the host page's adapter was called with, in order. */
const methods = () => host.log.map((c) => c.method);
/** The abort signal the host got with the last call of `method`. */
const signalOf = (method: string) => host.log.filter((c) => c.method === method).at(-1)?.signal;

async function connected(options: { expose?: boolean; timeoutMs?: number; capabilities?: Partial<Capabilities> } = {}) {
  host = bridgeHost(options.capabilities);
  child = await frame();
  if (options.expose !== false) expose();
  return child.value<Record<string, boolean>>('connect', { targetOrigin: pageOrigin, timeoutMs: options.timeoutMs ?? TIMEOUT });
}

/** The `call` message the iframe sent for `method` (what any host page sees on the wire). */
async function wireCall(method: string): Promise<{ channel: string; id: string }> {
  await until(() => child.sent.some((m) => m.kind === 'call' && m.method === method));
  return child.sent.find((m) => m.kind === 'call' && m.method === method) as { channel: string; id: string };
}

afterEach(() => {
  for (const d of disposers) d();
  for (const f of frames) f.remove();
  disposers = [];
  frames = [];
});

describe('bridge: widgets in an iframe on another origin', () => {
  it('hands over the host capabilities after the handshake (none before)', async () => {
    const before = await connected({ expose: false, capabilities: { notifyManager: false, wrapUpGuard: false } });
    expect(Object.values(before).every((v) => v === false), 'all false before the handshake').to.equal(true);
    expose();
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
    expect(methods()).to.deep.equal(['getContext', 'getHistory']);
    expect(host.log[1]!.args).to.deep.equal(['cust-A']);
  });

  it('a retried write applies once and returns the first receipt; unknown fields never reach the host', async () => {
    await connected();
    const record = { ...recovery('rec-1'), injected: '<img src=x onerror=alert(1)>' };
    const first = await child.value('call', { method: 'recordRecovery', args: [record], guarded: true });
    const again = await child.value('call', { method: 'recordRecovery', args: [record], guarded: true });
    expect(again).to.deep.equal(first);
    expect(host.received).to.have.length(1);
    expect(host.received[0].payload).to.deep.equal(recovery('rec-1'));
    expect(host.received[0].payload).not.to.have.property('injected');
  });

  it('a replayed spend spends once: same ledger entry, fund charged once', async () => {
    await connected();
    const a = await child.value<{ entryId: string; fund: { spent: number } }>('call', { method: 'spend', args: [spendRequest('sp-1')], guarded: true });
    const b = await child.value<{ entryId: string; fund: { spent: number } }>('call', { method: 'spend', args: [spendRequest('sp-1')], guarded: true });
    expect(b.entryId).to.equal(a.entryId);
    expect(b.fund.spent).to.equal(2500);
    expect((await host.crm.fund('agent-1')).spent).to.equal(2500);
    expect(host.received.filter((r) => r.kind === 'spend')).to.have.length(1);
  });

  it('keeps the HostError across the bridge: code, message, retryable, details', async () => {
    await connected();
    host.failNext('spend', new HostError('conflict', 'The fund changed since you looked.', { details: { currentVersion: 7 } }));
    const conflict = await child.error('call', { method: 'spend', args: [spendRequest('sp-2')] });
    expect(conflict.isHostError, 'a real HostError inside the iframe').to.equal(true);
    expect(conflict.code).to.equal('conflict');
    expect(conflict.message).to.equal('The fund changed since you looked.');
    expect(conflict.retryable).to.equal(false);
    expect(conflict.details).to.deep.equal({ currentVersion: 7 });
    // A loosely written host error (Amazon Connect style) keeps its code too.
    host.failNext('getFund', { code: 'permission', message: 'Not your fund.' });
    const denied = await child.error('call', { method: 'getFund', args: ['agent-1'], guarded: true });
    expect(denied.code).to.equal('permission');
    expect(denied.message).to.equal('Not your fund.');
    host.failNext('getPolicy', 'not_found');
    const missing = await child.error('call', { method: 'getPolicy', guarded: true });
    expect(missing.code).to.equal('not_found');
  });

  it('answers from the host page are not trusted: guardHost turns a malformed fund into invalid_response', async () => {
    await connected();
    host.malformNext('getFund', { ...fund(1), spent: 12.5 });
    const error = await child.error('call', { method: 'getFund', args: ['agent-1'], guarded: true });
    expect(error.code).to.equal('invalid_response');
    expect(error.details?.path).to.equal('spent');
  });

  it('times out when the host never answers, and cancels the call on the host', async () => {
    await connected();
    host.never('getTaxonomy');
    const started = performance.now();
    const error = await child.error('call', { method: 'getTaxonomy' });
    expect(error.code).to.equal('timeout');
    expect(error.retryable).to.equal(true);
    expect(performance.now() - started).to.be.within(TIMEOUT - 20, TIMEOUT + 400);
    await until(() => signalOf('getTaxonomy')?.aborted === true);
  });

  it('times out when no host page answers the handshake', async () => {
    await connected({ expose: false });
    const ready = await child.error('ready');
    expect(ready.code).to.equal('timeout');
    const call = await child.error('call', { method: 'getContext' });
    expect(call.code).to.equal('timeout');
    expect(host.log).to.have.length(0);
  });

  it('a host page that starts after the iframe still connects; calls made before wait for it', async () => {
    // A roomier time-out than the others: this test is about waiting, not about timing out.
    await connected({ expose: false, timeoutMs: 3000 });
    const pending = child.value('call', { method: 'getContext' });
    await tick(60);
    expose();
    expect(await pending).to.deep.equal(host.context);
  });

  it('an aborted call rejects at once and aborts the host call', async () => {
    await connected();
    host.hold('getPolicy');
    const error = await child.error('call', { method: 'getPolicy', abortAfterMs: 20 });
    expect(error.code).to.equal('unavailable');
    expect(error.details).to.deep.equal({ aborted: true });
    await until(() => signalOf('getPolicy')?.aborted === true);
  });

  it('host page ignores the right window on the wrong origin (exact origin check)', async () => {
    host = bridgeHost();
    child = await frame();
    // The widget page is at otherOrigin; the host expects the page's own origin: nothing may pass.
    disposers.push(exposeAdapter(host, { iframe: child.element, origin: pageOrigin }));
    await child.value('connect', { targetOrigin: pageOrigin, timeoutMs: 150 });
    expect((await child.error('call', { method: 'getContext' })).code).to.equal('timeout');
    expect(host.log).to.have.length(0);
  });

  it('host page ignores the right origin from another window, even with the live channel', async () => {
    await connected();
    await child.value('call', { method: 'getContext' });
    const { channel } = await wireCall('getContext');
    const intruder = await frame(); // same origin as the widget page, another window
    const forged = { type: 'mend-bridge', kind: 'call', channel, id: 'forged-1', method: 'spend', args: [spendRequest('evil')] };
    await intruder.value('post', { message: forged });
    await intruder.value('post', { message: { type: 'mend-bridge', kind: 'hello', channel: '', id: 'forged-hello' } });
    await tick(60);
    expect(methods()).to.deep.equal(['getContext']);
    expect(await intruder.value('received'), 'the intruder got no answer').to.deep.equal([]);
    // The real widget is still connected on its channel.
    expect(await child.value('call', { method: 'getContext' })).to.deep.equal(host.context);
  });

  for (const [who, origin] of [
    ['a frame on the wrong origin', () => otherOrigin],
    ['a sibling frame on the host origin (wrong window)', () => pageOrigin],
  ] as const) {
    it(`the iframe ignores answers forged by ${who}`, async () => {
      await connected();
      const forger = await frame(origin());
      const held = host.hold('getFund');
      const answer = child.value<{ spent: number }>('call', { method: 'getFund', args: ['agent-1'] });
      const { channel, id } = await wireCall('getFund');
      const target = child.index;
      await forger.value('post', { frame: target, message: { type: 'mend-bridge', kind: 'result', channel, id, ok: true, value: { ...fund(1), spent: 99999 } } });
      await forger.value('post', { frame: target, message: { type: 'mend-bridge', kind: 'ping', channel: '', id: '' } });
      await tick(30);
      const [call] = await held.waitFor(1);
      await call!.resolve(fund(3, 700)); // the host's real answer
      await held.release();
      expect((await answer).spent).to.equal(700);
      expect(child.sent.filter((m) => m.kind === 'hello'), 'a forged ping starts no new handshake').to.have.length(1);
    });
  }

  it('the iframe ignores its own target window once that window is on another origin', async () => {
    host = bridgeHost();
    const target = await frame(pageOrigin); // plays the host page, at first on the right origin
    child = await frame();
    await child.value('connect', { frame: target.index, targetOrigin: pageOrigin, timeoutMs: TIMEOUT });
    let hello: { id: string } | undefined;
    const hellos = async () => (await target.value<Array<{ kind: string; id: string }>>('received')).filter((m) => m.kind === 'hello');
    await until(async () => ([hello] = await hellos()).length > 0, 'the iframe to say hello');
    expect(hello, 'the iframe said hello to its target').to.exist;
    const welcome = { type: 'mend-bridge', kind: 'welcome', channel: 'c1', id: hello!.id, capabilities: { history: true } };
    // Same window, but navigated to another origin: its welcome must not be taken.
    await target.navigate(otherOrigin);
    await target.value('post', { frame: child.index, message: welcome });
    await tick(50);
    expect((await child.value<Record<string, boolean>>('capabilities')).history).to.equal(false);
    // Back on the right origin, the same message is accepted (so the origin was the only difference).
    await target.navigate(pageOrigin);
    await target.value('post', { frame: child.index, message: welcome });
    let caps: Record<string, boolean> = {};
    await until(async () => (caps = await child.value<Record<string, boolean>>('capabilities')).history, 'the welcome to be taken');
    expect(caps.history).to.equal(true);
  });

  it('answers for unknown request ids are dropped; a duplicate answer changes nothing', async () => {
    await connected();
    const held = host.hold('getFund');
    const answer = child.value<{ spent: number }>('call', { method: 'getFund', args: ['agent-1'] });
    const { channel, id } = await wireCall('getFund');
    // Even the real host window cannot answer a request it was not asked.
    child.window.postMessage({ type: 'mend-bridge', kind: 'result', channel, id: 'not-a-request', ok: true, value: { spent: 1 } }, otherOrigin);
    child.window.postMessage({ type: 'mend-bridge', kind: 'result', channel: 'other-channel', id, ok: true, value: { spent: 2 } }, otherOrigin);
    await tick(30);
    const [call] = await held.waitFor(1);
    await call!.resolve(fund(2, 300)); // the host's real answer
    await held.release();
    expect((await answer).spent).to.equal(300);
    child.window.postMessage({ type: 'mend-bridge', kind: 'result', channel, id, ok: true, value: { spent: 3 } }, otherOrigin);
    // The next call gets the host's answer (the fund it holds), not the duplicate.
    expect(await child.value('call', { method: 'getFund', args: ['agent-1'] })).to.deep.equal(await host.crm.fund('agent-1'));
    expect(await child.value('errors')).to.equal(0);
  });

  it('request ids are unique and unguessable', async () => {
    await connected();
    await Promise.all(Array.from({ length: 20 }, () => child.value('call', { method: 'getTaxonomy' })));
    const ids = child.sent.filter((m) => m.kind === 'call').map((m) => m.id as string);
    expect(ids).to.have.length(20);
    expect(new Set(ids).size).to.equal(20);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{32}$/);
  });

  it('forwards events to the iframe and stops after unsubscribe (on the host too)', async () => {
    await connected();
    const key = await child.value<string>('subscribe', { event: 'fundChanged', guarded: true });
    await until(() => host.listenerCount('fundChanged') === 1);
    host.emit('fundChanged', { fund: fund(2, 100) });
    host.emit('fundChanged', { fund: { spent: 'lots' } }); // malformed: guardHost drops it
    host.emit('interactionEnded', { interactionId: 'int-A' }); // not subscribed
    await until(() => child.events.length >= 1);
    await tick(30);
    expect(child.events).to.deep.equal([{ key, payload: { fund: fund(2, 100) } }]);
    await child.value('off', { key });
    await until(() => host.listenerCount('fundChanged') === 0);
    host.emit('fundChanged', { fund: fund(3, 200) });
    await tick(30);
    expect(child.events).to.have.length(1);
  });

  it('a subscription dropped before the handshake never stays behind on the host', async () => {
    await connected({ expose: false });
    const key = await child.value<string>('subscribe', { event: 'fundChanged' });
    await child.value('off', { key });
    expose();
    await child.value('call', { method: 'getContext' });
    await until(() => child.sent.filter((m) => m.method === 'off').length === 1);
    await tick(30);
    expect(host.listenerCount('fundChanged')).to.equal(0);
  });

  it('closing the bridge in the iframe ends its subscriptions on the host and refuses new calls', async () => {
    await connected();
    await child.value('subscribe', { event: 'fundChanged' });
    await child.value('guard', { verdict: { allow: true } });
    await until(() => host.listenerCount('fundChanged') === 1 && host.guards.length === 1);
    await child.value('dispose');
    await until(() => host.listenerCount('fundChanged') === 0 && host.guards.length === 0);
    const error = await child.error('call', { method: 'getContext' });
    expect(error.code).to.equal('unavailable');
    expect(host.log).to.have.length(0);
  });

  it('the host asks the wrap-up guard in the iframe; unregistering removes it', async () => {
    await connected();
    const key = await child.value<string>('guard', { verdict: { allow: false, message: 'Log the root cause first.' } });
    await until(() => host.guards.length === 1);
    expect(await host.guards[0]('int-A')).to.deep.equal({ allow: false, message: 'Log the root cause first.' });
    expect(child.events).to.deep.equal([{ key, payload: 'int-A' }]);
    await child.value('off', { key });
    await until(() => host.guards.length === 0);
  });

  it('a wrap-up guard that fails or never answers lets the agent wrap up, with a message', async () => {
    await connected();
    await child.value<string>('guard', { throws: true });
    await until(() => host.guards.length === 1);
    const verdict = await host.guards[0]('int-A');
    expect(verdict.allow).to.equal(true);
    expect(verdict.message).to.be.a('string');
    const guard = host.guards[0];
    child.remove(); // the widget page is gone
    const started = performance.now();
    expect((await guard('int-A')).allow).to.equal(true);
    expect(performance.now() - started).to.be.below(TIMEOUT + 300);
  });

  it('refuses hostile amounts and currencies at the boundary with a clear message', async () => {
    await connected();
    const hostile: Array<[unknown, RegExp]> = [
      [-500, /request\.amount must be a whole number of minor units/],
      [12.5, /request\.amount must be a whole number of minor units/],
      [2 ** 53, /request\.amount .*9007199254740991/],
      ['1000', /request\.amount must be a whole number/],
      [Number.NaN, /request\.amount/],
      [Number.POSITIVE_INFINITY, /request\.amount/],
      [0, /request\.amount must be more than 0/],
    ];
    for (const [amount, message] of hostile) {
      const error = await child.error('call', { method: 'spend', args: [spendRequest(`h-${String(amount)}`, { amount })], guarded: true });
      expect(error.code, String(amount)).to.equal('invalid_request');
      expect(error.retryable).to.equal(false);
      expect(error.message).to.match(message);
    }
    for (const currency of ['usd', 'US', 'EURO', 42]) {
      const error = await child.error('call', { method: 'spend', args: [spendRequest('h-cur', { currency })] });
      expect(error.code).to.equal('invalid_request');
      expect(error.message).to.contain('request.currency must be an ISO 4217 currency code');
    }
    const offer = { ...recovery('h-rec'), offers: [{ offerId: 'o', kind: 'compensation', label: 'Refund', amount: -1 }] };
    expect((await child.error('call', { method: 'recordRecovery', args: [offer] })).message).to.contain('request.offers.0.amount');
    expect(host.log, 'the real adapter saw none of it').to.have.length(0);
  });

  it('refuses a spend in another currency than the host pins', async () => {
    host = bridgeHost();
    child = await frame();
    expose({ currency: 'USD' });
    await child.value('connect', { targetOrigin: pageOrigin, timeoutMs: TIMEOUT });
    const error = await child.error('call', { method: 'spend', args: [spendRequest('eur', { currency: 'EUR' })] });
    expect(error.code).to.equal('invalid_request');
    expect(error.message).to.equal('request.currency must be USD, the currency of this host; got EUR.');
    expect((await child.value<{ fund: { spent: number } }>('call', { method: 'spend', args: [spendRequest('usd')] })).fund.spent).to.equal(2500);
  });

  it('forwards only allow-listed methods with sane arguments', async () => {
    await connected();
    await child.value('call', { method: 'getContext' });
    const { channel } = await wireCall('getContext');
    host.log.length = 0;
    // Speak the wire protocol as a compromised widget page would, from the real iframe.
    const bad: Array<[string, unknown[]]> = [
      ['constructor', []],
      ['__proto__', []],
      ['emit', ['fundChanged', {}]],
      ['getHistory', [{ toString: 'x' }]],
      ['getHistory', []],
      ['getFund', ['agent-1', 'extra']],
    ];
    for (const [i, [method, args]] of bad.entries()) {
      await child.value('post', { message: { type: 'mend-bridge', kind: 'call', channel, id: `bad-${i}`, method, args } });
    }
    let results: Array<{ id: string; ok: boolean; error: { code: string; message: string } }> = [];
    await until(async () => (results = (await child.value<typeof results>('received')).filter((m) => String(m.id).startsWith('bad-'))).length >= bad.length, 'an answer to every bad call');
    expect(results).to.have.length(bad.length);
    for (const r of results) {
      expect(r.ok).to.equal(false);
      expect(r.error.code, r.id).to.equal('invalid_request');
    }
    expect(results.find((r) => r.id === 'bad-0')?.error.message).to.contain('is not a method the bridge forwards');
    expect(results.find((r) => r.id === 'bad-3')?.error.message).to.contain('argument 1 must be text');
    expect(host.log).to.have.length(0);
  });

  it('dispose stops serving: calls time out and host subscriptions end', async () => {
    await connected();
    await child.value('subscribe', { event: 'interactionChanged' });
    await until(() => host.listenerCount('interactionChanged') === 1);
    for (const d of disposers) d();
    disposers = [];
    expect(host.listenerCount('interactionChanged')).to.equal(0);
    expect((await child.error('call', { method: 'getContext' })).code).to.equal('timeout');
    expect(host.log).to.have.length(0);
  });

  it('a host page that restarts re-connects the iframe and its subscriptions', async () => {
    await connected();
    const key = await child.value<string>('subscribe', { event: 'interactionEnded' });
    await until(() => host.listenerCount('interactionEnded') === 1);
    for (const d of disposers) d();
    disposers = [];
    expose();
    await until(() => host.listenerCount('interactionEnded') === 1);
    host.emit('interactionEnded', { interactionId: 'int-A' });
    await until(() => child.events.length === 1);
    expect(child.events[0]).to.deep.equal({ key, payload: { interactionId: 'int-A' } });
    expect(await child.value('call', { method: 'getContext' })).to.deep.equal(host.context);
  });
});

describe('bridge: set-up mistakes fail loudly', () => {
  it('refuses a wildcard or inexact origin on either end', () => {
    for (const bad of ['*', '/', 'https://console.example/', 'https://console.example/path', 'console.example', '']) {
      expect(() => new BridgeAdapter({ target: window, targetOrigin: bad }), bad).to.throw(TypeError, /exact origin/);
      expect(() => exposeAdapter(new MemoryAdapter(), { iframe: window, origin: bad }), bad).to.throw(TypeError, /exact origin/);
    }
  });
});
