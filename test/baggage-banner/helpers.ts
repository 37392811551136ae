import { text } from '../helpers/dom.js';
import { until } from '../helpers/until.js';
import { render, type TemplateResult } from 'lit';
import type { Incident, RemedyGiven } from '../../src/core/model.js';
import { MendBaggageBanner } from '../../src/define/baggage-banner.js';

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
export { text };

// Every announcement the banner asks for, per element. The live region is filled on the next
// animation frame, which never comes in a hidden page (the runner's second page is hidden).
const said = new WeakMap<Element, string[]>();
const proto = MendBaggageBanner.prototype as unknown as { announce(message: string): void };
const original = proto.announce;
proto.announce = function (this: MendBaggageBanner, message: string) {
  if (!said.has(this)) said.set(this, []);
  said.get(this)!.push(message);
  original.call(this, message);
};

/** Everything the banner announced so far. */
export const announcements = (el: MendBaggageBanner): readonly string[] => said.get(el) ?? [];

/** The last polite announcement; where frames run, also checks that it reached the live region. */
export async function announced(el: MendBaggageBanner): Promise<string> {
  await el.updateComplete;
  const list = announcements(el);
  const last = list[list.length - 1] ?? '';
  if (document.visibilityState === 'visible') await until(() => text($(el, '[role="status"]')) === last);
  return last;
}

export { until };

/**
 * Render a template that does not start with a Lit element. (open-wc's `fixture` waits an animation
 * frame for plain elements, and frames never come in the runner's hidden second page.)
 */
export async function mountTemplate(template: TemplateResult): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  for (const el of container.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')) await el.updateComplete;
  return container;
}
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const c of mounted.splice(0)) c.remove();
});
