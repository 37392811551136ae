// The recommendation as one action (#20): the card and its Accept (spend + record once, the baggage
// acknowledged with the banner's key), "Other options" by keyboard, the focus hand-off, one
// announcement per action, channel-aware and readable bundles, the selected style, a 400 px panel.
import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { BaggageAcknowledgement, RecoveryRecord, SpendRequest } from '../../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sessionFor } from '../../src/adapter/session.js';
import { demoSeed } from '../../src/adapter/demo-data.js';
import type { ChosenOffer, Interaction } from '../../src/core/model.js';
import { DEFAULT_POLICY, recommend } from '../../src/core/recovery.js';
import '../../src/define/baggage-banner.js';
import '../../src/define/offer-picker.js';
import type { MendOfferPicker } from '../../src/define/offer-picker.js';
import { until } from '../helpers/until.js';
import { $, $$, bundles, checkbox, heavyIncident, makeFund, makePolicy, settle, text, world, type World } from './fixtures.js';

const accept = (el: MendOfferPicker) => $<HTMLButtonElement>(el, '[part~="accept"]')!;
const toggle = (el: MendOfferPicker) => $<HTMLButtonElement>(el, '[part~="options-toggle"]')!;
const card = (el: MendOfferPicker) => $(el, '[part~="card"]')!;

/** What the picker announces (every call of its one polite voice), from now on. */
function voice(el: MendOfferPicker): string[] {
  const said: string[] = [];
  const target = el as unknown as { announce(message: string): void };
  const native = target.announce.bind(el);
  target.announce = (message: string) => {
    said.push(message);
    native(message);
  };
  return said;
}

async function plain(setup: { severity?: string; channel?: Interaction['channel']; policy?: typeof DEFAULT_POLICY; open?: boolean } = {}): Promise<MendOfferPicker> {
  const el = fixtureSync<MendOfferPicker>(html`<mend-offer-picker
    ?options-open=${setup.open ?? false}
    .policy=${setup.policy ?? makePolicy()}
    .fund=${makeFund()}
    .interaction=${{ id: 'int-card', customerId: 'cust-card', channel: setup.channel ?? 'chat', startedAt: '2026-11-25T10:00:00.000Z' }}
    severity=${setup.severity ?? 'high'}
    baggage="none"
    locale="en-US"
  ></mend-offer-picker>`);
  await settle(el);
  return el;
}

/** A host whose customer has heavy baggage (a recent unresolved high-severity incident). */
const heavyWorld = (): World => world({ severity: 'medium', incidents: [heavyIncident()] });

const received = (w: World, kind: string) =>
  w.adapter.received.filter((r) => r.kind === kind && (r.payload as { interactionId: string }).interactionId === w.interaction.id);

/** The banner and the picker side by side on one host, both settled (the picker's card says it will acknowledge). */
async function side(w: World): Promise<{ picker: MendOfferPicker; banner: HTMLElement }> {
  const root = await fixture<HTMLElement>(html`<div>
    <mend-baggage-banner .adapter=${w.adapter} locale="en-US"></mend-baggage-banner>
    <mend-offer-picker .adapter=${w.adapter} locale="en-US"></mend-offer-picker>
  </div>`);
  const picker = root.querySelector('mend-offer-picker')!;
  const banner = root.querySelector<HTMLElement>('mend-baggage-banner')!;
  await until(() => banner.shadowRoot!.querySelector('[part~="acknowledge"]'), 'the banner is ready');
  await until(() => $(picker, '[part~="card-records"]'), 'the card says Accept also acknowledges');
  return { picker, banner };
}

const bannerAck = (banner: HTMLElement) => banner.shadowRoot!.querySelector<HTMLButtonElement>('[part~="acknowledge"]')!;

