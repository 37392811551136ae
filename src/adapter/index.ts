/** The host boundary: the adapter contract, its errors, validation, the shared session, the outbox. */
export * from './host-adapter.js';
export * from './errors.js';
export { guardHost, callHost, readCapabilities, DEFAULT_TIMEOUT_MS, type GuardedHost, type GuardOptions } from './guard.js';
export { parseHostAnswer, type AnswerName, type HostAnswers } from './schemas.js';
export { Resource, RESOURCE_STATUSES, type ResourceState, type ResourceStatus } from './resource.js';
export { HostSession, sessionFor, type RecoveryStep, type SessionOptions, type StorageState } from './session.js';
export * from './outbox.js';
export { spendOnce, type SpendOnceOptions } from './spend.js';
export { leadHost, canLead, decisionKey, loadLeadSchemas, LEAD_CAPABILITIES, type LeadCapability, type LeadHost, type LeadAdapter, type LeadEvents, type LeadEventName, type ApprovalItem, type ApprovalDecision, type ApprovalDecided, type ApprovalRequested, type ReportQuery, type ReportData, type ReportSpend, type ReportCause } from './lead.js';
