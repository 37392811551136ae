import { expect } from '@open-wc/testing';
import { LocalAdapter, IdbStore, demoSeed, DEMO_IDS, generateTaxonomy } from '../../src/adapter/local-adapter.js';
import { guardHost } from '../../src/adapter/guard.js';
import { HostError } from '../../src/adapter/errors.js';
import type { SpendRequest } from '../../src/adapter/host-adapter.js';
import type { Fund } from '../../src/core/model.js';
import { createStore } from 'idb-keyval';
import { rejection } from '../helpers/errors.js';
import { untilValue } from '../helpers/until.js';

const open: LocalAdapter[] = [];
afterEach(() => open.splice(0).forEach((a) => a.close()));

const dbName = () => `mend-local-test-${crypto.randomUUID()}`;
function local(name = dbName(), agentId?: string): LocalAdapter {
  const adapter = new LocalAdapter({ name, agentId });
  open.push(adapter);
  return adapter;
}

const spendOf = (fund: Fund, amount: number, key = crypto.randomUUID()): SpendRequest => ({
  idempotencyKey: key,
  interactionId: 'int-voice-1',
  customerId: DEMO_IDS.customers.heavy,
  at: new Date().toISOString(),
  agentId: fund.agentId,
  amount,
  currency: fund.currency,
  reason: 'item_damaged',
  expectedVersion: fund.version,
});



