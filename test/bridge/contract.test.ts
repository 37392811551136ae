import { runAdapterContract } from '../../src/adapter/contract.js';
import { BridgeAdapter } from '../../src/adapter/bridge.js';
import { otherOrigin, pageOrigin } from './frames.js';

// The adapter conformance suite, run against a BridgeAdapter in this page whose real adapter (a
// MemoryAdapter with the demo seed) lives in a host page on another origin: everything the suite
// checks (validation, idempotency, conflicts, approval, errors, unsubscribe) holds across the bridge.
const opened: Array<{ iframe: HTMLIFrameElement; adapter: BridgeAdapter }> = [];
after(() => {
  for (const { iframe, adapter } of opened) {
    adapter.dispose();
    iframe.remove();
  }
});

async function bridged(): Promise<BridgeAdapter> {
  const iframe = document.createElement('iframe');
  iframe.title = 'host console';
  const loaded = new Promise<void>((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== iframe.contentWindow || (e.data as { type?: string })?.type !== 'bridge-test-host-ready') return;
      removeEventListener('message', onMessage);
      resolve();
    };
    addEventListener('message', onMessage);
  });
  iframe.src = `${otherOrigin}/test/bridge/fixtures/host.html?peer=${encodeURIComponent(pageOrigin)}`;
  document.body.append(iframe);
  await loaded;
  const adapter = new BridgeAdapter({ target: iframe.contentWindow!, targetOrigin: otherOrigin, timeoutMs: 2000 });
  opened.push({ iframe, adapter });
  await adapter.ready;
  return adapter;
}

runAdapterContract('BridgeAdapter over postMessage to a MemoryAdapter on another origin', bridged, { describe, it });
