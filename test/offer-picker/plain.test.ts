// <mend-offer-picker> with plain properties (no adapter): the R1-R3 rules through the UI, the fund
// impact and approval, keyboard, events.
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { checkBundle, recommend } from '../../src/core/recovery.js';
import type { ChosenOffer, Fund, RecoveryPolicy } from '../../src/core/model.js';
import '../../src/define/offer-picker.js';
import type { MendOfferPicker } from '../../src/define/offer-picker.js';
import {
  $,
  $$,
  expectAnnounced,
  bundles,
  checkbox,
  confirmButton,
  declineButton,
  makeFund,
  makePolicy,
  radio,
  settle,
  text,
} from './fixtures.js';

interface Setup {
  severity?: string;
  baggage?: string;
  fund?: Fund | undefined;
  policy?: RecoveryPolicy;
  locale?: string;
  dir?: string;
}

async function picker(setup: Setup = {}): Promise<MendOfferPicker> {
  const policy = setup.policy ?? makePolicy();
  const fund = 'fund' in setup ? setup.fund : makeFund();
  const wrapper = fixtureSync<HTMLElement>(html`<div dir=${setup.dir ?? 'ltr'}>
    <mend-offer-picker
      options-open
      .policy=${policy}
      .fund=${fund}
      .interaction=${{ id: 'int-1', customerId: 'cust-1', channel: 'voice', startedAt: '2026-11-25T10:00:00.000Z' }}
      severity=${setup.severity ?? 'low'}
      baggage=${setup.baggage ?? 'none'}
      locale=${setup.locale ?? 'en-US'}
    ></mend-offer-picker>
  </div>`);
  const el = wrapper.querySelector('mend-offer-picker')!;
  await settle(el);
  return el;
}

describe('<mend-offer-picker>: recommendations first, then compose (R1)', () => {
  it('shows the recommended bundles before the composer, each with its reasons (the shared ones said once)', async () => {
    const policy = makePolicy();
    const el = await picker({ severity: 'high', policy });
    const expected = recommend({ severity: 'high', baggage: 'none', policy, role: 'agent', fund: makeFund() });
    expect(expected.bundles.length).to.be.greaterThan(1);
    const shown = bundles(el);
    expect(shown.length).to.equal(expected.bundles.length);
    const base = $(el, '[part~="base"]')!;
    const order = [...base.querySelectorAll('[part~="bundles"], [part~="compose"]')].map((n) => n.getAttribute('part'));
    expect(order[0]).to.contain('bundles');
    // What every bundle shares (the severity rule) is one line that describes the whole group.
    const group = $(el, '[role="radiogroup"]')!;
    const shared = text(el.shadowRoot!.getElementById(group.getAttribute('aria-describedby')!));
    const rule = expected.bundles[0]!.reasons.find((r) => r.rule === 'R3')!.text;
    expect(shared).to.contain(rule);
    expected.bundles.forEach((bundle, i) => {
      const ownId = shown[i].getAttribute('aria-describedby');
      const own = ownId ? text(el.shadowRoot!.getElementById(ownId)) : '';
      for (const r of bundle.reasons) expect(`${shared} ${own}`).to.contain(r.text);
      for (const o of bundle.offers) expect(text(shown[i])).to.contain(o.label);
      expect(text(shown[i])).not.to.contain(rule);
    });
    await expect(el).to.be.accessible();
  });

  it('R1: offers the three remedies (apology, assistance, compensation) and non-monetary remedies', async () => {
    const el = await picker();
    const groups = $$(el, '[part~="group"]').map((g) => g.getAttribute('part'));
    expect(groups).to.deep.equal(['group apology', 'group assistance', 'group compensation', 'group remedies']);
    expect(text($(el, '[part~="apology"]'))).to.contain('Sincere apology');
    expect(text($(el, '[part~="assistance"]'))).to.contain('Fix or replace');
    expect(text($(el, '[part~="compensation"]'))).to.contain('Goodwill credit · $15.00');
    expect(text($(el, '[part~="remedies"]'))).to.contain('Policy review');
  });

  it('every bundle carries an apology and none is an apology alone', async () => {
    for (const severity of ['low', 'medium', 'high']) {
      const el = await picker({ severity });
      for (const b of bundles(el)) {
        b.click();
        await settle(el);
        expect(checkbox(el, 'Sincere apology').checked, `${severity}: ${text(b)}`).to.equal(true);
        const offers = JSON.parse(el.value) as ChosenOffer[];
        expect(offers.some((o) => o.kind !== 'apology')).to.equal(true);
      }
    }
  });
});

