// Test-page helpers: load fixtures/child.html on a real second origin (127.0.0.1 vs localhost on the
// same port) and drive it with `bridge-test` messages.
import { tick, until } from '../helpers/until.js';

export const port = location.port;
/** The origin that is NOT the test page's: same server, other host name, so a different origin. */
export const otherOrigin = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${port}`;
export const pageOrigin = location.origin;

export interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { code?: string; message: string; retryable?: boolean; details?: Record<string, unknown>; isHostError?: boolean };
}

export class Frame {
  readonly element: HTMLIFrameElement;
  readonly events: Array<{ key: string; payload: unknown }> = [];
  /** Bridge messages this frame sent to the test page (what a host page sees on the wire). */
  readonly sent: Array<Record<string, unknown>> = [];
  #seq = 0;
  #waiting = new Map<number, (r: Reply) => void>();
  #ready!: Promise<void>;
  #onReady!: () => void;

  constructor(public origin: string) {
    this.element = document.createElement('iframe');
    this.element.title = 'widgets';
    addEventListener('message', this.#onMessage);
    this.navigate(origin);
    document.body.append(this.element);
  }

  /** Load the driver page from `origin` in the same frame (same window, new origin). */
  navigate(origin: string): Promise<void> {
    this.origin = origin;
    this.#ready = new Promise((r) => (this.#onReady = r));
    this.element.src = `${origin}/test/bridge/fixtures/child.html?at=${Date.now()}`;
    return this.#ready;
  }

  get window(): Window {
    return this.element.contentWindow!;
  }

  /** Index of this frame in `window.frames`, for a sibling to post to it. */
  get index(): number {
    for (let i = 0; i < frames.length; i++) if (frames[i] === this.window) return i;
    throw new Error('frame not found');
  }

  loaded(): Promise<void> {
    return this.#ready;
  }

  #onMessage = (event: MessageEvent) => {
    if (event.source !== this.element.contentWindow) return;
    const d = event.data as Record<string, unknown>;
    if (d?.type === 'bridge-test-ready' && event.origin === this.origin) this.#onReady();
    else if (d?.type === 'bridge-test-reply') this.#waiting.get(d.seq as number)?.(d as unknown as Reply);
    else if (d?.type === 'bridge-test-event') this.events.push({ key: d.key as string, payload: d.payload });
    else if (d?.type === 'mend-bridge') this.sent.push(d);
  };

  /** Run one driver command in the frame; resolves with its reply (never rejects). */
  run(op: string, fields: Record<string, unknown> = {}): Promise<Reply> {
    const seq = ++this.#seq;
    return new Promise((resolve) => {
      this.#waiting.set(seq, resolve);
      this.window.postMessage({ type: 'bridge-test', seq, op, ...fields }, this.origin);
    });
  }

  /** Run and expect success: the value. */
  async value<T = unknown>(op: string, fields: Record<string, unknown> = {}): Promise<T> {
    const r = await this.run(op, fields);
    if (!r.ok) throw new Error(`${op} failed: ${r.error?.code} ${r.error?.message}`);
    return r.value as T;
  }

  /** Run and expect failure: the serialized error. */
  async error(op: string, fields: Record<string, unknown> = {}): Promise<NonNullable<Reply['error']>> {
    const r = await this.run(op, fields);
    if (r.ok) throw new Error(`${op} succeeded with ${JSON.stringify(r.value)}, expected an error`);
    return r.error!;
  }

  remove(): void {
    removeEventListener('message', this.#onMessage);
    this.element.remove();
  }
}

export async function openFrame(origin = otherOrigin): Promise<Frame> {
  const frame = new Frame(origin);
  await frame.loaded();
  return frame;
}

export { tick, until };
