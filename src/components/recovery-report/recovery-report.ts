import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { HostError, toHostError } from '../../adapter/errors.js';
import { leadHost, type ReportData } from '../../adapter/lead.js';
import { Resource } from '../../adapter/resource.js';
import { formatDate, reasonText } from '../../base/format.js';
import { formatMoneyOr } from '../../core/money.js';
import { MendElement } from '../../base/mend-element.js';
import { part } from '../../controllers/on-demand.js';
import type { RecoveryReport, Trend } from '../../core/report.js';
import { recoveryReportStyles } from './recovery-report.styles.js';

type Charts = typeof import('./charts.js');
/** The charting code (d3 scales and shapes) loads on first use only. */
const charts = part<Charts>(() => import('./charts.js'));

/** A failed load of the charts, in the words of an unavailable host. */
const chartsError = (error: unknown) => new HostError('unavailable', `Could not load part of this widget: ${toHostError(error).message}`, { cause: error });

/** Strings of this widget, replaceable through `strings` here or on `<mend-host>`. */
export const recoveryReportStrings = {
  reportTitle: 'Recovery report',
  reportPeriod: '{from} to {to}',
  reportNoHost: 'Connect a host, or set the report data, to see the recovery report.',
  reportUnsupported: 'This console does not provide recovery reports.',
  reportGivenTitle: 'What was given, by agent and reason',
  reportGivenSummary: '{given} given in the period, {pending} more pending approval. Most by {agent} ({amount}); the largest reason is {reason} ({reasonAmount}).',
  reportGivenNone: 'Nothing was given in the period.',
  reportBurnTitle: 'The fund against the period',
  reportBurnSummary: '{left} of {budget} left on {date}; an even pace would leave {ideal}.',
  reportBurnLeft: 'Left',
  reportBurnEven: 'Even pace',
  reportCausesTitle: 'Root causes by department, per week',
  reportCausesSummary: '{count} root causes logged across {departments} departments; {department} had the most ({top}).',
  reportCausesNone: 'No root causes were logged in the period.',
  reportRecurringTitle: 'Top recurring causes',
  reportRecurringNone: 'No cause was logged more than once.',
  reportTrendRising: 'Rising',
  reportTrendSteady: 'Steady',
  reportTrendFalling: 'Falling',
  reportShowNumbers: 'Data table',
  reportAgent: 'Agent',
  reportReason: 'Reason',
  reportTotal: 'Total',
  reportDate: 'Date',
  reportLeft: 'Left',
  reportEven: 'Even pace',
  reportDepartment: 'Department',
  reportCause: 'Cause',
  reportTrend: 'Trend',
  reportWeekOf: 'Week of {date}',
  reportChartsLoading: 'Loading the charts…',
};
type Key = keyof typeof recoveryReportStrings;
const TREND_KEY: Record<Trend, Key> = { rising: 'reportTrendRising', steady: 'reportTrendSteady', falling: 'reportTrendFalling' };

/**
 * The team lead's recovery report (R6, R8) for a period: what was given by agent and reason
 * (stacked bars), the fund spent against the period (burn-down), root causes per responsible
 * department per week (small multiples) and the top recurring causes with their trend. Each chart
 * has a text summary and a keyboard-reachable data table with the same numbers; series differ by
 * pattern and label as well as colour. The charting code (d3) loads on demand.
 *
 * With an adapter that has the `reports` capability, the report loads for `from`/`to` (default: the
 * host's current fund period), and loads again when a spend is sent for approval or decided (the
 * host's `approvalRequested` / `approvalDecided`), so a decision made in the queue beside it shows.
 * Without one, set `.data` (plain-properties mode).
 *
 * @tagname mend-recovery-report
 * @summary A team lead's recovery report: given by agent and reason, the fund's burn-down, root causes by department per week and the top recurring ones.
 *
 * @csspart base - The outer region.
 * @csspart title - The heading.
 * @csspart period - The period line.
 * @csspart chart - One chart's section (heading, summary, SVG, data table).
 * @csspart summary - A chart's text summary.
 * @csspart legend - The legend of the stacked bars.
 * @csspart table-toggle - The disclosure of a chart's data table.
 * @csspart table - A data table.
 * @csspart multiples - The small multiples of root causes per department.
 * @csspart recurring - The list of top recurring causes.
 * @csspart empty - A quiet line: no data, unsupported, no host.
 * @csspart loading - The loading line.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 *
 * @cssprop --mend-recovery-report-surface - Background (default: surface token).
 * @cssprop --mend-recovery-report-series-1 - First series (default: accent token).
 * @cssprop --mend-recovery-report-series-2 - Second series (default: success token).
 * @cssprop --mend-recovery-report-series-3 - Third series (default: warning token).
 * @cssprop --mend-recovery-report-series-4 - Fourth series (default: danger token).
 * @cssprop --mend-recovery-report-series-5 - Fifth series (default: muted text token).
 * @cssprop --mend-recovery-report-line - The fund line (default: accent token).
 *
 * @slot - None: everything comes from the host or `data`.
 */
