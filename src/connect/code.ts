// What the widget's messages and the redirect return share: both hand over a code, checked the same way.

/** The message the kit's redirect helper posts from the host's `redirect_url` page to the page that opened the widget. */
export const REDIRECT_MESSAGE_TYPE = 'mono-elements.redirect';

const CODE = /^[\w.~-]{1,512}$/;

/** A code as the widget or redirect hands it over, or null when it is missing or not code-shaped. */
export function cleanCode(value: unknown): string | null {
  return typeof value === 'string' && CODE.test(value.trim()) ? value.trim() : null;
}
