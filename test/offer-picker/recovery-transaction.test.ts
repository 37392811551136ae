// The spend-then-record transaction (src/adapter/recovery-transaction.ts) without the DOM, on a
// MemoryAdapter session: what is spent, what is recorded, and which keys a retry uses.
import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { RecoveryTransaction, type AcceptRequest } from '../../src/adapter/recovery-transaction.js';
import { guardHost } from '../../src/adapter/guard.js';
import { HostSession, sessionFor } from '../../src/adapter/session.js';
import type { RecoveryRecord } from '../../src/adapter/host-adapter.js';
import { HostError } from '../../src/adapter/errors.js';
import type { Fund } from '../../src/core/model.js';
import { makeFund, newAgentId } from './fixtures.js';

interface World {
  host: MemoryAdapter;
  session: HostSession;
  fund: Fund;
  recorded: RecoveryRecord[];
  request: (over?: Partial<AcceptRequest>) => AcceptRequest;
}

async function world(fundOver: Partial<Fund> = {}): Promise<World> {
  const agentId = newAgentId();
  const host = new MemoryAdapter({ funds: [makeFund({ agentId, ...fundOver })] });
  const session = sessionFor(host, { spendRetries: 0 });
  await session.fund(agentId).ensure();
  const fund = session.fund(agentId).state.value!;
  expect(fund, 'the fund is loaded').to.not.equal(undefined);
  const recorded: RecoveryRecord[] = [];
  const request = (over: Partial<AcceptRequest> = {}): AcceptRequest => ({
    session,
    interaction: { id: 'int-1', customerId: 'cust-1' },
    severity: 'high',
    offers: [
      { offerId: 'fix', kind: 'assistance', label: 'Fix or replace' },
      { offerId: 'credit-15', kind: 'compensation', label: 'Goodwill credit', amount: 1500 },
    ],
    strategy: 'R3:high',
    compensation: { offerId: 'credit-15', amount: 1500, reason: 'goodwill' },
    fund,
    agentId,
    record: async (record) => {
      recorded.push(record);
    },
    ...over,
  });
  return { host, session, fund, recorded, request };
}

const spends = (host: MemoryAdapter) => host.received.filter((w) => w.kind === 'spend');

