export * from './protocol.js';
export * from './gate.js';
export * from './prefetch.js';
export * from './surface.js';
export * from './session.js';
export * from './redirect.js';
export * from './scroll-lock.js';
