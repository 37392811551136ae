import { expect } from '@open-wc/testing';
import { HostError } from '../../src/adapter/errors.js';
import { codeForStatus, httpHostError, readHttpFailure } from '../../src/hosts/shared/http-errors.js';
import { fivePointScore, isResolvedStatus, severityFromPriority } from '../../src/hosts/shared/incidents.js';
import { keyedName, keyedReceipt, noteMarker, noteText, SingleFlight, writeSummary } from '../../src/hosts/shared/keyed-writes.js';
import { rootCauseLog } from './payloads.js';

describe('host kits, shared: HTTP failures as HostErrors', () => {
  it('maps statuses to codes, retryable only when a retry can help', () => {
    const table: Array<[number, string, boolean]> = [
      [0, 'unavailable', true],
      [400, 'invalid_request', false],
      [401, 'permission', false],
      [403, 'permission', false],
      [404, 'not_found', false],
      [409, 'conflict', false],
      [429, 'unavailable', true],
      [500, 'unavailable', true],
      [503, 'unavailable', true],
      [504, 'timeout', true],
    ];
    for (const [status, code, retryable] of table) {
      expect(codeForStatus(status), `status ${status}`).to.equal(code);
      expect(httpHostError({ status }, { host: 'X' }).retryable, `retryable ${status}`).to.equal(retryable);
    }
  });

  it('reads the shapes SDKs reject with: axios, extended responses, plain error bodies', () => {
    expect(readHttpFailure({ response: { status: 429, data: { message: 'slow down' }, headers: { 'retry-after': '3' } } })).to.deep.equal({
      status: 429,
      message: 'slow down',
      retryAfter: 3,
    });
    expect(readHttpFailure({ status: 401, code: 'bad.credentials', message: 'Invalid login credentials.' })).to.deep.equal({
      status: 401,
      message: 'Invalid login credentials.',
      hostCode: 'bad.credentials',
    });
    expect(readHttpFailure({ status: 404, body: { message: 'gone' } })).to.include({ status: 404, message: 'gone' });
    expect(readHttpFailure(new TypeError('Failed to fetch'))).to.deep.equal({ status: 0, message: 'Failed to fetch' });
  });

  it('says what failed, marks an expired token and keeps HostErrors as they are', () => {
    const e = httpHostError({ status: 401, message: 'Invalid login credentials.' }, { host: 'Genesys Cloud', doing: 'read the conversation' });
    expect(e).to.be.instanceOf(HostError);
    expect(e.message).to.equal('Genesys Cloud could not read the conversation (HTTP 401: Invalid login credentials.).');
    expect(e.details).to.include({ host: 'Genesys Cloud', status: 401, reason: 'token_expired' });
    const same = new HostError('conflict', 'stale');
    expect(httpHostError(same, { host: 'X' })).to.equal(same);
    expect(httpHostError({ code: 'not_found', message: 'no such ticket' }, { host: 'X' }).code).to.equal('not_found');
  });
});

describe('host kits, shared: keyed writes and incidents', () => {
  it('names, receipts and note markers come from the key, so a replay lands on the same place', () => {
    expect(keyedName('logRootCause', 'k1')).to.equal('mend.logRootCause.k1');
    expect(keyedReceipt('genesys', 'conv-1', 'logRootCause', 'k1')).to.equal('genesys:conv-1:mend.logRootCause.k1');
    const log = rootCauseLog('conv-1', 'cust-1', 'k1');
    expect(noteText('logRootCause', log)).to.contain(noteMarker('logRootCause', 'k1')).and.to.contain('Problem: Blender arrived broken');
    expect(writeSummary('logRootCause', log)).to.not.have.any.keys('idempotencyKey', 'interactionId', 'customerId');
  });

  it('one flight per key: concurrent calls share one run, a later call runs again', async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const work = async () => (await gate, ++runs);
    const both = Promise.all([flights.run('k', work), flights.run('k', work)]);
    release();
    expect(await both).to.deep.equal([1, 1]);
    expect(await flights.run('k', work)).to.equal(2);
  });

  it('priorities, survey scores and statuses on the incidents’ scales', () => {
    expect(['Urgent', 'High', 'normal', 'Low', undefined].map(severityFromPriority)).to.deep.equal(['high', 'high', 'medium', 'low', 'medium']);
    expect([0, 24, 50, 100].map((v) => fivePointScore(v, 100))).to.deep.equal([1, 2, 3, 5]);
    expect(fivePointScore(undefined, 100)).to.equal(null);
    expect(['Closed', 'solved', 'Open'].map(isResolvedStatus)).to.deep.equal([true, true, false]);
  });
});
