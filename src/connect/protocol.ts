// The protocol pieces the connect button needs up front; the widget side (message parsing, URL check) is
// in messages.ts, the classic widget in classic.ts, the redirect return in redirect-return.ts, each loaded
// when needed.

/** Where Mono serves its widget (hosted links and the classic iframe widget). */
export const MONO_WIDGET_ORIGINS: readonly string[] = ['https://connect.mono.co', 'https://link.mono.co'];

/**
 * `widget-origins` as a list of origins. Space-separated; `self` stands for the page's own origin (the
 * sandbox serves its widget there). Empty or absent → Mono's origins. Entries that are not http(s)
 * origins are dropped.
 */
export function parseWidgetOrigins(attribute: string | null | undefined, pageOrigin: string): string[] {
  const tokens = (attribute ?? '').split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [...MONO_WIDGET_ORIGINS];
  const origins = new Set<string>();
  for (const token of tokens) {
    if (token === 'self' || token === "'self'") {
      origins.add(pageOrigin);
      continue;
    }
    try {
      const url = new URL(token);
      if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
    } catch {
      // not an origin: ignored
    }
  }
  return [...origins];
}

/** A fresh, unguessable reference: Mono's `meta.ref`, the key of every widget message and the CSRF state of a redirect. */
export function newReference(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `kit-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
