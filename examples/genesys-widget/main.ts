// The Genesys Cloud interaction widget: signs the agent in with PKCE inside the iframe, builds the
// Genesys kit from the two SDKs, composes it with the Mend service and hands it to <mend-host>.
import 'mend-widgets';
import type { MendHost } from 'mend-widgets/host';
import {
  CONSOLE_WRITES,
  GenesysKit,
  composeAdapter,
  conversationIdFromUrl,
  signInWithPkce,
  type GenesysClientApp,
  type GenesysPlatformClient,
} from 'mend-widgets/hosts/genesys';
import { ServiceAdapter } from 'mend-widgets/adapter/service';
import { config } from './config.js';

type ClientAppClass = new (cfg: { gcHostOrigin?: string; gcTargetEnv?: string }) => GenesysClientApp & { pcEnvironment: string | null };
const sdk = window as unknown as { require(name: 'platformClient'): GenesysPlatformClient; purecloud: { apps: { ClientApp: ClientAppClass } } };
const platformClient = sdk.require('platformClient');

// Genesys opens the widget as ?conversationid=…&gcHostOrigin=…&gcTargetEnv=… (the app's URL template).
// The login redirect replaces the query, so the first one is kept for the way back.
const QUERY = 'mend.genesys.query';
if (!new URLSearchParams(location.search).has('code')) sessionStorage.setItem(QUERY, location.search);
const query = new URLSearchParams(sessionStorage.getItem(QUERY) ?? location.search);
const clientApp = new sdk.purecloud.apps.ClientApp({ gcHostOrigin: query.get('gcHostOrigin') ?? undefined, gcTargetEnv: query.get('gcTargetEnv') ?? undefined });

async function signIn(): Promise<void> {
  await signInWithPkce(platformClient, {
    clientId: config.clientId,
    redirectUri: `${location.origin}${location.pathname}`,
    environment: clientApp.pcEnvironment ?? 'mypurecloud.com',
  });
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

const banner = document.getElementById('signed-out')!;
document.getElementById('sign-in')!.addEventListener('click', () => {
  platformClient.ApiClient.instance.clearAuthData?.();
  void signIn().then(() => kit.resume());
});

await signIn();
const kit = new GenesysKit({
  platformClient,
  clientApp,
  conversationId: conversationIdFromUrl(`?${query}`),
  currency: config.currency,
  onStatusChange: (status) => (banner.hidden = status !== 'expired'),
});
const service = new ServiceAdapter({ baseUrl: config.serviceUrl, token: () => `${localStorage.getItem('mend.service.token') ?? ''}` });
(document.getElementById('mend') as MendHost).adapter = composeAdapter(kit, service, { from: CONSOLE_WRITES });
