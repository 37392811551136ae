// The service's suite on the embedded PGlite.
import { serviceSuite } from './suite.mjs';

serviceSuite('PGlite', () => undefined);
