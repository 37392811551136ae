import { css } from 'lit';

export const approvalQueueStyles = css`
  :host {
    --_aq-surface: var(--mend-approval-queue-surface, var(--_surface));
    --_aq-item: var(--mend-approval-queue-item-surface, var(--_surface-raised));
    --_aq-gap: var(--mend-approval-queue-gap, var(--_space-2));
    --_aq-heavy: var(--mend-approval-queue-heavy-color, var(--_danger));
    --_aq-taken: var(--mend-approval-queue-taken-color, var(--_info));
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_aq-gap);
    padding: var(--_space-3);
    background: var(--_aq-surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_aq-gap);
  }
  .title {
    margin: 0;
    font-weight: 600;
    font-size: 1em;
  }
  .count {
    display: inline-flex;
    justify-content: center;
    min-inline-size: 1.5em;
    padding: 0 var(--_space-1);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  ol,
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-direction: column;
    gap: var(--_aq-gap);
  }
  .item {
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-2) var(--_space-3);
    background: var(--_aq-item);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-2);
    margin: 0;
    font-size: 1em;
  }
  .amount {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    color: var(--_text-muted);
  }
  .baggage {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }
  .baggage[data-level='heavy'] {
    color: var(--_aq-heavy);
    font-weight: 600;
  }
  .shape {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
    fill: currentColor;
  }
  .note,
  .reason {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-2);
  }
  .actions label {
    display: grid;
    flex: 1 1 10rem;
    gap: 2px;
    color: var(--_text-muted);
  }
  .actions input {
    min-block-size: var(--_target);
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .state,
  .quiet,
  .decided li {
    margin: 0;
    color: var(--_text-muted);
  }
  .state[data-state='failed'],
  .error {
    color: var(--_danger);
  }
  .decided li[data-mine='false'] {
    border-inline-start: 3px solid var(--_aq-taken);
    padding-inline-start: var(--_space-2);
  }
  .decided li[data-mine='true'] {
    border-inline-start: 3px dashed var(--_success);
    padding-inline-start: var(--_space-2);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
  }
`;
