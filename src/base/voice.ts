/**
 * One voice per session. An agent's action often changes several widgets at once (a recovery
 * moves the fund, records the offer, fills the root cause): each widget has something to say, and a
 * screen reader user should hear it once, not from five live regions in a row.
 *
 * What the widgets of one session say within a short moment becomes one polite announcement, spoken
 * from one live region: the widget that spoke first (the one the agent acted on), in the order
 * said, each sentence once; a widget that speaks twice in that moment is heard with its newer words. An echo (a widget reporting the effect of another widget's action, like
 * the fund meter after a spend) comes after what the agent's own widget said.
 */

/** Something with a live region: a widget. */
export interface Speaker {
  readonly isConnected: boolean;
  /** Put the words in the live region (empty clears it). */
  speak(message: string): void;
}

export interface SayOptions {
  /** The effect of another widget's action: said after the others, and only when new. */
  echo?: boolean;
}

/** How long a moment is: the batch closes after this much quiet (ms)… */
const QUIET_MS = 120;
/** …or at the latest this long after its first sentence (ms). */
const LONGEST_MS = 600;

interface Line {
  message: string;
  speaker: Speaker;
  echo: boolean;
}

export class Voice {
  #lines: Line[] = [];
  #quiet: ReturnType<typeof setTimeout> | undefined;
  #longest: ReturnType<typeof setTimeout> | undefined;
  #last: Speaker | null = null;

  /** Say something politely; joined with whatever else this session says in the same moment. */
  say(message: string, speaker: Speaker, options: SayOptions = {}): void {
    const text = message.trim();
    if (!text) return;
    // One widget says one thing per moment: its newer words replace what it said before (the
    // banner's first customer, when the console switched to the next one at once).
    this.#lines = this.#lines.filter((line) => line.speaker !== speaker);
    this.#lines.push({ message: text, speaker, echo: options.echo ?? false });
    clearTimeout(this.#quiet);
    this.#quiet = setTimeout(() => this.#flush(), QUIET_MS);
    this.#longest ??= setTimeout(() => this.#flush(), LONGEST_MS);
  }

  #flush(): void {
    clearTimeout(this.#quiet);
    clearTimeout(this.#longest);
    this.#quiet = this.#longest = undefined;
    const lines = this.#lines;
    this.#lines = [];
    const ordered = [...lines.filter((l) => !l.echo), ...lines.filter((l) => l.echo)];
    const said: string[] = [];
    for (const { message } of ordered) if (!said.some((s) => s.includes(message))) said.push(message);
    const speaker = ordered.find((l) => l.speaker.isConnected)?.speaker;
    if (!speaker || said.length === 0) return;
    // A stale sentence left in another region is never read again, but a person browsing the page
    // would find it there: the region that spoke last is cleared.
    if (this.#last && this.#last !== speaker) this.#last.speak('');
    this.#last = speaker;
    speaker.speak(said.join(' '));
  }
}

const voices = new WeakMap<object, Voice>();

/** The one voice of a session (or of any shared owner). */
export function voiceOf(owner: object): Voice {
  let voice = voices.get(owner);
  if (!voice) voices.set(owner, (voice = new Voice()));
  return voice;
}
