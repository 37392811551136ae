/**
 * Dates for people, in the widget's locale. Formatters are costly to build, so each locale and
 * style is built once. An unreadable date shows as it came; a bad locale falls back to en-US.
 */

/** The locale's formatter from `cache` under `key` (default: the locale), built once (a bad locale falls back to en-US). */
function perLocale<T>(cache: Map<string, T>, locale: string, make: (locale: string) => T, key = locale): T {
  let made = cache.get(key);
  if (!made) {
    try {
      made = make(locale);
    } catch {
      made = make('en-US');
    }
    cache.set(key, made);
  }
  return made;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date (with its time: `withTime`) for people, in the locale; an unreadable date shows as it came. */
export function formatDate(iso: unknown, locale: string, withTime = false): string {
  const time = Date.parse(String(iso));
  if (Number.isNaN(time)) return String(iso ?? '');
  const make = (l: string) => new Intl.DateTimeFormat(l, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
  return perLocale(formats, locale, make, `${locale}|${withTime}`).format(time);
}

const lists = new Map<string, Intl.ListFormat>();

/** "a, b and c" as the locale joins a list (built once per locale; a bad locale falls back to en-US). */
export function formatList(items: readonly string[], locale: string): string {
  return perLocale(lists, locale, (l) => new Intl.ListFormat(l, { type: 'conjunction' })).format(items);
}

const numbers = new Map<string, Intl.NumberFormat>();

/** A count for people ("50,000"), in the locale (built once per locale, unlike `toLocaleString`; a bad locale falls back to en-US). */
export function formatNumber(n: number, locale: string): string {
  return perLocale(numbers, locale, (l) => new Intl.NumberFormat(l)).format(n);
}

const plurals = new Map<string, Intl.PluralRules>();

/** The CLDR plural category of `n` in the locale (`one`, `few`, `other`…; a bad locale falls back to en-US). */
export function pluralCategory(n: number, locale: string): Intl.LDMLPluralRule {
  return perLocale(plurals, locale, (l) => new Intl.PluralRules(l)).select(n);
}

const durations = new Map<string, Intl.NumberFormat>();

/** A duration for people, in minutes, hours or days ("4 min", "2 hr"), in the locale. */
export function formatDuration(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const [value, unit] = minutes < 60 ? [minutes, 'minute'] : minutes < 48 * 60 ? [Math.floor(minutes / 60), 'hour'] : [Math.floor(minutes / 1440), 'day'];
  const make = (l: string) => new Intl.NumberFormat(l, { style: 'unit', unit, unitDisplay: 'short' });
  return perLocale(durations, locale, make, `${locale}|${unit}`).format(value);
}

/**
 * A reason code in words: the widget's `reasonLabels`, else the page's `reasonCode.<code>` string
 * (through `term`), else the code made readable (`item_damaged` → `Item damaged`).
 */
export function reasonText(code: string, labels: Readonly<Record<string, string>> | undefined, term: (kind: string, id: string) => string): string {
  const label = labels?.[code];
  if (label) return label;
  const replaced = term('reasonCode', code);
  if (replaced !== code) return replaced;
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
