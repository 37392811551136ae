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
