/**
 * The recovery report's charts: SVG drawn by Lit from d3's scales and shapes (imported per
 * function). Loaded on demand by `<mend-recovery-report>`, so no other entry ships d3. Every chart
 * is decorative for assistive technology (`aria-hidden`): the element gives each one a text summary
 * and a data table with the same numbers. Series differ by pattern and by label, never colour alone.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line, stack } from 'd3-shape';
import { svg, type SVGTemplateResult } from 'lit';
import type { AgentBar, BurnPoint, RecurringCause, Trend } from '../../core/report.js';

/** The report's model, built once the charts are in (the element shows both together). */
export { buildReport } from '../../core/report.js';

/** How many fills the theme gives series (colour token + pattern); more series reuse them in turn. */
export const SERIES = 5;
const W = 480;
const M = { top: 12, right: 16, bottom: 28, left: 64 };

/** The fills: one pattern each (`fill-0`...`fill-4`), coloured by the element's tokens. */
function fillDefs(prefix: string): SVGTemplateResult {
  const marks = [
    svg``,
    svg`<path d="M0 6L6 0" class="mark" />`,
    svg`<circle cx="3" cy="3" r="1.2" class="dot" />`,
    svg`<path d="M0 3h6M3 0v6" class="mark" />`,
    svg`<path d="M0 0L6 6" class="mark" />`,
  ];
  return svg`<defs>${marks.map(
    (mark, i) => svg`<pattern id=${`${prefix}-${i}`} width="6" height="6" patternUnits="userSpaceOnUse"
      ><rect width="6" height="6" class=${`series s${i}`} />${mark}</pattern
    >`,
  )}</defs>`;
}

export interface Labels {
  money(minor: number): string;
  date(ms: number): string;
}

/** Stacked bars: one per agent, stacked by reason (in `reasons` order). */
export function stackedBars(bars: readonly AgentBar[], reasons: readonly string[], labels: Labels, prefix: string): SVGTemplateResult {
  const rowHeight = 28;
  const height = M.top + M.bottom + Math.max(1, bars.length) * rowHeight;
  const rows = bars.map((b) => Object.fromEntries([['agent', b.name], ...b.parts.map((p) => [p.reason, p.amount])]) as Record<string, number>);
  const series = stack<Record<string, number>>().keys(reasons)(rows);
  const max = Math.max(1, ...bars.map((b) => b.total));
  const x = scaleLinear().domain([0, max]).nice(4).range([M.left + 40, W - M.right]);
  const y = scaleBand<string>()
    .domain(bars.map((b) => b.agentId))
    .range([M.top, height - M.bottom])
    .padding(0.25);
  return svg`<svg viewBox="0 0 ${W} ${height}" class="chart" aria-hidden="true" focusable="false">
    ${fillDefs(prefix)}
    ${x.ticks(4).map(
      (t) => svg`<g class="tick"><line x1=${x(t)} x2=${x(t)} y1=${M.top} y2=${height - M.bottom} /><text x=${x(t)} y=${height - M.bottom + 16} text-anchor="middle">${labels.money(t)}</text></g>`,
    )}
    ${bars.map((b) => svg`<text class="axis-label" x=${M.left + 36} y=${(y(b.agentId) ?? 0) + y.bandwidth() / 2} dy="0.35em" text-anchor="end">${b.name}</text>`)}
    ${series.map((s, i) =>
      s.map((d, j) => {
        const width = x(d[1]) - x(d[0]);
        return width > 0
          ? svg`<rect class="bar" fill=${`url(#${prefix}-${i % SERIES})`} x=${x(d[0])} y=${y(bars[j]!.agentId) ?? 0} width=${width} height=${y.bandwidth()} />`
          : svg``;
      }),
    )}
  </svg>`;
}

/** The burn-down: what is left day by day (solid) against an even pace (dashed), each labelled. */
export function burnDownChart(points: readonly BurnPoint[], budget: number, to: number, labels: Labels, words: { left: string; even: string }): SVGTemplateResult {
  const height = 200;
  const from = Date.parse(points[0]?.at ?? new Date(to).toISOString());
  const x = scaleLinear().domain([from, Math.max(from + 1, to)]).range([M.left, W - M.right - 64]);
  const low = Math.min(0, ...points.map((p) => p.remaining));
  const y = scaleLinear().domain([low, Math.max(1, budget)]).nice(4).range([height - M.bottom, M.top]);
  const path = line<BurnPoint>()
    .x((p) => x(Date.parse(p.at)))
    .y((p) => y(p.remaining));
  const even = line<BurnPoint>()
    .x((p) => x(Date.parse(p.at)))
    .y((p) => y(p.ideal));
  const last = points[points.length - 1];
  const ideal: BurnPoint[] = [
    { at: new Date(from).toISOString(), remaining: budget, ideal: budget },
    { at: new Date(to).toISOString(), remaining: 0, ideal: 0 },
  ];
  const days = Math.max(1, Math.round((to - from) / 86_400_000));
  return svg`<svg viewBox="0 0 ${W} ${height}" class="chart" aria-hidden="true" focusable="false">
    ${y.ticks(4).map(
      (t) => svg`<g class="tick"><line x1=${M.left} x2=${W - M.right - 64} y1=${y(t)} y2=${y(t)} /><text x=${M.left - 6} y=${y(t)} dy="0.35em" text-anchor="end">${labels.money(t)}</text></g>`,
    )}
    ${x.ticks(Math.min(days, 7)).map((t) => svg`<text class="tick" x=${x(t)} y=${height - M.bottom + 16} text-anchor="middle">${labels.date(t)}</text>`)}
    <path class="line even" d=${even(ideal) ?? ''} />
    <path class="line left" d=${path(points) ?? ''} />
    ${last ? svg`<circle class="point" cx=${x(Date.parse(last.at))} cy=${y(last.remaining)} r="4" />` : svg``}
    ${last ? svg`<text class="line-label" x=${x(Date.parse(last.at)) + 8} y=${y(last.remaining)} dy="0.35em">${words.left}</text>` : svg``}
    <text class="line-label" x=${x(to) + 4} y=${y(0)} dy="-0.4em">${words.even}</text>
  </svg>`;
}

/** A small line of weekly counts (for small multiples and the recurring causes). */
export function sparkline(counts: readonly number[], max: number): SVGTemplateResult {
  const w = 120;
  const h = 32;
  const x = scaleLinear().domain([0, Math.max(1, counts.length - 1)]).range([4, w - 4]);
  const y = scaleLinear().domain([0, Math.max(1, max)]).range([h - 4, 4]);
  const path = line<number>()
    .x((_, i) => x(i))
    .y((c) => y(c));
  return svg`<svg viewBox="0 0 ${w} ${h}" class="spark" aria-hidden="true" focusable="false">
    <line class="base" x1="4" x2=${w - 4} y1=${h - 4} y2=${h - 4} />
    <path class="line left" d=${path([...counts]) ?? ''} />
    ${counts.map((c, i) => svg`<circle class="point" cx=${x(i)} cy=${y(c)} r="2" />`)}
  </svg>`;
}

/** An arrow per trend (up, level, down): the trend is also said in words beside it. */
export function trendMark(trend: Trend): SVGTemplateResult {
  const d = { rising: 'M8 2l6 7h-4v5H6V9H2z', steady: 'M2 6h8V2l6 6-6 6v-4H2z', falling: 'M8 14l6-7h-4V2H6v5H2z' }[trend];
  return svg`<svg class="trend" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${d} /></svg>`;
}

export type { RecurringCause };
