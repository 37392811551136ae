// Hostile amounts (issue #11): negative, fractional minor units, beyond safe integers, NaN or in
// the wrong currency are refused with a clear message in the core (checkAmount), at the host
// boundary (answers and the server's spend), and in the picker's custom amount typed by the agent.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html } from 'lit';
import { parseHostAnswer } from '../../src/adapter/schemas.js';
import { sessionFor } from '../../src/adapter/session.js';
import type { SpendRequest } from '../../src/adapter/host-adapter.js';
import { checkAmount } from '../../src/core/money.js';
import { DEFAULT_POLICY } from '../../src/core/recovery.js';
import { makeFund, mount, q, settled, text, tick, until, world } from './helpers.js';

const BAD: Array<[string, unknown]> = [
  ['negative', -1],
  ['fractional minor units', 12.5],
  ['float error', 0.1 + 0.2],
  ['beyond safe integers', Number.MAX_SAFE_INTEGER + 2],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['a string', '1500'],
];

describe('amounts: core checkAmount', () => {
  it('refuses each kind of bad amount with its own clear message', () => {
    expect(checkAmount(-1, 'USD')).to.deep.equal({ ok: false, error: 'negative', message: 'Amount cannot be negative.' });
    expect(checkAmount(12.5, 'USD')).to.include({ ok: false, error: 'not_integer' });
    expect(checkAmount(NaN, 'USD')).to.include({ ok: false, error: 'not_integer' });
    expect(checkAmount('1500', 'USD')).to.include({ ok: false, error: 'not_integer' });
    expect(checkAmount(Number.MAX_SAFE_INTEGER + 2, 'USD')).to.include({ ok: false, error: 'unsafe' });
    const wrong = checkAmount(1500, 'EUR', 'USD');
    expect(wrong).to.include({ ok: false, error: 'wrong_currency' });
    expect((wrong as { message: string }).message).to.equal('Amount is in EUR, expected USD.');
    expect(checkAmount(1500, 'usd', 'USD')).to.deep.equal({ ok: true, value: 1500 });
  });

  it('property: exactly the safe non-negative integers pass', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.maxSafeInteger()), (n) => {
        const r = checkAmount(n, 'USD', 'USD');
        expect(r.ok).to.equal(n >= 0);
      }),
    );
    fc.assert(
      fc.property(fc.double({ noInteger: true }), (x) => {
        const r = checkAmount(x, 'USD');
        expect(r.ok).to.equal(false);
        expect((r as { message: string }).message).to.match(/\S/);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 2 ** 53, max: 1e300, noNaN: true }), (x) => {
        expect(checkAmount(x, 'USD').ok).to.equal(false);
      }),
    );
  });
});

describe('amounts: the host boundary', () => {
  const fund = () => makeFund('agent-x', { ledger: [{ id: 'l1', at: new Date().toISOString(), amount: 100, reason: 'goodwill', interactionId: 'i1', status: 'done' }] });
  const MONEY_FIELDS: Array<[string, (value: unknown) => [Parameters<typeof parseHostAnswer>[0], unknown]]> = [
    ['fund.budget', (v) => ['fund', { ...fund(), budget: v }]],
    ['fund.spent', (v) => ['fund', { ...fund(), spent: v }]],
    ['fund.perActionCap', (v) => ['fund', { ...fund(), perActionCap: v }]],
    ['fund.ledger.0.amount', (v) => ['fund', { ...fund(), ledger: [{ ...fund().ledger[0]!, amount: v }] }]],
    ['policy.offers.4.amount', (v) => ['policy', { ...DEFAULT_POLICY, offers: DEFAULT_POLICY.offers.map((o, i) => (i === 4 ? { ...o, amount: v } : o)) }]],
    ['policy.authority.0.maxPerAction', (v) => ['policy', { ...DEFAULT_POLICY, authority: [{ role: 'agent', maxPerAction: v }] }]],
    ['spend.fund.pending', (v) => ['spend', { status: 'done', entryId: 'e1', fund: { ...fund(), pending: v } }]],
  ];

  for (const [field, make] of MONEY_FIELDS) {
    it(`a host answer with a bad ${field} is refused, naming the field`, () => {
      for (const [what, value] of BAD) {
        const [name, answer] = make(value);
        let error: { code?: string; message?: string; details?: { path?: string } } | undefined;
        try {
          parseHostAnswer(name, answer);
        } catch (e) {
          error = e as typeof error;
        }
        expect(error, `${field} = ${what}`).to.exist;
        expect(error!.code).to.equal('invalid_response');
        expect(error!.details?.path, what).to.equal(field.split('.').slice(1).join('.'));
        expect(error!.message).to.include(`field "${error!.details!.path}"`);
      }
    });
  }

  it('a currency that is not an ISO 4217 code is refused', () => {
    for (const currency of ['usd', 'US', 'EURO', '', '$', 'U$D', null]) {
      expect(() => parseHostAnswer('fund', { ...fund(), currency }), String(currency)).to.throw(/field "currency"/);
    }
  });

  it('the host refuses a spend that is negative, fractional, unsafe or in the wrong currency, with a message', async () => {
    const w = world();
    const session = sessionFor(w.adapter);
    const base: SpendRequest = {
      idempotencyKey: 'k',
      agentId: w.agent.id,
      interactionId: w.interaction.id,
      customerId: w.interaction.customerId,
      at: new Date().toISOString(),
      amount: 1000,
      currency: 'USD',
      reason: 'goodwill',
      expectedVersion: 1,
    };
    const cases: Array<[string, Partial<SpendRequest>, RegExp]> = [
      ['negative', { amount: -500 }, /./],
      ['fractional', { amount: 12.5 }, /./],
      ['unsafe', { amount: Number.MAX_SAFE_INTEGER + 2 }, /./],
      ['wrong currency', { currency: 'EUR' }, /in USD.*EUR.*refused/],
    ];
    for (const [what, change, message] of cases) {
      const result = await session.spend({ ...base, ...change, idempotencyKey: `k-${what}` }).catch((e: Error) => ({ status: 'rejected', message: e.message }));
      expect(result.status, what).to.equal('rejected');
      expect(result.message, what).to.match(message);
    }
    expect(w.adapter.received.filter((r) => r.kind === 'spend' && (r.answer as { status: string }).status !== 'rejected')).to.deep.equal([]);
    const after = await w.adapter.getFund(w.agent.id);
    expect(after.spent).to.equal(makeFund(w.agent.id).spent);
  });
});

