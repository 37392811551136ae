/**
 * System-tier design tokens. Each private `--_*` property reads a public `--mend-*` token and falls
 * back to a light/dark default (`light-dark()`, following the page's `color-scheme`). Components read
 * only the private properties, through their own component-tier custom properties.
 *
 * The full list of tokens is documented in docs/theming.md; a vendor theme is a sheet that sets them.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--mend-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--mend-font-size, 0.875rem);
    --_line-height: var(--mend-line-height, 1.45);
    --_surface: var(--mend-color-surface, light-dark(#ffffff, #16181d));
    --_surface-raised: var(--mend-color-surface-raised, light-dark(#f6f8fa, #22262d));
    --_text: var(--mend-color-text, light-dark(#1f2328, #e8eaed));
    --_text-muted: var(--mend-color-text-muted, light-dark(#57606a, #aab1ba));
    --_border: var(--mend-color-border, light-dark(#8c959f, #6e7781));
    --_accent: var(--mend-color-accent, light-dark(#0b5cad, #8ab4f8));
    --_on-accent: var(--mend-color-on-accent, light-dark(#ffffff, #0b1220));
    --_focus: var(--mend-color-focus, light-dark(#0b5cad, #8ab4f8));
    --_info: var(--mend-color-info, light-dark(#0b5cad, #8ab4f8));
    --_info-surface: var(--mend-color-info-surface, light-dark(#eaf2fc, #1c2a3d));
    --_warning: var(--mend-color-warning, light-dark(#7a4d00, #f5c26b));
    --_warning-surface: var(--mend-color-warning-surface, light-dark(#fff4d6, #352a12));
    --_danger: var(--mend-color-danger, light-dark(#b3261e, #f2a19a));
    --_danger-surface: var(--mend-color-danger-surface, light-dark(#fdecea, #3a1d1b));
    --_success: var(--mend-color-success, light-dark(#1a6b37, #7ed69a));
    --_success-surface: var(--mend-color-success-surface, light-dark(#e7f5ec, #16301f));
    --_radius: var(--mend-radius, 6px);
    --_space-1: var(--mend-space-1, 0.25rem);
    --_space-2: var(--mend-space-2, 0.5rem);
    --_space-3: var(--mend-space-3, 0.75rem);
    --_space-4: var(--mend-space-4, 1rem);
    --_target: var(--mend-target-size, 24px);
    --_duration: var(--mend-duration, 150ms);
  }
`;

/** Shared host styles: typography, box model, focus ring, buttons, visually hidden text. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  button[data-variant='primary'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  /* Each line takes its direction from its own text: an English string in a right-to-left console
     (or an Arabic customer name in a left-to-right one) still reads in its own order. Spans too
     (offer labels and descriptions come from the host): a flex or grid item is a paragraph of its
     own, and unicode-bidi is not inherited. */
  p,
  span,
  li,
  dd,
  dt,
  td,
  th,
  h2,
  h3,
  h4,
  legend {
    unicode-bidi: plaintext;
  }
  /* The one notice that this browser cannot store work (src/controllers/storage-notice.ts). */
  .storage-notice {
    margin: 0 0 var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_warning-surface);
    color: var(--_text);
  }
  .storage-notice p {
    margin: 0;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
