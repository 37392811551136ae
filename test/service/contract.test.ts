// The exported contract suite against ServiceAdapter on the real service (PGlite and PostgreSQL),
// started by the runner's mend-service plugin; each test gets a fresh tenant with the demo seed.
import { expect, waitUntil } from '@open-wc/testing';
import { runAdapterContract } from '../../src/adapter/contract.js';
import { ServiceAdapter, composeAdapter } from '../../src/adapter/service.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { demoSeed, DEMO_IDS } from '../../src/adapter/demo-data.js';
import type { Fund } from '../../src/core/model.js';

interface Session {
  url: string;
  token: string;
  leadToken: string;
  tenant: string;
}

async function session(db: 'pglite' | 'postgres'): Promise<Session> {
  const res = await fetch(`/__mend-service/session?db=${db}`);
  if (!res.ok) throw new Error(`the service did not start (${res.status})`);
  return res.json();
}

// The first session builds and starts each service (and initdb's PostgreSQL): allow for it once.
before(async function () {
  this.timeout(180_000);
  await Promise.all([session('pglite'), session('postgres')]);
});

const adapters: ServiceAdapter[] = [];
after(() => adapters.forEach((a) => a.close()));
const open = (s: Session, token = s.token) => {
  const adapter = new ServiceAdapter({ baseUrl: s.url, token });
  adapters.push(adapter);
  return adapter;
};

const fixtures = { customerId: DEMO_IDS.customers.heavy, agentId: DEMO_IDS.agent, withinAuthority: 1_000, aboveThreshold: 6_000, timeoutMs: 20_000 };
// The service knows the caller by the token: the lead capabilities run with the lead's adapter on the same tenant.
const sessions = new WeakMap<object, Session>();

for (const db of ['pglite', 'postgres'] as const) {
  runAdapterContract(
    `ServiceAdapter on the service (${db})`,
    async () => {
      const s = await session(db);
      const adapter = open(s);
      sessions.set(adapter, s);
      return adapter;
    },
    { describe, it },
    { ...fixtures, leadId: DEMO_IDS.lead, leadAdapter: (adapter) => open(sessions.get(adapter)!, sessions.get(adapter)!.leadToken) },
  );

  // A console composed with the service; a lead's console composes with the lead's ServiceAdapter.
  const consoleAdapter = () => new MemoryAdapter(demoSeed(), { capabilities: { fund: false, spend: false, policy: false, taxonomy: false, recurrence: false } });
  runAdapterContract(
    `composeAdapter(console, ServiceAdapter) (${db})`,
    async () => {
      const s = await session(db);
      const composed = composeAdapter(consoleAdapter(), open(s));
      sessions.set(composed, s);
      return composed;
    },
    { describe, it },
    { ...fixtures, leadId: DEMO_IDS.lead, leadAdapter: (adapter) => composeAdapter(consoleAdapter(), open(sessions.get(adapter)!, sessions.get(adapter)!.leadToken)) },
  );

  describe(`ServiceAdapter live updates (${db})`, () => {
    it("a lead's approval through the API reaches the agent's fundChanged", async () => {
      const s = await session(db);
      const agent = open(s);
      const lead = open(s, s.leadToken);
      const heard: Fund[] = [];
      const off = agent.on('fundChanged', ({ fund }) => heard.push(fund));
      const fund = await agent.getFund(DEMO_IDS.agent);
      const pending = await agent.spend({
        idempotencyKey: crypto.randomUUID(), interactionId: 'int-voice-1', customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(),
        agentId: DEMO_IDS.agent, amount: 6_000, currency: fund.currency, reason: 'goodwill', expectedVersion: fund.version,
      });
      expect(pending.status).to.equal('pending_approval');
      await lead.decideApproval({
        idempotencyKey: crypto.randomUUID(), interactionId: 'int-voice-1', customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(),
        leadId: DEMO_IDS.lead, agentId: DEMO_IDS.agent, entryId: pending.entryId, approve: true,
      });
      const approved = (f: Fund) => f.ledger.find((e) => e.id === pending.entryId)?.status === 'done';
      await waitUntil(() => heard.some(approved), 'the approval reaches the agent', { timeout: 10_000 });
      expect(heard.find(approved)!.spent).to.equal(pending.fund.spent + 6_000);
      off();
    });

    it('the past recoveries of a customer are read back as history', async () => {
      const s = await session(db);
      const adapter = open(s);
      await adapter.recordRecovery({
        idempotencyKey: crypto.randomUUID(), interactionId: 'int-voice-1', customerId: 'cust-new', at: new Date().toISOString(),
        severity: 'high', offers: [{ offerId: 'credit', kind: 'compensation', label: '<b>Credit</b>', amount: 500 }], accepted: true, strategy: 'R3:high',
      });
      const history = await adapter.getHistory('cust-new');
      expect(history.incidents[0]!.remedies[0]!.label).to.equal('<b>Credit</b>');
    });

    it('errors are HostErrors with the problem code', async () => {
      const s = await session(db);
      const adapter = open(s);
      const error = await adapter.getFund(DEMO_IDS.lead).catch((e) => e);
      expect(error.name).to.equal('HostError');
      expect(error.code).to.equal('permission');
      const refused = await new ServiceAdapter({ baseUrl: s.url, token: 'not-a-token' }).getPolicy().catch((e) => e);
      expect(refused.code).to.equal('permission');
    });
  });
}
