/**
 * Everything: registers every Mend element and exports the classes, the adapter layer and the core
 * rules. For a smaller bundle import one widget, e.g. `mend-widgets/fund-meter`.
 */
export * from './define/host.js';
export * from './define/baggage-banner.js';
export * from './define/offer-picker.js';
export * from './define/fund-meter.js';
export * from './define/root-cause-logger.js';
export * from './define/approval-queue.js';
export * from './define/recovery-report.js';
export * from './adapter/index.js';
export * from './core/index.js';
