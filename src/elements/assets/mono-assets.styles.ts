import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_loading-block-size: 36rem;
  }
  .total-currency {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .total-return,
  .total-reported {
    font-size: 0.875em;
  }
  .total-reported {
    color: var(--_text-muted);
  }
  .holdings {
    margin-block-end: 1rem;
  }
  /* Symbol and type under the name, the percentage under the return: value and return sit beside the name. */
  .holdings .sub {
    display: block;
    font-size: 0.8125em;
    font-weight: 400;
  }
  .holdings th .sub {
    color: var(--_text-muted);
  }
  .controls {
    margin-block-end: 0.5rem;
  }
  .segmented {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  #group-by {
    margin-inline-end: 0.25rem;
  }
`;
