/**
 * Contexts that `<mend-host>` provides to every widget inside it. The keys are global symbols
 * (`Symbol.for`) so that two copies of the package on one page still meet.
 */
import { createContext } from '@lit/context';
import type { HostAdapter } from '../adapter/host-adapter.js';
import type { MendStrings } from './strings.js';

export interface MendSettings {
  /** BCP 47 locale override; otherwise the host's context, then the document's `lang`. */
  locale?: string;
  /** ISO 4217 currency override; otherwise the host's context. */
  currency?: string;
  /** Replacement strings, merged over the defaults. */
  strings?: Partial<MendStrings> & Record<string, string>;
}

export const adapterContext = createContext<HostAdapter | undefined>(Symbol.for('mend.host.adapter'));
export const settingsContext = createContext<MendSettings>(Symbol.for('mend.host.settings'));
