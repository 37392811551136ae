/**
 * Root causes (R8, R10): type-ahead over the taxonomy, routing to the department that caused the
 * problem, recurrence, and the time limit after which a manager is notified.
 */
import type { Department, Interaction, RecurrenceCount, RecurrencePolicy, RootCause, Taxonomy } from './model.js';
import { plural, reason, type Reason } from './reasons.js';

export interface RootCauseMatch {
  cause: RootCause;
  department: Department | undefined;
  /** Higher is better; see MATCH_SCORES. */
  score: number;
}

export interface TaxonomyIndex {
  size: number;
  /** Best matches first; an empty query lists causes by label. Default limit 10. */
  search(query: string, limit?: number): RootCauseMatch[];
  byId(id: string): RootCause | undefined;
  department(id: string): Department | undefined;
}

/** Match tiers, best first. */
export const MATCH_SCORES = Object.freeze({
  exact: 100,
  prefix: 90,
  wordStart: 80,
  otherWordStart: 70,
  allWords: 60,
  substring: 50,
  otherSubstring: 40,
  subsequence: 10,
});

/** Lower case, no diacritics, words separated by single spaces. */
export function fold(s: string): string {
  return String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Entry {
  cause: RootCause;
  /** ' ' + folded label */
  label: string;
  /** ' ' + folded category and keywords */
  other: string;
}

function subsequence(q: string, s: string): boolean {
  let j = 0;
  for (let i = 0; i < s.length && j < q.length; i++) if (s.charCodeAt(i) === q.charCodeAt(j)) j++;
  return j === q.length;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds the search index once. Ranking: exact label, label prefix, a label word starting with the
 * query, a category/keyword word starting with it, every query word starting some word, substring of
 * the label, substring of category/keywords, then the query's letters in order in the label. Ties by
 * label then id. Case- and diacritics-insensitive; independent of the taxonomy's order.
 */
export function buildTaxonomyIndex(taxonomy: Taxonomy): TaxonomyIndex {
  const departments = new Map<string, Department>();
  for (const d of taxonomy.departments ?? []) if (!departments.has(d.id)) departments.set(d.id, d);
  const entries: Entry[] = (taxonomy.causes ?? [])
    .map((cause) => ({
      cause,
      label: ' ' + fold(cause.label),
      other: ' ' + fold([cause.category, ...(cause.keywords ?? [])].join(' ')),
    }))
    .sort((a, b) => byText(a.label, b.label) || byText(a.cause.label, b.cause.label) || byText(a.cause.id, b.cause.id) || byText(a.other, b.other));
  const ids = new Map<string, RootCause>();
  for (const e of entries) if (!ids.has(e.cause.id)) ids.set(e.cause.id, e.cause);
  const S = MATCH_SCORES;
  const tiers = Object.values(S).sort((a, b) => b - a);

  function score(e: Entry, q: string, sq: string, words: string[]): number {
    const { label, other } = e;
    if (label === sq) return S.exact;
    if (label.startsWith(sq)) return S.prefix;
    if (label.includes(sq)) return S.wordStart;
    if (other.includes(sq)) return S.otherWordStart;
    if (words.length > 1 && words.every((w) => label.includes(w) || other.includes(w))) return S.allWords;
    if (label.includes(q)) return S.substring;
    if (other.includes(q)) return S.otherSubstring;
    if (q.length > 1 && subsequence(q.replaceAll(' ', ''), label)) return S.subsequence;
    return 0;
  }

  return {
    size: entries.length,
    search(query: string, limit = 10): RootCauseMatch[] {
      const n = Math.max(0, Math.floor(limit));
      if (!n) return [];
      const q = fold(query);
      const match = (e: Entry, s: number): RootCauseMatch => ({ cause: e.cause, department: departments.get(e.cause.departmentId), score: s });
      if (!q) return entries.slice(0, n).map((e) => match(e, 0));
      const sq = ' ' + q;
      const words = q.split(' ').map((w) => ' ' + w);
      // Entries are sorted by label, so the first `n` of each tier are the winners of its ties.
      const buckets = new Map<number, Entry[]>(tiers.map((t) => [t, []]));
      for (const e of entries) {
        const s = score(e, q, sq, words);
        if (!s) continue;
        const b = buckets.get(s)!;
        if (b.length < n) b.push(e);
        if (s === S.exact && b.length >= n) break;
      }
      const out: RootCauseMatch[] = [];
      for (const t of tiers) for (const e of buckets.get(t)!) if (out.length < n) out.push(match(e, t));
      return out;
    },
    byId: (id) => ids.get(id),
    department: (id) => departments.get(id),
  };
}

/** R8: the department the problem is sent back to, so that it is fixed upstream. */
export function route(causeId: string, index: TaxonomyIndex): { department: Department | undefined; reasons: Reason[] } {
  const cause = index.byId(causeId);
  if (!cause) return { department: undefined, reasons: [reason('R8', 'unknown_cause', 'This root cause is not in the taxonomy.', { causeId })] };
  const department = index.department(cause.departmentId);
  if (!department) {
    return {
      department,
      reasons: [reason('R8', 'unknown_department', `No department is responsible for "${cause.label}" in the taxonomy.`, { causeId, departmentId: cause.departmentId })],
    };
  }
  return {
    department,
    reasons: [
      reason('R8', 'routed', `Sent back to ${department.name}, where "${cause.label}" is fixed upstream.`, {
        causeId,
        departmentId: department.id,
        department: department.name,
      }),
    ],
  };
}

/** R8: a root cause logged at least `threshold` times in the window is recurring. */
export function recurrence(
  counts: readonly RecurrenceCount[],
  causeId: string,
  policy: RecurrencePolicy,
): { recurring: boolean; count: number; windowDays: number; reasons: Reason[] } {
  let count = 0;
  for (const c of counts) if (c.causeId === causeId && Number.isFinite(c.count) && c.count > 0) count += c.count;
  const recurring = count >= policy.threshold;
  const facts = { causeId, count, windowDays: policy.windowDays, threshold: policy.threshold };
  return {
    recurring,
    count,
    windowDays: policy.windowDays,
    reasons: [
      recurring
        ? reason('R8', 'recurring', `Logged ${plural(count, 'time')} in ${policy.windowDays} days: this keeps happening; we repeat what we don't repair.`, facts)
        : reason('R8', 'not_recurring', `Logged ${plural(count, 'time')} in ${policy.windowDays} days (recurring at ${policy.threshold}).`, facts),
    ],
  };
}

/** R10: an interaction open past the limit and unresolved notifies a manager. */
export function timeLimit(
  interaction: Pick<Interaction, 'startedAt' | 'resolved'>,
  now: Date | number,
  limitMinutes: number,
): { overdue: boolean; minutesOpen: number; reasons: Reason[] } {
  const start = Date.parse(interaction.startedAt);
  const t = typeof now === 'number' ? now : now.getTime();
  if (!Number.isFinite(start) || !Number.isFinite(t)) {
    return { overdue: false, minutesOpen: 0, reasons: [reason('R10', 'unknown_start', 'The start time of this contact is unknown.', {})] };
  }
  const minutesOpen = Math.max(0, Math.floor((t - start) / 60_000));
  const facts = { minutesOpen, limitMinutes };
  if (interaction.resolved) return { overdue: false, minutesOpen, reasons: [reason('R10', 'resolved', 'Resolved.', facts)] };
  const overdue = minutesOpen > limitMinutes;
  return {
    overdue,
    minutesOpen,
    reasons: [
      overdue
        ? reason('R10', 'over_time_limit', `Open ${minutesOpen} minutes unresolved, over the ${limitMinutes}-minute limit: a manager is notified.`, facts)
        : reason('R10', 'within_time_limit', `Open ${minutesOpen} of ${limitMinutes} minutes.`, facts),
    ],
  };
}
