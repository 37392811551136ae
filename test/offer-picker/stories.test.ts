// Every offer-picker story renders its elements with no axe violation (the static Storybook check
// does the same on the built Storybook; this one runs without a build).
import { until } from '../helpers/until.js';
import { expect, fixtureSync } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import * as stories from '../../stories/offer-picker.stories.js';

type Story = { args?: Record<string, unknown>; render?: (args: Record<string, unknown>) => TemplateResult; name?: string };
const meta = stories.default as unknown as { args: Record<string, unknown>; render: (args: Record<string, unknown>) => TemplateResult };

describe('offer-picker stories', () => {
  const entries = Object.entries(stories).filter(([key]) => key !== 'default') as Array<[string, Story]>;

  it('has at least six stories, including the issue list', () => {
    const names = entries.map(([key]) => key);
    expect(names.length).to.be.at.least(6);
    for (const wanted of ['LowSeverity', 'MediumSeverity', 'HighSeverity', 'HeavyBaggage', 'OverAuthority', 'FundExhausted', 'ErrorState', 'InAForm', 'Dark', 'RightToLeft']) {
      expect(names).to.include(wanted);
    }
  });

  for (const [key, story] of entries) {
    it(`${key} renders with no axe violation`, async () => {
      const args = { ...meta.args, ...story.args };
      const template = (story.render ?? meta.render)(args);
      const root = fixtureSync<HTMLElement>(html`<div>${template}</div>`);
      const pickers = [...root.querySelectorAll('mend-offer-picker')];
      expect(pickers.length).to.be.greaterThan(0);
      await until(
        () => pickers.every((p) => !p.shadowRoot?.querySelector('[part~="loading"]') || key === 'Loading'),
        'the picker settles',
      );
      await Promise.all(pickers.map((p) => p.updateComplete));
      await expect(root).to.be.accessible();
    });
  }

  it('OverAuthority shows "Request approval" with the limit', async () => {
    const story = stories.OverAuthority as Story;
    const root = fixtureSync<HTMLElement>(html`<div>${meta.render({ ...meta.args, ...story.args })}</div>`);
    const picker = root.querySelector('mend-offer-picker')!;
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector('[part~="confirm"]')!.textContent!.trim()).to.equal('Request approval');
    expect(picker.shadowRoot!.querySelector('[part~="approval"]')!.textContent).to.contain('$50.00');
  });

  it('GermanEuro shows the restored custom amount in de-DE euros', async () => {
    const story = stories.GermanEuro as Story;
    const root = fixtureSync<HTMLElement>(html`<div>${meta.render({ ...meta.args, ...story.args })}</div>`);
    const picker = root.querySelector('mend-offer-picker')!;
    await picker.updateComplete;
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('[part~="amount"] input')!;
    expect(input.value).to.match(/^12,50\s€$/);
    expect(picker.checkValidity()).to.equal(true);
  });
});
