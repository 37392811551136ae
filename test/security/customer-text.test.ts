// Customer text is text (issue #11): every string a host or a customer supplies, fed the script
// injection part of the Big List of Naughty Strings and the OWASP filter-evasion vectors, through
// the real host path (MemoryAdapter -> validation -> session -> widget). Nothing runs, nothing
// becomes markup (the widget's structure is exactly the one it has for plain words), and the text
// shows as written.
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import type { Incident, LedgerEntry, Offer } from '../../src/core/model.js';
import { DEFAULT_POLICY } from '../../src/core/recovery.js';
import { BLNS_SCRIPT_INJECTION } from './fixtures/blns-script-injection.js';
import { OWASP_XSS } from './fixtures/owasp-xss.js';
import { makeFund, mount, q, qa, rawText, settled, tags, tick, trap, until, world, type WidgetTag } from './helpers.js';

const CHUNK = 20;
const chunks = (list: readonly string[]) => {
  const out: string[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
};
/** Plain words in place of each string (equal strings get equal words, so grouping is the same). */
const plain = (strings: readonly string[]) => strings.map((s) => `Plain words number ${strings.indexOf(s)}`);
/** The host schema bounds each text field (names 200 characters...): longer vectors are cut there. */
const fit = (s: string, max: number) => s.slice(0, max);

interface Shown {
  el: HTMLElement;
  /** Strings that must appear in the widget's text exactly as written. */
  expected: string[];
}

const DAY = 86_400_000;

/** Each widget, shown with host data whose customer/host text is `strings`, fully opened. */
const SHOW: Record<WidgetTag, (strings: string[]) => Promise<Shown>> = {
  async 'mend-baggage-banner'(strings) {
    const incidents: Incident[] = strings.map((s, i) => ({
      id: `inc-${i}`,
      occurredAt: new Date(Date.now() - (5 + i) * DAY).toISOString(),
      severity: i === 0 ? 'high' : 'low',
      category: fit(s, 200),
      summary: s,
      resolved: i !== 0,
      remedies: [{ kind: 'apology', label: fit(s, 200) }],
      surveyScore: i === 1 ? 1 : null,
    }));
    const w = world(({ agent, interaction }) => {
      interaction.customerName = fit(strings[0]!, 200);
      return {
        context: { agent, interaction, locale: 'en-US', currency: 'USD' },
        histories: [{ customer: { id: interaction.customerId, name: fit(strings[0]!, 200) }, incidents }],
      };
    });
    const c = await mount(html`<mend-baggage-banner .adapter=${w.adapter} history-open></mend-baggage-banner>`);
    const el = c.firstElementChild as HTMLElement;
    await until(() => qa(el, '[part~="history-item"]').length === strings.length, 'full history shown');
    return { el, expected: strings };
  },

  async 'mend-offer-picker'(strings) {
    const offers: Offer[] = strings.map((s, i) => ({ id: `x-${i}`, kind: 'assistance', label: fit(s, 200), description: s, monetary: false }));
    offers.push({ id: 'x-money', kind: 'compensation', label: fit(strings[0]!, 200), monetary: true, amount: 1000, reason: 'goodwill' });
    const w = world({ policy: { ...DEFAULT_POLICY, offers: [...DEFAULT_POLICY.offers, ...offers] } });
    const c = await mount(html`<mend-offer-picker options-open .adapter=${w.adapter}></mend-offer-picker>`);
    const el = c.firstElementChild as HTMLElement;
    await until(() => q(el, '[part~="bundles"]') && q(el, '[part~="impact"]'), 'picker ready');
    return { el, expected: strings };
  },

  async 'mend-fund-meter'(strings) {
    const ledger: LedgerEntry[] = strings.map((s, i) => ({
      id: `led-${i}`,
      at: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      amount: 100 + i,
      reason: fit(s, 200),
      interactionId: s,
      status: 'done',
    }));
    const w = world(({ agent }) => ({ funds: [makeFund(agent.id, { ledger })] }));
    const c = await mount(html`<mend-fund-meter .adapter=${w.adapter} ledger-open></mend-fund-meter>`);
    const el = c.firstElementChild as HTMLElement;
    await until(() => q(el, '[part~="ledger-table"]'), 'ledger shown');
    return { el, expected: strings };
  },

  async 'mend-root-cause-logger'(strings) {
    const w = world({
      taxonomy: {
        version: 1,
        departments: strings.map((s, i) => ({ id: `d-${i}`, name: fit(s, 200) })),
        causes: strings.map((s, i) => ({ id: `c-${i}`, label: s, category: fit(s, 200), departmentId: `d-${i}` })),
      },
    });
    const c = await mount(html`<mend-root-cause-logger .adapter=${w.adapter}></mend-root-cause-logger>`);
    const el = c.firstElementChild as HTMLElement;
    await until(() => q<HTMLInputElement>(el, '[role="combobox"]:not([disabled])'), 'taxonomy loaded');
    const input = q<HTMLInputElement>(el, '[role="combobox"]')!;
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await until(() => qa(el, '[role="option"]').length === strings.length, 'every cause listed');
    await settled(el.parentElement!);
    return { el, expected: strings };
  },
};

/** Show `strings` and a same-shaped list of plain words; compare structure, text and traps. */
async function check(tag: WidgetTag, strings: string[]): Promise<void> {
  const baseline = await SHOW[tag](plain(strings));
  const structure = tags(baseline.el);
  baseline.el.parentElement!.remove();

  const t = trap();
  const { el, expected } = await SHOW[tag](strings);
  await tick(30); // an <img onerror> would fire by now
  const found = t.release();
  expect(found.pwned, `${tag}: injected script ran`).to.deep.equal([]);
  expect(found.errors, `${tag}: uncaught errors`).to.deep.equal([]);
  expect(tags(el), `${tag}: the data added or removed elements`).to.deep.equal(structure);
  const all = rawText(el);
  for (const s of expected) expect(all.includes(s), `${tag} shows ${JSON.stringify(s)} as written`).to.equal(true);
  el.parentElement!.remove();
}

for (const [name, list] of [
  ['the Big List of Naughty Strings (script injection)', BLNS_SCRIPT_INJECTION],
  ['the OWASP filter-evasion vectors', OWASP_XSS],
] as const) {
  describe(`customer text is text: ${name}`, () => {
    it('the fixture is the real list', () => {
      expect(list.length).to.be.greaterThan(name.startsWith('the Big') ? 200 : 30);
      expect(list.some((s) => s.includes('<script'))).to.equal(true);
    });

    it('baggage banner: customer name, incident summaries, categories, remedy labels', async () => {
      for (const strings of chunks(list)) await check('mend-baggage-banner', strings);
    });

    it('offer picker: offer labels and descriptions', async () => {
      for (const strings of chunks(list)) await check('mend-offer-picker', strings);
    });

    it('fund meter: ledger reasons and interaction ids', async () => {
      for (const strings of chunks(list)) await check('mend-fund-meter', strings);
    });

    it('root-cause logger: cause labels, categories and department names', async () => {
      for (const strings of chunks(list)) await check('mend-root-cause-logger', strings);
    });
  });
}

describe('customer text is text: replaced strings through <mend-host .strings>', () => {
  const KEYS: string[] = [
    'baggageTitle',
    'offerTitle',
    'offerCompose',
    'offerRecommended',
    'offerApology',
    'offerAssistance',
    'offerCompensation',
    'offerConfirm',
    'offerDecline',
    'fundTitle',
    'fundLedger',
    'rcTitle',
    'rcProblem',
    'rcCause',
    'rcDepartment',
    'rcResolution',
    'rcNotify',
    'rcSave',
  ];

  async function showAll(values: string[]): Promise<HTMLElement[]> {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const ledger: LedgerEntry[] = [{ id: 'led-1', at, amount: 500, reason: 'goodwill', interactionId: 'int-past', status: 'done' }];
    const w = world(({ agent }) => ({ funds: [makeFund(agent.id, { ledger })] }));
    const strings = Object.fromEntries(KEYS.map((k, i) => [k, values[i % values.length]!])) as Record<string, string>;
    const template: TemplateResult = html`<mend-host .adapter=${w.adapter} .strings=${strings}>
      <mend-baggage-banner></mend-baggage-banner>
      <mend-offer-picker options-open></mend-offer-picker>
      <mend-fund-meter ledger-open></mend-fund-meter>
      <mend-root-cause-logger></mend-root-cause-logger>
    </mend-host>`;
    const c = await mount(template);
    const els = [...c.querySelectorAll<HTMLElement>('mend-baggage-banner, mend-offer-picker, mend-fund-meter, mend-root-cause-logger')];
    await until(
      () => q(els[0]!, '[part~="actions"], [part~="quiet"]') && q(els[1]!, '[part~="bundles"]') && q(els[2]!, '[part~="ledger-table"]') && q(els[3]!, '[role="combobox"]:not([disabled])'),
      'all four ready',
    );
    await settled(c);
    return els;
  }

  for (const [name, list] of [
    ['naughty strings', BLNS_SCRIPT_INJECTION],
    ['OWASP vectors', OWASP_XSS],
  ] as const) {
    it(`titles, labels and buttons replaced by ${name} stay text`, async () => {
      for (let i = 0; i < list.length; i += KEYS.length) {
        const values = list.slice(i, i + KEYS.length);
        const baseline = await showAll(plain(values));
        const structure = baseline.map(tags);
        baseline[0]!.closest('div')!.remove();
        const t = trap();
        const els = await showAll(values);
        await tick(30);
        const found = t.release();
        expect(found.pwned, 'injected script ran').to.deep.equal([]);
        expect(found.errors).to.deep.equal([]);
        expect(els.map(tags), 'the strings added or removed elements').to.deep.equal(structure);
        const all = els.map(rawText).join('\n');
        values.forEach((v, k) => expect(all.includes(v), `${KEYS[k]} shows ${JSON.stringify(v)} as written`).to.equal(true));
        els[0]!.closest('div')!.remove();
      }
    });
  }
});

describe('customer text is text: the checks can fail', () => {
  it('the trap springs and the structure changes when a vector does become markup', async () => {
    const t = trap();
    const div = document.createElement('div');
    document.body.append(div);
    const host = div.attachShadow({ mode: 'open' });
    const before = [...host.querySelectorAll('*')].length;
    host.innerHTML = '<img src="data:," onerror=pwn()>'; // as the vectors do, without a network request
    await until(() => t.found.pwned.length, 'the image error handler', 2000);
    const found = t.release();
    div.remove();
    expect(found.pwned).to.deep.equal(['pwn()']);
    expect(host.querySelectorAll('*').length).to.be.greaterThan(before);
  });
});
