import { MendRootCauseLogger } from '../components/root-cause-logger/root-cause-logger.js';
import { define } from './define.js';

define('mend-root-cause-logger', MendRootCauseLogger);

export { MendRootCauseLogger };
export { rootCauseLoggerStrings } from '../components/root-cause-logger/root-cause-logger.js';
export type { MendTimeLimitDetail, MendWrapUpCheckDetail } from '../events/root-cause-logger.js';

declare global {
  interface HTMLElementTagNameMap {
    'mend-root-cause-logger': MendRootCauseLogger;
  }
}
