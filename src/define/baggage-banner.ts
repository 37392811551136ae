import { MendBaggageBanner } from '../components/baggage-banner/baggage-banner.js';
import { define } from './define.js';

define('mend-baggage-banner', MendBaggageBanner);

export { MendBaggageBanner };
export type { BaggageAcknowledgeDetail, CallbackRequestDetail } from '../events/baggage-banner.js';

declare global {
  interface HTMLElementTagNameMap {
    'mend-baggage-banner': MendBaggageBanner;
  }
}
