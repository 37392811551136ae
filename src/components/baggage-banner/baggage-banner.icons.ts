import { svg, type TemplateResult } from 'lit';
import type { BaggageLevel } from '../../core/model.js';

/** A shape per level, so the level never relies on colour alone (the words say it too). */
export const ICONS: Record<BaggageLevel, TemplateResult> = {
  none: svg`<circle cx="8" cy="8" r="6.5"/><path d="M5 8.2l2 2 4-4.2" fill="none" stroke="var(--_on-level)" stroke-width="1.8"/>`,
  light: svg`<path d="M8 1.5l7 12.5H1z"/><path d="M8 6v4M8 11.5v1" stroke="var(--_on-level)" stroke-width="1.6"/>`,
  heavy: svg`<path d="M5.3 1h5.4L15 5.3v5.4L10.7 15H5.3L1 10.7V5.3z"/><path d="M8 4v5M8 11v1.5" stroke="var(--_on-level)" stroke-width="1.8"/>`,
};
