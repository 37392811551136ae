/**
 * The suggested root cause (R8, R4): known facts are filled, never retyped. The customer's newest
 * unresolved incident names a category ("Damaged item"); the causes the type-ahead finds for it are
 * candidates, and among the best matches the cause logged most often recently (the recurrence
 * counts) wins. Uses the one search over the taxonomy (`taxonomy-search.ts`), so a suggestion and
 * what the agent would find by typing the category are the same causes.
 *
 * Pure: no DOM. The logger shows the suggestion preselected; the agent can change it.
 */
import type { Incident, RecurrenceCount, RecurrencePolicy } from './model.js';
import { plural, reason, type Reason } from './reasons.js';
import { recurrence } from './root-cause-rules.js';
import type { TaxonomyIndex } from './taxonomy-search.js';

export interface CauseSuggestion {
  causeId: string;
  /** The incident whose category it came from. */
  incidentId: string;
  category: string;
  /** Times the cause was logged in the recurrence window, and whether that makes it recurring. */
  count: number;
  recurring: boolean;
  reasons: Reason[];
}

/**
 * Weaker matches than a word of a cause's category or keywords starting with the category
 * (`MATCH_SCORES.otherWordStart`) are no suggestion. A number here, not an import: the search code
 * stays in its own chunk, loaded on demand.
 */
export const LEAST_SUGGESTED_SCORE = 70;
/** Candidates looked at per incident. */
const CANDIDATES = 50;

/**
 * The cause to suggest for a customer's open incident, or null: none unresolved, or nothing in the
 * taxonomy matches its category well enough. Incidents are tried newest first; among the causes
 * of the best match tier, the most logged in the window wins (ties keep the search's order).
 */
export function suggestCause(
  incidents: readonly Incident[] | undefined,
  index: Pick<TaxonomyIndex, 'search'>,
  counts: readonly RecurrenceCount[],
  policy: RecurrencePolicy,
): CauseSuggestion | null {
  const open = (Array.isArray(incidents) ? incidents : [])
    .filter((i) => i && !i.resolved && typeof i.category === 'string' && i.category.trim())
    .map((i) => ({ i, at: Date.parse(i.occurredAt) || 0 }))
    .sort((a, b) => b.at - a.at);
  for (const { i: incident } of open) {
    const matches = index.search(incident.category, CANDIDATES).filter((m) => m.score >= LEAST_SUGGESTED_SCORE);
    const best = matches[0]?.score;
    if (best === undefined) continue;
    let chosen: { causeId: string; count: number; recurring: boolean } | null = null;
    for (const m of matches) {
      if (m.score < best) break;
      const r = recurrence(counts, m.cause.id, policy);
      if (!chosen || r.count > chosen.count) chosen = { causeId: m.cause.id, count: r.count, recurring: r.recurring };
    }
    const { causeId, count, recurring } = chosen!;
    const facts = { causeId, incidentId: incident.id, category: incident.category, count, windowDays: policy.windowDays };
    return {
      causeId,
      incidentId: incident.id,
      category: incident.category,
      count,
      recurring,
      reasons: [
        reason(
          'R8',
          'suggested_from_incident',
          `Suggested from the open incident's category "${incident.category}"${count ? `, logged ${plural(count, 'time')} in ${policy.windowDays} days` : ''}.`,
          facts,
        ),
      ],
    };
  }
  return null;
}
