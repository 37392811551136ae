import { expect } from '@open-wc/testing';
import { css, type CSSResult } from 'lit';
import { baseStyles, tokens } from '../../src/base/styles.js';
import { bannerStyles } from '../../src/components/baggage-banner/baggage-banner.styles.js';
import { fundMeterStyles } from '../../src/components/fund-meter/fund-meter.styles.js';
import { offerPickerStyles } from '../../src/components/offer-picker/offer-picker.styles.js';
import { optionsStyles } from '../../src/components/offer-picker/options.styles.js';
import { readyStyles } from '../../src/components/offer-picker/ready.styles.js';
import { rootCauseLoggerStyles } from '../../src/components/root-cause-logger/root-cause-logger.styles.js';
import { approvalQueueStyles } from '../../src/components/approval-queue/approval-queue.styles.js';
import { recoveryReportStyles } from '../../src/components/recovery-report/recovery-report.styles.js';

// As in Material Web: a private token that is used but never defined falls back to nothing (a
// silent styling bug), and one defined but never used is dead weight in every widget.
const widgets: Record<string, CSSResult> = {
  'baggage-banner': bannerStyles,
  'fund-meter': fundMeterStyles,
  // The picker's styles come in three sheets: the first render's, the ready state's and the options' (loaded with their parts).
  'offer-picker': css`${offerPickerStyles}${readyStyles}${optionsStyles}`,
  'root-cause-logger': rootCauseLoggerStyles,
  'approval-queue': approvalQueueStyles,
  'recovery-report': recoveryReportStyles,
};
const defined = (css: string) => new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]!));
const used = (css: string) => new Set([...css.matchAll(/var\(\s*(--_[\w-]+)/g)].map((m) => m[1]!));

describe('design tokens', () => {
  const system = defined(tokens.cssText);

  for (const [name, styles] of Object.entries(widgets)) {
    it(`${name} uses only private tokens that are defined`, () => {
      const own = defined(styles.cssText);
      const undefinedTokens = [...used(styles.cssText)].filter((t) => !system.has(t) && !own.has(t));
      expect(undefinedTokens).to.deep.equal([]);
    });

    it(`${name} reads global tokens only through the private ones`, () => {
      // Component custom properties (--mend-<widget>-*) may be read directly; global ones go through --_*.
      const direct = [...styles.cssText.matchAll(/var\(\s*(--mend-[\w-]+)/g)].map((m) => m[1]!);
      expect(direct.filter((p) => !p.startsWith(`--mend-${name}-`))).to.deep.equal([]);
    });
  }

  it('every system token is used by some widget or the base styles', () => {
    const all = [baseStyles, ...Object.values(widgets)].map((s) => s.cssText).join('\n');
    const everywhere = new Set([...used(all), ...used(tokens.cssText)]);
    expect([...system].filter((t) => !everywhere.has(t))).to.deep.equal([]);
  });

  it('the check itself catches an undefined token', () => {
    const css = ':host { color: var(--_nope); }';
    expect([...used(css)].filter((t) => !system.has(t))).to.deep.equal(['--_nope']);
  });
});
