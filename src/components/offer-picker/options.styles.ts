import { css } from 'lit';
import { checkboxStyles } from '../../base/checkbox.styles.js';

/**
 * Styles of what `<mend-offer-picker>` shows behind "Other options" (the bundles' radio group, the
 * composer's groups, checkboxes and amount field): loaded with that part and adopted by the element
 * then, so the first render does not carry them. Same tokens as offer-picker.styles.ts.
 */
export const optionsStyles = css`
  ${checkboxStyles}
  fieldset,
  .fieldset {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_op-border);
    border-radius: var(--_op-radius);
    display: grid;
    gap: var(--_space-1);
  }
  legend {
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
  /* Selected: a filled background and a thick start edge, never an outline (the outline is the focus ring). */
  [role='radio'][aria-checked='true'] {
    background: var(--_op-selected-surface);
    box-shadow: inset 4px 0 0 var(--_op-accent);
  }
  :host(:dir(rtl)) [role='radio'][aria-checked='true'] {
    box-shadow: inset -4px 0 0 var(--_op-accent);
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
`;
