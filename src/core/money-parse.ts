/**
 * Reading an amount the agent typed, for a locale and currency, into integer minor units: string and
 * integer arithmetic only, never parseFloat. Apart from formatting (`money.ts`) because only the
 * picker's composer needs it, and it is loaded on demand.
 */
import { currencyExponent, formatter } from './money.js';

export type MoneyParseError = 'empty' | 'not_a_number' | 'negative' | 'too_many_decimals' | 'too_large';
export type MoneyParseResult = { ok: true; value: number } | { ok: false; error: MoneyParseError };

const DIGIT_BLOCKS = [0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10];
// Bidi marks and other invisible characters Intl (and copy-paste) put around numbers.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const SPACES = /[\s\u00a0\u2007\u202f\u2009\u2008\u2002-\u2006]+/g;

function normalize(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC').replace(INVISIBLE, '')) {
    const c = ch.codePointAt(0)!;
    const block = DIGIT_BLOCKS.find((b) => c >= b && c <= b + 9);
    out += block !== undefined ? String(c - block) : ch === '\u066b' ? '٫' : ch === '\u2212' ? '-' : ch;
  }
  return out.replace(SPACES, ' ');
}

const symbolCache = new Map<string, { symbols: string[]; decimal: string; group: string }>();

function localeInfo(currency: string, locale: string): { symbols: string[]; decimal: string; group: string } {
  const key = `${locale}|${currency}`;
  let info = symbolCache.get(key);
  if (!info) {
    const symbols = new Set<string>([currency.toUpperCase()]);
    let decimal = '.';
    let group = ',';
    for (const loc of [locale, 'en-US']) {
      for (const display of ['symbol', 'narrowSymbol', 'code'] as const) {
        const parts = formatter(loc, currency, display).formatToParts(1234.5);
        for (const p of parts) {
          if (p.type === 'currency') symbols.add(normalize(p.value).trim());
        }
      }
    }
    // Separators from a one-decimal format, so that 0-decimal currencies (JPY) still tell them.
    let sep: Intl.NumberFormat;
    const opts = { style: 'currency', currency, minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
    try {
      sep = new Intl.NumberFormat(locale, opts);
    } catch {
      sep = new Intl.NumberFormat('en-US', opts);
    }
    for (const p of sep.formatToParts(1234.5)) {
      if (p.type === 'decimal') decimal = normalize(p.value);
      if (p.type === 'group') group = normalize(p.value);
    }
    if (currency.toUpperCase() === 'JPY' || currency.toUpperCase() === 'CNY') symbols.add('¥').add('￥').add('円');
    info = { symbols: [...symbols].filter(Boolean).sort((a, b) => b.length - a.length), decimal, group };
    symbolCache.set(key, info);
  }
  return info;
}

/**
 * Parses what people type or paste as an amount of `currency` in `locale` into integer minor units.
 *
 * Accepts "12.50", "12,50" (de-DE), "1.234,56", "1,234.56", "¥1,234", "12.345 KWD", with or without
 * symbol or code, with NBSP, narrow NBSP, bidi marks and non-Latin digits (Arabic-Indic...).
 * When both `.` and `,` appear, the last one is the decimal separator. A single separator is the
 * decimal one when it is the locale's decimal, or when it is not followed by exactly three digits.
 * Trailing zeros beyond the currency's exponent are accepted ("12.500" USD), other extra decimals
 * are `too_many_decimals`.
 */
export function parseMoney(text: string, currency: string, locale: string): MoneyParseResult {
  let s = normalize(String(text ?? '')).trim();
  if (!s) return { ok: false, error: 'empty' };
  const exp = currencyExponent(currency);
  const info = localeInfo(currency, locale);
  for (const sym of info.symbols) {
    const i = s.toUpperCase().indexOf(sym.toUpperCase());
    if (i >= 0) {
      s = s.slice(0, i) + ' ' + s.slice(i + sym.length);
      break;
    }
  }
  s = s.trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^-/.test(s) || /-$/.test(s)) {
    negative = true;
    s = s.replace(/^-|-$/g, '').trim();
  }
  if (!s) return { ok: false, error: 'empty' };
  // Spaces and apostrophes only ever group digits; Arabic separators are unambiguous.
  s = s.replace(/[ '’\u066c]/g, '').replace(/٫/g, '\u0000');
  if (!/^[0-9.,\u0000]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, error: 'not_a_number' };
  let decimal: string | undefined = s.includes('\u0000') ? '\u0000' : undefined;
  if (!decimal) {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
    else if (lastDot >= 0 || lastComma >= 0) {
      const sep = lastDot >= 0 ? '.' : ',';
      const count = s.split(sep).length - 1;
      const after = s.length - s.lastIndexOf(sep) - 1;
      if (count === 1 && (sep === info.decimal || after !== 3)) decimal = sep;
    }
  }
  let int = s;
  let frac = '';
  if (decimal) {
    const i = s.lastIndexOf(decimal);
    int = s.slice(0, i);
    frac = s.slice(i + 1);
    if (!/^[0-9]*$/.test(frac)) return { ok: false, error: 'not_a_number' };
  }
  if (!validGrouping(int, decimal)) return { ok: false, error: 'not_a_number' };
  int = int.replace(/[.,]/g, '');
  if (!int && !frac) return { ok: false, error: 'not_a_number' };
  frac = frac.replace(/0+$/, '');
  if (frac.length > exp) return { ok: false, error: 'too_many_decimals' };
  const value = BigInt((int || '0') + frac.padEnd(exp, '0'));
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'too_large' };
  if (negative && value > 0n) return { ok: false, error: 'negative' };
  return { ok: true, value: Number(value) };
}

/**
 * Grouping separators sit between digit runs, are all the same character and differ from the
 * decimal one; every group after the first has 3 digits (2 allowed before the last, for en-IN).
 */
function validGrouping(int: string, decimal: string | undefined): boolean {
  if (!int) return true;
  const seps = int.replace(/[0-9]/g, '');
  if (!seps) return true;
  if (decimal && seps.includes(decimal)) return false;
  if (seps.replaceAll(seps[0]!, '') !== '') return false;
  const groups = int.split(seps[0]!);
  return groups.every((g, i) => g.length > 0 && (i === 0 ? g.length <= 3 : g.length === 3 || (g.length === 2 && i < groups.length - 1)));
}

