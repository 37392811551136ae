// The plugin's entry, as Flex Plugins CLI builds it: registers the plugin class with Flex.
import * as FlexPlugin from '@twilio/flex-plugin';
import MendPlugin from './MendPlugin';

FlexPlugin.loadPlugin(MendPlugin);
