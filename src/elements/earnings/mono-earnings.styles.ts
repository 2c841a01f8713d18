import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_loading-block-size: 36rem;
  }
  .total-label {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .table-wrap {
    container-type: inline-size;
  }
  .list {
    margin-block-start: 1rem;
  }
  .narration {
    overflow-wrap: anywhere;
  }
  .list td.date {
    white-space: nowrap;
  }
  /* Phones: the narration and the date move under the asset (the sighted and the screen-reader text of
     the cell) so the amount shows in full without scrolling sideways. */
  @container (max-width: 32rem) {
    .list :is(.date, .narration) {
      display: none;
    }
    .list td.asset::after {
      content: attr(data-narration) '\\A' attr(data-date);
      display: block;
      white-space: pre-line;
      unicode-bidi: plaintext;
      text-align: left; /* the table's side, not each line's own (match-parent computes to start) */
      overflow-wrap: anywhere;
      font-size: 0.8125rem;
      color: var(--_text-muted);
    }
    .list td.asset:dir(rtl)::after {
      text-align: right;
    }
  }
  .state.none {
    flex-wrap: wrap;
    margin-block-end: 0.5rem;
  }
  .state.none p {
    margin: 0;
    flex: 1 1 12rem;
  }
`;
