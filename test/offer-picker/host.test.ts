// <mend-offer-picker> against a MemoryAdapter: host data, states, and the write paths (spend once,
// record through the outbox, approval, rejection, conflict).
import { until } from '../helpers/until.js';
import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import type { RecoveryRecord, SpendRequest, SpendResult } from '../../src/adapter/host-adapter.js';
import { sessionFor } from '../../src/adapter/session.js';
import { HostError } from '../../src/adapter/errors.js';
import { baggageFor } from '../../src/controllers/baggage.js';
import '../../src/define/offer-picker.js';
import type { MendOfferPicker } from '../../src/define/offer-picker.js';
import {
  $,
  expectAnnounced,
  heavyIncident,
  world,
  type World,
  bundles,
  checkbox,
  chooseRefund,
  confirmButton,
  declineButton,
  makePolicy,
  radio,
  settle,
  text,
} from './fixtures.js';

async function mount(w: World): Promise<MendOfferPicker> {
  const el = await fixture<MendOfferPicker>(html`<mend-offer-picker options-open .adapter=${w.adapter} locale="en-US"></mend-offer-picker>`);
  await until(() => $(el, '[part~="bundles"]') || $(el, '[part~="error"]'), 'the picker settles');
  await until(() => $(el, '[part~="impact"]') && !text($(el, '[part~="impact"]')).includes('Loading'), 'the fund loads');
  return el;
}

const spends = (w: World) => w.adapter.received.filter((r) => r.kind === 'spend' && (r.payload as SpendRequest).interactionId === w.interaction.id);
const records = (w: World) =>
  w.adapter.received.filter((r) => r.kind === 'recordRecovery' && (r.payload as RecoveryRecord).interactionId === w.interaction.id);

async function choose(el: MendOfferPicker, comp: string, assistance = true): Promise<void> {
  checkbox(el, 'Sincere apology').click();
  if (assistance) checkbox(el, 'Fix or replace').click();
  radio(el, 'compensation', comp).click();
  await settle(el);
}

