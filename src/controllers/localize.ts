/**
 * Words for one element: its replaceable strings with `{placeholders}` filled, plural forms chosen
 * by `Intl.PluralRules`, the core's reasons and talking points, error messages and the words for
 * ids. One mechanism for every element; the base class only forwards to it.
 *
 * Where the words come from, first found wins: the element's own `strings`, then `<mend-host>`'s,
 * then the element's defaults, then the shared defaults (`src/base/strings.ts`).
 *
 * Plurals: when the values carry a numeric `count`, the key's form for the locale's category is
 * looked up first in each of those places (`rcResults.one`, `rcResults.few`…), then the key
 * itself. So English defaults can say "1 root cause found" / "3 root causes found", and a
 * translation supplies exactly the forms its language has (or one sentence for all counts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatList, pluralCategory } from '../base/format.js';
import { defaultStrings, fill } from '../base/strings.js';

/** Facts of the core's reasons that are amounts (integer minor units). */
const MONEY_FACTS = new Set(['amount', 'authority', 'cap', 'limit', 'remaining', 'threshold']);
/** Facts of the core's reasons that are ids with a word of their own (`+` joins several). */
const TERM_FACTS: Record<string, string> = {
  severity: 'severity',
  from: 'severity',
  to: 'severity',
  as: 'severity',
  kind: 'kind',
  kinds: 'kind',
  requires: 'kind',
  missing: 'kind',
  level: 'level',
  mode: 'mode',
  role: 'role',
};

type Table = Readonly<Record<string, string>> | undefined;

/** Where an element's words come from. */
export interface LocalizeSources {
  /** The element's `strings` property, then `<mend-host>`'s: the page's replacements. */
  replacements(): readonly Table[];
  /** The element's own English defaults (its `localStrings`). */
  defaults(): Table;
  locale(): string;
}

export type Facts = Readonly<Record<string, string | number | boolean>>;

export class LocalizeController implements ReactiveController {
  readonly #sources: LocalizeSources;

  constructor(host: ReactiveControllerHost, sources: LocalizeSources) {
    this.#sources = sources;
    host.addController(this);
  }

  hostConnected(): void {}

  /** A string with its placeholders filled; with a numeric `count`, the plural form for the locale. */
  t(key: string, values?: Record<string, string | number>): string {
    const count = values?.count;
    const form = typeof count === 'number' ? `${key}.${pluralCategory(count, this.#sources.locale())}` : undefined;
    const tables = [...this.#sources.replacements(), this.#sources.defaults(), defaultStrings as Table];
    for (const table of tables) {
      const found = (form !== undefined ? own(table, form) : undefined) ?? own(table, key);
      if (found !== undefined) return fill(found, values);
    }
    return fill(key, values);
  }

  /** The page's replacement for `key`, if any (not the defaults). */
  replaced(key: string): string | undefined {
    for (const table of this.#sources.replacements()) {
      const found = own(table, key);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * A core reason or talking point in words: the page's `reason.<code>` (or `talk.<code>`) filled
   * with the item's facts, otherwise the core's English text. Money facts (integer minor units)
   * are shown through `format`; id facts through {@link term}.
   */
  words(item: { code: string; text: string; facts?: Facts }, kind: 'reason' | 'talk' = 'reason', format?: (minor: number) => string): string {
    const replaced = this.replaced(`${kind}.${item.code}`);
    if (replaced === undefined) return item.text;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(item.facts ?? {})) {
      const term = TERM_FACTS[name];
      values[name] =
        format && typeof value === 'number' && MONEY_FACTS.has(name)
          ? format(value)
          : term && typeof value === 'string'
            ? formatList(value.split('+').map((id) => this.term(term, id)), this.#sources.locale())
            : String(value);
    }
    return fill(replaced, values);
  }

  /** What went wrong: the page's `error.<code>` (with the original as `{message}`), else the error's own message. */
  failure(error: { code?: string; message?: string } | null | undefined): string {
    const message = error?.message ?? '';
    const replaced = error?.code ? this.replaced(`error.${error.code}`) : undefined;
    return replaced === undefined ? message : fill(replaced, { message });
  }

  /** The word for an id (`severity.high`, `kind.assistance`, `period.week`…): the page's string, else the id. */
  term(kind: string, id: string): string {
    return this.replaced(`${kind}.${id}`) ?? id;
  }
}

/** A string of the table (not an inherited member such as `toString`). */
function own(table: Table, key: string): string | undefined {
  const value = table?.[key];
  return typeof value === 'string' ? value : undefined;
}
