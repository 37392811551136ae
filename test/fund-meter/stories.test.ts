// Every fund-meter story renders its meter in a settled state and passes axe (WCAG 2.2 AA), here
// without building Storybook (the static-build check runs the same stories from storybook-static/).
import { until } from '../helpers/until.js';
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../stories/fund-meter.stories.js';
import type { MendFundMeter } from '../../src/define/fund-meter.js';
import { installFrameFallback } from './fixtures.js';

type Render = (args: Record<string, unknown>, context: unknown) => TemplateResult;
const { default: meta, ...named } = stories as unknown as { default: { args: object; render: Render } } & Record<string, { args?: object; render?: Render }>;

const settled = (el: MendFundMeter) => !!el.shadowRoot?.querySelector('[role="meter"], [part="error"], [part="empty"], [part="loading"]');

// This file's page may be the runner's hidden one (see installFrameFallback).
installFrameFallback();

describe('fund-meter stories', () => {
  it('has the states the issue asks for', () => {
    for (const name of ['Plenty', 'Low', 'Exhausted', 'PendingApprovals', 'Compact', 'LongLedger', 'ErrorState', 'Loading', 'Unsupported', 'Dark', 'RightToLeft']) {
      expect(named, name).to.have.property(name);
    }
  });

  for (const [name, story] of Object.entries(named)) {
    it(`${name}: renders and passes axe`, async () => {
      const render = story.render ?? meta.render;
      const root = await fixture<HTMLElement>(render({ ...meta.args, ...story.args }, {}));
      const meters = [...(root.localName === 'mend-fund-meter' ? [root] : []), ...root.querySelectorAll('mend-fund-meter')] as MendFundMeter[];
      expect(meters.length).to.be.greaterThan(0);
      await until(() => meters.every(settled), 'every meter settles');
      if (name === 'ErrorState') await until(() => meters[0]!.shadowRoot!.querySelector('[part="error"]'), 'the error shows');
      await expect(root).to.be.accessible();
    });
  }
});
