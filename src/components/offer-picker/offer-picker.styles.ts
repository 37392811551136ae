import { css } from 'lit';

/**
 * Styles of `<mend-offer-picker>`'s first render (the frame, the loading state, a line with a tone:
 * an error, and once ready the fund and outcome lines, whose other tones are in ready.styles.ts):
 * logical properties only (RTL), component tokens over the `--_*` system tokens. What only the ready
 * state shows is styled by ready.styles.ts, loaded with that part. A status is carried by a word
 * (`.tag`) as well as a colour. (No CSS comments inside `css`: they would ship.)
 */
export const offerPickerStyles = css`
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
  [part~='loading'] {
    display: grid;
    gap: var(--_space-2);
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
  [data-tone='danger'] {
    border-inline-start-color: var(--_danger);
    background: var(--_danger-surface);
  }
  .tag {
    font-weight: 700;
  }
  .placeholder {
    block-size: 2.5rem;
    border-radius: var(--_op-radius);
    background: var(--_surface-raised);
  }
`;
