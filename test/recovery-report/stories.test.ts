// Every recovery-report story settles and passes axe (WCAG 2.2 AA).
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../stories/recovery-report.stories.js';
import type { MendRecoveryReport } from '../../src/define/recovery-report.js';
import { until } from '../helpers/until.js';

type Render = (args: Record<string, unknown>, context: unknown) => TemplateResult;
const { default: meta, ...named } = stories as unknown as { default: { args: object; render: Render } } & Record<string, { args?: object; render?: Render }>;

const EXPECT: Record<string, string> = { ErrorState: '[part="error"]', Unsupported: '[part="empty"]', Loading: '[part="loading"]' };

describe('recovery-report stories', () => {
  it('has the states the issue asks for', () => {
    for (const name of ['Default', 'Empty', 'Loading', 'ErrorState', 'ManyItems', 'Dark', 'Harbor', 'Ember', 'RightToLeft']) expect(named, name).to.have.property(name);
  });

  for (const [name, story] of Object.entries(named)) {
    it(`${name}: renders and passes axe`, async () => {
      const render = story.render ?? meta.render;
      const root = await fixture<HTMLElement>(render({ ...meta.args, ...story.args }, {}));
      const el = (root.localName === 'mend-recovery-report' ? root : root.querySelector('mend-recovery-report')) as MendRecoveryReport;
      const selector = EXPECT[name] ?? '[part="chart"]';
      await until(() => el.shadowRoot!.querySelector(selector), `${name} shows ${selector}`);
      await expect(root).to.be.accessible();
    });
  }
});
