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
  .state.none {
    flex-wrap: wrap;
    margin-block-end: 0.5rem;
  }
  .state.none p {
    margin: 0;
    flex: 1 1 12rem;
  }
`;
