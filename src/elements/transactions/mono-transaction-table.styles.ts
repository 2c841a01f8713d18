import { css } from 'lit';

export const tableStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    /* Its sticky header's z-index stays inside: the owner's reload bar is drawn over the table. */
    isolation: isolate;
    --_height: var(--mono-transactions-height, 28rem);
    --_row-h: var(--mono-transactions-row-height, 2.75rem);
    --_credit: var(--mono-transactions-credit-color, var(--_positive));
    --_debit: var(--mono-transactions-debit-color, var(--_negative));
  }
  /* No overscroll-behavior: contain here. On a phone the box is most of the screen, and a swipe that starts at its
     end must go on to the page (the pager, what follows); contained, it did nothing. */
  .viewport {
    position: relative;
    max-block-size: var(--_height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  table {
    inline-size: 100%;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
    font-size: 0.9375rem;
    line-height: 1.25;
    /* As wide as the rows' widest amount and balance (--_amount-chars, --_balance-chars: characters, counted at a
       bold digit's width, with one more for a wide "+") with the amount's icon and the padding; the balance never
       narrower than its heading (the amount, at least "₦0.00" and one, always holds its own). */
    --_amount-w: calc((var(--_amount-chars, 12) + 1) * 1.1ch + 2.9rem);
    --_balance-w: max(6.5rem, calc(var(--_balance-chars, 12) * 1.05ch + 1.5rem));
  }
  /* "28 sept. 2026" in full with WCAG 1.4.12 text spacing. */
  col.col-date {
    inline-size: 8.75rem;
  }
  col.col-amount {
    inline-size: var(--_amount-w);
  }
  col.col-balance {
    inline-size: var(--_balance-w);
  }
  /* As wide as the rows' longest category (--_category-chars), but the narration comes first: the category
     gives way (down to 7.5rem, cut with an ellipsis) while the narration has less than 15rem (15rem and the
     date's 8.75rem make the 23.75rem), and never takes more than a fifth of the table. */
  col.col-category {
    inline-size: clamp(7.5rem, var(--_category-chars, 0) * 1ch + 1.5rem, min(14rem, 22cqi, 100cqi - 23.75rem - var(--_amount-w) - var(--_balance-w)));
  }
  th,
  td {
    padding: 0 0.75rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: start;
  }
  th {
    position: sticky;
    top: 0;
    z-index: 1;
    block-size: 2.5rem;
    background: var(--_surface-alt);
    border-block-end: 1px solid var(--_border);
    font-weight: 600;
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  /* Bank text, dates and balances set their own direction (so a right-to-left page keeps "26 Nov 2026" and a
     minus sign in order), aligned like the table's direction, not their text's: start would follow each
     paragraph (an Arabic narration right in a left-to-right table), and engines compute match-parent to start.
     A narration's cell is dir=auto besides: Firefox and WebKit put the ellipsis at the end of the cell's
     direction, not of its plaintext paragraph, so an Arabic narration in a left-to-right table (or English in a
     right-to-left one) was clipped with none; hence the row's direction, not the cell's, for the alignment. */
  td.col-narration,
  td.col-date,
  td.col-balance {
    unicode-bidi: plaintext;
    text-align: left;
  }
  :dir(rtl) > .col-narration,
  td.col-date:dir(rtl) {
    text-align: right;
  }
  /* A date is never cut: with wider letter and word spacing (WCAG 1.4.12) it runs into the cells' padding. */
  td.col-date {
    overflow: visible;
    text-overflow: clip;
  }
  th.col-amount,
  th.col-balance,
  td.col-amount,
  td.col-balance {
    text-align: end;
  }
  td.col-balance:dir(rtl) {
    text-align: left;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.25rem 0.35rem;
    margin-inline: -0.35rem;
    border: 0;
    border-radius: 4px;
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .sort.date-inline {
    display: none;
  }
  /* The amount's break opportunity is for phones only: a wider row keeps "-22 750,00 NGN" on one line. */
  .money wbr {
    display: none;
  }
  .sort:hover {
    color: var(--_text);
  }
  .sort-icon {
    inline-size: 0.55rem;
    block-size: 0.8rem;
    fill: currentColor;
  }
  .sort-icon.none {
    opacity: 0.35;
  }
  .sort-icon.desc path:first-child,
  .sort-icon.asc path:last-child {
    opacity: 0.25;
  }
  .row {
    block-size: var(--_row-h);
    cursor: pointer;
  }
  .row td {
    block-size: var(--_row-h);
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 70%, transparent);
  }
  .row:hover {
    background: var(--_surface-alt);
  }
  .row:focus-visible {
    box-shadow: none;
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .row[aria-current='true'] {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  .row[aria-current='true'] td:first-child {
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  @media (forced-colors: active) {
    .row[aria-current='true'] td {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .row[aria-current='true'] td * {
      color: inherit;
    }
  }
  .sizer {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 1px;
    visibility: hidden;
  }
  tr.spacer td {
    padding: 0;
  }
  .col-date,
  .col-balance,
  .muted {
    color: var(--_text-muted);
  }
  .amount {
    display: inline-flex;
    vertical-align: middle;
    align-items: center;
    gap: 0.3rem;
    font-weight: 600;
  }
  .credit .amount {
    color: var(--_credit);
  }
  .debit .amount {
    color: var(--_text);
  }
  .direction {
    --_tone: var(--_debit);
    color: var(--_tone);
    background: color-mix(in srgb, var(--_tone) 14%, transparent);
    flex: none;
    inline-size: 1.1rem;
    block-size: 1.1rem;
    padding: 0.2rem;
    border-radius: 50%;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .credit .direction {
    --_tone: var(--_credit);
  }
  .empty,
  .print-note {
    margin: 0.75rem;
  }
  /* On paper nothing scrolls or hovers: every row (the table renders them for printing), bank text in full. */
  @media print {
    .viewport {
      max-block-size: none;
      overflow: visible;
    }
    table {
      table-layout: auto;
    }
    colgroup {
      display: none;
    }
    th {
      position: static;
    }
    .sort {
      display: contents;
    }
    td.col-narration,
    td.col-category {
      white-space: normal;
    }
    /* Only the narration may break inside a word: a long reference never pushes the balance off the page. */
    td.col-narration {
      overflow-wrap: anywhere;
    }
    .row {
      break-inside: avoid;
    }
    .sizer {
      display: none;
    }
  }
  @container (max-width: 44rem) {
    .col-category {
      display: none;
    }
  }
  /* Phones: the date moves under the narration (the sighted and the screen-reader text of the cell) so
     the amount gets the room to show in full. */
  @container (max-width: 32rem) {
    .col-balance,
    .col-date,
    .direction {
      display: none;
    }
    /* The widest amount with the padding (no icon here), up to half the row; past that it wraps. */
    col.col-amount {
      inline-size: min(50cqi, calc((var(--_amount-chars, 12) + 1) * 1.1ch + 1rem));
    }
    th,
    td {
      padding-inline: 0.5rem;
    }
    .row,
    .row td {
      block-size: max(var(--_row-h), 3.5rem);
    }
    td.col-amount {
      white-space: normal;
    }
    /* The date's sort button moves with the date, into the narration's header, on a line of its own when
       the two do not fit side by side. */
    .sort.date-inline {
      display: inline-flex;
    }
    /* Wrapped, so nothing to cut: Firefox's ellipsis hid the whole sort button when its margin passed the edge. */
    th.col-narration {
      white-space: normal;
      overflow: visible;
      text-overflow: clip;
      padding-block: 0.25rem;
    }
    .money {
      min-inline-size: 0;
    }
    /* The sign, the symbol and the first digit group stay together. */
    .money > span {
      white-space: nowrap;
    }
    .money wbr {
      display: inline;
    }
    td.col-narration::after {
      content: attr(data-date);
      display: block;
      unicode-bidi: plaintext;
      overflow: hidden;
      text-overflow: ellipsis;
      font-size: 0.8125rem;
      color: var(--_text-muted);
    }
  }
`;
