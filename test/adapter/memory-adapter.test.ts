import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { demoSeed, DEMO_IDS } from '../../src/adapter/demo-data.js';
import { guardHost } from '../../src/adapter/guard.js';
import type { SpendRequest } from '../../src/adapter/host-adapter.js';
import type { Fund } from '../../src/core/model.js';
import { rejection } from '../helpers/errors.js';

const C = DEMO_IDS.customers;


const spendOf = (fund: Fund, amount: number, key = crypto.randomUUID()): SpendRequest => ({
  idempotencyKey: key,
  interactionId: 'int-voice-1',
  customerId: C.heavy,
  at: new Date().toISOString(),
  agentId: fund.agentId,
  amount,
  currency: fund.currency,
  reason: 'goodwill',
  expectedVersion: fund.version,
});

describe('MemoryAdapter', () => {
  it('a malformed host answer becomes invalid_response naming the field path', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const good = await adapter.getHistory(C.heavy);
    const bad = structuredClone(good) as unknown as { incidents: Array<Record<string, unknown>> };
    bad.incidents[1]!.severity = 42;
    adapter.malformNext('getHistory', bad);
    const host = guardHost(adapter);
    const error = await rejection(host.getHistory(C.heavy));
    expect(error.code).to.equal('invalid_response');
    expect(error.details.path).to.equal('incidents.1.severity');
    // Once only: the next answer is valid again.
    expect((await host.getHistory(C.heavy)).incidents).to.have.length(good.incidents.length);
  });

  it('a malformed spend answer still applied the spend: the retry with the same key spends once', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const host = guardHost(adapter);
    const fund = await host.getFund(DEMO_IDS.agent);
    const request = spendOf(fund, 1_000);
    adapter.malformNext('spend', { status: 'done', entryId: 'x', fund: { ...fund, spent: 'lots' } });
    expect((await rejection(host.spend(request))).details.path).to.equal('fund.spent');
    const retried = await host.spend(request);
    expect(retried.status).to.equal('done');
    expect(retried.fund.spent).to.equal(fund.spent + 1_000);
    expect(adapter.received.filter((w) => w.kind === 'spend')).to.have.length(1);
  });

  it('failNext rejects once with a typed error and applies nothing', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const host = guardHost(adapter);
    adapter.failNext('logRootCause', 'timeout');
    const log = {
      idempotencyKey: 'k1', interactionId: 'i', customerId: C.heavy, at: new Date().toISOString(),
      problem: 'p', causeId: 'rc-warehouse-1', departmentId: 'warehouse', resolution: 'r', notifyDepartment: true,
    };
    const error = await rejection(host.write('logRootCause', log));
    expect(error.code).to.equal('timeout');
    expect(error.retryable).to.equal(true);
    expect(adapter.received).to.have.length(0);
    await host.write('logRootCause', log);
    await host.write('logRootCause', log);
    expect(adapter.received).to.have.length(1);
  });

  it('held answers can be resolved out of order', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const held = adapter.hold('getHistory');
    const order: string[] = [];
    const first = adapter.getHistory(C.light).then((h) => order.push(h.customer.name));
    const second = adapter.getHistory(C.heavy).then((h) => order.push(h.customer.name));
    const calls = await held.waitFor(2);
    expect(calls.map((c) => c.args[0])).to.deep.equal([C.light, C.heavy]);
    await calls[1]!.resolve();
    await second;
    await calls[0]!.resolve();
    await first;
    expect(order).to.deep.equal(['Carmen Ruiz', 'Benedikt Schäfer']);
  });

  it('a held call can be answered with a raw value or rejected, and release lets the rest through', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const held = adapter.hold('getPolicy');
    const a = adapter.getPolicy();
    const b = adapter.getPolicy();
    const c = adapter.getPolicy();
    const [ca, cb] = await held.waitFor(3);
    await ca!.resolve({ id: 'stale' });
    cb!.reject('unavailable');
    await held.release();
    expect(((await a) as { id: string }).id).to.equal('stale');
    expect((await rejection(b)).code).to.equal('unavailable');
    expect((await c).offers.length).to.be.greaterThan(0);
    expect((await adapter.getPolicy()).offers.length).to.be.greaterThan(0); // no longer held
  });

  it('never() never answers: the adapter layer times out', async () => {
    const adapter = new MemoryAdapter(demoSeed()).never('getTaxonomy');
    const host = guardHost(adapter, { timeoutMs: 30 });
    const error = await rejection(host.getTaxonomy());
    expect(error.code).to.equal('timeout');
    adapter.restore('getTaxonomy');
    expect((await host.getTaxonomy()).causes.length).to.be.greaterThan(200);
  });

  it('an aborted call rejects at once', async () => {
    const adapter = new MemoryAdapter(demoSeed(), { latency: 50 });
    const controller = new AbortController();
    const pending = adapter.getPolicy({ signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).details.aborted).to.equal(true);
  });

  it('latency is per method', async () => {
    const adapter = new MemoryAdapter(demoSeed(), { latency: { getFund: 40 } });
    // Timers fire in order of their deadlines, so the order of the answers shows the latencies
    // whatever the machine's load; a latency is a lower bound, never an upper one.
    const order: string[] = [];
    const t0 = performance.now();
    await Promise.all([
      adapter.getFund(DEMO_IDS.agent).then(() => order.push(`fund after ${Math.round(performance.now() - t0)} ms`)),
      adapter.getPolicy().then(() => order.push('policy')),
    ]);
    expect(order[0]).to.equal('policy');
    expect(Number(/after (\d+)/.exec(order[1]!)![1])).to.be.at.least(35);
  });

  it('setInteraction and endInteraction fire the host events; unsubscription is real', async () => {
    const seed = demoSeed();
    const adapter = new MemoryAdapter(seed);
    const host = guardHost(adapter);
    const heard: string[] = [];
    const off1 = host.on('interactionChanged', (p) => heard.push(`changed:${p.interaction?.id ?? 'none'}`));
    const off2 = host.on('interactionEnded', (p) => heard.push(`ended:${p.interactionId}`));
    expect(adapter.listenerCount('interactionChanged')).to.equal(1);
    adapter.setInteraction(seed.interactions[1]!);
    adapter.endInteraction(seed.interactions[1]!.id);
    adapter.setInteraction(null);
    expect(heard).to.deep.equal(['changed:int-chat-1', 'ended:int-chat-1', 'changed:none']);
    expect((await host.getContext()).interaction).to.equal(null);
    off1();
    off2();
    expect(adapter.listenerCount('interactionChanged')).to.equal(0);
    expect(adapter.listenerCount('interactionEnded')).to.equal(0);
    adapter.setInteraction(seed.interactions[0]!);
    expect(heard).to.have.length(3);
  });

  it('emit sends raw payloads: the adapter layer drops a malformed one and passes duplicates through', () => {
    const adapter = new MemoryAdapter(demoSeed());
    const host = guardHost(adapter);
    const ended: string[] = [];
    host.on('interactionEnded', (p) => ended.push(p.interactionId));
    adapter.emit('interactionEnded', { interactionId: 42 });
    adapter.emit('interactionEnded', { interactionId: 'int-1' });
    adapter.emit('interactionEnded', { interactionId: 'int-1' });
    expect(ended).to.deep.equal(['int-1', 'int-1']);
  });

  it('a spend fires fundChanged with the new fund; a stale version is a conflict', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const host = guardHost(adapter);
    const funds: Fund[] = [];
    host.on('fundChanged', (p) => funds.push(p.fund));
    const fund = await host.getFund(DEMO_IDS.agent);
    const result = await host.spend(spendOf(fund, 2_000));
    expect(funds.map((f) => f.version)).to.deep.equal([result.fund.version]);
    const error = await rejection(host.spend(spendOf(fund, 2_000)));
    expect(error.code).to.equal('conflict');
    expect(error.details.currentVersion).to.equal(result.fund.version);
    expect(funds).to.have.length(1);
  });

  it('a replayed spend key spends once, even when both calls are in flight together', async () => {
    const adapter = new MemoryAdapter(demoSeed(), { latency: 3 });
    const host = guardHost(adapter);
    const fund = await host.getFund(DEMO_IDS.agent);
    const request = spendOf(fund, 1_500);
    const answers = await Promise.all([host.spend(request), host.spend(request), host.spend(request)]);
    expect(new Set(answers.map((a) => a.entryId)).size).to.equal(1);
    expect((await host.getFund(DEMO_IDS.agent)).spent).to.equal(fund.spent + 1_500);
    expect(adapter.received).to.have.length(1);
  });

  it('approval: a lead approves a pending spend once; a second approval is a conflict', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const fund = await adapter.getFund(DEMO_IDS.agent);
    const pending = await adapter.spend(spendOf(fund, 6_000));
    expect(pending.status).to.equal('pending_approval');
    expect(pending.message).to.be.a('string').and.not.equal('');
    const approved = await adapter.approve(DEMO_IDS.agent, pending.entryId);
    expect(approved.spent).to.equal(fund.spent + 6_000);
    expect(approved.pending).to.equal(fund.pending);
    const error = await rejection(adapter.approve(DEMO_IDS.agent, pending.entryId));
    expect(error.code).to.equal('conflict');
  });

  it('wrap-up guards can hold the wrap-up; after allowing, the contact ends', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const host = guardHost(adapter);
    let ready = false;
    const off = host.registerWrapUpGuard(() => (ready ? { allow: true } : { allow: false, message: 'Log the root cause first.' }));
    const ended: string[] = [];
    host.on('interactionEnded', (p) => ended.push(p.interactionId));
    expect(await adapter.wrapUp()).to.deep.equal({ allow: false, message: 'Log the root cause first.' });
    expect(ended).to.deep.equal([]);
    ready = true;
    expect((await adapter.wrapUp()).allow).to.equal(true);
    expect(ended).to.deep.equal(['int-voice-1']);
    off();
  });

  it('undeclared capabilities answer unsupported, even when called directly', async () => {
    const adapter = new MemoryAdapter(demoSeed(), { capabilities: { fund: false } });
    expect(adapter.capabilities.fund).to.equal(false);
    expect(adapter.capabilities.spend).to.equal(true);
    expect((await rejection(adapter.getFund(DEMO_IDS.agent))).code).to.equal('unsupported');
    expect(adapter.calls.getFund).to.equal(1);
  });

  it('an unknown customer is not_found; an empty seed still answers a valid context and policy', async () => {
    const host = guardHost(new MemoryAdapter());
    expect((await rejection(host.getHistory('nobody'))).code).to.equal('not_found');
    const ctx = await host.getContext();
    expect(ctx.interaction).to.equal(null);
    expect(ctx.currency).to.equal('USD');
    expect((await host.getPolicy()).authority.length).to.be.greaterThan(0);
  });

  it('answers are copies: mutating one does not change the host', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const fund = await adapter.getFund(DEMO_IDS.agent);
    fund.spent = 0;
    fund.ledger.length = 0;
    const again = await adapter.getFund(DEMO_IDS.agent);
    expect(again.spent).to.be.greaterThan(0);
    expect(again.ledger.length).to.be.greaterThan(0);
  });

  it('root causes logged count in recurrence at once', async () => {
    const adapter = new MemoryAdapter(demoSeed());
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const before = (await adapter.getRecurrence(since)).find((r) => r.causeId === DEMO_IDS.recurringCause)!.count;
    expect(before).to.equal(14);
    await adapter.logRootCause({
      idempotencyKey: 'once', interactionId: 'i', customerId: C.heavy, at: new Date().toISOString(),
      problem: 'p', causeId: DEMO_IDS.recurringCause, departmentId: 'warehouse', resolution: 'r', notifyDepartment: true,
    });
    const after = (await adapter.getRecurrence(since)).find((r) => r.causeId === DEMO_IDS.recurringCause)!.count;
    expect(after).to.equal(15);
    // Nothing older than the window counts.
    expect(await adapter.getRecurrence(new Date(Date.now() + 60_000).toISOString())).to.deep.equal([]);
  });
});
