// React 19: the README's snippet, with the accepted recovery shown by the app's own state.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'mend-widgets';
import type {} from 'mend-widgets/react';
import { LocalAdapter } from 'mend-widgets/adapter/local';
import type { OfferReactionDetail } from 'mend-widgets/offer-picker';

const adapter = new LocalAdapter({ name: 'consumer-vite-react' });
(window as unknown as { mendAdapter: LocalAdapter }).mendAdapter = adapter;

function App() {
  const [accepted, setAccepted] = useState<OfferReactionDetail | null>(null);
  return (
    <>
      <mend-host adapter={adapter} locale="en-US">
        <mend-baggage-banner />
        <mend-offer-picker onmend-offer-accept={(e) => setAccepted(e.detail)} />
        <mend-fund-meter variant="full" />
        <mend-root-cause-logger />
      </mend-host>
      <output id="accepted">{accepted ? JSON.stringify(accepted) : ''}</output>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
