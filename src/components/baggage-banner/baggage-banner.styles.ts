import { css } from 'lit';

export const bannerStyles = css`
  :host {
    --_banner-bg: var(--mend-baggage-banner-background, var(--_surface));
    --_banner-border: var(--mend-baggage-banner-border-color, var(--_border));
    --_level: var(--mend-baggage-banner-none-color, var(--_success));
    --_on-level: var(--_surface);
  }
  :host([level='light']) {
    --_level: var(--mend-baggage-banner-light-color, var(--_warning));
  }
  :host([level='heavy']) {
    --_level: var(--mend-baggage-banner-heavy-color, var(--_danger));
    --_banner-bg: var(--mend-baggage-banner-heavy-background, var(--_danger-surface));
  }
  :host([state='error']) {
    --_level: var(--_danger);
  }
  /* The vertical stacks. */
  .base,
  .body,
  .loading,
  .incidents,
  .history,
  .history-list {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
  }
  .base {
    min-block-size: var(--mend-baggage-banner-min-block-size, 6rem);
    padding: var(--_space-3) var(--_space-4);
    background: var(--_banner-bg);
    border: 1px solid var(--_banner-border);
    border-inline-start: 4px solid var(--_level);
    border-radius: var(--_radius);
  }
  :host([state='loading']) .base,
  :host([state='idle']) .base,
  :host([state='unsupported']) .base {
    border-inline-start-color: var(--_banner-border);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }
  .level {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font-weight: 700;
  }
  .level svg {
    flex: none;
    fill: var(--_level);
  }
  .title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .sep {
    margin-inline: var(--_space-2);
  }
  h3 {
    margin: 0 0 var(--_space-1);
    font-size: 0.95em;
    font-weight: 600;
  }
  p,
  ul,
  ol {
    margin: 0;
  }
  .quiet,
  .remedies,
  .showing {
    color: var(--_text-muted);
  }
  .bar {
    display: block;
    block-size: 0.8em;
    inline-size: 80%;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .bar.short {
    inline-size: 50%;
  }
  .actions,
  .error {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .error {
    align-items: center;
  }
  .reasons,
  .talk {
    padding-inline-start: 1.2em;
  }
  .incidents,
  .history-list {
    list-style: none;
    padding: 0;
  }
  .incident {
    padding: var(--_space-2);
    background: var(--_surface);
    border: 1px solid var(--_banner-border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .unresolved {
    font-weight: 600;
    color: var(--_text);
  }
  .summary {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    /* A long summary is kept whole, within a visual limit that scrolls (focusable when it does). */
    max-block-size: var(--mend-baggage-banner-summary-max-block-size, 8lh);
    overflow-y: auto;
  }
  .callback {
    padding: var(--_space-2);
    border: 1px dashed var(--_level);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .status:empty {
    display: none;
  }
  .history-list {
    max-block-size: var(--mend-baggage-banner-history-max-block-size, 20rem);
    overflow: auto;
    padding: var(--_space-1);
  }
`;