describe('<mend-offer-picker>: what counts as a recovery (R2, R3)', () => {
  it('R2: an apology alone is not a recovery: invalid, with the message, and Confirm does not accept', async () => {
    const el = await picker({ severity: 'low' });
    checkbox(el, 'Sincere apology').click();
    await settle(el);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('An apology alone is not a recovery: add assistance or compensation.');
    expect(text($(el, '[part~="validation"]'))).to.equal(el.validationMessage);
    let accepted = 0;
    el.addEventListener('mend-offer-accept', () => accepted++);
    confirmButton(el).click();
    await settle(el);
    expect(accepted).to.equal(0);
    expect(text($(el, '[part~="message"]'))).to.equal(el.validationMessage);
    await expect(el).to.be.accessible();
  });

  it('R3 low: assistance alone satisfies', async () => {
    const el = await picker({ severity: 'low' });
    checkbox(el, 'Sincere apology').click();
    checkbox(el, 'Fix or replace').click();
    await settle(el);
    expect(el.checkValidity()).to.equal(true);
    expect($(el, '[part~="validation"]')).to.equal(null);
  });

  it('R3 low: compensation alone satisfies', async () => {
    const el = await picker({ severity: 'low' });
    radio(el, 'compensation', 'Goodwill credit').click();
    await settle(el);
    expect(el.checkValidity()).to.equal(true);
  });

  it("R3 high: assistance alone is not enough, with the core's reason; assistance and compensation are", async () => {
    const policy = makePolicy();
    const el = await picker({ severity: 'high', policy });
    checkbox(el, 'Sincere apology').click();
    checkbox(el, 'Fix or replace').click();
    await settle(el);
    const chosen = JSON.parse(el.value) as ChosenOffer[];
    const check = checkBundle(chosen, { severity: 'high', baggage: 'none', policy });
    expect(check.sufficient).to.equal(false);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal(check.reasons[0].text);
    expect(text($(el, '[part~="validation"]'))).to.equal(check.reasons[0].text);
    await expect(el).to.be.accessible();
    radio(el, 'compensation', 'Goodwill credit').click();
    await settle(el);
    expect(el.checkValidity()).to.equal(true);
    expect($(el, '[part~="validation"]')).to.equal(null);
  });

  it('a remedy that does not count (loyalty points) does not make a high-severity recovery', async () => {
    const el = await picker({ severity: 'high' });
    checkbox(el, 'Fix or replace').click();
    checkbox(el, 'Loyalty points').click();
    await settle(el);
    expect(el.checkValidity()).to.equal(false);
    checkbox(el, 'Policy review').click();
    await settle(el);
    expect(el.checkValidity(), 'a non-monetary remedy that counts is compensation').to.equal(true);
  });

  it('heavy baggage raises the severity one step, says so, and the stricter rule applies', async () => {
    const el = await picker({ severity: 'medium', baggage: 'heavy' });
    expect(text($(el, '[part~="severity"]'))).to.contain('Severity: high');
    expect(text($(el, '[part~="severity"]'))).to.contain('Raised from medium');
    checkbox(el, 'Fix or replace').click();
    await settle(el);
    expect(el.checkValidity(), 'medium + heavy baggage = high: assistance alone is not enough').to.equal(false);
    await expect(el).to.be.accessible();
    el.baggage = 'none';
    await settle(el);
    expect(text($(el, '[part~="severity"]'))).to.equal('Severity: medium');
    expect(el.checkValidity()).to.equal(true);
  });
});

