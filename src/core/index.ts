export * from './events.js';
export * from './context.js';
export * from './mono-element.js';
export * from './resource-controller.js';
export * from './format.js';
export * from './tokens.js';
export * from './theme.js';
export * from './poll.js';
