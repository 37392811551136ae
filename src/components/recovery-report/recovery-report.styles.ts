import { css } from 'lit';

export const recoveryReportStyles = css`
  :host {
    --_rr-surface: var(--mend-recovery-report-surface, var(--_surface));
    --_rr-s0: var(--mend-recovery-report-series-1, var(--_accent));
    --_rr-s1: var(--mend-recovery-report-series-2, var(--_success));
    --_rr-s2: var(--mend-recovery-report-series-3, var(--_warning));
    --_rr-s3: var(--mend-recovery-report-series-4, var(--_danger));
    --_rr-s4: var(--mend-recovery-report-series-5, var(--_text-muted));
    --_rr-line: var(--mend-recovery-report-line, var(--_accent));
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
    padding: var(--_space-3);
    background: var(--_rr-surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .title,
  .chart-title {
    margin: 0;
    font-weight: 600;
  }
  .quiet,
  .summary {
    margin: 0;
    color: var(--_text-muted);
  }
  .chart-figure {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding-block-start: var(--_space-2);
    border-block-start: 1px solid var(--_border);
  }
  .chart {
    inline-size: 100%;
    block-size: auto;
    overflow: visible;
  }
  .chart text {
    fill: var(--_text);
    font-size: 11px;
  }
  .tick line,
  .spark .base {
    stroke: var(--_border);
    stroke-dasharray: 2 3;
  }
  .tick text,
  text.tick {
    fill: var(--_text-muted);
  }
  .series.s0 {
    fill: var(--_rr-s0);
  }
  .series.s1 {
    fill: var(--_rr-s1);
  }
  .series.s2 {
    fill: var(--_rr-s2);
  }
  .series.s3 {
    fill: var(--_rr-s3);
  }
  .series.s4 {
    fill: var(--_rr-s4);
  }
  .mark {
    stroke: var(--_rr-surface);
    stroke-width: 1.5;
  }
  .dot {
    fill: var(--_rr-surface);
  }
  .bar {
    stroke: var(--_rr-surface);
    stroke-width: 1;
  }
  .line {
    fill: none;
    stroke-width: 2;
  }
  .line.left {
    stroke: var(--_rr-line);
  }
  .line.even {
    stroke: var(--_text-muted);
    stroke-dasharray: 6 4;
  }
  .point {
    fill: var(--_rr-line);
  }
  .line-label {
    font-weight: 600;
  }
  .legend,
  .multiples {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }
  .swatch {
    inline-size: 1em;
    block-size: 1em;
    border: 1px solid var(--_border);
  }
  .multiples {
    flex-direction: column;
  }
  .multiples li {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) 7.5rem 2.5rem auto;
    align-items: center;
    gap: var(--_space-2);
  }
  .spark {
    inline-size: 7.5rem;
    block-size: 2rem;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .trend-word {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }
  .trend {
    inline-size: 1em;
    block-size: 1em;
    fill: currentColor;
  }
  [data-trend='rising'] .trend-word {
    color: var(--_danger);
    font-weight: 600;
  }
  details > summary {
    cursor: pointer;
    inline-size: max-content;
    min-block-size: var(--_target);
  }
  .scroll {
    overflow-x: auto;
  }
  .table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .table caption {
    text-align: start;
    font-weight: 600;
  }
  .table th,
  .table td {
    padding: var(--_space-1) var(--_space-2);
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  .table td.num {
    text-align: end;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
    color: var(--_danger);
  }
`;
