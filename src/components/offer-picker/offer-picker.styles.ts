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
  ul {
    margin: 0;
    padding-inline-start: 1.1em;
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
  fieldset,
  .fieldset {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_op-border);
    border-radius: var(--_op-radius);
    display: grid;
    gap: var(--_space-1);
  }
  legend,
  .legend {
    font-weight: 600;
    padding-inline: var(--_space-1);
  }
  [role='radiogroup'],
  [part~='bundles'] {
    display: grid;
    gap: var(--_space-1);
  }
  [part~='bundles'] > [role='radiogroup'] {
    gap: var(--_space-2);
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  [role='radio'],
  label.check {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    min-block-size: var(--_target);
    padding: var(--_space-1) var(--_space-2);
    border-radius: var(--_op-radius);
    cursor: pointer;
  }
  [part~='bundle'] {
    border: 1px solid var(--_op-border);
    padding: var(--_space-2);
  }
  [role='radio'][aria-checked='true'] {
    background: var(--_op-selected-surface);
    outline: 2px solid var(--_op-accent);
    outline-offset: -2px;
  }
  [role='radio'][aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_text-muted);
  }
  [role='radio']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The radio mark: a ring that fills when checked (shape, not colour alone). */
  .mark {
    flex: none;
    inline-size: 1rem;
    block-size: 1rem;
    margin-block-start: 0.15em;
    border: 2px solid currentColor;
    border-radius: 50%;
    display: grid;
    place-items: center;
  }
  [aria-checked='true'] > .mark::after {
    content: '';
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: currentColor;
  }
  .body {
    display: grid;
    gap: 0.1rem;
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
  }
  input[type='checkbox'] {
    flex: none;
    inline-size: var(--_target);
    block-size: var(--_target);
    margin: 0;
    accent-color: var(--_op-accent);
  }
  [part~='amount'] {
    display: grid;
    gap: var(--_space-1);
    padding-inline-start: var(--_space-4);
  }
  input[type='text'] {
    min-block-size: var(--_target);
    max-inline-size: 12rem;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_op-border);
    border-radius: var(--_op-radius);
    background: var(--_surface);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .error-text {
    color: var(--_danger);
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
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
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
