// The service's suite on a real PostgreSQL server: MEND_TEST_DATABASE_URL, set by test/run.mjs
// (which starts a throw-away server with scripts/pg.mjs).
import { serviceSuite } from './suite.mjs';

const url = process.env.MEND_TEST_DATABASE_URL;
if (!url) throw new Error('MEND_TEST_DATABASE_URL is not set: run the service tests with `node service/test/run.mjs`.');
serviceSuite('PostgreSQL', () => url);
