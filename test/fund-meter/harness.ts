// Drives a <mend-fund-meter> as an agent does: reads what is on screen (the meter, its words, the
// announcement, the error), and acts through the controls (Retry, the ledger toggle) with a click or
// the keyboard. Tests say what a person sees and does; the selectors live here once.
import { sendKeys } from '@web/test-runner-commands';
import type { MendFundMeter } from '../../src/define/fund-meter.js';
import { text } from '../helpers/dom.js';
import { until } from '../helpers/until.js';

export class FundMeterHarness {
  constructor(readonly el: MendFundMeter) {}

  /** An element of the meter's shadow root by part name (null when absent). */
  part<T extends HTMLElement = HTMLElement>(name: string): T | null {
    return this.el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  }

  /** The meter (role="meter"), or null while loading, failed or empty. */
  get meter(): HTMLElement | null {
    return this.el.shadowRoot!.querySelector<HTMLElement>('[role="meter"]');
  }
  /** What is left, as the meter reports it to assistive technology (minor units), or null. */
  get valueNow(): string | null {
    return this.meter?.getAttribute('aria-valuenow') ?? null;
  }
  /** What the polite live region says. */
  get announced(): string {
    return text(this.el.shadowRoot!.querySelector('[role="status"]'));
  }
  /** The error message on screen ('' with none). */
  get error(): string {
    return text(this.part('error'));
  }
  get loading(): boolean {
    return !!this.part('loading');
  }
  /** Whether the base says it is busy (aria-busy). */
  get busy(): boolean {
    return this.part('base')?.getAttribute('aria-busy') === 'true';
  }
  /** The quiet line of a host without a fund ('' with none). */
  get empty(): string {
    return text(this.part('empty'));
  }
  get retryButton(): HTMLButtonElement | null {
    return this.part<HTMLButtonElement>('retry');
  }

  /** Wait until the meter shows a fund, an error or the quiet no-fund line. */
  async settled(): Promise<this> {
    await until(() => this.meter || this.part('error') || this.part('empty'), 'the meter settles');
    return this;
  }
  /** Wait until the meter shows `minor` units left. */
  async shows(minor: number | string, what = `the meter at ${minor}`): Promise<void> {
    await until(() => this.valueNow === String(minor), what);
  }

  /** Press Retry with the mouse. */
  retry(): void {
    this.retryButton!.click();
  }
  /** Focus Retry and press Enter, as a keyboard user does. */
  async retryWithKeyboard(): Promise<void> {
    this.retryButton!.focus();
    await sendKeys({ press: 'Enter' });
  }
  /** Open or close the ledger with the keyboard (focus the toggle, press Space). */
  async toggleLedger(): Promise<void> {
    this.part<HTMLButtonElement>('ledger-toggle')!.focus();
    await sendKeys({ press: 'Space' });
    await this.el.updateComplete;
  }
}
