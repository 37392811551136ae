/**
 * The reusable suite of `src/controllers/combobox.ts`: the ARIA 1.2 combobox as a keyboard and
 * screen-reader user meets it. Every element using ComboboxController runs it:
 *
 * ```ts
 * runComboboxSuite({
 *   tag: 'mend-root-cause-logger',
 *   mount: () => plainLogger(),
 *   label: 'Root cause',
 *   one: { query: 'lost', label: 'Lost parcel' },
 *   many: 'a',
 *   none: 'zzqqxx',
 *   settle: (el) => searched(el),
 *   chosen: (el) => expect(department(el)).to.equal('shipping'),
 *   highlightFirst: true, // the element's combobox highlights the first match as the agent types
 * });
 * ```
 *
 * The element's shadow root holds one `[role="combobox"]` input whose `aria-controls` names its
 * listbox; options are `[role="option"]`.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

export interface ComboboxSuiteOptions<E extends HTMLElement & { updateComplete: Promise<unknown> }> {
  tag: string;
  /** A ready element (the list can be searched). */
  mount: () => Promise<E>;
  /** The combobox's accessible name (its label). */
  label: string;
  /** Typing `query` lists exactly one option, whose text starts with `label`. */
  one: { query: string; label: string };
  /** Typing this lists more than two options. */
  many: string;
  /** Typing this lists nothing. */
  none: string;
  /** Wait until the list follows what was typed. */
  settle: (el: E) => Promise<void>;
  /** Extra checks once `one` was chosen (what choosing means for the element). */
  chosen?: (el: E) => void | Promise<void>;
  /** The element highlights the first match as the agent types (ComboboxOptions.highlightFirst). */
  highlightFirst?: boolean;
}

export function runComboboxSuite<E extends HTMLElement & { updateComplete: Promise<unknown> }>(options: ComboboxSuiteOptions<E>): void {
  const { tag, mount, settle } = options;
  const input = (el: E) => el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
  const listbox = (el: E) => el.shadowRoot!.getElementById(input(el).getAttribute('aria-controls') ?? '')!;
  const listed = (el: E) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
  const active = (el: E) => input(el).getAttribute('aria-activedescendant');
  const expanded = (el: E) => input(el).getAttribute('aria-expanded');
  async function type(el: E, keys: string): Promise<void> {
    input(el).focus();
    await sendKeys({ type: keys });
    await settle(el);
  }
  async function press(el: E, key: string): Promise<void> {
    await sendKeys({ press: key });
    await el.updateComplete;
  }

  describe(`${tag}: combobox (ARIA 1.2, combobox suite)`, () => {
    it('is a labelled combobox that controls a listbox, closed at first', async () => {
      const el = await mount();
      expect(expanded(el)).to.equal('false');
      expect(input(el).getAttribute('aria-autocomplete')).to.equal('list');
      expect(listbox(el).getAttribute('role')).to.equal('listbox');
      expect(listbox(el).hidden).to.equal(true);
      expect(input(el).labels?.[0]?.textContent?.trim()).to.equal(options.label);
      await expect(el).to.be.accessible();
    });

    it('the axe check reaches into the shadow root: an unlabelled combobox fails it', async () => {
      const el = await mount();
      input(el).labels?.[0]?.remove();
      await expect(el).not.to.be.accessible();
    });

    it('typing opens the list; ArrowDown/ArrowUp move the active option, wrapping, focus stays in the input', async () => {
      const el = await mount();
      await type(el, options.many);
      expect(expanded(el)).to.equal('true');
      expect(listbox(el).hidden).to.equal(false);
      if (options.highlightFirst) {
        // The first match is highlighted as the agent types: Enter would take it.
        expect(active(el)).to.equal(listed(el)[0]!.id);
        await press(el, 'ArrowDown');
        expect(active(el)).to.equal(listed(el)[1]!.id);
        await press(el, 'ArrowUp');
      } else {
        expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
        await press(el, 'ArrowDown');
      }
      const options_ = listed(el);
      expect(active(el)).to.equal(options_[0]!.id);
      expect(options_[0]!.getAttribute('aria-selected')).to.equal('true');
      await press(el, 'ArrowUp');
      expect(active(el)).to.equal(listed(el)[listed(el).length - 1]!.id);
      await press(el, 'ArrowDown');
      expect(active(el), 'down from the last wraps to the first').to.equal(listed(el)[0]!.id);
      expect(listed(el).filter((o) => o.getAttribute('aria-selected') === 'true').length).to.equal(1);
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
      await expect(el).to.be.accessible();
    });

    it('Home and End jump to the first and last option while one is active', async () => {
      const el = await mount();
      await type(el, options.many);
      const count = listed(el).length;
      expect(count).to.be.greaterThan(2);
      if (!options.highlightFirst) await press(el, 'ArrowDown');
      await press(el, 'End');
      expect(active(el)).to.equal(listed(el)[count - 1]!.id);
      await press(el, 'Home');
      expect(active(el)).to.equal(listed(el)[0]!.id);
    });

    it(options.highlightFirst ? 'Enter takes the highlighted first match (no ArrowDown) and closes the list' : 'Enter chooses the active option and closes the list', async () => {
      const el = await mount();
      await type(el, options.one.query);
      if (!options.highlightFirst) await press(el, 'ArrowDown');
      await press(el, 'Enter');
      expect(input(el).value).to.equal(options.one.label);
      expect(expanded(el)).to.equal('false');
      expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
      await options.chosen?.(el);
      await expect(el).to.be.accessible();
    });

    it('Escape closes the list, a second Escape clears the text', async () => {
      const el = await mount();
      await type(el, options.one.query);
      expect(expanded(el)).to.equal('true');
      await press(el, 'Escape');
      expect(expanded(el)).to.equal('false');
      expect(input(el).value).to.equal(options.one.query);
      await press(el, 'Escape');
      expect(input(el).value).to.equal('');
    });

    it('Alt+ArrowDown opens the list without choosing; ArrowDown on an empty input lists options', async () => {
      const el = await mount();
      input(el).focus();
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ up: 'Alt' });
      await settle(el);
      await el.updateComplete;
      expect(expanded(el)).to.equal('true');
      expect(listed(el).length).to.be.greaterThan(0);
      expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
      await press(el, 'Escape');
      await press(el, 'ArrowDown');
      expect(expanded(el)).to.equal('true');
      expect(active(el)).to.equal(listed(el)[0]!.id);
    });

    it('Enter on the open list is kept by the combobox (a form around it is not submitted)', async () => {
      const el = await mount();
      await type(el, options.many);
      const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true });
      input(el).dispatchEvent(event);
      expect(event.defaultPrevented).to.equal(true);
      await el.updateComplete;
      expect(expanded(el)).to.equal('false');
    });

    it('Tab closes the list and moves on', async () => {
      const el = await mount();
      await type(el, options.many);
      await press(el, 'ArrowDown');
      await press(el, 'Tab');
      expect(expanded(el)).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.not.equal(input(el));
    });

    it('clicking an option chooses it without losing focus', async () => {
      const el = await mount();
      await type(el, options.one.query);
      listed(el)[0]!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true }));
      listed(el)[0]!.click();
      await el.updateComplete;
      expect(input(el).value).to.equal(options.one.label);
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
      await options.chosen?.(el);
    });

    it('says when nothing matches, without opening an empty list', async () => {
      const el = await mount();
      await type(el, options.none);
      expect(expanded(el)).to.equal('false');
      expect(listed(el).length).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });
}
