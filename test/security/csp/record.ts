// Imported first by the CSP pages: the violation log exists before any other module runs, so a
// violation during module evaluation (a library probing `new Function`, say) is recorded too.
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

export interface CspReport {
  done: boolean;
  violations: CspViolation[];
  /** What the page did, step by step (for a useful failure message). */
  steps: string[];
  /** For the control: which attempts were blocked (threw or did not take effect). */
  blocked: Record<string, boolean>;
  error?: string;
}

export const report: CspReport = { done: false, violations: [], steps: [], blocked: {} };
(window as unknown as { cspReport: CspReport }).cspReport = report;

document.addEventListener('securitypolicyviolation', (e) => {
  report.violations.push({
    directive: e.effectiveDirective || e.violatedDirective,
    blockedURI: e.blockedURI,
    sample: e.sample,
    source: `${e.sourceFile}:${e.lineNumber}`,
  });
});
addEventListener('error', (e) => report.steps.push(`error: ${e.message}`));
addEventListener('unhandledrejection', (e) => report.steps.push(`unhandledrejection: ${String(e.reason)}`));
