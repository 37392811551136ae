// Every story of every stories/*.stories.ts file, imported as the CSF module it is: it renders its
// elements, settles, logs no console error and passes axe (the static Storybook build is checked the
// same way by test/storybook). The list of files comes from the test server
// (web-test-runner.config.mjs serves `ls stories/*.stories.ts`), so a new stories file is tested
// without editing this one.
import { expect, fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { text } from '../helpers/dom.js';
import { until } from '../helpers/until.js';

type Args = Record<string, unknown>;
type Render = (args: Args, context: unknown) => TemplateResult;
interface Story {
  args?: Args;
  render?: Render;
  play?: (context: { canvasElement: HTMLElement; args: Args }) => Promise<void>;
}
interface Meta extends Story {
  title?: string;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
}
type Shadowed = HTMLElement & { updateComplete?: Promise<unknown> };

const listed = (filter: string[] | RegExp, name: string) => (Array.isArray(filter) ? filter.includes(name) : filter.test(name));

/** The stories of a CSF module: its named exports, minus what the meta excludes. */
function storiesOf(module: Record<string, unknown>): Array<[string, Story]> {
  const meta = module.default as Meta;
  return Object.entries(module).filter(
    ([name, value]) =>
      name !== 'default' &&
      !name.startsWith('__') &&
      typeof value === 'object' &&
      value !== null &&
      (!meta.includeStories || listed(meta.includeStories, name)) &&
      !(meta.excludeStories && listed(meta.excludeStories, name)),
  ) as Array<[string, Story]>;
}

/** The Mend elements a story rendered (open shadow roots), nested in light DOM or not. */
const elements = (root: HTMLElement): Shadowed[] =>
  [...root.querySelectorAll<Shadowed>('*')].filter((el) => el.localName.startsWith('mend-') && el.shadowRoot);

/** A story without a placeholder left: no element still loading (the `Loading` stories stay so). */
const loaded = (el: Shadowed) => el.getAttribute('state') !== 'loading' && !el.shadowRoot!.querySelector('[part~="loading"]');

const shadowOf = (root: HTMLElement, tag: string) => root.querySelector(tag)!.shadowRoot!;

/** Everything a story shows in words: its text, and the names and hints of its elements, shadow roots included. */
function shownWords(root: ParentNode): string[] {
  const words: string[] = [];
  for (const node of (root as Element | ShadowRoot).childNodes) {
    if (node.nodeType === Node.TEXT_NODE) words.push(node.textContent ?? '');
    if (!(node instanceof Element) || node.localName === 'style' || node.localName === 'script') continue;
    for (const name of ['aria-label', 'aria-description', 'title', 'placeholder', 'alt']) words.push(node.getAttribute(name) ?? '');
    if (node.shadowRoot) words.push(...shownWords(node.shadowRoot));
    words.push(...shownWords(node));
  }
  return words;
}
/** A rule code (R1-R13) as the core names them: they belong in the reasons' data and the docs, never in what agents read. */
const RULE_CODE = /\bR(1[0-3]|[1-9])\b/;

/** Story names a stories file must keep (the states its issue asks for). */
const REQUIRED: Record<string, string[]> = {
  'baggage-banner.stories.ts': ['None', 'Light', 'HeavyWithCallback', 'Loading', 'ErrorState', 'Unsupported', 'LongHistory', 'Dark', 'RightToLeft', 'PlainProperties'],
  'offer-picker.stories.ts': ['LowSeverity', 'MediumSeverity', 'HighSeverity', 'HeavyBaggage', 'OverAuthority', 'FundExhausted', 'ErrorState', 'InAForm', 'Dark', 'RightToLeft', 'OtherOptions', 'AcceptedWithBanner', 'SidePanel'],
  'fund-meter.stories.ts': ['Plenty', 'Low', 'Exhausted', 'PendingApprovals', 'Compact', 'LongLedger', 'ErrorState', 'Loading', 'Unsupported', 'Dark', 'RightToLeft'],
  'root-cause-logger.stories.ts': ['Empty', 'Filled', 'RecurringCause', 'QueuedOffline', 'NeedsAttention', 'WrapUpBlocked', 'LargeTaxonomy', 'KnownFacts', 'IncompleteSave', 'Dark', 'RightToLeft'],
  'approval-queue.stories.ts': ['Default', 'Empty', 'Loading', 'ErrorState', 'ManyItems', 'RaceWithAnotherLead', 'Dark', 'Harbor', 'Ember', 'RightToLeft'],
  'recovery-report.stories.ts': ['Default', 'Empty', 'Loading', 'ErrorState', 'ManyItems', 'Dark', 'Harbor', 'Ember', 'RightToLeft'],
};

const has = (tag: string, selector: string) => (root: HTMLElement) => shadowOf(root, tag).querySelector(selector);

/**
 * What a story shows once settled, beyond rendering (checked before axe), by `file/Story`;
 * `file/*` is what every other story of that file shows.
 */
const SHOWS: Record<string, (root: HTMLElement) => unknown> = {
  'approval-queue.stories.ts/*': has('mend-approval-queue', '[part="list"]'),
  'approval-queue.stories.ts/Empty': has('mend-approval-queue', '[part="empty"]'),
  'approval-queue.stories.ts/ErrorState': has('mend-approval-queue', '[part="error"]'),
  'approval-queue.stories.ts/Unsupported': has('mend-approval-queue', '[part="empty"]'),
  'approval-queue.stories.ts/Loading': has('mend-approval-queue', '[part="loading"]'),
  'approval-queue.stories.ts/ManyItems': (root) => shadowOf(root, 'mend-approval-queue').querySelectorAll('[part="item"]').length === 8,
  'approval-queue.stories.ts/RaceWithAnotherLead': (root) =>
    shadowOf(root, 'mend-approval-queue').querySelector('[part="decided"] [data-mine="false"]') &&
    /^Another lead declined \$\d+\.\d\d for .+ first\.$/.test(text(shadowOf(root, 'mend-approval-queue').querySelector('[part="decided"]'))),
  'recovery-report.stories.ts/*': has('mend-recovery-report', '[part="chart"]'),
  'recovery-report.stories.ts/ErrorState': has('mend-recovery-report', '[part="error"]'),
  'recovery-report.stories.ts/Unsupported': has('mend-recovery-report', '[part="empty"]'),
  'recovery-report.stories.ts/Loading': has('mend-recovery-report', '[part="loading"]'),
  'fund-meter.stories.ts/ErrorState': (root) => shadowOf(root, 'mend-fund-meter').querySelector('[part="error"]'),
  'offer-picker.stories.ts/OverAuthority': (root) => {
    const shadow = shadowOf(root, 'mend-offer-picker');
    return text(shadow.querySelector('[part~="confirm"]')) === 'Request approval' && text(shadow.querySelector('[part~="approval"]')).includes('$50.00');
  },
  'offer-picker.stories.ts/AcceptedWithBanner': (root) =>
    text(shadowOf(root, 'mend-offer-picker').querySelector('[part~="card"] [part~="message"]')) === 'Recovery recorded.' &&
    text(shadowOf(root, 'mend-baggage-banner').querySelector('[part~="acknowledge"]')) === 'Acknowledged',
  'offer-picker.stories.ts/OtherOptions': has('mend-offer-picker', '[part~="bundles"] [role="radio"]'),
  'offer-picker.stories.ts/GermanEuro': (root) => {
    const picker = root.querySelector('mend-offer-picker') as HTMLElement & { checkValidity(): boolean };
    return /^12,50\s€$/.test(picker.shadowRoot!.querySelector<HTMLInputElement>('[part~="amount"] input')?.value ?? '') && picker.checkValidity();
  },
  'baggage-banner.stories.ts/Acknowledged': (root) => {
    const shadow = shadowOf(root, 'mend-baggage-banner');
    return text(shadow.querySelector('[part~="acknowledge"]')) === 'Acknowledged' && !shadow.querySelector<HTMLElement>('[part~="talking-points"]')!.checkVisibility();
  },
  'baggage-banner.stories.ts/DetailsOpen': (root) => shadowOf(root, 'mend-baggage-banner').querySelector('[part~="details-toggle"][aria-expanded="true"]'),
  'root-cause-logger.stories.ts/RecurringCause': (root) => shadowOf(root, 'mend-root-cause-logger').querySelector('[part="recurrence"]'),
  'root-cause-logger.stories.ts/QueuedOffline': (root) => text(shadowOf(root, 'mend-root-cause-logger').querySelector('[part="status"]')).includes('not answering'),
  'root-cause-logger.stories.ts/NeedsAttention': (root) => shadowOf(root, 'mend-root-cause-logger').querySelector('[part="resend"]'),
  'root-cause-logger.stories.ts/WrapUpBlocked': (root) => shadowOf(root, 'mend-root-cause-logger').querySelector('[part="wrap-up"]'),
  'root-cause-logger.stories.ts/OverTimeLimit': (root) => shadowOf(root, 'mend-root-cause-logger').querySelector('[part="time-limit"]'),
  'root-cause-logger.stories.ts/ErrorState': (root) => shadowOf(root, 'mend-root-cause-logger').querySelector('[part="retry"]'),
  'root-cause-logger.stories.ts/KnownFacts': (root) => shadowOf(root, 'mend-root-cause-logger').querySelector('[part~="suggestion"]'),
  'root-cause-logger.stories.ts/KnownFactsFromHost': (root) => shadowOf(root, 'mend-root-cause-logger').querySelector('[part~="suggestion"]'),
  'root-cause-logger.stories.ts/IncompleteSave': (root) => shadowOf(root, 'mend-root-cause-logger').querySelector('#cause-error'),
};

const files = (await (await fetch('/__mend/story-files.json')).json()) as string[];
const modules = await Promise.all(files.map(async (file) => [file, (await import(`../../stories/${file}`)) as Record<string, unknown>] as const));

describe('stories', () => {
  it('every stories file is found, with the stories its issue asks for', () => {
    expect(files).to.include.members(Object.keys(REQUIRED));
    for (const [file, module] of modules) {
      const names = storiesOf(module).map(([name]) => name);
      expect(names, file).to.include.members(REQUIRED[file] ?? []);
      expect(names.length, `${file} has stories`).to.be.greaterThan(0);
    }
    for (const key of Object.keys(SHOWS).filter((k) => !k.endsWith('/*'))) {
      const [file, name] = key.split('/') as [string, string];
      expect(storiesOf(modules.find(([f]) => f === file)![1]).map(([n]) => n), key).to.include(name);
    }
  });

  let consoleErrors: string[] = [];
  let restoreConsole = () => {};
  const onError = (e: ErrorEvent) => consoleErrors.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => consoleErrors.push(`unhandled rejection: ${String(e.reason)}`);
  beforeEach(() => {
    consoleErrors = [];
    const native = console.error;
    console.error = (...args: unknown[]) => {
      consoleErrors.push(args.map(String).join(' '));
      native.apply(console, args);
    };
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    restoreConsole = () => {
      console.error = native;
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    };
  });
  afterEach(() => restoreConsole());

  for (const [file, module] of modules) {
    const meta = module.default as Meta;
    describe(meta.title ?? file, () => {
      for (const [name, story] of storiesOf(module)) {
        it(`${name}: renders, settles, logs no error and passes axe`, async () => {
          const args = { ...meta.args, ...story.args };
          const render = story.render ?? meta.render;
          expect(render, 'a render function (own or the meta\'s)').to.be.a('function');
          const canvas = await fixture<HTMLElement>(html`<div>${render!(args, { args, name })}</div>`);
          await (story.play ?? meta.play)?.({ canvasElement: canvas, args });
          const rendered = elements(canvas);
          expect(rendered.length, 'renders at least one Mend element').to.be.greaterThan(0);
          if (name !== 'Loading') await until(() => elements(canvas).every(loaded), `${file} ${name} leaves its loading state`);
          const shows = SHOWS[`${file}/${name}`] ?? SHOWS[`${file}/*`];
          if (shows) await until(() => shows(canvas), `${file} ${name} shows its state`);
          await Promise.all(elements(canvas).map((el) => el.updateComplete));
          for (const el of elements(canvas)) expect(el.shadowRoot!.childNodes.length, `${el.localName} rendered`).to.be.greaterThan(0);
          await expect(canvas).to.be.accessible();
          expect(shownWords(canvas).filter((w) => RULE_CODE.test(w)), 'rule codes in what the story shows').to.deep.equal([]);
          expect(consoleErrors, 'console errors').to.deep.equal([]);
        });
      }
    });
  }
});
