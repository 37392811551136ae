/**
 * The small base every Mend widget extends: shared host styles and tokens, the host adapter (as a
 * property or from `<mend-host>`), locale, currency and replaceable strings, a typed `emit` and a
 * polite live region that announces changes without moving focus.
 */
import { LitElement, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { HostAdapter } from '../adapter/host-adapter.js';
import type { HostSession } from '../adapter/session.js';
import { HostController } from '../controllers/host-controller.js';
import { formatList } from './format.js';
import { defaultStrings, fill, type MendStrings, type StringKey } from './strings.js';
import { baseStyles, tokens } from './styles.js';

/** Facts of the core's reasons that are amounts (integer minor units). */
const MONEY_FACTS = new Set(['amount', 'authority', 'cap', 'limit', 'remaining', 'threshold']);
/** Facts of the core's reasons that are ids with a word of their own (`+` joins several). */
const TERM_FACTS: Record<string, string> = {
  severity: 'severity',
  from: 'severity',
  to: 'severity',
  as: 'severity',
  kind: 'kind',
  kinds: 'kind',
  requires: 'kind',
  missing: 'kind',
  level: 'level',
  mode: 'mode',
  role: 'role',
};

type DetailOf<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

export class MendElement extends LitElement {
  static override styles = [tokens, baseStyles];

  /**
   * A widget's own strings beyond the shared set in `src/base/strings.ts`: kept with the widget so
   * a page that loads one widget does not ship every widget's text. Replaceable exactly like the
   * shared ones, through `strings` here or on `<mend-host>`.
   */
  static localStrings: Readonly<Record<string, string>> = {};

  /** The host adapter. Optional: set it here, or let the nearest `<mend-host>` provide it. */
  @property({ attribute: false }) adapter?: HostAdapter;

  /** Replacement strings, merged over `<mend-host>`'s and the defaults. */
  @property({ attribute: false }) strings?: Partial<MendStrings> & Record<string, string>;

  /** BCP 47 locale. Default: `<mend-host>`, then the host's context, then the document's `lang`. */
  @property({ reflect: false }) locale?: string;

  /** ISO 4217 currency. Default: `<mend-host>`, then the host's context, then `USD`. */
  @property({ reflect: false }) currency?: string;

  @state() private announcement = '';

  protected readonly hostController = new HostController(this);

  /** The shared session of the adapter, or null without one. */
  protected get session(): HostSession | null {
    return this.hostController.session;
  }

  protected get resolvedLocale(): string {
    return (
      this.locale ||
      this.hostController.settings.locale ||
      this.session?.context.state.value?.locale ||
      this.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang ||
      'en-US'
    );
  }

  protected get resolvedCurrency(): string {
    return this.currency || this.hostController.settings.currency || this.session?.context.state.value?.currency || 'USD';
  }

  /**
   * A user-visible string, with `{placeholders}` filled: the widget's `strings`, then
   * `<mend-host>`'s, then the widget's own defaults, then the shared defaults.
   */
  protected t(key: StringKey | (string & {}), values?: Record<string, string | number>): string {
    const own = (this.constructor as typeof MendElement).localStrings[key];
    return fill(this.#replaced(key) ?? own ?? (defaultStrings as Record<string, string>)[key] ?? key, values);
  }

  /**
   * A core reason or talking point in words: the page's replacement string `reason.<code>` (or
   * `talk.<code>`) filled with the item's facts, otherwise the core's English text. Facts named in
   * `money` are integer minor units, shown through `format`.
   */
  protected words(
    item: { code: string; text: string; facts?: Readonly<Record<string, string | number | boolean>> },
    kind: 'reason' | 'talk' = 'reason',
    format?: (minor: number) => string,
  ): string {
    const replaced = this.#replaced(`${kind}.${item.code}`);
    if (replaced === undefined) return item.text;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(item.facts ?? {})) {
      const term = TERM_FACTS[name];
      values[name] =
        format && typeof value === 'number' && MONEY_FACTS.has(name)
          ? format(value)
          : term && typeof value === 'string'
            ? formatList(value.split('+').map((id) => this.term(term, id)), this.resolvedLocale)
            : String(value);
    }
    return fill(replaced, values);
  }

  /**
   * What went wrong, in words: the page's `error.<code>` string (with the original as `{message}`),
   * otherwise the error's own message.
   */
  protected failure(error: { code?: string; message?: string } | null | undefined): string {
    const message = error?.message ?? '';
    const replaced = error?.code ? this.#replaced(`error.${error.code}`) : undefined;
    return replaced === undefined ? message : fill(replaced, { message });
  }

  /**
   * The word for an id of the policy or the core (`severity.high`, `kind.assistance`,
   * `period.week`, `level.heavy`, `mode.all`, `role.agent`): the page's string, else the id.
   */
  protected term(kind: string, id: string): string {
    return this.#replaced(`${kind}.${id}`) ?? id;
  }

  #replaced(key: string): string | undefined {
    return (
      (this.strings as Record<string, string> | undefined)?.[key] ??
      (this.hostController.settings.strings as Record<string, string> | undefined)?.[key]
    );
  }

  /** Fire a composed, bubbling event declared in GlobalEventHandlersEventMap. */
  protected emit<K extends keyof GlobalEventHandlersEventMap>(
    type: K,
    detail: DetailOf<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }

  /** Say something to screen readers politely, without taking focus. */
  protected announce(message: string): void {
    // Clear first so that the same message twice is announced twice. A timer, not an animation
    // frame: a console in a background tab runs no frames, and the message must still land.
    this.announcement = '';
    setTimeout(() => (this.announcement = message), 0);
  }

  /** Render once in each widget's template. */
  protected renderAnnouncer(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }
}
