// What a promise rejected with, for tests that expect a HostError; fails the test when it resolves.
import type { HostError } from '../../src/adapter/errors.js';

export async function rejection(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    return e as HostError;
  }
  throw new Error('expected a rejection');
}
