import type { Incident, RemedyGiven } from '../../src/core/model.js';
import type { MendBaggageBanner } from '../../src/define/baggage-banner.js';

export const NOW = Date.parse('2026-03-01T12:00:00Z');
const DAY = 86_400_000;

/** A past incident `days` before NOW. */
export function incident(id: string, days: number, more: Partial<Incident> = {}): Incident {
  return {
    id,
    occurredAt: new Date(NOW - days * DAY).toISOString(),
    severity: 'low',
    category: 'Delivery',
    summary: `Summary of ${id}`,
    resolved: true,
    remedies: [],
    surveyScore: null,
    ...more,
  };
}

/** One old, resolved, low incident: light baggage. */
export const lightIncidents = (): Incident[] => [incident('inc-l1', 150, { surveyScore: 4, remedies: [{ kind: 'apology', label: 'Apology' }] })];

const credit: RemedyGiven = { kind: 'compensation', label: 'Goodwill credit', amount: 1500, currency: 'USD' };

/** Unresolved high-severity incident plus a survey score of 1 last week: heavy, callback recommended. */
export const heavyIncidents = (): Incident[] => [
  incident('inc-h1', 10, { severity: 'high', category: 'Damaged item', summary: 'Blender arrived with a cracked jar', resolved: false }),
  incident('inc-h2', 7, { severity: 'medium', category: 'Service', summary: 'Nobody called back', surveyScore: 1, remedies: [{ kind: 'apology', label: 'Apology' }, credit] }),
  incident('inc-h3', 40, { summary: 'Late parcel', surveyScore: 3 }),
];

/** `n` incidents, one a day, resolved. */
export function manyIncidents(n: number): Incident[] {
  const list: Incident[] = [];
  for (let i = 0; i < n; i++) list.push(incident(`inc-m${i}`, (i * 7) % 700, { summary: `Past issue number ${i}` }));
  return list;
}

export const $ = <T extends Element = HTMLElement>(el: MendBaggageBanner, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector) as T;
export const $$ = <T extends Element = HTMLElement>(el: MendBaggageBanner, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const part = <T extends Element = HTMLElement>(el: MendBaggageBanner, name: string) => $<T>(el, `[part~="${name}"]`);
export const parts = <T extends Element = HTMLElement>(el: MendBaggageBanner, name: string) => $$<T>(el, `[part~="${name}"]`);
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The polite live region's text once the announcement landed (it is set on the next frame). */
export async function announced(el: MendBaggageBanner): Promise<string> {
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await el.updateComplete;
  return text($(el, '[role="status"]'));
}

/** Wait until `check` passes (a few frames at most). */
export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
