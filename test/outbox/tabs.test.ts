import { expect } from '@open-wc/testing';
import { createStore, keys, set } from 'idb-keyval';
import { guardHost } from '../../src/adapter/guard.js';
import { Outbox, leaseLock, webLock, type OutboxLock } from '../../src/adapter/outbox.js';
import { TestHost } from '../helpers/test-host.js';
import { until } from '../helpers/until.js';
import { ack, uniqueScope } from '../helpers/writes.js';

const open: Outbox[] = [];
const frames: HTMLIFrameElement[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.dispose()));
  for (const f of frames.splice(0)) {
    await (f.contentWindow as TabWindow | null)?.outbox?.dispose();
    f.remove();
  }
});

type TabWindow = Window & { outbox?: Outbox };

/** Two "tabs" in this page: two Outbox instances on one scope (separate channels and lock requests). */
function tab(host: TestHost, scope: string, lock?: OutboxLock): Outbox {
  const o = new Outbox(guardHost(host, { timeoutMs: 2000 }), scope, { backoffBaseMs: 5, backoffMaxMs: 40, persistDelayMs: 2, lock });
  open.push(o);
  return o;
}

/** A real page of the same origin (an iframe) with its own Outbox on the test page's host. */
async function frame(host: TestHost, query: Record<string, string>): Promise<HTMLIFrameElement> {
  (window as unknown as { outboxTestHost: TestHost }).outboxTestHost = host;
  const f = document.createElement('iframe');
  f.title = 'agent desktop tab';
  f.src = `/test/outbox/fixtures/tab.html?${new URLSearchParams(query)}`;
  document.body.append(f);
  frames.push(f);
  await until(() => !!(f.contentWindow as TabWindow | null)?.outbox, 5000, 'the tab page');
  return f;
}
const outboxIn = (f: HTMLIFrameElement) => (f.contentWindow as TabWindow).outbox!;

const noLock: OutboxLock = { run: (_name, task) => task(new AbortController().signal) };

async function twoTabsFlush(host: TestHost, a: Outbox, b: Outbox): Promise<void> {
  host.latency = 2;
  const writes = (prefix: string) =>
    Array.from({ length: 15 }, (_, i) => ({ kind: 'acknowledgeBaggage' as const, payload: ack(`${prefix}${String(i).padStart(2, '0')}`, `i${i % 3}`) }));
  await Promise.all([a.enqueueMany(writes('a')), b.enqueueMany(writes('b'))]);
  // Each tab learns of the other's entries and statuses through the shared queue, a little later
  // than the host applies them: wait until both see all 30 sent.
  const seenSent = (o: Outbox) => o.entries.filter((e) => e.status === 'sent').length === 30;
  await until(() => host.applied.length >= 30 && a.pending === 0 && b.pending === 0 && seenSent(a) && seenSent(b), 'both tabs drained');
  await Promise.all([a.flush(), b.flush()]);
}

