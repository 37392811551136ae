// Fixtures for the offer-picker tests: a small policy whose offers the tests name, funds, and DOM helpers.
import { text } from '../helpers/dom.js';
import { makeFund as baseFund } from '../helpers/fund.js';
import { uniqueScope } from '../helpers/writes.js';
import { until } from '../helpers/until.js';
import { MemoryAdapter, type MemoryOptions } from '../../src/adapter/memory-adapter.js';
import type { BaggagePolicy, Fund, Incident, Interaction, RecoveryPolicy } from '../../src/core/model.js';
import type { MendOfferPicker } from '../../src/define/offer-picker.js';

const baggage: BaggagePolicy = { windowDays: 365, recentDays: 90, severeScore: 1, poorScore: 2, callbackDays: 30, heavyPoints: 4 };

/** A policy like the default one, with offers the tests can name. */
export function makePolicy(over: Partial<RecoveryPolicy> = {}): RecoveryPolicy {
  return {
    id: 'test-policy',
    version: 1,
    currency: 'USD',
    severities: ['low', 'medium', 'high'],
    rules: [
      { severity: 'low', mode: 'any', requires: ['assistance', 'compensation'] },
      { severity: 'medium', mode: 'any', requires: ['assistance', 'compensation'] },
      { severity: 'high', mode: 'all', requires: ['assistance', 'compensation'] },
    ],
    offers: [
      { id: 'apology', kind: 'apology', label: 'Sincere apology', monetary: false },
      { id: 'fix', kind: 'assistance', label: 'Fix or replace', monetary: false },
      { id: 'expedite', kind: 'assistance', label: 'Expedited replacement', monetary: false },
      { id: 'credit-15', kind: 'compensation', label: 'Goodwill credit', monetary: true, amount: 1500, reason: 'goodwill' },
      { id: 'credit-25', kind: 'compensation', label: 'Larger goodwill credit', monetary: true, amount: 2500, reason: 'goodwill' },
      { id: 'refund', kind: 'compensation', label: 'Refund', monetary: true, customAmount: true, reason: 'item_damaged' },
      { id: 'policy-review', kind: 'compensation', label: 'Policy review', monetary: false },
      { id: 'points', kind: 'compensation', label: 'Loyalty points', monetary: false, counts: false },
    ],
    authority: [
      { role: 'agent', maxPerAction: 5000 },
      { role: 'lead', maxPerAction: 10000 },
    ],
    baggage,
    recurrence: { windowDays: 7, threshold: 5 },
    unresolvedLimitMinutes: 30,
    ...over,
  };
}

/** A fresh agent id per test: sessions on one page share the cross-tab fund channel. */
export const newAgentId = (): string => uniqueScope('agent-op');

/** 200.00 a week, 140.00 spent (60.00 left), cap 150.00, approval above 50.00. */
export const makeFund = (over: Partial<Fund> = {}): Fund =>
  baseFund({ agentId: 'agent-op', spent: 14000, periodStart: '2026-11-23T00:00:00.000Z', periodEnd: '2026-11-30T00:00:00.000Z', version: 3, ...over });

export { text };
export const $ = <T extends HTMLElement = HTMLElement>(el: MendOfferPicker, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends HTMLElement = HTMLElement>(el: MendOfferPicker, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** The checkbox whose label contains `label`. */
export function checkbox(el: MendOfferPicker, label: string): HTMLInputElement {
  const found = $$(el, 'label.check').find((l) => text(l).includes(label));
  if (!found) throw new Error(`no checkbox "${label}" in ${$$(el, 'label.check').map((l) => text(l)).join(' | ')}`);
  return found.querySelector('input')!;
}

/** The radio (bundle or compensation option) whose text contains `label`, within `scope` (a part). */
export function radio(el: MendOfferPicker, scope: 'bundles' | 'compensation', label: string): HTMLElement {
  const found = $$(el, `[part~="${scope}"] [role="radio"]`).find((r) => text(r).includes(label));
  if (!found) throw new Error(`no ${scope} radio "${label}" in ${$$(el, `[part~="${scope}"] [role="radio"]`).map((r) => text(r)).join(' | ')}`);
  return found;
}

export const bundles = (el: MendOfferPicker): HTMLElement[] => $$(el, '[part~="bundles"] [role="radio"]');
export const confirmButton = (el: MendOfferPicker): HTMLButtonElement => $<HTMLButtonElement>(el, '[part~="confirm"]')!;
export const declineButton = (el: MendOfferPicker): HTMLButtonElement => $<HTMLButtonElement>(el, '[part~="decline"]')!;
export const announced = (el: MendOfferPicker): string => text($(el, '[role="status"]'));

/** Let Lit render and the `change` dispatch (after the update) happen. */
export async function settle(el: MendOfferPicker): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/**
 * Wait for a polite announcement. MendElement.announce sets the text on the next animation frame,
 * and a hidden page (the second page when the runner runs two files at once) runs no frames: there
 * the check can only be made once the page is visible, so it is left out.
 */
export async function expectAnnounced(el: MendOfferPicker, wanted: string): Promise<void> {
  if (document.visibilityState !== 'visible') return;
  await until(() => announced(el).includes(wanted), `announces "${wanted}" (got "${announced(el)}")`);
}

/** Choose "Fix or replace" and a refund of `amount` (typed as the agent would), e.g. above the threshold. */
export async function chooseRefund(el: MendOfferPicker, amount: string): Promise<void> {
  checkbox(el, 'Fix or replace').click();
  radio(el, 'compensation', 'Refund').click();
  await settle(el);
  const input = $<HTMLInputElement>(el, '[part~="amount"] input')!;
  input.value = amount;
  input.dispatchEvent(new Event('input'));
  await settle(el);
}

let n = 0;

export interface World {
  adapter: MemoryAdapter;
  interaction: Interaction;
  agentId: string;
}

/** A MemoryAdapter with one agent (fresh id), the test policy, a fund and the customer's history. */
export function world(
  setup: { severity?: string; incidents?: Incident[]; fund?: Partial<Fund>; options?: MemoryOptions } = {},
): World {
  const id = `${++n}-${Math.random().toString(36).slice(2, 7)}`;
  const agentId = newAgentId();
  const interaction: Interaction = {
    id: `int-op-${id}`,
    customerId: `cust-op-${id}`,
    channel: 'chat',
    startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    customerName: 'Carmen Ruiz',
    ...(setup.severity ? { severity: setup.severity } : {}),
  };
  const adapter = new MemoryAdapter(
    {
      context: { agent: { id: agentId, name: 'Dana Reyes', role: 'agent' }, interaction, locale: 'en-US', currency: 'USD' },
      policy: makePolicy(),
      funds: [makeFund({ agentId, ...setup.fund })],
      histories: [{ customer: { id: interaction.customerId, name: 'Carmen Ruiz' }, incidents: setup.incidents ?? [] }],
    },
    { latency: 2, ...setup.options },
  );
  return { adapter, interaction, agentId };
}

/** A recent unresolved high-severity incident: heavy baggage on its own. */
export const heavyIncident = (): Incident => ({
  id: 'inc-1',
  occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
  severity: 'high',
  category: 'delivery',
  summary: 'Blender arrived broken',
  resolved: false,
  remedies: [],
  surveyScore: 1,
});

