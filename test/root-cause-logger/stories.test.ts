import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../stories/root-cause-logger.stories.js';
import type { MendRootCauseLogger } from '../../src/define/root-cause-logger.js';
import { until } from './helpers.js';

type Story = {
  args?: Record<string, unknown>;
  render?: (args: Record<string, unknown>, context?: unknown) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
};
const meta = stories.default as unknown as Story;
const named = Object.entries(stories).filter(([name]) => name !== 'default') as Array<[string, Story]>;

/** Each story renders its state and passes axe there (the static Storybook build checks the same). */
describe('root-cause logger stories', () => {
  it('cover the states the issue lists', () => {
    const names = named.map(([n]) => n);
    for (const n of ['Empty', 'Filled', 'RecurringCause', 'QueuedOffline', 'NeedsAttention', 'WrapUpBlocked', 'LargeTaxonomy', 'Dark', 'RightToLeft'])
      expect(names).to.include(n);
  });

  const expectations: Record<string, (el: MendRootCauseLogger) => boolean> = {
    RecurringCause: (el) => !!el.shadowRoot!.querySelector('[part="recurrence"]'),
    QueuedOffline: (el) => (el.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '').includes('not answering'),
    NeedsAttention: (el) => !!el.shadowRoot!.querySelector('[part="resend"]'),
    WrapUpBlocked: (el) => !!el.shadowRoot!.querySelector('[part="wrap-up"]'),
    OverTimeLimit: (el) => !!el.shadowRoot!.querySelector('[part="time-limit"]'),
    ErrorState: (el) => !!el.shadowRoot!.querySelector('[part="retry"]'),
  };

  for (const [name, story] of named) {
    it(`${name}: renders its state and passes axe`, async function (this: { timeout(ms: number): void }) {
      this.timeout(20000);
      const args = { ...meta.args, ...story.args };
      const render = story.render ?? meta.render!;
      const canvas = await fixture<HTMLElement>(html`<div>${render(args, {})}</div>`);
      await story.play?.({ canvasElement: canvas });
      const el = canvas.querySelector('mend-root-cause-logger')!;
      const check = expectations[name];
      if (check) await until(() => check(el), 8000);
      await el.updateComplete;
      await expect(canvas).to.be.accessible();
    });
  }
});
