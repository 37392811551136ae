// Mend in Twilio Flex: the kit gets `{ Actions, manager }` from init, is composed with the Mend service,
// and <mend-host> with the four widgets is mounted as a tab of the task panel (TaskCanvasTabs).
import { FlexPlugin } from '@twilio/flex-plugin';
import * as React from 'react';
import 'mend-widgets';
import type { MendHost } from 'mend-widgets/host';
import type { HostAdapter } from 'mend-widgets/adapter';
import { CONSOLE_WRITES, FlexKit, composeAdapter, type FlexActions, type FlexManager } from 'mend-widgets/hosts/flex';
import { ServiceAdapter } from 'mend-widgets/adapter/service';

/** Your Mend service (fund, policy, taxonomy, recurrence), and the token it accepts. */
const SERVICE_URL = 'https://mend.example.com';

/** What the plugin uses of the `flex` namespace init receives (see @twilio/flex-ui's d.ts). */
interface Flex {
  Actions: FlexActions;
  Notifications: { registerNotification(n: object): void; showNotification(id: string, context?: object): void };
  TaskCanvasTabs: { Content: { add(element: React.ReactElement, options?: object): void } };
  Tab: React.ComponentType<{ uniqueName: string; label: string; key?: string; children?: React.ReactNode }>;
}

/** <mend-host> with the widgets; the adapter is a property, so it is set through a ref (React 17). */
function MendPanel({ adapter }: { adapter: HostAdapter }): React.ReactElement {
  const ref = React.useRef<MendHost>(null);
  React.useEffect(() => {
    if (ref.current) ref.current.adapter = adapter;
  }, [adapter]);
  return React.createElement(
    'mend-host',
    { ref, style: { display: 'grid', gap: '12px', padding: '12px' } },
    React.createElement('mend-baggage-banner'),
    React.createElement('mend-offer-picker'),
    React.createElement('mend-fund-meter', { variant: 'compact' }),
    React.createElement('mend-root-cause-logger'),
  );
}

export default class MendPlugin extends FlexPlugin {
  constructor() {
    super('MendPlugin');
  }

  async init(flex: Flex, manager: FlexManager & { store: unknown; user?: { token?: string } }): Promise<void> {
    flex.Notifications.registerNotification({ id: 'mendWrapUpHeld', type: 'warning', content: 'Log the root cause before wrap-up.' });
    const kit = new FlexKit({
      Actions: flex.Actions,
      manager,
      currency: 'USD',
      onWrapUpRefused: () => flex.Notifications.showNotification('mendWrapUpHeld'),
    });
    // The service checks the Flex token (the agent's identity) on every call.
    const service = new ServiceAdapter({ baseUrl: SERVICE_URL, token: () => manager.user?.token ?? '' });
    const adapter = composeAdapter(kit, service, { from: CONSOLE_WRITES });
    flex.TaskCanvasTabs.Content.add(
      React.createElement(flex.Tab, { key: 'mend', uniqueName: 'mend', label: 'Recovery' }, React.createElement(MendPanel, { adapter })),
    );
  }
}
