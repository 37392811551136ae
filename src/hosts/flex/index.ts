/**
 * `mend-widgets/hosts/flex`: the Twilio Flex UI 2 kit. Takes `{ Actions, manager }` from your
 * plugin's `init`; never imports `@twilio/flex-ui`. See docs/hosts/flex.md.
 */
export { FlexKit, type FlexKitOptions } from './flex-kit.js';
export type { FlexActions, FlexEvents, FlexListener, FlexManager, FlexState, FlexTask, FlexWorker } from './types.js';
export { CONSOLE_WRITES } from '../shared/keyed-writes.js';
/** Re-exported so a console page needs one import: `composeAdapter(kit, service, { from: CONSOLE_WRITES })`. */
export { composeAdapter, type ComposeOptions } from '../../adapter/compose.js';
