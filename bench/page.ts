/**
 * The benches, run in the page by scripts/bench.mjs (`window.mendBench.<name>(options)`). Each one
 * returns raw samples in ms (or bytes); the script takes medians and writes the table.
 */
import '../src/define/baggage-banner.js';
import '../src/define/offer-picker.js';
import '../src/define/fund-meter.js';
import '../src/define/root-cause-logger.js';
import { html, type LitElement } from 'lit';
import { MendElement } from '../src/base/mend-element.js';
import { createStore, delMany, get, setMany } from 'idb-keyval';
import { generateTaxonomy } from '../src/adapter/demo-data.js';
import { guardHost } from '../src/adapter/guard.js';
import { CAPABILITIES, type Capabilities, type HostAdapter, type WriteKind } from '../src/adapter/host-adapter.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { Outbox, type EnqueueItem, type OutboxEntry } from '../src/adapter/outbox.js';
import { sessionFor } from '../src/adapter/session.js';
import { assessBaggage } from '../src/core/baggage.js';
import { fundLevel, remaining, rollOver } from '../src/core/fund.js';
import type { Taxonomy } from '../src/core/model.js';
import { DEFAULT_POLICY, recommend } from '../src/core/recovery.js';
import { timeLimit } from '../src/core/root-cause.js';
// From its own module: the logger also loads it on demand, and a bundle without splitting initialises
// such a module lazily, which a re-export (`export *` in root-cause.ts) does not trigger.
import { taxonomyIndexSteps } from '../src/core/taxonomy-search.js';
import { NOW, agentFund, frequent, incidents, interaction, seed } from './data.js';
import { capture, compile, countElements, type Builder } from './vanilla.js';

declare global {
  interface Window {
    mendBench: typeof benches;
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

type Widget = LitElement & Record<string, unknown>;
type Props = Record<string, unknown>;

const stage = document.createElement('main');
stage.style.cssText = 'display:block;inline-size:720px;';
document.body.append(stage);

const tick = () => new Promise<void>((r) => setTimeout(r, 0));
/** Let timers (announcements) and their updates land, outside any measurement. */
async function settle(el?: Element): Promise<void> {
  await tick();
  if (el) await (el as LitElement).updateComplete;
  await tick();
}
const gc = () => window.gc?.();
/** A forced style and layout of the page. */
const layout = () => void stage.offsetHeight;
let sink = 0;

// ---- 1. first render vs the vanilla floor -----------------------------------------------------

interface RenderCase {
  tag: keyof HTMLElementTagNameMap;
  /** Fresh data for one render (outside the timing, so no memo is hit). */
  props(): Props;
  /** The core rules the widget runs for this state: the floor runs them too. */
  rules(props: Props): void;
}

const clone = <T>(v: T): T => structuredClone(v);

const RENDER_CASES: RenderCase[] = [
  {
    tag: 'mend-baggage-banner',
    props: () => ({ customer: clone(frequent.customer), incidents: clone(frequent.incidents), now: NOW, interactionId: interaction.id }),
    rules: (p) => void (sink += assessBaggage(p.incidents as never, NOW).notable.length),
  },
  {
    tag: 'mend-offer-picker',
    props: () => ({ policy: clone(DEFAULT_POLICY), fund: clone(agentFund), severity: 'high', baggage: 'heavy', agentRole: 'agent', interaction: clone(interaction) }),
    rules: (p) =>
      void (sink += recommend({ severity: 'high', baggage: 'heavy', policy: p.policy as never, role: 'agent', fund: p.fund as never }).bundles.length),
  },
  {
    tag: 'mend-fund-meter',
    props: () => ({ fund: clone(agentFund), now: NOW }),
    rules: (p) => {
      const fund = rollOver(p.fund as never, NOW);
      sink += remaining(fund) + fundLevel(fund).length;
    },
  },
  {
    tag: 'mend-root-cause-logger',
    props: () => ({ taxonomy: clone(seed.taxonomy), recurrence: clone(seed.recurrence), policy: clone(DEFAULT_POLICY), interaction: clone(interaction), now: NOW }),
    // The logger's first render needs only the count of causes ("Type to search N causes"); it
    // indexes the taxonomy later, when the page is idle (measured on its own in 3.).
    rules: (p) =>
      void (sink +=
        timeLimit(p.interaction as never, NOW, DEFAULT_POLICY.unresolvedLimitMinutes).minutesOpen + (p.taxonomy as Taxonomy).causes.length),
  },
];

/** The shared base alone (context consumers, host controller, tokens, announcer): the fixed cost of a widget. */
class BenchBase extends MendElement {
  protected override render() {
    return html`<div part="base">${this.renderAnnouncer()}</div>`;
  }
}
customElements.define('mend-bench-base', BenchBase);
RENDER_CASES.push({ tag: 'mend-bench-base' as keyof HTMLElementTagNameMap, props: () => ({}), rules: () => {} });

function create(tag: string, props: Props): Widget {
  const el = document.createElement(tag) as Widget;
  Object.assign(el, props);
  return el;
}

/** Create, append, first `updateComplete`, forced layout. */
async function widgetRender(tag: string, props: Props): Promise<[number, Widget]> {
  const t0 = performance.now();
  const el = create(tag, props);
  stage.append(el);
  await el.updateComplete;
  layout();
  return [performance.now() - t0, el];
}

function sheetsOf(tag: string): CSSStyleSheet[] {
  const ctor = customElements.get(tag) as unknown as typeof LitElement;
  return ctor.elementStyles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet)).filter((s): s is CSSStyleSheet => !!s);
}

