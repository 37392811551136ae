// The Mend ticket-sidebar app: the Zendesk kit on the app's ZAF client, composed with the Mend
// service for what Zendesk lacks (fund, policy, taxonomy, recurrence), given to every widget
// through <mend-host>. Settings come from the app's installation (manifest.json parameters).
import '../../../src/define/host.js';
import '../../../src/define/baggage-banner.js';
import '../../../src/define/offer-picker.js';
import '../../../src/define/fund-meter.js';
import '../../../src/define/root-cause-logger.js';
import type { MendHost } from '../../../src/define/host.js';
import { composeAdapter } from '../../../src/adapter/compose.js';
import { zendeskAdapter, zendeskComposition, type ZafClient } from '../../../src/hosts/zendesk/index.js';
import { mendService } from './service.js';

/** What the ZAF SDK adds to the client beyond what the kit needs. */
interface AppClient extends ZafClient {
  metadata(): Promise<{ settings: Record<string, unknown> }>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
}
declare const ZAFClient: { init(): AppClient | false } | undefined;

const status = document.getElementById('status')!;
const numberSetting = (value: unknown) => (value === '' || value == null || !Number.isFinite(Number(value)) ? undefined : Number(value));

async function start(): Promise<void> {
  const client = typeof ZAFClient === 'undefined' ? false : ZAFClient.init();
  if (!client) {
    status.textContent = 'Open this page as a Zendesk app (it needs the origin and app_guid Zendesk passes).';
    return;
  }
  const [{ settings }, context, me] = await Promise.all([
    client.metadata(),
    client.context() as Promise<{ account?: { subdomain?: string } }>,
    client.get('currentUser') as Promise<{ currentUser: { id: number; name: string; role: string } }>,
  ]);
  const kit = zendeskAdapter(client, {
    currency: typeof settings.currency === 'string' && /^[A-Z]{3}$/.test(settings.currency) ? settings.currency : 'USD',
    fields: {
      causeId: numberSetting(settings.causeFieldId),
      departmentId: numberSetting(settings.departmentFieldId),
      resolution: numberSetting(settings.resolutionFieldId),
      severity: numberSetting(settings.severityFieldId),
    },
    hold: settings.holdEverySave === true ? 'every' : 'solve',
    // One outbox per account and agent: writes left by a closed tab are sent by the next one.
    storageScope: `zendesk:${context.account?.subdomain ?? 'account'}:${me.currentUser.id}`,
  });
  const host = document.getElementById('host') as MendHost;
  host.adapter = composeAdapter(kit, mendService(settings.serviceUrl, me.currentUser), zendeskComposition);
  host.hidden = false;
  status.textContent = '';
  // The sidebar iframe is as tall as Zendesk is told.
  new ResizeObserver(() => void client.invoke('resize', { width: '100%', height: `${document.documentElement.scrollHeight}px` })).observe(document.body);
}

start().catch((error: unknown) => {
  status.textContent = `Mend could not start: ${error instanceof Error ? error.message : String(error)}`;
});
