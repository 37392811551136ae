/**
 * Keeps a widget's draft per interaction across reloads, so nothing an agent typed is lost when
 * the console reloads the page or the agent switches between concurrent contacts.
 *
 * Storage is `localStorage` (synchronous: the draft is there on the first render after a reload,
 * with no flash of an empty form). When storage is unavailable (blocked, sandboxed, full) the
 * draft lives in memory for the page's lifetime instead: the widget keeps working.
 *
 * Writes are coalesced to one per task and flushed when the widget disconnects or the page hides.
 * Drafts older than `maxAgeMs` (default 7 days) are dropped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const PREFIX = 'mend:draft:';
const WEEK_MS = 7 * 86_400_000;

interface Stored<T> {
  at: number;
  value: T;
}

/** The storage drafts use, or null (memory only): probed once per page (a write and a removal). */
let probed: Storage | null | undefined;
function storage(): Storage | null {
  return probed === undefined ? (probed = probe()) : probed;
}

function probe(): Storage | null {
  try {
    const s = globalThis.localStorage;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

const memory = new Map<string, string>();
/**
 * The connected drafts, flushed when the page hides: one page listener for all of them, added once
 * (adding and removing a window listener at every connect cost more than the rest of a widget's drafts).
 */
const live = new Set<{ flush(): void }>();
let listening = false;

/** Widgets whose expired drafts were dropped in this page (once per page: a read drops an expired one too). */
const pruned = new Set<string>();

/** Forget every widget's drafts on this device (the demo's reset): stored and in-memory ones. */
export function clearDrafts(): void {
  memory.clear();
  const s = storage();
  if (!s) return;
  for (const key of Object.keys(s)) if (key.startsWith(PREFIX)) s.removeItem(key);
}

export interface DraftOptions {
  /** Drafts older than this are ignored and removed. Default 7 days. */
  maxAgeMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export class DraftController<T> implements ReactiveController {
  readonly #name: string;
  readonly #maxAge: number;
  readonly #now: () => number;
  readonly #storage = storage();
  #pending = new Map<string, T | null>();
  #scheduled = false;

  constructor(host: ReactiveControllerHost, name: string, options: DraftOptions = {}) {
    this.#name = name;
    this.#maxAge = options.maxAgeMs ?? WEEK_MS;
    this.#now = options.now ?? Date.now;
    host.addController(this);
  }

  hostConnected(): void {
    if (!listening) globalThis.addEventListener?.('pagehide', () => live.forEach((d) => d.flush()));
    listening = true;
    live.add(this);
    this.#prune();
  }

  hostDisconnected(): void {
    live.delete(this);
    this.flush();
  }

  /** The draft of one interaction, or undefined. */
  read(id: string): T | undefined {
    if (this.#pending.has(id)) return this.#pending.get(id) ?? undefined;
    const raw = this.#get(this.#key(id));
    if (!raw) return undefined;
    try {
      const stored = JSON.parse(raw) as Stored<T>;
      if (typeof stored?.at !== 'number' || this.#now() - stored.at > this.#maxAge) {
        this.#remove(this.#key(id));
        return undefined;
      }
      return stored.value;
    } catch {
      this.#remove(this.#key(id));
      return undefined;
    }
  }

  /** Keep the draft of one interaction (stored by the end of the current task). */
  write(id: string, value: T): void {
    this.#pending.set(id, value);
    this.#schedule();
  }

  /** Forget the draft of one interaction. */
  clear(id: string): void {
    this.#pending.set(id, null);
    this.#schedule();
  }

  /** Store pending writes now. */
  flush(): void {
    this.#scheduled = false;
    const pending = this.#pending;
    this.#pending = new Map();
    for (const [id, value] of pending) {
      if (value === null) this.#remove(this.#key(id));
      else this.#set(this.#key(id), JSON.stringify({ at: this.#now(), value } satisfies Stored<T>));
    }
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setTimeout(() => this.#scheduled && this.flush(), 0);
  }

  #key(id: string): string {
    return `${PREFIX}${this.#name}:${id}`;
  }

  #get(key: string): string | null {
    try {
      return this.#storage ? this.#storage.getItem(key) : (memory.get(key) ?? null);
    } catch {
      return memory.get(key) ?? null;
    }
  }

  #set(key: string, value: string): void {
    try {
      if (this.#storage) return this.#storage.setItem(key, value);
    } catch {
      /* full or blocked: keep it in memory */
    }
    memory.set(key, value);
  }

  #remove(key: string): void {
    memory.delete(key);
    try {
      this.#storage?.removeItem(key);
    } catch {
      /* ignore */
    }
  }

  /** Drop expired drafts of this widget (when the first of its kind connects in the page). */
  #prune(): void {
    const s = this.#storage;
    if (!s || pruned.has(this.#name)) return;
    pruned.add(this.#name);
    const prefix = `${PREFIX}${this.#name}:`;
    try {
      for (let i = s.length - 1; i >= 0; i--) {
        const key = s.key(i);
        if (key?.startsWith(prefix)) this.read(key.slice(prefix.length));
      }
    } catch {
      /* ignore */
    }
  }
}
