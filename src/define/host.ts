import { MendHost } from '../components/host/host.js';
import { define } from './define.js';

define('mend-host', MendHost);

export { MendHost };

declare global {
  interface HTMLElementTagNameMap {
    'mend-host': MendHost;
  }
}
