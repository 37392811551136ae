import { until } from '../helpers/until.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MendRootCauseLogger } from '../../src/define/root-cause-logger.js';
import { generateTaxonomy } from '../../src/adapter/demo-data.js';
import type { Taxonomy } from '../../src/core/model.js';
import { runComboboxSuite } from '../controllers/combobox-suite.js';
import { $, $$, combo, newInteraction, plainLogger, searched, text, typeInto } from './helpers.js';

async function typed(el: MendRootCauseLogger, keys: string): Promise<void> {
  combo(el).focus();
  await sendKeys({ type: keys });
  await searched(el);
}
async function press(el: MendRootCauseLogger, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** The taxonomy with its causes behind a proxy that counts how many causes were read. */
function counted(base: Taxonomy): { taxonomy: Taxonomy; reads: () => number } {
  let n = 0;
  const causes = new Proxy(base.causes, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) n++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { taxonomy: { ...base, causes }, reads: () => n };
}

runComboboxSuite<MendRootCauseLogger>({
  tag: 'mend-root-cause-logger',
  mount: () => plainLogger(),
  label: 'Root cause',
  one: { query: 'lost', label: 'Lost parcel' },
  many: 'a',
  none: 'zzqqxx',
  settle: searched,
  // Choosing a cause routes it to its department (R8).
  chosen: (el) => {
    expect($<HTMLSelectElement>(el, '#department')!.value).to.equal('shipping');
  },
  highlightFirst: true,
});

describe('<mend-root-cause-logger> root-cause combobox (ARIA 1.2)', () => {
  it('announces how many causes match, in the right plural form', async () => {
    const el = await plainLogger();
    const status = () => text(el, '[role="status"]');
    await typed(el, 'lost');
    await until(() => status() === '1 root cause found.', "one match, said as one");
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await typed(el, 'carrier');
    await until(() => status() === '2 root causes found.', "two matches, said as many");
  });

  it('says when nothing matches, without opening an empty list', async () => {
    const el = await plainLogger();
    await typed(el, 'zzqqxx');
    expect(combo(el).getAttribute('aria-expanded')).to.equal('false');
    expect(text(el, '#cause-hint')).to.equal('No matching root cause.');
    await expect(el).to.be.accessible();
  });

  it('editing the text after choosing un-chooses the cause', async () => {
    const el = await plainLogger();
    await typed(el, 'lost');
    await press(el, 'Enter');
    await press(el, 'Backspace');
    expect($<HTMLSelectElement>(el, '#department')!.value).to.equal('');
  });

  it('renders labels as text, never as markup', async () => {
    const el = await plainLogger();
    await typed(el, 'onerror');
    const option = $(el, '[role="option"]')!;
    expect(option.querySelector('img')).to.equal(null);
    expect(option.textContent).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('lists at most 20 options over a 50,000-entry taxonomy, and builds its index once for every logger', async () => {
    const { taxonomy, reads } = counted(generateTaxonomy(50_000));
    const mount = () => plainLogger(newInteraction(), { taxonomy, recurrence: [] });
    const el = await mount();
    for (const q of ['w', 'wa', 'war', 'ware', 'wareh', 'damaged', 'late carrier', 'zz']) {
      await typeInto(el, '#cause', q);
      expect($$(el, '[role="option"]').length, q).to.be.at.most(20);
    }
    await typeInto(el, '#cause', 'damaged');
    expect($$(el, '[role="option"]').length).to.be.greaterThan(0);
    // Built once: every cause was read for the index, and a second logger on the same taxonomy
    // reuses it (speed itself is measured by `npm run bench`, not here).
    const built = reads();
    expect(built).to.be.at.least(50_000);
    const second = await mount();
    await typeInto(second, '#cause', 'damaged');
    expect($$(second, '[role="option"]').length).to.be.greaterThan(0);
    expect(reads() - built, 'causes read again by the second logger').to.be.below(100);
  });
});

describe('<mend-root-cause-logger> large taxonomies', () => {
  it('renders first with the count of causes only, and builds its search index when the page is idle', async () => {
    const base = generateTaxonomy(5000);
    const { taxonomy, reads } = counted(base);
    const el = await plainLogger(newInteraction({ id: `int-idle-${crypto.randomUUID()}` }), { taxonomy, recurrence: [] });
    expect(text(el, '[part="hint"]')).to.equal('Type to search 5,000 root causes.');
    expect(reads(), 'causes read during the first render').to.equal(0);
    await until(() => reads() >= 5000, 'the index is built in idle time, without a keystroke');
    await typeInto(el, '[role="combobox"]', base.causes[7]!.label);
    expect($$(el, '[role="option"]').length).to.be.greaterThan(0);
  });
});
