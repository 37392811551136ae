import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../stories/baggage-banner.stories.js';
import type { MendBaggageBanner } from '../../src/define/baggage-banner.js';
import { mountTemplate, until } from './helpers.js';

type Render = (args: Record<string, unknown>, context?: unknown) => TemplateResult;
const meta = stories.default as unknown as { args: Record<string, unknown>; render: Render };
const entries = Object.entries(stories).filter(([name]) => name !== 'default') as Array<
  [string, { args?: Record<string, unknown>; render?: Render }]
>;

// Every story renders its banner(s) without an error and passes axe (the static Storybook build
// is checked the same way by test/storybook).
describe('baggage banner stories', () => {
  it('cover every state of the issue', () => {
    expect(entries.map(([name]) => name)).to.include.members([
      'None', 'Light', 'HeavyWithCallback', 'Loading', 'ErrorState', 'Unsupported', 'LongHistory', 'Dark', 'RightToLeft', 'PlainProperties',
    ]);
  });

  for (const [name, story] of entries) {
    it(`${name} renders and passes axe`, async () => {
      const args = { ...meta.args, ...story.args };
      const root = await mountTemplate((story.render ?? meta.render)(args, { args }));
      const banners = [...root.querySelectorAll<MendBaggageBanner>('mend-baggage-banner')];
      expect(banners.length).to.be.greaterThan(0);
      // Wait for host-backed stories to leave their first loading frame (the Loading story stays).
      if (name !== 'Loading') await until(() => banners.every((b) => b.state !== 'loading'), 3000);
      for (const b of banners) expect(b.shadowRoot!.querySelector('[part~="base"]') ?? b.state).to.be.ok;
      await expect(root).to.be.accessible();
    });
  }
});
