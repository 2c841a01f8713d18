export * from './errors.js';
export * from './client.js';
export { MonoClientCore, sharedCoreClient } from './core.js';
export * from './registry.js';
