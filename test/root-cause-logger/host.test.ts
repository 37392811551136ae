import { expect, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sessionFor } from '../../src/adapter/session.js';
import type { RootCauseLog } from '../../src/adapter/host-adapter.js';
import { DEFAULT_POLICY } from '../../src/core/recovery.js';
import type { Interaction } from '../../src/core/model.js';
import type { MendRootCauseLogger } from '../../src/define/root-cause-logger.js';
import { tick } from '../helpers/until.js';
import { $, combo, disposeOutboxes, fill, hostedLogger, newInteraction, RECURRENCE, submit, TAXONOMY, text, typeInto, until } from './helpers.js';

afterEach(disposeOutboxes);

function adapterFor(interaction: Interaction | null, options: ConstructorParameters<typeof MemoryAdapter>[1] = {}) {
  return new MemoryAdapter(
    { context: { interaction }, taxonomy: TAXONOMY, policy: DEFAULT_POLICY, recurrence: RECURRENCE },
    { latency: 1, ...options },
  );
}

async function ready(el: MendRootCauseLogger): Promise<void> {
  await until(() => !combo(el).disabled && !!$(el, '#cause-hint'));
  await el.updateComplete;
}

const logsOf = (adapter: MemoryAdapter, interactionId: string) =>
  adapter.received.filter((w) => w.kind === 'logRootCause' && (w.payload as RootCauseLog).interactionId === interactionId);

