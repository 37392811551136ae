import { css } from 'lit';

export const fundMeterStyles = css`
  :host {
    --_fm-bar: var(--mend-fund-meter-bar-color, var(--_accent));
    --_fm-low: var(--mend-fund-meter-low-color, var(--_warning));
    --_fm-exhausted: var(--mend-fund-meter-exhausted-color, var(--_danger));
    --_fm-pending: var(--mend-fund-meter-pending-color, var(--_text-muted));
    --_fm-track: var(--mend-fund-meter-track-color, var(--_surface-raised));
    --_fm-track-border: var(--mend-fund-meter-track-border, var(--_border));
    --_fm-size: var(--mend-fund-meter-bar-size, 0.75rem);
    --_fm-gap: var(--mend-fund-meter-gap, var(--_space-2));
    --_fm-level: var(--_fm-bar);
    /* Never wider than its container: the compact line wraps rather than overflows a narrow panel. */
    max-inline-size: 100%;
  }
  :host([level='low']) {
    --_fm-level: var(--_fm-low);
  }
  :host([level='exhausted']) {
    --_fm-level: var(--_fm-exhausted);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_fm-gap);
    padding: var(--_space-3);
    background: var(--mend-fund-meter-surface, var(--_surface));
    border: 1px solid var(--_fm-track-border);
    border-radius: var(--_radius);
  }
  :host([variant='compact']) .base {
    padding: var(--_space-1) var(--_space-2);
  }
  .header,
  .line {
    display: flex;
    align-items: center;
    gap: var(--_fm-gap);
    flex-wrap: wrap;
  }
  .header {
    justify-content: space-between;
  }
  .line .meter {
    flex: 1 1 4rem;
    min-inline-size: 4rem;
  }
  .title {
    margin: 0;
    font-weight: 600;
    font-size: 1em;
  }
  .level {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font-weight: 600;
  }
  .shape {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
    fill: var(--_fm-level);
    stroke: var(--_fm-level);
  }
  .shape .cut {
    stroke: var(--_surface);
    stroke-width: 2;
  }
  .track {
    position: relative;
    display: flex;
    block-size: var(--_fm-size);
    background: var(--_fm-track);
    border: 1px solid var(--_fm-track-border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .bar {
    background: var(--_fm-level);
    transition: inline-size var(--_duration) ease-out;
  }
  /* Running low: stripes, not only another colour. */
  :host([level='low']) .bar {
    background: repeating-linear-gradient(135deg, var(--_fm-level) 0 4px, transparent 4px 6px);
  }
  /* Exhausted: the empty track is hatched. */
  :host([level='exhausted']) .track {
    background: repeating-linear-gradient(45deg, var(--_fm-track) 0 4px, var(--_fm-exhausted) 4px 5px);
  }
  .pending-bar {
    background: repeating-linear-gradient(90deg, var(--_fm-pending) 0 2px, transparent 2px 4px);
  }
  .remaining,
  .limits,
  .error p,
  .quiet {
    margin: 0;
  }
  .remaining {
    font-variant-numeric: tabular-nums;
  }
  .limits {
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space-1);
    color: var(--_text-muted);
  }
  .limits .pending {
    color: var(--_text);
    font-weight: 600;
  }
  .quiet {
    color: var(--_text-muted);
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    align-self: flex-start;
  }
  .chevron {
    inline-size: 1em;
    block-size: 1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    transition: transform var(--_duration);
  }
  :host(:dir(rtl)) .chevron {
    transform: scaleX(-1);
  }
  .toggle[aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }
  .ledger {
    display: grid;
    gap: var(--_space-3);
  }
  .ledger[hidden] {
    display: none;
  }
  .table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_space-1);
  }
  .scroll {
    overflow-x: auto;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space-1);
    border-block-end: 1px solid var(--_fm-track-border);
    vertical-align: top;
  }
  :is(th, td):first-child {
    padding-inline-start: 0;
  }
  :is(th, td):last-child {
    padding-inline-end: 0;
  }
  thead th {
    color: var(--_text-muted);
    font-weight: 600;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  /* Interaction ids are codes: they break anywhere, so the table fits a narrow side panel. */
  .id {
    word-break: break-all;
  }
  /* The loading placeholder has the shape of the meter it stands for: no layout jump. */
  .loading {
    display: contents;
    color: var(--_text-muted);
  }
  .placeholder-bar,
  .placeholder-limits,
  .placeholder-button {
    display: block;
    block-size: calc(var(--_fm-size) + 2px);
    background: var(--_fm-track);
    border: 1px solid var(--_fm-track-border);
    border-radius: var(--_radius);
  }
  .placeholder-limits {
    block-size: calc(3lh + 2 * var(--_space-1));
    border: 0;
  }
  .placeholder-button {
    inline-size: 10em;
    block-size: max(var(--_target), calc(1lh + 2 * var(--_space-1) + 2px));
    border: 0;
  }
  :host([variant='compact']) .loading {
    display: flex;
    align-items: center;
    gap: var(--_fm-gap);
  }
  :host([variant='compact']) .placeholder-bar {
    flex: 1 1 4rem;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fm-gap);
    color: var(--_danger);
  }
  .error .shape {
    --_fm-level: var(--_danger);
    vertical-align: -0.125em;
  }
  .error button {
    color: var(--_text);
  }
`;
