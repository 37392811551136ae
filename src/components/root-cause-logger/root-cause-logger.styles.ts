import { css } from 'lit';
import { checkboxStyles } from '../../base/checkbox.styles.js';

export const rootCauseLoggerStyles = css`
  ${checkboxStyles}
  :host {
    --_rc-gap: var(--mend-root-cause-logger-gap, var(--_space-3));
    --_rc-surface: var(--mend-root-cause-logger-background, var(--_surface));
    --_rc-field: var(--mend-root-cause-logger-field-background, var(--_surface));
    --_rc-border: var(--mend-root-cause-logger-border-color, var(--_border));
    --_rc-error: var(--mend-root-cause-logger-error-color, var(--_danger));
    --_rc-active: var(--mend-root-cause-logger-option-active-background, var(--_info-surface));
    --_rc-listbox-size: var(--mend-root-cause-logger-listbox-max-block-size, 16rem);
    --_rc-recurring: var(--mend-root-cause-logger-recurring-background, var(--_warning-surface));
  }
  [part~='base'] {
    display: grid;
    gap: var(--_rc-gap);
    padding: var(--_space-4);
    border: 1px solid var(--_rc-border);
    border-radius: var(--_radius);
    background: var(--_rc-surface);
  }
  h2 {
    margin: 0;
    font-size: 1.05em;
  }
  fieldset {
    display: grid;
    gap: var(--_rc-gap);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  [part~='field'] {
    display: grid;
    gap: var(--_space-1);
  }
  label {
    font-weight: 600;
  }
  textarea,
  input[type='text'],
  select {
    inline-size: 100%;
    min-block-size: 2rem;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_rc-border);
    border-radius: var(--_radius);
    background: var(--_rc-field);
  }
  textarea {
    min-block-size: 3.5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_rc-error);
    border-width: 2px;
  }
  [part~='combobox'] {
    position: relative;
  }
  [part~='listbox'] {
    position: absolute;
    z-index: 2;
    inset-inline: 0;
    inset-block-start: 100%;
    max-block-size: var(--_rc-listbox-size);
    overflow-y: auto;
    margin: 2px 0 0;
    padding: var(--_space-1) 0;
    list-style: none;
    border: 1px solid var(--_rc-border);
    border-radius: var(--_radius);
    background: var(--_rc-field);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.18);
  }
  [part~='option'] {
    display: grid;
    min-block-size: var(--_target);
    padding: var(--_space-1) var(--_space-2);
    cursor: pointer;
  }
  [part~='option'][aria-selected='true'] {
    background: var(--_rc-active);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [part~='option-meta'],
  [part~='hint'],
  [part~='quiet'] {
    color: var(--_text-muted);
    font-size: 0.92em;
  }
  [part~='hint'],
  [part~='error'],
  [part~='quiet'],
  [part~='recurrence'],
  [part~='status'],
  [part~='time-limit'],
  [part~='wrap-up'] {
    margin: 0;
  }
  [part~='error'] {
    color: var(--_rc-error);
    font-weight: 600;
  }
  [part~='recurrence'],
  [part~='time-limit'],
  [part~='wrap-up'] {
    padding: var(--_space-2);
    border-inline-start: 4px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_rc-recurring);
  }
  [part~='wrap-up'] {
    border-inline-start-color: var(--_danger);
    background: var(--_danger-surface);
  }
  [part~='notify'] {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  input[type='checkbox'] {
    inline-size: var(--_target);
    block-size: var(--_target);
    margin: 0;
    accent-color: var(--_accent);
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  [part~='status'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: var(--_target);
  }
  [part~='status'][data-status='needs_attention'] {
    color: var(--_danger);
    font-weight: 600;
  }
  [part~='status'][data-status='sent'] {
    color: var(--_success);
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
`;
