import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Ticker } from '../../src/controllers/ticker.js';
import { until } from '../helpers/until.js';

class TickerProbe extends LitElement {
  renders = 0;
  readonly ticker = new Ticker(this, 10);
  protected override render() {
    this.renders++;
    return html`${this.renders}`;
  }
}
customElements.define('mend-ticker-probe', TickerProbe);

describe('Ticker (waiting times move on)', () => {
  it('re-renders while connected (the waiting times move on)', async () => {
    const el = await fixture<TickerProbe>(html`<mend-ticker-probe></mend-ticker-probe>`);
    const first = el.renders;
    await until(() => el.renders >= first + 2, 'two more renders with nothing changed');
    expect(el.shadowRoot!.textContent).to.contain(String(el.renders));
  });
});