describe('<mend-root-cause-logger> with a host', () => {
  it('loads the taxonomy from the host, reserving space while loading', async () => {
    const adapter = adapterFor(newInteraction());
    const hold = adapter.hold('getTaxonomy');
    const el = await hostedLogger(adapter);
    await hold.waitFor(1);
    await el.updateComplete;
    expect(text(el, '#cause-hint')).to.equal('Loading…');
    expect($(el, '#cause-hint')!.getAttribute('aria-busy')).to.equal('true');
    expect(combo(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await hold.release();
    await ready(el);
    expect(text(el, '#cause-hint')).to.contain('Type to search 6 root causes');
  });

  it('a failed taxonomy load says what failed and retries', async () => {
    const adapter = adapterFor(newInteraction());
    adapter.failNext('getTaxonomy', 'unavailable');
    const el = await hostedLogger(adapter);
    await until(() => !!$(el, 'button[part="retry"]'));
    expect(text(el, '#cause-hint')).to.contain('Could not load');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button[part="retry"]')!.click();
    await ready(el);
    expect(combo(el).disabled).to.equal(false);
  });

  it('a malformed taxonomy is an error state, not an exception', async () => {
    const adapter = adapterFor(newInteraction());
    adapter.malformNext('getTaxonomy', { version: 1, departments: 'nope', causes: [] });
    const el = await hostedLogger(adapter);
    await until(() => !!$(el, 'button[part="retry"]'));
    expect(text(el, '#cause-hint')).to.contain('departments');
  });

  it('a host without a taxonomy gets a quiet line', async () => {
    const adapter = adapterFor(newInteraction(), { capabilities: { taxonomy: false } });
    const el = await hostedLogger(adapter);
    await until(() => text(el, '#cause-hint').includes('does not provide'));
    expect($(el, '#cause-hint')!.getAttribute('part')).to.equal('quiet');
    await expect(el).to.be.accessible();
  });

  it('shows recurrence counted by the host', async () => {
    const adapter = adapterFor(newInteraction());
    const el = await hostedLogger(adapter);
    await ready(el);
    await fill(el, 'wrong item');
    await until(() => !!$(el, '[part="recurrence"]'));
    expect(text(el, '[part="recurrence"]')).to.equal('Logged 14 times in 7 days, routed to Warehouse.');
  });

  it('saving is safe at once, then delivered exactly once', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await ready(el);
    await fill(el);
    const logged = oneEvent(el, 'mend-root-cause-log');
    await submit(el);
    const { detail } = await logged;
    expect(detail.interactionId).to.equal(interaction.id);
    expect(el.complete).to.equal(true);
    await until(() => text(el, '[part="status"]').includes('Delivered.'));
    expect(logsOf(adapter, interaction.id).length).to.equal(1);
    expect((logsOf(adapter, interaction.id)[0]!.payload as RootCauseLog).idempotencyKey).to.equal(detail.idempotencyKey);
    // Said once, at the save: what happened and what comes next (a prompt delivery is not said again, #20).
    const said = () => text(el, '[role="status"]');
    await until(() => said() === 'Root cause logged: Wrong item picked, for Warehouse. Next: wrap up the contact.', 'the save said');
    await tick(300); // the session's voice speaks after a quiet moment: a second announcement would be in by now
    expect(said()).to.not.contain('Delivered.');
    await expect(el).to.be.accessible();
    // Confirmed: the draft's text is gone from the device; that it was logged is kept.
    el.remove();
    const stored = Object.keys(localStorage).filter((k) => k.includes(interaction.id)).map((k) => localStorage.getItem(k)).join('');
    expect(stored).to.not.contain('wrong colour');
    expect(stored).to.contain(detail.idempotencyKey);
  });

  it('shows "Saved on this device; sending…" before the host answers', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await ready(el);
    const hold = adapter.hold('logRootCause');
    await fill(el);
    await submit(el);
    await hold.waitFor(1);
    await el.updateComplete;
    expect(text(el, '[part="status"]')).to.equal('Saved on this device; sending…');
    await expect(el).to.be.accessible();
    await hold.release();
    await until(() => text(el, '[part="status"]').includes('Delivered.'));
  });

  it('an offline save waits, then is delivered once when the host returns', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await ready(el);
    adapter.failNext('logRootCause', 'unavailable');
    await fill(el);
    await submit(el);
    await until(() => text(el, '[part="status"]').includes('not answering'));
    expect(logsOf(adapter, interaction.id).length).to.equal(0);
    expect(el.complete).to.equal(true); // safe on the device: wrap-up may go on
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online')); // the host is back
    await until(() => text(el, '[part="status"]').includes('Delivered.'));
    expect(logsOf(adapter, interaction.id).length).to.equal(1);
    // A delivery that had to wait is said (a prompt one was said with the save).
    await until(() => text(el, '[role="status"]') === 'Delivered.', 'the late delivery said');
  });

  it('an answer lost after the host applied it is retried with the same key: applied once', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await ready(el);
    adapter.malformNext('logRootCause', { nonsense: true }); // applied, but the answer is garbage
    await fill(el);
    await submit(el);
    await until(() => adapter.calls.logRootCause >= 1 && text(el, '[part="status"]').includes('not answering'));
    window.dispatchEvent(new Event('online'));
    await until(() => text(el, '[part="status"]').includes('Delivered.'));
    expect(adapter.calls.logRootCause).to.equal(2);
    expect(logsOf(adapter, interaction.id).length).to.equal(1);
  });

  it('a refused log needs attention: the agent fixes it and resends, delivered once', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await ready(el);
    adapter.failNext('logRootCause', 'invalid_request');
    await fill(el);
    await submit(el);
    await until(() => !!$(el, 'button[part="resend"]'));
    expect(text(el, '[part="status"]')).to.contain('Not accepted: The host failed (invalid_request).');
    expect(el.complete).to.equal(false);
    expect($<HTMLFieldSetElement>(el, 'fieldset')!.disabled).to.equal(false);
    expect($(el, 'button[part="discard"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    const key = logsOf(adapter, interaction.id).length;
    expect(key).to.equal(0);
    await typeInto(el, '#problem', 'Corrected problem');
    $<HTMLButtonElement>(el, 'button[part="resend"]')!.click();
    await until(() => text(el, '[part="status"]').includes('Delivered.'));
    const logs = logsOf(adapter, interaction.id);
    expect(logs.length).to.equal(1);
    expect((logs[0]!.payload as RootCauseLog).problem).to.equal('Corrected problem');
    expect(el.complete).to.equal(true);
  });

  it('a refused log can be discarded, and the form is editable again', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await ready(el);
    adapter.failNext('logRootCause', 'permission');
    await fill(el);
    await submit(el);
    await until(() => !!$(el, 'button[part="discard"]'));
    $<HTMLButtonElement>(el, 'button[part="discard"]')!.click();
    await until(() => !$(el, 'button[part="discard"]'));
    expect($(el, '[part="status"]')).to.equal(null);
    expect(text(el, 'button[part="save"]')).to.equal('Log root cause');
    expect(el.complete).to.equal(false);
    expect($<HTMLTextAreaElement>(el, '#problem')!.value).to.equal('Customer received the wrong colour.');
  });

  it('after a reload, a log the outbox no longer holds shows as delivered', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    // The page was closed right after delivery, before the draft recorded it. Drafts are kept per
    // host (its storage scope) and interaction.
    localStorage.setItem(
      `mend:draft:root-cause-logger:${adapter.storageScope}|${interaction.id}`,
      JSON.stringify({ at: Date.now(), value: { problem: 'p', query: '', causeId: 'rc-pick', departmentId: '', resolution: 'r', resolutionEdited: true, notify: false, key: 'k-gone', savedId: 'k-gone' } }),
    );
    const el = await hostedLogger(adapter);
    await until(() => text(el, '[part="status"]').includes('Delivered.'));
    expect(el.complete).to.equal(true);
  });

  it('a host without logRootCause gets a quiet line; saving hands the log to the page', async () => {
    const adapter = adapterFor(newInteraction(), { capabilities: { logRootCause: false } });
    const el = await hostedLogger(adapter);
    await ready(el);
    expect(text(el, 'form > [part="quiet"]')).to.contain('does not store root-cause logs');
    await fill(el);
    setTimeout(() => submit(el));
    await oneEvent(el, 'mend-root-cause-log');
    expect(adapter.received.length).to.equal(0);
  });

  it('follows the active interaction: each contact keeps its own draft', async () => {
    const a = newInteraction();
    const b = newInteraction({ customerId: 'cust-2' });
    const adapter = adapterFor(a);
    const el = await hostedLogger(adapter);
    await ready(el);
    await typeInto(el, '#problem', 'Problem of A');
    adapter.setInteraction(b);
    await until(() => $<HTMLTextAreaElement>(el, '#problem')!.value === '');
    adapter.setInteraction(a);
    await until(() => $<HTMLTextAreaElement>(el, '#problem')!.value === 'Problem of A');
  });
});

