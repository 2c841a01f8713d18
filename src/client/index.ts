export * from './errors.js';
export * from './client.js';
export { MonoClientCore } from './core.js';
export { ConnectClient, sharedCoreClient } from './connect-client.js';
export * from './registry.js';
