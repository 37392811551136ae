/**
 * Money as integer minor units (cents, yen, fils), formatted for a locale with string
 * and integer arithmetic only: never parseFloat, never a float multiplication. Parsing what an agent types: money-parse.ts.
 */

const exponents = new Map<string, number>();
const formatters = new Map<string, Intl.NumberFormat>();

/** The cached currency formatter of a locale (shared with money-parse.ts). */
export function formatter(locale: string, currency: string, display: 'symbol' | 'narrowSymbol' | 'code' = 'symbol'): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}`;
  let nf = formatters.get(key);
  if (!nf) {
    const opts: Intl.NumberFormatOptions = { style: 'currency', currency, currencyDisplay: display };
    try {
      nf = new Intl.NumberFormat(locale, opts);
    } catch {
      // An unknown locale falls back to English; an invalid currency code still throws (caller bug).
      nf = new Intl.NumberFormat('en-US', opts);
    }
    formatters.set(key, nf);
  }
  return nf;
}

/** ISO 4217 exponent through Intl: USD 2, JPY 0, KWD 3. Unknown or malformed codes answer 2. */
export function currencyExponent(currency: string): number {
  let e = exponents.get(currency);
  if (e === undefined) {
    try {
      e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      e = 2;
    }
    exponents.set(currency, e);
  }
  return e;
}

/** Decimal string of `minor / 10^exp`, exactly (BigInt), e.g. (123456, 2) -> "1234.56". */
export function minorToDecimal(minor: number, exp: number): string {
  const neg = minor < 0;
  const digits = BigInt(Math.trunc(Math.abs(minor))).toString().padStart(exp + 1, '0');
  const int = digits.slice(0, digits.length - exp);
  const frac = digits.slice(digits.length - exp);
  return `${neg ? '-' : ''}${int}${exp ? `.${frac}` : ''}`;
}

/**
 * Formats integer minor units for a locale, exactly: the amount goes to Intl as a decimal string,
 * so no float error can creep in, even near Number.MAX_SAFE_INTEGER. A fractional number of minor
 * units is a caller bug; its fraction is dropped.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const exp = currencyExponent(currency);
  const nf = formatter(locale, currency);
  if (!Number.isFinite(minor)) return nf.format(minor); // "$NaN": honest, and never a throw in a render
  // Intl.NumberFormat v3 formats decimal strings exactly (Chrome 106+, Node 19+).
  return nf.format(minorToDecimal(minor, exp) as unknown as number);
}

export type AmountCheck =
  | { ok: true; value: number }
  | { ok: false; error: 'not_integer' | 'negative' | 'unsafe' | 'wrong_currency'; message: string };

/** Validates an amount of minor units crossing a boundary (host answer, form, event detail). */
export function checkAmount(value: unknown, currency: string, expectedCurrency?: string): AmountCheck {
  if (expectedCurrency !== undefined && currency.toUpperCase() !== expectedCurrency.toUpperCase()) {
    return { ok: false, error: 'wrong_currency', message: `Amount is in ${currency}, expected ${expectedCurrency}.` };
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { ok: false, error: 'not_integer', message: 'Amount must be a whole number of minor units.' };
  }
  if (value < 0) return { ok: false, error: 'negative', message: 'Amount cannot be negative.' };
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'unsafe', message: 'Amount is too large to be exact.' };
  return { ok: true, value };
}

/** Money for people that never throws in a render: an unknown currency shows as `1500 XYZ`. */
export function formatMoneyOr(minor: number, currency: string, locale: string): string {
  try {
    return formatMoney(minor, currency, locale);
  } catch {
    return `${minor} ${currency}`;
  }
}
