export { createSandboxHandler, type SandboxHandlerOptions, type FetchHandler } from './sandbox/handler.js';
export { SANDBOX_ACCOUNTS, type SandboxAccount } from './sandbox/accounts.js';
export { FAULT_KINDS, type FaultKind } from './sandbox/faults.js';
export { toNodeHandler, type NodeHandlerOptions, type NodeMiddleware } from './node.js';
export { createMonoHandler, type MonoHandlerOptions, type MonoCustomer } from './mono-handler.js';
export type { Logger } from './live/redact.js';
export type { ErrorCode } from './live/respond.js';
export { memoryStateStore, type StateStore } from './live/state.js';
export {
  memoryWebhookStore,
  parseWebhookEvent,
  type WebhookEventStore,
  type MemoryStoreOptions,
  type MonoWebhookEvent,
  type AccountConnectedEvent,
  type AccountUpdatedEvent,
  type ReauthorisationRequiredEvent,
  type AccountReauthorizedEvent,
  type JobUpdateEvent,
  type AccountIncomeEvent,
  type UnknownWebhookEvent,
  type AccountConnectedData,
  type AccountUpdatedData,
  type AccountRefData,
  type JobUpdateData,
  type AccountIncomeData,
} from './live/webhooks.js';
