// A write stored by a tab killed right after storing it (before it could tell anyone) is sent within
// seconds by the tab that is sending, not only with the next write or page load (issue #21).
import { expect } from '@open-wc/testing';
import { guardHost } from '../../src/adapter/guard.js';
import { Outbox } from '../../src/adapter/outbox.js';
import { FakeHost, ack, uniqueScope, until } from './fake-host.js';

type TabWindow = Window & { outbox?: Outbox };
const open: Outbox[] = [];
const frames: HTMLIFrameElement[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.dispose()));
  for (const f of frames.splice(0)) f.remove();
});

async function frame(host: FakeHost, query: Record<string, string>): Promise<HTMLIFrameElement> {
  (window as unknown as { outboxTestHost: FakeHost }).outboxTestHost = host;
  const f = document.createElement('iframe');
  f.title = 'agent desktop tab';
  f.src = `/test/outbox/fixtures/tab.html?${new URLSearchParams(query)}`;
  document.body.append(f);
  frames.push(f);
  await until(() => !!(f.contentWindow as TabWindow | null)?.outbox, 5000, 'the tab page');
  return f;
}

describe('Outbox: a write of a tab that died before telling', () => {
  it('the sending tab finds it and sends it within seconds, once', async () => {
    const scope = uniqueScope('pickup');
    const host = new FakeHost();
    host.latency = 150;
    const survivor = new Outbox(guardHost(host, { timeoutMs: 2000 }), scope, { backoffBaseMs: 5, backoffMaxMs: 40, persistDelayMs: 2 });
    open.push(survivor);
    await survivor.ready;
    // The surviving tab is sending (it holds the lock) when the other tab stores its write.
    await survivor.enqueue('acknowledgeBaggage', ack('survivor-1', 'i1'));
    await until(() => host.attempts.length === 1, 3000, 'the survivor sends');

    const dying = await frame(host, { scope, paused: '1', mute: '1' });
    const tab = (dying.contentWindow as TabWindow).outbox!;
    await tab.enqueue('acknowledgeBaggage', ack('orphan-1', 'i2'));
    dying.remove(); // killed right after storing, before it told anyone or sent anything
    frames.splice(frames.indexOf(dying), 1);

    await until(() => host.appliedKeys().includes('survivor-1'), 3000, 'the survivor delivers its own write');
    await until(() => host.appliedKeys().includes('orphan-1'), 8000, 'the orphaned write is sent within seconds');
    await survivor.flush();
    expect(host.attemptsOf('orphan-1')).to.equal(1);
    expect(survivor.pending).to.equal(0);
  });
});
