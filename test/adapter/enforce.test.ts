import { expect } from '@open-wc/testing';
import { Crm, MapStore, decideSpend } from '../../src/adapter/enforce.js';
import { demoSeed, DEMO_IDS } from '../../src/adapter/demo-data.js';
import { HostError } from '../../src/adapter/errors.js';
import { DEFAULT_POLICY } from '../../src/core/recovery.js';
import type { SpendRequest } from '../../src/adapter/host-adapter.js';
import type { Fund } from '../../src/core/model.js';

const DAY = 86_400_000;
const dana = () => demoSeed().funds.find((f) => f.agentId === DEMO_IDS.agent)!;
const agent = { id: DEMO_IDS.agent, name: 'Dana Reyes', role: 'agent' };
const request = (fund: Fund, amount: number, extra: Partial<SpendRequest> = {}): SpendRequest => ({
  idempotencyKey: crypto.randomUUID(), interactionId: 'i', customerId: 'c', at: new Date().toISOString(),
  agentId: fund.agentId, amount, currency: fund.currency, reason: 'goodwill', expectedVersion: fund.version, ...extra,
});

function thrown(fn: () => unknown): HostError {
  try {
    fn();
  } catch (e) {
    return e as HostError;
  }
  throw new Error('expected a throw');
}

describe('enforce: the server rules both fake CRMs share', () => {
  it('within the threshold: done, spent grows, the ledger records the reason, the version moves', () => {
    const fund = dana();
    const { result, writes } = decideSpend(fund, undefined, request(fund, 2_000), DEFAULT_POLICY, agent, Date.now());
    expect(result.answer.status).to.equal('done');
    expect(result.answer.fund.spent).to.equal(fund.spent + 2_000);
    expect(result.answer.fund.version).to.equal(fund.version + 1);
    expect(result.answer.fund.ledger.at(-1)).to.include({ amount: 2_000, reason: 'goodwill', status: 'done' });
    expect(writes!.map(([k]) => k)).to.include(`fund:${DEMO_IDS.agent}`);
  });

  it("above the role's authority (lead policy lower than the fund threshold) needs approval", () => {
    const fund = { ...dana(), approvalThreshold: 10_000 };
    const strict = { ...DEFAULT_POLICY, authority: [{ role: 'agent', maxPerAction: 3_000 }] };
    const { result } = decideSpend(fund, undefined, request(fund, 4_000), strict, agent, Date.now());
    expect(result.answer.status).to.equal('pending_approval');
    expect(result.answer.message).to.contain('authority');
  });

  it('another currency is rejected with a message and changes nothing', () => {
    const fund = dana();
    const { result, writes } = decideSpend(fund, undefined, request(fund, 100, { currency: 'EUR' }), DEFAULT_POLICY, agent, Date.now());
    expect(result.answer.status).to.equal('rejected');
    expect(result.answer.message).to.contain('USD');
    expect(result.answer.fund).to.equal(fund);
    expect(writes!.map(([k]) => k).some((k) => k.startsWith('fund:'))).to.equal(false);
  });

  it('the first answer wins over everything, even a stale version', () => {
    const fund = dana();
    const req = request(fund, 100);
    const first = decideSpend(fund, undefined, req, DEFAULT_POLICY, agent, Date.now());
    const record = first.writes!.find(([k]) => k.startsWith('write:spend:'))![1] as never;
    const replay = decideSpend(first.result.answer.fund, record, req, DEFAULT_POLICY, agent, Date.now());
    expect(replay.result.applied).to.equal(false);
    expect(replay.result.answer).to.deep.equal(first.result.answer);
    expect(replay.writes ?? []).to.deep.equal([]);
  });

  it('a spend after the period ended rolls the fund over first (the old version is then stale)', () => {
    const fund = dana();
    const later = Date.parse(fund.periodEnd) + DAY;
    const error = thrown(() => decideSpend(fund, undefined, request(fund, 100), DEFAULT_POLICY, agent, later));
    expect(error.code).to.equal('conflict');
    expect(error.details.currentVersion).to.equal(fund.version + 1);
    const { result } = decideSpend(fund, undefined, request(fund, 100, { expectedVersion: fund.version + 1 }), DEFAULT_POLICY, agent, later);
    expect(result.answer.status).to.equal('done');
    expect(result.answer.fund.spent).to.equal(100);
    expect(Date.parse(result.answer.fund.periodStart)).to.be.at.most(later);
    expect(Date.parse(result.answer.fund.periodEnd)).to.be.greaterThan(later);
  });

  it('Crm.fund stores the roll-over, so the new period sticks', async () => {
    let now = Date.now();
    const crm = new Crm(new MapStore(), () => now);
    await crm.seed(demoSeed(now));
    const before = await crm.fund(DEMO_IDS.agent);
    now = Date.parse(before.periodEnd) + 1;
    const rolled = await crm.fund(DEMO_IDS.agent);
    expect(rolled.spent).to.equal(0);
    expect(rolled.pending).to.equal(before.pending); // pending approvals survive the roll-over
    expect((await crm.fund(DEMO_IDS.agent)).version).to.equal(rolled.version);
  });

  it('a write without an idempotency key is refused as invalid_request', async () => {
    const crm = new Crm(new MapStore());
    await crm.seed(demoSeed());
    try {
      await crm.write('requestCallback', { idempotencyKey: '', interactionId: 'i', customerId: 'c', at: new Date().toISOString(), reason: 'r' });
      throw new Error('no rejection');
    } catch (e) {
      expect((e as HostError).code).to.equal('invalid_request');
    }
  });

  it('seed() writes once; seed(force) resets', async () => {
    const crm = new Crm(new MapStore());
    expect(await crm.seed(demoSeed())).to.equal(true);
    expect(await crm.seed(demoSeed())).to.equal(false);
    await crm.write('requestCallback', { idempotencyKey: 'k', interactionId: 'i', customerId: 'c', at: new Date().toISOString(), reason: 'r' });
    expect(await crm.writes()).to.have.length(1);
    expect(await crm.seed(demoSeed(), true)).to.equal(true);
    expect(await crm.writes()).to.have.length(0);
  });
});