describe('RecoveryTransaction: spend, then record', () => {
  it('spends once with the version seen, then records with the spend id; the next intent has new keys', async () => {
    const w = await world();
    const tx = new RecoveryTransaction();
    const outcome = await tx.accept(w.request());
    expect(outcome.status).to.equal('recorded');
    expect(spends(w.host)).to.have.length(1);
    const spend = spends(w.host)[0]!.payload as { amount: number; expectedVersion: number; idempotencyKey: string };
    expect(spend.amount).to.equal(1500);
    expect(spend.expectedVersion).to.equal(w.fund.version);
    expect(w.recorded).to.have.length(1);
    expect(w.recorded[0]!.accepted).to.equal(true);
    expect(w.recorded[0]!.spendId).to.equal(outcome.status === 'recorded' ? outcome.spend!.entryId : '');
    expect(tx.keys, 'done: no intent left').to.equal(null);
    expect(w.session.fund(w.fund.agentId).state.value!.spent).to.equal(w.fund.spent + 1500);
  });

  it('without compensation nothing is spent', async () => {
    const w = await world();
    const outcome = await new RecoveryTransaction().accept(w.request({ compensation: null }));
    expect(outcome.status).to.equal('recorded');
    expect(spends(w.host)).to.have.length(0);
    expect(w.recorded).to.have.length(1);
    expect(w.recorded[0]!.spendId).to.equal(undefined);
  });

  it('a lost answer keeps the keys: the replay spends once and records', async () => {
    const w = await world();
    // A second view of the same host whose answers time out quickly: the held spend's answer is lost.
    const lossy = new HostSession(guardHost(w.host, { timeoutMs: 50 }), { spendRetries: 0 });
    const held = w.host.hold('spend');
    const tx = new RecoveryTransaction();
    const first = await tx.accept(w.request({ session: lossy }));
    expect(first.status).to.equal('failed');
    expect(first.status === 'failed' && first.error.code).to.equal('timeout');
    const keys = tx.keys!;
    expect(keys, 'a retry can help: the keys stay').to.not.equal(null);
    await held.release(); // the host applied the spend after all; its answer was lost
    w.host.restore('spend');
    expect(spends(w.host)).to.have.length(1);
    const second = await tx.accept(w.request());
    expect(second.status).to.equal('recorded');
    expect(spends(w.host), 'the replay is the same spend').to.have.length(1);
    const replayed = w.host.calls.spend;
    expect(replayed).to.equal(2);
    expect(w.recorded).to.have.length(1);
    expect(w.recorded[0]!.idempotencyKey).to.equal(keys.recordKey);
  });

  it('the spend went through but the record failed: the keys are kept and the retry spends nothing twice', async () => {
    const w = await world();
    const tx = new RecoveryTransaction();
    let fail = true;
    const record = async (r: RecoveryRecord) => {
      if (fail) throw new HostError('permission', 'No.');
      w.recorded.push(r);
    };
    const first = await tx.accept(w.request({ record }));
    expect(first.status).to.equal('not_recorded');
    const keys = tx.keys!;
    expect(keys, 'even a non-retryable error keeps the keys once money moved').to.not.equal(null);
    fail = false;
    const second = await tx.accept(w.request({ record }));
    expect(second.status).to.equal('recorded');
    expect(spends(w.host)).to.have.length(1);
    expect(w.recorded[0]!.idempotencyKey).to.equal(keys.recordKey);
    expect(w.session.fund(w.fund.agentId).state.value!.spent).to.equal(w.fund.spent + 1500);
  });

  it('above the approval threshold the spend is pending approval and still recorded', async () => {
    const w = await world();
    const outcome = await new RecoveryTransaction().accept(
      w.request({ compensation: { offerId: 'refund', amount: 5500, reason: 'item_damaged' } }),
    );
    expect(outcome.status).to.equal('recorded');
    expect(outcome.status === 'recorded' && outcome.spend!.status).to.equal('pending_approval');
    expect(w.recorded).to.have.length(1);
  });

  it('a fund that moved is a conflict with the fund as it is now; the next try is a new intent', async () => {
    const w = await world();
    const stale = { ...w.fund, version: w.fund.version - 1 };
    const tx = new RecoveryTransaction();
    const outcome = await tx.accept(w.request({ fund: stale }));
    expect(outcome.status).to.equal('conflict');
    expect(outcome.status === 'conflict' && outcome.now!.version).to.equal(w.fund.version);
    expect(tx.keys).to.equal(null);
    expect(spends(w.host)).to.have.length(0);
    expect(w.recorded).to.have.length(0);
  });

  it('a refused failure before money moved drops the keys', async () => {
    const w = await world();
    w.host.failNext('spend', 'permission');
    const tx = new RecoveryTransaction();
    const outcome = await tx.accept(w.request());
    expect(outcome.status).to.equal('failed');
    expect(tx.keys).to.equal(null);
    expect(w.recorded).to.have.length(0);
  });

  it('a decline keeps its key until it is stored', async () => {
    const tx = new RecoveryTransaction();
    const keys: string[] = [];
    let fail = true;
    const decline = () =>
      tx.decline({
        interaction: { id: 'int-1', customerId: 'cust-1' },
        severity: 'low',
        offers: [],
        strategy: 'custom',
        record: async (r) => {
          keys.push(r.idempotencyKey);
          if (fail) throw new HostError('storage', 'Full.');
        },
      });
    expect((await decline()).status).to.equal('failed');
    fail = false;
    expect((await decline()).status).to.equal('recorded');
    expect(keys[0]).to.equal(keys[1]);
    await decline();
    expect(keys[2], 'a new decline, a new key').to.not.equal(keys[1]);
  });
});
