import { css } from 'lit';

/**
 * Checkboxes that read as controls in every theme. In a dark colour scheme the browser draws an
 * unchecked box that differs from a disabled one only by a faint border; an enabled unchecked box
 * gets an edge in the muted text colour (at least 3:1 against the surface in every theme: WCAG 2.2
 * non-text contrast). No specificity (`:where`), so the focus ring still wins. Its own module:
 * only the widgets with checkboxes (the picker, the logger) ship it.
 */
export const checkboxStyles = css`
  :where(input[type='checkbox']:not(:checked, :disabled)) {
    outline: 1px solid var(--_text-muted);
    outline-offset: -1px;
  }
`;
