/**
 * A console-wide key, such as `Alt+R`, that runs an action while its element is connected. The key
 * is heard on the element's document (the agent's focus may be anywhere in the console), and is
 * left alone while the agent is typing it as text or when another handler already used it.
 *
 * Keys are written `Modifier+…+Key`: modifiers `Alt`, `Control` (or `Ctrl`), `Shift`, `Meta`; the
 * key a letter, digit, `F1`–`F12` or a `KeyboardEvent.key` name (`Home`, `/`). Letters and digits
 * match by physical key, so `Alt+R` works where Alt changes the character (macOS types "®").
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface Hotkey {
  key: string;
  alt: boolean;
  ctrl: boolean;
  shift: boolean;
  meta: boolean;
}

/** Read `Alt+R`-style text; null when it names no key. */
export function parseHotkey(text: string | null | undefined): Hotkey | null {
  const parts = (text ?? '').split('+').map((p) => p.trim()).filter(Boolean);
  const key = parts.pop();
  if (!key) return null;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return { key, alt: mods.has('alt'), ctrl: mods.has('control') || mods.has('ctrl'), shift: mods.has('shift'), meta: mods.has('meta') || mods.has('cmd') };
}

/** Whether a key press is the hotkey. */
export function matchesHotkey(event: KeyboardEvent, hotkey: Hotkey): boolean {
  if (event.altKey !== hotkey.alt || event.ctrlKey !== hotkey.ctrl || event.shiftKey !== hotkey.shift || event.metaKey !== hotkey.meta) return false;
  const key = hotkey.key;
  if (/^[a-z]$/i.test(key)) return event.code === `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}` || event.code === `Numpad${key}`;
  return event.key.toLowerCase() === key.toLowerCase();
}

export class HotkeyController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #key: () => string | null | undefined;
  #run: () => boolean;
  #doc: Document | null = null;

  /** `run` does the action and says whether it did (then the key is used up). */
  constructor(host: ReactiveControllerHost & HTMLElement, key: () => string | null | undefined, run: () => boolean) {
    this.#host = host;
    this.#key = key;
    this.#run = run;
    host.addController(this);
  }

  hostConnected(): void {
    this.#doc = this.#host.ownerDocument;
    this.#doc.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.#doc?.removeEventListener('keydown', this.#onKeydown);
    this.#doc = null;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing || event.repeat) return;
    const hotkey = parseHotkey(this.#key());
    if (!hotkey || !matchesHotkey(event, hotkey)) return;
    // A plain printable key (no Alt/Control/Meta) typed into a field is text, not a command.
    const printable = !hotkey.alt && !hotkey.ctrl && !hotkey.meta && event.key.length === 1;
    if (printable && isTyping(event)) return;
    if (this.#run()) event.preventDefault();
  };
}

function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
