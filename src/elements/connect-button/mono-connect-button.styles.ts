// Plain text, adopted as a constructed stylesheet by the (Lit-free) button.
export const connectButtonCss = /* css */ `
  :host {
    display: inline-block;
  }
  /* Hidden (a reauth button that only a sync button opens), its dialog can still show. */
  :host([hidden]) {
    display: contents !important;
  }
  :host([hidden]) .words > :not(dialog) {
    display: none;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  /* The live region stays in the page (so that it is announced when filled) but takes no room while empty. */
  .status > :not(:empty) {
    margin-block-start: 0.35rem;
  }
  .status.error {
    color: var(--_negative);
  }
  .status.success {
    color: var(--_positive);
  }
  .link,
  .close {
    padding: 0;
    border: 0;
    background: none;
    cursor: pointer;
  }
  .link {
    color: var(--_accent);
    text-decoration: underline;
  }

  dialog {
    box-sizing: border-box;
    inline-size: min(var(--mono-connect-dialog-width, 26rem), 100vw - 1rem);
    block-size: min(var(--mono-connect-dialog-height, 42rem), 100dvh - 1rem);
    max-inline-size: none;
    max-block-size: none;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_text);
    overflow: hidden;
    overscroll-behavior: contain;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  /* Not through a private property of :host: ::backdrop inherits nothing before Chrome 122 and Safari 17.4. */
  dialog::backdrop {
    background: var(--mono-connect-backdrop, rgb(0 0 0 / 0.6));
  }
  .bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.5rem;
    padding-inline-start: 1rem;
    border-block-end: 1px solid var(--_border);
  }
  h2 {
    margin: 0;
    font-size: 1rem;
  }
  .close {
    display: inline-grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: var(--_radius);
    color: inherit;
    font-size: 1.5rem;
    line-height: 1;
  }
  .close:hover {
    background: var(--_surface-alt);
  }
  .close:disabled {
    opacity: 0.4;
    cursor: not-allowed;
  }
  .body {
    position: relative;
    flex: 1;
    min-block-size: 0;
  }
  .progress {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    margin: 0;
    color: var(--_text-muted);
    outline: 0;
  }
  iframe {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border: 0;
    background: var(--_surface);
  }
  iframe.pending {
    visibility: hidden;
  }
`;
