// One suite, run against every widget that writes: its event fires only after the write is stored,
// never for a write that could not be stored, and exactly once per documented unit (issue #21).
import { expect, waitUntil } from '@open-wc/testing';
import type { Outbox } from '../../src/adapter/outbox.js';
import { WIDGETS, disposeAll, refuseStorage, shadowText } from './helpers.js';

let undo: (() => void) | null = null;
afterEach(async () => {
  undo?.();
  undo = null;
  await disposeAll();
});

for (const widget of WIDGETS) {
  describe(`${widget.name}: ${widget.event} tells only what is stored`, () => {
    it('fires after the write is stored, not when storing fails; once after the retry is stored; never twice', async () => {
      const m = await widget.mount();
      const outbox: Outbox = await m.session.openOutbox();
      const fired: Array<{ key: string; stored: boolean }> = [];
      m.el.addEventListener(widget.event, (event) => {
        const key = (event as CustomEvent<{ idempotencyKey?: string; recordKey?: string }>).detail.idempotencyKey;
        // At the moment the page hears of it, the write is in the outbox (or, for a record
        // without a key in its detail, some write of this kind is).
        const stored = key ? !!outbox.entry(key) : outbox.entries.some((e) => e.kind === widget.kind);
        fired.push({ key: key ?? '', stored });
      });

      undo = refuseStorage();
      await m.act();
      await waitUntil(() => shadowText(m.el).includes('This browser cannot store work right now.'), 'the failure says storage', { timeout: 5000 });
      expect(fired, 'nothing is told while nothing is stored').to.have.length(0);
      expect(outbox.pending).to.equal(0);
      // The cause is this browser, in words: not a refusal by the host, not the browser's jargon.
      expect(shadowText(m.el)).not.to.contain('Not accepted');
      expect(shadowText(m.el)).not.to.contain('quota');

      undo();
      await m.act();
      await waitUntil(() => fired.length === 1, `${widget.event} fires once stored`, { timeout: 5000 });
      expect(fired[0].stored, 'stored before it was told').to.equal(true);
      await waitUntil(() => m.written() === 1, 'the host receives the write', { timeout: 5000 });
      await m.act(); // a click after it is done changes nothing
      await outbox.flush();
      expect(fired).to.have.length(1);
      expect(m.written()).to.equal(1);
    });
  });
}

describe('root-cause logger: mend-time-limit tells what happened to the manager\'s notice', () => {
  it('storing refused: fires once with notified false and says no manager was notified; a reload does not fire again', async () => {
    const { fixture, html } = await import('@open-wc/testing');
    const { MemoryAdapter } = await import('../../src/adapter/memory-adapter.js');
    const { DEFAULT_POLICY } = await import('../../src/core/recovery.js');
    const { newInteraction, TAXONOMY } = await import('../root-cause-logger/helpers.js');
    const { adapters } = await import('./helpers.js');
    const interaction = newInteraction({ startedAt: new Date(Date.now() - 45 * 60_000).toISOString() });
    const adapter = new MemoryAdapter({ context: { interaction }, taxonomy: TAXONOMY, policy: DEFAULT_POLICY }, { latency: 1 });
    adapters.push(adapter);
    const seen: CustomEvent[] = [];
    const listener = (e: Event) => seen.push(e as CustomEvent);
    document.addEventListener('mend-time-limit', listener);
    undo = refuseStorage();
    try {
      const el = await fixture<HTMLElement>(html`<mend-root-cause-logger .adapter=${adapter}></mend-root-cause-logger>`);
      await waitUntil(() => seen.length === 1, 'mend-time-limit fires', { timeout: 5000 });
      expect(seen[0].detail.notified).to.equal(false);
      await waitUntil(() => !shadowText(el).includes('a manager has been notified'), 'the text does not claim a notice', { timeout: 5000 });
      undo();
      el.remove();
      const again = await fixture<HTMLElement & { checkTimeLimit(): boolean }>(html`<mend-root-cause-logger .adapter=${adapter}></mend-root-cause-logger>`);
      await waitUntil(() => again.checkTimeLimit(), 'the new element finds it overdue', { timeout: 5000 });
      await waitUntil(() => adapter.received.some((w) => w.kind === 'notifyManager'), 'the notice is stored and sent', { timeout: 5000 });
      expect(seen, 'once per interaction').to.have.length(1);
    } finally {
      document.removeEventListener('mend-time-limit', listener);
    }
  });
});
