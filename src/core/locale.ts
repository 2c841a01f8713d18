// Lit-free, so that the connect button (no Lit) resolves its locale the same way as the other elements.
import { LOCALE_CHANGE, localeChanged, withMessages } from '../i18n/catalogue.js';
import type { Messages } from '../i18n/en.js';

/**
 * The first candidate `Intl` accepts as a BCP 47 tag, else `en-NG`. A page's `lang="en_US"`, or a browser
 * reporting the POSIX locale `C` as `navigator.language` (WebKitGTK without LANG), must not make every
 * number and date format throw.
 */
export function firstValidLocale(...candidates: (string | null | undefined)[]): string {
  for (const tag of candidates) {
    if (!tag) continue;
    try {
      Intl.getCanonicalLocales(tag);
      return tag;
    } catch {
      // not a language tag: try the next source
    }
  }
  return 'en-NG';
}

let langObserver: MutationObserver | undefined;

/**
 * Calls `changed` when a catalogue is registered or a `lang` attribute changes in the page (a lazily loaded
 * catalogue, a language switcher), until the returned function is called.
 */
export function watchLocale(changed: () => void): () => void {
  (langObserver ??= new MutationObserver(localeChanged)).observe(document, { attributeFilter: ['lang'], subtree: true });
  addEventListener(LOCALE_CHANGE, changed);
  return () => removeEventListener(LOCALE_CHANGE, changed);
}

/** What an element and its provider say about language. */
export interface LocaleSources {
  locale?: string;
  messages?: Partial<Messages>;
}

/** The nearest `lang` above `element`, looking out through the shadow roots it sits in (another component's, a framework's). */
function nearestLang(element: Element): string | null | undefined {
  let node: Element | undefined = element;
  while (node) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang != null) return lang; // "" says the language is unknown: the default, not an outer one
    node = (node.getRootNode() as Partial<ShadowRoot>).host;
  }
  return undefined;
}

/**
 * The locale an element formats and translates with: its own `locale`, the provider's, the nearest `lang`
 * (through shadow roots), then `en-NG`. Not the browser's language: a Nigerian customer's phone set to
 * `en-US` would show `NGN 1,000.00` where the page's market reads `₦1,000.00`. When the host overrides
 * messages (on the element or the provider) they ride along as a private-use subtag (`en-NG-x-mono-1`),
 * which `Intl` ignores and `msg()` reads.
 */
export function resolveLocale(element: Element, own: LocaleSources, provided: LocaleSources | undefined): string {
  const locale = firstValidLocale(
    own.locale,
    provided?.locale,
    nearestLang(element),
  );
  const shared = provided?.messages;
  if (!shared && !own.messages) return locale;
  return withMessages(locale, { ...shared, ...own.messages });
}
