// Issue #20, the logger's part: known facts are filled, never retyped (the problem from the subject,
// the cause suggested from the open incident's category and the recurring causes, the department
// routed from it); Enter takes the highlighted match and Enter saves; one announcement per action;
// the session's focus hand-off; the time-limit icon drawn, not an emoji.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RootCauseLog } from '../../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sessionFor } from '../../src/adapter/session.js';
import type { Incident, Interaction } from '../../src/core/model.js';
import type { MendRootCauseLogger } from '../../src/define/root-cause-logger.js';
import { tick } from '../helpers/until.js';
import { $, combo, disposeOutboxes, hostedLogger, newInteraction, plainLogger, POLICY, RECURRENCE, searched, submit, TAXONOMY, text, typeInto, until } from './helpers.js';

afterEach(disposeOutboxes);

const problem = (el: MendRootCauseLogger) => $<HTMLTextAreaElement>(el, '#problem')!;
const department = (el: MendRootCauseLogger) => $<HTMLSelectElement>(el, '#department')!;
const focused = (el: MendRootCauseLogger) => el.shadowRoot!.activeElement;

/** The customer's open incident: its category names shipping's carrier causes. */
const OPEN: Incident = {
  id: 'inc-open', occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), severity: 'high', category: 'Carrier',
  summary: 'Parcel came late again', resolved: false, remedies: [], surveyScore: null,
};
const CLOSED: Incident = { ...OPEN, id: 'inc-closed', category: 'Charges', resolved: true };

async function suggested(interaction: Interaction = newInteraction(), incidents: Incident[] = [OPEN, CLOSED]): Promise<MendRootCauseLogger> {
  return fixture<MendRootCauseLogger>(html`<mend-root-cause-logger
    .taxonomy=${TAXONOMY}
    .policy=${POLICY}
    .recurrence=${RECURRENCE}
    .incidents=${incidents}
    .interaction=${interaction}
  ></mend-root-cause-logger>`);
}

