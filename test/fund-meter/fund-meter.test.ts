import { q, qa, text } from '../helpers/dom.js';
import { tick, until } from '../helpers/until.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HostError } from '../../src/adapter/errors.js';
import { sessionFor } from '../../src/adapter/session.js';
import type { Fund } from '../../src/core/model.js';
import '../../src/define/fund-meter.js';
import '../../src/define/host.js';
import type { MendFundMeter } from '../../src/define/fund-meter.js';
import type { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { NOW, entry, fundHost, installFrameFallback, makeFund, newAgentId } from './fixtures.js';
import { FundMeterHarness } from './harness.js';

const $ = <T extends Element = HTMLElement>(el: MendFundMeter, selector: string) => q<T>(el, selector)!;
const $$ = qa;
const meter = (el: MendFundMeter) => $(el, '[role="meter"]');

async function plain(fund: Fund, extra: { locale?: string; variant?: string } = {}): Promise<MendFundMeter> {
  return fixture<MendFundMeter>(
    html`<mend-fund-meter .fund=${fund} .now=${NOW} locale=${extra.locale ?? 'en-US'} variant=${extra.variant ?? 'full'}></mend-fund-meter>`,
  );
}

/** A meter on `adapter`, settled, with its harness. */
async function hosted(adapter: MemoryAdapter): Promise<FundMeterHarness> {
  const el = await fixture<MendFundMeter>(html`<mend-fund-meter .adapter=${adapter} .now=${NOW} locale="en-US"></mend-fund-meter>`);
  return new FundMeterHarness(el).settled();
}

// This file's page may be the runner's hidden one (see installFrameFallback).
installFrameFallback();

describe('<mend-fund-meter>: what is left, in the currency', () => {
  it('is a meter from 0 to the budget, now at what is left, with the value in USD', async () => {
    const el = await plain(makeFund({ budget: 20000, spent: 16500 }));
    const m = meter(el);
    expect(m.getAttribute('aria-valuemin')).to.equal('0');
    expect(m.getAttribute('aria-valuemax')).to.equal('20000');
    expect(m.getAttribute('aria-valuenow')).to.equal('3500');
    expect(m.getAttribute('aria-valuetext')).to.equal('$35.00 left of $200.00');
    expect(text($(el, '[part="remaining"]'))).to.equal('$35.00 left of $200.00');
    await expect(el).to.be.accessible();
  });

  it('names the meter by the widget title', async () => {
    const el = await plain(makeFund());
    const id = meter(el).getAttribute('aria-labelledby')!;
    expect(text(el.shadowRoot!.getElementById(id))).to.equal('Discretionary fund');
  });

  it('the axe check does catch a meter without a name (so the passing checks mean something)', async () => {
    const el = await plain(makeFund());
    meter(el).removeAttribute('aria-labelledby');
    await expect(el).not.to.be.accessible();
  });

  it('JPY has no decimals: yen are whole minor units', async () => {
    const el = await plain(makeFund({ currency: 'JPY', budget: 50000, spent: 12000, perActionCap: 20000, approvalThreshold: 8000 }));
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('38000');
    expect(meter(el).getAttribute('aria-valuetext')).to.equal('¥38,000 left of ¥50,000');
    expect(text($(el, '[part="limits"]'))).to.contain('Up to ¥20,000 per action');
    await expect(el).to.be.accessible();
  });

  it('KWD has three decimals: fils are never rounded away', async () => {
    const el = await plain(makeFund({ currency: 'KWD', budget: 100000, spent: 12345, perActionCap: 25000, approvalThreshold: 10500 }));
    const valuetext = meter(el).getAttribute('aria-valuetext')!;
    expect(valuetext).to.match(/87\.655 left of .*100\.000/);
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('87655');
    expect(text($(el, '[part="limits"]'))).to.contain('10.500');
    await expect(el).to.be.accessible();
  });

  it('formats money and the period end for a de-DE agent', async () => {
    const el = await plain(makeFund({ currency: 'EUR', budget: 123456, spent: 1 }), { locale: 'de-DE' });
    expect(meter(el).getAttribute('aria-valuetext')).to.equal('1.234,55\u00a0€ left of 1.234,56\u00a0€');
    const limits = text($(el, '[part="limits"]'));
    expect(limits).to.contain('Up to 150,00 € per action');
    expect(limits).to.contain('30.11.2026');
    expect($(el, 'time').getAttribute('datetime')).to.equal('2026-11-30T00:00:00.000Z');
  });

  it('shows the per-action cap, the approval threshold and when the period ends', async () => {
    const el = await plain(makeFund({ perActionCap: 15000, approvalThreshold: 5000 }));
    const items = $$(el, '[part="limit"]').map(text);
    expect(items).to.deep.equal(['Up to $150.00 per action', 'Approval above $50.00', 'Resets Nov 30, 2026']);
  });

  it('shows pending approvals with their amount and number, and leaves them out of what is left', async () => {
    const ledger = [entry({ amount: 7000, status: 'pending_approval' }), entry({ amount: 6000, status: 'pending_approval' }), entry({ amount: 1000 })];
    const el = await plain(makeFund({ budget: 20000, spent: 1000, pending: 13000, ledger }));
    expect(text($(el, '.pending'))).to.equal('$130.00 pending approval (2)');
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('6000');
    expect(($(el, '[part="pending-bar"]') as HTMLElement).getBoundingClientRect().width).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });
});

describe('<mend-fund-meter>: levels in words and shapes', () => {
  const cases: Array<[string, Partial<Fund>, string]> = [
    ['plenty', { spent: 4000 }, 'Plenty left'],
    ['low', { spent: 16500 }, 'Running low'],
    ['exhausted', { spent: 20000 }, 'Exhausted'],
  ];
  for (const [level, over, words] of cases) {
    it(`${level}: reflects level="${level}" and says "${words}" with a shape`, async () => {
      const el = await plain(makeFund(over));
      expect(el.getAttribute('level')).to.equal(level);
      expect(el.level).to.equal(level);
      expect(text($(el, '[part="level"]'))).to.equal(words);
      expect($(el, '[part="level-icon"]').innerHTML).to.match(level === 'plenty' ? /circle/ : /path/);
      await expect(el).to.be.accessible();
    });
  }

  it('each level has its own shape, not only its own colour', async () => {
    const shapes = new Set<string>();
    for (const spent of [0, 16500, 20000]) {
      const el = await plain(makeFund({ spent }));
      shapes.add($(el, '[part="level-icon"]').innerHTML.replace(/<!--.*?-->/g, ''));
    }
    expect(shapes.size).to.equal(3);
  });

  it('never shows a negative amount when overdrawn by pending approvals', async () => {
    const el = await plain(makeFund({ budget: 10000, spent: 8000, pending: 5000 }));
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('0');
    expect(meter(el).getAttribute('aria-valuetext')).to.equal('$0.00 left of $100.00');
    expect(el.getAttribute('level')).to.equal('exhausted');
  });
});

describe('<mend-fund-meter>: the ledger', () => {
  const ledger = [
    entry({ id: 'e1', at: '2026-11-23T10:00:00.000Z', amount: 2500, reason: 'item_damaged', interactionId: 'int-101' }),
    entry({ id: 'e2', at: '2026-11-24T11:00:00.000Z', amount: 1500, reason: 'goodwill', interactionId: 'int-102' }),
    entry({ id: 'e3', at: '2026-11-24T12:00:00.000Z', amount: 1000, reason: 'item_damaged', interactionId: 'int-103' }),
    entry({ id: 'e4', at: '2026-11-25T08:00:00.000Z', amount: 9000, reason: 'late_delivery', interactionId: 'int-104', status: 'pending_approval' }),
    entry({ id: 'e5', at: '2026-11-25T09:00:00.000Z', amount: 40000, reason: 'goodwill', interactionId: 'int-105', status: 'rejected' }),
  ];
  const fund = () => makeFund({ spent: 5000, pending: 9000, ledger });

  it('is a disclosure: closed at first, opened and closed by the button', async () => {
    const el = await plain(fund());
    const toggle = $<HTMLButtonElement>(el, '[part="ledger-toggle"]');
    const region = $(el, '[part="ledger"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(region.id);
    expect(region.hidden).to.equal(true);
    expect(text(toggle)).to.equal('What was given (5)');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(region.hidden).to.equal(false);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(region.hidden).to.equal(true);
  });

  it('works from the keyboard and keeps focus on the button', async () => {
    const el = await plain(fund());
    const toggle = $<HTMLButtonElement>(el, '[part="ledger-toggle"]');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('lists date, amount, reason, interaction and status under column headers, newest first', async () => {
    const el = await plain(fund());
    $<HTMLButtonElement>(el, '[part="ledger-toggle"]').click();
    await el.updateComplete;
    const table = $(el, '[part="ledger-table"]');
    expect(text(table.querySelector('caption'))).to.equal('What was given');
    expect([...table.querySelectorAll('thead th[scope="col"]')].map(text)).to.deep.equal(['Date', 'Amount', 'Reason', 'Interaction', 'Status']);
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));
    expect(rows).to.have.length(5);
    expect(rows[0].slice(1)).to.deep.equal(['$400.00', 'Goodwill', 'int-105', 'Not approved']);
    expect(rows[1].slice(1)).to.deep.equal(['$90.00', 'Late delivery', 'int-104', 'Pending approval']);
    expect(rows[4].slice(1)).to.deep.equal(['$25.00', 'Item damaged', 'int-101', 'Given']);
    expect(table.querySelector('tbody time')!.getAttribute('datetime')).to.equal('2026-11-25T09:00:00.000Z');
  });

  it('fits a 400 px side panel; narrower, the entries scroll sideways inside the widget, in a region a keyboard can reach', async () => {
    const wide = fixture<HTMLDivElement>(html`<div style="inline-size: 400px"><mend-fund-meter .fund=${fund()} .now=${NOW} locale="en-US" ledger-open></mend-fund-meter></div>`);
    const el = (await wide).querySelector<MendFundMeter>('mend-fund-meter')!;
    await el.updateComplete;
    const scroller = $(el, '[part="ledger-scroll"]');
    const table = $(el, '[part="ledger-table"]');
    expect(table.getBoundingClientRect().width, 'the table fits').to.be.at.most(scroller.clientWidth + 0.5);
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    // At 240 px the entries cannot fit: they scroll within the region, the widget keeps its width.
    el.parentElement!.style.inlineSize = '240px';
    await new Promise((r) => requestAnimationFrame(r));
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(240);
    expect($(el, '.base').scrollWidth, 'nothing spills out of the widget').to.be.at.most($(el, '.base').clientWidth);
    expect(scroller.tabIndex).to.equal(0);
    expect(scroller.getAttribute('role')).to.equal('region');
    expect(text(el.shadowRoot!.getElementById(scroller.getAttribute('aria-labelledby')!))).to.equal('What was given');
    await expect(el).to.be.accessible();
  });

  it('totals by reason what was given or is pending (not what was refused), largest first', async () => {
    const el = await plain(fund());
    $<HTMLButtonElement>(el, '[part="ledger-toggle"]').click();
    await el.updateComplete;
    const table = $(el, '[part="totals-table"]');
    expect(text(table.querySelector('caption'))).to.equal('By reason');
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal(['Reason', 'Times', 'Amount']);
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));
    expect(rows).to.deep.equal([
      ['Late delivery', '1', '$90.00'],
      ['Item damaged', '2', '$35.00'],
      ['Goodwill', '1', '$15.00'],
    ]);
    expect(table.querySelectorAll('tbody th[scope="row"]')).to.have.length(3);
  });

  it('renders reasons and interaction ids as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await plain(makeFund({ ledger: [entry({ reason: hostile, interactionId: '<b>x</b>' })] }));
    el.reasonLabels = {};
    $<HTMLButtonElement>(el, '[part="ledger-toggle"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(text($(el, '[part="ledger-table"] tbody'))).to.contain('<b>x</b>');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('uses reason labels when given, and says when nothing was given', async () => {
    const el = await plain(makeFund({ ledger: [entry({ reason: 'fee_waiver' })] }));
    el.reasonLabels = { fee_waiver: 'Fee waived' };
    $<HTMLButtonElement>(el, '[part="ledger-toggle"]').click();
    await el.updateComplete;
    expect(text($(el, '[part="totals-table"] tbody th'))).to.equal('Fee waived');

    // The page's `reasonCode.<code>` string words a reason without labels, as in the lead's widgets.
    const worded = await plain(makeFund({ ledger: [entry({ reason: 'fee_waiver' })] }));
    worded.strings = { 'reasonCode.fee_waiver': 'Frais annulés' };
    $<HTMLButtonElement>(worded, '[part="ledger-toggle"]').click();
    await worded.updateComplete;
    expect(text($(worded, '[part="totals-table"] tbody th'))).to.equal('Frais annulés');

    const empty = await plain(makeFund({ ledger: [] }));
    $<HTMLButtonElement>(empty, '[part="ledger-toggle"]').click();
    await empty.updateComplete;
    expect(text($(empty, '[part="ledger"]'))).to.equal('Nothing given this period.');
    await expect(empty).to.be.accessible();
  });
});

