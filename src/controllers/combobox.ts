/**
 * The ARIA 1.2 combobox pattern (an editable input that controls a listbox, focus stays in the
 * input, the highlighted option is its `aria-activedescendant`), as one configured controller. The
 * element renders the input and the list; the controller owns whether the list is open, which
 * option is active, and the keyboard:
 *
 * | key                | list closed                                   | list open                                 |
 * | ------------------ | --------------------------------------------- | ----------------------------------------- |
 * | (typing)           | opens when anything matches; with `highlightFirst` the first match is highlighted | the same |
 * | ArrowDown/ArrowUp  | opens (lists everything when nothing is listed) and highlights the first/last; with Alt only opens | moves the highlight, wrapping |
 * | Home/End           | (the input's own caret)                       | first/last option, once one is highlighted |
 * | Enter              | the input's own (a form submits, as from any text field) | chooses the highlighted option, closes (the form is not submitted) |
 * | Escape             | clears the text                               | closes, the text stays                     |
 * | Tab                | (moves on)                                    | closes, focus moves on                     |
 *
 * ```ts
 * #combo = new ComboboxController<RootCauseMatch>(this, {
 *   id: 'cause-opt',                       // option i is rendered with id `${id}-${i}`
 *   options: () => this.results,           // what the list shows now
 *   listAll: () => this.#search('', true), // ArrowDown on an empty list (optional)
 *   choose: (match) => this.#choose(match),
 *   clear: () => this.#clearQuery(),       // Escape on a closed list; returns whether there was text
 * });
 * // render: <input role="combobox" aria-expanded=${combo.open} aria-activedescendant=${combo.activeId || nothing}
 * //                @keydown=${combo.onKeyDown} @blur=${combo.close}>
 * //         <li id=${combo.optionId(i)} aria-selected=${i === combo.active} @mousedown=${combo.keepFocus} @click=...>
 * ```
 *
 * Typed against {@link ComboboxHost} (a reactive host that is an HTMLElement), never an element
 * class. Its reusable suite is `test/controllers/combobox-suite.ts` (`runComboboxSuite`): every
 * element using this controller runs it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ComboboxHost = ReactiveControllerHost & HTMLElement;

export interface ComboboxOptions<T> {
  /** Prefix of the option ids: option `i` has id `${id}-${i}` in the element's shadow root. */
  id: string;
  /** The options listed now (the element fills them, e.g. from a search as the agent types). */
  options: () => readonly T[];
  /** ArrowDown/ArrowUp with nothing listed: list every option (optional). */
  listAll?: () => void;
  /** The agent chose `option` (Enter on the highlighted one, or a click). */
  choose: (option: T) => void;
  /** Escape on a closed list: clear the text; returns whether there was any. */
  clear: () => boolean;
  /**
   * Highlight the first option whenever the list is listed anew (ARIA's list autocomplete with
   * automatic selection): Enter takes the best match at once, without ArrowDown. Default false.
   */
  highlightFirst?: boolean;
}

export class ComboboxController<T> implements ReactiveController {
  /** Whether the listbox is shown (`aria-expanded`). */
  open = false;
  /** The highlighted option's index, -1 for none. */
  active = -1;
  readonly #host: ComboboxHost;
  readonly #options: ComboboxOptions<T>;
  #scrolled = -1;

  constructor(host: ComboboxHost, options: ComboboxOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The id of option `index`. */
  optionId(index: number): string {
    return `${this.#options.id}-${index}`;
  }

  /** The highlighted option's id for `aria-activedescendant` ('' when none). */
  get activeId(): string {
    return this.open && this.active >= 0 ? this.optionId(this.active) : '';
  }

  /** The options were listed anew (the agent typed): open when there are any; the first highlighted with `highlightFirst`, else none. */
  listed(): void {
    const any = this.#options.options().length > 0;
    this.#set(any, any && this.#options.highlightFirst ? 0 : -1);
  }

  /** Close the list (blur, a new context). */
  close = (): void => {
    this.#set(false, -1);
  };

  /** Choose option `index` (a click on it) and close. */
  pick(index: number): void {
    const option = this.#options.options()[index];
    if (option === undefined) return;
    this.#options.choose(option);
    this.close();
  }

  /** For an option's `mousedown`: a click does not take focus from the input. */
  keepFocus = (event: Event): void => {
    event.preventDefault();
  };

  /** The input's `keydown`. */
  onKeyDown = (event: KeyboardEvent): void => {
    const count = this.#options.options().length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        let listed = count;
        const wasOpen = this.open;
        if (!wasOpen) {
          if (!listed) this.#options.listAll?.();
          listed = this.#options.options().length;
          if (!listed) return;
          if (event.altKey) return this.#set(true, -1);
        }
        const down = event.key === 'ArrowDown';
        const next = this.active < 0 || !wasOpen ? (down ? 0 : listed - 1) : (this.active + (down ? 1 : listed - 1)) % listed;
        this.#set(true, next);
        break;
      }
      case 'Home':
      case 'End':
        if (!this.open || this.active < 0) return;
        event.preventDefault();
        this.#set(true, event.key === 'Home' ? 0 : count - 1);
        break;
      case 'Enter':
        // A closed list leaves Enter to the input (a form submits); an open one keeps it.
        if (!this.open) return;
        event.preventDefault();
        if (this.active >= 0) this.pick(this.active);
        else this.close();
        break;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.close();
        } else if (this.#options.clear()) {
          event.preventDefault();
        }
        break;
      case 'Tab':
        this.close();
        break;
    }
  };

  hostUpdated(): void {
    // Keep the highlighted option in view inside a scrolling list.
    if (this.active === this.#scrolled) return;
    this.#scrolled = this.active;
    if (this.active >= 0) this.#host.shadowRoot?.getElementById(this.optionId(this.active))?.scrollIntoView({ block: 'nearest' });
  }

  #set(open: boolean, active: number): void {
    if (open === this.open && active === this.active) return;
    this.open = open;
    this.active = active;
    this.#host.requestUpdate();
  }
}
