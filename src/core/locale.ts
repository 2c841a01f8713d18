// Lit-free, so that the connect button (no Lit) resolves its locale the same way as the other elements.

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
