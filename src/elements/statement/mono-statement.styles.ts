import { css } from 'lit';

export const statementStyles = css`
  :host {
    display: block;
    --_loading-block-size: 28rem;
    --_table-height: var(--mono-statement-table-height, 24rem);
  }
  .statement > * + * {
    margin-block-start: 0.85rem;
  }
  /* The reload bar's room is the data's (it sits over it). */
  .statement > .updating + * {
    margin-block-start: 0;
  }
  /* The PDF live regions stay in the tree (so changes are announced) but take no room while empty. */
  .statement > .pdf:not(:has(p, a, button)) {
    margin-block-start: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .period {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  .pdf,
  .pdf-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .pdf p {
    margin: 0;
  }
  .pdf progress {
    inline-size: 8rem;
    accent-color: var(--_accent);
  }
  .pdf.problem {
    color: var(--_negative);
  }
  .pdf a {
    color: var(--_accent);
    font-weight: 600;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.75rem;
    margin-block-end: 0;
  }
  .summary > div {
    padding: calc(var(--_space) * 0.6);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .summary dt {
    color: var(--_text-muted);
    font-size: 0.85rem;
  }
  .summary dd {
    margin: 0;
    font-size: 0.9375rem;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    /* Long figures ("1 314 648,95 NGN" has no space to break at) wrap rather than run out of their card. */
    overflow-wrap: anywhere;
  }
  .note {
    margin-block-end: 0;
    color: var(--_text-muted);
    font-size: 0.9rem;
  }
  mono-transaction-table {
    --mono-transactions-height: var(--_table-height);
  }
`;
