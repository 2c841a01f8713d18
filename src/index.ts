// Classes, helpers and types; importing this registers nothing (see ./define.ts).
export * from './model/index.js';
export * from './client/index.js';
export * from './core/index.js';
export { msg, registerMessages, withMessages, type MessageKey, type Messages } from './i18n/index.js';
export { MonoProvider } from './elements/provider/mono-provider.js';
