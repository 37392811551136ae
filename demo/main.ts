/**
 * Entry of the demo agent console (`npm start`, `npm run build:demo`). `?db=<name>` runs it on a
 * separate embedded CRM (IndexedDB database), e.g. for tests.
 */
import { mountDemo, type DemoConsole } from './console.js';

const params = new URLSearchParams(location.search);
const db = params.get('db') ?? undefined;
const app = document.getElementById('app');

/** The running console (also on `window.mendDemo` for tests and the curious). */
export const demo: DemoConsole | null = app ? mountDemo(app, { db, remember: !db }) : null;

declare global {
  interface Window {
    mendDemo?: DemoConsole | null;
  }
}
window.mendDemo = demo;
