/**
 * A console-wide key, such as `Alt+R`, that runs an action while its element is connected. The key
 * is heard on the element's document (the agent's focus may be anywhere in the console), and is
 * left alone when another handler already used it, or when it is a plain key typed into a field.
 *
 * Keys are written `Modifier+…+Key`: modifiers `Alt`, `Control`, `Shift`, `Meta`; the key a letter,
 * a digit or a `KeyboardEvent.key` name (`F2`, `Home`, `/`). Letters and digits match by physical
 * key, so `Alt+R` works where Alt changes the character (macOS types "®").
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const MODIFIERS = ['alt', 'control', 'shift', 'meta'] as const;

/** Whether a key press is the key written as `text`. */
export function isHotkey(event: KeyboardEvent, text: string): boolean {
  const parts = text.toLowerCase().split('+');
  const key = parts.pop()!.trim();
  const down = { alt: event.altKey, control: event.ctrlKey, shift: event.shiftKey, meta: event.metaKey };
  if (!key || MODIFIERS.some((m) => down[m] !== parts.some((p) => p.trim() === m))) return false;
  return /^[a-z0-9]$/.test(key) ? event.code.toLowerCase().replace(/^(key|digit|numpad)/, '') === key : event.key.toLowerCase() === key;
}

export class HotkeyController implements ReactiveController {
  #doc: Document | null = null;

  /** `run` does the action and says whether it did (then the key is used up). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly key: () => string | null | undefined,
    private readonly run: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    (this.#doc = this.host.ownerDocument).addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.#doc?.removeEventListener('keydown', this.#onKeydown);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const key = this.key();
    if (!key || event.defaultPrevented || event.isComposing || event.repeat || !isHotkey(event, key)) return;
    // A plain printable key typed into a field is text, not a command.
    const field = event.composedPath()[0];
    const typing = field instanceof HTMLElement && (field.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName));
    if (typing && event.key.length === 1 && !event.altKey && !event.ctrlKey && !event.metaKey) return;
    if (this.run()) event.preventDefault();
  };
}