describe('LocalAdapter: the embedded CRM in IndexedDB', () => {
  it('is seeded on first use with the demo: Dana at the desk, Carmen on the line, her fund', async () => {
    const host = guardHost(local());
    const ctx = await host.getContext();
    expect(ctx.agent).to.deep.equal({ id: 'agent-dana', name: 'Dana Reyes', role: 'agent' });
    expect(ctx.interaction?.customerName).to.equal('Carmen Ruiz');
    expect(ctx.interaction?.channel).to.equal('voice');
    const fund = await host.getFund(ctx.agent.id);
    expect(fund).to.include({ budget: 20_000, perActionCap: 15_000, approvalThreshold: 5_000, period: 'week', currency: 'USD' });
    expect(fund.ledger.map((e) => e.reason)).to.include.members(['item_damaged', 'wrong_item', 'late_delivery', 'goodwill', 'fee_waiver']);
    expect((await host.getTaxonomy()).causes).to.have.length(300);
  });

  it('data survives a reload: a new instance on the same database sees spends and writes', async () => {
    const name = dbName();
    const first = local(name);
    const fund = await first.getFund(DEMO_IDS.agent);
    await first.spend(spendOf(fund, 1_000));
    await first.requestCallback({ idempotencyKey: 'cb-1', interactionId: 'int-voice-1', customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(), reason: 'Survey 1 of 5' });
    first.close();
    const second = local(name);
    expect((await second.getFund(DEMO_IDS.agent)).spent).to.equal(fund.spent + 1_000);
    const writes = await second.writes();
    expect(writes.map((w) => w.kind).sort()).to.deep.equal(['requestCallback', 'spend']);
    expect(writes.find((w) => w.kind === 'requestCallback')!.payload).to.include({ reason: 'Survey 1 of 5' });
  });

  it('data survives a real page load (an iframe loaded twice)', async () => {
    const db = dbName();
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const load = (step: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const onMessage = (e: MessageEvent) => {
          if (e.data?.probe !== 'mend-reload') return;
          removeEventListener('message', onMessage);
          resolve(e.data);
        };
        addEventListener('message', onMessage);
        frame.src = new URL(`./reload-frame.html?db=${db}&step=${step}&key=k-${db}`, import.meta.url).href;
      });
    try {
      const wrote = await load('write');
      expect(wrote.error).to.equal(undefined);
      expect(wrote.spent).to.equal((wrote.before as number) + 1_234);
      const read = await load('read');
      expect(read.spent).to.equal(wrote.spent);
      expect(read.writes).to.equal(1);
      const replayed = await load('write'); // same key on a third page load: spends nothing more
      expect(replayed.spent).to.equal(wrote.spent);
    } finally {
      frame.remove();
    }
  });

  it('reset() restores the seed (and tells listeners the fund changed)', async () => {
    const adapter = local();
    const host = guardHost(adapter);
    const seeded = await host.getFund(DEMO_IDS.agent);
    await host.spend(spendOf(seeded, 2_500));
    await adapter.setActive('int-chat-1');
    const funds: Fund[] = [];
    host.on('fundChanged', (p) => funds.push(p.fund));
    await adapter.reset();
    const after = await host.getFund(DEMO_IDS.agent);
    expect(after.spent).to.equal(seeded.spent);
    expect(after.ledger).to.have.length(seeded.ledger.length);
    expect(await adapter.writes()).to.deep.equal([]);
    expect(funds.at(-1)?.spent).to.equal(seeded.spent);
    expect((await host.getContext()).interaction?.id).to.equal('int-voice-1');
  });

  it('offline: every call rejects unavailable (retryable); back online it answers again', async () => {
    const adapter = local();
    const host = guardHost(adapter);
    adapter.setOnline(false);
    expect(adapter.online).to.equal(false);
    for (const call of [host.getContext(), host.getFund(DEMO_IDS.agent), host.getPolicy(), host.write('acknowledgeBaggage', { idempotencyKey: 'a', interactionId: 'i', customerId: 'c', at: new Date().toISOString(), incidentIds: [] })]) {
      const error = await rejection(call);
      expect(error.code).to.equal('unavailable');
      expect(error.retryable).to.equal(true);
    }
    adapter.setOnline(true);
    expect((await host.getPolicy()).offers.length).to.be.greaterThan(0);
    expect(await adapter.writes()).to.deep.equal([]); // nothing was applied while offline
  });

  it('a spend in one tab fires fundChanged in another tab (BroadcastChannel) within a second', async () => {
    const name = dbName();
    const tabA = local(name);
    const tabB = local(name);
    const other = local(); // another CRM on the same channel: must not hear it
    const heardB: Fund[] = [];
    const heardOther: Fund[] = [];
    guardHost(tabB).on('fundChanged', (p) => heardB.push(p.fund));
    other.on('fundChanged', (p) => heardOther.push(p.fund));
    const heardA: Fund[] = [];
    tabA.on('fundChanged', (p) => heardA.push(p.fund));
    const fund = await tabA.getFund(DEMO_IDS.agent);
    const result = await tabA.spend(spendOf(fund, 700));
    const fundB = await untilValue(() => heardB[0], 'the other tab hears the fund');
    expect(fundB.version).to.equal(result.fund.version);
    expect(fundB.spent).to.equal(fund.spent + 700);
    expect(heardA).to.have.length(1); // this tab too
    expect(heardOther).to.have.length(0);
  });

  it('two tabs spending at once lose no update (read-modify-write in one transaction)', async () => {
    const name = dbName();
    const tabA = local(name);
    const tabB = local(name);
    const fund = await tabA.getFund(DEMO_IDS.agent);
    await tabB.getFund(DEMO_IDS.agent);
    // Both saw the same version: exactly one wins, the other gets a conflict, nothing is lost.
    const results = await Promise.allSettled([tabA.spend(spendOf(fund, 300)), tabB.spend(spendOf(fund, 400))]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).to.have.length(1);
    expect((lost[0]!.reason as HostError).code).to.equal('conflict');
    const after = await tabA.getFund(DEMO_IDS.agent);
    const amount = (won[0] as PromiseFulfilledResult<{ fund: Fund }>).value.fund.spent - fund.spent;
    expect(after.spent).to.equal(fund.spent + amount);
    // Writes of other kinds from both tabs at once all land.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? tabA : tabB).logRootCause({ idempotencyKey: `rc-${i}`, interactionId: 'i', customerId: 'c', at: new Date().toISOString(), problem: 'p', causeId: DEMO_IDS.recurringCause, departmentId: 'warehouse', resolution: 'r', notifyDepartment: true }),
      ),
    );
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    expect((await tabB.getRecurrence(since)).find((r) => r.causeId === DEMO_IDS.recurringCause)!.count).to.equal(14 + 10);
  });

  it('concurrent contacts: interactions(), setActive() fires interactionChanged, endInteraction() closes one', async () => {
    const adapter = local();
    const host = guardHost(adapter);
    const list = await adapter.interactions();
    expect(list.map((i) => i.channel)).to.include.members(['voice', 'chat', 'email', 'messaging']);
    const changed: Array<string | null> = [];
    const ended: string[] = [];
    host.on('interactionChanged', (p) => changed.push(p.interaction?.id ?? null));
    host.on('interactionEnded', (p) => ended.push(p.interactionId));
    await adapter.setActive('int-email-1');
    expect((await host.getContext()).interaction?.customerId).to.equal(DEMO_IDS.customers.frequent);
    expect((await rejection(adapter.setActive('nope'))).code).to.equal('not_found');
    await adapter.endInteraction('int-email-1');
    expect(ended).to.deep.equal(['int-email-1']);
    expect(changed).to.deep.equal(['int-email-1', null]);
    expect((await adapter.interactions()).map((i) => i.id)).not.to.include('int-email-1');
    expect((await host.getContext()).interaction).to.equal(null);
  });

  it('a wrap-up guard can hold the end of a contact', async () => {
    const adapter = local();
    const off = guardHost(adapter).registerWrapUpGuard(() => ({ allow: false, message: 'Root cause not logged yet.' }));
    expect(await adapter.endInteraction('int-chat-1')).to.deep.equal({ allow: false, message: 'Root cause not logged yet.' });
    expect((await adapter.interactions()).map((i) => i.id)).to.include('int-chat-1');
    off();
    expect((await adapter.endInteraction('int-chat-1')).allow).to.equal(true);
  });

  it("the lead's desk: Sam Okafor with a 500.00 budget and a 100.00 threshold", async () => {
    const host = guardHost(local(dbName(), DEMO_IDS.lead));
    const ctx = await host.getContext();
    expect(ctx.agent).to.include({ name: 'Sam Okafor', role: 'lead' });
    const fund = await host.getFund(ctx.agent.id);
    expect(fund).to.include({ budget: 50_000, approvalThreshold: 10_000 });
    // 80.00 is above the agent authority but within the lead's: done without approval.
    expect((await host.spend(spendOf(fund, 8_000))).status).to.equal('done');
  });

  it('an approval is shared by every tab and cannot be given twice', async () => {
    const name = dbName();
    const tabA = local(name);
    const tabB = local(name);
    const fund = await tabA.getFund(DEMO_IDS.agent);
    const pending = fund.ledger.find((e) => e.status === 'pending_approval')!;
    const after = await tabA.approve(DEMO_IDS.agent, pending.id);
    expect(after.spent).to.equal(fund.spent + pending.amount);
    expect((await rejection(tabB.approve(DEMO_IDS.agent, pending.id))).code).to.equal('conflict');
  });

  it('IdbStore.transact is atomic: a throwing step writes nothing', async () => {
    const store = new IdbStore(createStore(dbName(), 'records'));
    await store.transact([], () => ({ result: null, writes: [['a', 1]] }));
    await rejection(
      store.transact(['a'], () => {
        throw new HostError('conflict', 'no');
      }),
    );
    try {
      await store.transact(['a'], ([a]) => {
        if (a === 1) throw new Error('stop');
        return { result: null, writes: [['a', 2]] };
      });
    } catch {
      /* expected */
    }
    expect(await store.get('a')).to.equal(1);
  });
});