/** Every message the live region says, in order (each set of its text, empty ones left out). */
function voice(el: MendRootCauseLogger): string[] {
  const said: string[] = [];
  const region = $(el, '[role="status"]')!;
  new MutationObserver(() => {
    const t = text(el, '[role="status"]');
    if (t) said.push(t);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return said;
}

/** A logger on a MemoryAdapter whose active contact has `subject`, its taxonomy loaded. */
async function hosted(subject = 'Parcel came late'): Promise<{ interaction: Interaction; adapter: MemoryAdapter; el: MendRootCauseLogger }> {
  const interaction = newInteraction({ subject });
  const adapter = new MemoryAdapter({ context: { interaction }, taxonomy: TAXONOMY, policy: POLICY, recurrence: RECURRENCE }, { latency: 1 });
  const el = await hostedLogger(adapter);
  await until(() => !combo(el).disabled, 'the taxonomy');
  return { interaction, adapter, el };
}

/** Enter on the root-cause input (dispatched: the first match is taken while the list is open). */
function enter(el: MendRootCauseLogger): void {
  combo(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
}

async function press(el: MendRootCauseLogger, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<mend-root-cause-logger> the problem from the subject (#20)', () => {
  it("is pre-filled from the interaction's subject, per interaction", async () => {
    const a = newInteraction({ subject: 'Replacement blender also arrived broken' });
    const b = newInteraction({ subject: 'Where is my order?' });
    const el = await plainLogger(a);
    expect(problem(el).value).to.equal('Replacement blender also arrived broken');
    el.interaction = b;
    await el.updateComplete;
    expect(problem(el).value).to.equal('Where is my order?');
    el.interaction = newInteraction();
    await el.updateComplete;
    expect(problem(el).value, 'no subject, nothing filled').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('never replaces what the agent typed, nor a problem the agent cleared', async () => {
    const a = newInteraction({ subject: 'Subject line' });
    const el = await plainLogger(a);
    await typeInto(el, '#problem', 'My own words');
    el.interaction = { ...a, subject: 'A newer subject' };
    await el.updateComplete;
    expect(problem(el).value).to.equal('My own words');
    await typeInto(el, '#problem', '');
    el.interaction = { ...a };
    await el.updateComplete;
    expect(problem(el).value, 'cleared on purpose').to.equal('');
    // Back to the contact later: its draft, not the subject again.
    el.interaction = newInteraction({ subject: 'Other' });
    await el.updateComplete;
    el.interaction = a;
    await el.updateComplete;
    expect(problem(el).value).to.equal('');
  });

  it('a subject that arrives after the first render fills an untouched problem', async () => {
    const a = newInteraction();
    const el = await plainLogger(a);
    expect(problem(el).value).to.equal('');
    el.interaction = { ...a, subject: 'Charged twice' };
    await el.updateComplete;
    expect(problem(el).value).to.equal('Charged twice');
  });
});

describe('<mend-root-cause-logger> the suggested cause (#20)', () => {
  it("is preselected from the open incident's category and the recurring causes, routed, and said to be a suggestion", async () => {
    const el = await suggested();
    // "Carrier" names two causes alike; the one logged more often this week (Late carrier pickup, 2) wins.
    await until(() => combo(el).value === 'Late carrier pickup', 'the suggestion is filled in');
    expect(department(el).value).to.equal('shipping');
    expect(text(el, '#cause-hint')).to.equal('Suggested from the open incident: Carrier. Type to change it.');
    expect($(el, '#cause-hint')!.getAttribute('part')).to.equal('hint suggestion');
    expect(combo(el).getAttribute('aria-describedby')).to.contain('cause-hint');
    await expect(el).to.be.accessible();
  });

  it('only an unresolved incident suggests; none, nothing is preselected', async () => {
    const el = await suggested(newInteraction(), [CLOSED]);
    await until(() => text(el, '#cause-hint').startsWith('Type to search'), 'the type-ahead is ready');
    await tick(50); // the index is built in idle time: give a wrong suggestion its chance
    expect(combo(el).value).to.equal('');
    expect(department(el).value).to.equal('');
  });

  it('the agent can change it, and it is not suggested again for that contact', async () => {
    const interaction = newInteraction();
    const el = await suggested(interaction);
    await until(() => combo(el).value === 'Late carrier pickup', 'the suggestion is filled in');
    await typeInto(el, '#cause', 'lost');
    enter(el);
    await el.updateComplete;
    expect(combo(el).value).to.equal('Lost parcel');
    expect(text(el, '#cause-hint')).to.equal('');
    await typeInto(el, '#cause', '');
    el.requestUpdate();
    await el.updateComplete;
    expect(combo(el).value, 'a cleared suggestion stays cleared').to.equal('');
    el.remove();
    const again = await suggested(interaction);
    await tick(50);
    expect(combo(again).value, 'the draft across a reload').to.equal('');
  });

  it('once the agent typed in the field, no suggestion fills it, even emptied', async () => {
    const el = await plainLogger(newInteraction(), { taxonomy: { ...TAXONOMY } }); // a taxonomy whose index is not built yet
    el.incidents = [OPEN];
    await typeInto(el, '#cause', 'zz');
    await typeInto(el, '#cause', '');
    await tick(50);
    el.requestUpdate();
    await el.updateComplete;
    expect(combo(el).value).to.equal('');
  });

  it("with a host, comes from the customer's history the session shares (the banner's)", async () => {
    const interaction = newInteraction({ customerId: 'cust-open', subject: 'Late again' });
    const adapter = new MemoryAdapter(
      {
        context: { interaction },
        taxonomy: TAXONOMY,
        policy: POLICY,
        recurrence: RECURRENCE,
        histories: [{ customer: { id: 'cust-open', name: 'Carmen' }, incidents: [OPEN] }],
      },
      { latency: 1 },
    );
    const el = await hostedLogger(adapter);
    await until(() => combo(el).value === 'Late carrier pickup', 'suggested from the host history');
    expect(problem(el).value).to.equal('Late again');
    expect(department(el).value).to.equal('shipping');
    await expect(el).to.be.accessible();
  });
});

describe('<mend-root-cause-logger> Enter takes the match, Enter saves (#20)', () => {
  it('the first match is highlighted as the agent types, so Enter takes it', async () => {
    const el = await plainLogger();
    combo(el).focus();
    await sendKeys({ type: 'lost' });
    await searched(el);
    expect(combo(el).getAttribute('aria-activedescendant')).to.equal($(el, '[role="option"]')!.id);
    await press(el, 'Enter');
    expect(combo(el).value).to.equal('Lost parcel');
    expect(department(el).value).to.equal('shipping');
    await expect(el).to.be.accessible();
  });

  it('Enter in any field saves a complete form, once; the write reaches the host once', async () => {
    const { adapter, el } = await hosted();
    combo(el).focus();
    await sendKeys({ type: 'late carrier' });
    await searched(el);
    await press(el, 'Enter'); // takes the match
    $<HTMLTextAreaElement>(el, '#resolution')!.focus();
    await sendKeys({ type: 'Reshipped by express' });
    combo(el).focus();
    await press(el, 'Enter'); // the list is closed: the form saves
    await press(el, 'Enter'); // a second Enter is the same intent
    const logs = () => adapter.received.filter((w) => w.kind === 'logRootCause');
    await until(() => logs().length === 1, 'the log reached the host');
    expect(logs()[0]!.payload as RootCauseLog).to.include({
      problem: 'Parcel came late', causeId: 'rc-late', departmentId: 'shipping', resolution: 'Reshipped by express',
    });
    await until(() => text(el, '[part="status"]').includes('Delivered.'), 'delivered');
    await (await sessionFor(adapter).openOutbox()).flush();
    expect(logs().length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('Enter in a text area saves too (Shift+Enter is a new line); from the department select as well', async () => {
    const el = await plainLogger(newInteraction({ subject: 'Wrong colour' }));
    const logs: RootCauseLog[] = [];
    el.addEventListener('mend-root-cause-log', (e) => logs.push(e.detail));
    problem(el).focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(logs.length).to.equal(0);
    expect(el.shadowRoot!.activeElement?.id, 'Shift+Enter stays in the field').to.equal('problem');
    await typeInto(el, '#cause', 'wrong item');
    enter(el);
    await typeInto(el, '#resolution', 'Sent the right one');
    department(el).focus();
    await press(el, 'Enter');
    await until(() => logs.length === 1, 'saved from the select');
    expect(logs[0]!.problem).to.equal('Wrong colour');
  });

  it('Enter on an incomplete form says what is missing and focuses it; nothing is saved', async () => {
    const el = await plainLogger(newInteraction({ subject: 'Parcel lost' }));
    const said = voice(el);
    let fired = 0;
    el.addEventListener('mend-root-cause-log', () => fired++);
    problem(el).focus();
    await press(el, 'End');
    await press(el, 'Enter');
    await until(() => said.length > 0, 'said');
    await el.updateComplete;
    expect(said).to.deep.equal(['Not logged yet. Missing: Root cause, Responsible department, and Resolution.']);
    expect(focused(el)?.id).to.equal('cause');
    expect(problem(el).value, 'Enter added no line').to.equal('Parcel lost');
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
  });
});

describe('<mend-root-cause-logger> one voice (#20)', () => {
  it('choosing a cause says the cause, its department and its recurrence, once', async () => {
    const el = await plainLogger();
    await typeInto(el, '#cause', 'wrong item');
    await tick(); // the count of matches is said first (typing is its own action)
    const said = voice(el);
    enter(el);
    await until(() => said.length > 0, 'said');
    await tick();
    expect(said).to.deep.equal(['Wrong item picked, Warehouse. Seen 14 times this week.']);
  });

  it('a cause never seen in the window is said without a count', async () => {
    const el = await plainLogger();
    await typeInto(el, '#cause', 'lost');
    await tick();
    const said = voice(el);
    enter(el);
    await until(() => said.length > 0, 'said');
    expect(said).to.deep.equal(['Lost parcel, Shipping.']);
  });

  it('saving says once what happened and what comes next', async () => {
    const { el } = await hosted();
    await typeInto(el, '#cause', 'late carrier');
    enter(el);
    await typeInto(el, '#resolution', 'Reshipped');
    await tick();
    const said = voice(el);
    await submit(el);
    await until(() => said.length > 0, 'the save said');
    await until(() => text(el, '[part="status"]').includes('Delivered.'), 'delivered');
    await tick(300); // the session's voice speaks after a quiet moment: a second announcement would be in by now
    expect(said).to.deep.equal(['Root cause logged: Late carrier pickup, for Shipping. Next: wrap up the contact.']);
  });
});

describe('<mend-root-cause-logger> focus hand-off (#20)', () => {
  it("offers the 'root-cause' step: the first field still needing the agent, then Save once complete; never takes focus itself", async () => {
    const outside = document.createElement('button');
    outside.textContent = 'Console';
    document.body.append(outside);
    outside.focus();
    try {
      const { adapter, el } = await hosted();
      expect(document.activeElement, 'no focus stealing').to.equal(outside);
      const session = sessionFor(adapter);
      const focus = () => session.handOff('root-cause');
      expect(focus()).to.equal(true);
      expect(focused(el)?.id, 'the problem is known; the cause is not').to.equal('cause');
      await typeInto(el, '#cause', 'late carrier');
      enter(el);
      await typeInto(el, '#resolution', 'Reshipped');
      outside.focus();
      expect(focus()).to.equal(true);
      expect(focused(el)?.getAttribute('part')).to.equal('save');
      await press(el, 'Enter');
      await until(() => adapter.received.some((w) => w.kind === 'logRootCause'), 'saved');
      expect(focus(), 'nothing left to log').to.equal(false);
      // A new contact: the logger takes the hand-off again; once it leaves the page, it does not.
      adapter.setInteraction(newInteraction({ subject: 'Next one' }));
      await until(() => !$<HTMLFieldSetElement>(el, 'fieldset')!.disabled, 'the next contact');
      outside.focus();
      expect(focus()).to.equal(true);
      expect(focused(el)?.id).to.equal('cause');
      el.remove();
      outside.focus();
      expect(focus(), 'withdrawn with the element').to.equal(false);
      expect(document.activeElement).to.equal(outside);
    } finally {
      outside.remove();
    }
  });
});

describe('<mend-root-cause-logger> focus hand-off right after an accepted recovery (#20)', () => {
  it('counts the resolution the stored recovery filled: the log is complete, so focus goes to Save', async () => {
    const { interaction, adapter, el } = await hosted();
    await typeInto(el, '#cause', 'late carrier');
    enter(el);
    const session = sessionFor(adapter);
    const outbox = await session.openOutbox();
    // The logger follows the session's recoveries once its outbox and that code are loaded.
    await import('../../src/controllers/recorded-recovery.js');
    for (let i = 0; i < 3; i++) {
      el.requestUpdate();
      await el.updateComplete;
    }
    // As the offer picker does: the recovery is stored, then focus is handed to the root cause at once.
    await outbox.enqueue('recordRecovery', {
      idempotencyKey: crypto.randomUUID(), interactionId: interaction.id, customerId: interaction.customerId, at: new Date().toISOString(),
      severity: 'high', offers: [{ offerId: 'x', kind: 'assistance', label: 'Expedited replacement' }], accepted: true, strategy: 'R3:high',
    });
    expect(session.handOff('root-cause')).to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#resolution')!.value).to.equal('Expedited replacement');
    expect(focused(el)?.getAttribute('part')).to.equal('save');
  });
});

describe('<mend-root-cause-logger> the time-limit icon (#20)', () => {
  it('is drawn (SVG, hidden from screen readers), not an emoji', async () => {
    const started = Date.parse('2026-03-01T10:00:00Z');
    const el = await fixture<MendRootCauseLogger>(html`<mend-root-cause-logger
      .interaction=${newInteraction({ startedAt: new Date(started).toISOString() })}
      .now=${started + 45 * 60_000}
    ></mend-root-cause-logger>`);
    await until(() => !!$(el, '[part="time-limit"]'), 'overdue');
    const icon = $(el, '[part="time-limit"] svg')!;
    expect(icon.getAttribute('aria-hidden')).to.equal('true');
    expect(text(el, '[part="time-limit"]')).to.not.match(/\p{Extended_Pictographic}/u);
    await expect(el).to.be.accessible();
  });
});
