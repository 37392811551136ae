import { MendOfferPicker } from '../components/offer-picker/offer-picker.js';
import { define } from './define.js';
import type {} from '../events/offer-picker.js';

define('mend-offer-picker', MendOfferPicker);

export { MendOfferPicker };
export type { OfferReactionDetail } from '../events/offer-picker.js';

declare global {
  interface HTMLElementTagNameMap {
    'mend-offer-picker': MendOfferPicker;
  }
}
