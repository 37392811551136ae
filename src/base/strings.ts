/**
 * Every user-visible string, replaceable through `<mend-host .strings>` or a widget's `strings`
 * property. Placeholders are `{name}`; values are inserted as text, never as markup.
 */
export const defaultStrings = {
  // shared
  loading: 'Loading…',
  retry: 'Retry',
  errorPrefix: 'Could not load: {message}',
  noInteraction: 'No active interaction.',
  unsupported: 'This console does not provide {what}.',
  savedLocally: 'Saved on this device; sending…',
  sent: 'Delivered.',
  needsAttention: 'Not accepted: {message}',
} as const;

export type MendStrings = { [K in keyof typeof defaultStrings]: string };
export type StringKey = keyof MendStrings;

/** Fill `{name}` placeholders. The result is plain text; Lit renders it as text. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}
