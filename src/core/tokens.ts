import { unsafeCSS } from 'lit';
import { CONTROLS_CSS, FADED_BUTTON_CSS, HOST_TOKENS_CSS, PRINT_CSS, SELECT_CSS, SR_ONLY_CSS, STATE_BOX_CSS } from './tokens-css.js';

/**
 * The kit's global tokens (`--mono-sys-*`) with light and dark values. Hosts override any of them on
 * an ancestor. Light or dark follows the page's `color-scheme` unless `--mono-color-scheme` (set by the
 * `theme` attribute, the `mono-theme-dark` / `mono-theme-light` classes, or the host's own CSS) forces one.
 * The text lives in tokens-css.ts, which needs no Lit.
 */
export const tokens = unsafeCSS(HOST_TOKENS_CSS + SR_ONLY_CSS + PRINT_CSS);

/** Shared look of the loading, empty, error and idle states. */
export const stateStyles = unsafeCSS(STATE_BOX_CSS + CONTROLS_CSS + SELECT_CSS + FADED_BUTTON_CSS);
