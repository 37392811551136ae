// Validation degrades per field and per widget (issue #21): text that is only longer than we like is
// kept whole and shown with a visual limit; a field no widget reads never fails a widget; the error
// that remains names the field and its size instead of blaming the connection.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { HostError } from '../../src/adapter/errors.js';
import { parseHostAnswer } from '../../src/adapter/schemas.js';
import { DEMO_IDS, demoSeed } from '../../src/adapter/demo-data.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sessionFor } from '../../src/adapter/session.js';
import '../../src/define/fund-meter.js';
import { WIDGETS, disposeAll, sharedAdapter, shadowText, type Mounted } from './helpers.js';

afterEach(disposeAll);

const context = (interaction: Record<string, unknown>) => ({
  agent: { id: 'a1', name: 'Dana', role: 'agent' },
  interaction: { id: 'i1', customerId: 'c1', channel: 'chat', startedAt: '2026-01-01T00:00:00Z', ...interaction },
  locale: 'en-US',
  currency: 'USD',
});
const incident = (summary: string) => ({
  id: 'inc-1', occurredAt: '2026-01-01T00:00:00Z', severity: 'high', category: 'Delivery', summary, resolved: false, remedies: [], surveyScore: 1,
});

describe('long host text: per field, per widget', () => {
  it('a 10,000-character subject is kept whole; the context is valid', () => {
    const parsed = parseHostAnswer('context', context({ subject: 'S'.repeat(10_000) }));
    expect(parsed.interaction?.subject).to.have.length(10_000);
    expect(parsed.interaction?.id).to.equal('i1');
  });

  it('a subject beyond what is read at all is dropped, the rest of the context stays', () => {
    const parsed = parseHostAnswer('context', context({ subject: 'S'.repeat(200_000), customerName: 'Ann' }));
    expect(parsed.interaction?.subject).to.equal(undefined);
    expect(parsed.interaction?.customerName).to.equal('Ann');
  });

  it('a required text beyond what is read fails with its name and size, not a generic message', () => {
    const error = ((): { code?: string; message?: string; details?: Record<string, unknown> } | null => {
      try {
        parseHostAnswer('history', { customer: { id: 'c1', name: 'Ann' }, incidents: [incident('x'.repeat(200_000))] });
        return null;
      } catch (e) {
        return e as HostError;
      }
    })();
    expect(error?.code).to.equal('invalid_response');
    expect(error?.message).to.contain('The console sent a summary of 200,000 characters');
    expect(error?.message).to.contain('incidents.0.summary');
    expect(error?.details?.length).to.equal(200_000);
  });

  it('a too-long id names the field and its size', () => {
    expect(() => parseHostAnswer('context', context({ customerId: 'c'.repeat(300) }))).to.throw(
      'The console sent a customer id of 300 characters',
    );
  });

  it('every widget works with a 10 kB subject (none shows "Could not reach the console")', async () => {
    const adapter = sharedAdapter();
    const interaction = { ...(await adapter.getContext()).interaction!, subject: 'Subject line '.repeat(800) };
    adapter.setInteraction(interaction);
    const mounted: Mounted[] = [];
    for (const widget of WIDGETS) mounted.push(await widget.mount({ adapter }));
    const meter = await fixture<HTMLElement>(html`<mend-fund-meter .adapter=${adapter}></mend-fund-meter>`);
    await waitUntil(() => meter.shadowRoot!.querySelector('[part~="remaining"]'), 'the fund meter shows the fund', { timeout: 5000 });
    for (const m of mounted) {
      expect(shadowText(m.el)).not.to.contain('Could not');
      expect(shadowText(m.el)).not.to.contain('malformed');
    }
  });

  it('the banner keeps a 10,000-character summary whole, within a visual limit the keyboard can scroll', async () => {
    const seed = demoSeed();
    const long = 'The parcel was lost. '.repeat(480); // about 10,000 characters
    const customer = DEMO_IDS.customers.heavy;
    const history = seed.histories!.find((h) => h.customer.id === customer)!;
    history.incidents = [{ ...history.incidents[0], summary: long }, ...history.incidents.slice(1)];
    const adapter = new MemoryAdapter(
      { ...seed, context: { interaction: { id: `int-long-${Date.now()}`, customerId: customer, channel: 'chat', startedAt: new Date().toISOString() } } },
      { latency: 1 },
    );
    const el = await fixture<HTMLElement & { state: string }>(html`<mend-baggage-banner .adapter=${adapter}></mend-baggage-banner>`);
    await waitUntil(() => el.state === 'ready' || el.state === 'error', 'the banner settles', { timeout: 5000 });
    expect(el.state).to.equal('ready');
    const summary = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="summary"]')].find((p) => p.textContent!.length > 9000)!;
    expect(summary, 'the whole text is there').to.exist;
    expect(summary.textContent!.trim()).to.equal(long.trim());
    expect(summary.clientHeight, 'a visual limit').to.be.below(summary.scrollHeight);
    expect(summary.tabIndex, 'reachable by keyboard').to.equal(0);
    await expect(el).to.be.accessible();
    await sessionFor(adapter).openOutbox().then((o) => o.dispose());
  });

  it('a history that cannot be read says what the console sent, not that it could not be reached', async () => {
    const adapter = sharedAdapter();
    const interaction = (await adapter.getContext()).interaction!;
    adapter.malformNext('getHistory', { customer: { id: interaction.customerId, name: 'Ann' }, incidents: [incident('y'.repeat(150_000))] });
    const el = await fixture<HTMLElement & { state: string }>(html`<mend-baggage-banner .adapter=${adapter}></mend-baggage-banner>`);
    await waitUntil(() => el.state === 'error', 'the banner shows the error', { timeout: 5000 });
    const words = shadowText(el);
    expect(words).to.contain('The console sent a summary of 150,000 characters');
    expect(words).not.to.contain('Could not reach the console');
  });
});
