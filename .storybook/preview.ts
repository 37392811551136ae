import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../themes/harbor.css';
import '../themes/ember.css';

// Controls and docs come from the custom-elements manifest (built from the JSDoc tags).
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Token theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'harbor', title: 'Vendor: Harbor' },
          { value: 'ember', title: 'Vendor: Ember' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', direction: 'ltr' },
  decorators: [
    (story, context) => {
      const theme = String(context.globals.theme ?? 'light');
      const dir = String(context.globals.direction ?? 'ltr');
      document.documentElement.dir = dir;
      document.documentElement.className = theme === 'light' ? '' : `mend-theme-${theme}`;
      document.documentElement.style.colorScheme = theme === 'dark' ? 'dark' : '';
      document.body.style.background = theme === 'dark' ? '#16181d' : '';
      return html`<div class="mend-story" dir=${dir}>${story()}</div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};
export default preview;
