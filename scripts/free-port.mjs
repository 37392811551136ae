// A free TCP port on 127.0.0.1: the preferred one when it is free, else one the system gives.
import { createServer } from 'node:net';

/** @param {number} [preferred] @returns {Promise<number>} */
export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', (error) => (preferred ? freePort(0).then(resolve, reject) : reject(error)));
    s.listen(preferred, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
