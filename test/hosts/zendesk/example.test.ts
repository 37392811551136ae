// examples/zendesk-app as installed: its page and main.ts run in the app iframe on the real ZAF
// SDK, with the installation's settings; this page plays Zendesk.
import { expect, waitUntil } from '@open-wc/testing';
import type { MendRootCauseLogger } from '../../../src/define/root-cause-logger.js';
import type { MendHost } from '../../../src/define/host.js';
import { $, fill, submit } from '../../root-cause-logger/helpers.js';
import { FakeZendesk } from './fake-zendesk.js';

let fake: FakeZendesk;
const doc = () => fake.frame.contentDocument!;

before(async () => {
  fake = new FakeZendesk({ page: 'example.html', settings: { currency: 'USD', causeFieldId: 360001, departmentFieldId: '', holdEverySave: false } });
  await fake.ready();
});
after(() => fake.dispose());

describe('examples/zendesk-app', () => {
  it('starts in the ticket sidebar: widgets shown, sized, the save hook registered', async () => {
    await waitUntil(() => doc().querySelector<MendHost>('mend-host')?.hidden === false, 'the app started', { timeout: 10000 });
    expect(doc().getElementById('status')!.textContent).to.equal('');
    await waitUntil(() => fake.subscribers.get('ticket.save') === 1, 'the root-cause logger holds the save through the kit', { timeout: 5000 });
    await waitUntil(() => fake.received.some((m) => m.request === 'invoke' && 'resize' in (m.params as object)), 'the app asked Zendesk for its height');
    const banner = doc().querySelector('mend-baggage-banner') as HTMLElement & { state: string; level: string };
    await waitUntil(() => banner.state === 'ready', 'the requester history is shown', { timeout: 5000 });
    expect(banner.level).to.not.equal('none');
  });

  it("holds solving the ticket until the root cause is logged, then writes it with the installation's field ids", async () => {
    const logger = doc().querySelector('mend-root-cause-logger') as MendRootCauseLogger;
    await waitUntil(() => !!$(logger, '#cause-hint') && !($(logger, '#cause') as HTMLInputElement).disabled, 'the logger is ready', { timeout: 5000 });
    fake.tickets.get(1001)!.status = 'solved';
    const held = await fake.save();
    expect((held.error as { msg?: string } | undefined)?.msg).to.be.a('string').and.not.equal('');

    const taxonomyCause = 'damaged';
    await fill(logger, taxonomyCause);
    await submit(logger);
    await waitUntil(() => fake.notes(1001).length === 1, 'the cause reached Zendesk', { timeout: 5000 });
    const field = fake.tickets.get(1001)!.custom_fields.find((f) => f.id === 360001);
    expect(field?.value).to.be.a('string').and.not.equal('');
    expect(fake.notes(1001)[0]!.body).to.contain(`Cause: ${String(field!.value)}`);
    expect((await fake.save()).error).to.equal(undefined);
  });
});
