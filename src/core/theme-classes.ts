// Lit-free on purpose: the connect button (no Lit, bundle budget) applies the same theme rules as text.

/**
 * Forces light or dark: the `theme` attribute on an element or a `<mono-provider>` (which passes it on to
 * everything inside through the inherited `--mono-color-scheme`). Without it the colours follow
 * the page's `color-scheme` (light unless the page declares dark too).
 */
export const THEME_CSS = /* css */ `
  :host([theme='light']) {
    --mono-color-scheme: light;
    color-scheme: light;
  }
  :host([theme='dark']) {
    --mono-color-scheme: dark;
    color-scheme: dark;
  }
`;

/** The rules behind the `mono-theme-light` / `mono-theme-dark` classes on any ancestor in the page. */
export const THEME_CLASS_RULES =
  '.mono-theme-light{--mono-color-scheme:light}.mono-theme-dark{--mono-color-scheme:dark}';

const installed = Symbol.for('mono-elements/theme-classes');

/**
 * Adds the theme-class rules to the document once (shared by every copy of the kit on the page), through
 * a constructed stylesheet so that a strict CSP (no inline styles) allows it. A no-op without a DOM.
 */
export function installThemeClasses(doc?: Document): void {
  // Checked first so that server rendering never reads `document` at all.
  if (typeof CSSStyleSheet === 'undefined') return;
  doc ??= globalThis.document;
  if (!doc || !('adoptedStyleSheets' in doc)) return;
  const holder = doc as Document & { [installed]?: boolean };
  if (holder[installed]) return;
  holder[installed] = true;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(THEME_CLASS_RULES);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // Very old engines without constructable stylesheets: themes/base.css carries the same rules.
  }
}
