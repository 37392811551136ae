import { until } from '../helpers/until.js';
import { fixture, html } from '@open-wc/testing';
import '../../src/define/root-cause-logger.js';
import type { MendRootCauseLogger } from '../../src/define/root-cause-logger.js';
import type { Interaction, RecoveryPolicy, RecurrenceCount, Taxonomy } from '../../src/core/model.js';
import type { HostAdapter } from '../../src/adapter/host-adapter.js';
import { sessionFor } from '../../src/adapter/session.js';

export const TAXONOMY: Taxonomy = {
  version: 1,
  departments: [
    { id: 'warehouse', name: 'Warehouse' },
    { id: 'shipping', name: 'Shipping' },
    { id: 'billing', name: 'Billing' },
  ],
  causes: [
    { id: 'rc-pick', label: 'Wrong item picked', category: 'Picking', departmentId: 'warehouse', keywords: ['pick'] },
    { id: 'rc-pack', label: 'Damaged packaging', category: 'Packing', departmentId: 'warehouse' },
    { id: 'rc-late', label: 'Late carrier pickup', category: 'Carrier', departmentId: 'shipping' },
    { id: 'rc-lost', label: 'Lost parcel', category: 'Carrier', departmentId: 'shipping' },
    { id: 'rc-double', label: 'Duplicate card charge', category: 'Charges', departmentId: 'billing' },
    { id: 'rc-xss', label: '<img src=x onerror="window.__pwned=1"> label', category: 'Odd', departmentId: 'billing' },
  ],
};

export const POLICY: RecoveryPolicy = {
  id: 'p',
  version: 1,
  currency: 'USD',
  severities: ['low', 'medium', 'high'],
  rules: [],
  offers: [],
  authority: [],
  baggage: { windowDays: 365, recentDays: 90, severeScore: 1, poorScore: 2, callbackDays: 30, heavyPoints: 4 },
  recurrence: { windowDays: 7, threshold: 5 },
  unresolvedLimitMinutes: 30,
};

export const RECURRENCE: RecurrenceCount[] = [
  { causeId: 'rc-pick', count: 14 },
  { causeId: 'rc-late', count: 2 },
];

/** A fresh interaction (unique id: drafts are kept per interaction in localStorage). */
export function newInteraction(over: Partial<Interaction> = {}): Interaction {
  return {
    id: `t-${crypto.randomUUID()}`,
    customerId: 'cust-1',
    channel: 'chat',
    startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...over,
  };
}

export async function plainLogger(
  interaction: Interaction | null = newInteraction(),
  extra: { taxonomy?: Taxonomy; recurrence?: RecurrenceCount[]; resolution?: string } = {},
): Promise<MendRootCauseLogger> {
  return fixture<MendRootCauseLogger>(html`<mend-root-cause-logger
    .taxonomy=${extra.taxonomy ?? TAXONOMY}
    .policy=${POLICY}
    .recurrence=${extra.recurrence ?? RECURRENCE}
    .interaction=${interaction}
    .resolution=${extra.resolution}
  ></mend-root-cause-logger>`);
}

const used = new Set<HostAdapter>();

export async function hostedLogger(adapter: HostAdapter, attrs: { guard?: boolean } = {}): Promise<MendRootCauseLogger> {
  used.add(adapter);
  return attrs.guard === false
    ? fixture<MendRootCauseLogger>(html`<mend-root-cause-logger .adapter=${adapter} guard-wrap-up="false"></mend-root-cause-logger>`)
    : fixture<MendRootCauseLogger>(html`<mend-root-cause-logger .adapter=${adapter}></mend-root-cause-logger>`);
}

/**
 * One page has one adapter and one outbox; a test file creates many. Dispose each test's outbox so
 * that a later test's writes are not delivered by an earlier test's outbox (they share a scope).
 */
export async function disposeOutboxes(): Promise<void> {
  const list = [...used];
  used.clear();
  await Promise.all(
    list.map((adapter) =>
      Promise.race([sessionFor(adapter).openOutbox().then((o) => o.dispose()), new Promise((r) => setTimeout(r, 300))]),
    ),
  );
}

export const $ = <T extends Element = HTMLElement>(el: MendRootCauseLogger, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: MendRootCauseLogger, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const text = (el: MendRootCauseLogger, selector: string): string =>
  ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const combo = (el: MendRootCauseLogger) => $<HTMLInputElement>(el, '[role="combobox"]')!;

/** Type into a field as a user would (value + input event). */
export async function typeInto(el: MendRootCauseLogger, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  // The type-ahead's search code loads when the agent first types (or the page is idle).
  await searched(el);
}

/** The list follows what was typed (the search code is loaded): `aria-busy` is off. */
export async function searched(el: MendRootCauseLogger): Promise<void> {
  await until(() => combo(el).getAttribute('aria-busy') !== 'true', 'the type-ahead searched');
  await el.updateComplete;
}

/** Choose a root cause through the combobox: type, and Enter takes the first match (highlighted as you type). */
export async function chooseCause(el: MendRootCauseLogger, query: string): Promise<void> {
  await typeInto(el, '#cause', query);
  const input = combo(el);
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
  await el.updateComplete;
}

/** Fill every required field. */
export async function fill(el: MendRootCauseLogger, query = 'wrong item'): Promise<void> {
  await typeInto(el, '#problem', 'Customer received the wrong colour.');
  await chooseCause(el, query);
  await typeInto(el, '#resolution', 'Sent the right item by express.');
}

export async function submit(el: MendRootCauseLogger): Promise<void> {
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

export { until };
