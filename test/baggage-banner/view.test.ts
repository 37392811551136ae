// The banner's view model without an element: state, customer, history and assessment from the
// properties and the host's reads; the write keys, the talking points' order and the status line.
import { expect } from '@open-wc/testing';
import type { Read } from '../../src/controllers/reads.js';
import { bannerView, type BannerInputs } from '../../src/components/baggage-banner/baggage-banner.view.js';
import { statusLine, summary, talkingPoints } from '../../src/components/baggage-banner/baggage-banner.summary.js';
import { writeKey } from '../../src/core/write-key.js';
import type { CustomerHistory, HostContext, Interaction, RecoveryPolicy } from '../../src/core/model.js';
import { baggageFor } from '../../src/controllers/baggage.js';
import { heavyIncidents, lightIncidents, NOW } from './helpers.js';

const words = {
  t: (key: string, values: Record<string, string | number> = {}) => `${key}${Object.keys(values).length ? JSON.stringify(values) : ''}`,
  failure: (error?: { message?: string }) => error?.message ?? '',
  refresh: () => {},
};

const interaction: Interaction = { id: 'int-1', customerId: 'cust-1', channel: 'voice', startedAt: new Date(NOW).toISOString(), customerName: 'Carmen' };
const read = <T>(status: Read<T>['status'], value?: T, key: string | null = 'k', error?: { code: string; message: string }): Read<T> =>
  ({ key, status, value, error, retry() {} }) as Read<T>;
const context = read<HostContext>('ready', { interaction } as unknown as HostContext, 'context');

function host(more: Partial<NonNullable<BannerInputs['host']>> = {}): NonNullable<BannerInputs['host']> {
  const history: CustomerHistory = { customer: { id: 'cust-1', name: 'Carmen' }, incidents: heavyIncidents() };
  return {
    interaction,
    context: () => context,
    canHistory: true,
    history: () => read('ready', history, 'cust-1'),
    policy: () => read<RecoveryPolicy>('unsupported'),
    ...more,
  };
}

