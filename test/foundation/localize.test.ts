// The localization controller: plural forms by Intl.PluralRules, the page's words over the
// defaults, facts filled as text.
import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { LocalizeController } from '../../src/controllers/localize.js';

function words(own: Record<string, string>, page: Record<string, string> | undefined, locale = 'en-US') {
  const host = { addController: (_c: ReactiveController) => {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  return new LocalizeController(host, { replacements: () => [page], defaults: () => own, locale: () => locale });
}

const english = { found: '{count} root causes found.', 'found.one': '{count} root cause found.', plain: 'Retry in {count}' };

describe('LocalizeController', () => {
  it('picks the English plural form by count', () => {
    const l = words(english, undefined);
    expect(l.t('found', { count: 1 })).to.equal('1 root cause found.');
    expect(l.t('found', { count: 0 })).to.equal('0 root causes found.');
    expect(l.t('found', { count: 3 })).to.equal('3 root causes found.');
  });

  it("a translation supplies its own language's forms (Polish: one, few, many)", () => {
    const pl = { 'found.one': 'Znaleziono {count} przyczynę.', 'found.few': 'Znaleziono {count} przyczyny.', 'found.many': 'Znaleziono {count} przyczyn.' };
    const l = words(english, pl, 'pl-PL');
    expect(l.t('found', { count: 1 })).to.equal('Znaleziono 1 przyczynę.');
    expect(l.t('found', { count: 3 })).to.equal('Znaleziono 3 przyczyny.');
    expect(l.t('found', { count: 5 })).to.equal('Znaleziono 5 przyczyn.');
    expect(l.t('found', { count: 22 })).to.equal('Znaleziono 22 przyczyny.');
  });

  it("the page's one sentence for all counts wins over the English forms", () => {
    const l = words(english, { found: 'Gefundene Ursachen: {count}.' }, 'de-DE');
    expect(l.t('found', { count: 1 })).to.equal('Gefundene Ursachen: 1.');
    expect(l.t('found', { count: 4 })).to.equal('Gefundene Ursachen: 4.');
  });

  it('keys without forms, counts given as text, and unknown keys', () => {
    const l = words(english, undefined);
    expect(l.t('plain', { count: 1 })).to.equal('Retry in 1');
    expect(l.t('found', { count: '1,000' })).to.equal('1,000 root causes found.');
    expect(l.t('nowhere')).to.equal('nowhere');
    expect(l.t('toString')).to.equal('toString', 'an inherited member is not a string of the table');
  });

  it('fills facts as text, never markup', () => {
    const l = words({ hi: 'Hello {name}' }, undefined);
    expect(l.t('hi', { name: '<img src=x onerror=pwn()>' })).to.equal('Hello <img src=x onerror=pwn()>');
  });
});