describe('<mend-offer-picker>: the fund (R6, R7)', () => {
  it('shows the live impact on the fund as the amount changes', async () => {
    const el = await picker();
    expect(text($(el, '[part~="impact"]'))).to.equal('Leaves $60.00 of $200.00 this week.');
    radio(el, 'compensation', 'Larger goodwill credit').click();
    await settle(el);
    expect(text($(el, '[part~="impact"]'))).to.equal('Leaves $35.00 of $200.00 this week.');
    expect(text(confirmButton(el))).to.equal('Confirm recovery');
  });

  it('over the approval threshold: Confirm becomes "Request approval" and the limit is shown', async () => {
    const el = await picker();
    radio(el, 'compensation', 'Refund').click();
    await settle(el);
    const input = $<HTMLInputElement>(el, '[part~="amount"] input')!;
    input.focus();
    input.select();
    await sendKeys({ type: '55.00' });
    await settle(el);
    expect(text(confirmButton(el))).to.equal('Request approval');
    expect(text($(el, '[part~="approval"]'))).to.contain('Above your limit of $50.00: needs approval.');
    expect(el.checkValidity(), 'needing approval is still a valid choice').to.equal(true);
    await expectAnnounced(el, 'needs approval');
    await expect(el).to.be.accessible();
  });

  it('more than what is left needs approval too, with the reason', async () => {
    const el = await picker({ fund: makeFund({ spent: 18000 }) });
    radio(el, 'compensation', 'Larger goodwill credit').click();
    await settle(el);
    expect(text(confirmButton(el))).to.equal('Request approval');
    expect(text($(el, '[part~="approval"]'))).to.contain('left in your fund');
  });

  it('a reason takes a replacement string by its code, with its amounts in the fund currency', async () => {
    const el = await picker({ fund: makeFund({ spent: 18000 }) });
    el.strings = { 'reason.over_remaining': '{amount} ist mehr als die {remaining}, die noch im Topf sind.' };
    radio(el, 'compensation', 'Larger goodwill credit').click();
    await settle(el);
    expect(text($(el, '[part~="approval"]'))).to.contain('$25.00 ist mehr als die $20.00, die noch im Topf sind.');
    expect(text($(el, '[part~="approval"]'))).not.to.contain('left in your fund');
  });

  it('an exhausted fund: Leaves $0.00, and any compensation needs approval', async () => {
    const el = await picker({ fund: makeFund({ spent: 20000 }) });
    expect(text($(el, '[part~="impact"]'))).to.equal('Leaves $0.00 of $200.00 this week.');
    radio(el, 'compensation', 'Goodwill credit').click();
    await settle(el);
    expect(text(confirmButton(el))).to.equal('Request approval');
    await expect(el).to.be.accessible();
  });

  it('above the per-action cap the amount is refused with the reason and the choice is invalid', async () => {
    const el = await picker({ severity: 'low' });
    radio(el, 'compensation', 'Refund').click();
    await settle(el);
    const input = $<HTMLInputElement>(el, '[part~="amount"] input')!;
    input.focus();
    input.select();
    await sendKeys({ type: '151' });
    await settle(el);
    expect(text($(el, '[part~="approval"]'))).to.contain('Not possible:');
    expect(text($(el, '[part~="approval"]'))).to.contain('per-action cap');
    expect(el.checkValidity()).to.equal(false);
    let accepted = 0;
    el.addEventListener('mend-offer-accept', () => accepted++);
    confirmButton(el).click();
    await settle(el);
    expect(accepted).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a lead has a higher authority than an agent', async () => {
    const el = await picker();
    el.fund = makeFund({ approvalThreshold: 10000, spent: 0 });
    radio(el, 'compensation', 'Refund').click();
    await settle(el);
    const input = $<HTMLInputElement>(el, '[part~="amount"] input')!;
    input.focus();
    input.select();
    await sendKeys({ type: '80' });
    await settle(el);
    expect(text(confirmButton(el))).to.equal('Request approval');
    el.agentRole = 'lead';
    await settle(el);
    expect(text(confirmButton(el))).to.equal('Confirm recovery');
  });
});

