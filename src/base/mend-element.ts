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
import { LocalizeController } from '../controllers/localize.js';
import { OnDemand, load, part } from '../controllers/on-demand.js';
import type { MendStrings, StringKey } from './strings.js';
import { baseStyles, tokens } from './styles.js';
import type { SayOptions, Speaker } from './voice.js';

/** The session's one voice (src/base/voice.ts), loaded with the page's first announcement. */
const voice = part(() => import('./voice.js'));

/** A speaker for an element's live region. */
function speakerOf(element: Element, speak: (message: string) => void): Speaker {
  return {
    get isConnected() {
      return element.isConnected;
    },
    speak,
  };
}

/** The `detail` type of a declared event. */
export type DetailOf<K extends keyof GlobalEventHandlersEventMap> =
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

  /**
   * The widget's parts loaded on demand (`this.parts.need(part)` in `willUpdate` or `render`); the
   * element's `updateComplete` waits until the parts it asked for are rendered.
   */
  protected readonly parts = new OnDemand(this);

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (await this.parts.settle()) done = await super.getUpdateComplete();
    return done;
  }

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

  /** The element's words (strings, plurals, reasons, errors, ids): see {@link LocalizeController}. */
  protected readonly localize = new LocalizeController(this, {
    replacements: () => [this.strings, this.hostController.settings.strings],
    defaults: () => (this.constructor as typeof MendElement).localStrings,
    locale: () => this.resolvedLocale,
  });

  /**
   * A user-visible string, with `{placeholders}` filled (a numeric `count` picks the plural form):
   * the widget's `strings`, then `<mend-host>`'s, then the widget's own defaults, then the shared ones.
   */
  protected t(key: StringKey | (string & {}), values?: Record<string, string | number>): string {
    return this.localize.t(key, values);
  }

  /** A core reason or talking point in words (`reason.<code>` / `talk.<code>`, else the core's English). */
  protected words(
    item: { code: string; text: string; facts?: Readonly<Record<string, string | number | boolean>> },
    kind: 'reason' | 'talk' = 'reason',
    format?: (minor: number) => string,
  ): string {
    return this.localize.words(item, kind, format);
  }

  /** What went wrong, in words: the page's `error.<code>`, else the error's own message. */
  protected failure(error: { code?: string; message?: string } | null | undefined): string {
    return this.localize.failure(error);
  }

  /** The word for an id of the policy or the core (`severity.high`, `kind.assistance`…): the page's string, else the id. */
  protected term(kind: string, id: string): string {
    return this.localize.term(kind, id);
  }

  /** Fire a composed, bubbling event declared in GlobalEventHandlersEventMap. */
  protected emit<K extends keyof GlobalEventHandlersEventMap>(
    type: K,
    detail: DetailOf<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }

  /**
   * Say something to screen readers politely, without taking focus. With a session, it goes through
   * the session's one {@link Voice}: what every widget says in the same moment is heard once.
   */
  protected announce(message: string, options?: SayOptions): void {
    const session = this.session;
    if (!session) return this.#speaker.speak(message);
    // The voice loads with the first announcement (it is said a moment later in any case).
    const say = ({ voiceOf }: typeof import('./voice.js')) => voiceOf(session).say(message, this.#speaker, options);
    if (voice.value) say(voice.value);
    else load(voice).then(say, () => this.#speaker.speak(message));
  }

  readonly #speaker: Speaker = speakerOf(this, (message) => {
    // Clear first so that the same message twice is announced twice. A timer, not an animation
    // frame: a console in a background tab runs no frames, and the message must still land.
    this.announcement = '';
    if (message) setTimeout(() => (this.announcement = message), 0);
  });

  /** Render once in each widget's template. */
  protected renderAnnouncer(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }
}
