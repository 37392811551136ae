import { expect } from '@open-wc/testing';
import { guardHost } from '../../src/adapter/guard.js';
import { spendOnce } from '../../src/adapter/spend.js';
import type { HostError } from '../../src/adapter/errors.js';
import { TestHost } from '../helpers/test-host.js';
import { spendRequest } from '../helpers/writes.js';

const fast = { baseMs: 2, maxMs: 10 };

describe('spendOnce: money never spends twice', () => {
  it('a lost answer is retried with the same key: the fund is charged once and the agent gets the answer', async () => {
    const host = new TestHost();
    host.loseAnswers = 1;
    const result = await spendOnce(guardHost(host), spendRequest('s1', 2500), fast);
    expect(result.status).to.equal('done');
    expect(result.fund.spent).to.equal(2500);
    expect(host.attempts.map((a) => a.key)).to.deep.equal(['s1', 's1']);
    expect(host.appliedKeys('spend')).to.deep.equal(['s1']);
    expect((await host.fund()).spent).to.equal(2500);
  });

  it('a double click shares one request', async () => {
    const host = new TestHost();
    host.latency = 5;
    const guarded = guardHost(host);
    const first = spendOnce(guarded, spendRequest('s1', 1000), fast);
    const second = spendOnce(guarded, spendRequest('s1', 1000), fast);
    expect(second).to.equal(first);
    await Promise.all([first, second]);
    expect(host.attempts).to.have.length(1);
    expect((await host.fund()).spent).to.equal(1000);
  });

  it('a second click after the first gave up replays the key: still charged once', async () => {
    const host = new TestHost();
    host.loseAnswers = 3;
    const guarded = guardHost(host);
    const error = (await spendOnce(guarded, spendRequest('s1', 1000), { ...fast, retries: 1 }).catch((e: HostError) => e)) as HostError;
    expect(error.code).to.equal('timeout');
    expect(host.attempts).to.have.length(2);
    host.loseAnswers = 0;
    const result = await spendOnce(guarded, spendRequest('s1', 1000), fast);
    expect(result.entryId, 'the entry applied by the first click').to.equal((await host.fund()).ledger[0]!.id);
    expect((await host.fund()).spent).to.equal(1000);
    expect((await host.fund()).ledger).to.have.length(1);
  });

  it('an answer retrying cannot change (conflict) is not retried', async () => {
    const host = new TestHost();
    const error = (await spendOnce(guardHost(host), spendRequest('s1', 1000, 7), fast).catch((e: HostError) => e)) as HostError;
    expect(error.code).to.equal('conflict');
    expect(host.attempts).to.have.length(1);
    expect((await host.fund()).spent).to.equal(0);
  });

  it('gives up after the bounded retries while the host is away, spending nothing', async () => {
    const host = new TestHost();
    host.down = true;
    const error = (await spendOnce(guardHost(host), spendRequest('s1'), { ...fast, retries: 3 }).catch((e: HostError) => e)) as HostError;
    expect(error.code).to.equal('unavailable');
    expect(host.attempts).to.have.length(4);
    expect((await host.fund()).spent).to.equal(0);
  });

  it('different keys are different spends', async () => {
    const host = new TestHost();
    const guarded = guardHost(host);
    await spendOnce(guarded, spendRequest('s1', 500, 1), fast);
    await spendOnce(guarded, spendRequest('s2', 700, 2), fast);
    expect((await host.fund()).spent).to.equal(1200);
    expect(host.appliedKeys('spend')).to.deep.equal(['s1', 's2']);
  });
});
