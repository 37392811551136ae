import { expect } from '@open-wc/testing';
import { composeAdapter } from '../../src/adapter/compose.js';
import { runAdapterContract } from '../../src/adapter/contract.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { demoSeed, DEMO_IDS } from '../../src/adapter/demo-data.js';
import type { Fund } from '../../src/core/model.js';

/** A console like Zendesk: context, history, events and a wrap-up guard, no fund, no writes. */
const consoleOnly = () =>
  new MemoryAdapter(demoSeed(), {
    capabilities: { policy: false, fund: false, taxonomy: false, recurrence: false, spend: false, recordRecovery: false, logRootCause: false, acknowledgeBaggage: false, requestCallback: false, notifyManager: false },
  });
/** The service: everything but the console's context, events of contacts and wrap-up. */
const serviceLike = () => new MemoryAdapter(demoSeed(), { capabilities: { history: false, wrapUpGuard: false } });

runAdapterContract('composeAdapter(console, service)', () => composeAdapter(consoleOnly(), serviceLike()), { describe, it });

describe('composeAdapter', () => {
  it('takes each capability from the side that serves it', async () => {
    const host = consoleOnly();
    const service = serviceLike();
    const composed = composeAdapter(host, service);
    expect(Object.values(composed.capabilities).every(Boolean)).to.equal(true);
    await composed.getHistory(DEMO_IDS.customers.heavy);
    await composed.getFund(DEMO_IDS.agent);
    await composed.getPolicy();
    expect(host.calls.getHistory).to.equal(1);
    expect(service.calls.getHistory).to.equal(0);
    expect(service.calls.getFund).to.equal(1);
    expect(host.calls.getFund).to.equal(0);
    expect(service.calls.getPolicy).to.equal(1);
  });

  it('a console without history gets it from the service', async () => {
    const host = new MemoryAdapter(demoSeed(), { capabilities: { history: false, fund: false, spend: false } });
    const service = new MemoryAdapter(demoSeed());
    const composed = composeAdapter(host, service);
    expect(composed.capabilities.history).to.equal(true);
    await composed.getHistory(DEMO_IDS.customers.heavy);
    expect(service.calls.getHistory).to.equal(1);
  });

  it('a capability neither side has is false and answers unsupported', async () => {
    const host = new MemoryAdapter(demoSeed(), { capabilities: { taxonomy: false } });
    const service = new MemoryAdapter(demoSeed(), { capabilities: { taxonomy: false } });
    const composed = composeAdapter(host, service);
    expect(composed.capabilities.taxonomy).to.equal(false);
    const error = await composed.getTaxonomy().then(
      () => null,
      (e: { code?: string }) => e,
    );
    expect(error?.code).to.equal('unsupported');
  });

  it('contact events come from the console, fund events from the service, and unsubscribe', async () => {
    const host = consoleOnly();
    const service = serviceLike();
    const composed = composeAdapter(host, service);
    const heard: string[] = [];
    const offA = composed.on('interactionEnded', (p) => heard.push(`ended:${p.interactionId}`));
    const offB = composed.on('fundChanged', (p) => heard.push(`fund:${p.fund.agentId}`));
    host.endInteraction('i-1');
    service.emit('interactionEnded', { interactionId: 'from-service' });
    host.emit('fundChanged', { fund: { agentId: 'from-console' } as Fund });
    const fund = await service.getFund(DEMO_IDS.agent);
    service.emit('fundChanged', { fund });
    expect(heard).to.deep.equal(['ended:i-1', `fund:${DEMO_IDS.agent}`]);
    offA();
    offB();
    expect(host.listenerCount('interactionEnded')).to.equal(0);
    expect(service.listenerCount('fundChanged')).to.equal(0);
  });

  it('the wrap-up guard is registered with the console', async () => {
    const host = consoleOnly();
    const composed = composeAdapter(host, serviceLike());
    const off = composed.registerWrapUpGuard!(() => ({ allow: false, message: 'log the root cause' }));
    expect((await host.wrapUp()).allow).to.equal(false);
    off();
    expect((await host.wrapUp()).allow).to.equal(true);
  });

  it('a side can be chosen per capability', async () => {
    const host = new MemoryAdapter(demoSeed());
    const service = new MemoryAdapter(demoSeed());
    const composed = composeAdapter(host, service, { from: { policy: 'host' } });
    await composed.getPolicy();
    expect(host.calls.getPolicy).to.equal(1);
    expect(service.calls.getPolicy).to.equal(0);
  });
});
