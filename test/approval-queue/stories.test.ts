// Every approval-queue story settles and passes axe (WCAG 2.2 AA), here without building Storybook
// (the static-build check runs the same stories from storybook-static/).
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../stories/approval-queue.stories.js';
import type { MendApprovalQueue } from '../../src/define/approval-queue.js';
import { until } from '../helpers/until.js';
import { text } from './helpers.js';

type Render = (args: Record<string, unknown>, context: unknown) => TemplateResult;
const { default: meta, ...named } = stories as unknown as { default: { args: object; render: Render } } & Record<string, { args?: object; render?: Render }>;

const settled = (el: MendApprovalQueue) => !!el.shadowRoot?.querySelector('[part="list"], [part="empty"], [part="error"], [part="loading"]');
const EXPECT: Record<string, string> = {
  Empty: '[part="empty"]',
  ErrorState: '[part="error"]',
  Unsupported: '[part="empty"]',
  ManyItems: '[part="list"]',
  RaceWithAnotherLead: '[part="decided"] [data-mine="false"]',
  Loading: '[part="loading"]',
};

describe('approval-queue stories', () => {
  it('has the states the issue asks for', () => {
    for (const name of ['Default', 'Empty', 'Loading', 'ErrorState', 'ManyItems', 'RaceWithAnotherLead', 'Dark', 'Harbor', 'Ember', 'RightToLeft']) expect(named, name).to.have.property(name);
  });

  for (const [name, story] of Object.entries(named)) {
    it(`${name}: renders and passes axe`, async () => {
      const render = story.render ?? meta.render;
      const root = await fixture<HTMLElement>(render({ ...meta.args, ...story.args }, {}));
      const queues = [...(root.localName === 'mend-approval-queue' ? [root] : []), ...root.querySelectorAll('mend-approval-queue')] as MendApprovalQueue[];
      expect(queues.length).to.be.greaterThan(0);
      await until(() => queues.every(settled), 'every queue settles');
      const selector = EXPECT[name] ?? '[part="list"]';
      await until(() => queues[0]!.shadowRoot!.querySelector(selector), `${name} shows ${selector}`);
      if (name === 'RaceWithAnotherLead') expect(text(queues[0]!.shadowRoot!.querySelector('[part="decided"]'))).to.match(/^Another lead declined \$\d+\.\d\d for .+ first\.$/);
      if (name === 'ManyItems') expect(queues[0]!.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(8);
      await expect(root).to.be.accessible();
    });
  }
});
