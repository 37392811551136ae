// Pseudo-localization: with a strings object that answers every key with «key», and host data
// marked ‹like this›, nothing in a widget may still read as English. Any letters left over after
// taking those out are words the page could not replace (a hard-coded string, an English reason, a
// raw id shown as a word). Dates and money are in de-DE, so they carry no letters either.
import { until } from '../helpers/until.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { Fund, Incident, Interaction, RecoveryPolicy, Taxonomy } from '../../src/core/model.js';
import { DEFAULT_POLICY } from '../../src/core/recovery.js';
import { defaultStrings } from '../../src/base/strings.js';
import { MendBaggageBanner } from '../../src/define/baggage-banner.js';
import { MendFundMeter } from '../../src/define/fund-meter.js';
import { MendOfferPicker } from '../../src/define/offer-picker.js';
import { MendRootCauseLogger } from '../../src/define/root-cause-logger.js';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { de } from '../../stories/locales/de.js';
import { MendApprovalQueue } from '../../src/define/approval-queue.js';
import { MendRecoveryReport } from '../../src/define/recovery-report.js';
import { reportData } from '../../stories/fixtures/lead.js';
import { makeFund } from '../helpers/fund.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-23T12:00:00Z');

/**
 * The placeholders a translation may use: those of the English strings, and the facts of the core's
 * reasons and talking points a sentence would name (not ids and currency codes, which no sentence
 * needs). Each pseudo string carries all of them, so whatever a widget fills in is seen.
 */
const english = [defaultStrings, MendBaggageBanner.localStrings, MendOfferPicker.localStrings, MendFundMeter.localStrings, MendRootCauseLogger.localStrings, MendApprovalQueue.localStrings, MendRecoveryReport.localStrings];
const placeholders = new Set(english.flatMap((table) => Object.values(table).flatMap((v) => [...v.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))));
const FACTS = ['label', 'count', 'days', 'score', 'of', 'severity', 'points', 'level', 'severeScore', 'amount', 'cap', 'threshold', 'role', 'authority', 'remaining', 'limit', 'as', 'from', 'to', 'kinds', 'kind', 'missing', 'mode', 'requires', 'department', 'windowDays', 'minutesOpen', 'limitMinutes', 'category', 'remedy'];
for (const f of FACTS) placeholders.add(f);
const every = [...placeholders].map((p) => `{${p}}`).join(' ');

/** Every key the widgets asked for in the states below. */
const asked = new Set<string>();

/** Every key, whatever it is, answers «key» and every placeholder: the page's words in its own language. */
const pseudo = new Proxy({} as Record<string, string>, {
  // String keys are words (`retry`, `reason.over_cap`); Lit and the runtime probe others (`then`,
  // one-letter keys of static templates).
  get: (_, key) => {
    if (typeof key !== 'string' || !/^[a-z][\w.]+$/i.test(key) || key === 'then' || key === 'toJSON') return undefined;
    asked.add(key);
    return key.startsWith('error.') ? `«${key}»` : `«${key}» ${every}`; // an error's own words, not the original message
  },
});

const d = (s: string) => `‹${s}›`; // host or customer data

const policy: RecoveryPolicy = {
  ...DEFAULT_POLICY,
  offers: DEFAULT_POLICY.offers.map((o) => ({ ...o, label: d(o.label), ...(o.description ? { description: d(o.description) } : {}) })),
};

const incidents: Incident[] = [
  { id: 'i1', occurredAt: new Date(NOW - 3 * DAY).toISOString(), severity: 'high', category: d('Damaged item'), summary: d('Blender arrived broken'), resolved: false, remedies: [], surveyScore: 1 },
  {
    id: 'i2',
    occurredAt: new Date(NOW - 20 * DAY).toISOString(),
    severity: 'medium',
    category: d('Delivery'),
    summary: d('Late parcel'),
    resolved: true,
    remedies: [{ kind: 'compensation', label: d('Goodwill credit'), amount: 1500 }],
    surveyScore: 2,
  },
];

const interaction: Interaction = {
  id: 'int-1',
  customerId: 'c1',
  channel: 'voice',
  startedAt: new Date(NOW - 45 * 60_000).toISOString(),
  customerName: d('Carmen Ruiz'),
  severity: 'high',
};

