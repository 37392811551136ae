import { css } from 'lit';
import { checkboxStyles } from '../../base/checkbox.styles.js';

/** Styles of `<mend-offer-picker>`: logical properties only (RTL), component tokens over the `--_*` system tokens. */
export const offerPickerStyles = css`
  ${checkboxStyles}
  :host {
    --_op-surface: var(--mend-offer-picker-surface, var(--_surface));
    --_op-border: var(--mend-offer-picker-border-color, var(--_border));
    --_op-accent: var(--mend-offer-picker-accent, var(--_accent));
    --_op-selected-surface: var(--mend-offer-picker-selected-surface, var(--_info-surface));
    --_op-gap: var(--mend-offer-picker-gap, var(--_space-3));
    --_op-radius: var(--mend-offer-picker-radius, var(--_radius));
    --_op-min-block-size: var(--mend-offer-picker-min-block-size, 18rem);
  }
  [part~='base'] {
    display: grid;
    gap: var(--_op-gap);
    padding: var(--_space-3);
    background: var(--_op-surface);
    border: 1px solid var(--_op-border);
    border-radius: var(--_op-radius);
    min-block-size: var(--_op-min-block-size);
    align-content: start;
  }
  h2 {
    margin: 0;
    font-size: 1.05em;
  }
  p {
    margin: 0;
  }
  [part~='header'] {
    display: grid;
    gap: var(--_space-1);
  }
  [part~='severity'] {
    font-weight: 600;
  }
  .muted,
  [part~='unsupported'] {
    color: var(--_text-muted);
  }
  .legend {
    font-weight: 600;
    padding-inline: var(--_space-1);
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .name {
    font-weight: 600;
  }
  [part~='impact'],
  [part~='approval'],
  [part~='message'],
  [part~='validation'],
  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-2);
    border-radius: var(--_op-radius);
    border-inline-start: 4px solid var(--_info);
    background: var(--_info-surface);
  }
  [data-tone='warning'] {
    border-inline-start-color: var(--_warning);
    background: var(--_warning-surface);
  }
  [data-tone='danger'] {
    border-inline-start-color: var(--_danger);
    background: var(--_danger-surface);
  }
  [data-tone='success'] {
    border-inline-start-color: var(--_success);
    background: var(--_success-surface);
  }
  /* Status carried by a word as well as a colour. */
  .tag {
    font-weight: 700;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  /* The recommendation as one action: compact, so Accept is on the first screen of a side panel. */
  [part~='card'] {
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_op-border);
    border-inline-start: 4px solid var(--_op-accent);
    border-radius: var(--_op-radius);
  }
  [part~='card-impact'][data-tone='warning'],
  [part~='card-impact'][data-tone='danger'] {
    background: none;
    font-weight: 600;
  }
  [part~='card-actions'] {
    margin-block-start: var(--_space-1);
  }
  [part~='options-toggle'] {
    justify-self: start;
  }
  [part~='options'] {
    display: grid;
    gap: var(--_op-gap);
  }
  [part~='loading'] {
    display: grid;
    gap: var(--_space-2);
  }
  .placeholder {
    block-size: 2.5rem;
    border-radius: var(--_op-radius);
    background: var(--_surface-raised);
  }
`;
