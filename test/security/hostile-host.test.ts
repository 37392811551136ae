// Hostile and broken hosts (issue #11): fast-check mutates valid answers of every adapter read
// (wrong types, missing fields, floats and NaN for money, huge arrays, whole answers replaced) and
// every widget that shows the read must end in its error state with a working Retry, throw nothing
// uncaught, and never show any part of the bad answer. Prototype-pollution keys change nothing.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html } from 'lit';
import type { MemoryMethod } from '../../src/adapter/memory-adapter.js';
import { parseHostAnswer, type AnswerName } from '../../src/adapter/schemas.js';
import type { Agent, Interaction } from '../../src/core/model.js';
import { DEFAULT_POLICY } from '../../src/core/recovery.js';
import { errorWithRetry, makeFund, mount, q, settled, trap, until, world, type WidgetTag } from './helpers.js';

const RUNS = 20;
/** Every text of a base answer carries this mark: it must never reach the screen from a bad answer. */
const MARK = 'ZZBAD';
/** A budget whose formatted amount ($7,777.77) would show if a bad fund leaked. */
const BUDGET = 777_777;

type Ids = { agent: Agent; interaction: Interaction };
const READS = ['context', 'history', 'policy', 'fund', 'taxonomy', 'recurrence'] as const;
type Read = (typeof READS)[number];
const METHOD: Record<Read, MemoryMethod> = {
  context: 'getContext',
  history: 'getHistory',
  policy: 'getPolicy',
  fund: 'getFund',
  taxonomy: 'getTaxonomy',
  recurrence: 'getRecurrence',
};

/** A valid answer for each read, in the world of `ids`, with the mark in every text. */
function validAnswer(read: Read, { agent, interaction }: Ids): unknown {
  const at = new Date(Date.now() - 86_400_000).toISOString();
  switch (read) {
    case 'context':
      return {
        agent: { ...agent, name: `${MARK} agent` },
        interaction: { ...interaction, customerName: `${MARK} name`, subject: `${MARK} subject` },
        locale: 'en-US',
        currency: 'USD',
      };
    case 'history':
      return {
        customer: { id: interaction.customerId, name: `${MARK} customer`, tier: 'gold' },
        incidents: [1, 2].map((n) => ({
          id: `inc-${n}`,
          occurredAt: at,
          severity: 'high',
          category: `${MARK} category ${n}`,
          summary: `${MARK} summary ${n}`,
          resolved: false,
          remedies: [{ kind: 'compensation', label: `${MARK} credit`, amount: 1500, currency: 'USD' }],
          surveyScore: 1,
        })),
      };
    case 'policy':
      return { ...DEFAULT_POLICY, offers: DEFAULT_POLICY.offers.map((o) => ({ ...o, label: `${MARK} ${o.label}` })) };
    case 'fund':
      return makeFund(agent.id, {
        budget: BUDGET,
        ledger: [1, 2].map((n) => ({ id: `led-${n}`, at, amount: 1234, reason: `${MARK}_reason`, interactionId: `${MARK}-int`, status: 'done' })),
      });
    case 'taxonomy':
      return {
        version: 2,
        departments: [{ id: 'warehouse', name: `${MARK} department` }],
        causes: [{ id: 'rc-1', label: `${MARK} cause`, category: `${MARK} category`, departmentId: 'warehouse', keywords: ['zz'] }],
      };
    case 'recurrence':
      return [{ causeId: 'rc-1', count: 99 }];
  }
}

const ANSWER: Record<Read, AnswerName> = { context: 'context', history: 'history', policy: 'policy', fund: 'fund', taxonomy: 'taxonomy', recurrence: 'recurrence' };
const isValid = (read: Read, value: unknown) => {
  try {
    parseHostAnswer(ANSWER[read], value);
    return true;
  } catch {
    return false;
  }
};

// ---- mutations --------------------------------------------------------------------------------

type Path = Array<string | number>;
/** Every path into `value` (arrays: their first two items), the root included. */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.slice(0, 2).forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

