import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkAmount, currencyExponent, formatMoney } from '../../src/core/money.js';
import { parseMoney } from '../../src/core/money-parse.js';

const ok = (text: string, currency: string, locale: string) => {
  const r = parseMoney(text, currency, locale);
  if (!r.ok) throw new Error(`parseMoney(${JSON.stringify(text)}, ${currency}, ${locale}) failed: ${r.error}`);
  return r.value;
};
const err = (text: string, currency: string, locale: string) => {
  const r = parseMoney(text, currency, locale);
  return r.ok ? `ok:${r.value}` : r.error;
};

describe('money: integer minor units (R6, R7)', () => {
  it('takes the ISO 4217 exponent from Intl: USD 2, JPY 0, KWD 3', () => {
    expect(currencyExponent('USD')).to.equal(2);
    expect(currencyExponent('EUR')).to.equal(2);
    expect(currencyExponent('JPY')).to.equal(0);
    expect(currencyExponent('KWD')).to.equal(3);
  });

  it('formats minor units for the locale, with 0, 2 and 3 decimals', () => {
    expect(formatMoney(1250, 'USD', 'en-US')).to.equal('$12.50');
    expect(formatMoney(123456, 'EUR', 'de-DE')).to.equal('1.234,56\u00a0€');
    expect(formatMoney(1234, 'JPY', 'en-US')).to.equal('¥1,234');
    expect(formatMoney(12345, 'KWD', 'en-US')).to.match(/12\.345/);
    expect(formatMoney(5, 'USD', 'en-US')).to.equal('$0.05');
    expect(formatMoney(-250, 'USD', 'en-US')).to.equal('-$2.50');
    expect(formatMoney(NaN, 'USD', 'en-US')).to.equal('$NaN');
  });

  it('formats exactly near the largest safe integer (no float error)', () => {
    expect(formatMoney(9007199254740991, 'USD', 'en-US')).to.equal('$90,071,992,547,409.91');
    expect(formatMoney(9007199254740991, 'KWD', 'en-US')).to.contain('9,007,199,254,740.991');
  });

  it('parses what people type: dots, commas, symbols, codes, NBSP and bidi marks', () => {
    expect(ok('12.50', 'USD', 'en-US')).to.equal(1250);
    expect(ok('12,50', 'EUR', 'de-DE')).to.equal(1250);
    expect(ok('1.234,56', 'EUR', 'de-DE')).to.equal(123456);
    expect(ok('1,234.56', 'USD', 'en-US')).to.equal(123456);
    expect(ok('¥1,234', 'JPY', 'en-US')).to.equal(1234);
    expect(ok('12.345 KWD', 'KWD', 'en-US')).to.equal(12345);
    expect(ok('\u200f12\u00a0€', 'EUR', 'de-DE')).to.equal(1200);
    expect(ok(' $ 7 ', 'USD', 'en-US')).to.equal(700);
    expect(ok('.5', 'USD', 'en-US')).to.equal(50);
    expect(ok('12.500', 'USD', 'en-US')).to.equal(1250);
    expect(ok('1 234,56', 'EUR', 'fr-FR')).to.equal(123456);
    expect(ok('١٢٫٥٠', 'USD', 'ar-EG')).to.equal(1250);
    expect(ok('1,23,456.78', 'INR', 'en-IN')).to.equal(12345678);
  });

  it('reads a single separator followed by three digits as grouping', () => {
    expect(ok('1,234', 'USD', 'en-US')).to.equal(123400);
    expect(ok('1.234', 'JPY', 'de-DE')).to.equal(1234);
    expect(ok('1.234', 'EUR', 'de-DE')).to.equal(123400);
  });

  it('returns a typed error, never throws, for bad input', () => {
    expect(err('', 'USD', 'en-US')).to.equal('empty');
    expect(err('   ', 'USD', 'en-US')).to.equal('empty');
    expect(err('abc', 'USD', 'en-US')).to.equal('not_a_number');
    expect(err('12abc', 'USD', 'en-US')).to.equal('not_a_number');
    expect(err('1e5', 'USD', 'en-US')).to.equal('not_a_number');
    expect(err('1,,2', 'USD', 'en-US')).to.equal('not_a_number');
    expect(err('1.234.5', 'USD', 'en-US')).to.equal('not_a_number');
    expect(err('-5', 'USD', 'en-US')).to.equal('negative');
    expect(err('(5.00)', 'USD', 'en-US')).to.equal('negative');
    expect(err('12.345', 'USD', 'en-US')).to.equal('too_many_decimals');
    expect(err('12.5', 'JPY', 'en-US')).to.equal('too_many_decimals');
    expect(err('99999999999999999', 'USD', 'en-US')).to.equal('too_large');
    expect(err('Infinity', 'USD', 'en-US')).to.equal('not_a_number');
    expect(err('NaN', 'USD', 'en-US')).to.equal('not_a_number');
  });

  it('checkAmount rejects floats, negatives, unsafe numbers and the wrong currency', () => {
    expect(checkAmount(1250, 'USD', 'USD')).to.deep.equal({ ok: true, value: 1250 });
    expect(checkAmount(12.5, 'USD')).to.include({ ok: false, error: 'not_integer' });
    expect(checkAmount('1250', 'USD')).to.include({ ok: false, error: 'not_integer' });
    expect(checkAmount(NaN, 'USD')).to.include({ ok: false, error: 'not_integer' });
    expect(checkAmount(-1, 'USD')).to.include({ ok: false, error: 'negative' });
    expect(checkAmount(2 ** 60, 'USD')).to.include({ ok: false, error: 'unsafe' });
    expect(checkAmount(100, 'EUR', 'USD')).to.include({ ok: false, error: 'wrong_currency' });
  });
});

describe('money: properties', () => {
  const cases: Array<[string, string]> = [
    ['USD', 'en-US'],
    ['USD', 'de-DE'],
    ['EUR', 'de-DE'],
    ['EUR', 'fr-FR'],
    ['JPY', 'ja-JP'],
    ['JPY', 'en-US'],
    ['JPY', 'de-DE'],
    ['KWD', 'en-US'],
    ['KWD', 'de-DE'],
    ['KWD', 'ar-EG'],
    ['USD', 'ar-EG'],
    ['INR', 'en-IN'],
    ['CHF', 'de-CH'],
  ];
  for (const [currency, locale] of cases) {
    it(`format/parse round trip never loses a minor unit (${currency}, ${locale})`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.maxSafeNat()), (minor) => {
          const text = formatMoney(minor, currency, locale);
          const back = parseMoney(text, currency, locale);
          return back.ok && back.value === minor;
        }),
        { numRuns: 300 },
      );
    });
  }

  it('parseMoney never throws and only yields safe non-negative integers', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'ja-JP'), fc.constantFrom('USD', 'JPY', 'KWD'), (s, locale, currency) => {
        const r = parseMoney(s, currency, locale);
        return !r.ok || (Number.isSafeInteger(r.value) && r.value >= 0);
      }),
      { numRuns: 500 },
    );
  });
});
