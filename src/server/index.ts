export { createSandboxHandler, type SandboxHandlerOptions, type FetchHandler } from './sandbox/handler.js';
export { SANDBOX_ACCOUNTS, type SandboxAccount } from './sandbox/accounts.js';
export { FAULT_KINDS, type FaultKind } from './sandbox/faults.js';
export { toNodeHandler, type NodeHandlerOptions, type NodeMiddleware } from './node.js';