describe('banner view model (no DOM)', () => {
  it('without a host or properties it is idle; plain incidents make it ready with their assessment', () => {
    expect(bannerView({}, words, baggageFor)).to.deep.equal({ state: 'idle', interactionId: '' });
    const view = bannerView({ incidents: lightIncidents(), now: NOW, interactionId: 'int-9', customer: { id: 'c', name: 'Ann' } }, words, baggageFor);
    expect(view.state).to.equal('ready');
    expect(view.interactionId).to.equal('int-9');
    expect(view.customer?.name).to.equal('Ann');
    expect(view.assessment?.level).to.equal('light');
  });

  it('the same page-given incidents give the same history object (the assessment is computed once)', () => {
    const incidents = heavyIncidents();
    const a = bannerView({ incidents, now: NOW }, words, baggageFor);
    const b = bannerView({ incidents, now: NOW }, words, baggageFor);
    expect(a.history).to.equal(b.history);
    expect(a.assessment).to.equal(b.assessment);
  });

  it("follows the host: loading, the context's error with its words, unsupported, the history's error, ready", () => {
    expect(bannerView({ host: host({ context: () => read<HostContext>('loading') }) }, words, baggageFor).state).to.equal('loading');
    const unreachable = bannerView({ host: host({ context: () => read<HostContext>('error', undefined, 'context', { code: 'unavailable', message: 'down' }) }) }, words, baggageFor);
    expect(unreachable.state).to.equal('error');
    expect(unreachable.error?.text).to.equal('baggageErrorContext{"message":"down"}');
    const invalid = bannerView({ host: host({ context: () => read<HostContext>('error', undefined, 'context', { code: 'invalid_response', message: 'bad' }) }) }, words, baggageFor);
    expect(invalid.error?.text).to.equal('baggageErrorContextInvalid{"message":"bad"}');
    expect(bannerView({ host: host({ canHistory: false }) }, words, baggageFor)).to.deep.include({ state: 'unsupported' });
    const failed = bannerView({ host: host({ history: () => read<CustomerHistory>('error', undefined, 'cust-1', { code: 'timeout', message: 'slow' }) }) }, words, baggageFor);
    expect(failed.error?.text).to.equal('baggageErrorHistory{"message":"slow"}');
    const ready = bannerView({ host: host(), now: NOW }, words, baggageFor);
    expect(ready).to.deep.include({ state: 'ready', interactionId: 'int-1' });
    expect(ready.assessment?.level).to.equal('heavy');
  });

  it("never shows another customer's history: a read keyed to someone else is still loading", () => {
    const other: CustomerHistory = { customer: { id: 'cust-2', name: 'Other' }, incidents: heavyIncidents() };
    const view = bannerView({ host: host({ history: () => read('ready', other, 'cust-2') }) }, words, baggageFor);
    expect(view.state).to.equal('loading');
    expect(view.history).to.equal(undefined);
    expect(view.customer?.id).to.equal('cust-1');
  });

  it('waits for the policy while it loads; a given policy (whole or its baggage part) wins', () => {
    expect(bannerView({ host: host({ policy: () => read<RecoveryPolicy>('loading') }) }, words, baggageFor).state).to.equal('loading');
    // The light incident is 150 days old: a 100-day window leaves no baggage, given whole or as its part.
    expect(bannerView({ incidents: lightIncidents(), now: NOW, policy: { windowDays: 100 } }, words, baggageFor).assessment?.level).to.equal('none');
    const whole = { baggage: { windowDays: 100 } } as unknown as RecoveryPolicy;
    expect(bannerView({ host: host({ policy: () => read('ready', whole) }), incidents: lightIncidents(), now: NOW }, words, baggageFor).assessment?.level).to.equal('none');
    expect(bannerView({ incidents: lightIncidents(), now: NOW }, words, baggageFor).assessment?.level).to.equal('light');
  });

  it('without the assessment rules (still loading) it is loading; a part that failed to load is the error with a Retry', () => {
    expect(bannerView({ incidents: heavyIncidents(), now: NOW }, words).state).to.equal('loading');
    let retried = 0;
    const view = bannerView({ incidents: heavyIncidents(), unloaded: { code: 'unavailable', message: 'offline' } as never }, { ...words, refresh: () => retried++ });
    expect(view.state).to.equal('error');
    expect(view.error?.text).to.equal('errorPrefix{"message":"offline"}');
    view.error?.retry();
    expect(retried).to.equal(1);
  });

  it('write keys are per interaction and kind, per customer without an interaction', () => {
    expect(writeKey('acknowledgeBaggage', { state: 'ready', interactionId: 'int-1' })).to.equal('ack:int-1');
    expect(writeKey('requestCallback', { state: 'ready', interactionId: '', customer: { id: 'c-2', name: '' } })).to.equal('callback:customer:c-2');
  });

  it('talking points in the order they are said; the status line names each write that has words', () => {
    const view = bannerView({ incidents: heavyIncidents(), now: NOW }, words, baggageFor);
    const order = talkingPoints(view.assessment!).map((p) => p.behaviour);
    const rank = { acknowledge: 0, own: 1, transparent: 2 } as const;
    expect(order.length).to.be.greaterThan(0);
    expect([...order].sort((a, b) => rank[a] - rank[b])).to.deep.equal(order);
    expect(statusLine([['Acknowledge', 'Delivered.'], ['Request callback', '']])).to.equal('Acknowledge: Delivered.');
    expect(statusLine([['A', ''], ['B', '']])).to.equal('');
  });

  it('closed, the summary keeps what the agent must see; acknowledging folds the talking points away', () => {
    const a = bannerView({ incidents: heavyIncidents(), now: NOW }, words, baggageFor).assessment!;
    const before = summary(a, false, false);
    expect(before).to.include({ closed: true, quietTalk: false, more: true, open: true, controls: 'reasons notable talk' });
    expect(summary(a, false, true)).to.include({ quietTalk: true, more: true });
    expect(summary(a, true, true)).to.include({ closed: false, quietTalk: false });
    // One unresolved incident alone, acknowledged: the R12 reason and the talking points are still behind the toggle.
    const one = bannerView({ incidents: [heavyIncidents()[0]!], now: NOW }, words, baggageFor).assessment!;
    expect(summary(one, false, true).more).to.equal(true);
    expect(summary({ ...one, reasons: one.reasons.slice(0, 1) }, false, false).more, 'nothing more to show').to.equal(false);
  });
});