describe('<mend-offer-picker>: the recommendation as one action', () => {
  it('the top recommendation is a card: what it gives, the money beside it and the fund after it, why in one line, one Accept', async () => {
    const policy = makePolicy();
    const el = await plain({ policy });
    const top = recommend({ severity: 'high', baggage: 'none', policy, role: 'agent', fund: makeFund() }).bundles[0]!;
    const gives = text($(el, '[part~="card-gives"]'));
    // What sets it apart first, the amount beside its offer, the apology last.
    expect(gives).to.equal('Fix or replace + Goodwill credit · $15.00 + Sincere apology');
    for (const o of top.offers) expect(gives).to.contain(o.label);
    expect(text($(el, '[part~="card-impact"]'))).to.equal('Leaves $45.00 of $200.00 this week.');
    expect(text($(el, '[part~="card-why"]'))).to.equal('A high-severity error needs assistance and compensation.');
    const primary = $$(el, '[part~="card"] button[data-variant="primary"]');
    expect(primary.map((b) => text(b))).to.deep.equal(['Accept']);
    // The rest is behind "Other options", closed.
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part~="bundles"]')).to.equal(null);
    expect($(el, '[part~="compose"]')).to.equal(null);
    const all = text(el.shadowRoot);
    expect(all.split('Severity: high').length - 1, 'the severity is said once').to.equal(1);
    expect(all).not.to.match(/\(R\d+\)/);
    await expect(el).to.be.accessible();
  });

  it('is styled once ready: the card, its warning line and the severity (their styles come with the part that renders them)', async () => {
    // Every compensation is money, above the agent's authority: the card's fund line is a warning.
    const policy = makePolicy({ authority: [{ role: 'agent', maxPerAction: 1000 }] });
    policy.offers = policy.offers.filter((o) => o.kind !== 'compensation' || o.monetary);
    const el = await plain({ policy });
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(getComputedStyle(card(el)).borderInlineStartWidth).to.equal('4px');
    expect(getComputedStyle(card(el)).display).to.equal('grid');
    const impact = $(el, '[part~="card-impact"]')!;
    expect(impact.dataset.tone, 'the credit is above the agent\'s authority').to.equal('warning');
    expect(getComputedStyle(impact).fontWeight).to.equal('600');
    expect(getComputedStyle($(el, '[part~="severity"]')!).fontWeight).to.equal('600');
  });

  it('a value set before the picker first rendered is restored once it is ready (Other options open on it)', async () => {
    const el = document.createElement('mend-offer-picker');
    el.policy = makePolicy();
    el.fund = makeFund();
    el.severity = 'high';
    el.baggage = 'none';
    el.value = JSON.stringify([
      { offerId: 'apology', kind: 'apology', label: 'Sincere apology' },
      { offerId: 'expedite', kind: 'assistance', label: 'Expedited replacement' },
      { offerId: 'credit-25', kind: 'compensation', label: 'Larger goodwill credit', amount: 2500 },
    ]);
    const host = await fixture<HTMLElement>(html`<div></div>`);
    host.append(el);
    await settle(el);
    expect(el.optionsOpen).to.equal(true);
    expect(el.offers.map((o) => o.offerId)).to.deep.equal(['apology', 'expedite', 'credit-25']);
    expect(checkbox(el, 'Expedited replacement').checked).to.equal(true);
    expect(el.checkValidity()).to.equal(true);
  });

  it('Accept without an adapter chooses the bundle and fires mend-offer-accept once, in one action', async () => {
    const el = await plain();
    let changes = 0;
    let accepts = 0;
    el.addEventListener('change', () => changes++);
    el.addEventListener('mend-offer-accept', () => accepts++);
    const event = oneEvent(el, 'mend-offer-accept');
    accept(el).click();
    const { detail } = await event;
    expect(detail.offers.map((o: ChosenOffer) => o.offerId)).to.deep.equal(['apology', 'fix', 'credit-15']);
    expect(JSON.parse(el.value).length).to.equal(3);
    accept(el).click();
    await settle(el);
    expect(accepts).to.equal(1);
    expect(changes).to.equal(1);
    expect(text(accept(el))).to.equal('Accepted');
    expect(accept(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('"Customer declined" on the card declines its bundle in one action', async () => {
    const el = await plain();
    const said = voice(el);
    const event = oneEvent(el, 'mend-offer-reject');
    $<HTMLButtonElement>(el, '[part~="card"] [part~="decline"]')!.click();
    const { detail } = await event;
    expect(detail.accepted).to.equal(false);
    expect(detail.offers.map((o: ChosenOffer) => o.offerId)).to.deep.equal(['apology', 'fix', 'credit-15']);
    expect(text($(el, '[part~="card"] [part~="message"]'))).to.equal('Recorded: the customer declined.');
    expect(said).to.deep.equal(['Recorded: the customer declined. Next: log the root cause.']);
    await expect(el).to.be.accessible();
  });

  it('on a voice call nothing offers "Escalate to a voice call"; on chat it is offered', async () => {
    for (const channel of ['voice', 'chat'] as const) {
      const el = await plain({ channel, policy: DEFAULT_POLICY, severity: 'high', open: true });
      await until(() => bundles(el).length > 0, 'the options are in');
      const said = text(el.shadowRoot);
      if (channel === 'voice') expect(said).not.to.contain('Escalate to a voice call');
      else expect(said).to.contain('Escalate to a voice call');
      expect(said).not.to.match(/\(R\d+\)/);
      // No two bundle names start with the same words.
      const names = $$(el, '[part~="bundle"] .name').map((b) => text(b).split(' ').slice(0, 2).join(' '));
      expect(new Set(names).size, names.join(' | ')).to.equal(names.length);
    }
  });
});

describe('<mend-offer-picker>: Other options', () => {
  it('opens by keyboard and reveals every bundle and the composer; Enter and Space both choose a bundle', async () => {
    const el = await plain();
    toggle(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => bundles(el).length > 0 && $(el, '[part~="compose"] input'), 'the options are shown');
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#options')!.getAttribute('part')).to.equal('options');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    const first = bundles(el)[0]!;
    expect(el.shadowRoot!.activeElement).to.equal(first);
    await sendKeys({ press: 'Enter' });
    await until(() => bundles(el)[0]!.getAttribute('aria-checked') === 'true', 'Enter chooses the bundle');
    // Change the choice to one no bundle matches, then Space chooses a bundle again.
    checkbox(el, 'Loyalty points').click();
    await settle(el);
    expect(bundles(el).every((b) => b.getAttribute('aria-checked') === 'false')).to.equal(true);
    bundles(el)[0]!.focus();
    await sendKeys({ press: 'Space' });
    await until(() => bundles(el)[0]!.getAttribute('aria-checked') === 'true', 'Space chooses the bundle');
    // Closing keeps the choice (never lost).
    toggle(el).click();
    await settle(el);
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    expect(JSON.parse(el.value).length).to.be.greaterThan(0);
  });

  it('the selected bundle is marked by its fill and edge, never by an outline like the focus ring', async () => {
    const el = await plain({ open: true });
    await until(() => bundles(el).length > 1);
    bundles(el)[1]!.click();
    await settle(el);
    const selected = bundles(el)[1]!;
    expect(selected.getAttribute('aria-checked')).to.equal('true');
    const style = getComputedStyle(selected);
    expect(style.outlineStyle).to.equal('none');
    expect(style.boxShadow).to.contain('inset');
    bundles(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' }); // keyboard focus: the ring shows
    await until(() => el.shadowRoot!.activeElement === bundles(el)[1]);
    expect(getComputedStyle(bundles(el)[1]!).outlineStyle).to.equal('solid');
  });
});

describe('<mend-offer-picker>: Accept with a host', () => {
  it('spends and records once, acknowledges the baggage with the banner\'s key, and the banner shows it; one announcement', async () => {
    const w = heavyWorld();
    const { picker, banner } = await side(w);
    const said = voice(picker);
    accept(picker).click();
    accept(picker).click();
    await until(() => text($(picker, '[part~="card"] [part~="message"]')) === 'Recovery recorded.', 'recorded, said under the card');
    await until(() => received(w, 'recordRecovery').length === 1 && received(w, 'acknowledgeBaggage').length === 1, 'both writes reach the host');
    const ack = received(w, 'acknowledgeBaggage')[0]!.payload as BaggageAcknowledgement;
    expect(ack.idempotencyKey).to.equal(`ack:${w.interaction.id}`);
    expect(ack.incidentIds.length).to.be.greaterThan(0);
    expect(received(w, 'spend').map((r) => (r.payload as SpendRequest).amount)).to.deep.equal([1500]);
    expect((received(w, 'recordRecovery')[0]!.payload as RecoveryRecord).offers.map((o) => o.offerId)).to.deep.equal(['apology', 'fix', 'credit-15']);
    await until(() => text(bannerAck(banner)) === 'Acknowledged', 'the banner shows it by itself');
    expect(said).to.have.length(1);
    expect(said[0]).to.equal('Recovery accepted: Fix or replace + Goodwill credit · $15.00 + Sincere apology. History acknowledged. Next: log the root cause.');
    expect($(picker, '[part~="card-records"]'), 'nothing more to acknowledge').to.equal(null);
    await expect(picker).to.be.accessible();
    expect(received(w, 'spend')).to.have.length(1);
    expect(received(w, 'recordRecovery')).to.have.length(1);
    expect(received(w, 'acknowledgeBaggage')).to.have.length(1);
  });

  it('when the banner acknowledged first, Accept does not say or write it again', async () => {
    const w = heavyWorld();
    const { picker, banner } = await side(w);
    bannerAck(banner).click();
    await until(() => !$(picker, '[part~="card-records"]'), 'the card no longer says it will acknowledge');
    const said = voice(picker);
    accept(picker).click();
    await until(() => received(w, 'recordRecovery').length === 1, 'recorded');
    await until(() => said.length === 1);
    expect(said[0]).not.to.contain('acknowledged');
    expect(received(w, 'acknowledgeBaggage')).to.have.length(1);
  });

  it('Accept before the fund has arrived waits for it, then spends and records (no "Could not complete")', async () => {
    const w = heavyWorld();
    const held = w.adapter.hold('getFund');
    const { picker } = await side(w);
    await held.waitFor(1);
    accept(picker).click();
    await until(() => accept(picker).getAttribute('aria-disabled') === 'true', 'Accept is busy while the fund is read');
    expect(text($(picker, '[part~="message"]'))).not.to.contain('Could not complete');
    await held.release();
    await until(() => text($(picker, '[part~="message"]')) === 'Recovery recorded.', 'recorded once the fund is in');
    await until(() => received(w, 'recordRecovery').length === 1, 'the record reaches the host');
    expect(received(w, 'spend')).to.have.length(1);
  });

  it('a failed Accept tried again records once and acknowledges once (the same key)', async () => {
    const w = heavyWorld();
    const { picker } = await side(w);
    w.adapter.failNext('spend', 'permission');
    accept(picker).click();
    await until(() => text($(picker, '[part~="message"]')).includes('Could not complete:'), 'the failure is said');
    await expect(picker).to.be.accessible();
    accept(picker).click();
    await until(() => text($(picker, '[part~="message"]')) === 'Recovery recorded.', 'the retry records it');
    await until(() => received(w, 'recordRecovery').length === 1 && received(w, 'acknowledgeBaggage').length === 1);
    const keys = new Set(
      w.adapter.received.filter((r) => r.kind === 'acknowledgeBaggage').map((r) => (r.payload as BaggageAcknowledgement).idempotencyKey),
    );
    expect([...keys]).to.deep.equal([`ack:${w.interaction.id}`]);
  });

  it('offers focus for the recovery step, and after Accept hands off to the root cause; without a taker focus stays on Accept, the confirmation in view', async () => {
    const w = heavyWorld();
    const session = sessionFor(w.adapter) as unknown as {
      offerFocus(step: string, focus: () => boolean): () => void;
      handOff(step: string): boolean;
    };
    const offered: Array<{ step: string; focus: () => boolean }> = [];
    const handed: string[] = [];
    session.offerFocus = (step, focus) => {
      const target = { step, focus };
      offered.push(target);
      return () => offered.splice(offered.indexOf(target), 1);
    };
    session.handOff = (step) => (handed.push(step), false);
    const el = await fixture<MendOfferPicker>(html`<mend-offer-picker .adapter=${w.adapter} locale="en-US"></mend-offer-picker>`);
    await until(() => accept(el), 'the card');
    const recovery = offered.filter((o) => o.step === 'recovery');
    expect(recovery).to.have.length(1);
    expect(recovery[0]!.focus()).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(accept(el));
    await sendKeys({ press: 'Enter' });
    await until(() => text($(el, '[part~="message"]')) === 'Recovery recorded.', 'recorded');
    await until(() => handed.length === 1);
    expect(handed).to.deep.equal(['root-cause']);
    expect(el.shadowRoot!.activeElement, 'focus stays on a stable element').to.equal(accept(el));
    const box = $(el, '[part~="message"]')!.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(innerHeight);
    expect(card(el).contains($(el, '[part~="message"]'))).to.equal(true);
    el.remove();
    expect(offered, 'withdrawn when removed').to.have.length(0);
  });

  it('in a 400 px side panel Accept is visible without scrolling (the demo customer with heavy baggage)', async () => {
    await setViewport({ width: 400, height: 720 });
    try {
      const seed = demoSeed();
      const interaction = seed.interactions.find((i) => i.id === 'int-voice-1')!;
      const adapter = new MemoryAdapter({ ...seed, context: { agent: seed.agents[0]!, interaction, locale: 'en-US', currency: 'USD' } }, { latency: 2 });
      const el = await fixture<MendOfferPicker>(html`<div style="inline-size:400px;margin:0"><mend-offer-picker .adapter=${adapter} locale="en-US"></mend-offer-picker></div>`);
      const picker = el.querySelector('mend-offer-picker')!;
      await until(() => accept(picker) && $(picker, '[part~="card-impact"]'), 'the card with its fund');
      const top = picker.getBoundingClientRect().top;
      const bottom = accept(picker).getBoundingClientRect().bottom;
      expect(bottom - top, 'Accept within the first screen').to.be.at.most(720);
      expect(text(picker.shadowRoot)).not.to.contain('Escalate to a voice call');
      await expect(picker).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
