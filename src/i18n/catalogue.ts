// The catalogues the host registers and the lookup over them, without the English catalogue itself:
// index.ts's msg() falls back to all of English, the connect button to its own part (bundle budget).
import type { CodeKind, MessageKey, Messages } from './en.js';

export type MessageParams = Record<string, string | number>;

/**
 * The registered catalogues, one map per page: shared by every copy of the kit (a script tag beside a bundle,
 * two bundles), so a catalogue registered through any copy reaches every element.
 */
const catalogues = ((globalThis as { [key: symbol]: unknown })[Symbol.for('mono-elements/catalogues')] ??= new Map()) as Map<string, Partial<Messages>>;

/**
 * Adds or extends a catalogue, e.g. `registerMessages('fr', fr)` with `fr` from `mono-elements/locales/fr`,
 * or `registerMessages('en-NG', { retry: 'Reload' })` to reword one message for a locale.
 */
export function registerMessages(language: string, messages: Partial<Messages>): void {
  const key = language.toLowerCase();
  catalogues.set(key, { ...catalogues.get(key), ...messages });
  localeChanged();
}

/** Heard by the elements of every copy of the kit on the page (locale.ts `watchLocale`). */
export const LOCALE_CHANGE = 'mono-elements:locale';

/** What an element's text resolves to may have changed: a catalogue was registered, or a `lang` attribute changed. */
export const localeChanged = (): void => void globalThis.dispatchEvent?.(new Event(LOCALE_CHANGE));

/** The tags to look a message up under, most specific first: `en-ng-x-mono-1`, `en-ng`, `en`. */
function lookupChain(locale: string): string[] {
  const tag = locale.toLowerCase();
  const chain = [tag];
  let base = tag.split('-x-')[0];
  while (base) {
    if (base !== chain[chain.length - 1]) chain.push(base);
    const cut = base.lastIndexOf('-');
    base = cut > 0 ? base.slice(0, cut) : '';
  }
  return chain;
}

/**
 * The language an element's words are in for `locale`: the first catalogue the lookup meets (`locale` itself when
 * that catalogue is in its language), else English, which is built in. Host rewordings (`-x-mono-…`) do not count.
 */
export function textLanguage(locale: string): string {
  const base = locale.split(/-x-/i)[0];
  const found = lookupChain(base).find((tag) => catalogues.has(tag)) ?? 'en';
  return found.split('-')[0] === base.split('-')[0].toLowerCase() ? base : found;
}

/**
 * A `msg()` over `english`: the message for `locale` (full tag, then shorter tags, then `english`) with
 * `{name}` placeholders filled.
 */
export function translator<K extends MessageKey>(english: Pick<Messages, K>) {
  return (locale: string, key: K, params?: MessageParams): string => {
    let text: string | undefined;
    for (const tag of lookupChain(locale)) {
      text = catalogues.get(tag)?.[key];
      if (text !== undefined) break;
    }
    text ??= english[key];
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? '')) : text;
  };
}

/**
 * One of Mono's codes (`bank_charges`, `SALARY`, `internet_banking`) in words: the locale's catalogue entry
 * `kind:code` (`category:bank_charges`) where one is registered, else the code made readable ("Bank charges"),
 * which is the English. English carries no entries, so the codes cost a page nothing until they are translated.
 */
export function codeWords(locale: string, kind: CodeKind, code: string | null | undefined): string {
  const words = (code ?? '').replace(/[\s_]+/g, ' ').trim().toLowerCase();
  for (const tag of lookupChain(locale)) {
    const text = catalogues.get(tag)?.[`${kind}:${words.replace(/ /g, '_')}`];
    if (text !== undefined) return text;
  }
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Right-to-left letters or bidi controls (a bank's text may end in an unclosed U+202E). */
const BIDI = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Bank text for a message placeholder: when it could reorder the message around it, it goes in a
 * first-strong isolate (FSI … PDI), which also closes whatever it left open.
 */
export const isolate = (value: string): string => (BIDI.test(value) ? `\u2068${value}\u2069` : value);

const scoped = new Map<string, string>();

/**
 * A locale tag that carries host overrides of the messages: `withMessages('en-NG', { retry: 'Reload' })`
 * → `en-NG-x-mono-1`. `Intl` formats it as `en-NG`; `msg()` finds the overrides first, then `en-NG`'s
 * catalogue. The same overrides give the same tag, so re-renders do not grow the catalogue list.
 */
export function withMessages(locale: string, overrides: Partial<Messages>): string {
  const base = locale.split(/-x-/i)[0];
  const inherited = base !== locale ? catalogues.get(locale.toLowerCase()) : undefined;
  const merged = { ...inherited, ...overrides };
  const key = JSON.stringify([base.toLowerCase(), Object.entries(merged).sort()]);
  let tag = scoped.get(key);
  if (!tag) {
    // Numbered by the shared map, which only grows: another copy's tags never collide with this one's.
    tag = `${base}-x-mono-${(catalogues.size + 1).toString(36)}`;
    scoped.set(key, tag);
    catalogues.set(tag.toLowerCase(), merged);
  }
  return tag;
}
