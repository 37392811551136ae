import { fixture, html } from '@open-wc/testing';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import type { SpendRequest } from '../../src/adapter/host-adapter.js';
import { MemoryAdapter, type MemoryOptions } from '../../src/adapter/memory-adapter.js';
import '../../src/define/approval-queue.js';
import type { MendApprovalQueue } from '../../src/define/approval-queue.js';
import { until } from '../helpers/until.js';

export const LEAD = { id: DEMO_IDS.lead, name: 'Sam Okafor', role: 'lead' };

/** The demo CRM seen from the lead's desk (the signed-in agent is the lead). */
export function leadAdapter(options: MemoryOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ ...demoSeed(), context: { agent: LEAD, interaction: null } }, { latency: 1, ...options });
}

export const items = (el: MendApprovalQueue) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
export { text } from '../helpers/dom.js';
export const settled = (el: MendApprovalQueue) => !!el.shadowRoot?.querySelector('[part="list"], [part="empty"], [part="error"]');

export async function mountQueue(adapter: MemoryAdapter | undefined): Promise<MendApprovalQueue> {
  const el = await fixture<MendApprovalQueue>(html`<mend-approval-queue .adapter=${adapter} locale="en-US"></mend-approval-queue>`);
  await until(() => settled(el), 'the queue settles');
  return el;
}

/** The agent spends above the threshold (pending approval), as the offer picker would. */
export async function spendAbove(adapter: MemoryAdapter, amount = 7_000): Promise<string> {
  const fund = await adapter.crm.fund(DEMO_IDS.agent);
  const request: SpendRequest = {
    idempotencyKey: crypto.randomUUID(), interactionId: 'int-voice-1', customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(),
    agentId: DEMO_IDS.agent, amount, currency: 'USD', reason: 'item_damaged', note: 'Second broken blender', expectedVersion: fund.version,
  };
  const result = await adapter.spend(request);
  if (result.status !== 'pending_approval') throw new Error(`expected a pending spend, got ${result.status}`);
  return result.entryId;
}
