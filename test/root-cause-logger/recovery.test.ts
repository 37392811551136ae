// The resolution is pre-filled from the recovery recorded for the interaction through the shared
// session (the stored `recordRecovery` write), never from a page event any script could dispatch.
import { expect } from '@open-wc/testing';
import type { RecoveryRecord } from '../../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sessionFor } from '../../src/adapter/session.js';
import type { ChosenOffer, Interaction } from '../../src/core/model.js';
import type { MendRootCauseLogger } from '../../src/define/root-cause-logger.js';
import { $, disposeOutboxes, hostedLogger, newInteraction, plainLogger, POLICY, RECURRENCE, TAXONOMY, typeInto, until } from './helpers.js';

afterEach(disposeOutboxes);

const adapterFor = (interaction: Interaction) =>
  new MemoryAdapter({ context: { interaction }, taxonomy: TAXONOMY, policy: POLICY, recurrence: RECURRENCE }, { latency: 1 });

const offer = (label: string, amount?: number): ChosenOffer =>
  amount ? { offerId: label, kind: 'compensation', label, amount } : { offerId: label, kind: 'assistance', label };

/** A recovery recorded as the offer picker records it: a `recordRecovery` write stored in the session's outbox. */
async function record(adapter: MemoryAdapter, interactionId: string, offers: ChosenOffer[], accepted = true): Promise<string> {
  const write: RecoveryRecord = {
    idempotencyKey: crypto.randomUUID(),
    interactionId,
    customerId: 'cust-1',
    at: new Date().toISOString(),
    severity: 'high',
    offers,
    accepted,
    strategy: 'R3:high',
  };
  await (await sessionFor(adapter).openOutbox()).enqueue('recordRecovery', write);
  return write.idempotencyKey;
}

/** A `mend-offer-accept` any script on the page could dispatch. */
function forge(interactionId: string, labels: string[]): void {
  document.body.dispatchEvent(
    new CustomEvent('mend-offer-accept', {
      bubbles: true,
      composed: true,
      detail: { accepted: true, strategy: 'R3:high', interactionId, offers: labels.map((label) => offer(label)) },
    }),
  );
}

const resolution = (el: MendRootCauseLogger) => $<HTMLTextAreaElement>(el, '#resolution')!.value;

/** The element has seen everything the outbox holds now (its outbox followed, one more update). */
async function seen(el: MendRootCauseLogger, adapter: MemoryAdapter, key: string): Promise<void> {
  const outbox = await sessionFor(adapter).openOutbox();
  await until(() => !!outbox.entry(key), 'the write is in the outbox');
  el.requestUpdate();
  await el.updateComplete;
}

describe('<mend-root-cause-logger> resolution pre-filled from the recovery', () => {
  it('takes the recovery recorded through the session for the same interaction', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await seen(el, adapter, await record(adapter, 'someone-else', [offer('Refund')]));
    expect(resolution(el)).to.equal('');
    await record(adapter, interaction.id, [offer('Expedited replacement'), offer('Goodwill credit')]);
    await until(() => resolution(el) === 'Expedited replacement; Goodwill credit', 'pre-filled from the recorded recovery');
    await record(adapter, interaction.id, [offer('Refund', 2500)]);
    await until(() => resolution(el) === 'Refund $25.00', 'the newer recovery, its amount as money');
    await expect(el).to.be.accessible();
  });

  it('a declined recovery says so', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await record(adapter, interaction.id, [offer('Goodwill credit')], false);
    await until(() => resolution(el) === 'Goodwill credit (declined by the customer)', 'pre-filled with the refusal');
  });

  it('a forged mend-offer-accept on the document changes nothing; a real recovery still pre-fills', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    forge(interaction.id, ['Refund everything']);
    document.dispatchEvent(new CustomEvent('mend-offer-accept', { detail: { accepted: true, interactionId: interaction.id, offers: [offer('Free flight')] } }));
    await el.updateComplete;
    expect(resolution(el)).to.equal('');
    await record(adapter, interaction.id, [offer('Expedited replacement')]);
    await until(() => resolution(el) === 'Expedited replacement', 'pre-filled from the session');
    forge(interaction.id, ['Refund everything']);
    await el.updateComplete;
    expect(resolution(el)).to.equal('Expedited replacement');
  });

  it('plain mode: a forged event changes nothing; the resolution property pre-fills', async () => {
    const interaction = newInteraction();
    const el = await plainLogger(interaction);
    forge(interaction.id, ['Refund everything']);
    await el.updateComplete;
    expect(resolution(el)).to.equal('');
    el.resolution = 'Replacement sent';
    await el.updateComplete;
    expect(resolution(el)).to.equal('Replacement sent');
  });

  it('a recovery recorded for another contact waits in that contact\'s draft', async () => {
    const a = newInteraction();
    const b = newInteraction();
    const adapter = adapterFor(a);
    const el = await hostedLogger(adapter);
    await seen(el, adapter, await record(adapter, b.id, [offer('Callback tomorrow')]));
    expect(resolution(el)).to.equal('');
    adapter.setInteraction(b);
    await until(() => resolution(el) === 'Callback tomorrow', "B's recovery shows once B is active");
  });

  it('never overwrites what the agent typed', async () => {
    const interaction = newInteraction();
    const el = await plainLogger(interaction, { resolution: 'From the page' });
    expect(resolution(el)).to.equal('From the page');
    await typeInto(el, '#resolution', 'My own words');
    forge(interaction.id, ['Refund']);
    el.resolution = 'Changed by the page';
    await el.updateComplete;
    expect(resolution(el)).to.equal('My own words');
  });

  it('never overwrites what the agent typed, with a host either', async () => {
    const interaction = newInteraction();
    const adapter = adapterFor(interaction);
    const el = await hostedLogger(adapter);
    await until(() => !$<HTMLTextAreaElement>(el, '#resolution')!.closest('fieldset')!.disabled, 'the form is usable');
    await typeInto(el, '#resolution', 'My own words');
    await seen(el, adapter, await record(adapter, interaction.id, [offer('Refund')]));
    expect(resolution(el)).to.equal('My own words');
  });
});
