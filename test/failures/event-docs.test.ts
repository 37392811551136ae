// Every event's documentation says when it fires and how often (issue #21); the suites in this
// folder (stored-events, storage-full) and each widget's own tests hold the widgets to what it says.
import { expect } from '@open-wc/testing';

describe('event documentation', () => {
  it('every event in docs/api.md says when it fires and how often', async () => {
    const api = await (await fetch('/docs/api.md')).text();
    const rows = [...api.matchAll(/^\| `([\w-]+)` \| [^|]* \| (.*) \|$/gm)].filter(([, name]) => name === 'change' || name.startsWith('mend-'));
    const events = rows.filter(([, name]) => /^(change|mend-[\w-]+)$/.test(name));
    expect(events.map(([, name]) => name)).to.include.members([
      'mend-baggage-acknowledge',
      'mend-callback-request',
      'mend-fund-level',
      'mend-offer-accept',
      'mend-offer-reject',
      'mend-root-cause-log',
      'mend-time-limit',
      'mend-wrap-up-check',
    ]);
    for (const [, name, description] of events) {
      expect(description, `${name}: when`).to.match(/\b(after|when)\b/);
      expect(description, `${name}: how often`).to.match(/\bonce per\b/);
    }
  });
});
