import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MendRootCauseLogger } from '../../src/define/root-cause-logger.js';
import type { RootCauseLog } from '../../src/adapter/host-adapter.js';
import { $, chooseCause, combo, fill, newInteraction, plainLogger, submit, text, typeInto } from './helpers.js';

const dept = (el: MendRootCauseLogger) => $<HTMLSelectElement>(el, '#department')!;

async function selectDepartment(el: MendRootCauseLogger, value: string): Promise<void> {
  dept(el).value = value;
  dept(el).dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<mend-root-cause-logger> routing and recurrence (R8)', () => {
  it('routes to the department of the chosen root cause', async () => {
    const el = await plainLogger();
    expect(dept(el).value).to.equal('');
    await chooseCause(el, 'late carrier');
    expect(dept(el).value).to.equal('shipping');
    expect(text(el, '#department-hint')).to.equal('Routed by the root cause.');
    expect(dept(el).getAttribute('aria-describedby')).to.contain('department-hint');
    await expect(el).to.be.accessible();
  });

  it('the agent can override the department, and the override shows and is logged', async () => {
    const el = await plainLogger();
    await fill(el, 'wrong item');
    expect(dept(el).value).to.equal('warehouse');
    await selectDepartment(el, 'shipping');
    expect(text(el, '#department-hint')).to.equal('Changed from Warehouse, suggested by the root cause.');
    setTimeout(() => submit(el));
    const { detail } = await oneEvent(el, 'mend-root-cause-log');
    expect(detail.departmentId).to.equal('shipping');
    expect(detail.causeId).to.equal('rc-pick');
  });

  it('choosing another root cause follows its routing again', async () => {
    const el = await plainLogger();
    await chooseCause(el, 'wrong item');
    await selectDepartment(el, 'billing');
    await chooseCause(el, 'lost parcel');
    expect(dept(el).value).to.equal('shipping');
    expect(text(el, '#department-hint')).to.equal('Routed by the root cause.');
  });

  it('says when the chosen cause is recurring, with the count and the department', async () => {
    const el = await plainLogger();
    await chooseCause(el, 'wrong item');
    expect(text(el, '[part="recurrence"]')).to.equal('Logged 14 times in 7 days, routed to Warehouse.');
    expect(combo(el).getAttribute('aria-describedby')).to.contain('recurrence');
    await expect(el).to.be.accessible();
    await chooseCause(el, 'late carrier'); // 2 < threshold 5
    expect($(el, '[part="recurrence"]')).to.equal(null);
  });
});

