import { MendFundMeter } from '../components/fund-meter/fund-meter.js';
import { define } from './define.js';

define('mend-fund-meter', MendFundMeter);

export { MendFundMeter };
export { FUND_METER_VARIANTS, fundMeterStrings, type FundMeterVariant } from '../components/fund-meter/fund-meter.js';
export type { MendFundLevelDetail } from '../events/fund-meter.js';

declare global {
  interface HTMLElementTagNameMap {
    'mend-fund-meter': MendFundMeter;
  }
}
