import { expect } from '@open-wc/testing';
import { createStore, get, keys, set } from 'idb-keyval';
import { guardHost } from '../../src/adapter/guard.js';
import { Outbox, outboxFor, type OutboxChangeDetail, type OutboxEntry, type OutboxOptions } from '../../src/adapter/outbox.js';
import { HostError } from '../../src/adapter/errors.js';
import { TestHost } from '../helpers/test-host.js';
import { tick, until } from '../helpers/until.js';
import { ack, rootCause, uniqueScope } from '../helpers/writes.js';

const open: Outbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.dispose()));
});

function outbox(host: TestHost, scope: string, options: OutboxOptions = {}): Outbox {
  const o = new Outbox(guardHost(host, { timeoutMs: 2000 }), scope, { backoffBaseMs: 5, backoffMaxMs: 40, persistDelayMs: 2, ...options });
  open.push(o);
  return o;
}

const storeOf = (scope: string) => createStore('mend-outbox-' + scope, 'entries');

/** Count IndexedDB read-write transactions opened while `run` runs. */
async function countWriteTransactions(run: () => Promise<unknown>): Promise<number> {
  const original = IDBDatabase.prototype.transaction;
  let count = 0;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    if (args[1] === 'readwrite') count++;
    return original.apply(this, args);
  } as IDBDatabase['transaction'];
  try {
    await run();
  } finally {
    IDBDatabase.prototype.transaction = original;
  }
  return count;
}

