/**
 * The root-cause type-ahead (R8): the search index over a taxonomy, built at once or in slices.
 * Kept apart from the rules in `root-cause.ts` so a widget can load it when the agent starts typing
 * or the page is idle, not before its first render.
 */
import type { Department, RootCause, Taxonomy } from './model.js';

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
  const t = String(s ?? '').toLowerCase();
  // Fast path for ASCII (most taxonomies); the Unicode path strips diacritics after NFD.
  if (!/[^\x00-\x7f]/.test(t)) return t.replace(/[^a-z0-9]+/g, ' ').trim();
  return t
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One bit per letter a-z, digits share 4 bits, anything else one bit: a quick "cannot match". */
function charMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << (26 + ((c - 48) & 3));
    else if (c !== 32) m |= 1 << 30;
  }
  return m;
}

interface Entry {
  cause: RootCause;
  /** ' ' + folded label */
  label: string;
  /** ' ' + folded category and keywords */
  other: string;
  /** label + '\u0001' + other: one scan rejects most entries. */
  hay: string;
  mask: number;
}

/** The query's characters in order in `s` (native indexOf per character). */
function subsequence(q: string, s: string): boolean {
  let at = -1;
  for (let j = 0; j < q.length; j++) {
    at = s.indexOf(q[j]!, at + 1);
    if (at < 0) return false;
  }
  return true;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Entry order: folded label, then label, id and the rest (a total order: the index is independent of the taxonomy's order). */
const byEntry = (a: Entry, b: Entry) =>
  byText(a.label, b.label) || byText(a.cause.label, b.cause.label) || byText(a.cause.id, b.cause.id) || byText(a.other, b.other);

/** Merges two sorted runs; ties keep `a` first (so slices merged in order equal one stable sort). */
function merge(a: Entry[], b: Entry[]): Entry[] {
  const out: Entry[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byEntry(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * Builds the search index once. Ranking: exact label, label prefix, a label word starting with the
 * query, a category/keyword word starting with it, every query word starting some word, substring of
 * the label, substring of category/keywords, then the query's letters in order in the label. Ties by
 * label then id. Case- and diacritics-insensitive; independent of the taxonomy's order.
 */
export function buildTaxonomyIndex(taxonomy: Taxonomy): TaxonomyIndex {
  const steps = taxonomyIndexSteps(taxonomy);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same index, built in steps of about `slice` causes each (fold, sort and merge), so a caller
 * can spread a large taxonomy over idle periods instead of one long task: call `next()` until it is
 * done; its value is the index. The result is exactly {@link buildTaxonomyIndex}'s.
 */
export function* taxonomyIndexSteps(taxonomy: Taxonomy, slice = 2000): Generator<void, TaxonomyIndex, void> {
  const departments = new Map<string, Department>();
  for (const d of taxonomy.departments ?? []) if (!departments.has(d.id)) departments.set(d.id, d);
  const causes = taxonomy.causes ?? [];
  const size = Math.max(1, Math.floor(slice));
  // Sorted runs, merged as in a binary counter (a run merges with the one below it once it is as
  // long), so the whole is O(n log n) like one sort; always the earlier run on the left (stable).
  const runs: Entry[][] = [];
  const ids = new Map<string, Entry>();
  for (let from = 0; from < causes.length; from += size) {
    const run: Entry[] = causes.slice(from, from + size).map((cause) => {
      const label = ' ' + fold(cause.label);
      const other = ' ' + fold([cause.category, ...(cause.keywords ?? [])].join(' '));
      return { cause, label, other, hay: label + '\u0001' + other, mask: charMask(label) };
    });
    // A repeated id means the cause that sorts first, whatever the taxonomy's order.
    for (const e of run) {
      const had = ids.get(e.cause.id);
      if (!had || byEntry(e, had) < 0) ids.set(e.cause.id, e);
    }
    runs.push(run.sort(byEntry));
    while (runs.length > 1 && runs[runs.length - 1]!.length >= runs[runs.length - 2]!.length) {
      const right = runs.pop()!;
      runs.push(merge(runs.pop()!, right));
    }
    yield;
  }
  while (runs.length > 1) {
    const right = runs.pop()!;
    runs.push(merge(runs.pop()!, right));
    yield;
  }
  const entries = runs[0] ?? [];
  const S = MATCH_SCORES;
  const tiers = Object.values(S).sort((a, b) => b - a);
  // All haystacks in one string, in sorted order: one native indexOf scan finds the candidates.
  const parts: string[] = [];
  for (let from = 0; from < entries.length; from += size * 5) {
    parts.push(entries.slice(from, from + size * 5).map((e) => e.hay).join('\n'));
    yield;
  }
  const all = parts.join('\n');
  all.indexOf('\u0002'); // makes it one flat string now, not at the first keystroke
  const starts = new Int32Array(entries.length + 1);
  for (let i = 0, at = 0; i <= entries.length; i++) {
    starts[i] = at;
    at += (entries[i]?.hay.length ?? 0) + 1;
  }
  const entryAt = (pos: number): number => {
    let lo = 0;
    let hi = entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** Visits, in sorted order, each entry whose haystack contains `needle`; stop by returning false. */
  const scan = (needle: string, visit: (i: number) => boolean | void): void => {
    for (let from = 0; ; ) {
      const at = all.indexOf(needle, from);
      if (at < 0) return;
      const i = entryAt(at);
      if (visit(i) === false) return;
      from = starts[i + 1]!;
    }
  };

  return {
    size: entries.length,
    search(query: string, limit = 10): RootCauseMatch[] {
      const n = Math.max(0, Math.floor(limit));
      if (!n) return [];
      const q = fold(query);
      const match = (i: number, s: number): RootCauseMatch => {
        const cause = entries[i]!.cause;
        return { cause, department: departments.get(cause.departmentId), score: s };
      };
      if (!q) return entries.slice(0, n).map((_, i) => match(i, 0));
      const sq = ' ' + q;
      const words = q.split(' ').map((w) => ' ' + w);
      const allWords = (hay: string) => words.length > 1 && words.every((w) => hay.includes(w));
      // Each pass visits entries in sorted order, so the first `n` of a tier win its ties; a pass
      // runs only while fewer than `n` better matches were found.
      const buckets = new Map<number, number[]>(tiers.map((t) => [t, []]));
      const b = (t: number) => buckets.get(t)!;
      let found = 0;
      const count = () => (found = [...buckets.values()].reduce((sum, x) => sum + x.length, 0));
      // Exact and prefix: a contiguous range of the sorted labels.
      let lo = 0;
      for (let hi = entries.length; lo < hi; ) {
        const mid = (lo + hi) >> 1;
        if (entries[mid]!.label < sq) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < entries.length && entries[i]!.label.startsWith(sq) && found < n; i++, found++) {
        b(entries[i]!.label === sq ? S.exact : S.prefix).push(i);
      }
      if (found < n) {
        const prefixes = found;
        scan(sq, (i) => {
          const { label } = entries[i]!;
          if (label.startsWith(sq)) return;
          const t = label.includes(sq) ? S.wordStart : S.otherWordStart;
          if (b(t).length < n) b(t).push(i);
          return prefixes + b(S.wordStart).length < n;
        });
        count();
      }
      if (found < n && words.length > 1) {
        const rare = words.reduce((x, y) => (y.length > x.length ? y : x));
        scan(rare, (i) => {
          const { hay } = entries[i]!;
          if (!hay.includes(sq) && allWords(hay)) b(S.allWords).push(i);
          return found + b(S.allWords).length < n;
        });
        count();
      }
      if (found < n) {
        scan(q, (i) => {
          const { label, hay } = entries[i]!;
          if (hay.includes(sq) || allWords(hay)) return;
          const t = label.includes(q) ? S.substring : S.otherSubstring;
          if (b(t).length < n) b(t).push(i);
          return found + b(S.substring).length < n;
        });
        count();
      }
      const loose = q.replaceAll(' ', '');
      if (found < n && loose.length > 1) {
        const qmask = charMask(loose);
        const sub = b(S.subsequence);
        for (let i = 0; i < entries.length && found + sub.length < n; i++) {
          const e = entries[i]!;
          if ((qmask & ~e.mask) === 0 && subsequence(loose, e.label) && !e.hay.includes(q) && !allWords(e.hay)) sub.push(i);
        }
      }
      const out: RootCauseMatch[] = [];
      for (const t of tiers) for (const i of buckets.get(t)!) if (out.length < n) out.push(match(i, t));
      return out;
    },
    byId: (id) => ids.get(id)?.cause,
    department: (id) => departments.get(id),
  };
}