const fund: Fund = makeFund({
  spent: 16000,
  pending: 6000,
  ledger: [
    { id: 'e1', at: new Date(NOW - DAY).toISOString(), amount: 1500, reason: 'goodwill', interactionId: d('int-0'), status: 'done' },
    { id: 'e2', at: new Date(NOW - 2 * DAY).toISOString(), amount: 6000, reason: 'item_damaged', interactionId: d('int-9'), status: 'pending_approval' },
  ],
});

const taxonomy: Taxonomy = {
  version: 1,
  departments: [{ id: 'wh', name: d('Warehouse') }],
  causes: [{ id: 'rc1', label: d('Damaged item picked'), category: d('Picking'), departmentId: 'wh', keywords: [d('broken')] }],
};

/** Every text node and every labelling attribute in the widget's shadow tree. */
function words(el: Element): string[] {
  const out: string[] = [];
  const walk = (root: ShadowRoot | Element) => {
    const tree = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node: Node | null = tree.currentNode; node; node = tree.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.parentElement?.closest('style')) continue;
        out.push(node.textContent ?? '');
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const e = node as Element;
        for (const a of ['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt']) if (e.hasAttribute(a)) out.push(e.getAttribute(a)!);
        if (e.shadowRoot) walk(e.shadowRoot);
      }
    }
  };
  walk(el.shadowRoot!);
  return out;
}

const AND = new Intl.ListFormat('de-DE', { type: 'conjunction' }).format(['x', 'y']).slice(1, -1).trim(); // "und"

const UNITS = new RegExp(
  ['minute', 'hour', 'day'].map((unit) => new Intl.NumberFormat('de-DE', { style: 'unit', unit, unitDisplay: 'short' }).format(7).replace('7', '').trim().replace(/[.]/g, '\\.')).join('|'),
  'g',
);
/** What is left once the page's words «…» and the data ‹…› are taken out: it must hold no letters. */
function leftovers(el: Element): string[] {
  return words(el)
    .map((w) =>
      w
        .replace(/«[^»]*»/g, ' ')
        .replace(/‹[^›]*›/g, ' ')
        .replace(/\{\w+\}/g, ' ') // a placeholder the widget had no value for
        .replace(/\b[A-Z]{3}\b/g, ' ') // ISO currency codes are the same in every language
        .replaceAll(` ${AND} `, ' ') // lists are joined by Intl in the locale's own words
        .replace(UNITS, ' ') // so are durations ("4 Tg.")
        .trim(),
    )
    .filter((w) => /\p{L}/u.test(w));
}

async function settle(el: Element & { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 20)); // announcements land on a timer
  await el.updateComplete;
}