const noop: EventListener = () => {};

function floorRender(c: RenderCase, build: Builder, sheets: CSSStyleSheet[], props: Props): [number, HTMLElement] {
  const t0 = performance.now();
  const host = document.createElement('div');
  c.rules(props);
  build(host, sheets, noop);
  stage.append(host);
  layout();
  return [performance.now() - t0, host];
}

async function render({ runs = 40, warmup = 8, only = '' } = {}) {
  const out: Array<{ tag: string; widget: number[]; floor: number[]; elements: number; floorElements: number }> = [];
  for (const c of RENDER_CASES.filter((k) => !only || k.tag === only)) {
    // Record the DOM the widget renders for this data, and compile the floor for it.
    const [, sample] = await widgetRender(c.tag, c.props());
    const tree = capture(sample.shadowRoot!);
    sample.remove();
    await settle();
    const build = compile(tree);
    const sheets = sheetsOf(c.tag);
    const widget: number[] = [];
    const floor: number[] = [];
    let floorElements = 0;
    for (let i = 0; i < warmup + runs; i++) {
      for (const which of i % 2 ? ['floor', 'widget'] : ['widget', 'floor']) {
        const props = c.props();
        gc();
        await settle();
        if (which === 'widget') {
          const [ms, el] = await widgetRender(c.tag, props);
          if (i >= warmup) widget.push(ms);
          el.remove();
        } else {
          const [ms, host] = floorRender(c, build, sheets, props);
          if (i >= warmup) floor.push(ms);
          floorElements = host.shadowRoot!.querySelectorAll('*').length;
          host.remove();
        }
      }
    }
    out.push({ tag: c.tag, widget, floor, elements: countElements(tree), floorElements });
  }
  return out;
}

/**
 * What one `new Intl.DateTimeFormat(...).format()` costs after a gc, as in bench 1 (a widget that
 * does not cache its formatter pays this per date; a gc drops V8's cached ICU data).
 */
function intlDate({ runs = 100 } = {}): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    sink += new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(NOW).length;
    out.push(performance.now() - t0);
  }
  return out;
}

// ---- 2. the banner with 10, 1,000 and 10,000 incidents ---------------------------------------

async function banner({ runs = 30, warmup = 4, sizes = [10, 1000, 10000] } = {}) {
  const lists = sizes.map((n) => incidents(n));
  const samples: number[][] = sizes.map(() => []);
  const rule: number[][] = sizes.map(() => []);
  const levels: string[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    for (let s = 0; s < sizes.length; s++) {
      const props = { customer: { id: 'cust-bench', name: 'Bench Customer' }, incidents: lists[s]!.slice(), now: NOW, interactionId: 'int-bench' };
      gc();
      await settle();
      const [ms, el] = await widgetRender('mend-baggage-banner', props);
      if (i >= warmup) samples[s]!.push(ms);
      levels[s] = String(el.getAttribute('level'));
      el.remove();
      // The core rule alone on the same list: how much of the render grows with the history.
      const t0 = performance.now();
      sink += assessBaggage(lists[s]!, NOW).notable.length;
      if (i >= warmup) rule[s]!.push(performance.now() - t0);
    }
  }
  return sizes.map((n, s) => ({ n, samples: samples[s]!, rule: rule[s]!, level: levels[s]! }));
}