describe('Outbox across tabs', () => {
  for (const mode of ['web', 'lease'] as const) {
    const lock = () => (mode === 'web' ? undefined : leaseLock({ ttlMs: 400 }));

    it(`two tabs flush the same queue without a duplicate (${mode === 'web' ? 'Web Locks' : 'IndexedDB lease fallback'})`, async () => {
      const scope = uniqueScope(mode);
      const host = new TestHost();
      const a = tab(host, scope, lock());
      const b = tab(host, scope, lock());
      await twoTabsFlush(host, a, b);
      expect(host.applied).to.have.length(30);
      expect(host.attempts).to.have.length(30); // no entry was ever sent by both tabs
      // Both tabs see the same queue and statuses, including the other tab's writes.
      for (const o of [a, b]) {
        expect(o.entries.filter((e) => e.status === 'sent')).to.have.length(30);
        expect(o.pending).to.equal(0);
      }
      expect(await keys(createStore('mend-outbox-' + scope, 'entries'))).to.deep.equal([]);
    });

    it(`two real pages of the same origin flush without a duplicate (${mode})`, async () => {
      const scope = uniqueScope(mode);
      const host = new TestHost();
      const query = { scope, lock: mode };
      const [fa, fb] = await Promise.all([frame(host, query), frame(host, query)]);
      await twoTabsFlush(host, outboxIn(fa), outboxIn(fb));
      expect(host.applied).to.have.length(30);
      expect(host.attempts).to.have.length(30);
      expect(outboxIn(fa).entry('b00')?.status).to.equal('sent');
      expect(outboxIn(fb).entry('a00')?.status).to.equal('sent');
    });
  }

  it('control: without a cross-tab lock two tabs would send duplicates (the tests above can fail)', async () => {
    const scope = uniqueScope('nolock');
    const host = new TestHost();
    const a = tab(host, scope, noLock);
    const b = tab(host, scope, noLock);
    await twoTabsFlush(host, a, b);
    expect(host.applied).to.have.length(30); // the host's dedupe saves the data...
    expect(host.attempts.length).to.be.above(30); // ...but the tabs did send twice
  });

  it('a tab sees another tab\'s needs-attention entry with its reason, and can resend it', async () => {
    const scope = uniqueScope();
    const host = new TestHost();
    let refuse = true;
    host.refuse = () => (refuse ? { code: 'invalid_request', message: 'Department is unknown.' } : null);
    const a = tab(host, scope);
    const b = tab(host, scope);
    await a.enqueue('acknowledgeBaggage', ack('k1'));
    await until(() => b.entry('k1')?.status === 'needs_attention', 3000, 'the other tab to see it');
    expect(b.entry('k1')?.lastError?.message).to.equal('Department is unknown.');
    refuse = false;
    await b.resend('k1');
    await Promise.all([a.whenSent('k1'), b.whenSent('k1')]);
    expect(host.appliedKeys()).to.deep.equal(['k1']);
  });

  it('falls back to the lease when navigator.locks is missing', async () => {
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    let a: Outbox;
    let b: Outbox;
    const host = new TestHost();
    const scope = uniqueScope('nolocks');
    try {
      expect(webLock()).to.equal(null);
      a = tab(host, scope);
      b = tab(host, scope);
    } finally {
      delete (navigator as unknown as { locks?: unknown }).locks;
    }
    expect(webLock()).to.not.equal(null);
    await twoTabsFlush(host, a, b);
    expect(host.attempts).to.have.length(30);
  });

  it('the lease lock never lets two holders overlap', async () => {
    const name = uniqueScope('lease');
    let holders = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      holders++;
      most = Math.max(most, holders);
      await new Promise((r) => setTimeout(r, 5));
      order.push(n);
      holders--;
    };
    await Promise.all([0, 1, 2, 3].map((n) => leaseLock({ ttlMs: 400, pollMs: 5 }).run(name, task(n))));
    expect(most).to.equal(1);
    expect(order.sort()).to.deep.equal([0, 1, 2, 3]);
  });

  it('a lease left by a page that died is taken over once it expires', async () => {
    const name = uniqueScope('lease');
    const expires = Date.now() + 150;
    await set('lease', { owner: 'a-closed-tab', expires }, createStore('mend-lease-' + name, 'lease'));
    let startedAt = 0;
    await leaseLock({ ttlMs: 400, pollMs: 10 }).run(name, async () => {
      startedAt = Date.now();
    });
    expect(startedAt).to.be.at.least(expires);
  });

  it('a real page reload after a lost answer: the host receives the entry exactly once', async () => {
    const scope = uniqueScope('reload');
    const host = new TestHost();
    host.loseAnswers = 1;
    const f = await frame(host, { scope, base: '60000', max: '60000' });
    const before = outboxIn(f);
    await before.enqueue('acknowledgeBaggage', ack('k1'));
    await until(() => host.attempts.length === 1 && before.entry('k1')?.status === 'queued', 3000, 'the lost answer');
    f.contentWindow!.location.reload();
    await until(() => !!(f.contentWindow as TabWindow).outbox && outboxIn(f) !== before, 5000, 'the reloaded page');
    await outboxIn(f).whenSent('k1');
    expect(host.attemptsOf('k1')).to.equal(2);
    expect(host.appliedKeys()).to.deep.equal(['k1']);
  });

  it('a real page closed between storing and sending: the next page delivers it', async () => {
    const scope = uniqueScope('closed');
    const host = new TestHost();
    const closing = await frame(host, { scope, paused: '1' });
    await outboxIn(closing).enqueue('acknowledgeBaggage', ack('k1'));
    closing.remove(); // the tab is closed, nothing was sent
    frames.splice(frames.indexOf(closing), 1);
    expect(host.attempts).to.have.length(0);
    const next = await frame(host, { scope });
    await outboxIn(next).whenSent('k1');
    expect(host.appliedKeys()).to.deep.equal(['k1']);
  });
});

// A write stored by a tab killed right after storing it (before it could tell anyone) is sent within
// seconds by the tab that is sending, not only with the next write or page load (issue #21).
describe('Outbox: a write of a tab that died before telling', () => {
  it('the sending tab finds it and sends it within seconds, once', async () => {
    const scope = uniqueScope('pickup');
    const host = new TestHost();
    host.latency = 150;
    const survivor = tab(host, scope);
    await survivor.ready;
    // The surviving tab is sending (it holds the lock) when the other tab stores its write.
    await survivor.enqueue('acknowledgeBaggage', ack('survivor-1', 'i1'));
    await until(() => host.attempts.length === 1, 3000, 'the survivor sends');

    const dying = await frame(host, { scope, paused: '1', mute: '1' });
    await outboxIn(dying).enqueue('acknowledgeBaggage', ack('orphan-1', 'i2'));
    frames.splice(frames.indexOf(dying), 1);
    dying.remove(); // killed right after storing, before it told anyone or sent anything

    await until(() => host.appliedKeys().includes('survivor-1'), 3000, 'the survivor delivers its own write');
    await until(() => host.appliedKeys().includes('orphan-1'), 8000, 'the orphaned write is sent within seconds');
    await survivor.flush();
    expect(host.attemptsOf('orphan-1')).to.equal(1);
    expect(survivor.pending).to.equal(0);
  });
});
