import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .total-label {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .list {
    margin-block-start: 1rem;
  }
  .narration {
    overflow-wrap: anywhere;
  }
  p.state {
    margin: 0 0 0.5rem;
  }
`;