// ---- 3. root-cause type-ahead over 50,000 causes ----------------------------------------------

const QUERIES = ['damaged', 'late carrier', 'refund', 'wrong label', 'promo code', 'checkout', 'tracking number', 'north site', 'missing', 'duplicate charge'];

async function typeahead({ size = 50_000, passes = 2 } = {}) {
  const taxonomy: Taxonomy = generateTaxonomy(size);
  const causes = taxonomy.causes;
  localStorage.clear();
  gc();
  await settle();
  // The first render shows the count; the search index is built once, when the page is idle.
  const [first, el] = await widgetRender('mend-root-cause-logger', {
    taxonomy,
    recurrence: [],
    policy: DEFAULT_POLICY,
    interaction: { ...interaction, id: 'int-bench-typeahead' },
    now: NOW,
  });
  await settle(el);
  // What that idle work costs (the same steps on the same data, timed on their own): in all, and
  // the longest single step (each is one task of the idle callback).
  gc();
  const steps = taxonomyIndexSteps(taxonomy);
  let index = 0;
  let longestStep = 0;
  for (;;) {
    const t0 = performance.now();
    const step = steps.next();
    const took = performance.now() - t0;
    index += took;
    longestStep = Math.max(longestStep, took);
    if (step.done) {
      sink += step.value.size;
      break;
    }
  }
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!;
  const type = async (value: string): Promise<number> => {
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value.slice(-1) }));
    await el.updateComplete;
    layout();
    return performance.now() - t0;
  };
  const options = () => el.shadowRoot!.querySelectorAll('[part~="option"]').length;

  const widget: number[] = [];
  const scan: number[] = [];
  const shown: Record<string, [number, number]> = {};
  for (let pass = 0; pass < passes; pass++) {
    for (const query of QUERIES) {
      for (let i = 1; i <= query.length; i++) {
        const q = query.slice(0, i);
        widget.push(await type(q));
        const t0 = performance.now();
        const hits = causes.filter((c) => c.label.toLowerCase().includes(q));
        scan.push(performance.now() - t0);
        sink += hits.length;
        if (i === query.length) shown[query] = [options(), hits.length];
        await settle(el);
      }
      await type('');
      await settle(el);
    }
  }
  el.remove();
  localStorage.clear();
  return { size: causes.length, first, index, longestStep, widget, scan, shown };
}

// ---- 4. the durable write path ----------------------------------------------------------------

const KINDS: WriteKind[] = ['acknowledgeBaggage', 'recordRecovery', 'logRootCause', 'requestCallback'];

function writes(n: number, run: number): EnqueueItem[] {
  const at = new Date(NOW).toISOString();
  const items: EnqueueItem[] = [];
  for (let i = 0; i < n; i++) {
    const base = { idempotencyKey: `w-${run}-${i}`, interactionId: `int-${run}-${i % 100}`, customerId: `cust-${i % 100}`, at };
    const kind = KINDS[i % KINDS.length]!;
    if (kind === 'acknowledgeBaggage') items.push({ kind, payload: { ...base, incidentIds: ['inc-1', 'inc-2', 'inc-3'] } });
    else if (kind === 'requestCallback') items.push({ kind, payload: { ...base, reason: 'Survey score 1 of 5 on 9 June: call back within 30 days.' } });
    else if (kind === 'logRootCause')
      items.push({
        kind,
        payload: { ...base, problem: 'Replacement blender also arrived broken', causeId: 'rc-warehouse-3', departmentId: 'warehouse', resolution: 'Apology; Goodwill credit $15.00', notifyDepartment: true },
      });
    else
      items.push({
        kind: 'recordRecovery',
        payload: {
          ...base,
          severity: 'high',
          offers: [
            { offerId: 'apology', kind: 'apology', label: 'Apology' },
            { offerId: 'credit', kind: 'compensation', label: 'Goodwill credit', amount: 1500 },
          ],
          accepted: true,
          strategy: 'R3:high',
        },
      });
  }
  return items;
}

