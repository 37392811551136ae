// The lead's decision reaches the agent: the offer picker that sent a spend for approval says when a
// lead approves or declines it (through the session's one fund), and the meter follows.
import { expect, fixture, html } from '@open-wc/testing';
import type { SpendRequest, SpendResult } from '../../src/adapter/host-adapter.js';
import { decisionKey } from '../../src/adapter/lead.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { Interaction } from '../../src/core/model.js';
import '../../src/define/offer-picker.js';
import type { MendOfferPicker } from '../../src/define/offer-picker.js';
import { $, chooseRefund, confirmButton, makeFund, makePolicy, newAgentId, text } from '../offer-picker/fixtures.js';
import { until } from '../helpers/until.js';

async function requestApproval(): Promise<{ adapter: MemoryAdapter; el: MendOfferPicker; spend: SpendResult; agentId: string; interaction: Interaction }> {
  const agentId = newAgentId();
  const interaction: Interaction = { id: `int-${agentId}`, customerId: `cust-${agentId}`, channel: 'chat', startedAt: new Date().toISOString(), customerName: 'Carmen Ruiz', severity: 'high' };
  const adapter = new MemoryAdapter(
    {
      context: { agent: { id: agentId, name: 'Dana Reyes', role: 'agent' }, interaction, locale: 'en-US', currency: 'USD' },
      agents: [{ id: 'lead-1', name: 'Sam Okafor', role: 'lead' }],
      policy: makePolicy(),
      funds: [makeFund({ agentId })],
      histories: [{ customer: { id: interaction.customerId, name: 'Carmen Ruiz' }, incidents: [] }],
    },
    { latency: 2 },
  );
  const el = await fixture<MendOfferPicker>(html`<mend-offer-picker .adapter=${adapter} locale="en-US"></mend-offer-picker>`);
  await until(() => $(el, '[part~="bundles"]'), 'the picker settles');
  await chooseRefund(el, '55.00');
  confirmButton(el).click();
  await until(() => text($(el, '[part~="message"]')) === 'Sent for approval.', 'the request');
  const spend = adapter.received.find((r) => r.kind === 'spend')!.answer as SpendResult;
  return { adapter, el, spend, agentId, interaction };
}

const decide = (w: Awaited<ReturnType<typeof requestApproval>>, approve: boolean) => {
  const request = w.adapter.received.find((r) => r.kind === 'spend')!.payload as SpendRequest;
  return w.adapter.decideApproval({
    idempotencyKey: decisionKey('lead-1', w.spend.entryId), interactionId: request.interactionId, customerId: request.customerId,
    at: new Date().toISOString(), leadId: 'lead-1', agentId: w.agentId, entryId: w.spend.entryId, approve,
  });
};

describe("a lead's decision at the agent's picker", () => {
  it('approved: the picker says so', async () => {
    const w = await requestApproval();
    await decide(w, true);
    await until(() => text($(w.el, '[part~="message"]')) === 'A lead approved the compensation.', 'the approval reaches the picker');
    await expect(w.el).to.be.accessible();
  });

  it('declined: the picker says nothing was paid', async () => {
    const w = await requestApproval();
    await decide(w, false);
    await until(() => text($(w.el, '[part~="message"]')) === 'A lead declined the compensation; nothing was paid.', 'the decline reaches the picker');
  });
});
