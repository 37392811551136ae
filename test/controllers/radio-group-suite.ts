// The reusable suite of RadioGroupController (src/controllers/radio-group.ts): every radio group
// built on it runs this (Lion's run*MixinSuite, Shoelace's runFormControlBaseTests). It drives the
// group with real key presses and checks what a keyboard user and a screen reader get: one tab
// stop on the checked radio, arrows that move and choose (mirrored right to left), Home/End,
// Space and Enter, nothing while disabled.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

export interface RadioGroupSuiteOptions<T extends HTMLElement> {
  /** What the suite names in its titles, e.g. 'mend-offer-picker: bundles'. */
  name: string;
  /** A mounted, rendered element; `dir` is the direction of its surroundings. At least 3 radios. */
  mount: (dir: 'ltr' | 'rtl') => Promise<T>;
  /** The group's radios, in order. */
  radios: (el: T) => HTMLElement[];
  /** Wait until the element has rendered what the last action changed. */
  settle: (el: T) => Promise<void>;
  /** Disable the group as a page would (e.g. the element's `disabled`). */
  disable: (el: T) => Promise<void>;
}

export function runRadioGroupSuite<T extends HTMLElement>(options: RadioGroupSuiteOptions<T>): void {
  const { name, mount, radios, settle, disable } = options;
  const checked = (el: T): number => radios(el).findIndex((r) => r.getAttribute('aria-checked') === 'true');
  const focused = (el: T): number => radios(el).findIndex((r) => r === el.shadowRoot!.activeElement);
  const press = async (el: T, key: string): Promise<void> => {
    await sendKeys({ press: key });
    await settle(el);
  };
  /** Focus the group where Tab enters it. */
  const enter = (el: T): HTMLElement => {
    const stop = radios(el).find((r) => r.tabIndex === 0)!;
    stop.focus();
    return stop;
  };

  describe(`${name}: radio group`, () => {
    it('is one tab stop: the checked radio, else the first', async () => {
      const el = await mount('ltr');
      const all = radios(el);
      expect(all.length).to.be.at.least(3);
      expect(all.every((r) => r.getAttribute('role') === 'radio')).to.equal(true);
      expect(all[0]!.closest('[role="radiogroup"]')).to.not.equal(null);
      const stops = all.filter((r) => r.tabIndex === 0);
      expect(stops).to.have.length(1);
      expect(all.indexOf(stops[0]!)).to.equal(Math.max(0, checked(el)));
    });

    it('arrow keys move, choose and wrap around; the tab stop follows', async () => {
      const el = await mount('ltr');
      enter(el);
      const n = radios(el).length;
      const start = focused(el);
      await press(el, 'ArrowDown');
      expect(focused(el)).to.equal((start + 1) % n);
      expect(checked(el)).to.equal((start + 1) % n);
      await press(el, 'ArrowRight');
      expect(checked(el)).to.equal((start + 2) % n);
      await press(el, 'ArrowUp');
      await press(el, 'ArrowLeft');
      expect(focused(el)).to.equal(start);
      expect(checked(el)).to.equal(start);
      expect(radios(el).map((r) => r.tabIndex)).to.deep.equal(radios(el).map((_, i) => (i === start ? 0 : -1)));
      await press(el, 'End');
      await press(el, 'ArrowDown');
      expect(focused(el), 'from the last, down wraps to the first').to.equal(0);
      await press(el, 'ArrowUp');
      expect(focused(el), 'from the first, up wraps to the last').to.equal(n - 1);
      expect(checked(el)).to.equal(n - 1);
    });

    it('Home and End go to the first and the last and choose them', async () => {
      const el = await mount('ltr');
      enter(el);
      await press(el, 'End');
      expect(focused(el)).to.equal(radios(el).length - 1);
      expect(checked(el)).to.equal(radios(el).length - 1);
      await press(el, 'Home');
      expect(focused(el)).to.equal(0);
      expect(checked(el)).to.equal(0);
    });

    it('right to left: the left arrow goes forward, the right arrow back', async () => {
      const el = await mount('rtl');
      enter(el);
      const n = radios(el).length;
      const start = focused(el);
      await press(el, 'ArrowLeft');
      expect(focused(el)).to.equal((start + 1) % n);
      expect(checked(el)).to.equal((start + 1) % n);
      await press(el, 'ArrowRight');
      expect(focused(el)).to.equal(start);
      expect(checked(el)).to.equal(start);
    });

    it('Space and Enter choose the focused radio', async () => {
      const el = await mount('ltr');
      enter(el);
      const n = radios(el).length;
      // Move focus without choosing: focus the next radio directly, as a click-less screen reader cursor would.
      const other = (Math.max(0, checked(el)) + 1) % n;
      radios(el)[other]!.focus();
      await press(el, 'Space');
      expect(checked(el)).to.equal(other);
      const third = (other + 1) % n;
      radios(el)[third]!.focus();
      await press(el, 'Enter');
      expect(checked(el)).to.equal(third);
      expect(focused(el)).to.equal(third);
    });

    it('disabled: no tab stop, and keys choose nothing', async () => {
      const el = await mount('ltr');
      const before = checked(el);
      await disable(el);
      expect(radios(el).every((r) => r.tabIndex === -1 && r.getAttribute('aria-disabled') === 'true')).to.equal(true);
      const target = (Math.max(0, before) + 1) % radios(el).length;
      radios(el)[target]!.focus();
      await press(el, 'Space');
      await press(el, 'ArrowDown');
      await press(el, 'End');
      expect(checked(el)).to.equal(before);
    });
  });
}
