import { MendRecoveryReport } from '../components/recovery-report/recovery-report.js';
import { define } from './define.js';

define('mend-recovery-report', MendRecoveryReport);

export { MendRecoveryReport };
export { recoveryReportStrings } from '../components/recovery-report/recovery-report.js';
export type { ReportData, ReportQuery, ReportSpend, ReportCause } from '../adapter/lead.js';
export type { RecoveryReport } from '../core/report.js';

declare global {
  interface HTMLElementTagNameMap {
    'mend-recovery-report': MendRecoveryReport;
  }
}