describe('<mend-root-cause-logger> validation', () => {
  it('an empty submit marks every required field, explains, and focuses the first', async () => {
    const el = await plainLogger();
    let fired = 0;
    el.addEventListener('mend-root-cause-log', () => fired++);
    await submit(el);
    for (const id of ['problem', 'cause', 'department', 'resolution']) {
      const field = $(el, `#${id}`)!;
      expect(field.getAttribute('aria-invalid'), id).to.equal('true');
      const describedBy = field.getAttribute('aria-describedby')!.split(' ');
      expect(describedBy, id).to.include(`${id}-error`);
      expect(text(el, `#${id}-error`)).to.not.equal('');
    }
    expect(text(el, '#cause-error')).to.equal('Choose a root cause from the list.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('problem');
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('text typed but not chosen from the list is not a root cause; focus goes to it', async () => {
    const el = await plainLogger();
    await typeInto(el, '#problem', 'Wrong colour');
    await typeInto(el, '#cause', 'something I made up');
    await typeInto(el, '#resolution', 'Replaced');
    await submit(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('cause');
    expect(combo(el).getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#problem')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('errors clear as the agent fixes them', async () => {
    const el = await plainLogger();
    await submit(el);
    await typeInto(el, '#problem', 'Wrong colour');
    expect($(el, '#problem')!.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#problem-error')).to.equal(null);
  });
});

describe('<mend-root-cause-logger> plain-properties save', () => {
  it('without an adapter, saving fires mend-root-cause-log with the log', async () => {
    const interaction = newInteraction({ customerId: 'cust-9' });
    const el = await plainLogger(interaction);
    await fill(el);
    $<HTMLInputElement>(el, '#notify')!.click();
    setTimeout(() => submit(el));
    const { detail } = await oneEvent(el, 'mend-root-cause-log');
    const log = detail as RootCauseLog;
    expect(log).to.include({
      interactionId: interaction.id,
      customerId: 'cust-9',
      problem: 'Customer received the wrong colour.',
      causeId: 'rc-pick',
      departmentId: 'warehouse',
      resolution: 'Sent the right item by express.',
      notifyDepartment: true,
    });
    expect(log.idempotencyKey).to.be.a('string').with.length.greaterThan(8);
    expect(Number.isNaN(Date.parse(log.at))).to.equal(false);
    await el.updateComplete;
    // Without an adapter nothing reaches a host, and the logger says so rather than pretend.
    expect(text(el, '[part="status"]')).to.equal('Logged on this page only: no host records root causes here, so nothing was recorded.');
    expect(el.complete).to.equal(true);
    expect($<HTMLFieldSetElement>(el, 'fieldset')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a double click logs once', async () => {
    const el = await plainLogger();
    await fill(el);
    const logs: RootCauseLog[] = [];
    el.addEventListener('mend-root-cause-log', (e) => logs.push(e.detail));
    const button = $<HTMLButtonElement>(el, 'button[type="submit"]')!;
    button.click();
    button.click();
    await submit(el);
    expect(logs.length).to.equal(1);
  });

  it('works by keyboard alone, from the first field to the save button', async () => {
    const el = await plainLogger();
    const logged = new Promise<RootCauseLog>((resolve) =>
      el.addEventListener('mend-root-cause-log', (e) => resolve(e.detail), { once: true }),
    );
    $<HTMLTextAreaElement>(el, '#problem')!.focus();
    await sendKeys({ type: 'Parcel never arrived' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'lost' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' }); // department (routed)
    await sendKeys({ press: 'Tab' }); // resolution
    await sendKeys({ type: 'Reshipped' });
    await sendKeys({ press: 'Tab' }); // notify
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // save
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Log root cause');
    await sendKeys({ press: 'Enter' });
    const log = await logged;
    expect(log).to.include({ problem: 'Parcel never arrived', causeId: 'rc-lost', departmentId: 'shipping', resolution: 'Reshipped', notifyDepartment: true });
  });

  it('without an interaction it says so and cannot save', async () => {
    const el = await plainLogger(null);
    expect(text(el, '[part="quiet"]')).to.equal('No active interaction.');
    expect($(el, 'button[type="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});

describe('<mend-root-cause-logger> draft across reloads', () => {
  it('a new element for the same interaction reads the draft back', async () => {
    const interaction = newInteraction();
    const first = await plainLogger(interaction);
    await typeInto(first, '#problem', 'Half-typed problem');
    await chooseCause(first, 'lost');
    first.remove(); // flushes the draft
    const second = await plainLogger(interaction);
    expect($<HTMLTextAreaElement>(second, '#problem')!.value).to.equal('Half-typed problem');
    expect(combo(second).value).to.equal('Lost parcel');
    expect(dept(second).value).to.equal('shipping');
  });

  it('drafts are per interaction', async () => {
    const a = newInteraction();
    const b = newInteraction();
    const el = await plainLogger(a);
    await typeInto(el, '#problem', 'Problem of A');
    el.interaction = b;
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#problem')!.value).to.equal('');
    await typeInto(el, '#problem', 'Problem of B');
    el.interaction = a;
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#problem')!.value).to.equal('Problem of A');
  });

  it('after a confirmed save the text is cleared from storage, the log stays complete', async () => {
    const interaction = newInteraction();
    const first = await plainLogger(interaction);
    await fill(first);
    await submit(first);
    expect(first.complete).to.equal(true);
    first.remove();
    const stored = Object.keys(localStorage)
      .filter((k) => k.includes(interaction.id))
      .map((k) => localStorage.getItem(k) ?? '');
    expect(stored.join('')).to.not.contain('wrong colour');
    const second = await plainLogger(interaction);
    expect(second.complete).to.equal(true);
    expect(text(second, '[part="status"]')).to.contain('nothing was recorded');
  });

  it('what the agent typed is stored when the page hides, before the coalesced write', async () => {
    const interaction = newInteraction();
    const loggers = [await plainLogger(interaction), await plainLogger(newInteraction())];
    const stored = () =>
      Object.keys(localStorage)
        .filter((k) => k.includes(interaction.id))
        .map((k) => localStorage.getItem(k) ?? '')
        .join('');
    // Typed and hidden in the same task: only the page's pagehide listener can have stored it.
    const area = $<HTMLTextAreaElement>(loggers[0], '#resolution')!;
    area.value = 'Reshipped before the page hid';
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(stored()).to.not.contain('Reshipped before the page hid');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(stored()).to.contain('Reshipped before the page hid');
    loggers.forEach((el) => el.remove());
  });
});

describe('<mend-root-cause-logger> time limit (R10) and wrap-up check without a host', () => {
  it('fires mend-time-limit once when the interaction runs past the limit unresolved', async () => {
    const started = Date.parse('2026-03-01T10:00:00Z');
    const interaction = newInteraction({ startedAt: new Date(started).toISOString() });
    const el = await fixture<MendRootCauseLogger>(html`<mend-root-cause-logger
      .interaction=${interaction}
      .now=${started + 10 * 60_000}
    ></mend-root-cause-logger>`);
    const events: CustomEvent[] = [];
    el.addEventListener('mend-time-limit', (e) => events.push(e));
    expect(el.checkTimeLimit()).to.equal(false);
    el.now = started + 31 * 60_000;
    await el.updateComplete;
    expect(events.length).to.equal(1);
    expect(events[0]!.detail).to.include({ interactionId: interaction.id, minutesOpen: 31, limitMinutes: 30, notified: false });
    expect(el.checkTimeLimit()).to.equal(true);
    el.now = started + 40 * 60_000;
    await el.updateComplete;
    expect(events.length).to.equal(1);
    expect(text(el, '[part="time-limit"]')).to.contain('Open for 31 minutes');
    await expect(el).to.be.accessible();
  });

  it('a resolved interaction is never overdue', async () => {
    const started = Date.parse('2026-03-01T10:00:00Z');
    const el = await fixture<MendRootCauseLogger>(html`<mend-root-cause-logger
      .interaction=${newInteraction({ startedAt: new Date(started).toISOString(), resolved: true })}
      .now=${started + 120 * 60_000}
    ></mend-root-cause-logger>`);
    expect(el.checkTimeLimit()).to.equal(false);
    expect($(el, '[part="time-limit"]')).to.equal(null);
  });

  it('checkWrapUp refuses with a visible message until the log is saved', async () => {
    const el = await plainLogger();
    expect(el.complete).to.equal(false);
    setTimeout(() => el.checkWrapUp());
    const { detail } = await oneEvent(el, 'mend-wrap-up-check');
    expect(detail.allow).to.equal(false);
    await el.updateComplete;
    expect(text(el, '[part="wrap-up"]')).to.contain('Log the root cause before wrap-up.');
    await expect(el).to.be.accessible();
    await fill(el);
    await submit(el);
    expect(el.checkWrapUp()).to.deep.equal({ allow: true });
    await el.updateComplete;
    expect($(el, '[part="wrap-up"]')).to.equal(null);
  });
});