describe('<mend-root-cause-logger> wrap-up guard', () => {
  it('holds the host wrap-up with a visible message until the log is saved', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await ready(el);
    const refused = await adapter.wrapUp(interaction.id);
    expect(refused).to.deep.equal({ allow: false, message: 'Log the root cause before wrap-up.' });
    await el.updateComplete;
    expect(text(el, '[part="wrap-up"]')).to.contain('Log the root cause before wrap-up.');
    await expect(el).to.be.accessible();
    await fill(el);
    await submit(el);
    expect((await adapter.wrapUp(interaction.id)).allow).to.equal(true);
    await el.updateComplete;
    expect($(el, '[part="wrap-up"]')).to.equal(null);
  });

  it('is configurable: guard-wrap-up off lets wrap-up through', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter, { guard: false });
    await ready(el);
    expect((await adapter.wrapUp(interaction.id)).allow).to.equal(true);
    el.guardWrapUp = true;
    await el.updateComplete;
    expect((await adapter.wrapUp(interaction.id)).allow).to.equal(false);
  });

  it('unregisters when the widget leaves the page', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await ready(el);
    expect((await adapter.wrapUp(interaction.id)).allow).to.equal(false);
    el.remove();
    expect((await adapter.wrapUp(interaction.id)).allow).to.equal(true);
  });

  it('a host without the capability is never blocked', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction, { capabilities: { wrapUpGuard: false } });
    const el = await hostedLogger(adapter);
    await ready(el);
    expect((await adapter.wrapUp(interaction.id)).allow).to.equal(true);
    expect(el.complete).to.equal(false);
  });
});

describe('<mend-root-cause-logger> time limit (R10) with a host', () => {
  it('an overdue contact fires mend-time-limit and notifies a manager once', async () => {
    const interaction = newInteraction({ startedAt: new Date(Date.now() - 45 * 60_000).toISOString() });
    const adapter = adapterFor(interaction);
    const seen: CustomEvent[] = [];
    const listener = (e: Event) => seen.push(e as CustomEvent);
    document.addEventListener('mend-time-limit', listener);
    try {
      const el = await hostedLogger(adapter);
      await until(() => seen.length === 1);
      expect(seen[0]!.detail).to.include({ interactionId: interaction.id, minutesOpen: 45, limitMinutes: 30, notified: true });
      const notices = () => adapter.received.filter((w) => w.kind === 'notifyManager');
      await until(() => notices().length === 1);
      expect((notices()[0]!.payload as { idempotencyKey: string }).idempotencyKey).to.equal(`notify:${interaction.id}`);
      expect(el.checkTimeLimit()).to.equal(true);
      await el.updateComplete;
      expect(text(el, '[part="time-limit"]')).to.contain('a manager has been notified');
      await expect(el).to.be.accessible();
      // A new element for the same contact (same session) must not notify the manager a second time,
      // nor tell the page again: mend-time-limit is once per interaction.
      el.remove();
      const again = await hostedLogger(adapter);
      await until(() => again.checkTimeLimit());
      await (await sessionFor(adapter).openOutbox()).flush();
      expect(notices().length).to.equal(1);
      expect(seen.length).to.equal(1);
    } finally {
      document.removeEventListener('mend-time-limit', listener);
    }
  });
});

describe('<mend-root-cause-logger> drafts per host', () => {
  it('a contact of the same id in another host does not inherit the draft', async () => {
    const interaction = newInteraction();
    const first = await hostedLogger(adapterFor(interaction));
    await ready(first);
    await typeInto(first, '#problem', 'Typed in the first console');
    first.remove(); // disconnecting stores the draft
    const again = await hostedLogger(adapterFor(interaction));
    await ready(again);
    expect(again.shadowRoot!.querySelector<HTMLTextAreaElement>('#problem')!.value).to.equal('');
  });

  it('the same host gets its draft back', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const first = await hostedLogger(adapter);
    await ready(first);
    await typeInto(first, '#problem', 'Typed before the reload');
    first.remove();
    const again = await hostedLogger(adapter);
    await ready(again);
    expect(again.shadowRoot!.querySelector<HTMLTextAreaElement>('#problem')!.value).to.equal('Typed before the reload');
  });
});
