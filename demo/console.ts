/**
 * The demo agent console: a queue of concurrent contacts, the four Mend widgets on the active one
 * inside one `<mend-host>`, and the demo's own controls (host online/offline, outbox, reset, theme,
 * right-to-left, event log). The embedded {@link LocalAdapter} (IndexedDB) plays the console: the
 * queue, the contacts, the customers' histories, wrap-up. With `options.service` (what `npm start`
 * does) the fund, policy, taxonomy, recurrence counts and every write come from the Mend service,
 * composed with {@link composeAdapter} as a real console would, and the Team lead tab runs on a
 * {@link ServiceAdapter} of its own with the lead's token; without it everything is local.
 *
 * The DOM is built with Lit templates only: no inline script or style, no innerHTML, so the built
 * console runs under a strict Content-Security-Policy with Trusted Types.
 */
import { html, nothing, render, svg, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import '../src/define/host.js';
import '../src/define/baggage-banner.js';
import '../src/define/offer-picker.js';
import '../src/define/fund-meter.js';
import '../src/define/root-cause-logger.js';
import { LocalAdapter } from '../src/adapter/local-adapter.js';
import { ServiceAdapter } from '../src/adapter/service.js';
import { composeAdapter } from '../src/adapter/compose.js';
import type { HostAdapter } from '../src/adapter/host-adapter.js';
import { toHostError } from '../src/adapter/errors.js';
import { clearDrafts } from '../src/controllers/draft.js';
import { sessionFor, type HostSession } from '../src/adapter/session.js';
import type { Agent, Channel, Interaction } from '../src/core/model.js';
import { describe, LOG_SIZE, LOGGED_EVENTS, type LogLine, type LoggedEvent } from './event-log.js';
import { decisionNotice, LeadTab, type DeskTab } from './lead-tab.js';
import { DEMO_IDS } from '../src/adapter/demo-data.js';

/** The looks the theme switcher offers: Mend's own tokens and the two example vendor themes, light or dark. */
export const THEMES = ['light', 'dark', 'harbor', 'harbor-dark', 'ember', 'ember-dark'] as const;
export type Theme = (typeof THEMES)[number];
const THEME_LABELS: Record<Theme, string> = {
  light: 'Light',
  dark: 'Dark',
  harbor: 'Harbor',
  'harbor-dark': 'Harbor dark',
  ember: 'Ember',
  'ember-dark': 'Ember dark',
};
const THEME_CLASSES = ['mend-theme-dark', 'mend-theme-harbor', 'mend-theme-ember'];
const PREFS = 'mend-demo:prefs';
/** The console's own key to the recovery (`<mend-host recovery-key>`), shown in the top bar. */
export const RECOVERY_KEY = 'Alt+R';

export interface DemoOptions {
  /** IndexedDB name of the embedded CRM (default `mend-local-crm`); tests pass a fresh one. */
  db?: string;
  /** The page element that carries the theme classes and `dir` (default `<html>`). */
  page?: HTMLElement;
  /** Remember the theme and direction in localStorage (default true). */
  remember?: boolean;
  /**
   * The Mend service to keep the fund and the records in (else the embedded CRM keeps them): its
   * address, the agent's token and the team lead's (for the Team lead tab).
   */
  service?: { url: string; token: string; leadToken: string };
}

const CHANNEL_LABELS: Record<Channel, string> = {
  voice: 'Voice',
  chat: 'Chat',
  email: 'Email',
  messaging: 'Messaging',
  social: 'Social',
  other: 'Other',
};

/** A shape per channel (decorative: the channel is always named in words too). */
const CHANNEL_ICONS: Record<Channel, TemplateResult> = {
  voice: svg`<path d="M4.5 1.5l2.4 3-1.4 1.8a8 8 0 0 0 4.2 4.2l1.8-1.4 3 2.4-1.3 2.5C7.6 14 2 8.4 2 2.8z"/>`,
  chat: svg`<path d="M2 3h12v8H7l-3.5 3V11H2z"/>`,
  email: svg`<path d="M1.5 3.5h13v9h-13z"/><path d="M1.5 3.5L8 9l6.5-5.5" fill="none" stroke="var(--demo-surface)" stroke-width="1.4"/>`,
  messaging: svg`<path d="M2 2.5h12v8.5H9l-4 3v-3H2z"/><circle cx="5.5" cy="6.7" r="1" fill="var(--demo-surface)"/><circle cx="8" cy="6.7" r="1" fill="var(--demo-surface)"/><circle cx="10.5" cy="6.7" r="1" fill="var(--demo-surface)"/>`,
  social: svg`<circle cx="8" cy="5" r="3"/><path d="M2 14.5c.6-3.2 3-5 6-5s5.4 1.8 6 5z"/>`,
  other: svg`<circle cx="8" cy="8" r="6"/>`,
};

/** The whole console, rendered into `target`. Create it with {@link mountDemo}. */
export class DemoConsole {
  /** The console's own side: the embedded CRM (the queue, contacts, histories, wrap-up). */
  readonly adapter: LocalAdapter;
  /** What the widgets get: the embedded CRM alone, or composed with the Mend service. */
  readonly hostAdapter: HostAdapter;
  /** The Mend service, when the console runs on it. */
  readonly service: ServiceAdapter | null;
  readonly session: HostSession;
  /** The team lead's tab (its own adapter on the same CRM, signed in as the lead). */
  readonly lead: LeadTab;
  /** Resolves when the first context and queue are loaded (or failed). */
  readonly ready: Promise<void>;
  /** Where the service is and the agent's token (its demo reset), when the console runs on it. */
  readonly #serviceAt: DemoOptions['service'];

  #target: HTMLElement;
  #page: HTMLElement;
  #remember: boolean;
  #locale = 'en-US';
  #agent: Agent | null = null;
  #interactions: Interaction[] = [];
  #queueError = '';
  #loaded = false;
  #activeId: string | null = null;
  #pending = 0;
  #lastPending = -1;
  #notice = '';
  #log: LogLine[] = [];
  #logId = 0;
  #generation = 0;
  #resetting = false;
  #busy = false;
  #theme: Theme = 'light';
  #rtl = false;
  #tab: DeskTab = 'agent';
  #timer: ReturnType<typeof setInterval> | undefined;
  #offs: Array<() => void> = [];
  #destroyed = false;

  constructor(target: HTMLElement, options: DemoOptions = {}) {
    this.#target = target;
    this.#page = options.page ?? document.documentElement;
    this.#remember = options.remember ?? true;
    this.adapter = new LocalAdapter(options.db ? { name: options.db } : {});
    this.#serviceAt = options.service;
    this.service = options.service ? new ServiceAdapter({ baseUrl: options.service.url, token: options.service.token }) : null;
    this.hostAdapter = this.service ? composeAdapter(this.adapter, this.service) : this.adapter;
    this.session = sessionFor(this.hostAdapter);
    // The lead signs in on their own adapter: the service with the lead's token, else the same CRM.
    const leadAdapter = options.service
      ? new ServiceAdapter({ baseUrl: options.service.url, token: options.service.leadToken })
      : new LocalAdapter({ ...(options.db ? { name: options.db } : {}), agentId: DEMO_IDS.lead });
    this.lead = new LeadTab(leadAdapter, (notice) => (notice ? this.#say(notice) : this.#render()));
    this.#offs.push(() => (this.lead.destroy(), leadAdapter.close()));
    this.#restorePrefs();
    for (const type of LOGGED_EVENTS) {
      const listener = (event: Event) => this.#onEvent(type, event as CustomEvent);
      window.addEventListener(type, listener);
      this.#offs.push(() => window.removeEventListener(type, listener));
    }
    this.#offs.push(
      this.adapter.on('interactionChanged', ({ interaction }) => {
        this.#activeId = interaction?.id ?? null;
        this.#render();
      }),
      this.adapter.on('interactionEnded', () => void this.#loadQueue()),
      // A lead decided one of this agent's spends (in the lead tab or elsewhere): the service's
      // stream tells the agent about their own spends.
      (this.service ?? this.adapter).on('approvalDecided', (decided) => decided.agentId === this.#agent?.id && this.#say(decisionNotice(decided))),
    );
    // Waiting times tick.
    this.#timer = setInterval(() => this.#render(), 30_000);
    this.#render();
    this.ready = this.#start();
  }

  // ---- what the controls do (public, so tests and a console user can drive them) ----

  get activeId(): string | null {
    return this.#activeId;
  }

  get interactions(): readonly Interaction[] {
    return this.#interactions;
  }

  /** Writes stored on this device that the host has not confirmed yet. */
  get pending(): number {
    return this.#pending;
  }

  get log(): readonly LogLine[] {
    return this.#log;
  }

  get theme(): Theme {
    return this.#theme;
  }

  /** Make a contact of the queue the active one: every widget follows it. */
  async select(interactionId: string): Promise<void> {
    if (interactionId === this.#activeId) return;
    try {
      await this.adapter.setActive(interactionId);
      this.#say('');
    } catch (error) {
      this.#say(`Could not switch to this contact: ${toHostError(error).message}`);
    }
  }

  /** Take the host offline (every call fails, writes wait in the outbox) or bring it back. */
  setOnline(online: boolean): void {
    this.adapter.setOnline(online);
    this.#say(online ? 'The host is back online. Waiting writes are being delivered.' : 'The host is offline. New writes are kept on this device.');
    if (online) {
      const s = this.session;
      void s.openOutbox().then((outbox) => outbox.retryNow());
      for (const resource of [s.context, s.policy, s.taxonomy, s.recurrence]) if (resource.state.status === 'error') void resource.reload();
      if (this.#agent) {
        const fund = s.fund(this.#agent.id);
        if (fund.state.status === 'error') void fund.reload();
      }
      const customer = this.#active?.customerId;
      if (customer) {
        const history = s.history(customer);
        if (history.state.status === 'error') void history.reload();
      }
      if (this.#queueError || !this.#loaded) void this.#start();
    }
  }

  /**
   * Restore the demo data: the CRM's seed and, on the service, its demo tenant (the fund, the
   * ledger, the records, the lead's queue); no drafts, fresh widgets. Writes still waiting in the
   * outbox are kept (nothing an agent logged is ever dropped silently).
   */
  async reset(): Promise<void> {
    if (this.#resetting) return;
    this.#resetting = true;
    this.#render(); // the widgets leave the page and flush their drafts
    try {
      this.adapter.setOnline(true);
      await Promise.all([this.adapter.reset(), this.#resetService()]);
      clearDrafts();
      const s = this.session;
      await Promise.all([s.context.reload(), s.recurrence.reload(), this.#agent ? s.fund(this.#agent.id).reload() : null]);
      this.#activeId = s.interaction?.id ?? null;
      await this.#loadQueue();
      this.#log = [];
      this.#generation++;
      this.lead.reset();
      this.#say('The demo data is restored.');
    } catch (error) {
      this.#say(`Could not restore the demo data: ${toHostError(error).message}`);
    } finally {
      this.#resetting = false;
      this.#render();
    }
  }

  /** The service started by `npm start` restores its demo tenant (`POST /v1/demo/reset`, a demo-only route). */
  async #resetService(): Promise<void> {
    const at = this.#serviceAt;
    if (!at) return;
    const response = await fetch(`${at.url}/v1/demo/reset`, { method: 'POST', headers: { authorization: `Bearer ${at.token}` } });
    if (!response.ok) throw new Error(`The service did not restore its data (HTTP ${response.status}).`);
  }

  /** Wrap up the active contact: the root-cause logger may hold it until the cause is logged. */
  async wrapUp(): Promise<void> {
    const active = this.#active;
    if (!active || this.#busy) return;
    this.#busy = true;
    this.#render();
    try {
      const verdict = await this.adapter.endInteraction(active.id);
      if (!verdict.allow) {
        this.#say(verdict.message ?? 'The contact cannot be wrapped up yet.');
        return;
      }
      await this.#loadQueue();
      const next = this.#interactions[0];
      if (next) await this.adapter.setActive(next.id);
      this.#say(`${active.customerName ?? 'The contact'} is wrapped up.`);
    } catch (error) {
      this.#say(`Could not wrap up: ${toHostError(error).message}`);
    } finally {
      this.#busy = false;
      this.#render();
    }
  }

  setTheme(theme: Theme): void {
    this.#theme = THEMES.includes(theme) ? theme : 'light';
    this.#applyPrefs();
    this.#render();
  }

  /** Show the agent's desk or the team lead's (approvals and the recovery report). */
  get tab(): DeskTab {
    return this.#tab;
  }

  setTab(tab: DeskTab): void {
    this.#tab = tab;
    this.#render();
  }

  setRtl(rtl: boolean): void {
    this.#rtl = rtl;
    this.#applyPrefs();
    this.#render();
  }

  /** Stop listening, stop timers, remove the console from the page. */
  destroy(): void {
    this.#destroyed = true;
    clearInterval(this.#timer);
    for (const off of this.#offs) off();
    this.#offs = [];
    render(nothing, this.#target);
    this.adapter.close();
    this.service?.close();
  }

  // ---- internals ----

  get #active(): Interaction | null {
    return this.#interactions.find((i) => i.id === this.#activeId) ?? this.session.interaction ?? null;
  }

  async #start(): Promise<void> {
    try {
      const context = await this.adapter.getContext();
      this.#agent = context.agent;
      this.#locale = context.locale;
      this.#activeId = context.interaction?.id ?? null;
    } catch (error) {
      this.#queueError = toHostError(error).message;
    }
    await this.#loadQueue();
    const outbox = await this.session.openOutbox();
    await outbox.ready;
    this.#pending = outbox.pending;
    this.#loaded = true;
    this.#render();
  }

  async #loadQueue(): Promise<void> {
    try {
      this.#interactions = await this.adapter.interactions();
      this.#queueError = '';
    } catch (error) {
      this.#queueError = toHostError(error).message;
    }
    this.#render();
  }

  #onEvent(type: LoggedEvent, event: CustomEvent): void {
    if (type === 'mend-outbox-change') {
      const detail = event.detail as { scope?: string; pending?: number } | undefined;
      if (detail?.scope !== this.adapter.storageScope) return;
      this.#pending = detail.pending ?? 0;
      if (this.#pending === this.#lastPending) return this.#render();
      this.#lastPending = this.#pending;
    }
    const who = (id: string | null | undefined) => this.#interactions.find((i) => i.id === id)?.customerName ?? '';
    const text = describe(type, event.detail, who, this.#locale);
    this.#log = [{ id: ++this.#logId, at: Date.now(), type, text }, ...this.#log].slice(0, LOG_SIZE);
    this.#render();
  }

  #say(message: string): void {
    this.#notice = message;
    this.#render();
  }

  #restorePrefs(): void {
    if (this.#remember) {
      try {
        const saved = JSON.parse(localStorage.getItem(PREFS) ?? '{}') as { theme?: Theme; rtl?: boolean };
        if (THEMES.includes(saved.theme as Theme)) this.#theme = saved.theme!;
        this.#rtl = saved.rtl === true;
      } catch {
        /* no storage: defaults */
      }
    }
    this.#applyPrefs();
  }

  #applyPrefs(): void {
    const [family, dark] = this.#theme.endsWith('dark') ? [this.#theme.replace(/-?dark$/, ''), true] : [this.#theme, false];
    this.#page.classList.remove(...THEME_CLASSES);
    if (dark) this.#page.classList.add('mend-theme-dark');
    if (family === 'harbor' || family === 'ember') this.#page.classList.add(`mend-theme-${family}`);
    this.#page.dir = this.#rtl ? 'rtl' : 'ltr';
    if (this.#remember) {
      try {
        localStorage.setItem(PREFS, JSON.stringify({ theme: this.#theme, rtl: this.#rtl }));
      } catch {
        /* ignore */
      }
    }
  }

  #waiting(startedAt: string): string {
    const minutes = Math.max(0, Math.floor((Date.now() - Date.parse(startedAt)) / 60_000));
    const [value, unit] = minutes < 60 ? [minutes, 'minute'] : [Math.floor(minutes / 60), 'hour'];
    return new Intl.NumberFormat(this.#locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  }

  #render(): void {
    if (this.#destroyed) return;
    render(this.#template(), this.#target);
  }

  #template(): TemplateResult {
    const online = this.adapter.online;
    return html`<mend-host .adapter=${this.hostAdapter} recovery-key=${RECOVERY_KEY}>
      <div class="demo" data-online=${online ? 'true' : 'false'}>
        ${this.#topBar(online)}
        <p class="notice" role="status" dir="auto">${this.#notice}</p>
        <div class="desk-bar">${this.lead.tabs(this.#tab, (tab) => this.setTab(tab))} ${this.#demoControls(online)}</div>
        <div class="desk" id="agent-panel" role="tabpanel" aria-labelledby="tab-agent" ?hidden=${this.#tab !== 'agent'}>
          <div class="col col-queue">${this.#queue()} ${this.#eventLog()}</div>
          ${this.#resetting
            ? html`<div class="col col-work resetting"><p class="quiet">Restoring the demo data…</p></div>`
            : keyed(this.#generation, this.#work())}
        </div>
        ${this.lead.panel(this.#tab !== 'lead')}
      </div>
    </mend-host>`;
  }

  #topBar(online: boolean): TemplateResult {
    const pending = this.#pending;
    return html`<header class="top">
      <div class="top-main">
        <div class="brand">
          <svg class="logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 13.5l5 5L20 6.5" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <h1>Mend <span class="brand-sub">agent desktop</span></h1>
        </div>
        <p class="agent">
          <span class="label">Agent</span>
          <span class="agent-name">${this.#agent?.name ?? '…'}</span>
        </p>
        ${keyed(this.#generation, html`<mend-fund-meter class="top-fund" variant="compact"></mend-fund-meter>`)}
        <p class="hotkey"><kbd>${RECOVERY_KEY.replace('+', ' + ')}</kbd> recovery</p>
        <p class="host-state" data-online=${online ? 'true' : 'false'}>
          <svg class="state-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            ${online ? svg`<circle cx="8" cy="8" r="6"/>` : svg`<path d="M2 2h12v12H2z"/>`}
          </svg>
          ${online ? 'Host connected' : 'Host offline'}
        </p>
        <p class="outbox" data-pending=${pending ? 'true' : 'false'}>
          <svg class="state-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            ${pending ? svg`<path d="M8 1.5l6.5 12H1.5z"/>` : svg`<path d="M2 8.5l4 4L14 4.5" fill="none" stroke="currentColor" stroke-width="2.5"/>`}
          </svg>
          ${pending ? `Outbox: ${pending} waiting to send` : 'Outbox: all sent'}
        </p>
      </div>
    </header>`;
  }

  /** The demo's own switches, beside the desk tabs (they are not part of a real console). */
  #demoControls(online: boolean): TemplateResult {
    return html`<div class="top-demo" role="group" aria-labelledby="demo-controls">
        <span id="demo-controls" class="label">Demo controls</span>
        <button type="button" class="switch" role="switch" aria-checked=${online ? 'true' : 'false'} @click=${() => this.setOnline(!online)}>
          <span class="switch-track" aria-hidden="true"><span class="switch-thumb"></span></span>
          Host online
        </button>
        <label class="theme">
          <span>Theme</span>
          <select @change=${(e: Event) => this.setTheme((e.target as HTMLSelectElement).value as Theme)}>
            ${THEMES.map((t) => html`<option value=${t} ?selected=${t === this.#theme}>${THEME_LABELS[t]}</option>`)}
          </select>
        </label>
        <button type="button" class="switch" role="switch" aria-checked=${this.#rtl ? 'true' : 'false'} @click=${() => this.setRtl(!this.#rtl)}>
          <span class="switch-track" aria-hidden="true"><span class="switch-thumb"></span></span>
          Right-to-left
        </button>
        <button type="button" class="reset" ?disabled=${this.#resetting} @click=${() => void this.reset()}>Reset demo data</button>
      </div>`;
  }

  #queue(): TemplateResult {
    const list = this.#interactions;
    return html`<nav class="panel queue" aria-labelledby="queue-title">
      <h2 id="queue-title" class="panel-title">Queue <span class="count">${list.length}</span></h2>
      ${this.#queueError
        ? html`<p class="error">
            The queue could not load: ${this.#queueError}
            <button type="button" @click=${() => void this.#loadQueue()}>Retry</button>
          </p>`
        : nothing}
      ${!this.#loaded && !this.#queueError ? html`<p class="quiet">Loading the queue…</p>` : nothing}
      ${this.#loaded && !list.length && !this.#queueError ? html`<p class="quiet">No open contacts. Reset the demo data to start again.</p>` : nothing}
      <ul class="queue-list">
        ${list.map(
          (i) => html`<li>
            <button
              type="button"
              class="contact"
              data-id=${i.id}
              aria-current=${i.id === this.#activeId ? 'true' : 'false'}
              @click=${() => void this.select(i.id)}
            >
              <span class="contact-head">
                <span class="contact-name" dir="auto">${i.customerName ?? i.customerId}</span>
                <span class="contact-wait" dir="auto">${this.#waiting(i.startedAt)}</span>
              </span>
              <span class="contact-meta">
                <svg class="channel-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${CHANNEL_ICONS[i.channel]}</svg>
                <span class="contact-channel">${CHANNEL_LABELS[i.channel]}</span>
                ${i.severity ? html`<span class="contact-severity" data-severity=${i.severity}>${i.severity}</span>` : nothing}
              </span>
              <span class="contact-subject" dir="auto">${i.subject ?? ''}</span>
            </button>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  #eventLog(): TemplateResult {
    return html`<section class="panel log" aria-labelledby="log-title">
      <h2 id="log-title" class="panel-title">Event log</h2>
      <div role="log" aria-live="polite" aria-labelledby="log-title">
        <ol class="log-list">
        ${this.#log.map(
          (line) => html`<li data-type=${line.type}>
            <time datetime=${new Date(line.at).toISOString()}>${new Date(line.at).toLocaleTimeString(this.#locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}</time>
            <code>${line.type}</code>
            <span dir="auto">${line.text}</span>
          </li>`,
        )}
        </ol>
      </div>
      ${this.#log.length ? nothing : html`<p class="quiet">Events the widgets fire appear here.</p>`}
    </section>`;
  }

  #work(): TemplateResult {
    const active = this.#active;
    return html`<main class="col col-work" aria-labelledby="customer-title">
        <section class="panel customer">
          ${active
            ? html`<div class="customer-head">
                  <h2 id="customer-title" class="customer-name" dir="auto">${active.customerName ?? active.customerId}</h2>
                  <p class="customer-meta">
                    <svg class="channel-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${CHANNEL_ICONS[active.channel]}</svg>
                    <span>${CHANNEL_LABELS[active.channel]}</span>
                    <span aria-hidden="true">·</span>
                    <span>waiting ${this.#waiting(active.startedAt)}</span>
                  </p>
                  <button type="button" class="wrap-up" ?disabled=${this.#busy} @click=${() => void this.wrapUp()}>Wrap up</button>
                </div>
                ${active.subject ? html`<p class="customer-subject" dir="auto">${active.subject}</p>` : nothing}`
            : html`<h2 id="customer-title" class="customer-name">No active contact</h2>
                <p class="quiet">Pick a contact from the queue.</p>`}
        </section>
        <mend-baggage-banner></mend-baggage-banner>
        <mend-offer-picker></mend-offer-picker>
      </main>
      <aside class="col col-tools" aria-label="Fund and root cause">
        <mend-fund-meter></mend-fund-meter>
        <mend-root-cause-logger></mend-root-cause-logger>
      </aside>`;
  }
}

/** Remove every widget draft (the logger's per-contact drafts) from localStorage. */

/** Render the console into `target` (default: `#app`). */
export function mountDemo(target: HTMLElement, options: DemoOptions = {}): DemoConsole {
  return new DemoConsole(target, options);
}
