import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { HostAdapter } from '../../adapter/host-adapter.js';
import { adapterContext, settingsContext, type MendSettings } from '../../base/context.js';
import type { MendStrings } from '../../base/strings.js';
import { sessionFor } from '../../adapter/session.js';
import { load, part } from '../../controllers/on-demand.js';

/** The key listener loads when a console gives a recovery key. */
const hotkey = part(() => import('../../controllers/hotkey.js'));

/**
 * @tagname mend-host
 * @summary Provides the host adapter, locale, currency and strings to every Mend widget inside it.
 *
 * Put the widgets of one agent desktop inside one `<mend-host>`; they then share one session with
 * the host: one load of the fund, one subscription to host events, one durable outbox. A widget's
 * own `adapter`, `locale`, `currency` or `strings` property overrides what the host provides.
 *
 * A console can give the agent one key that moves focus to the recovery, wherever focus is:
 * `recovery-key="Alt+R"` (or call `focusRecovery()` from the console's own shortcut system). The
 * widgets never move focus otherwise, except to hand on to the root cause after an accepted recovery.
 *
 * @slot - The widgets (and any other content).
 */
export class MendHost extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The host adapter every widget inside uses (e.g. `new LocalAdapter()`). */
  @property({ attribute: false }) adapter?: HostAdapter;

  /** BCP 47 locale for dates and money, e.g. `de-DE`. Default: the host's context. */
  @property() locale?: string;

  /** ISO 4217 currency, e.g. `EUR`. Default: the host's context. */
  @property() currency?: string;

  /** Replacement user-visible strings (any subset). */
  @property({ attribute: false }) strings?: Partial<MendStrings> & Record<string, string>;

  /**
   * A key that moves focus to the recovery from anywhere in the console, e.g. `Alt+R` or
   * `Control+Shift+M` (letters match the physical key). Choose one the console does not use.
   */
  @property({ attribute: 'recovery-key' }) recoveryKey?: string;

  /** Move focus to the recovery (the offer picker's Accept or first choice). True when it could. */
  focusRecovery(): boolean {
    return this.adapter ? sessionFor(this.adapter).handOff('recovery') : false;
  }

  /** While the recovery key's listener loads, the load; `updateComplete` waits for it. */
  #listening: Promise<unknown> | null = null;

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.#listening;
    return done;
  }

  #adapter = new ContextProvider(this, { context: adapterContext });
  #settings = new ContextProvider(this, { context: settingsContext, initialValue: {} });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.recoveryKey && !this.#listening) {
      // A controller added to a connected element starts at once (hostConnected).
      this.#listening = load(hotkey).then(
        ({ HotkeyController }) => new HotkeyController(this, () => this.recoveryKey, () => this.focusRecovery()),
        () => (this.#listening = null), // tried again at the next update
      );
    }
    if (changed.has('adapter')) this.#adapter.setValue(this.adapter);
    if (changed.has('locale') || changed.has('currency') || changed.has('strings')) {
      // Replace, never mutate: context consumers compare with Object.is.
      const settings: MendSettings = { locale: this.locale, currency: this.currency, strings: this.strings };
      this.#settings.setValue(settings);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
