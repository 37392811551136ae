/**
 * The keyboard model of one ARIA radio group (WAI-ARIA APG "Radio Group"), configured with callbacks
 * in the shape of Spectrum's `RovingTabindexController`:
 *
 * ```ts
 * #bundleKeys = new RadioGroupController(this, {
 *   elements: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="bundles"] [role="radio"]')],
 *   isFocusableElement: () => !this.disabled,
 *   elementEnterAction: (radio) => this.#pick(radio.dataset.id!),
 * });
 * ```
 *
 * - One tab stop: after every update the radio at `focusInIndex` has `tabindex="0"`, the others
 *   `-1` (all `-1` while none is focusable), so the element's template renders no tabindex.
 * - Arrow keys move to the next / previous focusable radio, wrapping around, and choose it (the
 *   APG's "focus follows selection"); in a right-to-left context the left arrow goes forward.
 * - Home / End go to the first / last focusable radio and choose it.
 * - Space and Enter choose the focused radio.
 * - A key on a radio that is not focusable does nothing.
 *
 * The element renders `role="radiogroup"`, `role="radio"`, `aria-checked` and the click handler;
 * after a key the controller waits for the element's update and focuses the radio at the chosen
 * index. Typed against a `ReactiveControllerHost & HTMLElement`, never an element class; it listens
 * for `keydown` on the host (shadow DOM events arrive there) and acts only on its own radios, so
 * one element can have several groups. Its behaviour is pinned by
 * `test/controllers/radio-group-suite.ts`, run against every group that uses it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type RadioGroupHost = ReactiveControllerHost & HTMLElement;

export interface RadioGroupOptions<T extends HTMLElement> {
  /** The group's radios, in order (queried after each update). */
  elements: () => T[];
  /** The radio that takes the tab stop. Default: the checked one (`aria-checked="true"`), else the first. */
  focusInIndex?: (elements: T[]) => number;
  /** Whether a radio can be focused and chosen (false for a disabled radio or group). */
  isFocusableElement: (element: T) => boolean;
  /** Choose a radio (arrow keys, Home/End, Space, Enter). */
  elementEnterAction: (element: T, index: number) => void;
}

const checkedOrFirst = (radios: HTMLElement[]) => Math.max(0, radios.findIndex((r) => r.getAttribute('aria-checked') === 'true'));

const FORWARD = 1;
const BACK = -1;

export class RadioGroupController<T extends HTMLElement = HTMLElement> implements ReactiveController {
  readonly #host: RadioGroupHost;
  readonly #options: RadioGroupOptions<T>;

  constructor(host: RadioGroupHost, options: RadioGroupOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
  }

  /** Put the single tab stop where it belongs. */
  hostUpdated(): void {
    const { elements, focusInIndex = checkedOrFirst, isFocusableElement } = this.#options;
    const radios = elements();
    const any = radios.some(isFocusableElement);
    const stop = any ? focusInIndex(radios) : -1;
    radios.forEach((radio, i) => (radio.tabIndex = i === stop ? 0 : -1));
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const { elements, isFocusableElement, elementEnterAction } = this.#options;
    const radios = elements();
    const current = radios.findIndex((radio) => event.composedPath().includes(radio));
    if (current < 0 || !isFocusableElement(radios[current]!)) return;
    const rtl = this.#host.matches(':dir(rtl)');
    const steps: Record<string, number> = {
      ArrowDown: FORWARD,
      ArrowUp: BACK,
      ArrowRight: rtl ? BACK : FORWARD,
      ArrowLeft: rtl ? FORWARD : BACK,
    };
    let index: number;
    if (event.key in steps) index = this.#next(radios, current, steps[event.key]!);
    else if (event.key === 'Home') index = this.#next(radios, -1, FORWARD);
    else if (event.key === 'End') index = this.#next(radios, radios.length, BACK);
    else if (event.key === ' ' || event.key === 'Enter') index = current;
    else return;
    event.preventDefault();
    if (index < 0) return;
    elementEnterAction(radios[index]!, index);
    if (index !== current) {
      void this.#host.updateComplete.then(() => elements()[index]?.focus());
    }
  };

  /** The next focusable radio from `from` in direction `step`, wrapping around (-1: none). */
  #next(radios: T[], from: number, step: number): number {
    const n = radios.length;
    for (let k = 1; k <= n; k++) {
      const i = (((from + step * k) % n) + n) % n;
      if (this.#options.isFocusableElement(radios[i]!)) return i;
    }
    return -1;
  }
}
