import { unsafeCSS } from 'lit';
import { THEME_CSS } from './theme-classes.js';

export { THEME_CLASS_RULES, installThemeClasses } from './theme-classes.js';

export type ThemeName = 'light' | 'dark';

/**
 * Forces light or dark: the `theme` attribute on an element or a `<mono-provider>` (which passes it on to
 * everything inside through the inherited `--mono-color-scheme`). Without it the colours follow
 * the page's `color-scheme` (light unless the page declares dark too). (The text lives in theme-classes.ts, which needs no Lit.)
 */
export const themeStyles = unsafeCSS(THEME_CSS);
