import { css } from 'lit';

export const transactionsStyles = css`
  :host {
    display: block;
    /* Painted, so that a forced light or dark theme stays readable on any page (the shared tokens set the text colour). */
    background: var(--_surface);
    --_credit: var(--mono-transactions-credit-color, var(--_positive));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 0.75rem;
    margin-block-end: 0.75rem;
  }
  .field {
    display: grid;
    gap: 0.2rem;
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  /* 16 px at least: iOS Safari zooms the page in on a tap into a smaller field, and leaves it zoomed. */
  input {
    font: inherit;
    font-size: max(1rem, 16px);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.55rem;
    min-block-size: 2.25rem;
  }
  input::placeholder {
    color: var(--_text-muted);
    opacity: 1;
  }
  /* Fields (text and date; the radios are hidden) show the ring on any focus, and :focus-within also covers
     Chromium's calendar button inside a date field, which takes the keyboard's focus without the field matching
     :focus or :focus-visible. */
  input:focus-within {
    border-color: var(--_accent);
    box-shadow: var(--_focus);
  }
  .search {
    position: relative;
    flex: 1 1 12rem;
    min-inline-size: 10rem;
  }
  .search input {
    inline-size: 100%;
    padding-inline-start: 2rem;
  }
  /* The search and export icons. */
  svg {
    inline-size: 1rem;
    block-size: 1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .search svg {
    position: absolute;
    inset-inline-start: 0.6rem;
    inset-block-end: 0.65rem;
    stroke: var(--_text-muted);
    pointer-events: none;
  }
  .segmented {
    display: inline-flex;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    overflow: hidden;
    min-block-size: 2.25rem;
  }
  .segmented label {
    position: relative;
    display: inline-flex;
  }
  .segmented label + label {
    border-inline-start: 1px solid var(--_control-border);
  }
  .segmented input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segmented span {
    display: inline-flex;
    align-items: center;
    padding: 0.4rem 0.75rem;
    font-size: 0.875rem;
    color: var(--_text-muted);
    background: var(--_surface);
    white-space: nowrap;
  }
  /* No bolder weight for the chosen one: it would widen the control and move the search box at every choice. */
  .segmented input:checked + span {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  /* Printed without backgrounds, the chosen one would be the palest. */
  @media print {
    .segmented input:checked + span {
      print-color-adjust: exact;
    }
  }
  @media (forced-colors: active) {
    .segmented input:checked + span {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  .segmented input:focus-visible + span {
    outline: 2px solid currentColor;
    outline-offset: -4px;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-end: 0.75rem;
  }
  .totals {
    flex: 1 1 auto;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1.5rem;
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .total {
    display: flex;
    align-items: baseline;
    gap: 0.4rem;
  }
  .total dt {
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .total dd {
    margin: 0;
    font-weight: 600;
  }
  .total.in dd {
    color: var(--_credit);
  }
  .total.count dd {
    font-weight: 400;
    color: var(--_text-muted);
  }
  .totals[aria-busy='true'] dd {
    opacity: 0.6;
  }
  .empty-message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  .empty-message p {
    margin: 0;
  }
  .state.inline {
    margin-block-start: 0.75rem;
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    margin-block-start: 0.75rem;
  }
  .pager.more {
    justify-content: space-between;
  }
  .page-info {
    color: var(--_text-muted);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .skeleton {
    container-type: inline-size;
    display: grid;
    gap: 1px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-block-size: var(--mono-transactions-height, 28rem);
    overflow: hidden;
    background: var(--_border);
  }
  .bone-row {
    display: grid;
    grid-template-columns: 6rem 1fr 6rem 7rem;
    gap: 1.5rem;
    align-items: center;
    block-size: var(--mono-transactions-row-height, 2.75rem);
    padding-inline: 0.75rem;
    background: var(--_surface);
  }
  .bone-row span {
    block-size: 0.7rem;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_surface-alt), var(--_border), var(--_surface-alt));
    background-size: 200% 100%;
    animation: mono-shimmer 1.4s ease-in-out infinite;
  }
  /* As the phone table: narration and amount only. */
  @container (max-width: 32rem) {
    .bone-row {
      grid-template-columns: 1fr 6rem;
    }
    .bone-row span:nth-child(odd) {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone-row span {
      animation: none;
    }
  }
  @keyframes mono-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
`;
