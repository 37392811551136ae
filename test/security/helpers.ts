// Shared helpers of the security tests: mounting without animation frames (the runner's second page
// is hidden), reading shadow roots, traps for injected script and for uncaught errors.
import { q, qa, text } from '../helpers/dom.js';
import { makeFund as baseFund } from '../helpers/fund.js';
import { uniqueScope } from '../helpers/writes.js';
import { tick, until } from '../helpers/until.js';
import { render, type TemplateResult } from 'lit';
import { MemoryAdapter, type MemoryOptions, type MemorySeed } from '../../src/adapter/memory-adapter.js';
import { sessionFor } from '../../src/adapter/session.js';
import type { Agent, Fund, Interaction } from '../../src/core/model.js';
import { DEFAULT_POLICY } from '../../src/core/recovery.js';
import '../../src/define/host.js';
import '../../src/define/baggage-banner.js';
import '../../src/define/offer-picker.js';
import '../../src/define/fund-meter.js';
import '../../src/define/root-cause-logger.js';

export const WIDGETS = ['mend-baggage-banner', 'mend-offer-picker', 'mend-fund-meter', 'mend-root-cause-logger'] as const;
export type WidgetTag = (typeof WIDGETS)[number];

export { tick, until };

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const c of mounted.splice(0)) {
    render(null, c);
    c.remove();
  }
});

/** Render a template into the page and wait for every Lit element in it. */
export async function mount(template: TemplateResult): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  await settled(container);
  return container;
}

/** Wait for every Lit element under `container` to finish updating. */
export async function settled(container: ParentNode): Promise<void> {
  for (let i = 0; i < 3; i++) {
    for (const el of container.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')) await el.updateComplete;
    await tick();
  }
}

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;
export { q, qa };
/** All text of a widget, as the DOM holds it (nothing collapsed or trimmed). */
export const rawText = (el: Element) => el.shadowRoot!.textContent ?? '';
/** Text with whitespace collapsed, for messages. */
export { text };
/** The element tags of a widget's shadow root, in document order: its structure. */
export const tags = (el: Element) => [...el.shadowRoot!.querySelectorAll('*')].map((e) => e.localName);

/** The error state with a retry, whichever widget: a `part~=error` region with a Retry button. */
export function errorWithRetry(el: Element): { region: HTMLElement; retry: HTMLButtonElement } | null {
  for (const region of qa(el, '[part~="error"], [role="alert"]')) {
    const retry = region.querySelector<HTMLButtonElement>('button[part~="retry"]') ?? q<HTMLButtonElement>(el, 'button[part~="retry"]');
    if (retry) return { region, retry };
  }
  return null;
}

// ---- traps ------------------------------------------------------------------------------------

interface Trapped {
  pwned: string[];
  errors: string[];
}
const w = window as unknown as { __pwned?: unknown; pwn?: () => void; alert: unknown; prompt: unknown; confirm: unknown };

/**
 * Springs on anything injected that runs: `pwn()`, `window.__pwned`, alert/prompt/confirm. Also
 * collects uncaught errors and unhandled rejections. Call `release()` for the findings.
 */
export function trap(): { readonly found: Trapped; release(): Trapped } {
  const found: Trapped = { pwned: [], errors: [] };
  const saved = { alert: w.alert, prompt: w.prompt, confirm: w.confirm };
  delete w.__pwned;
  w.pwn = () => void found.pwned.push('pwn()');
  w.alert = (x: unknown) => void found.pwned.push(`alert(${String(x)})`);
  w.prompt = (x: unknown) => void found.pwned.push(`prompt(${String(x)})`);
  w.confirm = (x: unknown) => void found.pwned.push(`confirm(${String(x)})`);
  const onError = (e: ErrorEvent) => found.errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => found.errors.push(`unhandledrejection: ${String((e.reason as Error)?.stack ?? e.reason)}`);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return {
    found,
    release() {
      if (w.__pwned !== undefined) found.pwned.push(`__pwned=${String(w.__pwned)}`);
      Object.assign(w, saved);
      delete w.pwn;
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
      return found;
    },
  };
}

// ---- hosts ------------------------------------------------------------------------------------

/** A unique suffix per world (funds are shared across the runner's pages through BroadcastChannel by agent id). */
export const unique = (prefix: string): string => uniqueScope(prefix);

/** The agent's fund in a week around now: 200.00, 40.00 spent, cap 150.00, approval above 50.00. */
export function makeFund(agentId: string, more: Partial<Fund> = {}): Fund {
  const start = Date.now() - 2 * 86_400_000;
  return baseFund({ agentId, spent: 4_000, periodStart: new Date(start).toISOString(), periodEnd: new Date(start + 7 * 86_400_000).toISOString(), ...more });
}

export interface World {
  adapter: MemoryAdapter;
  agent: Agent;
  interaction: Interaction;
}

/**
 * A MemoryAdapter with one agent, one active interaction and a fund; `seed` (or what it returns for
 * the world's agent and interaction) overrides anything.
 */
export function world(
  seed: MemorySeed | ((w: { agent: Agent; interaction: Interaction }) => MemorySeed) = {},
  options: MemoryOptions = {},
  timeoutMs?: number,
): World {
  const agent: Agent = { id: unique('agent'), name: 'Dana Reyes', role: 'agent' };
  const interaction = makeInteraction();
  const extra = typeof seed === 'function' ? seed({ agent, interaction }) : seed;
  const adapter = new MemoryAdapter(
    {
      context: { agent, interaction, locale: 'en-US', currency: 'USD' },
      agents: [agent],
      policy: DEFAULT_POLICY,
      funds: [makeFund(agent.id)],
      histories: [{ customer: { id: interaction.customerId, name: 'Carmen Ruiz' }, incidents: [] }],
      taxonomy: {
        version: 1,
        departments: [{ id: 'warehouse', name: 'Warehouse' }],
        causes: [{ id: 'rc-1', label: 'Damaged packaging', category: 'Packing', departmentId: 'warehouse' }],
      },
      recurrence: [],
      ...extra,
    },
    { latency: 1, ...options },
  );
  // The adapter layer's time-out is set when the session is first made: short, for hosts that never answer.
  if (timeoutMs !== undefined) sessionFor(adapter, { timeoutMs });
  return { adapter, agent, interaction };
}

export function makeInteraction(more: Partial<Interaction> = {}): Interaction {
  const id = unique('int');
  return {
    id,
    customerId: `cust-${id}`,
    channel: 'voice',
    startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    customerName: 'Carmen Ruiz',
    severity: 'high',
    resolved: false,
    ...more,
  };
}
