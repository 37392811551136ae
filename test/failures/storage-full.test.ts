// Storage full is a state of the session, not an error per click (issue #21): said once, politely,
// with what still works and what to do, in every writing widget; gone by itself when storing works.
import { expect, waitUntil } from '@open-wc/testing';
import { MendElement } from '../../src/base/mend-element.js';
import { WIDGETS, disposeAll, refuseStorage, sharedAdapter, type Mounted } from './helpers.js';

// Every announcement any widget asks for (the live region fills on a timer).
const said: string[] = [];
const proto = MendElement.prototype as unknown as { announce(message: string): void };
const original = proto.announce;
before(() => {
  proto.announce = function (this: MendElement, message: string) {
    said.push(message);
    original.call(this, message);
  };
});
after(() => {
  proto.announce = original;
});

let undo: (() => void) | null = null;
afterEach(async () => {
  undo?.();
  undo = null;
  said.length = 0;
  await disposeAll();
});

const notice = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="storage-notice"]');
const noticeText = (el: Element) => (notice(el)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('storage full: one state for the whole session', () => {
  it('one refused write shows one notice in every writing widget, announced once; it goes away by itself', async () => {
    const adapter = sharedAdapter();
    const mounted: Mounted[] = [];
    for (const widget of WIDGETS) mounted.push(await widget.mount({ adapter, storageProbeMs: 50 }));
    const [banner, picker, logger] = mounted;
    for (const m of mounted) expect(notice(m.el), 'no notice while storing works').to.equal(null);

    undo = refuseStorage();
    await banner.act();
    await waitUntil(() => mounted.every((m) => notice(m.el)), 'every writing widget shows the notice', { timeout: 5000 });
    expect(banner.session.storage.status).to.equal('full');
    const words = noticeText(banner.el);
    expect(words).to.contain('cannot save your work right now');
    expect(words).to.contain('still work'); // what still works
    expect(words).to.contain('free space'); // what to do
    expect(words).to.contain('goes away by itself');
    for (const m of mounted) expect(noticeText(m.el)).to.equal(words); // one message, not copies
    await expect(banner.el).to.be.accessible();
    await expect(picker.el).to.be.accessible();
    await expect(logger.el).to.be.accessible();

    // More failing clicks in other widgets: still one state, still said once.
    await picker.act();
    await logger.act();
    await waitUntil(() => logger.el.shadowRoot!.textContent!.includes('cannot store work'), 'the logger says why it did not save', { timeout: 5000 });
    const notices = said.filter((s) => s.includes('cannot save your work right now'));
    expect(notices, `announced once (${JSON.stringify(said)})`).to.have.length(1);

    // Storage works again: the session's re-probe finds it without any click.
    undo();
    await waitUntil(() => banner.session.storage.status === 'ok', 'the session notices storing works again', { timeout: 5000 });
    await waitUntil(() => mounted.every((m) => !notice(m.el)), 'the notice goes away', { timeout: 5000 });
    await banner.act();
    await waitUntil(() => banner.written() === 1, 'the write goes out', { timeout: 5000 });
  });

  it('a write that succeeds ends the state at once, and a new refusal is said again', async () => {
    const adapter = sharedAdapter();
    const banner = await WIDGETS[0].mount({ adapter, storageProbeMs: 60_000 });
    undo = refuseStorage();
    await banner.act();
    await waitUntil(() => banner.session.storage.status === 'full', 'full', { timeout: 5000 });
    undo();
    await banner.act();
    await waitUntil(() => banner.session.storage.status === 'ok', 'a stored write ends it', { timeout: 5000 });
    await waitUntil(() => !notice(banner.el), 'the notice goes away', { timeout: 5000 });
    const outbox = await banner.session.openOutbox();
    undo = refuseStorage();
    expect(await outbox.probeStorage()).to.equal(false);
    await waitUntil(() => said.filter((s) => s.includes('cannot save your work right now')).length === 2, 'said again for a new episode', { timeout: 5000 });
  });
});
