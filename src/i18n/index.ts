import { en, type MessageKey, type Messages } from './en.js';

export type { MessageKey, Messages };

const catalogues = new Map<string, Partial<Messages>>([['en', en]]);

/** Adds or extends a catalogue, e.g. `registerMessages('fr', { retry: 'Réessayer' })`. */
export function registerMessages(language: string, messages: Partial<Messages>): void {
  const key = language.toLowerCase();
  catalogues.set(key, { ...catalogues.get(key), ...messages });
}

/** The message for `locale` (full tag, then language, then English) with `{name}` placeholders filled. */
export function msg(locale: string, key: MessageKey, params?: Record<string, string | number>): string {
  const tag = locale.toLowerCase();
  const text = catalogues.get(tag)?.[key] ?? catalogues.get(tag.split('-')[0])?.[key] ?? en[key];
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? '')) : text;
}
