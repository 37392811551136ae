// Loaded before the demo's own module: records every CSP violation of the page.
const violations: string[] = [];
(window as unknown as { cspViolations: string[] }).cspViolations = violations;
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.effectiveDirective || e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}`);
});
addEventListener('error', (e) => violations.push(`error: ${e.message}`));
addEventListener('unhandledrejection', (e) => violations.push(`unhandledrejection: ${String(e.reason)}`));
