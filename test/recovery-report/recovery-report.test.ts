import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_IDS } from '../../src/adapter/demo-data.js';
import type { ReportData } from '../../src/adapter/lead.js';
import { buildReport } from '../../src/core/report.js';
import '../../src/define/recovery-report.js';
import type { MendRecoveryReport } from '../../src/define/recovery-report.js';
import { leadDesk, reportData } from '../../stories/fixtures/lead.js';
import { until } from '../helpers/until.js';
import { text } from '../helpers/dom.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const chart = (el: MendRecoveryReport, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-chart="${id}"]`)!;
const rows = (section: HTMLElement) => [...section.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));

async function mount(data: ReportData | undefined, adapter?: ReturnType<typeof leadDesk>): Promise<MendRecoveryReport> {
  const el = await fixture<MendRecoveryReport>(html`<mend-recovery-report .data=${data} .adapter=${adapter} .now=${NOW} locale="en-US"></mend-recovery-report>`);
  await until(() => el.shadowRoot!.querySelector('[part="chart"], [part="error"], [part="empty"]'), 'the report settles');
  return el;
}

describe('<mend-recovery-report>', () => {
  it('draws four charts whose summaries and data tables carry the same numbers as the core', async () => {
    const data = reportData(NOW, 8);
    const el = await mount(data);
    const report = buildReport(data, NOW);
    const given = chart(el, 'given');
    expect(given.querySelectorAll('svg rect.bar').length).to.be.greaterThan(4);
    expect(rows(given).map((r) => r[0])).to.deep.equal(report.byAgent.map((b) => b.name));
    expect(rows(given)[0]!.at(-1)).to.equal(`$${(report.byAgent[0]!.total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    expect(text(given.querySelector('[part="summary"]'))).to.contain(`Most by ${report.byAgent[0]!.name}`);
    // Every series has its own pattern, and a legend names it: never colour alone.
    const fills = new Set([...given.querySelectorAll('rect.bar')].map((r) => r.getAttribute('fill')));
    expect(fills.size).to.equal(Math.min(5, report.byReason.length));
    expect(given.querySelectorAll('[part="legend"] li')).to.have.length(report.byReason.length);
    const burn = chart(el, 'burn');
    expect(rows(burn)).to.have.length(report.burnDown.length);
    expect(burn.querySelector('path.line.even')).to.not.equal(null);
    expect(text(burn.querySelector('svg'))).to.contain('Even pace');
    const causes = chart(el, 'causes');
    expect(rows(causes).map((r) => r[0])).to.deep.equal(report.byDepartment.map((d) => d.name));
    expect(causes.querySelectorAll('[part="multiples"] li svg.spark')).to.have.length(report.byDepartment.length);
    const recurring = chart(el, 'recurring');
    const words = { rising: 'Rising', steady: 'Steady', falling: 'Falling' };
    expect(rows(recurring).map((r) => [r[0], r.at(-1)])).to.deep.equal(report.topRecurring.map((x) => [x.label, words[x.trend]]));
    const trend = Object.fromEntries(rows(recurring).map((r) => [r[0], r.at(-1)]));
    expect(trend).to.include({ 'Mislabelled bin': 'Rising', 'Carrier missed pickup': 'Falling', 'Duplicate charge': 'Steady' });
    expect(recurring.querySelectorAll('[part="recurring"] li[data-trend] svg.trend')).to.have.length(report.topRecurring.length);
    await expect(el).to.be.accessible();
  });

  it('the data tables are reachable by keyboard', async () => {
    const el = await mount(reportData(NOW, 4));
    const toggle = chart(el, 'given').querySelector<HTMLElement>('details > summary')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => chart(el, 'given').querySelector('details')!.open, 'the table opens');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('role')).to.equal('region');
    await expect(el).to.be.accessible();
  });

  it('from the host: the current fund period of the demo team; unsupported; an error with retry', async () => {
    const el = await mount(undefined, leadDesk());
    const given = chart(el, 'given');
    expect(rows(given).map((r) => r[0])).to.include.members(['Dana Reyes', 'Sam Okafor']);

    const none = await mount(undefined, leadDesk({ capabilities: { reports: false } }));
    expect(text(none.shadowRoot!.querySelector('[part="empty"]'))).to.equal('This console does not provide recovery reports.');

    const failing = await mount(undefined, leadDesk().failNext('getReport', 'unavailable'));
    expect(text(failing.shadowRoot!.querySelector('[part="error"] span'))).to.match(/^Could not load: /);
    expect(failing.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role'), 'the failure is announced').to.equal('alert');
    failing.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await until(() => failing.shadowRoot!.querySelector('[part="chart"]'), 'the retry loads the report');
  });

  it("follows the lead's events: a decision made elsewhere shows without asking again; a removed report stops listening", async () => {
    const adapter = leadDesk();
    const [gone, kept] = [await mount(undefined, adapter), await mount(undefined, adapter)];
    const summary = (el: MendRecoveryReport) => text(chart(el, 'given').querySelector('[part="summary"]'));
    expect(summary(kept)).to.contain('$60.00 more pending approval');
    const calls = adapter.calls.getReport;
    await adapter.approve(DEMO_IDS.agent, 'led-d6', true);
    await until(() => summary(gone).includes('$0.00 more pending approval') && summary(kept).includes('$0.00 more pending approval'), 'the decision shows in both');
    expect(adapter.calls.getReport).to.equal(calls + 2);
    gone.remove();
    adapter.emit('approvalDecided', { entryId: 'led-d6', agentId: DEMO_IDS.agent, approved: true, decidedBy: DEMO_IDS.lead });
    // The report still on the page reloads (the witness); the removed one asks nothing.
    await until(() => adapter.calls.getReport >= calls + 3, 'the report on the page reloads');
    await kept.updateComplete;
    expect(adapter.calls.getReport).to.equal(calls + 3);
  });

  it('a period asked for through from/to reaches the host, and a decision shows in a new report', async () => {
    const adapter = leadDesk();
    const from = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const el = await fixture<MendRecoveryReport>(html`<mend-recovery-report .adapter=${adapter} from=${from} to=${to} locale="en-US"></mend-recovery-report>`);
    await until(() => el.shadowRoot!.querySelector('[part="chart"]'), 'the report loads');
    const before = text(chart(el, 'given').querySelector('[part="summary"]'));
    expect(before).to.contain('$60.00 more pending approval');
    await adapter.approve(DEMO_IDS.agent, 'led-d6', true);
    el.to = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await until(() => text(chart(el, 'given').querySelector('[part="summary"]')).includes('$0.00 more pending approval'), 'the new period loads');
  });
});
