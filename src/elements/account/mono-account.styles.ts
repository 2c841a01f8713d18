import { css } from 'lit';

export const accountStyles = css`
  :host {
    display: block;
    --_loading-block-size: 15rem;
    --_padding: var(--mono-account-padding, var(--_space));
    --_balance-size: var(--mono-account-balance-size, 1.75rem);
  }
  .account {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  p,
  dl,
  dd {
    margin: 0;
  }
  .institution {
    font-weight: 600;
  }
  .muted,
  .type-text,
  .help {
    color: var(--_text-muted);
    font-weight: normal;
  }
  .type-text,
  .help {
    display: block;
    font-size: 0.85em;
  }
  .holder {
    overflow-wrap: anywhere;
  }
  .balance {
    display: grid;
  }
  .amount {
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  .balance .amount {
    font-size: var(--_balance-size);
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0.75rem 1.25rem;
  }
  .balance .label,
  dt {
    color: var(--_text-muted);
    font-size: 0.85rem;
  }
  dd {
    overflow-wrap: anywhere;
  }
  .status {
    grid-column: 1 / -1;
  }
  .badge {
    --_tone: var(--_text-muted);
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.1em 0.6em;
    border: 1px solid var(--_tone);
    border-radius: 999px;
    color: var(--_tone);
    background: color-mix(in srgb, var(--_tone) 10%, var(--_surface));
    font-size: 0.85rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    white-space: nowrap;
  }
  .badge .dot {
    inline-size: 0.55em;
    block-size: 0.55em;
    border-radius: 50%;
    background: currentColor;
  }
  .badge[data-status='AVAILABLE'] {
    --_tone: var(--_positive);
  }
  .badge[data-status='PARTIAL'] {
    --_tone: var(--_warning);
  }
  .badge[data-status='FAILED'] {
    --_tone: var(--_negative);
  }
  .badge[data-status='PROCESSING'] {
    --_tone: var(--_accent);
  }
  /* Shapes as well as colours tell the statuses apart. */
  .badge[data-status='PARTIAL'] .dot {
    background: linear-gradient(90deg, currentColor 50%, transparent 50%);
    border: 1px solid currentColor;
  }
  .badge[data-status='UNAVAILABLE'] .dot {
    background: transparent;
    border: 1px solid currentColor;
  }
  .badge[data-status='FAILED'] .dot {
    border-radius: 1px;
    transform: rotate(45deg);
  }
  .badge[data-status='PROCESSING'] .dot {
    background: transparent;
    border: 2px solid currentColor;
    border-top-color: transparent;
    animation: mono-spin 0.9s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .badge[data-status='PROCESSING'] .dot {
      animation-duration: 3s;
    }
  }
  .gave-up {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-block-start: 0.35rem;
  }
  .button.small {
    padding: 0.2rem 0.6rem;
    font-size: 0.85rem;
  }

  /* compact: one line for tight spaces, and a loading box of that line's height */
  :host([compact]) {
    --_loading-block-size: 2.5rem;
  }
  :host([compact]) .state {
    padding-block: calc(var(--_padding) / 2);
  }
  .account.compact {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: calc(var(--_padding) / 2) var(--_padding);
  }
  .compact .institution {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .help.inline {
    display: inline;
  }
`;