/** A host that answers every write at once (so the figure is the outbox's own cost). */
function instantHost(scope: string, received: Set<string>): HostAdapter {
  const write = async (p: { idempotencyKey: string }) => {
    received.add(p.idempotencyKey);
    return { id: p.idempotencyKey };
  };
  const no = () => Promise.reject(new Error('not used'));
  return {
    capabilities: Object.fromEntries(CAPABILITIES.map((c) => [c, true])) as unknown as Capabilities,
    storageScope: scope,
    getContext: no,
    getHistory: no,
    getPolicy: no,
    getFund: no,
    getTaxonomy: no,
    getRecurrence: no,
    spend: no,
    recordRecovery: write,
    logRootCause: write,
    acknowledgeBaggage: write,
    requestCallback: write,
    notifyManager: write,
    on: () => () => {},
  };
}

async function outbox({ runs = 9, warmup = 1, n = 1000 } = {}) {
  const durable: number[] = [];
  const floor: number[] = [];
  const putDelete: number[] = [];
  let delivered = 0;
  for (let r = 0; r < warmup + runs; r++) {
    // The outbox: store all in one transaction, send each (in order per interaction), remove when confirmed.
    {
      const items = writes(n, r);
      const received = new Set<string>();
      const scope = `bench-${r}-${Math.random().toString(36).slice(2)}`;
      const box = new Outbox(guardHost(instantHost(scope, received)), scope);
      await box.ready;
      gc();
      await settle();
      const t0 = performance.now();
      await box.enqueueMany(items);
      while (box.pending > 0) await box.flush();
      await box.dispose(); // the last status changes are written to IndexedDB
      const ms = performance.now() - t0;
      if (r >= warmup) durable.push(ms);
      delivered = received.size;
    }
    // The floor: one idb-keyval setMany of the same records.
    {
      const items = writes(n, r);
      const records: Array<[string, OutboxEntry]> = items.map((it, i) => [
        it.payload.idempotencyKey,
        { id: it.payload.idempotencyKey, kind: it.kind, payload: it.payload, interactionId: it.payload.interactionId, seq: i, createdAt: it.payload.at, status: 'queued', attempts: 0 } as OutboxEntry,
      ]);
      const store = createStore(`bench-floor-${r}-${Math.random().toString(36).slice(2)}`, 'entries');
      await get('open', store); // open the database outside the timing, as the outbox's `ready` does
      gc();
      await settle();
      const t0 = performance.now();
      await setMany(records, store);
      const ms = performance.now() - t0;
      if (r >= warmup) floor.push(ms);
      // What any durable queue must do at least: store every record, then remove it once confirmed.
      gc();
      await settle();
      const t1 = performance.now();
      await delMany(records.map(([id]) => id), store);
      if (r >= warmup) putDelete.push(ms + performance.now() - t1);
    }
  }
  return { n, durable, floor, putDelete, delivered };
}

// ---- 5. mount and unmount 1,000 times ---------------------------------------------------------

const LEAK_TAGS = ['mend-baggage-banner', 'mend-offer-picker', 'mend-fund-meter', 'mend-root-cause-logger'] as const;

async function heap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await settle();
    gc();
  }
  return performance.memory?.usedJSHeapSize ?? NaN;
}

async function leaks({ cycles = 1000, repeats = 3, warmup = 50 } = {}) {
  const out: Array<{ tag: string; growth: number[]; listeners: number; attached: number; loaded: boolean }> = [];
  for (const tag of LEAK_TAGS) {
    localStorage.clear();
    const adapter = new MemoryAdapter(seed);
    const session = sessionFor(adapter);
    const cycle = async () => {
      const el = create(tag, { adapter });
      stage.append(el);
      await el.updateComplete;
      el.remove();
    };
    // Warm up: the host's data is loaded and cached in the session, templates are prepared.
    for (let i = 0; i < warmup; i++) {
      await cycle();
      await settle();
    }
    const probe = create(tag, { adapter });
    stage.append(probe);
    await settle(probe);
    await settle(probe);
    const loaded = probe.getAttribute('state') !== 'loading' && !probe.shadowRoot!.querySelector('[part~="loading"]');
    probe.remove();
    const growth: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const before = await heap();
      for (let i = 0; i < cycles; i++) await cycle();
      await new Promise((res) => setTimeout(res, 50));
      growth.push((await heap()) - before);
    }
    const listeners =
      adapter.listenerCount('interactionChanged') + adapter.listenerCount('interactionEnded') + adapter.listenerCount('fundChanged');
    out.push({ tag, growth, listeners, attached: session.attached, loaded });
  }
  localStorage.clear();
  return out;
}

const benches = { render, intlDate, banner, typeahead, outbox, leaks, sink: () => sink };
window.mendBench = benches;
