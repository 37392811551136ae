/**
 * The suggested root cause (R8, R4): known facts are filled, never retyped. The customer's newest
 * unresolved incident names a category ("Damaged item"); the causes the type-ahead finds for it are
 * candidates, and among the best matches the cause logged most often recently (the recurrence
 * counts) wins. Uses the one search over the taxonomy (`taxonomy-search.ts`), so a suggestion and
 * what the agent would find by typing the category are the same causes.
 *
 * Pure: no DOM. The logger shows the suggestion preselected; the agent can change it. It imports
 * only types, so the type-ahead's chunk that runs it shares no code with the logger's first load.
 */
import type { Incident } from './model.js';
import type { Reason } from './reasons.js';
import type { TaxonomyIndex } from './taxonomy-search.js';

export interface CauseSuggestion {
  causeId: string;
  /** The cause's label (what the type-ahead shows). */
  label: string;
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

/** How often a cause was logged in the recurrence window (`recurrence()` of `root-cause-rules.ts`). */
export type Seen = (causeId: string) => { count: number; recurring: boolean; windowDays: number };

/**
 * The cause to suggest for a customer's open incident, or null: none unresolved, or nothing in the
 * taxonomy matches its category well enough. Incidents are tried newest first; among the causes
 * of the best match tier, the most logged in the window (`seen`) wins (ties keep the search's order).
 */
export function suggestCause(incidents: readonly Incident[] | undefined, index: Pick<TaxonomyIndex, 'search'>, seen: Seen): CauseSuggestion | null {
  const open = (Array.isArray(incidents) ? incidents : [])
    .filter((i) => i && !i.resolved && typeof i.category === 'string' && i.category.trim())
    .map((i) => ({ i, at: Date.parse(i.occurredAt) || 0 }))
    .sort((a, b) => b.at - a.at);
  for (const { i: incident } of open) {
    const matches = index.search(incident.category, CANDIDATES).filter((m) => m.score >= LEAST_SUGGESTED_SCORE);
    const best = matches[0]?.score;
    if (best === undefined) continue;
    let chosen: (ReturnType<Seen> & { causeId: string; label: string }) | null = null;
    for (const m of matches) {
      if (m.score < best) break;
      const r = seen(m.cause.id);
      if (!chosen || r.count > chosen.count) chosen = { ...r, causeId: m.cause.id, label: m.cause.label };
    }
    const { causeId, label, count, recurring, windowDays } = chosen!;
    const { id: incidentId, category } = incident;
    const times = count === 1 ? '1 time' : `${count} times`;
    const reason: Reason = {
      rule: 'R8',
      code: 'suggested_from_incident',
      facts: { causeId, incidentId, category, count, windowDays },
      text: `Suggested from the open incident's category "${category}"${count ? `, logged ${times} in ${windowDays} days` : ''}.`,
    };
    return { causeId, label, incidentId, category, count, recurring, reasons: [reason] };
  }
  return null;
}
