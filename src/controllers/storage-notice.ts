/**
 * The one way a writing widget says that this browser cannot store work (the session's storage is
 * full): a polite notice with what still works and what to do, rendered by every writing widget
 * while it lasts, announced once per episode for the whole session (not once per widget or per
 * click), gone by itself when the session finds that storing works again.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { HostSession } from '../adapter/session.js';

/** The notice's strings, part of each writing widget's own (replaceable like any other). */
export const storageStrings = {
  storageFull: 'This browser cannot save your work right now: its storage is full.',
  storageFullWorks: 'History, recommendations and the fund still work; work saved before is kept and still sent.',
  storageFullTodo: 'Note new work elsewhere or free space in this browser. This note goes away by itself once saving works again.',
} as const;

export interface StorageNoticeOptions {
  session: () => HostSession | null;
  t: (key: keyof typeof storageStrings) => string;
  announce: (message: string) => void;
}

/** The episode last announced, per session: the first widget to update says it, the others do not. */
const announced = new WeakMap<HostSession, number>();

export class StorageNotice implements ReactiveController {
  #options: StorageNoticeOptions;

  constructor(host: ReactiveControllerHost, options: StorageNoticeOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** Whether the notice shows. */
  get shown(): boolean {
    return this.#options.session()?.storage.status === 'full';
  }

  hostUpdate(): void {
    const session = this.#options.session();
    const storage = session?.storage;
    if (!session || storage?.status !== 'full' || announced.get(session) === storage.episode) return;
    announced.set(session, storage.episode);
    this.#options.announce(`${this.#options.t('storageFull')} ${this.#options.t('storageFullTodo')}`);
  }

  render(): TemplateResult | typeof nothing {
    if (!this.shown) return nothing;
    const { t } = this.#options;
    return html`<div part="storage-notice" class="storage-notice">
      <p><strong>${t('storageFull')}</strong> ${t('storageFullWorks')} ${t('storageFullTodo')}</p>
    </div>`;
  }
}
