import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
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
  .controls {
    margin-block-end: 0.5rem;
  }
  .segmented {
    display: inline-flex;
    gap: 0.25rem;
  }
`;
