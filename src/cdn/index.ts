// The script-tag build (package.json `unpkg` / `jsdelivr`): registers every tag as it loads and exposes
// the API as `window.MonoElements` (MonoClient, formatters, registerMessages, the locale catalogues, …).
import '../define.js';

export * from '../index.js';
export * as locales from '../i18n/locales/index.js';
