// The example themes of themes/*.css, as the demo offers them: load the sheets into the test page
// and put a theme's classes on <html>, so widgets are tested the way a vendor themes them.

/** Every theme the demo offers: [name, classes on <html>, dark or not]. */
export const THEMES: ReadonlyArray<readonly [name: string, classes: readonly string[], dark: boolean]> = [
  ['default', [], false],
  ['dark', ['mend-theme-dark'], true],
  ['harbor', ['mend-theme-harbor'], false],
  ['harbor-dark', ['mend-theme-harbor', 'mend-theme-dark'], true],
  ['ember', ['mend-theme-ember'], false],
  ['ember-dark', ['mend-theme-ember', 'mend-theme-dark'], true],
];

const CLASSES = ['mend-theme-dark', 'mend-theme-harbor', 'mend-theme-ember'];

/** Put a theme's classes on <html> (and only those). */
export function theme(classes: readonly string[]): void {
  document.documentElement.classList.remove(...CLASSES);
  document.documentElement.classList.add(...classes);
}

/** In a describe block: the theme sheets are loaded before its tests, and no theme is left on after each. */
export function useThemes(): void {
  const links: HTMLLinkElement[] = [];
  before(async () => {
    for (const name of ['dark', 'harbor', 'ember']) {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `/themes/${name}.css` });
      const loaded = new Promise((resolve, reject) => {
        link.onload = resolve;
        link.onerror = reject;
      });
      document.head.append(link);
      links.push(link);
      await loaded;
    }
  });
  afterEach(() => theme([]));
  after(() => {
    for (const link of links.splice(0)) link.remove();
  });
}
