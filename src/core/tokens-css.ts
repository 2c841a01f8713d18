// Lit-free on purpose: the connect button (no Lit, bundle budget) adopts the same text as a stylesheet;
// tokens.ts wraps it for the Lit elements. Only plain literals here: a bundler keeps a `+` of them even when
// unused (the connect button carried the state boxes' rules that way), so tokens.ts joins them.
import { THEME_CSS } from './theme-classes.js';

/**
 * The kit's global tokens (`--mono-sys-*`) with light and dark values. Hosts override any of them on
 * an ancestor. Light or dark follows the page's own `color-scheme`, as the browser's form controls do: a page
 * that declares none stays light whatever the system prefers (light text on its white background would be
 * unreadable), and one that declares `light dark` gets the system's scheme. `--mono-color-scheme` (set by the
 * `theme` attribute, the `mono-theme-dark` / `mono-theme-light` classes, or the host's own CSS) forces one;
 * unset, the `var()` is invalid, so `color-scheme` is inherited from the page.
 * The focus ring is the accent outside a gap of the surface, so it keeps 3:1 beside any colour the control
 * has; a transparent outline beside it is what forced colours (high contrast) draw, as they drop box-shadow.
 * Fields and pickers have their own border, at 3:1 on the surface (the lines between rows stay light).
 */
export const HOST_TOKENS_CSS = /* css */ `
  :host {
    color-scheme: var(--mono-color-scheme);
    --_surface: var(--mono-sys-surface, light-dark(#ffffff, #16181d));
    --_surface-alt: var(--mono-sys-surface-alt, light-dark(#f5f6f8, #1f2229));
    --_text: var(--mono-sys-text, light-dark(#1b1d22, #e8eaef));
    --_text-muted: var(--mono-sys-text-muted, light-dark(#5b616e, #a3a9b6));
    --_border: var(--mono-sys-border, light-dark(#dde0e6, #363a45));
    --_accent: var(--mono-sys-color-accent, light-dark(#1a56db, #7aa2ff));
    --_on-accent: var(--mono-sys-color-on-accent, light-dark(#ffffff, #0b1020));
    --_positive: var(--mono-sys-color-positive, light-dark(#0a7d3b, #4cd28a));
    --_negative: var(--mono-sys-color-negative, light-dark(#b42318, #ff8a80));
    --_warning: var(--mono-sys-color-warning, light-dark(#8a5a00, #f5c451));
    --_radius: var(--mono-sys-radius, 8px);
    --_font: var(--mono-sys-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space: var(--mono-sys-space, 1rem);
    --_focus: var(--mono-sys-focus-ring, 0 0 0 2px var(--_surface), 0 0 0 4px var(--_accent));
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
  }
  ${THEME_CSS}
  :host([hidden]) {
    display: none !important;
  }
  .words {
    display: contents;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
  }
  :focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus);
  }
`;

/** Visually hidden, still read by screen readers. */
export const SR_ONLY_CSS = /* css */ `
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Paper is white and printers drop backgrounds: a dark theme's light text would be all but invisible. */
export const PRINT_CSS = /* css */ `
  @media print {
    :host,
    :host([theme]) {
      color-scheme: light;
    }
  }
`;


/** The loading, empty, error and idle boxes. */
export const STATE_BOX_CSS = /* css */ `
  .state {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text-muted);
  }
  .state.error {
    flex-wrap: wrap;
    color: var(--_negative);
    border: 1px solid currentColor;
    background: var(--_surface);
  }
  /* Above the data it failed to reload, which stays. */
  .state.kept {
    margin-block-end: var(--_space);
  }
  /* Its reload bar (z-index 1) and any layer inside stay over its own content, not the page's (a sticky header). */
  :host {
    isolation: isolate;
  }
  /* A reload of the data on screen: a bar above it, sweeping from 0.3 s on (a quick one shows nothing), in no room of its own. */
  .updating {
    position: relative;
    z-index: 1;
    block-size: 3px;
    margin-block-end: -3px;
    background: linear-gradient(90deg, #0000, var(--_accent), #0000) -70% 0 / 40% 100% no-repeat;
    animation: mono-sweep 1.2s 0.3s linear infinite;
  }
  .updating:dir(rtl) {
    animation-direction: reverse;
  }
  @keyframes mono-sweep {
    to {
      background-position-x: 170%;
    }
  }
  @keyframes mono-unseen {
    from {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .updating {
      background-size: 100%;
      animation: mono-unseen 0s 0.3s backwards;
    }
  }
  /* Forced colours drop the gradient: the bar is drawn in the system's highlight. */
  @media (forced-colors: active) {
    .updating {
      forced-color-adjust: none;
      --_accent: Highlight;
    }
  }
  .state.error p {
    margin: 0;
    flex: 1 1 16rem;
  }
  /* About the loaded content's height, so the page does not jump when it arrives (taller on phones, where it stacks). */
  .state.loading {
    min-block-size: var(--mono-loading-block-size, var(--_loading-block-size));
  }
  @media (max-width: 40rem) {
    .state.loading {
      min-block-size: var(--mono-loading-block-size, calc(1.4 * var(--_loading-block-size)));
    }
  }
`;

/** The spinner and the buttons (all the connect button needs of the shared states). */
export const CONTROLS_CSS = /* css */ `
  .spinner {
    inline-size: 1rem;
    block-size: 1rem;
    border-radius: 50%;
    border: 2px solid var(--_border);
    border-top-color: var(--_accent);
    animation: mono-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  @keyframes mono-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.45rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;

/** The elements' pickers (period, currency, grouping). */
export const SELECT_CSS = /* css */ `
  :host {
    --_control-border: var(--mono-sys-control-border, light-dark(#858b97, #6f7685));
  }
  /* Forced colours (high contrast) drop backgrounds: a pressed toggle keeps the system's selected colours. */
  @media (forced-colors: active) {
    [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  /* 16 px at least, on a page with smaller text too: iOS Safari zooms in on a tap into a smaller field. */
  select {
    font: inherit;
    font-size: max(1em, 16px);
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.45rem;
  }
`;

/** Buttons that stay focusable while they cannot act (aria-disabled): faded by colour, not opacity, which would fade the focus ring under 3:1 too. */
export const FADED_BUTTON_CSS = /* css */ `
  .button[aria-disabled='true'] {
    --_faded: color-mix(in srgb, var(--_accent) 55%, var(--_surface));
    border-color: var(--_faded);
    background: var(--_faded);
    cursor: not-allowed;
  }
  .button.secondary[aria-disabled='true'] {
    background: transparent;
    color: var(--_faded);
  }
`;