export class MendRecoveryReport extends MendElement {
  static override styles = [...MendElement.styles, recoveryReportStyles];
  static override localStrings = recoveryReportStrings;

  /** The report's rows (plain-properties mode). When set, it wins over the host's data. */
  @property({ attribute: false }) data?: ReportData;

  /** Start of the period (ISO 8601); default the host's current fund period. */
  @property() from?: string;

  /** End of the period (ISO 8601, exclusive). */
  @property() to?: string;

  /** The time the burn-down stops at (default: now). For stories, tests and replays. */
  @property({ attribute: false }) now?: Date | number;

  /** Words for reason codes, e.g. `{ item_damaged: 'Item damaged' }`. */
  @property({ attribute: false }) reasonLabels?: Record<string, string>;

  /** The level of the title heading (default 2); charts are one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  #resource: Resource<ReportData> | null = null;
  /** The lead's events the report follows while it shows the host's report. */
  #offs: Array<() => void> = [];
  #key = '';
  #report: RecoveryReport | null = null;
  #built: [ReportData | undefined, Date | number | undefined, Charts | undefined] = [undefined, undefined, undefined];

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const adapter = this.session?.host.adapter;
    const key = adapter && !this.data ? `${this.from ?? ''}|${this.to ?? ''}` : '';
    if (!adapter || this.data) this.#follow(null, '');
    else if (key !== this.#key || !this.#resource) {
      const lead = leadHost(adapter);
      const query = { ...(this.from ? { from: this.from } : {}), ...(this.to ? { to: this.to } : {}) };
      const resource = new Resource((signal) => lead.getReport(query, { signal }));
      this.#follow(resource, key);
      // A spend sent for approval or decided changes the report's rows: load it again (the one in
      // flight is cancelled), so a lead's desk shows a decision made in the queue beside it.
      const reload = () => void resource.reload();
      this.#offs = [lead.on('approvalRequested', reload), lead.on('approvalDecided', reload)];
    }
    const data = this.data ?? this.#resource?.state.value;
    // The report's model is built by the charts' part (nothing shows before the charts anyway), once
    // per answer: the clock is read when it is built, unless the page set `now`.
    const drawn = this.parts.need(charts);
    if (data !== this.#built[0] || drawn !== this.#built[2] || this.now !== this.#built[1]) {
      this.#built = [data, this.now, drawn];
      this.#report = data && drawn ? drawn.buildReport(data, this.now === undefined ? Date.now() : +this.now) : null;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow(null, '');
  }