describe('Outbox: durable writes', () => {
  it('stores the entry in IndexedDB before the host sees it, and removes it only after the host confirmed', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    const storedWhenSent: unknown[] = [];
    host.onAttempt = async (_kind, payload) => {
      storedWhenSent.push(await get(payload.idempotencyKey, storeOf(scope)));
    };
    const o = outbox(host, scope);
    const entry = await o.enqueue('acknowledgeBaggage', ack('k1'));
    expect(entry.status).to.equal('queued');
    expect(entry.id).to.equal('k1');
    const sent = await o.whenSent('k1');
    expect(sent.status).to.equal('sent');
    expect(storedWhenSent).to.have.length(1);
    expect((storedWhenSent[0] as OutboxEntry).payload.idempotencyKey).to.equal('k1');
    await o.flush();
    expect(await keys(storeOf(scope))).to.deep.equal([]);
    expect(o.entry('k1')?.status).to.equal('sent'); // still visible as delivered
    expect(o.pending).to.equal(0);
    expect(host.appliedKeys()).to.deep.equal(['k1']);
  });

  it('resolves enqueue once stored, even while the host is away', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    host.down = true;
    const o = outbox(host, scope, { backoffBaseMs: 10_000 });
    await o.enqueue('logRootCause', rootCause('k1'));
    const stored = (await get('k1', storeOf(scope))) as OutboxEntry;
    expect(stored.kind).to.equal('logRootCause');
    expect(stored.payload).to.deep.equal(rootCause('k1'));
    expect(o.pending).to.equal(1);
  });

  it('a send whose answer is lost, then a reload: the host applies it exactly once', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    host.loseAnswers = 1;
    const first = outbox(host, scope, { backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    await first.enqueue('recordRecovery', {
      ...ack('rec-1'),
      severity: 'high',
      offers: [{ offerId: 'o1', kind: 'compensation', label: 'Refund', amount: 2500 }],
      accepted: true,
      strategy: 'R3:high',
    } as never);
    await until(() => host.attempts.length === 1 && first.entry('rec-1')?.status === 'queued', 3000, 'a lost answer');
    expect(first.entry('rec-1')?.lastError?.code).to.equal('timeout');
    await first.dispose(); // the page goes away before any retry

    const second = outbox(host, scope);
    await second.whenSent('rec-1');
    expect(host.attemptsOf('rec-1')).to.equal(2); // replayed with the same key...
    expect(host.appliedKeys()).to.deep.equal(['rec-1']); // ...and applied once
    await second.flush();
    expect(await keys(storeOf(scope))).to.deep.equal([]);
  });

  it('the page is closed between storing and sending: the next page delivers it', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    const closed = outbox(host, scope, { paused: true });
    await closed.enqueue('acknowledgeBaggage', ack('k1'));
    await closed.enqueue('requestCallback', { ...ack('k2'), reason: 'Survey score 1' } as never);
    await closed.dispose();
    expect(host.attempts).to.have.length(0);
    expect((await keys(storeOf(scope))).sort()).to.deep.equal(['k1', 'k2']);

    const next = outbox(host, scope);
    await Promise.all([next.whenSent('k1'), next.whenSent('k2')]);
    expect(host.appliedKeys()).to.deep.equal(['k1', 'k2']);
  });

  it('the host is down for a while: entries wait, then arrive in order, each once', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    host.down = true;
    const o = outbox(host, scope);
    for (let i = 0; i < 4; i++) await o.enqueue('acknowledgeBaggage', ack(`a${i}`, 'i1'));
    for (let i = 0; i < 3; i++) await o.enqueue('logRootCause', rootCause(`b${i}`, 'i2'));
    await until(() => host.attempts.length >= 6, 3000, 'retries while down');
    expect(host.applied).to.have.length(0);
    expect(o.pending).to.equal(7);
    expect(o.entries.map((e) => e.status)).to.not.include('sent');
    expect(o.entry('a0')?.lastError?.code).to.equal('unavailable');
    // The first entry of each interaction is retried; the ones behind it wait their turn.
    expect(host.attempts.some((a) => a.key === 'a1' || a.key === 'b1')).to.equal(false);

    host.down = false;
    await Promise.all(o.entries.map((e) => o.whenSent(e.id)));
    expect(host.appliedKeys().filter((k) => k.startsWith('a'))).to.deep.equal(['a0', 'a1', 'a2', 'a3']);
    expect(host.appliedKeys().filter((k) => k.startsWith('b'))).to.deep.equal(['b0', 'b1', 'b2']);
    expect(new Set(host.appliedKeys()).size).to.equal(7);
    expect(o.pending).to.equal(0);
  });

  it('delivers in order per interaction while different interactions interleave', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    host.latency = 3;
    const o = outbox(host, scope, { paused: true });
    const list = [];
    for (let i = 0; i < 24; i++) list.push({ kind: 'acknowledgeBaggage' as const, payload: ack(`k${String(i).padStart(2, '0')}`, `i${i % 3}`) });
    await o.enqueueMany(list);
    o.resume();
    await until(() => host.applied.length === 24, 3000, 'delivery');
    for (const interaction of ['i0', 'i1', 'i2']) {
      const keysOf = host.applied.filter((a) => a.interactionId === interaction).map((a) => a.key);
      expect(keysOf).to.deep.equal([...keysOf].sort());
      expect(keysOf).to.have.length(8);
    }
    const order = host.applied.map((a) => a.interactionId).slice(0, 3);
    expect(new Set(order).size).to.equal(3); // the first three sends went to three interactions at once
  });

  it('backs off exponentially with jitter, capped, while the host stays away', async () => {
    const host = new TestHost();
    host.down = true;
    let jitter = 0;
    const o = outbox(host, uniqueScope(), { now: () => 1_000, random: () => jitter, backoffBaseMs: 100, backoffMaxMs: 300 });
    await o.enqueue('acknowledgeBaggage', ack('k1'));
    const retryAts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await until(() => host.attempts.length === i + 1, 3000, `attempt ${i + 1}`);
      await until(() => o.nextRetryAt > 0);
      retryAts.push(o.nextRetryAt);
      if (i === 2) jitter = 0.999_999;
      o.retryNow();
    }
    // base * 2^n, halved by zero jitter, capped at max: 50, 100, 150; then max with full jitter: ~300.
    expect(retryAts.slice(0, 3)).to.deep.equal([1_050, 1_100, 1_150]);
    expect(retryAts[3]).to.be.closeTo(1_300, 1);
  });

  it('retries at once when the browser comes back online', async () => {
    const host = new TestHost();
    host.down = true;
    const o = outbox(host, uniqueScope(), { backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    await o.enqueue('acknowledgeBaggage', ack('k1'));
    await until(() => host.attempts.length === 1);
    host.down = false;
    await tick(30); // a retry before the backoff has its chance to happen
    expect(host.applied).to.have.length(0); // still backing off (a minute)
    window.dispatchEvent(new Event('online'));
    await o.whenSent('k1');
    expect(host.appliedKeys()).to.deep.equal(['k1']);
  });

  it('a success after failures drains the rest right away', async () => {
    const host = new TestHost();
    host.down = true;
    const o = outbox(host, uniqueScope(), { backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    await o.enqueueMany([1, 2, 3].map((i) => ({ kind: 'acknowledgeBaggage' as const, payload: ack(`k${i}`) })));
    await until(() => host.attempts.length === 1);
    host.down = false;
    const t0 = performance.now();
    await o.flush();
    expect(host.appliedKeys()).to.deep.equal(['k1', 'k2', 'k3']);
    expect(performance.now() - t0).to.be.below(1000);
  });

  it('a permanent error keeps the entry, with the host reason, until the agent resends a fixed payload', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    host.refuse = (_kind, p) =>
      (p as { problem?: string }).problem === '' ? { code: 'invalid_request', message: 'Problem is required.' } : null;
    const o = outbox(host, scope);
    let attention: OutboxEntry | undefined;
    o.addEventListener('attention', (e) => (attention = (e as CustomEvent<{ entry: OutboxEntry }>).detail.entry));
    await o.enqueue('logRootCause', rootCause('bad', 'i1', ''));
    await o.enqueue('logRootCause', rootCause('good', 'i1'));
    await o.whenSent('good'); // later entries of the interaction still go
    await o.flush();
    await o.flush();
    const stuck = o.entry('bad')!;
    expect(stuck.status).to.equal('needs_attention');
    expect(stuck.lastError).to.deep.equal({ code: 'invalid_request', message: 'Problem is required.' });
    expect(attention?.id).to.equal('bad');
    expect(host.attemptsOf('bad')).to.equal(1); // not retried
    expect(o.pending).to.equal(1);
    expect(((await get('bad', storeOf(scope))) as OutboxEntry).status).to.equal('needs_attention');

    await o.resend('bad', rootCause('something-else', 'other', 'Box crushed by the carrier'));
    const sent = await o.whenSent('bad');
    expect(sent.payload.idempotencyKey).to.equal('bad'); // the key never changes
    expect(sent.interactionId).to.equal('i1');
    expect((host.applied.find((a) => a.key === 'bad')!.payload as { problem: string }).problem).to.equal('Box crushed by the carrier');
    expect(host.applied.filter((a) => a.key === 'bad')).to.have.length(1);
  });

  it('a permanent error survives a reload, and a discard removes it everywhere', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    host.refuse = () => ({ code: 'permission', message: 'Agents cannot request callbacks.' });
    const first = outbox(host, scope);
    await first.enqueue('requestCallback', { ...ack('cb1'), reason: 'Severe dissatisfaction' } as never);
    await until(() => first.entry('cb1')?.status === 'needs_attention');
    await first.dispose();

    const second = outbox(host, scope);
    await second.ready;
    expect(second.entry('cb1')?.status).to.equal('needs_attention');
    expect(second.entry('cb1')?.lastError?.message).to.equal('Agents cannot request callbacks.');
    const waiting = second.whenSent('cb1').then(
      () => 'sent',
      (e: HostError) => e.code,
    );
    await second.discard('cb1');
    expect(await waiting).to.equal('not_found');
    expect(second.entry('cb1')).to.equal(undefined);
    expect(second.pending).to.equal(0);
    expect(await keys(storeOf(scope))).to.deep.equal([]);
    expect(host.applied).to.have.length(0);
  });

  it('only an entry that needs attention can be resent or discarded', async () => {
    const host = new TestHost();
    host.down = true;
    const o = outbox(host, uniqueScope(), { backoffBaseMs: 60_000 });
    await o.enqueue('acknowledgeBaggage', ack('k1'));
    const codes: string[] = [];
    await o.resend('k1').catch((e: HostError) => codes.push(e.code));
    await o.discard('k1').catch((e: HostError) => codes.push(e.code));
    await o.discard('nope').catch((e: HostError) => codes.push(e.code));
    expect(codes).to.deep.equal(['conflict', 'conflict', 'conflict']);
    expect(o.entry('k1')?.status).to.not.equal(undefined);
  });

  it('1,000 entries queued while offline are stored in one transaction and all arrive once', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    host.down = true;
    const o = outbox(host, scope, { backoffBaseMs: 60_000, backoffMaxMs: 60_000, concurrency: 8 });
    await o.ready;
    const list = Array.from({ length: 1000 }, (_, i) => ({
      kind: 'acknowledgeBaggage' as const,
      payload: ack(`k${String(i).padStart(4, '0')}`, `i${i % 10}`),
    }));
    const writes = await countWriteTransactions(() => o.enqueueMany(list));
    expect(writes).to.equal(1);
    expect(await keys(storeOf(scope))).to.have.length(1000);
    expect(o.pending).to.equal(1000);

    host.down = false;
    await o.flush();
    expect(host.applied).to.have.length(1000);
    expect(new Set(host.appliedKeys()).size).to.equal(1000);
    for (let i = 0; i < 10; i++) {
      const ordered = host.applied.filter((a) => a.interactionId === `i${i}`).map((a) => a.key);
      expect(ordered).to.deep.equal([...ordered].sort());
    }
    expect(o.pending).to.equal(0);
    expect(await keys(storeOf(scope))).to.have.length(0);
  });

  it('coalesces status updates: many deliveries do not cost one transaction each', async () => {
    const host = new TestHost();
    const o = outbox(host, uniqueScope(), { paused: true, persistDelayMs: 20 });
    await o.enqueueMany(Array.from({ length: 60 }, (_, i) => ({ kind: 'acknowledgeBaggage' as const, payload: ack(`k${i}`, `i${i % 6}`) })));
    const writes = await countWriteTransactions(async () => {
      o.resume();
      await until(() => host.applied.length === 60);
      await o.flush();
    });
    expect(writes).to.be.below(15);
  });

  it('fires change, sent and window mend-outbox-change events with the pending count', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    const o = outbox(host, scope, { paused: true });
    const seen: OutboxChangeDetail[] = [];
    const onWindow = (e: CustomEvent<OutboxChangeDetail>) => e.detail.scope === scope && seen.push(e.detail);
    window.addEventListener('mend-outbox-change', onWindow);
    const sent: string[] = [];
    o.addEventListener('sent', (e) => sent.push((e as CustomEvent<{ entry: OutboxEntry }>).detail.entry.id));
    let last: OutboxChangeDetail | undefined;
    o.addEventListener('change', (e) => (last = (e as CustomEvent<OutboxChangeDetail>).detail));
    try {
      await o.enqueue('acknowledgeBaggage', ack('k1'));
      await Promise.resolve();
      expect(last?.pending).to.equal(1);
      expect(last?.entries.map((e) => e.status)).to.deep.equal(['queued']);
      o.resume();
      await o.whenSent('k1');
      await Promise.resolve();
      expect(sent).to.deep.equal(['k1']);
      expect(last?.pending).to.equal(0);
      expect(seen.at(-1)?.entries[0].status).to.equal('sent');
      expect(seen.map((d) => d.entries[0]?.status)).to.include('sending');
    } finally {
      window.removeEventListener('mend-outbox-change', onWindow);
    }
  });

  it('the same idempotency key enqueued twice is one entry, applied once', async () => {
    const host = new TestHost();
    const o = outbox(host, uniqueScope(), { paused: true });
    await o.enqueue('acknowledgeBaggage', ack('k1'));
    await o.enqueueMany([
      { kind: 'acknowledgeBaggage', payload: ack('k1') },
      { kind: 'acknowledgeBaggage', payload: ack('k2') },
      { kind: 'acknowledgeBaggage', payload: ack('k2') },
    ]);
    expect(o.entries.map((e) => e.id)).to.deep.equal(['k1', 'k2']);
    o.resume();
    await o.flush();
    expect(host.appliedKeys()).to.deep.equal(['k1', 'k2']);
    expect(host.attempts).to.have.length(2);
  });

  it('keeps the stored payload safe from later changes by the caller', async () => {
    const host = new TestHost();
    const o = outbox(host, uniqueScope(), { paused: true });
    const payload = rootCause('k1');
    await o.enqueue('logRootCause', payload);
    payload.problem = 'changed after the fact';
    expect((o.entry('k1')!.payload as { problem: string }).problem).to.equal('Parcel arrived crushed');
    o.resume();
    await o.whenSent('k1');
    expect((host.applied[0].payload as { problem: string }).problem).to.equal('Parcel arrived crushed');
  });

  it('rejects a write it cannot store with invalid_request, storing nothing', async () => {
    const scope = uniqueScope();
    const o = outbox(new TestHost(), scope, { paused: true });
    const error = await o.enqueue('deleteCustomer' as never, ack('k1') as never).catch((e: HostError) => e);
    expect((error as HostError).code).to.equal('invalid_request');
    const noKey = await o.enqueue('acknowledgeBaggage', { ...ack('x'), idempotencyKey: '' }).catch((e: HostError) => e);
    expect((noKey as HostError).code).to.equal('invalid_request');
    expect(await keys(storeOf(scope))).to.deep.equal([]);
  });

  it('skips malformed records in IndexedDB and still delivers the good ones', async () => {
    const scope = uniqueScope();
    const store = storeOf(scope);
    const good: OutboxEntry = {
      id: 'good', kind: 'acknowledgeBaggage', payload: ack('good'), interactionId: 'i1', seq: 1,
      createdAt: '2026-01-06T10:00:00Z', status: 'sending', attempts: 1,
    };
    await set('good', good, store);
    await set('junk', { id: 'junk', kind: 'dropTables' }, store);
    await set('other', 'just a string', store);
    const host = new TestHost();
    const o = outbox(host, scope);
    await o.whenSent('good'); // an interrupted 'sending' is sent again, with its key
    expect(host.appliedKeys()).to.deep.equal(['good']);
    expect(o.entries.map((e) => e.id)).to.deep.equal(['good']);
  });

  it('re-reads the stored keys on its timer only while the page is visible', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    // Capture the re-scan timer instead of waiting for it.
    const timers: Array<() => void> = [];
    const setIntervalBefore = globalThis.setInterval;
    globalThis.setInterval = ((fn: () => void) => {
      timers.push(fn);
      return setIntervalBefore(() => {}, 1e9);
    }) as typeof setInterval;
    let o: Outbox;
    try {
      o = outbox(host, scope, { rescanMs: 50, paused: true });
    } finally {
      globalThis.setInterval = setIntervalBefore;
    }
    await o.ready;
    const orphan: OutboxEntry = {
      id: 'orphan', kind: 'acknowledgeBaggage', payload: ack('orphan'), interactionId: 'i1', seq: 1,
      createdAt: '2026-01-06T10:00:00Z', status: 'queued', attempts: 0,
    };
    await set('orphan', orphan, storeOf(scope)); // stored by a page that never told
    let reads = 0;
    const getAllKeys = IDBObjectStore.prototype.getAllKeys;
    IDBObjectStore.prototype.getAllKeys = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAllKeys']>) {
      reads++;
      return getAllKeys.apply(this, args);
    };
    try {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      for (const fn of timers) fn(); // hidden: the timer reads nothing
      delete (document as { hidden?: boolean }).hidden;
      for (const fn of timers) fn(); // visible: it reads the keys and finds the orphan
      await until(() => o.entries.some((e) => e.id === 'orphan'), 'the visible page finds the orphan');
    } finally {
      delete (document as { hidden?: boolean }).hidden;
      IDBObjectStore.prototype.getAllKeys = getAllKeys;
    }
    expect(reads).to.equal(1);
    o.resume();
    await o.whenSent('orphan');
    expect(host.appliedKeys()).to.deep.equal(['orphan']);
  });

  it('keeps only the newest delivered entries in memory', async () => {
    const host = new TestHost();
    const o = outbox(host, uniqueScope(), { keepSent: 3, paused: true });
    await o.enqueueMany(Array.from({ length: 6 }, (_, i) => ({ kind: 'acknowledgeBaggage' as const, payload: ack(`k${i}`) })));
    o.resume();
    await o.flush();
    expect(o.entries.map((e) => e.id)).to.deep.equal(['k3', 'k4', 'k5']);
    expect(host.applied).to.have.length(6);
  });

  it('outboxFor gives one outbox per host and scope; dispose removes its listeners', async () => {
    const host = guardHost(new TestHost());
    const scope = uniqueScope();
    const a = outboxFor(host, scope);
    expect(outboxFor(host, scope)).to.equal(a);
    expect(outboxFor(host, scope + '-x')).to.not.equal(a);
    open.push(outboxFor(host, scope + '-x'));
    await a.dispose();
    const b = outboxFor(host, scope);
    open.push(b);
    expect(b).to.not.equal(a);
    let changes = 0;
    a.addEventListener('change', () => changes++);
    window.dispatchEvent(new Event('online'));
    await tick(10); // a change event has its chance to fire
    expect(changes).to.equal(0);
  });
});

describe('Outbox: a lock or store that fails', () => {
  it('tries again after the backoff, never at once, and then delivers', async () => {
    const host = new TestHost();
    const calls: number[] = [];
    const lock = {
      run<T>(_name: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
        calls.push(performance.now());
        if (calls.length <= 3) return Promise.reject(new DOMException('The lock request failed.', 'AbortError'));
        return task(new AbortController().signal);
      },
    };
    const o = outbox(host, uniqueScope(), { lock, backoffBaseMs: 20 });
    await o.enqueue('acknowledgeBaggage', ack('lock-1'));
    await o.whenSent('lock-1');
    expect(host.appliedKeys()).to.deep.equal(['lock-1']);
    // A failure that repeated at once would spin the page (each attempt a microtask after the last).
    const gaps = calls.slice(1, 4).map((at, i) => at - calls[i]!);
    for (const gap of gaps) expect(gap, 'the wait after a failed attempt').to.be.at.least(15);
  });
});