describe('<mend-offer-picker>: amounts in the locale and currency', () => {
  it('a custom amount is typed in de-DE and shown in the fund currency (EUR)', async () => {
    const el = await picker({ locale: 'de-DE', fund: makeFund({ currency: 'EUR' }), policy: makePolicy({ currency: 'EUR' }) });
    radio(el, 'compensation', 'Refund').click();
    await settle(el);
    const input = $<HTMLInputElement>(el, '[part~="amount"] input')!;
    input.focus();
    input.select();
    await sendKeys({ type: '12,50' });
    await settle(el);
    const refund = (JSON.parse(el.value) as ChosenOffer[]).find((o) => o.offerId === 'refund')!;
    expect(refund.amount).to.equal(1250);
    expect(text($(el, '[part~="impact"]'))).to.match(/^Leaves 47,50\s€ of 200,00\s€ this week\.$/);
  });

  it('what is not an amount is a bad input with a message, never a guess', async () => {
    const el = await picker();
    radio(el, 'compensation', 'Refund').click();
    await settle(el);
    const input = $<HTMLInputElement>(el, '[part~="amount"] input')!;
    input.focus();
    input.select();
    await sendKeys({ type: 'twelve' });
    await settle(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.validity.badInput).to.equal(true);
    expect(text($(el, '#amount-hint'))).to.contain('Enter an amount like $12.50');
    expect((JSON.parse(el.value) as ChosenOffer[]).find((o) => o.offerId === 'refund')!.amount).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('JPY amounts have no decimals', async () => {
    const el = await picker({
      fund: makeFund({ currency: 'JPY', budget: 50000, spent: 10000, perActionCap: 30000, approvalThreshold: 20000 }),
      policy: makePolicy({ currency: 'JPY', authority: [{ role: 'agent', maxPerAction: 20000 }] }),
    });
    expect(text($(el, '[part~="impact"]'))).to.equal('Leaves ¥40,000 of ¥50,000 this week.');
    radio(el, 'compensation', 'Refund').click();
    await settle(el);
    const input = $<HTMLInputElement>(el, '[part~="amount"] input')!;
    input.focus();
    input.select();
    await sendKeys({ type: '12.5' });
    await settle(el);
    expect(el.validity.badInput).to.equal(true);
  });
});

describe('<mend-offer-picker>: keyboard (ARIA radio group and checkboxes)', () => {
  it('the bundles are one tab stop; arrows move and select, with a roving tabindex', async () => {
    const el = await picker({ severity: 'high' });
    const all = bundles(el);
    expect(all.length).to.be.greaterThan(1);
    expect(all.filter((b) => b.tabIndex === 0).length).to.equal(1);
    all[0].focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(all[0].getAttribute('aria-checked')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    const now = bundles(el);
    expect(el.shadowRoot!.activeElement).to.equal(now[1]);
    expect(now[1].getAttribute('aria-checked')).to.equal('true');
    expect(now[0].getAttribute('aria-checked')).to.equal('false');
    expect(now.map((b) => b.tabIndex)).to.deep.equal(now.map((_, i) => (i === 1 ? 0 : -1)));
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(bundles(el).at(-1));
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.shadowRoot!.activeElement, 'wraps around').to.equal(bundles(el)[0]);
    await expect(el).to.be.accessible();
  });

  it('in a right-to-left console, host text keeps its own order (the period still ends an English description)', async () => {
    const policy = makePolicy();
    policy.offers = policy.offers.map((o) => (o.id === 'fix' ? { ...o, description: 'Solve it during this contact.' } : o));
    const el = await picker({ severity: 'high', policy, dir: 'rtl' });
    const description = $$(el, '[part~="option"] .muted').find((n) => n.textContent!.includes('Solve it'))!;
    const node = [...description.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('Solve it')) as Text;
    const at = (i: number) => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect();
    };
    const textOf = node.textContent!;
    const first = textOf.indexOf('S');
    const period = textOf.lastIndexOf('.');
    expect(at(period).left, 'the period is drawn after the last word, on the right').to.be.greaterThan(at(first).left);
  });

  it('compensation presets are a radio group: arrows and Home; in RTL the left arrow goes forward', async () => {
    const el = await picker({ dir: 'rtl' });
    const none = radio(el, 'compensation', 'No compensation');
    expect(none.getAttribute('aria-checked')).to.equal('true');
    none.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    const credit = radio(el, 'compensation', 'Goodwill credit');
    expect(credit.getAttribute('aria-checked')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(credit);
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(radio(el, 'compensation', 'No compensation').getAttribute('aria-checked')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('a Tab walk reaches the groups in order and Space toggles a checkbox', async () => {
    const el = await picker({ severity: 'low' });
    bundles(el)[0].focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(checkbox(el, 'Sincere apology'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(checkbox(el, 'Fix or replace').checked).to.equal(true);
    expect(el.checkValidity()).to.equal(true);
  });

  it('every target is at least 24 by 24 px', async () => {
    const el = await picker({ severity: 'high' });
    radio(el, 'compensation', 'Refund').click();
    await settle(el);
    const targets = $$(el, '[role="radio"], input, button');
    expect(targets.length).to.be.greaterThan(10);
    for (const t of targets) {
      const box = t.getBoundingClientRect();
      expect(box.width, t.outerHTML.slice(0, 80)).to.be.at.least(24);
      expect(box.height, t.outerHTML.slice(0, 80)).to.be.at.least(24);
    }
  });
});

describe('<mend-offer-picker>: events', () => {
  it('fires a native change when the agent changes the selection, not when code sets the value', async () => {
    const el = await picker();
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.value = JSON.stringify([{ offerId: 'fix', kind: 'assistance', label: 'Fix or replace' }]);
    await settle(el);
    expect(checkbox(el, 'Fix or replace').checked).to.equal(true);
    expect(changes).to.equal(0);
    const event = oneEvent(el, 'change');
    checkbox(el, 'Sincere apology').click();
    const e = await event;
    expect(e.bubbles).to.equal(true);
    expect(changes).to.equal(1);
  });

  it('Confirm without an adapter fires mend-offer-accept with the reaction (strategy, offers, interaction)', async () => {
    const policy = makePolicy();
    const el = await picker({ severity: 'high', policy });
    bundles(el)[0].click();
    await settle(el);
    const expected = recommend({ severity: 'high', baggage: 'none', policy, role: 'agent', fund: makeFund() }).bundles[0];
    const event = oneEvent(el, 'mend-offer-accept');
    confirmButton(el).click();
    const { detail } = await event;
    expect(detail.accepted).to.equal(true);
    expect(detail.strategy).to.equal(expected.strategy);
    expect(detail.offers.map((o: ChosenOffer) => o.offerId)).to.have.members(expected.offers.map((o) => o.offerId));
    expect(detail.interactionId).to.equal('int-1');
    expect(detail.customerId).to.equal('cust-1');
    expect(detail.severity).to.equal('high');
  });

  it('a composition that matches no bundle is reported as a custom strategy', async () => {
    const el = await picker({ severity: 'low' });
    checkbox(el, 'Expedited replacement').click();
    checkbox(el, 'Policy review').click();
    await settle(el);
    const event = oneEvent(el, 'mend-offer-accept');
    confirmButton(el).click();
    expect((await event).detail.strategy).to.equal('custom');
  });

  it('"Customer declined" fires mend-offer-reject with accepted false', async () => {
    const el = await picker({ severity: 'low' });
    bundles(el)[0].click();
    await settle(el);
    const event = oneEvent(el, 'mend-offer-reject');
    declineButton(el).click();
    const { detail } = await event;
    expect(detail.accepted).to.equal(false);
    expect(detail.offers.length).to.be.greaterThan(0);
    expect(text($(el, '[part~="message"]'))).to.equal('Recorded: the customer declined.');
    await expect(el).to.be.accessible();
  });

  it('offer labels are rendered as text, never as markup', async () => {
    const policy = makePolicy();
    policy.offers[1] = { ...policy.offers[1], label: '<img src=x onerror="window.__pwned=1">Fix' };
    const el = await picker({ policy });
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text($(el, '[part~="assistance"]'))).to.contain('<img src=x');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