describe('amounts: typed by the agent in the picker', () => {
  async function refundPicker(currency = 'USD') {
    const w = world(({ agent }) => ({
      context: { agent, interaction: null, locale: 'en-US', currency },
      policy: { ...DEFAULT_POLICY, currency },
      funds: [makeFund(agent.id, { currency })],
    }));
    w.adapter.setInteraction(w.interaction);
    const c = await mount(html`<mend-offer-picker options-open .adapter=${w.adapter} locale="en-US"></mend-offer-picker>`);
    const el = c.firstElementChild as HTMLElement & { checkValidity(): boolean };
    await until(() => q(el, '[part~="impact"]') && q(el, '[role="radio"][data-id="refund"]'), 'picker ready');
    const fix = [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('label.check')].find((l) => /Fix or replace/.test(l.textContent ?? ''))!;
    fix.querySelector('input')!.click();
    q(el, '[role="radio"][data-id="refund"]')!.click();
    await settled(c);
    const input = q<HTMLInputElement>(el, '#amount')!;
    const type = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await settled(c);
    };
    return { w, el, c, input, type };
  }

  const TYPED: Array<[string, string, RegExp]> = [
    ['negative', '-5', /cannot be negative/],
    ['negative in brackets', '(5.00)', /cannot be negative/],
    ['fractional cents', '12.345', /Too many decimals for USD/],
    ['beyond safe integers', '99999999999999999999', /too large/],
    ['not a number', 'NaN', /Enter an amount like \$12\.50/],
    ['infinity', 'Infinity', /Enter an amount like/],
    ['exponent', '1e5', /Enter an amount like/],
    ['script', '<img src=x onerror=pwn()>', /Enter an amount like/],
  ];

  for (const [what, typed, message] of TYPED) {
    it(`refuses ${what} ("${typed}") with a clear message, and Confirm spends nothing`, async () => {
      const { w, el, input, type, c } = await refundPicker();
      await type(typed);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const hint = q(el, '#amount-hint')!;
      expect(text(hint)).to.match(message);
      expect(input.getAttribute('aria-describedby')).to.equal('amount-hint');
      expect(el.checkValidity()).to.equal(false);
      q<HTMLButtonElement>(el, '[part~="confirm"]')!.click();
      await settled(c);
      await tick(20);
      expect(w.adapter.calls.spend).to.equal(0);
      expect(w.adapter.received).to.deep.equal([]);
      expect(text(q(el, '[part~="message"]'))).to.match(message);
    });
  }

  it('a zero-decimal currency refuses fractions: 12.5 JPY', async () => {
    const { input, type, el } = await refundPicker('JPY');
    await type('12.5');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(q(el, '#amount-hint'))).to.match(/Too many decimals for JPY/);
  });

  it('a valid amount is accepted (the control): 12.50 is 1250 minor units', async () => {
    const { input, type, el } = await refundPicker();
    await type('12.50');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(JSON.parse((el as unknown as { value: string }).value)).to.deep.include({ offerId: 'refund', kind: 'compensation', label: 'Refund', amount: 1250 });
  });
});