describe('demo data', () => {
  it('customers range from no baggage to heavy, with a recent 1-of-5 survey and a 40+ incident history', () => {
    const seed = demoSeed();
    const byId = new Map(seed.histories.map((h) => [h.customer.id, h]));
    expect(seed.histories.length).to.be.at.least(6);
    expect(byId.get(DEMO_IDS.customers.none)!.incidents).to.have.length(0);
    const heavy = byId.get(DEMO_IDS.customers.heavy)!.incidents;
    expect(heavy.some((i) => i.severity === 'high' && !i.resolved)).to.equal(true);
    const lastWeek = Date.now() - 8 * 86_400_000;
    expect(heavy.some((i) => i.surveyScore === 1 && Date.parse(i.occurredAt) > lastWeek)).to.equal(true);
    expect(byId.get(DEMO_IDS.customers.frequent)!.incidents.length).to.be.at.least(40);
    expect(seed.policy.authority.map((a) => a.role)).to.include.members(['agent', 'lead']);
  });

  it('dates are relative to now', () => {
    const now = Date.parse('2030-06-01T12:00:00Z');
    const seed = demoSeed(now);
    const fund = seed.funds[0]!;
    expect(Date.parse(fund.periodStart)).to.be.below(now);
    expect(Date.parse(fund.periodEnd)).to.be.above(now);
    expect(seed.interactions.every((i) => Math.abs(Date.parse(i.startedAt) - now) < 3_600_000)).to.equal(true);
  });

  it('the taxonomy spans the departments with unique ids, and scales to 50,000 quickly', () => {
    const small = generateTaxonomy(300);
    expect(small.causes).to.have.length(300);
    expect(small.departments.map((d) => d.name)).to.include.members(['Warehouse', 'Shipping', 'Billing', 'Product', 'IT', 'Customer Service', 'Returns', 'Marketing']);
    expect(new Set(small.causes.map((c) => c.departmentId)).size).to.equal(small.departments.length);
    expect(small.causes.every((c) => c.keywords!.length > 0 && c.category)).to.equal(true);
    const t0 = performance.now();
    const big = generateTaxonomy(50_000);
    expect(performance.now() - t0).to.be.below(1_000);
    expect(new Set(big.causes.map((c) => c.id)).size).to.equal(50_000);
    expect(new Set(big.causes.map((c) => c.label)).size).to.equal(50_000);
    expect(generateTaxonomy(300)).to.deep.equal(small); // deterministic
  });
});

