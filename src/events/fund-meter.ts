import type { Fund } from '../core/model.js';
import type { FundLevel } from '../core/fund.js';

/**
 * Detail of `mend-fund-level`: the fund's level changed because the host's data changed. When: as the
 * widget takes in the new fund state (in the update that renders it). How often: once per change of level (not for changes within a level,
 * nor when code sets a property).
 */
export interface MendFundLevelDetail {
  level: FundLevel;
  previous: FundLevel;
  /** Integer minor units left in the period. */
  remaining: number;
  fund: Fund;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mend-fund-level': CustomEvent<MendFundLevelDetail>;
  }
}
