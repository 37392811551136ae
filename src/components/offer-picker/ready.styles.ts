import { css } from 'lit';

/**
 * Styles of what `<mend-offer-picker>` shows once ready (the severity line, the recommendation card,
 * the fund and outcome lines, the "Other options" disclosure): loaded with the ready part
 * (offer-picker.ready.ts) and adopted by the element then, like the options' styles. Same tokens as
 * offer-picker.styles.ts. The card is compact, so that Accept is on the first screen of a side panel.
 */
export const readyStyles = css`
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
  [data-tone='warning'] {
    border-inline-start-color: var(--_warning);
    background: var(--_warning-surface);
  }
  [data-tone='success'] {
    border-inline-start-color: var(--_success);
    background: var(--_success-surface);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
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
`;