const DELETE = Symbol('delete');
const HUGE = () => Array.from({ length: 20_000 }, (_, i) => `${MARK}${i}`);
/** Bad values: wrong types, floats and NaN where integers go, out-of-range numbers, huge arrays. */
const badValue = fc.oneof(
  fc.constantFrom<unknown>(DELETE, null, NaN, Infinity, -Infinity, -1, 12.5, 0.1 + 0.2, 2 ** 53 + 2, -0.5, true, false, '', '12.50', [], {}, [null]),
  fc.string({ maxLength: 8 }).map((s) => `${MARK}${s}`),
  fc.double({ noInteger: true }),
  fc.integer({ min: -1e9, max: -1 }),
  fc.constant(null).map(HUGE),
  fc.string({ minLength: 5000, maxLength: 5000 }).map((s) => MARK + s),
  fc.constant(null).map(() => ({ [MARK]: MARK })),
);

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value === DELETE ? undefined : value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** One to three mutations of a valid answer, kept only when the result is really invalid. */
const malformed = (read: Read, base: unknown) =>
  fc
    .array(fc.tuple(fc.constantFrom(...paths(base)), badValue), { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce<unknown>((value, [path, bad]) => {
      try {
        return setAt(value, path, bad);
      } catch {
        return value; // the path is gone after an earlier edit
      }
    }, base))
    .filter((value) => !isValid(read, value));

// ---- widgets ----------------------------------------------------------------------------------

/** Which widgets show each read as an error state with a retry. */
const SHOWN_BY: Record<Read, WidgetTag[]> = {
  context: ['mend-baggage-banner', 'mend-offer-picker', 'mend-fund-meter', 'mend-root-cause-logger'],
  history: ['mend-baggage-banner', 'mend-offer-picker'],
  policy: ['mend-offer-picker'],
  fund: ['mend-fund-meter', 'mend-offer-picker'],
  taxonomy: ['mend-root-cause-logger'],
  recurrence: [],
};

/** The widget shows real data (the retry worked). */
const READY: Record<WidgetTag, (el: HTMLElement) => unknown> = {
  'mend-baggage-banner': (el) => el.getAttribute('state') === 'ready',
  'mend-offer-picker': (el) => q(el, '[part~="card-impact"]') && !q(el, '[part~="error"]'),
  'mend-fund-meter': (el) => q(el, '[part~="meter"]') && !q(el, '[part~="error"]'),
  'mend-root-cause-logger': (el) => q(el, '[role="combobox"]:not([disabled])') && !q(el, '[part~="error"]'),
};

async function showBad(tag: WidgetTag, read: Read, bad: (ids: Ids) => unknown): Promise<void> {
  const w = world({}, { latency: 0 });
  const value = bad(w);
  w.adapter.malformNext(METHOD[read], value);
  const t = trap();
  const c = await mount(html`${tagTemplate(tag, w)}`);
  const el = c.firstElementChild as HTMLElement;
  try {
    await until(() => errorWithRetry(el), `${tag} shows an error with Retry for a bad ${read}`, 2000);
    await settled(c);
    const markup = el.shadowRoot!.innerHTML;
    expect(markup.includes(MARK), `${tag} shows part of the bad ${read}`).to.equal(false);
    expect(markup.includes('7,777.77'), `${tag} shows the bad budget`).to.equal(false);
    expect(errorWithRetry(el)!.region.textContent, 'the error says what failed').to.match(/\S/);
    // Retry: the host answers well now.
    errorWithRetry(el)!.retry.click();
    await until(() => READY[tag](el), `${tag} recovers after Retry`, 2000);
  } finally {
    c.remove();
  }
  const found = t.release();
  expect(found.errors, 'uncaught errors').to.deep.equal([]);
}

function tagTemplate(tag: WidgetTag, w: ReturnType<typeof world>) {
  switch (tag) {
    case 'mend-baggage-banner':
      return html`<mend-baggage-banner .adapter=${w.adapter}></mend-baggage-banner>`;
    case 'mend-offer-picker':
      return html`<mend-offer-picker options-open .adapter=${w.adapter}></mend-offer-picker>`;
    case 'mend-fund-meter':
      return html`<mend-fund-meter .adapter=${w.adapter}></mend-fund-meter>`;
    case 'mend-root-cause-logger':
      return html`<mend-root-cause-logger .adapter=${w.adapter}></mend-root-cause-logger>`;
  }
}

// ---- tests ------------------------------------------------------------------------------------

describe('hostile hosts: malformed answers', () => {
  it('the base answers are valid (so every mutation below is what makes them bad)', () => {
    const ids = { agent: { id: 'a', name: 'A', role: 'agent' }, interaction: world().interaction };
    for (const read of READS) expect(isValid(read, validAnswer(read, ids)), read).to.equal(true);
  });

  for (const read of READS) {
    for (const tag of SHOWN_BY[read]) {
      it(`${tag}: a malformed ${read} is an error with Retry, nothing uncaught, no bad data shown`, async () => {
        // The mutation is drawn against a template world; ids are remapped to each run's world.
        const template = { agent: { id: 'AGENT', name: 'A', role: 'agent' }, interaction: { ...world().interaction, id: 'INT', customerId: 'CUST' } };
        const base = validAnswer(read, template);
        await fc.assert(
          fc.asyncProperty(malformed(read, base), async (bad) => {
            await showBad(tag, read, (ids) => remap(bad, ids));
          }),
          { numRuns: RUNS },
        );
      });
    }
  }

  it('root-cause logger: a malformed recurrence throws nothing and leaves the form usable', async () => {
    const template = { agent: { id: 'AGENT', name: 'A', role: 'agent' }, interaction: { ...world().interaction, id: 'INT', customerId: 'CUST' } };
    await fc.assert(
      fc.asyncProperty(malformed('recurrence', validAnswer('recurrence', template)), async (bad) => {
        const w = world({}, { latency: 0 });
        w.adapter.malformNext('getRecurrence', bad);
        const t = trap();
        const c = await mount(html`<mend-root-cause-logger .adapter=${w.adapter}></mend-root-cause-logger>`);
        const el = c.firstElementChild as HTMLElement;
        await until(() => READY['mend-root-cause-logger'](el), 'the logger is usable');
        await until(() => w.adapter.calls.getRecurrence > 0, 'recurrence asked');
        await settled(c);
        expect(el.shadowRoot!.innerHTML.includes(MARK)).to.equal(false);
        c.remove();
        expect(t.release().errors).to.deep.equal([]);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Put the run's real ids where the template's placeholders are. */
function remap(value: unknown, { agent, interaction }: Ids): unknown {
  const map: Record<string, string> = { AGENT: agent.id, INT: interaction.id, CUST: interaction.customerId };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return map[v] ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

describe('hostile hosts: prototype pollution', () => {
  const POLLUTERS = ['__proto__', 'constructor', 'prototype'];

  for (const read of ['context', 'history', 'policy', 'fund', 'taxonomy'] as const) {
    it(`${read}: __proto__ / constructor keys anywhere in an answer pollute nothing`, async () => {
      const template = { agent: { id: 'AGENT', name: 'A', role: 'agent' }, interaction: { ...world().interaction, id: 'INT', customerId: 'CUST' } };
      const base = validAnswer(read, template);
      const objectPaths = paths(base).filter((p) => {
        let node: unknown = base;
        for (const k of p) node = (node as Record<string | number, unknown>)[k];
        return !!node && typeof node === 'object' && !Array.isArray(node);
      });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...objectPaths), fc.constantFrom(...POLLUTERS), async (path, key) => {
          // JSON.parse makes `__proto__` an own key, the way a host's JSON answer would carry it.
          const json = JSON.stringify(base);
          const answer = JSON.parse(json) as Record<string, unknown>;
          let node = answer as Record<string | number, unknown>;
          for (const k of path) node = node[k] as Record<string | number, unknown>;
          Object.assign(node, JSON.parse(`{"${key}": {"polluted": "${MARK}", "prototype": {"polluted": "${MARK}"}, "isAdmin": true}}`));
          const w = world({}, { latency: 0 });
          w.adapter.malformNext(METHOD[read], remap(answer, w));
          const t = trap();
          const tag = (SHOWN_BY[read] ?? [])[0] ?? 'mend-baggage-banner';
          const c = await mount(tagTemplate(tag, w));
          const el = c.firstElementChild as HTMLElement;
          await until(() => READY[tag](el) || errorWithRetry(el), `${tag} settles`);
          await settled(c);
          c.remove();
          expect(t.release().errors).to.deep.equal([]);
          expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
          expect(({} as Record<string, unknown>).isAdmin).to.equal(undefined);
          expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
        }),
        { numRuns: 12 },
      );
    });
  }
});

describe('hostile hosts: the error states are accessible', () => {
  for (const tag of SHOWN_BY.context) {
    it(`${tag}: the error state of a malformed context passes axe and its Retry is keyboard-reachable`, async () => {
      const w = world({}, { latency: 0 });
      w.adapter.malformNext('getContext', { agent: null, interaction: 42 });
      const c = await mount(tagTemplate(tag, w));
      const el = c.firstElementChild as HTMLElement;
      await until(() => errorWithRetry(el), 'error state');
      const { region, retry } = errorWithRetry(el)!;
      expect(region.textContent).to.match(/malformed context/);
      expect(retry.tabIndex).to.equal(0);
      expect(retry.disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }
});
