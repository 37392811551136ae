/**
 * Console records as the baggage banner's incidents: one mapping of priorities to severities and of
 * survey scores to the 1-5 scale, for every kit (Genesys cases and CSAT, Zendesk tickets and
 * satisfaction ratings...).
 */
import type { Severity } from '../../core/model.js';

/** A console priority as a default-ladder severity (`urgent`/`critical`/`high` → high, `low` → low, else medium). */
export function severityFromPriority(priority: string | undefined | null): Severity {
  const p = (priority ?? '').trim().toLowerCase();
  if (/^(urgent|critical|high|p1|1)$/.test(p)) return 'high';
  if (/^(low|p4|p5|4|5)$/.test(p)) return 'low';
  return 'medium';
}

/**
 * A survey score on the incidents' 1 (worst) to 5 (best) scale, from a score between `min` and
 * `max` (Genesys `totalScore` 0-100, NPS 0-10); null when there is none.
 */
export function fivePointScore(value: number | undefined | null, max: number, min = 0): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || max <= min) return null;
  const share = Math.min(1, Math.max(0, (value - min) / (max - min)));
  return 1 + Math.round(share * 4);
}

/** Whether a console status means the case or ticket is resolved. */
export const isResolvedStatus = (status: string | undefined | null): boolean => /closed|resolved|solved|done|complete/i.test(status ?? '');