describe('<mend-fund-meter>: variants and periods', () => {
  it('compact: one line with the meter, what is left and the level, for a toolbar', async () => {
    const el = await plain(makeFund({ spent: 16500, ledger: [entry()] }), { variant: 'compact' });
    expect(el.getAttribute('variant')).to.equal('compact');
    expect(meter(el).getAttribute('aria-label')).to.equal('Discretionary fund');
    expect($(el, '[part="ledger-toggle"]')).to.equal(null);
    expect($(el, '[part="limits"]')).to.equal(null);
    const boxes = [meter(el), $(el, '[part="remaining"]'), $(el, '[part="level"]')].map((n) => n.getBoundingClientRect());
    const line = $(el, '.line').getBoundingClientRect();
    for (const b of boxes) expect(b.top >= line.top && b.bottom <= line.bottom + 0.5).to.equal(true);
    expect(line.height).to.be.lessThan(40);
    await expect(el).to.be.accessible();
  });

  it('rolls over to the new period when the period has ended: spent is back to 0, pending stays', async () => {
    const ledger = [entry({ amount: 5000 }), entry({ amount: 3000, status: 'pending_approval', reason: 'late_delivery' })];
    const fund = makeFund({ budget: 20000, spent: 5000, pending: 3000, ledger });
    const el = await fixture<MendFundMeter>(html`<mend-fund-meter .fund=${fund} .now=${Date.parse('2026-12-01T09:00:00.000Z')} locale="en-US"></mend-fund-meter>`);
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('17000');
    expect(text($(el, '[part="rollover"]'))).to.equal('New period since Nov 30, 2026.');
    expect(text($(el, '[part="limits"]'))).to.contain('Resets Dec 7, 2026');
    expect(text($(el, '[part="ledger-toggle"]'))).to.equal('What was given (1)');
    await expect(el).to.be.accessible();
  });

  it('lays out right to left with logical properties', async () => {
    const wrap = await fixture<HTMLElement>(html`<div dir="rtl" style="inline-size: 300px"><mend-fund-meter .fund=${makeFund({ spent: 10000 })} .now=${NOW}></mend-fund-meter></div>`);
    const el = wrap.querySelector('mend-fund-meter')!;
    await el.updateComplete;
    const track = $(el, '[part="track"]').getBoundingClientRect();
    const bar = $(el, '[part="bar"]').getBoundingClientRect();
    expect(Math.abs(bar.right - track.right)).to.be.lessThan(2);
    expect(bar.width).to.be.closeTo((track.width - 2) / 2, 2);
    await expect(el).to.be.accessible();
  });

  it('without an adapter or a fund it shows a quiet line, not an error', async () => {
    const el = await fixture<MendFundMeter>(html`<mend-fund-meter></mend-fund-meter>`);
    expect(text($(el, '[part="empty"]'))).to.equal('No fund to show.');
    expect(meter(el)).to.equal(null);
    expect(el.hasAttribute('level')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('takes replacement strings, from the widget or from <mend-host>', async () => {
    const el = await fixture<MendFundMeter>(
      html`<mend-host locale="en-US" .strings=${{ fundTitle: 'Kasse', fundShowLedger: 'Ausgaben ({count})' }}><mend-fund-meter .fund=${makeFund({ ledger: [entry()] })} .now=${NOW}></mend-fund-meter></mend-host>`,
    ).then((host) => host.querySelector('mend-fund-meter')!);
    await el.updateComplete;
    expect(text($(el, '[part="title"]'))).to.equal('Kasse');
    expect(text($(el, '[part="ledger-toggle"]'))).to.equal('Ausgaben (1)');
  });
});

describe('<mend-fund-meter>: host data', () => {
  it('loading reserves the space, says so, then shows the host fund', async () => {
    const { adapter } = fundHost({ spent: 16500 });
    const held = adapter.hold('getFund');
    const m = new FundMeterHarness(await fixture<MendFundMeter>(html`<mend-fund-meter .adapter=${adapter} .now=${NOW} locale="en-US"></mend-fund-meter>`));
    await until(() => m.loading, 'loading shows');
    expect(m.busy).to.equal(true);
    expect(text(m.part('loading'))).to.contain('Loading…');
    const before = m.part('base')!.getBoundingClientRect().height;
    await expect(m.el).to.be.accessible();
    await held.waitFor(1);
    await held.release();
    await until(() => m.meter, 'the meter shows');
    expect(m.valueNow).to.equal('3500');
    expect(m.busy).to.equal(false);
    expect(Math.abs(m.part('base')!.getBoundingClientRect().height - before)).to.be.lessThan(4);
  });

  it('an error says what failed (announced: an alert) and Retry loads again', async () => {
    const { adapter } = fundHost();
    adapter.failNext('getFund', new HostError('unavailable', 'The CRM is offline.'));
    const m = await hosted(adapter);
    expect(m.error).to.contain('Could not load: The CRM is offline.');
    expect(m.part('error')!.getAttribute('role')).to.equal('alert');
    await expect(m.el).to.be.accessible();
    await m.retryWithKeyboard();
    await until(() => m.meter, 'the retry loads the fund');
    expect(adapter.calls.getFund).to.equal(2);
    expect(m.valueNow).to.equal('16000');
  });

  it('a malformed host answer becomes an error with retry, never an exception', async () => {
    const { adapter, fund } = fundHost();
    adapter.malformNext('getFund', { ...makeFund({ agentId: fund.agentId }), budget: 200.5 });
    const m = await hosted(adapter);
    expect(m.error).to.contain('budget');
    expect(m.retryButton).to.not.equal(null);
    expect(m.meter).to.equal(null);
  });

  it('a failed reload keeps the last fund on screen, with the error and Retry', async () => {
    const { adapter, fund } = fundHost({ spent: 4000 });
    const m = await hosted(adapter);
    adapter.failNext('getFund', new HostError('timeout', 'The CRM did not answer.'));
    await sessionFor(adapter).fund(fund.agentId).reload();
    await m.el.updateComplete;
    expect(m.valueNow).to.equal('16000');
    expect(m.error).to.contain('The CRM did not answer.');
    await expect(m.el).to.be.accessible();
    m.retry();
    await until(() => !m.part('error'), 'the retry clears the error');
    expect(adapter.calls.getFund).to.equal(3);
  });

  it('a host without a fund shows a quiet line, no error and no retry', async () => {
    const { adapter } = fundHost({}, { fund: false });
    const m = await hosted(adapter);
    expect(m.empty).to.equal('This console does not provide a discretionary fund.');
    expect(m.retryButton).to.equal(null);
    expect(m.part('error')).to.equal(null);
    await expect(m.el).to.be.accessible();
  });

  it('an error in the host context (no agent known) is an error with retry too', async () => {
    const { adapter } = fundHost();
    adapter.failNext('getContext', new HostError('timeout', 'No answer.'));
    const m = await hosted(adapter);
    expect(m.error).to.contain('No answer.');
    m.retry();
    await until(() => m.meter, 'the retry loads the context, then the fund');
  });

  it('a fund set by the page wins over the host data', async () => {
    const { adapter, fund } = fundHost({ spent: 0 });
    const el = await fixture<MendFundMeter>(
      html`<mend-fund-meter .adapter=${adapter} .fund=${makeFund({ spent: 19000 })} .now=${NOW} locale="en-US"></mend-fund-meter>`,
    );
    adapter.emit('fundChanged', { fund: { ...fund, version: 9 } });
    await el.updateComplete;
    expect(meter(el).getAttribute('aria-valuenow')).to.equal('1000');
  });
});

describe('<mend-fund-meter>: live', () => {
  it('follows the host fund-changed event and announces it politely without moving focus', async () => {
    const { adapter, fund } = fundHost({ spent: 4000, version: 1 });
    const m = await hosted(adapter);
    const toggle = m.part<HTMLButtonElement>('ledger-toggle')!;
    toggle.focus();
    adapter.emit('fundChanged', { fund: { ...fund, spent: 5000, version: 2 } });
    await m.shows(15000, 'the event updates the meter');
    await until(() => m.announced === '$150.00 left of $200.00', 'the change is announced');
    expect(m.el.shadowRoot!.querySelector('[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
    expect(m.el.shadowRoot!.activeElement).to.equal(toggle);
  });

  it('an older version never overwrites a newer one', async () => {
    const { adapter, fund } = fundHost({ spent: 1000, version: 4 });
    const m = await hosted(adapter);
    adapter.emit('fundChanged', { fund: { ...fund, spent: 9000, version: 6 } });
    await m.shows(11000);
    adapter.emit('fundChanged', { fund: { ...fund, spent: 3000, version: 5 } });
    adapter.emit('fundChanged', { fund: { ...fund, spent: 2000, version: 6 } });
    await tick(20); // the older events have their chance to land
    await m.el.updateComplete;
    expect(m.valueNow).to.equal('11000');
  });

  it('fires mend-fund-level when host data changes the level', async () => {
    const { adapter, fund } = fundHost({ spent: 4000, version: 1 });
    const m = await hosted(adapter);
    const event = oneEvent(m.el, 'mend-fund-level');
    adapter.emit('fundChanged', { fund: { ...fund, spent: 18000, version: 2 } });
    const { detail } = await event;
    expect(detail).to.include({ level: 'low', previous: 'plenty', remaining: 2000 });
    expect(m.el.getAttribute('level')).to.equal('low');
    await until(() => m.announced === 'Running low: $20.00 left of $200.00');
  });

  it('does not fire mend-fund-level when code sets the fund', async () => {
    const el = await plain(makeFund({ spent: 0 }));
    let fired = 0;
    el.addEventListener('mend-fund-level', () => fired++);
    el.fund = makeFund({ spent: 20000, version: 2 });
    await el.updateComplete;
    expect(el.getAttribute('level')).to.equal('exhausted');
    expect(fired).to.equal(0);
  });

  it('shares one load and one subscription with every widget of the same host', async () => {
    const { adapter, fund } = fundHost();
    const wrap = await fixture<HTMLElement>(
      html`<mend-host .adapter=${adapter} locale="en-US"
        ><mend-fund-meter .now=${NOW}></mend-fund-meter><mend-fund-meter variant="compact" .now=${NOW}></mend-fund-meter
      ></mend-host>`,
    );
    const [a, b] = [...wrap.querySelectorAll('mend-fund-meter')].map((el) => new FundMeterHarness(el));
    await until(() => a!.meter && b!.meter, 'both meters show');
    expect(adapter.calls.getFund).to.equal(1);
    expect(adapter.listenerCount('fundChanged')).to.equal(1);
    adapter.emit('fundChanged', { fund: { ...fund, spent: 10000, version: 2 } });
    await until(() => a!.valueNow === '10000' && b!.valueNow === '10000');
    wrap.remove();
    expect(adapter.listenerCount('fundChanged')).to.equal(0);
  });

  it('a spend in another tab of the same agent shows here, without a reload (how fast: npm run bench)', async () => {
    const agentId = newAgentId();
    const tabA = fundHost({ agentId, spent: 0, version: 1 }).adapter;
    const tabB = fundHost({ agentId, spent: 0, version: 1 }).adapter;
    const a = await hosted(tabA);
    const b = await hosted(tabB);
    expect(b.valueNow).to.equal('20000');
    await sessionFor(tabA).spend({
      idempotencyKey: 'spend-1', interactionId: 'int-1', customerId: 'c-1', at: new Date(NOW).toISOString(), agentId,
      amount: 2500, currency: 'USD', reason: 'goodwill', expectedVersion: 1,
    });
    await b.shows(17500, 'the other tab shows the spend');
    expect(a.valueNow).to.equal('17500');
    expect(tabB.calls.getFund).to.equal(1);
  });
});