describe('<mend-offer-picker> with a host: reading', () => {
  it('shows loading (space reserved, busy) until the policy arrives', async () => {
    const w = world({ severity: 'high' });
    const held = w.adapter.hold('getPolicy');
    const el = await fixture<MendOfferPicker>(html`<mend-offer-picker options-open .adapter=${w.adapter} locale="en-US"></mend-offer-picker>`);
    await held.waitFor(1);
    await settle(el);
    expect($(el, '[part~="loading"]')).to.not.equal(null);
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    const loadingHeight = $(el, '[part~="base"]')!.getBoundingClientRect().height;
    expect(loadingHeight).to.be.at.least(200);
    await expect(el).to.be.accessible();
    await held.release();
    await until(() => bundles(el).length > 0, 'bundles appear');
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('a failed policy read says what failed, with a Retry that loads it', async () => {
    const w = world();
    w.adapter.failNext('getPolicy', 'unavailable');
    const el = await fixture<MendOfferPicker>(html`<mend-offer-picker options-open .adapter=${w.adapter} locale="en-US"></mend-offer-picker>`);
    await until(() => $(el, '[part~="error"]'), 'the error shows');
    expect(text($(el, '[part~="error"]'))).to.contain('Could not load:');
    expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    ($(el, '[part~="retry"]') as HTMLButtonElement).click();
    await until(() => bundles(el).length > 0, 'bundles after retry');
    expect($(el, '[part~="error"]')).to.equal(null);
  });

  it('a malformed fund becomes an error line with Retry, not an exception', async () => {
    const w = world();
    w.adapter.malformNext('getFund', { agentId: w.agentId, budget: 'lots' });
    const el = await fixture<MendOfferPicker>(html`<mend-offer-picker options-open .adapter=${w.adapter} locale="en-US"></mend-offer-picker>`);
    await until(() => $(el, '[part~="error"]'), 'the fund error shows');
    expect(bundles(el).length, 'the rest still works').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    ($(el, '[part~="retry"]') as HTMLButtonElement).click();
    await until(() => text($(el, '[part~="impact"]')).startsWith('Leaves'), 'the fund after retry');
    expect(text($(el, '[part~="impact"]'))).to.equal('Leaves $60.00 of $200.00 this week.');
  });

  it('a host without a fund: a quiet line, compensation from the fund is not offered, no error', async () => {
    const w = world({ options: { capabilities: { fund: false, spend: false } } });
    const el = await fixture<MendOfferPicker>(html`<mend-offer-picker options-open .adapter=${w.adapter} locale="en-US"></mend-offer-picker>`);
    await until(() => $(el, '[part~="unsupported"]'), 'the quiet line');
    expect(text($(el, '[part~="unsupported"]'))).to.contain('does not provide a discretionary fund');
    expect($(el, '[part~="error"]')).to.equal(null);
    expect(radio(el, 'compensation', 'Goodwill credit').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it("severity comes from the host's interaction; heavy baggage (the shared assessment) raises it", async () => {
    const w = world({ severity: 'medium', incidents: [heavyIncident()] });
    const el = await mount(w);
    await until(() => text($(el, '[part~="severity"]')).includes('high'), 'raised severity');
    expect(text($(el, '[part~="severity"]'))).to.contain('Raised from medium');
    const history = await w.adapter.getHistory(w.interaction.customerId);
    expect(baggageFor(history, makePolicy().baggage).level).to.equal('heavy');
    await expect(el).to.be.accessible();
  });

  it('the severity attribute wins over the host', async () => {
    const w = world({ severity: 'high' });
    const el = await fixture<MendOfferPicker>(html`<mend-offer-picker options-open .adapter=${w.adapter} severity="low" locale="en-US"></mend-offer-picker>`);
    await until(() => $(el, '[part~="severity"]'), 'severity');
    expect(text($(el, '[part~="severity"]'))).to.equal('Severity: low');
  });

  it('two pickers on one host load the fund once', async () => {
    const w = world();
    const wrapper = fixtureSync<HTMLElement>(html`<div>
      <mend-offer-picker options-open .adapter=${w.adapter}></mend-offer-picker><mend-offer-picker options-open .adapter=${w.adapter}></mend-offer-picker>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('mend-offer-picker')];
    await until(() => text($(a, '[part~="impact"]')).startsWith('Leaves') && text($(b, '[part~="impact"]')).startsWith('Leaves'));
    expect(w.adapter.calls.getFund).to.equal(1);
  });

  it('another interaction clears what was chosen for the previous one', async () => {
    const w = world({ severity: 'low' });
    const el = await mount(w);
    bundles(el)[0].click();
    await settle(el);
    expect(el.value).to.not.equal('[]');
    w.adapter.setInteraction({ ...w.interaction, id: `${w.interaction.id}-b`, customerId: `${w.interaction.customerId}-b` });
    await until(() => el.value === '[]', 'selection cleared');
    expect(bundles(el).every((b) => b.getAttribute('aria-checked') === 'false')).to.equal(true);
  });
});

describe('<mend-offer-picker> with a host: confirm', () => {
  it('spends from the fund with the version it saw, records the recovery, announces it', async () => {
    const w = world({ severity: 'high' });
    const el = await mount(w);
    await choose(el, 'Goodwill credit');
    const accepted = oneEvent(el, 'mend-offer-accept');
    confirmButton(el).click();
    const { detail } = await accepted;
    expect(text($(el, '[part~="message"]'))).to.equal('Recovery recorded.');
    const [spend] = spends(w);
    const request = spend.payload as SpendRequest;
    expect(request.amount).to.equal(1500);
    expect(request.currency).to.equal('USD');
    expect(request.expectedVersion).to.equal(3);
    expect(request.offerId).to.equal('credit-15');
    expect(request.reason).to.equal('goodwill');
    await until(() => records(w).length === 1, 'the record is delivered');
    const record = records(w)[0].payload as RecoveryRecord;
    expect(record.accepted).to.equal(true);
    expect(record.spendId).to.equal((spend.answer as SpendResult).entryId);
    expect(record.offers.map((o) => o.offerId)).to.deep.equal(['apology', 'fix', 'credit-15']);
    expect(record.severity).to.equal('high');
    expect(detail).to.include({ accepted: true, interactionId: w.interaction.id, customerId: w.interaction.customerId, severity: 'high' });
    expect(detail.spendId).to.equal(record.spendId);
    await expectAnnounced(el, 'Recovery recorded.');
    expect(text($(el, '[part~="impact"]')), 'the shared fund moved').to.equal('Leaves $45.00 of $200.00 this week.');
    await expect(el).to.be.accessible();
  });

  it('a double click spends once and records once', async () => {
    const w = world({ severity: 'high' });
    const el = await mount(w);
    await choose(el, 'Goodwill credit');
    confirmButton(el).click();
    confirmButton(el).click();
    await until(() => text($(el, '[part~="message"]')) === 'Recovery recorded.');
    confirmButton(el).click();
    await until(() => records(w).length === 1, 'the record is delivered');
    await new Promise((r) => setTimeout(r, 30));
    expect(spends(w).length).to.equal(1);
    expect(records(w).length).to.equal(1);
  });

  it('while the spend is in flight the button is aria-disabled, keeps focus, and a second click spends nothing more', async () => {
    const w = world({ severity: 'high' });
    const el = await mount(w);
    await choose(el, 'Goodwill credit');
    const held = w.adapter.hold('spend');
    const button = confirmButton(el);
    button.focus();
    button.click();
    await held.waitFor(1);
    await settle(el);
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(confirmButton(el));
    confirmButton(el).click();
    await new Promise((r) => setTimeout(r, 20));
    expect(held.calls.length).to.equal(1);
    await held.release();
    await until(() => text($(el, '[part~="message"]')) === 'Recovery recorded.');
    expect(spends(w).length).to.equal(1);
    await until(() => records(w).length === 1);
  });

  it('above the threshold: "Request approval", then "Sent for approval." and the recovery is recorded with the pending spend', async () => {
    const w = world({ severity: 'high' });
    const el = await mount(w);
    await chooseRefund(el, '55.00');
    expect(text(confirmButton(el))).to.equal('Request approval');
    expect(text($(el, '[part~="approval"]'))).to.contain('$50.00');
    confirmButton(el).click();
    await until(() => $(el, '[part~="message"]'), 'the answer');
    expect(text($(el, '[part~="message"]'))).to.equal('Sent for approval.');
    const spend = spends(w)[0];
    expect((spend.answer as SpendResult).status).to.equal('pending_approval');
    await until(() => records(w).length === 1);
    expect((records(w)[0].payload as RecoveryRecord).spendId).to.equal((spend.answer as SpendResult).entryId);
    await expect(el).to.be.accessible();
  });

  it("a rejection says the host's reason and records nothing", async () => {
    const w = world({ severity: 'high' });
    const el = await mount(w);
    await choose(el, 'Goodwill credit');
    const held = w.adapter.hold('spend');
    let accepted = 0;
    el.addEventListener('mend-offer-accept', () => accepted++);
    confirmButton(el).click();
    const [call] = await held.waitFor(1);
    const fund = await w.adapter.getFund(w.agentId);
    await call.resolve({ status: 'rejected', entryId: 'spend-x', fund, message: 'This customer was already compensated today.' });
    await until(() => $(el, '[part~="message"]'), 'the answer');
    expect(text($(el, '[part~="message"]'))).to.equal('Not approved: This customer was already compensated today.');
    expect(records(w).length).to.equal(0);
    expect(accepted).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a conflict (someone spent first) reloads the fund, says what changed, keeps the choice; confirming again works', async () => {
    const w = world({ severity: 'high' });
    const el = await mount(w);
    await choose(el, 'Larger goodwill credit');
    const before = el.value;
    // Another desk spends 25.00 without this page hearing of it.
    await w.adapter.crm.spend({
      idempotencyKey: `other-${w.interaction.id}`, agentId: w.agentId, interactionId: 'int-elsewhere', customerId: 'c-x',
      at: new Date().toISOString(), amount: 2500, currency: 'USD', reason: 'goodwill', expectedVersion: 3,
    });
    confirmButton(el).click();
    await until(() => $(el, '[part~="message"]'), 'the conflict message');
    expect(text($(el, '[part~="message"]'))).to.equal(
      'The fund changed while you were choosing: $35.00 left instead of $60.00. Check and confirm again.',
    );
    expect(el.value, 'the selection is kept').to.equal(before);
    expect(text($(el, '[part~="impact"]'))).to.equal('Leaves $10.00 of $200.00 this week.');
    expect(spends(w).length).to.equal(0);
    await expect(el).to.be.accessible();
    confirmButton(el).click();
    await until(() => text($(el, '[part~="message"]')) === 'Recovery recorded.');
    expect(spends(w).length).to.equal(1);
    expect((spends(w)[0].payload as SpendRequest).expectedVersion).to.equal(4);
  });

  it('after a conflict that leaves too little, Confirm becomes "Request approval"', async () => {
    const w = world({ severity: 'high' });
    const el = await mount(w);
    await choose(el, 'Larger goodwill credit');
    await w.adapter.crm.spend({
      idempotencyKey: `other2-${w.interaction.id}`, agentId: w.agentId, interactionId: 'int-elsewhere', customerId: 'c-x',
      at: new Date().toISOString(), amount: 4000, currency: 'USD', reason: 'goodwill', expectedVersion: 3,
    });
    confirmButton(el).click();
    await until(() => $(el, '[part~="message"]'));
    expect(text($(el, '[part~="message"]'))).to.contain('$20.00 left instead of $60.00');
    expect(text(confirmButton(el))).to.equal('Request approval');
  });

  it('"Customer declined" records a rejected reaction once, without spending', async () => {
    const w = world({ severity: 'low' });
    const el = await mount(w);
    bundles(el)[0].click();
    await settle(el);
    const rejected = oneEvent(el, 'mend-offer-reject');
    declineButton(el).click();
    declineButton(el).click();
    const { detail } = await rejected;
    expect(detail.accepted).to.equal(false);
    await until(() => records(w).length === 1, 'the reaction is delivered');
    await new Promise((r) => setTimeout(r, 30));
    expect(records(w).length).to.equal(1);
    const record = records(w)[0].payload as RecoveryRecord;
    expect(record.accepted).to.equal(false);
    expect(record.strategy).to.equal(detail.strategy);
    expect(spends(w).length).to.equal(0);
  });

  it('when the recovery cannot be stored after the spend went through, Confirm again replays that spend, never a second one', async () => {
    const w = world({ severity: 'high' });
    const el = await mount(w);
    await choose(el, 'Goodwill credit');
    const session = sessionFor(w.adapter);
    const open = session.openOutbox.bind(session);
    let fail = true;
    // Not retryable, even: the money went out, so the next Confirm must replay the same spend.
    const refusal = new HostError('invalid_request', 'This device could not store the write.', { retryable: false });
    session.openOutbox = () => (fail ? Promise.reject(refusal) : open());
    confirmButton(el).click();
    await until(() => text($(el, '[part~="message"]')).includes('The spend from the fund went through, but the recovery is not recorded yet'), 'the failure is shown');
    fail = false;
    expect(spends(w).length).to.equal(1);
    expect(records(w).length).to.equal(0);
    confirmButton(el).click();
    await until(() => text($(el, '[part~="message"]')) === 'Recovery recorded.', 'the retry records it');
    await until(() => records(w).length === 1, 'the record is delivered');
    expect(new Set(spends(w).map((r) => (r.payload as SpendRequest).idempotencyKey)).size, 'spend keys').to.equal(1);
    const fund = await w.adapter.getFund(w.agentId);
    expect(fund.ledger.filter((e) => e.interactionId === w.interaction.id), 'ledger entries').to.have.length(1);
  });

  it('a failure the host reports is shown, nothing is recorded, and the agent can try again', async () => {
    const w = world({ severity: 'high' });
    const el = await mount(w);
    await choose(el, 'Goodwill credit');
    w.adapter.failNext('spend', 'permission');
    confirmButton(el).click();
    await until(() => $(el, '[part~="message"]'));
    expect(text($(el, '[part~="message"]'))).to.contain('Could not complete:');
    expect(records(w).length).to.equal(0);
    confirmButton(el).click();
    await until(() => text($(el, '[part~="message"]')) === 'Recovery recorded.');
    expect(spends(w).length).to.equal(1);
  });
});
