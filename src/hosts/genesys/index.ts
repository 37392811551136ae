/**
 * `mend-widgets/hosts/genesys`: the Genesys Cloud kit for an interaction widget. Takes the platform
 * client and a ClientApp by injection; never imports `purecloud-platform-client-v2` or
 * `purecloud-client-app-sdk`. See docs/hosts/genesys.md.
 */
export { GenesysKit, conversationIdFromUrl, signInWithPkce, type GenesysKitOptions, type GenesysKitStatus } from './genesys-kit.js';
export type * from './types.js';
export { CONSOLE_WRITES } from '../shared/keyed-writes.js';
/** Re-exported so a console page needs one import: `composeAdapter(kit, service, { from: CONSOLE_WRITES })`. */
export { composeAdapter, type ComposeOptions } from '../../adapter/compose.js';
