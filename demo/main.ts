/**
 * Entry of the demo agent console (`npm start`, `npm run build:demo`). `npm start` runs the Mend
 * service and hands its address and development tokens (the agent's, the team lead's) to the page
 * (`VITE_MEND_SERVICE`): the fund, the records and the lead's queue and report then live in the service. `?local` keeps everything in the embedded CRM, as
 * the static build does; `?db=<name>` runs on a separate embedded CRM (IndexedDB database), for tests.
 */
import { mountDemo, type DemoConsole } from './console.js';

const params = new URLSearchParams(location.search);
const db = params.get('db') ?? undefined;
const app = document.getElementById('app');
const configured = (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_MEND_SERVICE;
const service = configured && !params.has('local') && !db ? (JSON.parse(configured) as { url: string; token: string; leadToken: string }) : undefined;

/** The running console (also on `window.mendDemo` for tests and the curious). */
export const demo: DemoConsole | null = app ? mountDemo(app, { db, remember: !db, service }) : null;

declare global {
  interface Window {
    mendDemo?: DemoConsole | null;
  }
}
window.mendDemo = demo;
