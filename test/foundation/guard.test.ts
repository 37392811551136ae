import { expect } from '@open-wc/testing';
import { guardHost, callHost } from '../../src/adapter/guard.js';
import { HostError, toHostError } from '../../src/adapter/errors.js';
import type { HostAdapter } from '../../src/adapter/host-adapter.js';
import { CAPABILITIES } from '../../src/adapter/host-adapter.js';
import { rejection } from '../helpers/errors.js';

const all = Object.fromEntries(CAPABILITIES.map((c) => [c, true])) as HostAdapter['capabilities'];

function adapterAnswering(answers: Partial<Record<keyof HostAdapter, unknown>>, capabilities = all): HostAdapter {
  const fn = (name: keyof HostAdapter) => async () => {
    const v = answers[name];
    if (v instanceof Error) throw v;
    return v;
  };
  return {
    capabilities,
    getContext: fn('getContext'),
    getHistory: fn('getHistory'),
    getPolicy: fn('getPolicy'),
    getFund: fn('getFund'),
    getTaxonomy: fn('getTaxonomy'),
    getRecurrence: fn('getRecurrence'),
    recordRecovery: fn('recordRecovery'),
    spend: fn('spend'),
    logRootCause: fn('logRootCause'),
    acknowledgeBaggage: fn('acknowledgeBaggage'),
    requestCallback: fn('requestCallback'),
    on: () => () => {},
  } as unknown as HostAdapter;
}


describe('guardHost: the validated host boundary', () => {
  it('a malformed answer becomes invalid_response naming the bad field', async () => {
    const host = guardHost(
      adapterAnswering({
        getHistory: {
          customer: { id: 'c1', name: 'Ann' },
          incidents: [
            { id: 'i1', occurredAt: '2026-01-01T00:00:00Z', severity: 'low', category: 'x', summary: 's', resolved: true, remedies: [], surveyScore: null },
            { id: 'i2', occurredAt: 'yesterday', severity: 'low', category: 'x', summary: 's', resolved: true, remedies: [], surveyScore: null },
          ],
        },
      }),
    );
    const error = await rejection(host.getHistory('c1'));
    expect(error).to.be.instanceOf(HostError);
    expect(error.code).to.equal('invalid_response');
    expect(error.details.path).to.equal('incidents.1.occurredAt');
    expect(error.message).to.contain('incidents.1.occurredAt');
  });

  it('money as a float is refused at the boundary', async () => {
    const host = guardHost(
      adapterAnswering({
        getFund: {
          agentId: 'a', currency: 'USD', budget: 200.5, spent: 0, pending: 0, perActionCap: 1, approvalThreshold: 1,
          period: 'week', periodStart: '2026-01-01T00:00:00Z', periodEnd: '2026-01-08T00:00:00Z', version: 1, ledger: [],
        },
      }),
    );
    const error = await rejection(host.getFund('a'));
    expect(error.code).to.equal('invalid_response');
    expect(error.details.path).to.equal('budget');
  });

  it('a missing capability is unsupported, not a failure of the host', async () => {
    const host = guardHost(adapterAnswering({}, { ...all, history: false }));
    const error = await rejection(host.getHistory('c1'));
    expect(error.code).to.equal('unsupported');
    expect(error.retryable).to.equal(false);
  });

  it('a host that throws a plain TypeError yields a HostError, never the TypeError', async () => {
    const host = guardHost(adapterAnswering({ getPolicy: new TypeError('x is undefined') }));
    const error = await rejection(host.getPolicy());
    expect(error).to.be.instanceOf(HostError);
    expect(error.code).to.equal('unavailable');
  });

  it('structured host errors keep their code (Amazon Connect style)', () => {
    const e = toHostError({ code: 'permission', message: 'Agent may not refund' });
    expect(e.code).to.equal('permission');
    expect(e.retryable).to.equal(false);
  });

  it('applies a time-out and aborts the host call', async () => {
    let aborted = false;
    const error = await rejection(
      callHost(
        (signal) =>
          new Promise(() => {
            signal.addEventListener('abort', () => (aborted = true));
          }),
        { timeoutMs: 30 },
      ),
    );
    expect(error.code).to.equal('timeout');
    expect(error.retryable).to.equal(true);
    expect(aborted).to.equal(true);
  });

  it('the caller can cancel with an AbortSignal', async () => {
    const controller = new AbortController();
    const p = callHost(() => new Promise(() => {}), { signal: controller.signal, timeoutMs: 5000 });
    controller.abort();
    const error = await rejection(p);
    expect(error.details.aborted).to.equal(true);
  });

  it('malformed event payloads are dropped, valid ones delivered', async () => {
    let emit: (p: unknown) => void = () => {};
    const adapter = adapterAnswering({});
    adapter.on = ((_e: string, h: (p: unknown) => void) => {
      emit = h;
      return () => {};
    }) as HostAdapter['on'];
    const host = guardHost(adapter);
    const seen: unknown[] = [];
    host.on('interactionEnded', (p) => seen.push(p));
    emit({ interactionId: 42 });
    emit({ interactionId: 'c-1' });
    expect(seen).to.deep.equal([{ interactionId: 'c-1' }]);
  });
});
