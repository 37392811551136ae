/**
 * The agent's desk: registers the host and the four agent widgets and exports the classes, the adapter layer and the core
 * rules. For a smaller bundle import one widget, e.g. `mend-widgets/fund-meter`. The team lead's
 * elements are not registered here (an agent console does not need them): import
 * `mend-widgets/approval-queue` and `mend-widgets/recovery-report`.
 */
export * from './define/host.js';
export * from './define/baggage-banner.js';
export * from './define/offer-picker.js';
export * from './define/fund-meter.js';
export * from './define/root-cause-logger.js';
export * from './adapter/index.js';
export * from './core/index.js';