describe('every user-visible string can be replaced (pseudo-localization)', () => {
  it('<mend-baggage-banner> heavy, with the callback and the full history open', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<mend-baggage-banner
      locale="de-DE"
      .strings=${pseudo}
      .customer=${{ id: 'c1', name: d('Carmen Ruiz') }}
      .incidents=${incidents}
      .now=${NOW}
      history-open
    ></mend-baggage-banner>`);
    await settle(el);
    expect(words(el).join(' ')).to.contain('«baggageHeavy»');
    expect(leftovers(el)).to.deep.equal([]);
  });

  it('<mend-offer-picker> high severity with heavy baggage, an amount that needs approval', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<mend-offer-picker
      locale="de-DE"
      .strings=${pseudo}
      .policy=${policy}
      .fund=${fund}
      .interaction=${interaction}
      severity="medium"
      baggage="heavy"
      options-open
    ></mend-offer-picker>`);
    await settle(el);
    const refund = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')].find((r) => r.textContent!.includes('Refund'))!;
    refund.click();
    await settle(el);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="amount"] input')!;
    input.value = '120,00';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(el);
    expect(words(el).join(' ')).to.contain('«offerRecommended»');
    expect(leftovers(el)).to.deep.equal([]);
  });

  it('<mend-fund-meter> running low, pending approvals, the ledger open', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<mend-fund-meter
      locale="de-DE"
      .strings=${pseudo}
      .fund=${fund}
      .now=${Date.parse('2024-06-05T12:00:00Z')}
      .reasonLabels=${{ goodwill: d('Goodwill'), item_damaged: d('Item damaged') }}
      ledger-open
    ></mend-fund-meter>`);
    await settle(el);
    expect(words(el).join(' ')).to.contain('«fundLedger»');
    expect(leftovers(el)).to.deep.equal([]);
  });

  it('<mend-root-cause-logger> a recurring cause chosen, over the time limit, with errors shown', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<mend-root-cause-logger
      locale="de-DE"
      .strings=${pseudo}
      .policy=${policy}
      .taxonomy=${taxonomy}
      .recurrence=${[{ causeId: 'rc1', count: 14 }]}
      .interaction=${interaction}
      .now=${NOW}
    ></mend-root-cause-logger>`);
    await settle(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save"]')!.click();
    await settle(el);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
    input.value = 'Damaged';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until(() => el.shadowRoot!.querySelector('[role="option"]'), 'the type-ahead (loaded on demand) lists causes');
    await settle(el);
    el.shadowRoot!.querySelector<HTMLElement>('[role="option"]')!.click();
    await settle(el);
    expect(words(el).join(' ')).to.contain('«rcCause»');
    expect(leftovers(el)).to.deep.equal([]);
  });

  it('an error from the host: the error and its Retry', async () => {
    const adapter = new MemoryAdapter(demoSeed(), { latency: 1 });
    adapter.failNext('getFund', 'unavailable');
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<mend-fund-meter
      locale="de-DE"
      .strings=${pseudo}
      .adapter=${adapter}
    ></mend-fund-meter>`);
    await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the error shows');
    await settle(el);
    expect(words(el).join(' ')).to.contain('«error.unavailable»');
    expect(leftovers(el)).to.deep.equal([]);
  });

  it('<mend-approval-queue> a waiting spend, then one another lead decided', async () => {
    const seed = demoSeed(NOW);
    seed.agents = seed.agents.map((a) => ({ ...a, name: d(a.name) }));
    seed.interactions = seed.interactions.map((i) => ({ ...i, customerName: d(i.customerName ?? '') }));
    seed.histories = seed.histories.map((h) => ({ ...h, customer: { ...h.customer, name: d(h.customer.name) } }));
    seed.funds = seed.funds.map((f) => ({ ...f, ledger: f.ledger.map((e) => (e.note ? { ...e, note: d(e.note) } : e)) }));
    const adapter = new MemoryAdapter({ ...seed, context: { agent: seed.agents[1]!, interaction: null, locale: 'de-DE' } });
    const el = await fixture<MendApprovalQueue>(html`<mend-approval-queue locale="de-DE" .strings=${pseudo} .adapter=${adapter} .reasonLabels=${{ item_damaged: d('Item damaged') }}></mend-approval-queue>`);
    await until(() => el.shadowRoot!.querySelector('[part="item"]'), 'the queue');
    await settle(el);
    expect(words(el).join(' ')).to.contain('«approvalApprove»');
    expect(leftovers(el)).to.deep.equal([]);
    await adapter.approve(DEMO_IDS.agent, 'led-d6', true);
    await until(() => el.shadowRoot!.querySelector('[part="decided"]'), 'the decided list');
    await settle(el);
    expect(leftovers(el)).to.deep.equal([]);
  });

  it('<mend-recovery-report> every chart with its data table', async () => {
    const data = reportData(NOW, 4);
    const marked = {
      ...data,
      agents: data.agents.map((a) => ({ ...a, name: d(a.name) })),
      departments: data.departments.map((x) => ({ ...x, name: d(x.name) })),
      causes: data.causes.map((c) => ({ ...c, label: d(c.label) })),
    };
    const reasons = Object.fromEntries(data.spends.map((x) => [x.reason, d(x.reason)]));
    const el = await fixture<MendRecoveryReport>(html`<mend-recovery-report locale="de-DE" .strings=${pseudo} .data=${marked} .now=${NOW} .reasonLabels=${reasons}></mend-recovery-report>`);
    await until(() => el.shadowRoot!.querySelector('[part="chart"]'), 'the charts');
    for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
    await settle(el);
    expect(words(el).join(' ')).to.contain('«reportGivenTitle»');
    expect(leftovers(el)).to.deep.equal([]);
  });

  it('the example German translation (stories/locales/de.ts) has every key the widgets asked for', () => {
    expect(asked.size, 'keys asked for above').to.be.greaterThan(100);
    // A plural form (`rcResults.one`) is optional where the translation has the key itself.
    const covered = (key: string) => key in de || (/\.(zero|one|two|few|many|other)$/.test(key) && key.replace(/\.\w+$/, '') in de);
    const missing = [...asked].filter((key) => !covered(key)).sort();
    expect(missing).to.deep.equal([]);
  });
});