describe('demo data through the core rules', () => {
  it('the six customers assess as intended: none, light, heavy with a callback, a frequent complainer', async () => {
    const { assessBaggage } = await import('../../src/core/baggage.js');
    const seed = demoSeed();
    const level = (id: string) => assessBaggage(seed.histories.find((h) => h.customer.id === id)!.incidents, Date.now());
    expect(level(DEMO_IDS.customers.none).level).to.equal('none');
    expect(level(DEMO_IDS.customers.light).level).to.equal('light');
    const carmen = level(DEMO_IDS.customers.heavy);
    expect(carmen.level).to.equal('heavy');
    expect(carmen.callback.recommended).to.equal(true);
    expect(level(DEMO_IDS.customers.frequent).level).to.equal('heavy');
  });
});

describe('LocalAdapter reset and fund versions', () => {
  it('a reset after a spend gives the fund a newer version, so other tabs accept it', async () => {
    const name = `reset-version-${Math.random().toString(36).slice(2)}`;
    const crm = new LocalAdapter({ name });
    const before = await crm.getFund(crm.agentId);
    const ctx = await crm.getContext();
    const spent = await crm.spend({
      idempotencyKey: `k-${name}`, agentId: crm.agentId, interactionId: ctx.interaction!.id, customerId: ctx.interaction!.customerId,
      at: new Date().toISOString(), amount: 1000, currency: before.currency, reason: 'goodwill', expectedVersion: before.version,
    });
    await crm.reset();
    const after = await crm.getFund(crm.agentId);
    expect(after.spent).to.equal(before.spent);
    expect(after.version).to.be.greaterThan(spent.fund.version);
    crm.close();
  });
});
