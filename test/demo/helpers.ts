// Helpers for the demo console tests: mount the console on a fresh embedded CRM, read the widgets'
// shadow DOM, wait for things a user would wait for.
import { inside, text } from '../helpers/dom.js';
import { until } from '../helpers/until.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_IDS } from '../../src/adapter/demo-data.js';
import { mountDemo, type DemoConsole, type DemoOptions } from '../../demo/console.js';

/** Text of an element, whitespace collapsed. */
export { text };

export { inside };

export { until };

export function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('mend:draft:')) localStorage.removeItem(key);
}

export interface Mounted {
  demo: DemoConsole;
  root: HTMLElement;
  page: HTMLElement;
}

const mounted: DemoConsole[] = [];

let sheet: Promise<void> | null = null;
/** The demo's own style sheet (and through it the vendor themes), as index.html links it. */
function loadSheet(): Promise<void> {
  return (sheet ??= new Promise<void>((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/demo/demo.css';
    link.onload = () => resolve();
    link.onerror = () => reject(new Error('demo.css did not load'));
    document.head.append(link);
  }));
}

/** The console on a fresh CRM (its own IndexedDB database and outbox scope), widgets loaded; on the Mend service with `service`. */
export async function mount(service?: DemoOptions['service']): Promise<Mounted> {
  clearDrafts();
  await loadSheet();
  const page = await fixture<HTMLElement>(html`<div class="page"><div class="root"></div></div>`);
  const root = page.querySelector<HTMLElement>('.root')!;
  const demo = mountDemo(root, { db: `mend-demo-test-${crypto.randomUUID()}`, page, remember: false, service });
  mounted.push(demo);
  await demo.ready;
  await until(() => text(inside(root, 'mend-baggage-banner', '[part~="customer"]')) !== '', 'the banner to show a customer');
  await until(() => text(inside(root, '.col-tools mend-fund-meter', '[part~="remaining"]')) !== '', 'the fund');
  return { demo, root, page };
}

/** Tear down every console of the test: listeners, timers, and its outbox (so it delivers nothing later). */
export async function unmountAll(): Promise<void> {
  const list = mounted.splice(0);
  for (const demo of list) demo.destroy();
  await Promise.all(list.map((demo) => Promise.race([demo.session.openOutbox().then((o) => o.dispose()), new Promise((r) => setTimeout(r, 300))])));
  clearDrafts();
}

/** The queue button of a contact. */
export const contact = (root: ParentNode, name: string): HTMLButtonElement =>
  [...root.querySelectorAll<HTMLButtonElement>('.queue button.contact')].find((b) => text(b).includes(name))!;

export const switchNamed = (root: ParentNode, name: string): HTMLButtonElement =>
  [...root.querySelectorAll<HTMLButtonElement>('[role="switch"]')].find((b) => text(b) === name)!;

export const buttonNamed = (root: ParentNode, name: string): HTMLButtonElement =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name)!;

const logger = (root: ParentNode) => root.querySelector('mend-root-cause-logger')!;

/** Type into a logger field as a user would. */
async function typeInto(root: ParentNode, selector: string, value: string): Promise<void> {
  const field = logger(root).shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await logger(root).updateComplete;
}

/** Fill the root-cause logger (problem, a cause from the type-ahead, resolution) and save it. */
export async function logRootCause(root: ParentNode): Promise<void> {
  const el = logger(root);
  await until(() => !!el.shadowRoot!.querySelector('[role="combobox"]'), 'the taxonomy');
  await typeInto(root, '#problem', 'Replacement arrived broken again.');
  await typeInto(root, '#cause', 'damaged packaging');
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
  await until(() => !!el.shadowRoot!.querySelector('[role="option"]'), 'the type-ahead (loaded on demand) lists causes');
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
  await el.updateComplete;
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await el.updateComplete;
  await typeInto(root, '#resolution', 'Sent a new one by express.');
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => !!el.shadowRoot!.querySelector('[part~="status"]'), 'the saved status');
}

/** What the desk's fund meter says is left ("$70.00 left of $200.00"). */
export const fundLeft = (root: ParentNode): string => text(inside(root, '.col-tools mend-fund-meter', '[part~="remaining"]'));

export const loggerStatus = (root: ParentNode): string => text(inside(root, 'mend-root-cause-logger', '[part~="status"]'));

export const deskTab = (root: ParentNode, id: 'agent' | 'lead'): HTMLButtonElement => root.querySelector<HTMLButtonElement>(`#tab-${id}`)!;
const badge = (root: ParentNode) => text(deskTab(root, 'lead').querySelector('.count'));
const queueItems = (root: ParentNode) => [...(root.querySelector('mend-approval-queue')?.shadowRoot?.querySelectorAll<HTMLElement>('[part="item"]') ?? [])];
const pendingLine = (root: ParentNode) => text(inside(root, '.col-tools mend-fund-meter', '.pending'));

/**
 * The lead's desk end to end, whatever the console runs on (the embedded CRM or the service): Dana
 * gives $70.00 at the agent desk (above her $50.00 threshold), the request reaches the Team lead
 * tab (badge, notice, queue), Sam approves it by keyboard, and the decision reaches Dana's meter
 * and the agent desk's notice. Leaves the Team lead tab selected.
 */
export async function approveAtLeadDesk({ root, demo }: Mounted): Promise<void> {
  await until(() => badge(root).startsWith('1'), 'the badge counts the seed spend waiting');
  const fund = await demo.hostAdapter.getFund(DEMO_IDS.agent);
  const result = await demo.session.spend({
    idempotencyKey: crypto.randomUUID(), interactionId: 'int-voice-1', customerId: DEMO_IDS.customers.heavy, at: new Date().toISOString(),
    agentId: DEMO_IDS.agent, amount: 7_000, currency: 'USD', reason: 'item_damaged', note: 'Second broken blender', expectedVersion: fund.version,
  });
  expect(result.status).to.equal('pending_approval');
  await until(() => badge(root).startsWith('2'), 'the lead badge to count the new request');
  await until(() => text(root.querySelector('.notice')).includes('Dana Reyes asks for approval of $70.00'), 'the notice');
  await until(() => pendingLine(root) === '$130.00 pending approval (2)', "the agent's meter shows both pending");

  // The lead's tab, by keyboard: the arrow key moves to it.
  deskTab(root, 'agent').focus();
  await sendKeys({ press: 'ArrowRight' });
  expect(demo.tab).to.equal('lead');
  await until(() => queueItems(root).length === 2, 'both requests in the queue');
  const carmen = queueItems(root).find((i) => text(i).includes('Carmen Ruiz'))!;
  expect(text(carmen)).to.include('$70.00').and.include('Threshold $50.00').and.include('Heavy baggage');
  carmen.querySelector<HTMLButtonElement>('[part="approve"]')!.focus();
  await sendKeys({ press: 'Enter' });

  await until(() => queueItems(root).length === 1, 'the approved request leaves the queue');
  await until(() => badge(root).startsWith('1'), 'the badge follows');
  await until(() => pendingLine(root) === '$60.00 pending approval (1)', "the decision reaches the agent's meter");
  await until(() => text(root.querySelector('.notice')).startsWith('A team lead approved a spend you sent for approval'), 'the agent desk is told');
  const after = await demo.hostAdapter.getFund(DEMO_IDS.agent);
  expect(after.ledger.find((e) => e.id === result.entryId)!.status).to.equal('done');
  await until(() => !!inside(root, 'mend-recovery-report', '[part="chart"]'), 'the report');
}
