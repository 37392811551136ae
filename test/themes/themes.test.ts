// The example themes (themes/*.css) against the widgets, light and dark: nothing overflows a 400 px
// side panel, and an unchecked checkbox reads as a control (WCAG 2.2 AA non-text contrast, 3:1)
// rather than a disabled one.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/fund-meter.js';
import type { MendFundMeter } from '../../src/define/fund-meter.js';
import { demoSeed } from '../../src/adapter/demo-data.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { until } from '../helpers/until.js';
import { THEMES, useThemes, theme } from '../helpers/themes.js';
import * as pickerStories from '../../stories/offer-picker.stories.js';
import * as loggerStories from '../../stories/root-cause-logger.stories.js';

/** Elements of a shadow tree (nested shadow roots too). */
function deep(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
}

/** sRGB channels of a computed colour (`rgb(…)` / `rgba(…)`), alpha last. */
function rgba(color: string): [number, number, number, number] {
  const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, a];
}
const luminance = ([r, g, b]: number[]) => {
  const c = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * c(r!) + 0.7152 * c(g!) + 0.0722 * c(b!);
};
const contrast = (a: number[], b: number[]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
/** The colour behind an element: the first opaque background up the tree, across shadow roots. */
function behind(el: Element): number[] {
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const color = rgba(getComputedStyle(node).backgroundColor);
    if (color[3] === 1) return color;
  }
  return [255, 255, 255, 1];
}

type StoryModule = { default: { render: (args: unknown, context: unknown) => unknown; args?: object }; Dark: { render?: (args: unknown, context: unknown) => unknown; args?: object; play?: (c: { canvasElement: HTMLElement; args: unknown }) => Promise<void> } };

describe('themes', () => {
  useThemes();

  for (const [name, classes] of THEMES) {
    it(`${name}: the compact fund meter fits a 400 px panel`, async () => {
      theme(classes);
      const adapter = new MemoryAdapter(demoSeed(), { latency: 1 });
      const panel = await fixture<HTMLElement>(html`<div style="inline-size: 400px; box-sizing: border-box; overflow: auto; display: flex; flex-wrap: wrap; padding: 0.5rem 1rem; gap: 0.5rem 1rem">
        <mend-fund-meter style="flex: 0 0 auto" variant="compact" locale="en-US" .adapter=${adapter}></mend-fund-meter>
      </div>`);
      const meter = panel.querySelector<MendFundMeter>('mend-fund-meter')!;
      await until(() => meter.shadowRoot!.querySelector('[role="meter"]'), 'the meter shows the fund');
      await meter.updateComplete;
      expect(panel.scrollWidth, 'the panel does not scroll sideways').to.be.at.most(panel.clientWidth);
      expect(meter.scrollWidth, 'the meter does not overflow itself').to.be.at.most(meter.clientWidth);
      const edge = panel.getBoundingClientRect().right;
      const past = deep(meter.shadowRoot!).filter((el) => el.getBoundingClientRect().right > edge + 0.5);
      expect(past.map((el) => `${el.localName}.${el.className}: ${el.getBoundingClientRect().right - edge}`)).to.deep.equal([]);
    });
  }

  for (const [name, classes, dark] of THEMES.filter(([, , dark]) => dark)) {
    it(`${name}: an unchecked checkbox has an edge of at least 3:1 against its surface, unlike a disabled one`, async () => {
      theme(classes);
      let checked = 0;
      for (const module of [pickerStories, loggerStories] as unknown as StoryModule[]) {
        const story = module.Dark;
        const args = { ...module.default.args, ...story.args };
        const canvas = await fixture<HTMLElement>(html`<div>${(story.render ?? module.default.render)(args, { args, name: 'Dark' })}</div>`);
        await story.play?.({ canvasElement: canvas, args });
        await until(() => deep(canvas).some((el) => el.matches('input[type="checkbox"]')), 'a checkbox');
        for (const box of deep(canvas).filter((el): el is HTMLInputElement => el.matches('input[type="checkbox"]'))) {
          if (box.checked || box.disabled) continue;
          const style = getComputedStyle(box);
          expect(style.colorScheme === 'dark' || dark, 'rendered in the dark scheme').to.equal(true);
          expect(style.outlineStyle, 'an edge').to.equal('solid');
          expect(parseFloat(style.outlineWidth)).to.be.at.least(1);
          const ratio = contrast(rgba(style.outlineColor), behind(box));
          expect(ratio, `${name}: edge ${style.outlineColor} on ${behind(box).join(',')}`).to.be.at.least(3);
          checked++;
          // A disabled box keeps the browser's faint look: the two stay apart.
          box.disabled = true;
          expect(getComputedStyle(box).outlineStyle).not.to.equal('solid');
          box.disabled = false;
        }
      }
      expect(checked, 'unchecked checkboxes found').to.be.greaterThan(0);
    });
  }
});
