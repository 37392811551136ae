// The page's own code, as an integrator writes it: give <mend-host> an adapter and listen for the
// accepted recovery. Imports no element: each app imports the elements itself, in its own order.
import { LocalAdapter } from 'mend-widgets/adapter/local';

export function connect(app) {
  const adapter = new LocalAdapter({ name: `consumer-${app}` });
  document.getElementById('mend').adapter = adapter;
  document.addEventListener('mend-offer-accept', (e) => {
    document.getElementById('accepted').textContent = JSON.stringify(e.detail);
  });
  window.mendAdapter = adapter;
}