  #follow(resource: Resource<ReportData> | null, key: string): void {
    for (const off of this.#offs.splice(0)) off();
    this.#resource?.removeEventListener('change', this.#changed);
    this.#resource?.dispose();
    this.#resource = resource;
    this.#key = key;
    if (resource) {
      resource.addEventListener('change', this.#changed);
      void resource.ensure();
    }
  }

  #changed = () => this.requestUpdate();

  protected override render(): TemplateResult {
    const report = this.#report;
    const state = this.#resource?.state;
    const drawn = this.#built[2]; // asked for in willUpdate
    let body: TemplateResult;
    if (report && drawn) body = this.#renderReport(report, drawn);
    else if (charts.error !== undefined) body = this.#renderError(chartsError(charts.error), () => this.parts.reload(charts));
    else if (state?.status === 'unsupported') body = html`<p part="empty" class="quiet">${this.t('reportUnsupported')}</p>`;
    else if (state?.status === 'error') body = this.#renderError(state.error, () => void this.#resource?.reload());
    else if (this.#built[0] || state) body = html`<p part="loading" class="quiet">${this.#built[0] ? this.t('reportChartsLoading') : this.t('loading')}</p>`;
    else body = html`<p part="empty" class="quiet">${this.t('reportNoHost')}</p>`;
    const busy = !!state && (state.status === 'loading' || state.status === 'idle');
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <div part="title" class="title" id="title" role="heading" aria-level=${this.headingLevel}>${this.t('reportTitle')}</div>
      ${report ? html`<p part="period" class="quiet">${this.t('reportPeriod', { from: this.#date(report.from), to: this.#date(Date.parse(report.to) - 1) })}</p>` : nothing}
      ${body}
    </section>`;
  }

  #renderReport(r: RecoveryReport, c: Charts): TemplateResult {
    const m = (n: number) => this.#money(n, r.currency);
    const labels = { money: m, date: (ms: number) => this.#date(ms) };
    const reasons = r.byReason.map((x) => x.reason);
    const top = r.byAgent[0];
    const last = r.burnDown[r.burnDown.length - 1];
    const depTop = r.byDepartment[0];
    const causes = r.byDepartment.reduce((n, d) => n + d.total, 0);
    const max = Math.max(1, ...r.byDepartment.flatMap((d) => d.counts), ...r.topRecurring.flatMap((x) => x.counts));
    const week = (w: string) => this.t('reportWeekOf', { date: this.#date(w) });
    return html`
      ${this.#figure('given', this.t('reportGivenTitle'),
        r.given && top && r.byReason[0]
          ? this.t('reportGivenSummary', { given: m(r.given), pending: m(r.pending), agent: top.name, amount: m(top.total), reason: this.#reason(r.byReason[0].reason), reasonAmount: m(r.byReason[0].amount) })
          : this.t('reportGivenNone'),
        r.given
          ? html`<ul part="legend" class="legend">
                ${reasons.map((reason, i) => html`<li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" fill=${`url(#given-${i % c.SERIES})`} /></svg>${this.#reason(reason)}</li>`)}
              </ul>
              ${c.stackedBars(r.byAgent, reasons, labels, 'given')}`
          : nothing,
        [this.t('reportAgent'), ...reasons.map((x) => this.#reason(x)), this.t('reportTotal')],
        r.byAgent.map((b) => [b.name, ...b.parts.map((p) => m(p.amount)), m(b.total)]))}
      ${this.#figure('burn', this.t('reportBurnTitle'),
        last ? this.t('reportBurnSummary', { left: m(last.remaining), budget: m(r.budget), date: this.#date(last.at), ideal: m(last.ideal) }) : '',
        r.burnDown.length ? c.burnDownChart(r.burnDown, r.budget, Date.parse(r.to), labels, { left: this.t('reportBurnLeft'), even: this.t('reportBurnEven') }) : nothing,
        [this.t('reportDate'), this.t('reportLeft'), this.t('reportEven')],
        r.burnDown.map((p) => [this.#date(p.at), m(p.remaining), m(p.ideal)]))}
      ${this.#figure('causes', this.t('reportCausesTitle'),
        depTop ? this.t('reportCausesSummary', { count: causes, departments: r.byDepartment.length, department: depTop.name, top: depTop.total }) : this.t('reportCausesNone'),
        r.byDepartment.length
          ? html`<ul part="multiples" class="multiples">
              ${r.byDepartment.map((d) => html`<li><span class="name">${d.name}</span>${c.sparkline(d.counts, max)}<span class="num">${d.total}</span></li>`)}
            </ul>`
          : nothing,
        [this.t('reportDepartment'), ...r.weeks.map(week), this.t('reportTotal')],
        r.byDepartment.map((d) => [d.name, ...d.counts.map(String), String(d.total)]))}
      ${this.#figure('recurring', this.t('reportRecurringTitle'),
        r.topRecurring.length
          ? r.topRecurring.map((x) => `${x.label}: ${x.total} (${this.t(TREND_KEY[x.trend])})`).join('; ')
          : this.t('reportRecurringNone'),
        r.topRecurring.length
          ? html`<ol part="recurring" class="multiples">
              ${r.topRecurring.map((x) => html`<li data-trend=${x.trend}><span class="name">${x.label}</span>${c.sparkline(x.counts, max)}<span class="num">${x.total}</span><span class="trend-word">${c.trendMark(x.trend)}${this.t(TREND_KEY[x.trend])}</span></li>`)}
            </ol>`
          : nothing,
        [this.t('reportCause'), ...r.weeks.map(week), this.t('reportTotal'), this.t('reportTrend')],
        r.topRecurring.map((x) => [x.label, ...x.counts.map(String), String(x.total), this.t(TREND_KEY[x.trend])]))}
    `;
  }

  /** One chart: heading, text summary, the drawing, and its data table behind a disclosure. */
  #figure(id: string, title: string, summary: string, drawing: unknown, head: string[], rows: string[][]): TemplateResult {
    return html`<div part="chart" class="chart-figure" role="group" aria-labelledby=${`${id}-title`} data-chart=${id}>
      <div class="chart-title" id=${`${id}-title`} role="heading" aria-level=${this.headingLevel + 1}>${title}</div>
      <p part="summary" class="summary" dir="auto">${summary}</p>
      ${drawing}
      ${rows.length
        ? html`<details part="table-toggle">
            <summary>${this.t('reportShowNumbers')}</summary>
            <div class="scroll" tabindex="0" role="region" aria-labelledby=${`${id}-table`}>
              <table part="table" class="table">
                <caption id=${`${id}-table`}>${title}</caption>
                <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
                <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((v) => html`<td class="num">${v}</td>`)}</tr>`)}</tbody>
              </table>
            </div>
          </details>`
        : nothing}
    </div>`;
  }

  #renderError(error: HostError | null | undefined, retry: () => void): TemplateResult {
    return html`<p part="error" class="error" role="alert">
      <span>${this.t('errorPrefix', { message: this.failure(error) })}</span>
      <button part="retry" type="button" @click=${retry}>${this.t('retry')}</button>
    </p>`;
  }

  #money(minor: number, currency: string): string {
    return formatMoneyOr(minor, currency, this.resolvedLocale);
  }

  #date(at: string | number): string {
    return formatDate(typeof at === 'number' ? new Date(at).toISOString() : at, this.resolvedLocale);
  }

  #reason(code: string): string {
    return reasonText(code, this.reasonLabels, (kind, id) => this.term(kind, id));
  }
}
