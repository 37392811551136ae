import { expect } from '@open-wc/testing';
import { runAdapterContract, ContractError, type ContractFramework } from '../../src/adapter/contract.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { LocalAdapter } from '../../src/adapter/local-adapter.js';
import { demoSeed, DEMO_IDS } from '../../src/adapter/demo-data.js';
import type { HostAdapter } from '../../src/adapter/host-adapter.js';

const framework: ContractFramework = { describe, it };
const locals: LocalAdapter[] = [];
after(() => locals.forEach((l) => l.close()));

// The demo seed: the active interaction is Carmen Ruiz's call, the agent Dana Reyes.
runAdapterContract('MemoryAdapter (demo seed)', () => new MemoryAdapter(demoSeed()), framework);

runAdapterContract(
  'MemoryAdapter without history, spend and notifyManager',
  () => new MemoryAdapter(demoSeed(), { capabilities: { history: false, spend: false, notifyManager: false } }),
  framework,
);

runAdapterContract(
  'LocalAdapter (IndexedDB, fresh database per test)',
  () => {
    const adapter = new LocalAdapter({ name: `mend-contract-${crypto.randomUUID()}` });
    locals.push(adapter);
    return adapter;
  },
  framework,
  { customerId: DEMO_IDS.customers.heavy, agentId: DEMO_IDS.agent, withinAuthority: 1_000, aboveThreshold: 6_000 },
);

/** Collect the suite's tests without registering them, to run them against broken adapters. */
function collect(make: () => HostAdapter): Map<string, () => Promise<void> | void> {
  const tests = new Map<string, () => Promise<void> | void>();
  runAdapterContract('probe', make, { describe: (_n, body) => body(), it: (n, body) => void tests.set(n, body) });
  return tests;
}

async function failure(test: (() => Promise<void> | void) | undefined): Promise<Error> {
  expect(test, 'test exists').to.be.a('function');
  try {
    await test!();
  } catch (e) {
    return e as Error;
  }
  throw new Error('the contract test passed against a broken adapter');
}

describe('the contract suite catches broken adapters', () => {
  it('a host that applies a replayed spend twice fails the idempotency test', async () => {
    const tests = collect(() => {
      const a = new MemoryAdapter(demoSeed());
      const spend = a.spend.bind(a);
      // Broken: a fresh key every time, so a replay spends again.
      a.spend = (r, o) => spend({ ...r, idempotencyKey: crypto.randomUUID() }, o);
      return a;
    });
    const error = await failure(tests.get('a replayed idempotency key returns the first answer and spends nothing more'));
    expect(error).to.be.instanceOf(ContractError);
    expect(error.message).to.match(/replayed idempotency key must return the first answer/);
  });

  it('a host that ignores fund versions fails the conflict test', async () => {
    const tests = collect(() => {
      const a = new MemoryAdapter(demoSeed());
      const spend = a.spend.bind(a);
      a.spend = async (r, o) => spend({ ...r, expectedVersion: (await a.getFund(r.agentId)).version }, o);
      return a;
    });
    const error = await failure(tests.get('a stale fund version is a conflict naming the current version'));
    expect(error.message).to.match(/expected a rejection/);
  });

  it('a host that throws a TypeError for an undeclared capability fails', async () => {
    const tests = collect(() => {
      const a = new MemoryAdapter(demoSeed(), { capabilities: { taxonomy: false } });
      a.getTaxonomy = () => Promise.reject(new TypeError('x is undefined'));
      return a;
    });
    const error = await failure(tests.get('undeclared capabilities answer unsupported, never another failure'));
    expect(error.message).to.contain('undeclared taxonomy');
  });

  it('a host with a non-boolean capability fails the declaration test', async () => {
    const tests = collect(() => {
      const a = new MemoryAdapter(demoSeed());
      Object.defineProperty(a, 'capabilities', { value: { ...a.capabilities, events: 'yes' } });
      return a;
    });
    const error = await failure(tests.get('declares every capability as a boolean'));
    expect(error.message).to.contain('capabilities.events');
  });

  it('a host whose history is malformed fails the read test with the field path', async () => {
    const tests = collect(() => {
      const a = new MemoryAdapter(demoSeed());
      a.getHistory = async () => ({ customer: { id: 'x', name: 'X' }, incidents: [{ id: 'i' }] }) as never;
      return a;
    });
    const error = await failure(tests.get('read history: valid when declared, unsupported when not'));
    expect(error.message).to.contain('incidents.0');
  });
});
